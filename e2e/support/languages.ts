import type { Page } from 'playwright-core';
import type { Locale } from '../../common/auth.ts';
import { axeViolations, type Violation } from './axe.ts';
import { screenshot } from './browser.ts';
import { chooseLanguage } from './passage.ts';

/** The four languages Passage ships, English first. */
export const locales: readonly Locale[] = ['en', 'fr', 'es', 'ar'];

/** How a journey wants a screen checked in every language. */
export type LanguageCheck = {
  /** Waits until the screen has drawn what axe should see; by default its first `main h1`. */
  ready?: (page: Page) => Promise<unknown>;
  /** Put before the screen's name in screenshot file names, e.g. "administration-". */
  shotPrefix?: string;
};

/**
 * Runs axe-core on the screen in each language (switched with the header's menu), saves English and Arabic
 * screenshots, leaves the screen in English and returns the violations found, keyed "screen (locale)".
 */
export async function axeInEveryLanguage(
  page: Page,
  screen: string,
  { ready = (p) => p.locator('main h1').first().waitFor(), shotPrefix = '' }: LanguageCheck = {},
): Promise<Record<string, Violation[]>> {
  const found: Record<string, Violation[]> = {};
  for (const locale of locales) {
    await chooseLanguage(page, locale);
    await ready(page);
    const violations = await axeViolations(page);
    if (violations.length > 0) found[`${screen} (${locale})`] = violations;
    if (locale === 'en' || locale === 'ar') await screenshot(page, `${shotPrefix}${screen}-${locale}`);
  }
  await chooseLanguage(page, 'en');
  return found;
}
