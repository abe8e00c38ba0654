/**
 * Issue 8 item 2, proven deterministically: "out-of-order responses never show a stale selection".
 *
 * tests/e2e/races.test.ts runs 100 quick interactions against a randomly slow API and checks the end
 * state, but whether answers really crossed depends on timing (a quiet CI run saw none). Here Playwright
 * holds chosen `/api/v1/observations` answers of the real-API build (`route.fetch()` the real answer, keep
 * it, `route.fulfill()` it when the test says so), so every case makes the order it needs:
 *
 * 1. indicator A then B, A's answer released after B's → chart, table, caption, URL, picker show B;
 * 2. territories S1 → S2 (checkboxes) while A's answer (asked under S1) is held, then B answered first →
 *    |S2| lines naming S2 (the explorer asks observations per indicator and filters territories itself,
 *    so a toggle alone sends no request to race with);
 * 3. a link (history push + popstate) sets indicator B and a period while the cold-load answer for A is
 *    held, A released after → B at that period; Back → A with its own range and ranking period;
 * 4. the held stale answer is a 500, released late → no error, notice or Retry for the current selection,
 *    and the superseded query is not retried;
 * 5. mock mode: the MSW worker answers inside the page, so `page.route` cannot hold its answers; the mock's
 *    own `latency` fault (localStorage, read per request) delays A by 10 s and is lifted for B, so the order
 *    is fixed by seconds of margin; the order is read from a page-side log of settled fetches.
 *
 * Every case runs in two modes and asserts the inversion really happened in the page:
 * - `shipped`: the app as built. react-query aborts a query nobody observes any more (the query function
 *   consumes its signal), so the superseded request is cancelled at once (net::ERR_ABORTED / AbortError)
 *   and its late answer is dropped by the browser — the test asserts that cancellation;
 * - `no-abort`: an init script makes `fetch` ignore the abort signal for observations, so the held answer
 *   really reaches the app's code after the later one (asserted from the request log); this proves the
 *   second line of defence (answers kept per query key, a cancelled query's late result ignored).
 * Then the screen is checked after a settle: lines, captions, table, URL, picker, checkboxes, nothing
 * `aria-busy`, no alert, no console error beyond the browser's own line for a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIResponse, Page, Request, Route } from 'playwright-core';
import { startApiServer, type ApiServer } from '../../scripts/api-server.ts';
import { MOCK_STORAGE_KEY } from '../../src/mocks/faults.ts';
import {
  ensureRealApiBuild,
  loadRacePool,
  type PoolIndicator,
  type PoolTerritory,
  distDir,
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  navigateInApp,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { ENDPOINTS, unexpectedErrors } from './faults-support.ts';

/**
 * This file's own API port and real-API build (the build bakes the API origin into its CSP and client), not
 * the shared REAL_API_PORT 4328: scripts/test.mjs runs this file in the background beside the other e2e
 * files, some of which hold 4328 (CI time, issue 7/8). `MOUCHIR_REAL_ORDER_DIST` overrides the folder.
 */
const API_PORT = 4329;
const API_BASE = `http://127.0.0.1:${API_PORT}`;
const DIST = process.env.MOUCHIR_REAL_ORDER_DIST ?? '.tmp/dist-real-order';
/** Port of the app server (this file's range: 4385–4389). */
const APP_PORT = 4385;
/** Port of the mock build's server in case 5. */
const MOCK_APP_PORT = 4386;
/** How late the mock's latency fault makes the superseded answer in case 5. */
const MOCK_LATENCY_MS = 10_000;
const WAIT = 30_000;
/** Time given to a late answer to do damage before the screen is checked again. */
const SETTLE_MS = 800;

type Territory = PoolTerritory;
type Indicator = PoolIndicator;

/** One line of the order log: what happened to an observations request, in the order it happened. */
interface OrderEvent {
  kind: 'answered' | 'failed';
  indicator: string;
  url: string;
  /** Failure text for `failed` (e.g. net::ERR_ABORTED). */
  detail: string;
  /**
   * The request itself: a retry of the held request has the same URL (under load the client's timeout can
   * fire while the test holds the answer, and react-query retries), so outcomes are matched by identity.
   */
  request: Request;
}

/** A request the gate keeps: its route, and the answer to give (fetched from the real API at once). */
interface HeldRequest {
  indicator: string;
  url: string;
  route: Route;
  request: Request;
  response: APIResponse | null;
}

