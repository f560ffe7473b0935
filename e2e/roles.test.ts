import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { demoAccounts, signInThroughScreens } from './support/passage.ts';

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

/** The navigation entries each role must see, and one it must not (the labels are the English ones). */
const expectations: Record<DemoAccount['role'], { shows: string[]; hides: string[] }> = {
  volunteer: { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
  caseworker: { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
  'focal-point': { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
  coordinator: { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
  trainer: { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
  dpo: { shows: ['Audit log'], hides: ['Administration'] },
  administrator: { shows: ['Administration'], hides: ['Audit log'] },
  'network-coordinator': { shows: ['Home', 'Profile'], hides: ['Administration', 'Audit log'] },
};

const arabicLabels: Record<string, string> = {
  Home: 'الصفحة الرئيسية',
  Profile: 'الملف الشخصي',
  Administration: 'الإدارة',
  'Audit log': 'سجل التدقيق',
};

describe('each demo role signs in with its authenticator and sees its own navigation', () => {
  it('in English, every role reaches home with the entries of its roles and none of the others', async () => {
    const { context, page } = await newPage(browser);
    for (const account of accounts) {
      await context.clearCookies();
      await signInThroughScreens(page, account);
      const nav = page.getByRole('navigation');
      for (const label of expectations[account.role].shows)
        expect(
          await nav.getByRole('link', { name: label, exact: true }).count(),
          `${account.email} ${label}`,
        ).toBe(1);
      for (const label of expectations[account.role].hides)
        expect(
          await nav.getByRole('link', { name: label, exact: true }).count(),
          `${account.email} ${label}`,
        ).toBe(0);
      expect(await page.title()).toBe('Passage');
      await screenshot(page, `home-en-${account.email.split('@')[0]}`);
    }
    await context.close();
  });

  it('in Arabic, the layout is mirrored, codes typed in Arabic-Indic digits work, and navigation follows roles', async () => {
    const { context, page } = await newPage(browser);
    for (const account of accounts) {
      await context.clearCookies();
      await signInThroughScreens(page, account, { locale: 'ar' });
      expect(
        await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['ar', 'rtl']);
      const nav = page.getByRole('navigation');
      for (const label of expectations[account.role].shows)
        expect(await nav.getByRole('link', { name: arabicLabels[label], exact: true }).count()).toBe(1);
      for (const label of expectations[account.role].hides)
        expect(await nav.getByRole('link', { name: arabicLabels[label], exact: true }).count()).toBe(0);
      expect(await page.title()).toBe('Passage');
      await screenshot(page, `home-ar-${account.email.split('@')[0]}`);
    }
    await context.close();
  });
});
