/**
 * Issue 13's "done when" for the maps, in Chromium against the built app (mock API):
 * - in fr, ar and en, light and dark, the region and province maps are drawn from the real boundaries (12 region
 *   paths, 75 province paths, region borders over them, the ODbL attribution) and axe reports no violation;
 * - a keyboard user reaches Benslimane on the province map (Tab to the map, arrows toward it, stopping on the
 *   announced name) and Enter adds it: the URL's territories gain MA-BES and the chart's legend shows it;
 * - the analyst journey (unemployment, the provinces of Casablanca-Settat) ends on a ranked chart when one period
 *   is in range, and on a province map with both census years that redraws when the period changes;
 * - a boundary file that fails (500) gives the map panel's error with Retry, while the chart and table work;
 * - the hatched no-data class and the lists under the map (without data, without boundary) carry their reason;
 * - the compare view's small map loads the boundaries when opened, shows the compared regions, and a click or
 *   Enter adds or removes one (the URL follows), with no axe violation in fr and ar.
 * Every wait is on a condition, never a fixed sleep.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

/** This file's own port (the other e2e files use theirs). */
const PORT = 4383;
const GEO_ROUTE = '**/geo/morocco-provinces.topo.json';
const SHAPES = '.choropleth path[role="button"][data-code]';

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await serveDist({ port: PORT });
  browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const shapeCount = (page: Page) => page.locator(SHAPES).count();

/** Wait until the map shows `n` territories (the keyboard's copies: each territory once). */
async function mapShows(page: Page, n: number): Promise<void> {
  await expect.poll(() => shapeCount(page), { timeout: 30_000 }).toBe(n);
}

/**
 * Since issue 16 the service worker keeps the boundary file in its offline copy once a page has loaded, and answers
 * from it: a case that replaces the file on the network drops it from that copy first — after the current page's
 * copy is settled, so the worker cannot store it again behind the case's back (a replaced file would not match its
 * revision anyway, and is never stored).
 */
async function forgetOfflineBoundaries(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.documentElement.dataset.offlineReady ?? document.documentElement.dataset.offlineMissing,
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if (request.url.includes('/geo/')) await cache.delete(request);
    }
  });
}

/** The fills of the drawn territories, by code (a redraw with other values changes some). */
const fills = (page: Page) =>
  page.evaluate((sel) => {
    const out: Record<string, string> = {};
    for (const p of document.querySelectorAll<SVGPathElement>(sel))
      out[p.getAttribute('data-code') ?? ''] = p.style.fill;
    return out;
  }, SHAPES);

const urlTerritories = (page: Page) => new URL(page.url()).searchParams.get('territories')?.split(',') ?? [];