/**
 * Holds chosen observations answers. `hold(indicator)` arms the gate for the next request of that
 * indicator; every other request gets the real answer at once. `release` fulfils a held request with its
 * real answer or with a 500 problem, whatever the page did in between.
 */
class AnswerGate {
  readonly log: OrderEvent[] = [];
  private armed = new Map<string, (held: HeldRequest) => void>();

  constructor(private readonly page: Page) {}

  async install(): Promise<void> {
    const indicatorOf = (url: string): string => new URL(url).searchParams.get('indicator') ?? '';
    this.page.on('requestfinished', (r: Request) => {
      if (r.url().includes('/api/v1/observations'))
        this.log.push({ kind: 'answered', indicator: indicatorOf(r.url()), url: r.url(), detail: '', request: r });
    });
    this.page.on('requestfailed', (r: Request) => {
      if (r.url().includes('/api/v1/observations'))
        this.log.push({
          kind: 'failed',
          indicator: indicatorOf(r.url()),
          url: r.url(),
          detail: r.failure()?.errorText ?? '',
          request: r,
        });
    });
    await this.page.route('**/api/v1/observations**', async (route) => {
      const url = route.request().url();
      const indicator = indicatorOf(url);
      const take = this.armed.get(indicator);
      if (take) {
        this.armed.delete(indicator);
        const held: HeldRequest = { indicator, url, route, request: route.request(), response: null };
        take(held);
        held.response = await route.fetch();
        return;
      }
      await route.fulfill({ response: await route.fetch() });
    });
  }

  /** Arm the gate for the next request of `indicator`; resolves once that request is held. */
  hold(indicator: string): Promise<HeldRequest> {
    return new Promise((resolve) => this.armed.set(indicator, resolve));
  }

  /**
   * Give the held request its answer now: the real one, or a 500 problem. Playwright ignores a fulfil
   * of a request the page has cancelled meanwhile; the order log says which happened.
   */
  async release(held: HeldRequest, as: 'real' | 'error:500' = 'real'): Promise<void> {
    await expect.poll(() => held.response !== null, { timeout: WAIT }).toBe(true);
    if (as === 'real') await held.route.fulfill({ response: held.response as APIResponse });
    else
      await held.route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify({
          type: 'urn:mouchir:problem:simulated-failure',
          title: 'Internal Server Error',
          status: 500,
        }),
      });
  }

  /** Index in the log of the outcome (answer or failure) of the held request, or -1. */
  outcomeIndex(held: HeldRequest): number {
    return this.log.findIndex((e) => e.request === held.request);
  }

  /** Index of the last answer of `indicator`, or -1. */
  lastAnswerIndex(indicator: string): number {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const e = this.log[i] as OrderEvent;
      if (e.kind === 'answered' && e.indicator === indicator) return i;
    }
    return -1;
  }
}

/**
 * How the page treats a superseded request. `shipped`: as built (react-query aborts it, the browser drops
 * the held answer). `no-abort`: an init script makes `fetch` ignore the abort signal for observations, so
 * the held answer really reaches the app's code after the later one — the second line of defence (answers
 * kept per query key, a cancelled query's late result ignored) is proven too.
 */
type Mode = 'shipped' | 'no-abort';
const MODES: readonly Mode[] = ['shipped', 'no-abort'];

/** Init script of the `no-abort` mode: observations requests go out without the caller's signal. */
function ignoreAbortForObservations(): void {
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/v1/observations') && init?.signal) {
      const { signal: _ignored, ...rest } = init;
      return original(input, rest);
    }
    return original(input, init);
  };
}

/** A settled observations `fetch` as the page's own code saw it (mock mode: the worker's answers are not network events). */
interface PageFetch {
  kind: 'answered' | 'failed';
  url: string;
  detail: string;
}

