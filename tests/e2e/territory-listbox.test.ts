/**
 * Issue 16, item 3: the explorer's territory list (country, 12 regions, 75 provinces) is one tab stop moved with
 * the arrow keys. From the top of the explorer page, Tab reaches the chart in a few presses (it took 121 when
 * each of the 88 checkboxes was a stop); in the list, ArrowDown moves (the focus visible), Space checks a
 * territory and the chart gains a line, Tab leaves the list at once. In French and in Arabic (RTL: the same keys),
 * axe clean with the focus in the list. No mouse event is sent.
 */
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

const PORT = 4462;
/**
 * Most Tab presses allowed from the top of the explorer to the chart: 26 at 1366 px (header 10, filter 7 with one
 * chip, controls 5, tabs and chart menus 3, then the chart); it was 113 with a stop on each checkbox.
 */
const MAX_TABS_TO_CHART = 30;
/** Stops inside the territory filter: one chip, three quick picks (the fourth is disabled), search, region, list. */
const FILTER_STOPS = 7;
const CHECKBOX = '.territory-filter__list input[type="checkbox"]';

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, viewport: { width: 1366, height: 900 } }, (s, b) => {
  served = s;
  browser = b;
});

/**
 * Press Tab from the top of the document until the focus matches `selector`: the number of presses, and how many
 * of them stopped inside the territory filter.
 */
async function tabsTo(page: Page, selector: string, max = 200): Promise<{ tabs: number; inFilter: number }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let inFilter = 0;
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(
      (sel) => ({
        done: document.activeElement?.matches(sel) ?? false,
        filter: document.activeElement?.closest('.territory-filter') != null,
      }),
      selector,
    );
    if (at.filter) inFilter++;
    if (at.done) return { tabs: i, inFilter };
  }
  throw new Error(`focus never reached ${selector} after ${max} × Tab`);
}

/** The focused element: its territory (the checkbox's label) and whether its focus is visible. */
function focusState(page: Page): Promise<{ inList: boolean; name: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { inList: false, name: '', visible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return {
      inList: el.closest('.territory-filter__list') !== null && el.matches('input[type="checkbox"]'),
      name: (el.closest('label')?.textContent ?? '').trim(),
      visible: el.matches(':focus-visible') && (outline || shadow),
    };
  });
}

const LANGS = [
  { lang: 'fr', list: 'Liste des territoires', country: 'Maroc', checked: 'Casablanca-Settat' },
  { lang: 'ar', list: 'قائمة المجالات الترابية', country: 'المغرب', checked: 'الدار البيضاء-سطات' },
] as const;

describe('the territory list is one tab stop', () => {
  it.each(LANGS)(
    '$lang: few Tabs to the chart, arrows move, Space checks, axe clean',
    { timeout: 240_000 },
    async ({ lang, list, country, checked }) => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      const query = `view=explorer&tab=chart&indicator=unemployment-rate&territories=MA-06&lang=${lang}`;
      await openApp(page, served.url, query);
      await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(1);
      await page.locator(CHECKBOX).nth(87).waitFor({ state: 'attached', timeout: 30_000 });
      expect(await page.locator(CHECKBOX).count()).toBe(88);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');

      // One checkbox of the 88 is in the tab order, and the list is a labelled group.
      expect(await page.locator(`${CHECKBOX}[tabindex="0"]`).count()).toBe(1);
      expect(await page.locator(`${CHECKBOX}[tabindex="-1"]`).count()).toBe(87);
      await expect.poll(() => page.getByRole('group', { name: list, exact: true }).count()).toBe(1);

      // From the top of the page to the chart.
      const { tabs: toChart, inFilter } = await tabsTo(page, '.line-chart__plot');
      console.log(
        `[territory-listbox] ${lang}: ${toChart} Tab presses from the top of the explorer to the chart, ${inFilter} in the territory filter`,
      );
      expect(inFilter).toBe(FILTER_STOPS);
      expect(toChart).toBeLessThanOrEqual(MAX_TABS_TO_CHART);

      // Into the list: one stop, on the checked territory, then the arrows.
      // (A fresh load: after blur() Chromium would go on tabbing from the chart.)
      await openApp(page, served.url, query);
      await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(1);
      const { tabs: toList } = await tabsTo(page, CHECKBOX);
      expect(toList).toBeLessThan(toChart);
      const first = await focusState(page);
      expect(first.inList).toBe(true);
      expect(first.name).toBe(checked); // the checked territory holds the stop
      expect(first.visible).toBe(true);
      await page.keyboard.press('ArrowDown');
      await expect.poll(async () => (await focusState(page)).name).not.toBe(first.name);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const second = await focusState(page);
      expect(second.inList).toBe(true);
      expect(second.visible).toBe(true);
      expect(await page.locator(`${CHECKBOX}[tabindex="0"]`).count()).toBe(1);
      expect(await page.locator(`${CHECKBOX}:focus`).getAttribute('tabindex')).toBe('0');

      // Space checks the focused territory: the chart gains its line.
      expect(await page.locator(`${CHECKBOX}:focus`).isChecked()).toBe(false);
      await page.keyboard.press('Space');
      await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(2);
      expect(await page.locator(`${CHECKBOX}:focus`).isChecked()).toBe(true);

      // End reaches the last province, Home the country, and the list scrolls with the focus.
      await page.keyboard.press('End');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.nextElementSibling ?? null))
        .toBe(null);
      await page.keyboard.press('Home');
      await expect.poll(async () => (await focusState(page)).name).toBe(country);

      expect(await axeViolations(page)).toEqual([]);

      // Tab leaves the list at once: the next stop is outside it.
      await page.keyboard.press('Tab');
      expect((await focusState(page)).inList).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.closest('.territory-filter__list') ?? null)).toBe(null);
      expect(errors).toEqual([]);
    },
  );
});
