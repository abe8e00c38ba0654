/**
 * Issue 6: every view, in every language, has zero axe-core violations in real Chromium
 * (WCAG 2.0/2.1/2.2 A and AA rules), and the document carries the right `lang` and `dir`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const LANGS = [
  { lang: 'fr', dir: 'ltr', present: 'Présenter' },
  { lang: 'ar', dir: 'rtl', present: 'عرض تقديمي' },
  { lang: 'en', dir: 'ltr', present: 'Present' },
] as const;

/** The views to audit, as URL query strings (the explorer's three tabs count as three views). */
const VIEWS = [
  { name: 'overview', query: 'view=overview' },
  { name: 'explorer chart', query: 'view=explorer&tab=chart&territories=MA-06,MA-07&indicator=unemployment-rate' },
  { name: 'explorer map', query: 'view=explorer&tab=map&indicator=unemployment-rate' },
  { name: 'explorer table', query: 'view=explorer&tab=table&territories=MA-06,MA-07&indicator=unemployment-rate' },
  { name: 'compare', query: 'view=compare&territories=MA-06,MA-07' },
  { name: 'projects', query: 'view=projects' },
] as const;

let browser: LaunchedBrowser;
let server: ServedDist;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Wait until no loading skeleton is left, so axe audits the page as people read it. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
    timeout: 30_000,
  });
}

const audit = axeViolations;

describe.each(LANGS)('axe in $lang', ({ lang, dir, present }) => {
  it.each(VIEWS)('$name has no violations', async ({ query }) => {
    const { page } = browser;
    const errors = collectConsoleErrors(page);
    await openApp(page, server.url, `${query}&lang=${lang}`);
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('presentation mode has no violations', async () => {
    const { page } = browser;
    await openApp(page, server.url, `${VIEWS[1].query}&lang=${lang}`);
    await settle(page);
    await page.getByRole('button', { name: present, exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await audit(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  });
});

/** Dark mode follows the system: the same audit (contrast included) with `prefers-color-scheme: dark`. */
describe('axe in dark mode', () => {
  const DARK_VIEWS = [VIEWS[0], VIEWS[1], VIEWS[2], VIEWS[4]] as const;
  it.each(DARK_VIEWS.flatMap((v) => (['fr', 'ar'] as const).map((lang) => ({ ...v, lang }))))(
    '$name in $lang has no violations',
    async ({ query, lang }) => {
      const { page } = browser;
      await page.emulateMedia({ colorScheme: 'dark' });
      try {
        await openApp(page, server.url, `${query}&lang=${lang}`);
        await settle(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        expect(await audit(page)).toEqual([]);
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    },
  );
});

/** Every chart has an accessible name, a generated text summary and a data-table alternative. */
describe('charts: names, summaries, tables', () => {
  it(
    'explorer line and bar charts, overview sparklines, projects timeline, compare table',
    { timeout: 180_000 },
    async () => {
      const { page } = browser;
      await openApp(page, server.url, `${VIEWS[1].query}&lang=fr`);
      await settle(page);
      const frames = page.locator('figure.chart-frame');
      expect(await frames.count()).toBeGreaterThanOrEqual(2); // lines over time + ranking
      for (const frame of await frames.all()) {
        const name = await frame.evaluate((f) => {
          const id = f.getAttribute('aria-labelledby');
          return id ? (document.getElementById(id)?.textContent ?? '') : '';
        });
        expect(name).toMatch(/Taux de chômage/);
        // The summary is generated from the data: names, periods and values in words.
        const summary = await frame.locator('.chart-frame__summary').innerText();
        expect(summary).toMatch(/(Casablanca-Settat|Marrakech-Safi).*\d+,\d\u202f%.*2024/);
      }
      // The chart's points group is named for keyboard and screen-reader users.
      expect(await page.locator('.line-chart__plot').getAttribute('aria-label')).toMatch(/\S/);
      // Table alternative: the Table tab shows the same selection.
      await page.getByRole('tab', { name: 'Tableau' }).click();
      const table = page.getByRole('table');
      await table.waitFor({ timeout: 30_000 });
      const tableText = await table.innerText();
      expect(tableText).toContain('Casablanca-Settat');
      expect(tableText).toContain('Marrakech-Safi');
      // Map: every territory names its value or "pas de données" (hatched ones are never colour-only), in its
      // accessible name and in the legend, which writes the hatched class out with its count.
      await page.getByRole('tab', { name: 'Carte' }).click();
      const shapes = page.locator('.choropleth path[role="button"]');
      await shapes.first().waitFor({ timeout: 30_000 });
      expect(await shapes.count()).toBe(12);
      for (const shape of await shapes.all()) {
        expect(await shape.getAttribute('aria-label')).toMatch(/\d.*\(\d{4}\)|pas de données/);
      }
      for (const shape of await page.locator('.choropleth path[role="button"].choropleth__shape--nodata').all()) {
        expect(await shape.getAttribute('aria-label')).toContain('pas de données');
      }
      expect(await page.locator('[data-map-legend="true"]').innerText()).toMatch(/\d/);

      await openApp(page, server.url, 'view=overview&lang=fr');
      await settle(page);
      const sparks = page.locator('svg.sparkline');
      expect(await sparks.count()).toBeGreaterThan(0);
      for (const s of await sparks.all()) {
        expect(await s.getAttribute('role')).toBe('img');
        expect(await s.getAttribute('aria-label')).toMatch(/\d{4}.*\d{4}/); // first and last period in words
      }

      // Never colour alone: status badges and judged changes are written out, not only coloured.
      for (const badge of await page.locator('.badge').all())
        expect((await badge.innerText()).trim()).toMatch(/\p{L}{3}/u);
      const judged = page.locator('.mv-delta[data-assessment="better"], .mv-delta[data-assessment="worse"]');
      expect(await judged.count()).toBeGreaterThan(0);
      for (const d of await judged.all()) {
        const want = (await d.getAttribute('data-assessment')) === 'better' ? 'amélioration' : 'dégradation';
        expect(await d.innerText()).toContain(want);
      }

      await openApp(page, server.url, 'view=projects&lang=fr');
      await settle(page);
      const timeline = page.locator('figure.mv-timeline');
      expect(await timeline.locator('figcaption').innerText()).toMatch(/\S/);
      const rows = timeline.locator('.mv-timeline__row');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const r of await rows.all()) expect(await r.locator('.visually-hidden').first().textContent()).toMatch(/\S/);

      await openApp(page, server.url, `${VIEWS[4].query}&lang=fr`);
      await settle(page);
      expect(await page.getByRole('table').first().locator('caption').innerText()).toMatch(/Casablanca-Settat/);
    },
  );
});
