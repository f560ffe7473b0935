import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { axeViolations, type Violation } from './support/axe.ts';
import { axeInEveryLanguage } from './support/languages.ts';
import { launchBrowser, newPage, recordAddresses, screenshot } from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';

const personPath = /^\/people\/[0-9a-f-]{36}$/;
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

/** The address the browser shows now, path and query (a query is where a search term would leak). */
function addressShown(page: Page): Promise<string> {
  return page.evaluate(() => `${location.pathname}${location.search}`);
}

/** Whether the page fits the screen's width (no sideways scrolling). */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('people: registration, the person page and search', () => {
  it('registers a person with only a "known as" name, records identity fields, and finds them by a POST search', async () => {
    const name = 'Test Person Delta';
    const { context, page } = await newPage(browser);
    const addresses = recordAddresses(page);
    await signInThroughScreens(page, accountOf(accounts, 'caseworker'));

    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    await waitForPath(page, '/people');
    await page.getByRole('link', { name: 'Register a person' }).click();
    await waitForPath(page, '/people/new');
    await page.getByLabel('Known as (optional)').fill(name);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.waitForURL((url) => personPath.test(url.pathname), { timeout: 20_000 });
    const path = await addressShown(page);
    const code = (await page.locator('main h1').innerText()).trim();
    expect(code).not.toBe('');
    expect(await page.locator('main bdi', { hasText: name }).count()).toBeGreaterThan(0);
    await page.getByText('Presumed child').first().waitFor();
    expect(await page.title()).toBe('Passage');

    await page.getByRole('button', { name: 'Change: Identity', exact: true }).click();
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Given names').fill('Test');
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Family name').fill('Delta');
    await page.getByLabel('What is known').selectOption('month');
    await page.getByLabel('Month', { exact: true }).selectOption('02');
    await page.getByLabel('Year', { exact: true }).fill('١٩٩٠');
    await page.getByRole('combobox', { name: 'Countries of citizenship' }).fill('France');
    await page.getByRole('option', { name: 'France (FR)' }).click();
    await page.keyboard.press('Escape');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/identity') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('February 1990').waitFor();
    await page.getByText('France', { exact: true }).waitFor();
    expect(await page.getByText('Presumed child').count()).toBe(0);
    expect(await addressShown(page)).toBe(path);

    await page.getByRole('link', { name: 'Back to people' }).click();
    await waitForPath(page, '/people');
    await page.getByRole('cell', { name }).first().waitFor();
    await page.getByLabel('Search for').fill(name);
    const searched = page.waitForResponse((r) => r.url().endsWith('/api/people/search'));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const search = await searched;
    expect(search.request().method()).toBe('POST');
    await page
      .getByRole('table', { name: /^People found: / })
      .getByRole('link', { name: code })
      .waitFor();
    await screenshot(page, 'people-search-en');
    expect(await addressShown(page)).toBe('/people');

    const leaks = addresses.filter((url) => /delta|test%20person|test\+person/i.test(url));
    expect(leaks).toEqual([]);
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('registers a person on a phone-sized screen, with an estimated adult age typed in Arabic-Indic digits', async () => {
    const { context, page } = await newPage(browser, { viewport: phone });
    await signInThroughScreens(page, accountOf(accounts, 'focal-point'));
    await page.goto('/people/new');
    await page.getByLabel('Known as (optional)').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.getByLabel('Known as (optional)').fill('Test Person Beta');
    await page.getByLabel('Yes, I can estimate their age').check();
    await page.getByLabel('Estimated age (years)').fill('٣٤');
    await screenshot(page, 'phone-people-new');
    const register = page.getByRole('button', { name: 'Register', exact: true });
    // A double tap registers once: the form sends one Idempotency-Key with every attempt.
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/people') && r.method() === 'POST')
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await register.dblclick();
    await page.waitForURL((url) => personPath.test(url.pathname), { timeout: 20_000 });
    expect(new Set(keys).size).toBe(1);
    await page.locator('main h1').waitFor();
    expect(await page.getByText('Presumed child').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'phone-person');
    await context.close();
  });

  it('has no axe-core violation on the list, the registrations and the person page, in every language', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'caseworker'));
    const found: Record<string, Violation[]> = {};
    await page.goto('/people');
    await page.getByRole('table').first().waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'people-list'));
    await page.goto('/people/new');
    await page.getByLabel('Known as (optional)').waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'people-new'));
    await page.goto('/people/new/full');
    await page.getByLabel('Known as (optional)').waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'people-new-full'));
    await page.goto('/people');
    await page.getByRole('table').first().getByRole('link').first().click();
    await page.waitForURL((url) => personPath.test(url.pathname));
    await page.getByRole('button', { name: 'Change: Identity', exact: true }).waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'person'));
    await page.getByRole('button', { name: 'Change: Identity', exact: true }).click();
    await page.getByLabel('What is known').waitFor();
    const violations = await axeViolations(page);
    if (violations.length > 0) found['person-edit (en)'] = violations;
    await screenshot(page, 'person-edit-en');
    expect(found).toEqual({});
    await context.close();
  });
});
