import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import {
  baseUrl,
  launchBrowser,
  neutralUrl,
  newPage,
  recordAddresses,
  screenshot,
} from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';
import { nextCode } from './support/totp.ts';
import { axeViolations } from './support/axe.ts';

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

async function sessionStatus(page: Page): Promise<number> {
  return (await page.context().request.get(`${baseUrl()}/api/session`)).status();
}

describe('quick exit', () => {
  it('leaves for the neutral page with one tap, ends the session, and Back cannot return to Passage', async () => {
    const account = accountOf(accounts, 'trainer');
    const { context, page } = await newPage(browser);
    const addresses = recordAddresses(page);
    await signInThroughScreens(page, account);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByRole('navigation').getByRole('link', { name: 'Profile', exact: true }).click();
    await waitForPath(page, '/profile');
    await page.locator('main h1').waitFor();
    // Passage is one entry in the history whatever screens were opened.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.title()).toBe('Passage');

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(neutralUrl);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(baseUrl())).toBe(false);
    await expect.poll(() => sessionStatus(page), { timeout: 10_000 }).toBe(401);

    // No address ever carried the person's e-mail, name or anything but a step or an area.
    const paths = addresses
      .filter((a) => a.startsWith(baseUrl()))
      .map((a) => new URL(a).pathname + new URL(a).search);
    expect(new Set(paths)).toEqual(new Set(['/sign-in', '/sign-in/code', '/', '/profile']));
    await context.close();
  });

  it('also leaves when Escape is pressed twice quickly, from the sign-in page while typing', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    const historyLength = await page.evaluate(() => history.length);
    await page.locator('input[autocomplete="username"]').fill('someone@example.invalid');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(neutralUrl);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await page.goBack().catch(() => null);
    expect(page.url().startsWith(baseUrl())).toBe(false);
    await context.close();
  });
});

describe('a screen left alone', () => {
  it('locks after five minutes without input, hiding the page until a fresh code is typed', async () => {
    const account = accountOf(accounts, 'coordinator');
    const { context, page } = await newPage(browser);
    await page.clock.install();
    await signInThroughScreens(page, account);
    await page.clock.fastForward('05:30');
    const dialog = page.getByRole('dialog', { name: 'Passage is locked' });
    await dialog.waitFor();
    expect(await page.locator('#root > div[inert]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'lock-en');
    // A reload keeps the lock: it is not a way around it.
    await page.reload();
    await dialog.waitFor();
    await dialog.locator('input[autocomplete="one-time-code"]').fill(await nextCode(account.totpSecret));
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('#root > div[inert]').count()).toBe(0);
    await context.close();
  });

  it('warns a minute before the session times out, keeps it on request, then asks to sign in again over the page', async () => {
    const account = accountOf(accounts, 'focal-point');
    const { context, page } = await newPage(browser);
    await page.clock.install();
    await signInThroughScreens(page, account);
    await page.getByRole('navigation').getByRole('link', { name: 'Profile', exact: true }).click();
    await waitForPath(page, '/profile');
    const newPassword = page.locator('input[autocomplete="new-password"]').first();
    await newPassword.fill('words typed before the timeout');
    // Someone typing (but sending nothing) for 28 minutes: no lock, then the warning.
    for (let minute = 0; minute < 28; minute += 4) {
      await page.mouse.move(100 + minute, 200);
      await page.clock.fastForward('04:00');
    }
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'detached' });

    // Past the next deadline the session is ended and signing in again happens over the page.
    await page.mouse.move(10, 10);
    await page.clock.fastForward('04:00');
    for (let minute = 0; minute < 28; minute += 4) {
      await page.mouse.move(100 + minute, 300);
      await page.clock.fastForward('04:00');
    }
    const reauth = page.getByRole('dialog', { name: 'Your session has ended' });
    await reauth.waitFor();
    await expect.poll(() => sessionStatus(page), { timeout: 10_000 }).toBe(401);
    await reauth.locator('input[autocomplete="current-password"]').fill(account.password);
    await reauth.locator('button[type="submit"]').click();
    await reauth.locator('input[autocomplete="one-time-code"]').fill(await nextCode(account.totpSecret));
    await reauth.locator('button[type="submit"]').click();
    await reauth.waitFor({ state: 'detached' });
    expect(await newPassword.inputValue()).toBe('words typed before the timeout');
    await context.close();
  });

  it('asks to sign in again when a request meets an ended session, then sends it, keeping what was typed', async () => {
    const account = accountOf(accounts, 'volunteer');
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, account);
    await page.getByRole('navigation').getByRole('link', { name: 'Profile', exact: true }).click();
    await waitForPath(page, '/profile');
    const current = page.locator('input[autocomplete="current-password"]');
    const fresh = page.locator('input[autocomplete="new-password"]');
    await current.fill('not the current password');
    await fresh.nth(0).fill('a long enough new password');
    await fresh.nth(1).fill('a long enough new password');

    // The session ends elsewhere (as after an idle timeout on the server) while the person is typing.
    const session = await context.request.get(`${baseUrl()}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const ended = await context.request.post(`${baseUrl()}/api/auth/sign-out`, {
      headers: { origin: baseUrl(), 'x-csrf-token': csrfToken },
    });
    expect(ended.status()).toBe(204);
    await page.getByRole('button', { name: 'Save the new password' }).click();

    const reauth = page.getByRole('dialog', { name: 'Your session has ended' });
    await reauth.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reauth-en');
    await reauth.locator('input[autocomplete="current-password"]').fill(account.password);
    await reauth.locator('button[type="submit"]').click();
    await reauth.locator('input[autocomplete="one-time-code"]').fill(await nextCode(account.totpSecret));
    await reauth.locator('button[type="submit"]').click();
    await reauth.waitFor({ state: 'detached' });
    // The form was sent again with the new session: the server's answer is about the current password.
    await page.getByText('The password is not right.').waitFor();
    expect(await fresh.nth(0).inputValue()).toBe('a long enough new password');
    await context.close();
  });
});
