/**
 * E2e harness shared by every Chromium test (and reusable by the bench): launch a headless
 * Chromium, serve a built `dist` with the same server code as `npm start`, open the app and wait
 * until it is really usable, and collect console errors.
 *
 * The dist folder defaults to `process.env.MOUCHIR_DIST ?? 'dist'`, so each engineer can test
 * their own build (`MOUCHIR_DIST=.tmp/dist-me npx vitest run --project e2e tests/e2e/x.test.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page, type Response as PageResponse } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/ensure-chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { extractMetaCsp, parseCsp } from '../../scripts/csp.mjs';

/** The build under test: `MOUCHIR_DIST` or `dist`. */
export function distDir(): string {
  return process.env.MOUCHIR_DIST ?? 'dist';
}

/** Chromium flags that keep a headless run quiet, offline-safe and deterministic on CI (one list for e2e, bench, screenshots). */
export { CHROMIUM_ARGS };

/** A launched browser: its persistent context, the context's first page, and a cleanup. */
export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and removes its profile directory. Safe to call twice. */
  close: () => Promise<void>;
}

/** Options for {@link launchBrowser}. */
export interface LaunchOptions {
  /** Extra Chromium flags appended to {@link CHROMIUM_ARGS}. */
  args?: string[];
  /** Viewport; Playwright's default is 1280×720. */
  viewport?: { width: number; height: number };
  /** Locale of the browser (`fr-FR`, `ar-MA`, `en-US`). */
  locale?: string;
  /** A phone: touch events (`locator.tap()`) and the mobile viewport meta honoured. */
  touch?: boolean;
}

/**
 * Launch headless Chromium with a fresh profile.
 * A persistent context is used because Playwright refuses `--user-data-dir` in `launch()` args,
 * and a fresh tmp profile per call means no service worker or storage leaks between tests.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  if (executablePath === null) {
    throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH');
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      acceptDownloads: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      ...(options.viewport ? { viewport: options.viewport } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
    });
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Options for {@link serveDist}. */
export interface ServeDistOptions {
  /** Built folder to serve; default {@link distDir}(). */
  dir?: string;
  /** Sub-path to serve under, e.g. `/mouchir/`; default `/`. */
  basePath?: string;
  /** Port; default 0 (any free port). */
  port?: number;
  /**
   * API base URL allowed in the CSP header when the build carries no meta CSP. Builds made with
   * `VITE_API_BASE_URL` embed it already, and the server reuses that policy.
   */
  apiBaseUrl?: string;
}

/** A running static server. */
export interface ServedDist {
  /** Base URL of the app, ending in the base path: `http://127.0.0.1:PORT/mouchir/`. */
  url: string;
  close: () => Promise<void>;
}

/**
 * The usual frame of an e2e file: before its tests, serve the build on `port` and launch one browser (1280 × 900 by
 * default; `out`, when given, is created for the files the tests keep); after them, close both. `ready` receives them.
 */
