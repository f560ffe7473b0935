import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { axeInEveryLanguage } from './support/languages.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';

let browser: Browser;
let accounts: DemoAccount[];

/** A content screen is drawn once its heading and its table or editor are. */
const contentReady = async (page: Page) => {
  await page.locator('main h1').first().waitFor();
  await page.locator('main table, main textarea').first().waitFor();
};

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

const notReviewedInFrench = 'This text has not been reviewed in French. It may contain mistakes.';

describe('a focal point keeps the society’s texts right', () => {
  it('edits the French emergency guidance, marks it reviewed, previews it and reverts it to the built-in text', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'focal-point'));
    await page.getByRole('navigation').getByRole('link', { name: 'Content', exact: true }).click();
    await waitForPath(page, '/content');
    await page.mouse.move(900, 700); // away from the navigation, whose hover colours are the shell's
    await page.getByRole('heading', { name: 'Emergency guidance and numbers' }).waitFor();
    const found = await axeInEveryLanguage(page, 'content-list', { ready: contentReady });
    await screenshot(page, 'content-list-en');

    await page.getByRole('link', { name: 'emergency.guidance', exact: true }).click();
    await waitForPath(page, '/content/emergency.guidance');
    await page.getByRole('link', { name: /^French/ }).click();
    await waitForPath(page, '/content/emergency.guidance/fr');
    const text = page.getByRole('textbox', { name: 'Text in French' });
    const builtIn = await text.inputValue();
    expect(builtIn.length).toBeGreaterThan(20);
    const preview = page.getByTestId('preview-text');
    await page.getByText(notReviewedInFrench).waitFor();

    const edited =
      'En cas de danger immédiat, appelez le 112.\n- Texte de démonstration E2E, sans personne réelle.';
    await text.fill(edited);
    await expect.poll(() => preview.innerText()).toContain('Texte de démonstration E2E');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByText(notReviewedInFrench).waitFor();

    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect.poll(() => page.getByRole('link', { name: /^French/ }).innerText()).toContain('Reviewed');
    expect(await page.getByText(notReviewedInFrench).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'I have checked this text in French' }).isChecked()).toBe(
      true,
    );
    await screenshot(page, 'content-edited-en');
    Object.assign(found, await axeInEveryLanguage(page, 'content-editor', { ready: contentReady }));

    await page.getByRole('button', { name: 'Revert to the built-in text' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revert to the built-in text?' });
    await confirm.getByRole('button', { name: 'Revert', exact: true }).click();
    await page.getByText('The built-in text is shown again.').waitFor();
    await expect.poll(() => text.inputValue()).toBe(builtIn);
    await page.getByText(notReviewedInFrench).waitFor();
    expect(found).toEqual({});
    await context.close();
  });

  it('refuses a notice text that drops one of its placeholders, before sending it', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'focal-point'));
    await page.goto('/content/notice.recipients/fr');
    const text = page.getByRole('textbox', { name: 'Text in French' });
    await text.waitFor();
    await page.getByText('{recipients}', { exact: true }).first().waitFor();
    let saves = 0;
    page.on('request', (request) => {
      if (request.method() === 'PUT') saves += 1;
    });
    await text.fill('Vos informations sont partagées avec nos partenaires.');
    await page.getByText('Keep the placeholder {recipients}.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(saves).toBe(0);
    await context.close();
  });
});
