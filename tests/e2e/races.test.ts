/**
 * Issue 8 item 2: races and flakiness, in the real-API build against scripts/api-server.ts answering with a
 * seeded random latency (0–3 s) and 10 % simulated 500s. A seeded script of 100 quick interactions
 * (territory checkboxes, indicator, measure, tab, period through a link) runs without waiting for answers,
 * so many requests are in flight at once; the app cancels the ones a newer selection supersedes (react-query
 * aborts unobserved queries), so answers rarely complete out of order here — the count is reported, not
 * required. At the end:
 *
 * - the URL, the indicator picker and the checked territories equal the last action's state;
 * - the chart draws exactly one line per selected territory, and its caption names the last indicator and
 *   those territories (an older response landing last would show another indicator or selection);
 * - no skeleton or spinner is left, no error remains, and the console holds nothing but the browser's
 *   "Failed to load resource" lines of the simulated 500s.
 *
 * A second API server without latency or errors (port 4374) gives the test its ground truth.
 * The deterministic out-of-order proof (answers held and released late) is tests/e2e/races-order.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApiServer, seededRandom, type ApiServer } from '../../scripts/api-server.ts';
import {
  ensureRealApiBuild,
  loadRacePool,
  type PoolIndicator,
  type PoolTerritory,
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  navigateInApp,
  openApp,
  REAL_API_DIST,
  REAL_API_PORT,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { ENDPOINTS, unexpectedErrors } from './faults-support.ts';

const API_BASE = `http://127.0.0.1:${REAL_API_PORT}`;
const STEPS = 100;
/** The real-API build: `MOUCHIR_REAL_DIST` or `.tmp/dist-real` (scripts/test.mjs builds it). */
const DIST = process.env.MOUCHIR_REAL_DIST ?? REAL_API_DIST;
const WAIT = 60_000;

type Territory = PoolTerritory;
type Indicator = PoolIndicator;

/** What the test expects the view to be: updated by every scripted action. */
interface Expected {
  indicator: string;
  territories: string[];
  tab: 'chart' | 'map' | 'table';
  measure: string;
}

