/**
 * Issue 16 item 4 in Chromium: after a first visit, the app works with the network off.
 *
 * A first visit online, until the service worker (sw.js) controls the page and says the offline copy is whole
 * (`<html data-offline-ready>`); then the static server is STOPPED and the context set offline, so nothing can come
 * from the network. Each of the four views is opened by a navigation (a new page load, not in-app), in French and in
 * Arabic: its content is drawn from the precached files and the mock API (MSW, inside the same worker), the offline
 * notice says since when the data dates; the explorer exports a PNG, a CSV and a PowerPoint. No request fails and
 * none reaches the network (every response comes from the service worker).
 *
 * Own build (.tmp/dist-offline), ports 4470 (fr) and 4471 (ar).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildIfMissing,
  collectConsoleErrors,
  countChartLines,
  isBuildStale,
  launchBrowser,
  LINE_SELECTOR,
  openApp,
  serveDist,
  type LaunchedBrowser,
} from './harness.ts';
import { downloadFrom, pngSize } from './export-files.ts';

const DIST = '.tmp/dist-offline';
const OUT = path.resolve('.tmp/offline-e2e');
const WAIT = 30_000;
const EXPLORER = 'view=explorer&indicator=population&territories=MA-06,MA-07';

const TEXT = {
  fr: {
    saved: /^Hors ligne — données enregistrées le .*\d{4}.*\d{2}:\d{2}/,
    export: 'Exporter',
    png: "Télécharger l'image PNG",
    csv: 'Télécharger le CSV (données affichées)',
    pptx: 'Télécharger le PowerPoint',
  },
  ar: {
    saved: /^غير متصل — البيانات محفوظة بتاريخ .*\d{4}.*\d{2}:\d{2}/,
    export: 'تصدير',
    png: 'تنزيل الصورة PNG',
    csv: 'تنزيل CSV (البيانات المعروضة)',
    pptx: 'تنزيل ملف PowerPoint',
  },
} as const;

/** Wait until the page's worker reports a whole offline copy; returns its time. */
async function offlineReady(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => document.documentElement.dataset.offlineReady ?? false, undefined, {
    timeout: WAIT,
  });
  return String(await handle.jsonValue());
}

/** What each view draws once its data is in (a chart line, KPI figures, a table, the projects list). */
async function viewDrawn(page: Page, view: string): Promise<void> {
  if (view === 'explorer') {
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
  } else if (view === 'overview') {
    await expect.poll(() => page.locator('article.mv-kpi .mv-kpi-value').count(), { timeout: WAIT }).toBeGreaterThan(2);
    expect(await page.locator('article.mv-kpi .mv-kpi-value').first().textContent()).toMatch(/\d/);
  } else if (view === 'compare') {
    await page.locator('td[data-territory]').first().waitFor({ timeout: WAIT });
    expect(await page.locator('td[data-territory]').first().textContent()).toMatch(/\d/);
  } else {
    await expect.poll(() => page.locator('article[data-project]').count(), { timeout: WAIT }).toBeGreaterThan(0);
  }
}

describe.each([
  { lang: 'fr' as const, port: 4470 },
  { lang: 'ar' as const, port: 4471 },
])('offline second visit ($lang)', ({ lang, port }) => {
  let browser: LaunchedBrowser;
  let base: string;
  let savedAt: string;

  beforeAll(async () => {
    buildIfMissing(DIST, {}, isBuildStale(DIST));
    fs.mkdirSync(OUT, { recursive: true });
    const served = await serveDist({ dir: DIST, port });
    base = served.url;
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    // The first visit, online: the explorer (its chart, then the whole build stored by the worker).
    await openApp(browser.page, base, `${EXPLORER}&lang=${lang}`);
    await browser.page.locator(LINE_SELECTOR).nth(1).waitFor({ timeout: WAIT });
    savedAt = await offlineReady(browser.page);
    expect(await browser.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
    // The network is gone: the server stopped and the browser offline.
    await served.close();
    await browser.context.setOffline(true);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('every view opens by navigation, draws, and says since when its data dates', { timeout: 150_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const failed: string[] = [];
    const fromNetwork: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (!r.fromServiceWorker()) fromNetwork.push(r.url());
    });
    for (const view of ['overview', 'explorer', 'compare', 'projects']) {
      const query = view === 'explorer' ? `${EXPLORER}&lang=${lang}` : `view=${view}&lang=${lang}`;
      await openApp(page, base, query);
      await viewDrawn(page, view);
      const notice = page.getByTestId('offline-notice');
      await notice.waitFor({ timeout: WAIT });
      await expect.poll(() => notice.locator('p').first().textContent(), { timeout: WAIT }).toMatch(TEXT[lang].saved);
      // "Hors ligne" said once: the line after the date goes on without its own opening.
      const offlineWord = lang === 'fr' ? 'Hors ligne' : 'غير متصل';
      expect((await notice.innerText()).split(offlineWord).length - 1).toBe(1);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    }
    // Looked at: the notice at desktop and phone width (.tmp/offline-e2e/offline-notice-<lang>-<width>.png).
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: path.join(OUT, `offline-notice-${lang}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // The date shown is the one the worker recorded at the first visit, not "now".
    expect(await page.evaluate(() => document.documentElement.dataset.offlineReady)).toBe(savedAt);
    expect(failed).toEqual([]);
    expect(fromNetwork.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the explorer exports PNG, CSV and PowerPoint offline', { timeout: 150_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, base, `${EXPLORER}&lang=${lang}`);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    const t = TEXT[lang];
    const trigger = page.getByRole('button', { name: t.export, exact: true }).first();
    await trigger.waitFor({ timeout: WAIT });
    await trigger.click();
    await page.getByRole('dialog').first().waitFor({ timeout: WAIT });
    const button = (name: string) => page.getByRole('button', { name, exact: true });

    const png = await downloadFrom(page, button(t.png), OUT);
    expect(png.name).toMatch(/\.png$/);
    expect(pngSize(png.bytes).width).toBeGreaterThan(1000);

    const csv = await downloadFrom(page, button(t.csv), OUT);
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8')).toMatch(/MA-06/);

    const pptx = await downloadFrom(page, button(t.pptx), OUT);
    expect(pptx.name).toMatch(/\.pptx$/);
    expect(pptx.bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every .pptx
    expect(pptx.bytes.length).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });
});
