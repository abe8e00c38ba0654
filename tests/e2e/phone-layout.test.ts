/**
 * Issue 16 (3), the phone layout at 390 px, in French and Arabic: the header is one compact bar whose "Menu"
 * disclosure holds language, theme, link and the import entries (Escape closes it and gives the focus back); the
 * explorer's chart starts above the fold, under a summary of the selection whose "Territoires" button opens the
 * territory filter as a modal sheet, by keyboard and by pointer; choosing a territory there updates the chart and the
 * summary; Escape or the close button closes it and the focus returns; axe finds nothing with the menu or the sheet
 * open. Screenshots at 360, 390 and 768 px go to .tmp/phone-layout/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  collectConsoleErrors,
  countChartLines,
  openApp,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PORT = 4460;
const WAIT = 30_000;
const WIDTH = 390;
const HEIGHT = 844;
const OUT = path.resolve('.tmp/phone-layout');

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT, viewport: { width: WIDTH, height: HEIGHT } }, (s, b) => {
  served = s;
  browser = b;
});

const T = {
  fr: {
    two: '2 territoires',
    three: '3 territoires',
    added: 'Rabat-Salé-Kénitra',
    other: 'ar',
    indicator: 'Population légale',
    from: 'De',
  },
  ar: {
    two: 'مجالان',
    three: '3 مجالات',
    added: 'الرباط-سلا-القنيطرة',
    other: 'fr',
    indicator: 'السكان القانونيون',
    from: 'من',
  },
} as const;

const QUERY = 'view=explorer&indicator=population&territories=MA,MA-06';

const menuButton = (page: Page) => page.locator('[data-header-menu]');
const sheet = (page: Page) => page.locator('dialog[data-filter-sheet]');
const opener = (page: Page) => page.locator('[data-open-filter-sheet]');
const summary = (page: Page) => page.locator('[data-selection-summary]');
const controlsToggle = (page: Page) => page.locator('[data-controls-toggle]');
const controlsSummary = (page: Page) => page.locator('[data-controls-summary]');

async function focusedHas(page: Page, attribute: string): Promise<boolean> {
  return page.evaluate((a) => document.activeElement?.hasAttribute(a) ?? false, attribute);
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('the phone layout at 390 px', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: compact header menu, chart above the fold, the territory sheet`, { timeout: 120_000 }, async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await page.setViewportSize({ width: WIDTH, height: HEIGHT });
      await openApp(page, served.url, `${QUERY}&lang=${lang}`);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

      // The chart first: most of its plot is on the first screen — its top no lower than 200 px above the fold (it was
      // 5 px above it before the controls folded) — under the selection's summary and the folded controls.
      const chart = await page.locator('.recharts-wrapper').first().boundingBox();
      if (!chart) throw new Error('chart not laid out');
      expect(chart.y).toBeLessThanOrEqual(HEIGHT - 200);
      await expect.poll(() => summary(page).innerText()).toContain(T[lang].two);
      await expect.poll(() => controlsSummary(page).innerText()).toContain(T[lang].indicator);
      expect(await page.locator('.explorer__side').count()).toBe(0);
      // Thumb-sized: the tabs and the export menu's button.
      await page.locator('.chart-frame__actions .xm-trigger').first().waitFor({ timeout: WAIT });
      const thumb = await page
        .locator('.tabs__tab, .chart-frame__actions .xm-trigger, [data-open-filter-sheet]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...thumb)).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: path.join(OUT, `explorer-${lang}-390.png`) });

      // The controls, folded: "Options" opens them in place by keyboard (Enter) and by pointer (a click closes them);
      // the period chosen there applies and shows in the folded line.
      const fromSelect = page.locator('.time-range select').first();
      expect(await controlsToggle(page).getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('.explorer__controls select').first().isVisible()).toBe(false);
      expect((await controlsToggle(page).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      await controlsToggle(page).focus();
      await page.keyboard.press('Enter');
      expect(await controlsToggle(page).getAttribute('aria-expanded')).toBe('true');
      await page.locator('.explorer__controls select').first().waitFor({ state: 'visible' });
      expect(await page.getByText(T[lang].from, { exact: true }).first().isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
      await page.screenshot({ path: path.join(OUT, `controls-${lang}-390.png`) });
      // The range's last start (population has 2014 and 2024): the folded line then names that period alone.
      const periods = await fromSelect
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const last = periods.at(-1);
      if (!last || periods.length < 2) throw new Error(`periods: ${periods.join(',')}`);
      await fromSelect.selectOption(last);
      await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(last);
      await expect.poll(() => controlsSummary(page).innerText()).toBe(`${T[lang].indicator} · ${last}`);
      await fromSelect.selectOption(periods[0] ?? '');
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      await controlsToggle(page).click();
      expect(await controlsToggle(page).getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('.explorer__controls select').first().isVisible()).toBe(false);

      // The header menu: a disclosure, closed at first; Escape closes it and gives the focus back.
      const language = page.locator('.header__tools select').first();
      expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
      expect(await language.isVisible()).toBe(false);
      await menuButton(page).click();
      expect(await menuButton(page).getAttribute('aria-expanded')).toBe('true');
      await language.waitFor({ state: 'visible' });
      for (const entry of ['import', 'datasets']) {
        expect(await page.locator(`.header__tools [data-import-entry="${entry}"]`).isVisible()).toBe(true);
      }
      const targets = await page
        .locator('[data-header-menu], .header__tools select, .header__tools .button, .nav__link')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...targets)).toBeGreaterThanOrEqual(44);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(OUT, `menu-${lang}-390.png`) });
      await language.focus();
      await page.keyboard.press('Escape');
      expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
      expect(await focusedHas(page, 'data-header-menu')).toBe(true);
      expect(await language.isVisible()).toBe(false);

      // It switches the language, and back.
      await menuButton(page).click();
      await language.selectOption(T[lang].other);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(T[lang].other);
      await language.selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await page.keyboard.press('Escape');
      expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');

      // The sheet by keyboard: Enter on "Territoires" opens it with the focus inside; Escape closes it, focus back.
      await opener(page).focus();
      await page.keyboard.press('Enter');
      await sheet(page).waitFor({ state: 'visible' });
      expect(await page.evaluate(() => document.activeElement?.closest('dialog[data-filter-sheet]') != null)).toBe(
        true,
      );
      expect(await sheet(page).getAttribute('aria-label')).toBeTruthy();
      expect(await axeViolations(page)).toEqual([]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
      await page.screenshot({ path: path.join(OUT, `sheet-${lang}-390.png`) });

      // Choosing a territory there updates the chart and the summary.
      await sheet(page)
        .locator('label, [role="option"]')
        .filter({ hasText: new RegExp(`^\\s*${T[lang].added}\\s*$`) })
        .first()
        .click();
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(3);
      await expect.poll(() => summary(page).innerText()).toContain(T[lang].three);
      expect(new URL(page.url()).searchParams.get('territories')?.split(',')).toContain('MA-04');
      await page.keyboard.press('Escape');
      await sheet(page).waitFor({ state: 'hidden' });
      expect(await focusedHas(page, 'data-open-filter-sheet')).toBe(true);

      // By pointer: the button opens it, the close button (≥ 44 px) closes it, focus back.
      await opener(page).click();
      await sheet(page).waitFor({ state: 'visible' });
      const close = sheet(page).locator('.filter-sheet__close');
      const closeBox = await close.boundingBox();
      const openerBox = await opener(page).boundingBox();
      expect(closeBox?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(openerBox?.height ?? 0).toBeGreaterThanOrEqual(44);
      await close.click();
      await sheet(page).waitFor({ state: 'hidden' });
      expect(await focusedHas(page, 'data-open-filter-sheet')).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('screenshots at 360, 390, 768 and 1024 px in fr and ar; the menu button to 480 px, the sheet to 900 px', async () => {
    const page = browser.page;
    try {
      for (const width of [360, 390, 768, 1024]) {
        await page.setViewportSize({ width, height: HEIGHT });
        for (const lang of ['fr', 'ar'] as const) {
          await openApp(page, served.url, `${QUERY}&lang=${lang}`);
          await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
          expect(await scrollWidth(page)).toBeLessThanOrEqual(width);
          // Every navigation label on one line: at 360 px «Explorateur» broke as «Explorateu / r» (seen in a
          // screenshot) when the four links shared the width equally and could break anywhere.
          const navLines = await page.locator('nav.nav a').evaluateAll((links) =>
            links.map((a) => {
              const range = document.createRange();
              range.selectNodeContents(a);
              return {
                label: a.textContent,
                lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
              };
            }),
          );
          expect(
            navLines.filter((l) => l.lines !== 1),
            `${lang} at ${width} px`,
          ).toEqual([]);
          expect(await menuButton(page).isVisible()).toBe(width <= 480);
          // Where the side column would stack above the chart (≤ 900 px), the filter is a sheet, opened from the
          // summary above the chart, and at least 160 px of the chart's plot are on the first screen (at 360 px the
          // two-territory summary takes two lines).
          expect(await page.locator('.explorer__side').count()).toBe(width <= 900 ? 0 : 1);
          expect(await opener(page).count()).toBe(width <= 900 ? 1 : 0);
          expect(await controlsToggle(page).count()).toBe(width <= 480 ? 1 : 0);
          const plot = await page.locator('.recharts-wrapper').first().boundingBox();
          expect(plot?.y ?? Infinity, `${lang} at ${width} px`).toBeLessThanOrEqual(HEIGHT - 160);
          await page.screenshot({ path: path.join(OUT, `explorer-${lang}-${width}.png`), fullPage: width > 480 });
        }
      }
    } finally {
      await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    }
  }, 120_000);
});
