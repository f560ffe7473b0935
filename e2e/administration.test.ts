import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { SocietyProfile } from '../common/societies.ts';
import { Member } from '../common/users.ts';
import { ageStepUp } from './support/api.ts';
import { axeViolations, type Violation } from './support/axe.ts';
import { axeInEveryLanguage, type LanguageCheck } from './support/languages.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  accountOf,
  demoAccounts,
  signInThroughScreens,
  signedInUserId,
  waitForPath,
} from './support/passage.ts';
import { nextCode } from './support/totp.ts';

let browser: Browser;
let accounts: DemoAccount[];

/** Administration screens are drawn once their first section heading is; screenshots are named after the area. */
const adminCheck: LanguageCheck = {
  ready: async (page) => {
    // The pointer rests on the content, not on the link just followed (a hovered link is another check's business).
    await page.mouse.move(640, 700);
    await page.locator('main h2').first().waitFor();
  },
  shotPrefix: 'administration-',
};

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

/** A request through the browser's own session (its cookie), as another tab of the same administrator would. */
async function asTheBrowser(
  page: Page,
  method: 'GET' | 'PUT',
  path: string,
  options: { headers?: Record<string, string>; data?: unknown } = {},
) {
  const request = page.context().request;
  const session = (await (await request.get(`${baseUrl()}/api/session`)).json()) as { csrfToken: string };
  return request.fetch(`${baseUrl()}${path}`, {
    method,
    headers: { origin: baseUrl(), 'x-csrf-token': session.csrfToken, ...options.headers },
    ...(options.data === undefined ? {} : { data: options.data }),
  });
}

/** Confirms it is them in the step-up dialog the app opens, with a fresh authenticator code. */
async function confirmItIsMe(page: Page, account: DemoAccount): Promise<void> {
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await stepUp.waitFor();
  await stepUp.locator('input[autocomplete="one-time-code"]').fill(await nextCode(account.totpSecret));
  await stepUp.locator('button[type="submit"]').click();
  await stepUp.waitFor({ state: 'hidden' });
}

describe('administration of the society', () => {
  it('adds a member, changes their roles, staffs a team and changes a setting, with axe on every screen', async () => {
    const admin = accountOf(accounts, 'administrator');
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, admin);
    const adminId = await signedInUserId(page);
    const found: Record<string, Violation[]> = {};

    await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
    await waitForPath(page, '/administration');
    await page.getByRole('table').waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'members', adminCheck));

    // Adding someone hands out access: with an old confirmation, the app asks for a fresh code first.
    await page.getByRole('link', { name: 'Add a member' }).click();
    await waitForPath(page, '/administration/members/new');
    Object.assign(found, await axeInEveryLanguage(page, 'add-member', adminCheck));
    const email = `test.member.alpha.${randomBytes(3).toString('hex')}@example.invalid`;
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(email);
    await page.getByRole('textbox', { name: 'Name' }).fill('Test Member Alpha');
    await page.getByRole('checkbox', { name: 'Volunteer', exact: true }).check();
    await ageStepUp(adminId);
    await page.getByRole('button', { name: 'Add the member' }).click();
    await confirmItIsMe(page, admin);
    await page.getByRole('heading', { name: 'Member added' }).waitFor();
    const password = await page.getByTestId('temporary-password').innerText();
    expect(password.length).toBeGreaterThanOrEqual(12);
    Object.assign(found, await axeInEveryLanguage(page, 'member-added', adminCheck));

    // The member's page: their roles, changed through the step-up dialog again.
    await page.getByRole('link', { name: "Open the member's page" }).click();
    await page.getByRole('heading', { name: 'Test Member Alpha' }).waitFor();
    const memberId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(page.url()).not.toContain('Alpha');
    Object.assign(found, await axeInEveryLanguage(page, 'member', adminCheck));
    await page.getByRole('checkbox', { name: 'Caseworker', exact: true }).check();
    await ageStepUp(adminId);
    await page.getByRole('button', { name: 'Save the roles' }).click();
    await confirmItIsMe(page, admin);
    await page.getByText('The roles were saved.').waitFor();
    const saved = Member.parse(await (await asTheBrowser(page, 'GET', `/api/users/${memberId}`)).json());
    expect(saved.roles).toEqual(['volunteer', 'caseworker']);

    // Someone else changes the roles meanwhile: saving from the old version is refused and the latest is shown.
    const meanwhile = await asTheBrowser(page, 'PUT', `/api/users/${memberId}/roles`, {
      headers: { 'if-match': `"${saved.version}"` },
      data: { roles: ['trainer'] },
    });
    expect(meanwhile.status()).toBe(200);
    await page.getByRole('checkbox', { name: 'Coordinator', exact: true }).check();
    await page.getByRole('button', { name: 'Save the roles' }).click();
    await page.getByText('Someone changed this member in the meantime.', { exact: false }).waitFor();
    const checked = (role: string) => page.getByRole('checkbox', { name: role, exact: true }).isChecked();
    await expect.poll(() => checked('Trainer')).toBe(true);
    expect(await checked('Caseworker')).toBe(false);
    expect(await checked('Coordinator')).toBe(false);
    await screenshot(page, 'administration-roles-stale-en');

    // Removing asks first; cancelling leaves the member as they were.
    await page.getByRole('button', { name: 'Remove from the society' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove this member from the society?' });
    await confirm.waitFor();
    const dialogViolations = await axeViolations(page);
    if (dialogViolations.length > 0) found['remove-dialog (en)'] = dialogViolations;
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });

    // A new team, with the new member in it.
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await waitForPath(page, '/administration/teams');
    const teamName = `E2E team ${randomBytes(2).toString('hex')}`;
    await page.getByRole('textbox', { name: 'Name of a new team' }).fill(teamName);
    await page.getByRole('button', { name: 'Create the team' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: teamName }) });
    await card.waitFor();
    await card.getByRole('button', { name: 'Change the members' }).click();
    await card.getByRole('checkbox', { name: 'Test Member Alpha' }).check();
    await card.getByRole('button', { name: 'Save the members' }).click();
    await card.getByText('Test Member Alpha').waitFor();
    await card.getByText('1 member', { exact: true }).waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'teams', adminCheck));

    // A society setting: the small-cell threshold, then back to what it was for the journeys that follow.
    await page.getByRole('link', { name: 'Society settings' }).click();
    await waitForPath(page, '/administration/settings');
    Object.assign(found, await axeInEveryLanguage(page, 'settings', adminCheck));
    const before = SocietyProfile.parse(await (await asTheBrowser(page, 'GET', '/api/society')).json());
    const threshold = page.getByRole('textbox', { name: 'Small-cell threshold' });
    await threshold.fill(String(before.suppressionThreshold + 1));
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings were saved.').waitFor();
    const after = SocietyProfile.parse(await (await asTheBrowser(page, 'GET', '/api/society')).json());
    expect(after.suppressionThreshold).toBe(before.suppressionThreshold + 1);
    await threshold.fill(String(before.suppressionThreshold));
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings were saved.').waitFor();

    expect(found).toEqual({});
    await context.close();
  });

  it('fits a phone: the members list scrolls inside its table, never the page', async () => {
    const admin = accountOf(accounts, 'administrator');
    const { context, page } = await newPage(browser, { viewport: { width: 360, height: 740 } });
    await signInThroughScreens(page, admin);
    await page.goto('/administration');
    await page.getByRole('table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'administration-phone-members');
    await context.close();
  });
});
