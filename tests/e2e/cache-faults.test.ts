/**
 * Issue 16 "bad input" in Chromium: a damaged offline copy never breaks the page.
 *
 * - Cache Storage cleared mid-session, online: views not loaded yet still open (from the network), a reload works,
 *   and the next page load stores the copy again.
 * - Cleared mid-session, offline: the page says what could not be loaded, with Retry, the header still works; a
 *   reload gets a page saying the offline copy is not available (in the page's language), not the browser's error.
 * - A file refused while the copy is stored: the app works online, the worker controls the page, the copy is
 *   reported incomplete (no `data-offline-ready`), and offline the notice says so; the next visit completes it.
 * - A tiny storage quota: the app works online with no uncaught error, the copy is incomplete.
 *
 * Own build (.tmp/dist-offline, shared with offline.test.ts), port 4473; a fresh browser per case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildIfMissing,
  collectConsoleErrors,
  countChartLines,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const DIST = '.tmp/dist-offline';
const WAIT = 30_000;
const EXPLORER = 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr';
const VIEW_LOAD_ERROR = 'Cette vue n’a pas pu être chargée (hors ligne ?)';

async function offlineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady, undefined, { timeout: WAIT });
}

/**
 * Delete every Cache Storage cache of the origin from the page, and the browser's HTTP cache (what "clear browsing
 * data" does): a file the HTTP cache still held would load offline anyway.
 */
async function clearCaches(browser: LaunchedBrowser): Promise<number> {
  const cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  return browser.page.evaluate(async () => {
    const names = await caches.keys();
    await Promise.all(names.map((n) => caches.delete(n)));
    return names.length;
  });
}

/** The worker's report for this page: whole (time) or how many files are missing. */
async function offlineStatus(page: Page): Promise<{ savedAt: string | null; missing: number }> {
  return page.evaluate(
    () =>
      new Promise<{ savedAt: string | null; missing: number }>((resolve) => {
        navigator.serviceWorker.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string; savedAt: string | null; missing: number };
          if (d?.type === 'OFFLINE_STATUS') resolve({ savedAt: d.savedAt, missing: d.missing });
        });
        void navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ type: 'OFFLINE_STATUS' }));
      }),
  );
}

describe('a damaged offline copy never breaks the page', () => {
  let served: ServedDist;
  const browsers: LaunchedBrowser[] = [];

  async function fresh(): Promise<LaunchedBrowser> {
    const b = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    browsers.push(b);
    return b;
  }

  beforeAll(async () => {
    buildIfMissing(DIST, {}, isBuildStale(DIST));
    served = await serveDist({ dir: DIST, port: 4473 });
  });

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await served?.close();
  });

  it(
    'cleared online: the next views come from the network and the copy is stored again',
    { timeout: 120_000 },
    async () => {
      const browser = await fresh();
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      await offlineReady(page);
      expect(await clearCaches(browser)).toBeGreaterThan(0);

      // A view whose code this page has not loaded: the worker finds no copy and asks the network.
      await page.getByRole('navigation', { name: 'Vues' }).getByRole('link', { name: 'Projets', exact: true }).click();
      await expect.poll(() => page.locator('article[data-project]').count(), { timeout: WAIT }).toBeGreaterThan(0);
      // A reload: the navigation and every file from the network, then the copy is stored again.
      await page.evaluate(() => delete document.documentElement.dataset.offlineReady);
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      await offlineReady(page);
      expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    },
  );

  it(
    'cleared offline: the page says what could not load; a reload says the copy is gone',
    { timeout: 120_000 },
    async () => {
      const browser = await fresh();
      const page = browser.page;
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      await offlineReady(page);
      await browser.context.setOffline(true);
      expect(await clearCaches(browser)).toBeGreaterThan(0);

      await page.getByRole('navigation', { name: 'Vues' }).getByRole('link', { name: 'Projets', exact: true }).click();
      const failed = page.locator('main [role="alert"]').filter({ hasText: VIEW_LOAD_ERROR });
      await failed.waitFor({ timeout: WAIT });
      await failed.getByRole('button', { name: 'Réessayer' }).waitFor();
      // The rest of the page works: back to the explorer, still drawn from the page's memory.
      await page
        .getByRole('navigation', { name: 'Vues' })
        .getByRole('link', { name: 'Explorateur', exact: true })
        .click();
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

      // A reload offline: nothing can answer; the worker's page says so, in the page's language.
      await page.goto(new URL('?view=projects&lang=ar', served.url).href, { waitUntil: 'domcontentloaded' });
      await page.getByRole('alert').waitFor({ timeout: WAIT });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'غير متصل — النسخة المحفوظة من مؤشر غير متاحة',
      );
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      // Back online, a reload brings the app back.
      await browser.context.setOffline(false);
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    },
  );

  it(
    'a file refused while storing: the app works, the copy is incomplete and says so offline',
    { timeout: 120_000 },
    async () => {
      const browser = await fresh();
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      // The projects view's chunk is refused: the explorer never needs it, the worker's copy does.
      await browser.context.route('**/assets/projects-view-*.js', (route) => route.abort('failed'));
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
      const status = await offlineStatus(page);
      expect(status.savedAt).toBeNull();
      expect(status.missing).toBe(1);
      expect(await page.evaluate(() => document.documentElement.dataset.offlineReady ?? null)).toBeNull();

      await browser.context.setOffline(true);
      const notice = page.getByTestId('offline-notice');
      await notice.waitFor({ timeout: WAIT });
      expect(await notice.textContent()).toContain('la copie hors ligne est incomplète');
      await browser.context.setOffline(false);

      // The next visit, with the file served again, completes the copy.
      await browser.context.unrouteAll();
      await openApp(page, served.url, EXPLORER);
      await offlineReady(page);
      expect(errors).toEqual([]);
    },
  );

  it(
    'a tiny storage quota: the app works online, no uncaught error, the copy is incomplete',
    { timeout: 120_000 },
    async () => {
      const browser = await fresh();
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      const uncaught: string[] = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', {
        origin: new URL(served.url).origin,
        quotaSize: 200_000,
      });
      await openApp(page, served.url, EXPLORER);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      const status = await offlineStatus(page);
      expect(status.savedAt).toBeNull();
      expect(status.missing).toBeGreaterThan(0);
      // Other views still open online.
      await page.getByRole('navigation', { name: 'Vues' }).getByRole('link', { name: 'Projets', exact: true }).click();
      await expect.poll(() => page.locator('article[data-project]').count(), { timeout: WAIT }).toBeGreaterThan(0);
      expect(uncaught).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
