import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { createMember, signInByApi } from './support/api.ts';
import { axeViolations } from './support/axe.ts';
import { axeInEveryLanguage } from './support/languages.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';

let browser: Browser;
let accounts: DemoAccount[];

/** The audit screen is drawn once its chain status and its events are. */
const auditReady = async (page: Page) => {
  await page.getByTestId('chain-status').waitFor();
  await page.getByTestId('audit-events').waitFor();
};

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

describe('the data protection officer reads the audit log', () => {
  it('signs in with the authenticator, sees the chain verified, filters by kind and by member, and opens an event', async () => {
    const admin = accountOf(accounts, 'administrator');
    // The administrator adds a member, so the society's log holds events of another member than the officer.
    await createMember(await signInByApi(admin), ['volunteer']);
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'dpo'));
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log', exact: true }).click();
    await waitForPath(page, '/audit');
    await page.mouse.move(900, 700); // away from the navigation, whose hover colours are the shell's

    const status = page.getByTestId('chain-status');
    await status.waitFor();
    expect(await status.innerText()).toContain('The chain is intact');
    expect(await status.innerText()).toMatch(/Verified up to event \d+/);

    const rows = page.getByTestId('audit-events').locator('tbody tr');
    await rows.first().waitFor();
    await page.getByLabel('Kind of event').selectOption('membership.granted');
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect
      .poll(async () => [...new Set(await rows.locator('th').allInnerTexts())])
      .toEqual(['Member added']);

    await page.getByLabel('Done by').selectOption({ label: admin.displayName });
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect
      .poll(async () => [...new Set(await rows.locator('td:nth-child(3)').allInnerTexts())])
      .toEqual([admin.displayName]);
    // The filters stay on the screen: the address says only where the officer is.
    expect(page.url()).toBe(`${baseUrl()}/audit`);
    await screenshot(page, 'audit-filtered-en');

    await rows.first().getByRole('button', { name: 'Member added' }).click();
    const detail = page.getByRole('dialog', { name: /^Audit event \d+$/ });
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('membership.granted');
    expect(text).toContain(admin.displayName);
    expect(text).toContain('Administrator');
    expect(text).toContain('volunteer');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit-event-en');
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });

    // A name typed where an id belongs is refused before anything is asked of the server.
    await page.getByLabel('Record id').fill('Jane Example');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.getByText('not a name').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    expect(await axeInEveryLanguage(page, 'audit-log', { ready: auditReady })).toEqual({});
    await context.close();
  });
});
