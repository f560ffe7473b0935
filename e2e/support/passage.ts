import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DemoAccounts, type DemoAccount } from '../../common/demo.ts';
import type { Locale } from '../../common/auth.ts';
import { baseUrl } from './browser.ts';
import { arabicIndic, nextCode } from './totp.ts';

/** The demo accounts Passage lists in demo mode (the same list the sign-in page shows). */
export async function demoAccounts(): Promise<DemoAccount[]> {
  const response = await fetch(`${baseUrl()}/api/demo/accounts`);
  expect(response.status).toBe(200);
  return DemoAccounts.parse(await response.json()).accounts;
}

/** The demo account of a role (the first, for the two caseworkers). */
export function accountOf(accounts: DemoAccount[], role: DemoAccount['role']): DemoAccount {
  const account = accounts.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}.`);
  return account;
}

/** Waits until the app shows the screen at this address (the app replaces its one history entry). */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 20_000 });
}

/** Chooses the interface language with the switcher in the header. */
export async function chooseLanguage(page: Page, locale: Locale): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === locale) return;
  // Signed in, the choice is saved to the profile: wait for it, or a reload could bring the old one back.
  const signedIn = (await page.locator('nav').count()) > 0;
  const saved = signedIn
    ? page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH')
    : undefined;
  await page.locator('header select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  if (saved) expect((await saved).status()).toBe(204);
}

/**
 * Signs in through the screens as a person would: e-mail and password, then a fresh authenticator code (typed in
 * Arabic-Indic digits when the screen is in Arabic). Ends on the home screen.
 */
export async function signInThroughScreens(
  page: Page,
  account: Pick<DemoAccount, 'email' | 'password' | 'totpSecret'>,
  options: { locale?: Locale } = {},
): Promise<void> {
  const locale = options.locale ?? 'en';
  await page.goto('/sign-in');
  await page.locator('input[autocomplete="username"]').waitFor();
  // An explicit choice before signing in is saved to the profile, so the home screen stays in this language.
  if ((await page.evaluate(() => document.documentElement.lang)) === locale)
    await chooseLanguage(page, locale === 'en' ? 'fr' : 'en');
  await chooseLanguage(page, locale);
  await page.locator('input[autocomplete="username"]').fill(account.email);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await waitForPath(page, '/sign-in/code');
  const code = await nextCode(account.totpSecret);
  await page.locator('input[autocomplete="one-time-code"]').fill(locale === 'ar' ? arabicIndic(code) : code);
  await page.locator('form button[type="submit"]').click();
  await waitForPath(page, '/');
  await page.locator('main h1').waitFor();
}

/** The id of the person signed in on this page (from the session, as the app reads it). */
export async function signedInUserId(page: Page): Promise<string> {
  const response = await page.context().request.get(`${baseUrl()}/api/session`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { user: { id: string } }).user.id;
}
