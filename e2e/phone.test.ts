import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { ageStepUp } from './support/api.ts';
import {
  accountOf,
  demoAccounts,
  signInThroughScreens,
  signedInUserId,
  waitForPath,
} from './support/passage.ts';
import { markCurrentStepUsed, nextCode } from './support/totp.ts';

const phone = { width: 360, height: 740 };

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

/**
 * Whether everything on the screen fits its width: the page does not scroll sideways and no element sticks out
 * of the screen, except inside a container meant to scroll (a wide table).
 */
async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) return false;
    const scrolls = (el: Element | null): boolean => {
      for (let node = el; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')].every((el) => {
      const box = el.getBoundingClientRect();
      // A closed menu moved off the screen is out of reach (inert), not overflowing.
      if (box.width === 0 || box.height === 0 || el.closest('[inert]')) return true;
      return (box.left >= -1 && box.right <= width + 1) || scrolls(el.parentElement);
    });
  });
}

describe('on a phone-sized screen (360 × 740)', () => {
  it('signs in with the demo account buttons and the demo code, without sideways scrolling', async () => {
    // The second caseworker: no other journey uses this account, so the demo code shown now is still unused.
    const account = accounts.find((a) => a.email.startsWith('caseworker.south'));
    if (!account) throw new Error('The demo accounts have no second caseworker.');
    const { context, page } = await newPage(browser, { viewport: phone });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Use the Caseworker account' }).nth(1).click();
    expect(await page.locator('input[autocomplete="username"]').inputValue()).toBe(account.email);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone-sign-in');
    await page.locator('form button[type="submit"]').first().click();
    await waitForPath(page, '/sign-in/code');
    await page.getByRole('button', { name: 'Fill in the code' }).click();
    markCurrentStepUsed(account.totpSecret);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone-code');
    await page.locator('form button[type="submit"]').first().click();
    await waitForPath(page, '/');
    await page.locator('main h1').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone-home');
    await context.close();
  });

  it('opens the profile from the menu, renews the recovery codes after a step-up, and lists the sessions', async () => {
    const account = accountOf(accounts, 'dpo');
    const { context, page } = await newPage(browser, { viewport: phone });
    await signInThroughScreens(page, account);

    // The navigation is behind the menu button on a phone, out of reach of keys and screen readers until opened.
    expect(await page.locator('nav[inert]').count()).toBe(1);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    expect(await page.locator('nav[inert]').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Profile', exact: true }).click();
    await waitForPath(page, '/profile');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await page.getByText('This device').waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone-profile');

    await ageStepUp(await signedInUserId(page));
    await page.getByRole('button', { name: 'Get new recovery codes' }).click();
    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await stepUp.locator('input[autocomplete="one-time-code"]').fill(await nextCode(account.totpSecret));
    await stepUp.locator('button[type="submit"]').click();
    await page.getByRole('checkbox', { name: 'I have saved these codes' }).waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await page.getByRole('checkbox', { name: 'I have saved these codes' }).check();
    await screenshot(page, 'phone-recovery-codes');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Get new recovery codes' }).waitFor();

    await page.getByRole('radio', { name: 'Français' }).check();
    await page.getByRole('heading', { name: 'Profil', exact: true }).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
    await context.close();
  });
});
