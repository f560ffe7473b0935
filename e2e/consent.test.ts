import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../common/demo.ts';
import { axeViolations, type Violation } from './support/axe.ts';
import { axeInEveryLanguage } from './support/languages.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { accountOf, demoAccounts, signInThroughScreens, waitForPath } from './support/passage.ts';

const referralRecipient = 'Demo Legal Aid Clinic';

let browser: Browser;
let accounts: DemoAccount[];

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = await demoAccounts();
});
afterAll(async () => {
  await browser.close();
});

/** The path of the person page the browser is on (an id only, never a name). */
function personPathOf(page: Page): string {
  const match = /^\/people\/[0-9a-f-]{36}$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not on a person page: ${new URL(page.url()).pathname}`);
  return match[0];
}

/** Goes through the guided consent form from the person page; `purpose` and `group` are the English labels. */
async function recordConsent(page: Page, options: { purpose: string; recipient?: string; group: string }) {
  await page.getByRole('link', { name: 'Record a consent' }).click();
  await page.getByRole('heading', { name: 'Purpose', level: 2 }).waitFor();
  await page.getByRole('radio', { name: options.purpose }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  if (options.recipient) {
    await page.getByRole('heading', { name: 'Who receives it' }).waitFor();
    await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: options.recipient });
    await page.getByRole('button', { name: 'Next' }).click();
  }
  // The person was registered without an age, so is presumed a child: the child's assent with a guardian's.
  await page.getByRole('heading', { name: 'Who gave it' }).waitFor();
  await expect
    .poll(() => page.getByRole('radio', { name: "The child, with an adult's agreement" }).isChecked())
    .toBe(true);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'How it was given' }).waitFor();
  await page.getByRole('radio', { name: 'Spoken' }).check();
  await page
    .getByRole('radiogroup', { name: 'Was an interpreter used?' })
    .getByRole('radio', { name: 'No' })
    .check();
  await page
    .getByRole('radiogroup', { name: 'Was the person alone with you?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'What was explained' }).waitFor();
  const points = page.getByRole('group', { name: 'Points explained' }).getByRole('checkbox');
  for (let i = 0; i < (await points.count()); i += 1) await points.nth(i).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'What may be shared' }).waitFor();
  await page.getByRole('checkbox', { name: options.group }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'How long' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Check and record' }).waitFor();
  await page.getByRole('button', { name: 'Record the consent' }).click();
}

/** Asks the sharing gate from the share check screen and returns its answer's text. */
async function checkShare(page: Page, personPath: string, group: string): Promise<string> {
  await page.goto(`${personPath}/consent/share-check`);
  await page
    .getByRole('heading', { name: 'Check a share', level: 1 })
    .waitFor()
    .catch(async (e: unknown) => {
      await screenshot(page, 'share-check-failed');
      throw e;
    });
  await page.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: referralRecipient });
  await page.getByRole('combobox', { name: 'What is the consent for?' }).selectOption({
    label: 'Referral to a named organisation',
  });
  await page.getByRole('checkbox', { name: group }).check();
  await page.getByRole('button', { name: 'Ask' }).click();
  const answer = page.getByRole('status').filter({ hasText: /Allowed|Not allowed/ });
  await answer.waitFor();
  return answer.innerText();
}

describe('consent and the sharing gate, as a caseworker records them', () => {
  it('registers a person by a known-as name, records consents, and the gate refuses a share once the consent is withdrawn', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'caseworker'));
    const found: Record<string, Violation[]> = {};

    await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: 'Register a person' }).click();
    await page.getByLabel('Known as (optional)').fill('Test Kestrel E2E');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('heading', { name: 'Consent', level: 2 }).waitFor();
    const personPath = personPathOf(page);

    await recordConsent(page, {
      purpose: 'Services and case management',
      group: 'Summary of the case (no identity)',
    });
    await waitForPath(page, personPath);
    await page.getByRole('listitem', { name: 'Services and case management' }).waitFor();
    await recordConsent(page, {
      purpose: 'Referral to a named organisation',
      recipient: referralRecipient,
      group: 'Known-as name and code only',
    });
    await waitForPath(page, personPath);
    const referral = page.getByRole('listitem', { name: 'Referral to a named organisation' });
    await referral.waitFor();
    expect(await referral.innerText()).toContain(referralRecipient);
    expect((await referral.innerText()).toLowerCase()).toContain('given');
    Object.assign(found, await axeInEveryLanguage(page, 'person-consents'));

    expect(await checkShare(page, personPath, 'Known-as name and code only')).toContain('Allowed');
    Object.assign(found, await axeInEveryLanguage(page, 'share-check'));
    // Sharing more than the person agreed to is refused, with the reason in plain words.
    await page.getByRole('checkbox', { name: 'Contact details' }).check();
    await page.getByRole('button', { name: 'Ask' }).click();
    await page
      .getByText('Refused: some of this information goes beyond what the person agreed to share.')
      .waitFor();

    await page.goto(personPath);
    await referral.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw consent: Referral to a named organisation' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('a deletion request is recorded');
    const dialogViolations = await axeViolations(page);
    if (dialogViolations.length > 0) found['withdraw-dialog (en)'] = dialogViolations;
    await screenshot(page, 'withdraw-dialog-en');
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await page.getByRole('status').filter({ hasText: 'Consent withdrawn.' }).waitFor();
    await expect.poll(async () => (await referral.innerText()).toLowerCase()).toContain('withdrawn');

    const refused = await checkShare(page, personPath, 'Known-as name and code only');
    expect(refused).toContain('Not allowed');
    expect(refused).toContain('Refused: the person withdrew their consent.');
    await screenshot(page, 'share-check-refused-en');

    await page.goto(`${personPath}/consent/new`);
    await page.getByRole('heading', { name: 'Purpose', level: 2 }).waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'consent-form'));
    await page.goto(`${personPath}/consent/notice`);
    await page.locator('main h2').first().waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'notice'));
    await page.goto(`${personPath}/consent/legal-basis/new`);
    Object.assign(found, await axeInEveryLanguage(page, 'legal-basis'));
    expect(found).toEqual({});
    await context.close();
  }, 240_000);

  it('shows the organisation registry and the focal point’s queue without accessibility violations', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughScreens(page, accountOf(accounts, 'focal-point'));
    const found: Record<string, Violation[]> = {};
    // The entries are in the navigation; the screens are opened by address, so no pointer hovers an entry.
    const navigation = page.getByRole('navigation');
    await navigation.getByRole('link', { name: 'Organisations', exact: true }).waitFor();
    await navigation.getByRole('link', { name: 'Consents to check', exact: true }).waitFor();
    await page.goto('/organisations');
    await page.getByRole('link', { name: referralRecipient }).waitFor();
    // A focal point keeps the directory: the server's allowed actions show the control.
    await page.getByRole('link', { name: 'Add an organisation' }).waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'organisations'));
    await page.getByRole('link', { name: referralRecipient }).click();
    await page.getByRole('heading', { name: 'Services', level: 2 }).waitFor();
    Object.assign(found, await axeInEveryLanguage(page, 'organisation'));
    await page.goto('/reviews/consents');
    Object.assign(found, await axeInEveryLanguage(page, 'consent-review'));
    expect(found).toEqual({});
    await context.close();
  });
});