/** Init script: log, in the page, the order in which observations fetches settle, and count mock-fault reads. */
function recordObservationFetches(): void {
  const w = window as unknown as { __mouchirFetchLog?: PageFetch[] };
  w.__mouchirFetchLog = [];
  // Reads of the mock fault switch while it holds a spec: the mock handler has taken a request in hand.
  const counter = window as unknown as { __mouchirMockReads?: number };
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (this: Storage, key: string): string | null {
    const value = getItem.call(this, key);
    if (key === 'mouchir.mock' && value) counter.__mouchirMockReads = (counter.__mouchirMockReads ?? 0) + 1;
    return value;
  };
  const log = w.__mouchirFetchLog;
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const p = original(input, init);
    if (url.includes('/api/v1/observations'))
      p.then(
        () => log.push({ kind: 'answered', url, detail: '' }),
        (e: unknown) => log.push({ kind: 'failed', url, detail: e instanceof Error ? e.name : String(e) }),
      );
    return p;
  };
}

describe.each(MODES)(
  'races, deterministic (%s): held answers released out of order never show a stale selection',
  (mode) => {
    let served: ServedDist;
    let browser: LaunchedBrowser | undefined;
    let api: ApiServer | undefined;
    let indicators: Indicator[] = [];
    let pool: Territory[] = [];
    let periods: Record<string, string[]> = {};

    beforeAll(async () => {
      ensureRealApiBuild(DIST, API_BASE);
      api = await startApiServer({ port: API_PORT });
      // Indicators with ≥ 2 values for each of four regions, so every case can count lines.
      ({ regions: pool, indicators, periods } = await loadRacePool(api.url, 4));
      expect(pool.length).toBe(4);
      expect(indicators.length).toBe(4);
      served = await serveDist({ dir: DIST, port: APP_PORT });
    });

    afterAll(async () => {
      await browser?.close();
      await served?.close();
      await api?.close();
    });

    /** What the explorer shows (for failure messages). */
    async function pageState(page: Page) {
      return page.evaluate(() => ({
        url: location.search,
        visibility: document.visibilityState,
        focus: document.hasFocus(),
        caption: document.querySelector('#explorer-line-caption')?.textContent ?? null,
        alerts: [...document.querySelectorAll('main [role="alert"]')].map((a) => a.textContent),
        busy: document.querySelectorAll('main [aria-busy="true"]').length,
        paths: [...document.querySelectorAll('path.recharts-line-curve')].map(
          (p) => `${(p.getAttribute('d') ?? '').length}:${p.checkVisibility()}`,
        ),
        keptTab: document.querySelector('[data-kept-tab]')?.className ?? null,
        tabs: [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.textContent),
      }));
    }
    /** The gate of the case running now (its request order goes into failure messages). */
    let currentGate: AnswerGate | undefined;

    /** A fresh browser per case: no react-query cache or history carried from one case to the next. */
    async function freshPage(): Promise<{ page: Page; gate: AnswerGate; errors: string[] }> {
      await browser?.close();
      browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      if (mode === 'no-abort') await page.addInitScript(ignoreAbortForObservations);
      const gate = new AnswerGate(page);
      currentGate = gate;
      await gate.install();
      return { page, gate, errors };
    }

    async function open(page: Page, query: string): Promise<void> {
      await openApp(page, served.url, `view=explorer&lang=en&${query}`, { expectWorker: false, timeout: WAIT });
      await page.getByRole('combobox', { name: 'Indicator', exact: true }).waitFor({ timeout: WAIT });
    }

    const picker = (page: Page) => page.getByRole('combobox', { name: 'Indicator', exact: true });
    const nameOf = (code: string): string => pool.find((t) => t.code === code)?.name.en ?? code;
    const indicatorName = (id: string): string => indicators.find((i) => i.id === id)?.name.en ?? id;

    /** The chart is drawn for `indicator` and `territories`: line count, caption, picker, URL, checkboxes. */
    async function expectShown(page: Page, indicator: string, territories: readonly string[]): Promise<void> {
      try {
        await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(territories.length);
      } catch (e) {
        // Say what the page shows instead, so a failure in CI can be told from a slow machine.
        console.log(
          `races-order (${mode}) expected ${territories.length} lines of ${indicator}; page: ${JSON.stringify(await pageState(page))}; requests: ${currentGate?.log.map((x) => `${x.kind} ${x.indicator}`).join(' → ')}`,
        );
        throw e;
      }
      const caption = page.locator('#explorer-line-caption');
      await expect.poll(() => caption.innerText(), { timeout: WAIT }).toContain(indicatorName(indicator));
      const text = await caption.innerText();
      for (const c of territories) expect(text).toContain(nameOf(c));
      for (const t of pool) if (!territories.includes(t.code)) expect(text).not.toContain(nameOf(t.code));
      for (const other of indicators) if (other.id !== indicator) expect(text).not.toContain(indicatorName(other.id));
      const url = new URL(page.url());
      expect(url.searchParams.get('indicator')).toBe(indicator);
      expect((url.searchParams.get('territories') ?? '').split(',').sort()).toEqual([...territories].sort());
      expect(await picker(page).inputValue()).toBe(indicator);
      const checked = await page
        .locator('.territory-filter input[type="checkbox"]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
      expect(checked.length).toBe(territories.length);
      for (const c of territories) expect(checked.some((l) => l.includes(nameOf(c)))).toBe(true);
      expect(await page.locator('main [role="alert"]').count()).toBe(0);
      expect(await page.locator('main [aria-busy="true"]').count()).toBe(0);
    }

    /** The table tab shows the same indicator and territories (one row each), then back to the chart. */
    async function expectTable(page: Page, indicator: string, territories: readonly string[]): Promise<void> {
      await page.getByRole('tab', { name: 'Table', exact: true }).click({ timeout: WAIT });
      const caption = page.locator('table.data-table caption');
      await expect
        .poll(() => caption.innerText().catch(() => ''), { timeout: WAIT })
        .toContain(indicatorName(indicator));
      const rows = await page.locator('table.data-table tbody tr').allInnerTexts();
      expect(rows.length).toBe(territories.length);
      for (const c of territories) expect(rows.some((r) => r.includes(nameOf(c)))).toBe(true);
      // The values too: the table equals the one a fresh tab draws for the same link, with no race at all
      // (a late answer drawn under the right caption would only show here).
      expect(new URL(page.url()).searchParams.get('tab')).toBe('table');
      const shown = await page.locator('table.data-table').innerText();
      const fresh = await (browser as LaunchedBrowser).context.newPage();
      try {
        await fresh.goto(page.url(), { waitUntil: 'domcontentloaded', timeout: WAIT });
        const freshCaption = fresh.locator('table.data-table caption');
        await expect
          .poll(() => freshCaption.innerText().catch(() => ''), { timeout: WAIT })
          .toContain(indicatorName(indicator));
        expect(shown).toBe(await fresh.locator('table.data-table').innerText());
      } finally {
        await fresh.close();
      }
      await page.getByRole('tab', { name: 'Chart', exact: true }).click({ timeout: WAIT });
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(territories.length);
    }

    /**
     * Release the held request after the later indicator's answer, and prove the order really was inverted
     * in the page: `shipped` — the app had already cancelled the held request (net::ERR_ABORTED), so its late
     * answer is dropped; `no-abort` — the held answer reached the page after the later one.
     */
    async function releaseLate(
      gate: AnswerGate,
      held: HeldRequest,
      later: string,
      as: 'real' | 'error:500' = 'real',
    ): Promise<void> {
      const laterAnswer = gate.lastAnswerIndex(later);
      expect(laterAnswer, `${later} answered before the held ${held.indicator} is released`).toBeGreaterThanOrEqual(0);
      await gate.release(held, as);
      await expect.poll(() => gate.outcomeIndex(held), { timeout: WAIT }).toBeGreaterThanOrEqual(0);
      const outcome = gate.log[gate.outcomeIndex(held)] as OrderEvent;
      console.log(
        `races-order (${mode}): ${gate.log.map((e) => `${e.kind} ${e.indicator}${e.detail ? ` (${e.detail})` : ''}`).join(' → ')}`,
      );
      if (mode === 'shipped') {
        expect(outcome.kind, 'the app cancels a superseded request').toBe('failed');
        expect(outcome.detail).toMatch(/ERR_ABORTED/);
      } else {
        expect(outcome.kind, 'the held answer reaches the page').toBe('answered');
        expect(gate.outcomeIndex(held), 'the held answer lands after the later one').toBeGreaterThan(laterAnswer);
      }
      // Give the late answer time to do damage before the screen is checked again.
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }

    it(
      '1. indicator A then B, A answered last: chart, table, caption, URL and picker show B',
      { timeout: 120_000 },
      async () => {
        const { page, gate, errors } = await freshPage();
        const [x, a, b] = indicators.map((i) => i.id) as [string, string, string];
        const s = pool.slice(0, 2).map((t) => t.code);
        await open(page, `indicator=${x}&territories=${s.join(',')}`);
        await expectShown(page, x, s);

        const holding = gate.hold(a);
        await picker(page).selectOption(a);
        const held = await holding;
        await picker(page).selectOption(b);
        await expectShown(page, b, s);
        await releaseLate(gate, held, b);
        await expectShown(page, b, s);
        await expectTable(page, b, s);
        await expectShown(page, b, s);
        expect(unexpectedErrors(errors, ENDPOINTS)).toEqual([]);
      },
    );

    it(
      '2. territories S1 then S2 while the answer is held, another indicator answered first: |S2| lines naming S2',
      { timeout: 120_000 },
      async () => {
        const { page, gate, errors } = await freshPage();
        const [x, a, b] = indicators.map((i) => i.id) as [string, string, string];
        const s1 = pool.slice(0, 2).map((t) => t.code);
        // S2: drop the first territory, add the other two (a checkbox each).
        const s2 = pool.slice(1).map((t) => t.code);
        await open(page, `indicator=${x}&territories=${s1.join(',')}`);
        await expectShown(page, x, s1);

        // The request for A is made while S1 is selected; S2 is chosen while its answer is held.
        const holding = gate.hold(a);
        await picker(page).selectOption(a);
        const held = await holding;
        await page.getByRole('checkbox', { name: nameOf(s1[0] as string), exact: true }).uncheck({ timeout: WAIT });
        for (const c of s2.filter((c) => !s1.includes(c)))
          await page.getByRole('checkbox', { name: nameOf(c), exact: true }).check({ timeout: WAIT });
        await picker(page).selectOption(b);
        await expectShown(page, b, s2);
        await releaseLate(gate, held, b);
        await expectShown(page, b, s2);
        await expectTable(page, b, s2);

        // Back on A (its answer now fetched again or taken from the cache): A with S2, never S1.
        await picker(page).selectOption(a);
        await expectShown(page, a, s2);
        expect(unexpectedErrors(errors, ENDPOINTS)).toEqual([]);
      },
    );

    it(
      '3. a link changes indicator and period while the first answer is held; Back restores each entry',
      { timeout: 120_000 },
      async () => {
        const { page, gate, errors } = await freshPage();
        const [, a, b] = indicators.map((i) => i.id) as [string, string, string];
        const s = pool.slice(0, 3).map((t) => t.code);
        const first = periods[b]?.[0] as string;
        const latestA = periods[a]?.at(-1) as string;
        expect(first).toBeDefined();

        // The very first observations answer (A, cold load) is held.
        const holding = gate.hold(a);
        await open(page, `indicator=${a}&territories=${s.join(',')}`);
        const held = await holding;
        // A link (as a shared URL or Forward would set it): indicator B from its first period, ranking at it.
        await navigateInApp(
          page,
          `view=explorer&lang=en&indicator=${b}&territories=${s.join(',')}&from=${first}&period=${first}`,
        );
        await expectShown(page, b, s);
        const ranking = page.locator('#explorer-bar-caption');
        await expect.poll(() => ranking.innerText(), { timeout: WAIT }).toContain(`ranking ${first}`);
        await releaseLate(gate, held, b);
        await expectShown(page, b, s);
        expect(await ranking.innerText()).toContain(`ranking ${first}`);
        expect(new URL(page.url()).searchParams.get('from')).toBe(first);
        expect(new URL(page.url()).searchParams.get('period')).toBe(first);

        // Back: A again, full range, latest period ranked — its own state, drawn from A's own answer.
        await page.evaluate(() => history.back());
        await expect.poll(() => new URL(page.url()).searchParams.get('indicator'), { timeout: WAIT }).toBe(a);
        await expectShown(page, a, s);
        expect(new URL(page.url()).searchParams.get('from')).toBeNull();
        await expect.poll(() => ranking.innerText(), { timeout: WAIT }).toContain(`ranking ${latestA}`);
        expect(await ranking.innerText()).toContain(indicatorName(a));
        expect(unexpectedErrors(errors, ENDPOINTS)).toEqual([]);
      },
    );

    it(
      '4. the held stale answer is a 500, released late: no error for the current selection',
      { timeout: 120_000 },
      async () => {
        const { page, gate, errors } = await freshPage();
        const [x, a, b] = indicators.map((i) => i.id) as [string, string, string];
        const s = pool.slice(0, 2).map((t) => t.code);
        await open(page, `indicator=${x}&territories=${s.join(',')}`);
        await expectShown(page, x, s);

        const holding = gate.hold(a);
        await picker(page).selectOption(a);
        const held = await holding;
        await picker(page).selectOption(b);
        await expectShown(page, b, s);
        await releaseLate(gate, held, b, 'error:500');
        // No error, stale notice or retry for B; B still drawn; no retry of A left running.
        await expectShown(page, b, s);
        expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
        const requestsForA = gate.log.filter((e) => e.indicator === a).length;
        await new Promise((r) => setTimeout(r, 1_500));
        expect(gate.log.filter((e) => e.indicator === a).length, 'the superseded query is not retried').toBe(
          requestsForA,
        );
        await expectShown(page, b, s);
        expect(unexpectedErrors(errors, ENDPOINTS)).toEqual([]);
      },
    );

    it(
      '5. mock mode: A slowed by the mock latency fault, B answered at once — B shown, and still B once A is due',
      { timeout: 120_000 },
      async () => {
        // The MSW worker answers inside the page, so page.route cannot hold its answers: the mock's own
        // `latency` fault (read from localStorage on every request) delays A by MOCK_LATENCY_MS instead, and is
        // lifted before B is asked. The order is then fixed by a margin of seconds, not by luck.
        const mock = await serveDist({ dir: distDir(), port: MOCK_APP_PORT });
        try {
          const { page, errors } = await freshPage();
          await page.addInitScript(recordObservationFetches);
          const [x, a, b] = indicators.map((i) => i.id) as [string, string, string];
          const s = pool.slice(0, 2).map((t) => t.code);
          await openApp(page, mock.url, `view=explorer&lang=en&indicator=${x}&territories=${s.join(',')}`, {
            timeout: WAIT,
          });
          await expectShown(page, x, s);

          const fetches = (): Promise<PageFetch[]> =>
            page.evaluate(() => (window as unknown as { __mouchirFetchLog?: PageFetch[] }).__mouchirFetchLog ?? []);
          const indexOf = (log: readonly PageFetch[], id: string): number =>
            log.findIndex((e) => new URL(e.url).searchParams.get('indicator') === id);
          await page.evaluate(({ key, spec }) => localStorage.setItem(key, spec), {
            key: MOCK_STORAGE_KEY,
            spec: `latency:${MOCK_LATENCY_MS}:observations`,
          });
          await picker(page).selectOption(a);
          // The mock handler reads the fault when A's request reaches it: once it has, A is delayed, and the
          // fault is lifted for B.
          await expect
            .poll(
              () => page.evaluate(() => (window as unknown as { __mouchirMockReads?: number }).__mouchirMockReads ?? 0),
              { timeout: WAIT },
            )
            .toBeGreaterThan(0);
          const dueAt = Date.now() + MOCK_LATENCY_MS - 500;
          await page.evaluate((key) => localStorage.removeItem(key), MOCK_STORAGE_KEY);
          await picker(page).selectOption(b);
          await expectShown(page, b, s);
          expect(Date.now(), 'B drawn before A is due').toBeLessThan(dueAt);

          // Past A's due time: A was aborted (shipped) or answered after B (no-abort); B is still shown.
          await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now()) + SETTLE_MS));
          await expect.poll(async () => indexOf(await fetches(), a), { timeout: WAIT }).toBeGreaterThanOrEqual(0);
          const log = await fetches();
          console.log(
            `races-order mock (${mode}): ${log.map((e) => `${e.kind} ${new URL(e.url).searchParams.get('indicator')}${e.detail ? ` (${e.detail})` : ''}`).join(' → ')}`,
          );
          const outcome = log[indexOf(log, a)] as PageFetch;
          if (mode === 'shipped') {
            expect(outcome.kind, 'the app cancels a superseded request').toBe('failed');
            expect(outcome.detail).toBe('AbortError');
          } else {
            expect(outcome.kind, 'the delayed answer reaches the page').toBe('answered');
            expect(indexOf(log, a), 'the delayed answer lands after the later one').toBeGreaterThan(indexOf(log, b));
          }
          await expectShown(page, b, s);
          await expectTable(page, b, s);
          expect(unexpectedErrors(errors, ENDPOINTS)).toEqual([]);
        } finally {
          await browser?.close();
          await mock.close();
        }
      },
    );
  },
);
