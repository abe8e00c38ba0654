/**
 * At a 390-px phone width no view scrolls sideways, in French and in Arabic: the indicator picker's select, as wide
 * as its longest option, once made the explorer 614 px wide (fixed in src/styles/global.css). The issue-16 phone
 * layout will go further; this keeps the floor, with the header's menu open as well.
 */
import { describe, expect, it } from 'vitest';
import { openApp, servedBrowserForFile, type LaunchedBrowser, type ServedDist } from './harness.ts';

const PORT = 4458;
const WAIT = 30_000;

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, viewport: { width: 390, height: 844 } }, (s, b) => {
  served = s;
  browser = b;
});

/** Each view, and what shows it is drawn (its main content, not only the shell). */
const VIEWS: [string, string][] = [
  ['view=overview', 'article.mv-kpi .mv-kpi-value'],
  ['view=explorer&indicator=amo-tadamon-beneficiaries&territories=MA', '.recharts-line-curve'],
  ['view=explorer&tab=table&indicator=population&territories=MA-06,MA-07', 'table'],
  ['view=explorer&tab=map&indicator=unemployment-rate&territories=MA-06', '.choropleth path'],
  ['view=compare', 'table.mv-table'],
  ['view=projects', 'article[data-project]'],
];

describe('no sideways scroll at 390 px', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`every view in ${lang}`, { timeout: 180_000 }, async () => {
      const page = browser.page;
      const wide: string[] = [];
      for (const [query, ready] of VIEWS) {
        await openApp(page, served.url, `${query}&lang=${lang}`);
        await page.locator(ready).first().waitFor({ state: 'visible', timeout: WAIT });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${query}: ${width} px`);
        // Issue 16 (3): the header's menu open (language, theme, link, import entries) stays within the width too.
        await page.locator('[data-header-menu]').click();
        await page.locator('.header__tools select').first().waitFor({ state: 'visible' });
        const open = await page.evaluate(() => document.documentElement.scrollWidth);
        if (open > 390) wide.push(`${query}, menu open: ${open} px`);
        await page.keyboard.press('Escape');
      }
      expect(wide).toEqual([]);
    });
  }
});
