import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { baseUrl, launchBrowser, newPage } from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

describe('where the person is signed in', () => {
  it('ends another session from the profile, then every session at once', async () => {
    const account = accountOf(accounts, 'network-coordinator');
    const here = await newPage(browser);
    const elsewhere = await newPage(browser);
    await signInThroughScreens(elsewhere.page, account);
    await signInThroughScreens(here.page, account);
    await here.page.getByRole('navigation').getByRole('link', { name: 'Profile', exact: true }).click();
    await waitForPath(here.page, '/profile');
    const rows = here.page
      .getByRole('row')
      .filter({ has: here.page.getByRole('button', { name: 'Sign out there' }) });
    await rows.first().waitFor();
    const others = await rows.count();
    expect(others).toBeGreaterThanOrEqual(1);

    await rows.first().getByRole('button', { name: 'Sign out there' }).click();
    await expect.poll(() => rows.count()).toBe(others - 1);
    // One of the other sessions ended; signing out everywhere ends the rest, this one included.
    await here.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await waitForPath(here.page, '/sign-in');
    for (const context of [here.context, elsewhere.context])
      expect((await context.request.get(`${baseUrl()}/api/session`)).status()).toBe(401);
    await here.context.close();
    await elsewhere.context.close();
  });
});
