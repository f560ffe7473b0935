import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Where screenshots of the journeys are saved (ignored by git). */
export const screenshotsDir = path.resolve(import.meta.dirname, '..', 'screenshots');

/** The neutral page quick exit leaves for (the build's default); the browser never really reaches it. */
export const neutralUrl = 'https://www.google.com/';

/** Debian's Chromium, headless, with nothing running in the background. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The Passage under test. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * A fresh browser context (no cookies, nothing cached) on Passage. Every request that would leave the machine is
 * answered locally: quick exit's neutral page with a plain page, anything else refused.
 */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-GB',
    ...(options.viewport && options.viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  await context.route(
    (url) => url.origin !== new URL(baseUrl()).origin,
    (route) =>
      route.request().url().startsWith(neutralUrl)
        ? route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><title>Search</title><h1>Search</h1>',
          })
        : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  return { context, page };
}

/** Saves a full-page screenshot under e2e/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** Every address the page shows from now on, as the browser records it (same-document changes included). */
export function recordAddresses(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(frame.url());
  });
  return seen;
}
