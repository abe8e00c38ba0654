/**
 * Issue 8 item 4 in Chromium: nothing lost.
 *
 * - Language, theme (localStorage) and saved views (IndexedDB, issue 17: pins became saved views) survive a reload.
 * - Corrupt or outdated stored preferences and old pins are detected, reset with a visible notice, and the app
 *   works on defaults; nothing is thrown.
 * - Network loss mid-session (`context.setOffline`) keeps the chart on screen with an "offline" notice and
 *   no error; a change made while offline waits (no error shown) and loads when the network returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  pickChartableSelection,
  seedStorage,
  serveDist,
  type ChartableSelection,
  type LaunchedBrowser,
  type ServedDist,
  waitForApp,
} from './harness.ts';

const WAIT = 30_000;

async function theme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}

describe('nothing lost', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let errors: string[];
  let selection: ChartableSelection;
  let explorer: string;

  beforeAll(async () => {
    served = await serveDist({ port: 4372 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    errors = collectConsoleErrors(browser.page);
    await openApp(browser.page, served.url, '');
    selection = await pickChartableSelection(browser.page, served.url, 2);
    const [a, b] = selection.territories as [string, string];
    explorer = `view=explorer&indicator=${selection.indicator}&territories=${a},${b}`;
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('language, theme and saved views persist across reloads', { timeout: 150_000 }, async () => {
    const page = browser.page;
    errors.length = 0;
    await page.evaluate(() => localStorage.clear());
    await openApp(page, served.url, explorer);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    await page
      .locator('header')
      .getByRole('combobox', { name: /^Langue/ })
      .selectOption('en');
    await page
      .locator('header')
      .getByRole('combobox', { name: /^Theme/ })
      .selectOption('dark');
    await expect.poll(() => theme(page)).toBe('dark');
    await page.getByRole('button', { name: 'Export', exact: true }).first().click();
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.getByRole('textbox', { name: 'View name' }).press('Enter');
    await page.getByText(/^View saved as/).waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');

    // A fresh load of a link that says nothing about language: the stored preference wins over the default.
    await openApp(page, served.url, explorer);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await theme(page)).toBe('dark');
    await page.getByRole('button', { name: 'Saved views (1)' }).first().waitFor({ timeout: WAIT });
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

    // Arabic: right to left, kept across a reload too.
    await page
      .locator('header')
      .getByRole('combobox', { name: /^Language/ })
      .selectOption('ar');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForApp(page, WAIT);
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()))
      .toBe('ar,rtl');
    expect(await theme(page)).toBe('dark');
    await page.getByRole('button', { name: 'العروض المحفوظة (1)' }).first().waitFor({ timeout: WAIT });
    expect(errors).toEqual([]);
  });

  it.each([
    ['garbage preferences', 'mouchir.preferences', '{not json', 'illisibles'],
    [
      'preferences of the wrong shape',
      'mouchir.preferences',
      '{"version":1,"lang":"<script>","theme":42}',
      'illisibles',
    ],
    ['outdated preferences', 'mouchir.preferences', '{"version":0,"lang":"en","theme":"dark"}', 'ancienne version'],
    ['garbage pins', 'mouchir.pins.v1', '{"version":1,"pins":[{"id":1}]', 'réinitialisées'],
    ['pins of another version', 'mouchir.pins.v1', '{"version":7,"pins":"x"}', 'réinitialisées'],
  ])('%s: reset with a notice, app on defaults', { timeout: 90_000 }, async (_label, key, value, noticeText) => {
    const page = browser.page;
    errors.length = 0;
    await seedStorage(page, served.url, { [key]: value }, { clear: true });
    await openApp(page, served.url, explorer);
    await page.getByText(noticeText).first().waitFor({ state: 'visible', timeout: WAIT });
    // Defaults: French, the chart drawn, the bad value gone or replaced by a valid one.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    const stored = await page.evaluate((k) => localStorage.getItem(k), key);
    expect(stored).not.toBe(value);
    // The notice shows once: a second load is clean.
    await openApp(page, served.url, explorer);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    expect(await page.getByText(noticeText).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('network loss keeps the data on screen with an offline notice, and recovers', { timeout: 150_000 }, async () => {
    const page = browser.page;
    errors.length = 0;
    await page.evaluate(() => localStorage.clear());
    await openApp(page, served.url, `${explorer}&lang=en`);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    // The export menu's code is a lazy chunk: let it load first, so this case is about data. (A chunk first
    // needed while offline fails with a Retry that works once online: tests/e2e/lazy-offline.test.ts.)
    await page.getByRole('button', { name: 'Export', exact: true }).first().waitFor({ timeout: WAIT });
    // "Offline: data already loaded…", or, once the offline copy has reported its date, "Offline — data saved on …"
    // followed by "Data already loaded…" (src/app/offline-notice.tsx says "Offline" once).
    const offline = page.getByText(/data already loaded stays on screen/i);

    await browser.context.setOffline(true);
    await offline.waitFor({ state: 'visible', timeout: WAIT });
    expect(await countChartLines(page)).toBe(2);

    // A change while offline: another indicator. Its request waits for the network instead of failing.
    const picker = page.getByRole('combobox', { name: 'Indicator', exact: true });
    const other = await picker.evaluate(
      (el, current) =>
        [...(el as HTMLSelectElement).options].map((o) => o.value).find((v) => v !== '' && v !== current) ?? null,
      selection.indicator,
    );
    expect(other).not.toBeNull();
    await picker.selectOption(other ?? '');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe(other);
    await page.waitForTimeout(2_000);
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    expect(await offline.isVisible()).toBe(true);

    await browser.context.setOffline(false);
    await expect.poll(() => offline.count(), { timeout: WAIT }).toBe(0);
    // The waiting request resumes: the new indicator draws (or says it has no data), with no error.
    const none = page.getByText('No data for this selection.');
    await expect
      .poll(async () => (await countChartLines(page)) > 0 || (await none.isVisible()), { timeout: WAIT })
      .toBe(true);
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('indicator')).toBe(other);
    expect(errors).toEqual([]);
  });
});