export function servedBrowserForFile(
  options: { port: number; out?: string; viewport?: { width: number; height: number }; touch?: boolean },
  ready: (served: ServedDist, browser: LaunchedBrowser) => void,
): void {
  let served: ServedDist | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    if (options.out) fs.mkdirSync(options.out, { recursive: true });
    served = await serveDist({ port: options.port });
    browser = await launchBrowser({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      ...(options.touch ? { touch: true } : {}),
    });
    ready(served, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
}

/** Serve a built `dist` with scripts/serve.mjs (security headers and all), on 127.0.0.1. */
export async function serveDist(options: ServeDistOptions = {}): Promise<ServedDist> {
  const root = options.dir ?? distDir();
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.resolve(root)}/index.html not found: build first (npx vite build --outDir ${root})`);
  }
  const running = await startServer({
    root,
    basePath: options.basePath ?? '/',
    port: options.port ?? 0,
    host: '127.0.0.1',
    apiBaseUrl: options.apiBaseUrl ?? null,
  });
  // 127.0.0.1 rather than "localhost": no IPv6/IPv4 guessing in Chromium; both are secure contexts,
  // which service workers require.
  const url = new URL(running.url);
  url.hostname = '127.0.0.1';
  return { url: url.href, close: running.close };
}

/** Options for {@link openApp}. */
export interface OpenAppOptions {
  /**
   * Wait for the MSW service worker to control the page (mock builds). Default true; pass false
   * for a build made with `VITE_API_BASE_URL` (no worker is registered there).
   */
  expectWorker?: boolean;
  /** How long to wait for the worker and the shell; default 30 s. */
  timeout?: number;
}

/**
 * Navigate to the app and wait until it is usable: the mock worker controls the page (so every
 * `/api/v1/` request from now on is answered by it) and the app runs ({@link waitForApp}).
 *
 * @param query query string with or without `?`, e.g. `view=explorer&territories=MA-06`.
 */
export async function openApp(page: Page, baseUrl: string, query = '', options: OpenAppOptions = {}): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  const qs = query === '' || query.startsWith('?') ? query : `?${query}`;
  await page.goto(new URL(qs, baseUrl).href, { waitUntil: 'domcontentloaded', timeout });
  if (options.expectWorker ?? true) {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout });
  }
  await waitForApp(page, timeout);
}

/**
 * Wait until the app runs: its shell is visible, it has replaced the prerendered one and its API can be called
 * (`<html data-app="running">`, src/app/app.tsx). The prerendered HTML has the same `app-shell` markup from the first
 * byte, and the app starts only after that shell is painted (src/main.tsx): waiting for the markup alone returned
 * before the app had read the URL, and before the page's mock client would answer a request the test makes itself.
 */
export async function waitForApp(page: Page, timeout = 30_000): Promise<void> {
  await page.locator('[data-testid="app-shell"]').first().waitFor({ state: 'visible', timeout });
  await page.waitForFunction(() => document.documentElement.dataset.app === 'running', undefined, { timeout });
}

/**
 * Write localStorage entries (`null` removes one) from a same-origin page where the app does not
 * run (the build's favicon), leaving the tab there; the next {@link openApp} then starts on exactly
 * these values. Writing them from a loaded app page races with that page: a part of it still
 * loading (the lazy export menu reads the pins) may read, and reset, a corrupt value before the
 * navigation, so the next load never sees it (a flake seen in CI).
 */
export async function seedStorage(
  page: Page,
  baseUrl: string,
  entries: Readonly<Record<string, string | null>>,
  options: { clear?: boolean } = {},
): Promise<void> {
  await page.goto(new URL('favicon.svg', baseUrl).href, { waitUntil: 'load' });
  await page.evaluate(
    ({ list, clear }) => {
      if (clear) localStorage.clear();
      for (const [k, v] of list) {
        if (v === null) localStorage.removeItem(k);
        else localStorage.setItem(k, v);
      }
    },
    { list: Object.entries(entries), clear: options.clear ?? false },
  );
}

/**
 * Forget the real API's answers the app keeps in IndexedDB (`mouchir-query-cache`, src/app/query-persist.ts), from a
 * same-origin page where the app does not run (the build's favicon, as {@link seedStorage}): a test that wants a
 * cold load of a real-API build must not get the answers an earlier visit kept. Leaves the tab there.
 */
export async function forgetKeptAnswers(page: Page, baseUrl: string): Promise<void> {
  await page.goto(new URL('favicon.svg', baseUrl).href, { waitUntil: 'load' });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('mouchir-query-cache');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error('deleteDatabase failed'));
      }),
  );
}

/**
 * An axe-core builder for the page, in legacy mode: axe runs once inside the page, instead of
 * `runPartial` in every frame and then `finishRun` in a new blank page. The app has no iframes, so
 * the results are the same (compared on overview, explorer and projects: same violations, passes
 * and incomplete), and an audit takes about 1.2–2 s instead of 2.5–3.8 s: over 40 audits, about a
 * minute of each CI run.
 */
export function axeBuilder(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true);
}

/** The WCAG 2.2 A/AA rules every e2e audit runs. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page as it is now, one line each (rule, impact, help, the first three targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await axeBuilder(page).withTags(AXE_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/** Prefix of the console error the harness logs for each CSP violation. */
export const CSP_VIOLATION_PREFIX = '[csp-violation]';

/**
 * The `data` arrays the app's own requests to `/api/v1/<endpoint>` received, oldest first, from now on (`stop` ends the
 * recording). In a build the mock API runs in the service worker and reads the page's switches (fault spec, dataset)
 * from the app's requests (src/mocks/mock-switches.ts): a test's own bare `fetch` would not tell what the app was served.
 */
export function recordApiAnswers<T>(page: Page, endpoint: string): { answers: T[][]; stop: () => void } {
  const answers: T[][] = [];
  const onResponse = (response: PageResponse): void => {
    if (!new URL(response.url()).pathname.endsWith(`/api/v1/${endpoint}`)) return;
    response
      .json()
      .then((body: { data: T[] }) => answers.push(body.data))
      .catch(() => undefined);
  };
  page.on('response', onResponse);
  return { answers, stop: () => page.off('response', onResponse) };
}

/**
 * Collect console errors, uncaught page errors and Content-Security-Policy violations from now on.
 * The returned array is live: it fills as the page runs, so assert on it at the end of a test
 * (`expect(errors).toEqual([])`).
 *
 * CSP violations are not always console errors (a blocked `eval` that the code catches is silent),
 * so an init script reports every `securitypolicyviolation` event as a console error starting with
 * {@link CSP_VIOLATION_PREFIX}: a CSP too strict for the app, or code that needs a weaker one,
 * fails every e2e test that checks its console. Applies to navigations after this call.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  void page.addInitScript((prefix) => {
    const w = window as unknown as { __mouchirCspReporter?: boolean };
    if (w.__mouchirCspReporter) return;
    w.__mouchirCspReporter = true;
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  }, CSP_VIOLATION_PREFIX);
  // A page navigated away while the mock API still answers its requests lets them go: MSW's worker sends what the
  // closing page's handler no longer answers to the network, and the static server says 404 — in a document that is
  // being replaced, which nobody sees (loaded CI runs: smoke, faults-boundary). Those 404s, and only those — same
  // origin, under /api/v1/, NOT answered by the worker — are the dying page's, not an error of the page under test.
  // A real-API build's API is another origin, so its 404s are always kept; smoke.test.ts checks, on a page of its
  // own, that every API answer comes from the worker.
  const leftToNetwork = new Set<string>();
  const isLeftToNetwork = (text: string, url: string) =>
    text.startsWith('Failed to load resource: the server responded with a status of 404') && leftToNetwork.has(url);
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() !== 404 || r.fromServiceWorker() || !url.pathname.includes('/api/v1/')) return;
    if (url.origin !== new URL(page.url()).origin) return;
    leftToNetwork.add(r.url());
    // The console message may have come first.
    for (let i = errors.length - 1; i >= 0; i--) if (errors[i]?.includes(`(${r.url()}:`)) errors.splice(i, 1);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      if (loc.url && isLeftToNetwork(msg.text(), loc.url)) return;
      errors.push(loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Port the real-API e2e build points at (`VITE_API_BASE_URL=http://127.0.0.1:4328`). It is baked
 * into `.tmp/dist-real` at build time, so scripts/test.mjs and tests/e2e/real-api.test.ts must agree.
 */
export const REAL_API_PORT = 4328;

/** Where scripts/test.mjs puts the real-API build. */
export const REAL_API_DIST = '.tmp/dist-real';

/** Inputs of a build: a change in any of them makes an older build stale. */
const BUILD_INPUTS = ['src', 'public', 'data', 'index.html', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) of a file or, recursively, of a folder's files. */
function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Whether `outDir` holds no build, or one older than its sources. */
export function isBuildStale(outDir: string): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(outDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return BUILD_INPUTS.some((input) => newestMtime(input) > built);
}

/**
 * Build the app into `outDir` unless it already holds an `index.html` (or `force`), with extra
 * environment (e.g. `VITE_API_BASE_URL`). Synchronous on purpose: it runs once in a global setup
 * or a `beforeAll`, before any browser starts.
 */
export function buildIfMissing(outDir: string, env: Record<string, string> = {}, force = false): boolean {
  if (!force && fs.existsSync(path.join(outDir, 'index.html'))) return false;
  const vite = path.resolve('node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    // NODE_ENV=production: vitest runs with NODE_ENV=test, which `vite build` keeps, and the bundle then
    // carried React's development build (slower, with dev-only warnings): not what `npm start` ships.
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  if (r.status !== 0) throw new Error(`vite build --outDir ${outDir} failed (exit ${String(r.status)})`);
  return true;
}

/**
 * A real-API build in `outDir` for the API at `apiBase`: (re)built when missing, older than its sources, or
 * built for another API origin (the origin is baked into the client and the CSP's connect-src, read back from
 * the built index.html).
 */
export function ensureRealApiBuild(outDir: string, apiBase: string): void {
  const index = path.join(outDir, 'index.html');
  const meta = fs.existsSync(index) ? extractMetaCsp(fs.readFileSync(index, 'utf8')) : null;
  const connect = meta === null ? [] : (parseCsp(meta).get('connect-src') ?? []);
  buildIfMissing(outDir, { VITE_API_BASE_URL: apiBase }, !connect.includes(apiBase) || isBuildStale(outDir));
}

/** A region of a race pool (only what the race tests read). */
export interface PoolTerritory {
  code: string;
  level: string;
  name: { en: string };
}
/** An indicator of a race pool. */
export interface PoolIndicator {
  id: string;
  name: { en: string };
  measures: string[];
}
/** Regions and indicators the race tests move between, and each indicator's periods with a value. */
export interface RacePool {
  regions: PoolTerritory[];
  indicators: PoolIndicator[];
  periods: Record<string, string[]>;
}

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

/**
 * Ground truth for the race tests, read from an API without faults at `apiUrl`: up to four regions that
 * each have two or more values in at least `minIndicatorsPerRegion` indicators, and up to four indicators
 * with two or more values in every one of those regions (so every selection draws one line per region).
 */
export async function loadRacePool(apiUrl: string, minIndicatorsPerRegion: number): Promise<RacePool> {
  const regions = (await getJson<{ data: PoolTerritory[] }>(`${apiUrl}/api/v1/territories`)).data.filter(
    (t) => t.level === 'region',
  );
  const all = (await getJson<{ data: PoolIndicator[] }>(`${apiUrl}/api/v1/indicators`)).data;
  const counts = new Map<string, Map<string, number>>();
  const periods: Record<string, string[]> = {};
  for (const ind of all) {
    const rows = (
      await getJson<{ data: { territory: string; period: string; value: number | null }[] }>(
        `${apiUrl}/api/v1/observations?indicator=${ind.id}`,
      )
    ).data;
    const per = new Map<string, number>();
    for (const r of rows) if (r.value !== null) per.set(r.territory, (per.get(r.territory) ?? 0) + 1);
    counts.set(ind.id, per);
    periods[ind.id] = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.period))].sort();
  }
  const charted = (ind: PoolIndicator, t: PoolTerritory) => (counts.get(ind.id)?.get(t.code) ?? 0) >= 2;
  const pool = regions.filter((t) => all.filter((i) => charted(i, t)).length >= minIndicatorsPerRegion).slice(0, 4);
  return { regions: pool, indicators: all.filter((i) => pool.every((t) => charted(i, t))).slice(0, 4), periods };
}