describe('races: 100 quick interactions against a slow, flaky API', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let api: ApiServer | undefined;
  let truth: ApiServer | undefined;
  let indicators: Indicator[] = [];
  let pool: Territory[] = [];
  let periods: Record<string, string[]> = {};

  beforeAll(async () => {
    ensureRealApiBuild(DIST, API_BASE);
    truth = await startApiServer({ port: 4374 });
    // Ground truth: indicators with a line chart for every pooled region (≥ 2 values each).
    ({ regions: pool, indicators, periods } = await loadRacePool(truth.url, 3));
    expect(pool.length).toBeGreaterThanOrEqual(3);
    expect(indicators.length).toBeGreaterThanOrEqual(2);

    api = await startApiServer({ port: REAL_API_PORT, latencyMs: 3_000, errorRate: 0.1, seed: 8 });
    served = await serveDist({ dir: DIST, port: 4375 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await api?.close();
    await truth?.close();
  });

  it(
    'ends consistent with the last action, with no stale selection, spinner or console error',
    { timeout: 600_000 },
    async () => {
      const page: Page = browser.page;
      const errors = collectConsoleErrors(page);
      // Request start/end order of observations, to count out-of-order answers.
      const started: string[] = [];
      const finished: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/v1/observations')) started.push(r.url() + '#' + started.length);
      });
      page.on('requestfinished', (r) => {
        if (r.url().includes('/api/v1/observations')) finished.push(r.url());
      });

      const first = indicators[0] as Indicator;
      const expected: Expected = {
        indicator: first.id,
        territories: pool.slice(0, 2).map((t) => t.code),
        tab: 'chart',
        measure: 'absolute',
      };
      await openApp(
        page,
        served.url,
        `view=explorer&lang=en&indicator=${expected.indicator}&territories=${expected.territories.join(',')}`,
        {
          expectWorker: false,
          timeout: WAIT,
        },
      );
      await page.getByRole('combobox', { name: 'Indicator', exact: true }).waitFor({ timeout: WAIT });
      await page.locator('.territory-filter input[type="checkbox"]').first().waitFor({ timeout: WAIT });

      const random = seededRandom(2026);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
      const counts: Record<string, number> = {};
      for (let step = 0; step < STEPS; step++) {
        const kind =
          step === STEPS - 1 ? 'tab-chart' : pick(['territory', 'territory', 'indicator', 'measure', 'tab', 'period']);
        counts[kind] = (counts[kind] ?? 0) + 1;
        if (kind === 'territory') {
          const t = pick(pool);
          const on = expected.territories.includes(t.code);
          // Keep one to three territories, so the final chart is checkable line by line.
          if ((on && expected.territories.length === 1) || (!on && expected.territories.length >= 3)) continue;
          const box = page.getByRole('checkbox', { name: t.name.en, exact: true });
          if (on) await box.uncheck({ timeout: WAIT });
          else await box.check({ timeout: WAIT });
          expected.territories = on
            ? expected.territories.filter((c) => c !== t.code)
            : [...expected.territories, t.code];
        } else if (kind === 'indicator') {
          const ind = pick(indicators);
          await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption(ind.id, { timeout: WAIT });
          if (ind.id !== expected.indicator) expected.measure = 'absolute';
          expected.indicator = ind.id;
        } else if (kind === 'measure') {
          // The measure switch's radios only: on the map tab the level switch (regions / provinces) has radios too,
          // and with the 40-indicator catalogue of issue 14 the seeded walk reached it (a level a national-only
          // indicator cannot take stays unchecked, and the step was read as a measure).
          const radios = page.locator('fieldset.measure-switch input[type="radio"]').filter({ visible: true });
          const n = await radios.count();
          if (n === 0) continue;
          const radio = radios.nth(Math.floor(random() * n));
          await radio.check({ timeout: WAIT });
          expected.measure = (await radio.getAttribute('value')) ?? expected.measure;
        } else if (kind === 'tab' || kind === 'tab-chart') {
          const tab = kind === 'tab-chart' ? 'chart' : pick(['chart', 'map', 'table'] as const);
          await page
            .getByRole('tab', { name: { chart: 'Chart', map: 'Map', table: 'Table' }[tab], exact: true })
            .click({ timeout: WAIT });
          expected.tab = tab;
        } else {
          // A period range through a link (as a shared URL or Back would set it), then the full range again.
          const ps = periods[expected.indicator] ?? [];
          const from = ps[0];
          if (from === undefined) continue;
          await navigateInApp(
            page,
            `view=explorer&lang=en&indicator=${expected.indicator}&territories=${expected.territories.join(',')}&tab=${expected.tab}${expected.measure === 'absolute' ? '' : `&measure=${expected.measure}`}&from=${from}`,
          );
        }
        await page.waitForTimeout(Math.floor(random() * 150));
      }

      // Back to the absolute measure and the chart, so the final check reads raw values.
      const absolute = page.locator('input[type="radio"][value="absolute"]');
      if ((await absolute.count()) > 0) {
        await absolute.first().check({ timeout: WAIT });
        expected.measure = 'absolute';
      }

      // Settle: every answer in (latency ≤ 3 s, up to 2 retries), nothing busy, no error left.
      await expect
        .poll(async () => (await page.locator('main [aria-busy="true"]').count()) === 0, {
          timeout: WAIT,
          interval: 500,
        })
        .toBe(true);
      const retry = page.locator('main [role="alert"]').getByRole('button', { name: 'Retry' });
      if ((await retry.count()) > 0) await retry.first().click();
      await expect
        .poll(() => countChartLines(page), { timeout: WAIT, interval: 500 })
        .toBe(expected.territories.length);

      const url = new URL(page.url());
      expect(url.searchParams.get('indicator')).toBe(expected.indicator);
      expect((url.searchParams.get('territories') ?? '').split(',').sort()).toEqual([...expected.territories].sort());
      expect(url.searchParams.get('tab') ?? 'chart').toBe('chart');
      expect(url.searchParams.get('measure') ?? 'absolute').toBe('absolute');
      expect(await page.getByRole('combobox', { name: 'Indicator', exact: true }).inputValue()).toBe(
        expected.indicator,
      );
      const checked = await page
        .locator('.territory-filter input[type="checkbox"]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
      const names = expected.territories.map((c) => pool.find((t) => t.code === c)?.name.en ?? c);
      for (const n of names) expect(checked.some((c) => c.includes(n))).toBe(true);
      expect(checked.length).toBe(expected.territories.length);
      const caption = await page.locator('figure figcaption').first().innerText();
      const indicatorName = indicators.find((i) => i.id === expected.indicator)?.name.en ?? '';
      expect(caption).toContain(indicatorName);
      for (const n of names) expect(caption).toContain(n);
      expect(await page.locator('main [aria-busy="true"]').count()).toBe(0);
      expect(await page.locator('main [role="alert"]').count()).toBe(0);

      // How much racing there was: answers that came back in another order than asked. Reported, not
      // asserted: on a quiet machine with a warm cache the run can see none (CI saw 0 of 11 once), and
      // a precondition that depends on timing would make the test flaky rather than stricter.
      const startOrder = started.map((s) => s.slice(0, s.lastIndexOf('#')));
      let outOfOrder = 0;
      for (let i = 1; i < finished.length; i++) {
        if (startOrder.indexOf(finished[i] as string) < startOrder.indexOf(finished[i - 1] as string)) outOfOrder++;
      }
      console.log(
        `races: ${STEPS} steps ${JSON.stringify(counts)}, ${started.length} observation requests, ${outOfOrder} answered out of order`,
      );
      expect(started.length).toBeGreaterThan(5);
      // The flaky server fails any endpoint, the indicator's events too (issue 17: requested beside the observations;
      // a failed answer only leaves the chart without markers), so their "Failed to load resource" lines are noise.
      expect(unexpectedErrors(errors, [...ENDPOINTS, 'events'])).toEqual([]);
    },
  );
});
