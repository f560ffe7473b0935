import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { ageStepUp, createMember, signInByApi } from './support/api.ts';
import { axeViolations, type Violation } from './support/axe.ts';
import { axeInEveryLanguage } from './support/languages.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
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

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

describe('axe-core finds no violation on any screen in any language', () => {
  it('on the sign-in screens: e-mail and password, authenticator code, recovery code', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    const found = await axeInEveryLanguage(page, 'sign-in');

    const account = accountOf(accounts, 'caseworker');
    await page.locator('input[autocomplete="username"]').fill(account.email);
    await page.locator('input[autocomplete="current-password"]').fill(account.password);
    await page.locator('form button[type="submit"]').click();
    await waitForPath(page, '/sign-in/code');
    Object.assign(found, await axeInEveryLanguage(page, 'code'));
    await page.getByRole('button', { name: 'I cannot use my authenticator: use a recovery code' }).click();
    Object.assign(found, await axeInEveryLanguage(page, 'recovery-code'));
    expect(found).toEqual({});
    await context.close();
  });

  it('on first sign-in of a new member: choosing a password, setting up the authenticator, the recovery codes (then used)', async () => {
    const admin = await signInByApi(accountOf(accounts, 'administrator'));
    const member = await createMember(admin, ['coordinator', 'trainer']);
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.locator('input[autocomplete="username"]').fill(member.email);
    await page.locator('input[autocomplete="current-password"]').fill(member.temporaryPassword);
    await page.locator('form button[type="submit"]').click();
    await waitForPath(page, '/sign-in/password');
    const found = await axeInEveryLanguage(page, 'password-change');

    await page.locator('input[autocomplete="current-password"]').fill(member.temporaryPassword);
    await page.locator('input[autocomplete="new-password"]').nth(0).fill('blue kettle under seven clouds');
    await page.locator('input[autocomplete="new-password"]').nth(1).fill('blue kettle under seven clouds');
    await page.locator('form button[type="submit"]').click();
    await waitForPath(page, '/sign-in/authenticator');
    await page.locator('img[src^="data:image/svg+xml;base64,"]').waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'authenticator'));

    const secret = (await page.locator('code').innerText()).replace(/\s/g, '');
    await page.locator('input[autocomplete="one-time-code"]').fill(await nextCode(secret));
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('checkbox', { name: 'I have saved these codes' }).waitFor();
    const codes = await page
      .getByRole('list', { name: 'Recovery codes' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(codes).toHaveLength(10);
    Object.assign(found, await axeInEveryLanguage(page, 'recovery-codes'));
    await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForPath(page, '/');
    expect(found).toEqual({});

    // Signed out, the member comes back with one of the recovery codes instead of the authenticator.
    await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await waitForPath(page, '/sign-in');
    await page.locator('input[autocomplete="username"]').fill(member.email);
    await page.locator('input[autocomplete="current-password"]').fill('blue kettle under seven clouds');
    await page.locator('form button[type="submit"]').click();
    await waitForPath(page, '/sign-in/code');
    await page.getByRole('button', { name: 'I cannot use my authenticator: use a recovery code' }).click();
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[3] ?? '');
    await page.locator('form button[type="submit"]').click();
    await waitForPath(page, '/');
    await page.locator('main h1').waitFor();
    await context.close();
  });

  it('on the signed-in screens: home, profile, administration, a forbidden area, an unknown address, and step-up', async () => {
    const account = accountOf(accounts, 'administrator');
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, account);
    const found: Record<string, Violation[]> = {};
    for (const [path, screen] of [
      ['/', 'home'],
      ['/profile', 'profile'],
      ['/administration', 'administration'],
      // The audit log is the data protection officer's (e2e/audit.test.ts): an administrator meets the refusal.
      ['/audit', 'forbidden'],
      ['/no-such-screen', 'not-found'],
    ] as const) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      if (path === '/profile') await page.getByRole('table').waitFor();
      Object.assign(found, await axeInEveryLanguage(page, screen));
    }
    await page.goto('/profile');
    await ageStepUp(await signedInUserId(page));
    await page.getByRole('button', { name: 'Get new recovery codes' }).click();
    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await stepUp.waitFor();
    const violations = await axeViolations(page);
    if (violations.length > 0) found['step-up (en)'] = violations;
    await screenshot(page, 'step-up-en');
    expect(found).toEqual({});
    await context.close();
  });
});