/** A selection the explorer can chart: an indicator and territories that each have ≥ 2 values. */
export interface ChartableSelection {
  indicator: string;
  /** Territory codes with data, best first (regions before others). */
  territories: string[];
  /** Names of those territories, per language, as the app shows them (for picking by label). */
  names: Record<string, { fr: string; ar: string; en: string }>;
}

/**
 * Ask the running app's API (through the page, so the mock worker or the real API answers exactly
 * as it does for the app) for an indicator with at least `count` territories that each have two or
 * more non-null values. Tests use it instead of hard-coding ids, so they survive data updates.
 *
 * @param apiRoot URL the contract paths hang off, e.g. `http://127.0.0.1:PORT/mouchir/` (mock) or
 *   the real API's base URL.
 */
export async function pickChartableSelection(page: Page, apiRoot: string, count: number): Promise<ChartableSelection> {
  const root = apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
  const found = await page.evaluate(
    async ({ root, count }) => {
      const get = async (p: string): Promise<unknown> => {
        const r = await fetch(new URL(p, root).href);
        if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`);
        return r.json();
      };
      type Ind = { id: string; levels?: string[] };
      type Ter = { code: string; name: { fr: string; ar: string; en: string } };
      const ters = ((await get('api/v1/territories')) as { data: Ter[] }).data;
      type Obs = { territory: string; value: number | null };
      const inds = ((await get('api/v1/indicators')) as { data: Ind[] }).data;
      // Regional indicators first: the explorer's default picks are regions.
      inds.sort((a, b) => Number(!(a.levels ?? []).includes('region')) - Number(!(b.levels ?? []).includes('region')));
      for (const ind of inds) {
        const obs = ((await get(`api/v1/observations?indicator=${encodeURIComponent(ind.id)}`)) as { data: Obs[] })
          .data;
        const perTerritory = new Map<string, number>();
        for (const o of obs)
          if (o.value !== null) perTerritory.set(o.territory, (perTerritory.get(o.territory) ?? 0) + 1);
        const codes = [...perTerritory].filter(([, n]) => n >= 2).map(([c]) => c);
        const isRegion = (c: string) => /^MA-\d{2}$/.test(c);
        codes.sort((a, b) => Number(!isRegion(a)) - Number(!isRegion(b)) || a.localeCompare(b));
        if (codes.length >= count) {
          const names = Object.fromEntries(ters.filter((t) => codes.includes(t.code)).map((t) => [t.code, t.name]));
          return { indicator: ind.id, territories: codes, names };
        }
      }
      return null;
    },
    { root, count },
  );
  if (found === null) throw new Error(`no indicator has ${count} territories with two or more values`);
  return found;
}

/** CSS selector of one drawn line of a recharts line chart. */
export const LINE_SELECTOR = 'path.recharts-line-curve';

/** CSS selector of a painted canvas line layer (charts with more than 12 lines); `data-lines` says how many. */
export const LINE_CANVAS_SELECTOR = 'canvas.line-chart__canvas[data-lines]';

/**
 * Number of drawn lines on the page: recharts line curves with a non-empty path, plus the lines a
 * painted canvas layer states in `data-lines` (charts with more than 12 lines draw on a canvas).
 * Only visible ones count: a chart kept mounted in another tab is not on screen (it keeps its boxes
 * under `content-visibility: hidden`, so `checkVisibility()`, not `getClientRects()`, tells).
 */
export async function countChartLines(page: Page): Promise<number> {
  const paths = await page
    .locator(LINE_SELECTOR)
    .evaluateAll(
      (els) => els.filter((p) => (p.getAttribute('d') ?? '').trim().length > 0 && p.checkVisibility()).length,
    );
  const canvases = await page
    .locator(LINE_CANVAS_SELECTOR)
    .evaluateAll((els) =>
      els.filter((c) => c.checkVisibility()).reduce((n, c) => n + (Number(c.getAttribute('data-lines')) || 0), 0),
    );
  return paths + canvases;
}

/**
 * Visible bars of ranked bar charts. Since issue 13 the explorer leads with the ranking when the selection has
 * values in one period only (src/transforms/chart-lead.ts), so "the chart shows data" is lines or bars.
 */
export async function countRankedBars(page: Page): Promise<number> {
  return page
    .locator('rect.bar-chart__bar')
    .evaluateAll((els) => els.filter((r) => Number(r.getAttribute('width')) > 0 && r.checkVisibility()).length);
}

/**
 * Change the view like a user following a link or pressing Back: push the new query string and fire
 * `popstate`, which the app's URL sync listens to. Used where no UI control is addressed directly.
 */
export async function navigateInApp(page: Page, query: string): Promise<void> {
  await page.evaluate((qs) => {
    history.pushState(null, '', qs.startsWith('?') ? qs : `?${qs}`);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, query);
}