describe('maps from the real boundaries, in three languages and two themes', () => {
  const CASES = (['fr', 'ar', 'en'] as const).flatMap((lang) =>
    (['light', 'dark'] as const).map((theme) => ({ lang, theme })),
  );
  it.each(CASES)(
    '$lang $theme: 12 regions, 75 provinces with region borders, no axe violation',
    { timeout: 60_000 },
    async ({ lang, theme }) => {
      const { page } = browser;
      await page.emulateMedia({ colorScheme: theme });
      try {
        await openApp(page, served.url, `view=explorer&tab=map&indicator=unemployment-rate&lang=${lang}`);
        await mapShows(page, 12);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        // Geography is never mirrored: the map's svg stays left to right in Arabic.
        expect(await page.locator('svg.choropleth__svg').getAttribute('dir')).toBe('ltr');
        const regions = await page.locator(SHAPES).evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
        expect(regions.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`));
        // Real boundaries: long path data, not twelve squares.
        const dLength = await page
          .locator(SHAPES)
          .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length));
        expect(Math.min(...dLength)).toBeGreaterThan(200);
        // The level switch (a radio) to the provinces.
        await page.locator('.map-tab__level input[value="province"]').click();
        await mapShows(page, 75);
        expect(new URL(page.url()).searchParams.get('level')).toBe('province');
        expect((await page.locator('.choropleth__region-borders').getAttribute('d'))?.length).toBeGreaterThan(1000);
        expect(await page.locator('[data-inset="true"] path[role="button"]').count()).toBeGreaterThan(5);
        expect(await page.locator('.choropleth__attribution').innerText()).toMatch(/OpenStreetMap.*ODbL/);
        expect(await page.locator('[data-map-legend="true"] li').count()).toBeGreaterThanOrEqual(3);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.emulateMedia({ colorScheme: 'light' });
      }
    },
  );
});

describe('keyboard', () => {
  it(
    'Tab to the province map, arrows to Benslimane (the announced name), Enter adds it',
    { timeout: 60_000 },
    async () => {
      const { page } = browser;
      const errors = collectConsoleErrors(page);
      await openApp(
        page,
        served.url,
        'view=explorer&tab=map&indicator=unemployment-rate&level=province&territories=MA-06&lang=fr',
      );
      await mapShows(page, 75);
      // From the control just before it, Tab reaches the map (its one tab stop). That control is the map's export
      // menu, whose code loads after the map is drawn: from the region select, which came before it, Tab reached the
      // map only while the menu had not mounted yet (ci45 saw it mounted: "Présenter" had the focus).
      const lastExport = page.locator('[data-map-exports="true"] button').last();
      await lastExport.waitFor({ timeout: 30_000 });
      await lastExport.focus();
      await page.keyboard.press('Tab');
      const focusedCode = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
      expect(await focusedCode()).not.toBeNull();
      expect(await page.locator(`${SHAPES}[tabindex="0"]`).count()).toBe(1);
      const target = page.locator(`${SHAPES}[data-code="MA-BES"]`);
      const centre = async (sel: string) =>
        page.evaluate((s) => {
          const el = document.querySelector<SVGGraphicsElement>(s);
          const r = el?.getBoundingClientRect();
          return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
        }, sel);
      const live = page.locator('[data-map-announcer="true"]');
      // Walk toward Benslimane: the arrow along the larger gap first, the other axis when that one does not move
      // the focus or comes back; stop when the live region names it. The map and its centroids are fixed, so the
      // walk is the same every run.
      const seen = new Set<string>();
      for (let step = 0; step < 60 && (await focusedCode()) !== 'MA-BES'; step++) {
        const from = await centre(':focus');
        const to = await centre(`${SHAPES}[data-code="MA-BES"]`);
        if (!from || !to) throw new Error('no focus or no Benslimane on the map');
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const horizontal = dx > 0 ? 'ArrowRight' : 'ArrowLeft';
        const vertical = dy > 0 ? 'ArrowDown' : 'ArrowUp';
        const [first, second] = Math.abs(dx) >= Math.abs(dy) ? [horizontal, vertical] : [vertical, horizontal];
        const before = await focusedCode();
        if (before) seen.add(before);
        await page.keyboard.press(first);
        const now = await focusedCode();
        if (now === before || (now !== null && seen.has(now))) await page.keyboard.press(second);
        if ((await focusedCode()) === before) throw new Error(`stuck on ${before ?? '?'} on the way to Benslimane`);
      }
      expect(await focusedCode()).toBe('MA-BES');
      await expect.poll(() => live.innerText()).toMatch(/^Benslimane, \d[\d,]*[\s\u202f\u00a0]?%, 2024, Officiel/);
      await page.keyboard.press('Enter');
      await expect.poll(() => urlTerritories(page)).toEqual(['MA-06', 'MA-BES']);
      await expect.poll(() => target.getAttribute('aria-pressed')).toBe('true');
      // The chart shows it: its legend names Benslimane.
      await page.getByRole('tab', { name: 'Graphique' }).click();
      await expect.poll(() => countChartLines(page), { timeout: 15_000 }).toBe(2);
      await expect.poll(() => page.locator('[role="tabpanel"]').innerText()).toContain('Benslimane');
      expect(errors).toEqual([]);
    },
  );
});

describe('the analyst journey', () => {
  it(
    'unemployment, Casablanca-Settat, its provinces: a ranked chart for one period, a province map with 2014 and 2024',
    { timeout: 90_000 },
    async () => {
      const { page } = browser;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, 'view=explorer&lang=fr');
      await page.getByRole('combobox', { name: 'Indicateur' }).selectOption('unemployment-rate');
      await page.getByRole('combobox', { name: 'Région des provinces' }).selectOption('MA-06');
      await page.getByRole('button', { name: 'Provinces : Casablanca-Settat' }).click();
      await expect.poll(() => urlTerritories(page).length).toBe(9);
      const provinces = urlTerritories(page);
      // Two census years: the line leads; cut the range to 2024 and the ranking leads.
      await expect.poll(() => countChartLines(page), { timeout: 15_000 }).toBe(9);
      await page.getByRole('combobox', { name: 'De', exact: true }).selectOption('2024');
      const ranking = page.getByRole('figure', { name: /classement 2024/ });
      await expect.poll(() => ranking.locator('.bar-chart__bar').count(), { timeout: 15_000 }).toBe(9);
      expect(await countChartLines(page)).toBe(0);
      // Back to both years, then the map: the provinces, the 9 selected, both census years in its period select.
      await page.getByRole('combobox', { name: 'De', exact: true }).selectOption('2014');
      await expect.poll(() => countChartLines(page), { timeout: 15_000 }).toBe(9);
      await page.getByRole('tab', { name: 'Carte' }).click();
      await page.locator('.map-tab__level input[value="province"]').click();
      await mapShows(page, 75);
      const pressed = await page
        .locator(`${SHAPES}[aria-pressed="true"]`)
        .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
      expect(pressed.sort()).toEqual([...provinces].sort());
      const period = page.locator('[data-map-period] select');
      await period.waitFor();
      const options = await period.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(options).toEqual(expect.arrayContaining(['2014', '2024']));
      expect(await period.inputValue()).toBe('2024');
      const fills2024 = await fills(page);
      await period.selectOption('2014');
      const title = page.locator('figure:has(.choropleth) figcaption');
      await expect.poll(() => title.innerText()).toMatch(/2014/);
      await expect.poll(async () => JSON.stringify(await fills(page))).not.toBe(JSON.stringify(fills2024));
      expect(await shapeCount(page)).toBe(75);
      await expect.poll(() => page.locator('[data-map-announcer="true"]').count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('period')).toBe('2014');
      expect(errors).toEqual([]);
    },
  );
});

describe('bad input', () => {
  it(
    'a boundary file that fails gives the map panel its error with Retry; chart and table still work',
    { timeout: 60_000 },
    async () => {
      const { page, context } = browser;
      await openApp(page, served.url, 'view=explorer&lang=fr');
      await forgetOfflineBoundaries(page);
      let fail = true;
      // On the context: the page's request goes through the mock worker, whose own request only the context routes.
      await context.route(GEO_ROUTE, (route) =>
        fail ? route.fulfill({ status: 500, body: 'boom' }) : route.fallback(),
      );
      try {
        await openApp(page, served.url, 'view=explorer&indicator=unemployment-rate&territories=MA-06,MA-07&lang=fr');
        await expect.poll(() => countChartLines(page), { timeout: 15_000 }).toBe(2);
        await page.getByRole('tab', { name: 'Carte' }).click();
        const retry = page.locator('[role="tabpanel"]').getByRole('button', { name: /Réessayer/ });
        await retry.waitFor({ timeout: 30_000 });
        expect(await page.locator('[role="tabpanel"]').innerText()).toMatch(/limites administratives/);
        expect(await shapeCount(page)).toBe(0);
        await page.getByRole('tab', { name: 'Tableau' }).click();
        await expect.poll(() => page.locator('[role="tabpanel"] table tbody tr').count()).toBeGreaterThan(0);
        await page.getByRole('tab', { name: 'Graphique' }).click();
        await expect.poll(() => countChartLines(page), { timeout: 15_000 }).toBe(2);
        // Back on the map, still failing: the error and Retry again; once the file answers, Retry draws the map.
        await page.getByRole('tab', { name: 'Carte' }).click();
        const retryAgain = page.locator('[role="tabpanel"]').getByRole('button', { name: /Réessayer/ });
        await retryAgain.waitFor({ timeout: 30_000 });
        fail = false;
        await retryAgain.click();
        await mapShows(page, 12);
      } finally {
        await context.unrouteAll();
      }
    },
  );

  it('hatched no-data territories and the lists under the map, each with its reason', { timeout: 60_000 }, async () => {
    const { page, context } = browser;
    // Only two provinces publish this series: the 73 others are hatched and listed, never dropped.
    await openApp(page, served.url, 'view=explorer&tab=map&indicator=smart-services-online&lang=fr');
    await mapShows(page, 75);
    const hatched = page.locator(`${SHAPES}.choropleth__shape--nodata`);
    await expect.poll(() => hatched.count()).toBe(73);
    expect(await hatched.first().evaluate((p) => (p as SVGPathElement).style.fill)).toMatch(/^url\(/);
    expect(await page.locator('[data-map-legend="true"] .choropleth__swatch--nodata').count()).toBe(1);
    const withoutData = page.locator('[data-map-unmatched="withoutData"]');
    expect(await withoutData.locator('li').count()).toBe(73);
    expect(await withoutData.locator('li').first().innerText()).toMatch(/non publiée par la source/);

    // A boundary file without Benslimane: it is listed as having no boundary, with the reason.
    const topo = JSON.parse(
      await page.evaluate(async () => (await fetch('geo/morocco-provinces.topo.json')).text()),
    ) as { objects: { provinces: { geometries: { id: string }[] } } };
    topo.objects.provinces.geometries = topo.objects.provinces.geometries.filter((g) => g.id !== 'MA-BES');
    await forgetOfflineBoundaries(page);
    await context.route(GEO_ROUTE, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(topo) }),
    );
    try {
      await openApp(page, served.url, 'view=explorer&tab=map&indicator=unemployment-rate&level=province&lang=fr');
      await mapShows(page, 74);
      const withoutBoundary = page.locator('[data-map-unmatched="withoutBoundary"]');
      await expect
        .poll(() => withoutBoundary.innerText())
        .toMatch(/Benslimane.*pas de limite dans le fichier des frontières/);
    } finally {
      await context.unrouteAll();
    }
  });
});

describe('compare view', () => {
  it.each(['fr', 'ar'] as const)(
    '%s: the small map loads when opened, shows the compared regions, Enter adds one; no axe violation',
    { timeout: 60_000 },
    async (lang) => {
      const { page } = browser;
      const geo: string[] = [];
      const onRequest = (r: { url: () => string }) => {
        if (r.url().includes('/geo/')) geo.push(r.url());
      };
      page.on('request', onRequest);
      try {
        await openApp(page, served.url, `view=compare&territories=MA-06,MA-07&lang=${lang}`);
        await page.locator('table').first().waitFor();
        expect(geo).toEqual([]);
        await page.locator('[data-compare-map-toggle]').click();
        await mapShows(page, 12);
        expect(geo.length).toBeGreaterThan(0);
        const pressed = await page
          .locator(`${SHAPES}[aria-pressed="true"]`)
          .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-code')));
        expect(pressed.sort()).toEqual(['MA-06', 'MA-07']);
        expect(await axeViolations(page)).toEqual([]);
        await page.locator(`${SHAPES}[data-code="MA-04"]`).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => urlTerritories(page)).toEqual(['MA-06', 'MA-07', 'MA-04']);
        await expect.poll(() => page.locator('.mv-chip[data-territory="MA-04"]').count()).toBe(1);
        await page.locator(`${SHAPES}[data-code="MA-07"]`).click();
        await expect.poll(() => urlTerritories(page)).toEqual(['MA-06', 'MA-04']);
      } finally {
        page.off('request', onRequest);
      }
    },
  );
});
