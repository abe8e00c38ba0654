#!/usr/bin/env node
/**
 * `npm run bench` — performance at scale (issue 7), Lighthouse and the offline repeat visit (issue 16).
 *
 * Builds the app (into .tmp/dist-bench) and the bench's reference pages (bench/, into
 * .tmp/dist-bench-pages), serves both with the same static server as `npm start`, drives headless
 * Chromium through playwright-core and prints one table with every figure beside its budget:
 *
 *   B1 first chart (cold profile, app vs bare page, ratio; normal and 4× CPU)
 *   B2 interaction latency on the stress dataset (Event Timing, p50/p95; normal and 4× CPU) + long tasks
 *   B3 gzipped JS before the first chart and in total, per chunk; app vs bare page
 *   B4 export of a 1920×1080 @2× PNG with 12 and 75 lines
 *   B5 JS heap after the stress view loads and after 50 interactions
 *   B6 mock API observations query over the stress dataset, in Node
 *   B7 the province map: no boundary request before the map is shown, drawing the 75 provinces and
 *      switching period or measure on it (Event Timing, long tasks), the boundary file's gzip size,
 *      a map PNG 1920×1080 @2×
 *   B8 the file import (issue 15): 100,056 CSV rows and 50,072 XLSX rows read and validated in the import worker
 *      at 1× CPU, the page's long tasks meanwhile, and no import code in the app's first chunks
 *   B9 Lighthouse 12.2.3 (pinned dev dependency, Node API, its default = mobile preset: simulated slow 4G and
 *      4× CPU), median of 3 cold runs (fresh user-data-dir each; a run whose trace Lighthouse fails to record is
 *      tried again, up to 3 times) of the overview and the explorer in fr and ar:
 *      performance ≥ 95, FCP ≤ 1.5 s, LCP ≤ 2.0 s, TBT ≤ 150 ms, CLS ≤ 0.02, transferred bytes, and
 *      accessibility / best practices / SEO = 100; a score under budget lists the audits that failed. The full bench
 *      also audits the bare reference page (bench/bare/, the stack alone drawing one chart): the floor, informative
 *   B10 repeat visit offline (issue 16): first visit online until the app's service worker (sw.js) is active,
 *      then the context offline and a new page (warm cache) at 4× CPU: navigation → `mouchir:first-chart`
 *      on the explorer, median of 5; a build without sw.js prints FAIL "no service worker in this build"; beside it,
 *      informative, the bare reference page opened again with a warm cache at 4× CPU (the floor)
 *
 * The table is also written to bench/results/latest.json (and the text table to latest.md).
 * Budgets are goals: a FAIL is reported, not an error. The exit status is non-zero only when a
 * figure could not be measured at all (n/a), so CI's quick smoke catches a bench that has rotted.
 * A row marked `skip` was not run on purpose (B9's overview in --quick) and is not an n/a.
 *
 * Usage: node scripts/bench.mjs [--quick] [--reps N] [--only B1,B3] [--no-build] [--profile]
 *   --quick   one repetition of everything (CI smoke, ~1–2 min; B9 audits only the explorer, once per
 *             language, ~25 s; B10 one repetition)
 *   --profile also record a CPU profile of the B2 interactions at 1× CPU and print the functions
 *             with the most self time (where the long tasks go; also in latest.json as profileB2)
 * Env: CHROME_PATH (default /usr/bin/chromium); BENCH_DIST_SUFFIX (own build folders). Ports 4360–4369.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS } from './ensure-chromium.mjs';
import {
  growth,
  interactionLatencies,
  interactionStart,
  longTasksIn,
  ratio,
  renderTable,
  summarize,
  tally,
} from '../bench/lib/stats.mjs';
import { filesLoaded, listJs, totalSize } from '../bench/lib/bundle.mjs';
import { withAttempts } from '../bench/lib/retry.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

// ------------------------------------------------------------------------------------------------
// Options

/** @param {string[]} argv */
function parseArgs(argv) {
  const opts = { quick: false, reps: 0, only: /** @type {string[] | null} */ (null), build: true, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--profile') opts.profile = true;
    else if (a === '--reps') opts.reps = Number(argv[++i]);
    else if (a?.startsWith('--reps=')) opts.reps = Number(a.slice(7));
    else if (a === '--only') opts.only = String(argv[++i]).toUpperCase().split(',');
    else if (a?.startsWith('--only=')) opts.only = a.slice(7).toUpperCase().split(',');
  }
  return opts;
}
const OPTS = parseArgs(process.argv.slice(2));
/** Cold runs per (page, CPU rate) for B1: 7 gives a stable median and a usable p95 on 2 noisy cores. */
const B1_REPS = OPTS.reps || (OPTS.quick ? 1 : 7);
/** Rounds of the B2 interaction cycle (7 interactions each) per CPU rate. */
const B2_REPS = OPTS.reps || (OPTS.quick ? 1 : 5);
/** B5 asks for 50 interactions; the quick smoke does one cycle. */
const B5_INTERACTIONS = OPTS.quick ? 7 : 50;
const B4_REPS = OPTS.reps || (OPTS.quick ? 1 : 7);
const B6_REPS = OPTS.quick ? 20 : 200;
const want = (/** @type {string} */ id) => OPTS.only === null || OPTS.only.includes(id);

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Build folders; `BENCH_DIST_SUFFIX` (e.g. `-alice`) gives concurrent runs in one checkout their own. */
const APP_DIST = `.tmp/dist-bench${process.env.BENCH_DIST_SUFFIX ?? ''}`;
const PAGES_DIST = `.tmp/dist-bench-pages${process.env.BENCH_DIST_SUFFIX ?? ''}`;
/** The bench's own port range (4360–4369): the first free one is taken, so a second run does not collide. */
const PORTS = [4360, 4361, 4362, 4363, 4364, 4365, 4366, 4367, 4368, 4369];
const VIEWPORT = { width: 1366, height: 768 };
/** B1's app view: the explorer with its defaults (first headline indicator, default territories). */
const B1_QUERY = '?view=explorer';
const BUDGET = { b1Ratio: 1.1, b2Normal: 100, b2Slow: 200, b3Ratio: 1.2, b4Ms12: 1000, b5Growth: 0.1, longTaskMs: 50 };

/** Notes collected along the way, printed under the table and stored in the JSON. */
const notes = /** @type {string[]} */ ([]);
const note = (/** @type {string} */ s) => {
  notes.push(s);
  console.log(`  note: ${s}`);
};
const log = (/** @type {string} */ s) => console.log(s);

// ------------------------------------------------------------------------------------------------
// Build

/** @param {string[]} args @param {Record<string, string | undefined>} [env] */
function run(args, env = {}) {
  const t0 = Date.now();
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: res.status === 0, ms: Date.now() - t0, out: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');

function buildAll() {
  // Mock mode build, as shipped by default: no API base URL.
  const app = run([VITE, 'build', '--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    VITE_API_BASE_URL: '',
  });
  if (!app.ok) note(`app build failed:\n${firstLines(app.out)}`);
  else log(`  app built into ${APP_DIST} (${app.ms} ms)`);
  const pages = run([
    VITE,
    'build',
    '--config',
    'bench/vite.config.bare.ts',
    '--outDir',
    path.join(ROOT, PAGES_DIST),
    '--emptyOutDir',
  ]);
  if (!pages.ok) note(`bench pages build failed:\n${firstLines(pages.out)}`);
  else log(`  bench pages built into ${PAGES_DIST} (${pages.ms} ms)`);
  return { app: app.ok, pages: pages.ok };
}

// ------------------------------------------------------------------------------------------------
// Browser

/**
 * Injected before any page script: records when the first recharts line path appears (fallback when
 * the app sets no `mouchir:first-chart` mark), Event Timing entries (≥ 16 ms, the API's minimum),
 * long tasks, and the time of the last DOM mutation (to know when an update has settled).
 */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { firstChart: undefined, events: [], longTasks: [], lastMutation: 0, inputs: [] });
  // When each trusted input reached the page (its event timestamp): an interaction's long tasks are
  // counted from there, not from before the bench located the control (Playwright's role queries
  // run on the page's main thread and are not the app's work).
  for (const type of ['pointerdown', 'keydown']) {
    window.addEventListener(type, (e) => { if (e.isTrusted) b.inputs.push(e.timeStamp); }, { capture: true, passive: true });
  }
  const found = () => document.querySelector('path.recharts-line-curve') !== null;
  const mo = new MutationObserver(() => {
    b.lastMutation = performance.now();
    if (b.firstChart === undefined && found()) b.firstChart = performance.now();
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.events.push({ name: e.name, startTime: e.startTime, duration: e.duration, interactionId: e.interactionId || 0 });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * Launch Chromium with a fresh profile (cold: no cache, no service worker), optionally throttle the
 * page's CPU, run `fn`, and always close and delete the profile.
 *
 * @template T
 * @param {{ cpu?: number }} opts
 * @param {(ctx: { page: import('playwright-core').Page, cdp: import('playwright-core').CDPSession }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withBrowser(opts, fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(page);
    if ((opts.cpu ?? 1) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpu ?? 1 });
    await page.addInitScript(INIT_SCRIPT);
    return await fn({ page, cdp });
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Navigate and wait for the first chart. The figure is the app's own mark when it sets one,
 * else the first `path.recharts-line-curve` seen by the injected observer (said in `source`).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
async function firstChart(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const w = /** @type {any} */ (window);
      return performance.getEntriesByName('mouchir:first-chart').length > 0 || w.__bench?.firstChart !== undefined;
    },
    null,
    { timeout: 60_000, polling: 20 },
  );
  // Give the other signal a moment, so both are recorded when both exist.
  await page.waitForTimeout(250);
  return page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const m = performance.getEntriesByName('mouchir:first-chart')[0];
    const mark = m ? m.startTime : null;
    const observed = w.__bench?.firstChart ?? null;
    const t = mark ?? observed;
    const resources = performance
      .getEntriesByType('resource')
      .map((e) => ({ name: e.name, responseEnd: /** @type {PerformanceResourceTiming} */ (e).responseEnd }));
    const reg = navigator.serviceWorker ? await navigator.serviceWorker.getRegistration() : undefined;
    return {
      ms: t,
      source: mark !== null ? 'mark' : 'observer',
      mark,
      observed,
      jsBefore: resources.filter((r) => t !== null && r.responseEnd <= t).map((r) => r.name),
      jsAll: resources.map((r) => r.name),
      serviceWorker: reg?.active?.scriptURL ?? reg?.installing?.scriptURL ?? reg?.waiting?.scriptURL ?? null,
    };
  });
}

// ------------------------------------------------------------------------------------------------
// B1 + B3

/** @type {Record<string, any>} */
const results = {};
/** @type {import('../bench/lib/stats.d.mts').Row[]} */
const rows = [];

/** @param {string} appUrl @param {string} bareUrl */
async function benchFirstChart(appUrl, bareUrl) {
  /** @type {Record<string, Record<string, number[]>>} */
  const times = { app: { 1: [], 4: [] }, bare: { 1: [], 4: [] } };
  /** @type {Record<string, any>} */
  const firstRun = {};
  let appSource = 'n/a';
  for (const cpu of [1, 4]) {
    for (let rep = 0; rep < B1_REPS; rep++) {
      // Interleave app and bare so slow moments of the shared machine hit both alike.
      for (const [name, url] of /** @type {const} */ ([
        ['app', appUrl],
        ['bare', bareUrl],
      ])) {
        if (!url) continue;
        try {
          const r = await withBrowser({ cpu }, ({ page }) => firstChart(page, url));
          if (r.ms !== null) times[name]?.[cpu]?.push(r.ms);
          if (name === 'app') appSource = r.source;
          if (cpu === 1 && rep === 0) firstRun[name] = r;
        } catch (e) {
          note(`B1 ${name} at ${cpu}× CPU, run ${rep + 1}: ${errText(e)}`);
        }
      }
    }
    log(`  B1 ${cpu}× CPU done`);
  }
  const s = (/** @type {string} */ n, /** @type {number} */ c) => summarize(times[n]?.[c] ?? []);
  results.B1 = { reps: B1_REPS, appSource, times, summary: {} };
  for (const cpu of [1, 4]) {
    const a = s('app', cpu);
    const b = s('bare', cpu);
    const r = ratio(a.median, b.median);
    results.B1.summary[`${cpu}x`] = { app: a, bare: b, ratio: r };
    rows.push({
      id: 'B1',
      label: `first chart, ${cpu}× CPU: app / bare (median)`,
      value: r,
      unit: 'x',
      budget: cpu === 4 ? BUDGET.b1Ratio : null,
      detail: `app ${fmtMs(a.median)} (p95 ${fmtMs(a.p95)}) vs bare ${fmtMs(b.median)} (p95 ${fmtMs(b.p95)}), n=${a.n}/${b.n}, app ${B1_QUERY} timed by ${appSource === 'mark' ? "its mark 'mouchir:first-chart'" : 'first path.recharts-line-curve (no app mark)'}`,
    });
  }
  return firstRun;
}

/** @param {Record<string, any>} firstRun */
function benchBundle(firstRun) {
  const appFiles = listJs(APP_DIST);
  const bareFiles = listJs(PAGES_DIST).filter((f) => f.file.includes('bare'));
  const appTotal = totalSize(appFiles.filter((f) => f.file.startsWith('assets/')));
  const bareTotal = totalSize(bareFiles);
  const appRun = firstRun.app;
  const bareRun = firstRun.bare;
  const appInitialFiles = appRun ? filesLoaded(appFiles, appRun.jsBefore) : [];
  // The service worker's script is fetched by the service worker machinery (no resource timing entry), yet in a mock
  // build the API is answered inside it (src/sw/mock-api.ts): count it as initial when a worker is registered.
  const sw = appRun?.serviceWorker ? appFiles.find((f) => appRun.serviceWorker.endsWith(`/${f.file}`)) : undefined;
  if (sw && !appInitialFiles.includes(sw)) appInitialFiles.push(sw);
  const appInitial = totalSize(appInitialFiles);
  const bareInitial = bareRun ? totalSize(filesLoaded(bareFiles, bareRun.jsBefore)) : { gzip: 0, raw: 0, count: 0 };
  const r = appRun && bareRun ? ratio(appInitial.gzip, bareInitial.gzip) : null;
  // The mock API would not ship with a real API: show the app alone too. Since issue 16 it runs in sw.js (which in a
  // real-API build only keeps the offline copy, which no first chart waits for); the page's side of it is the small
  // `mock-in-worker` chunk. A chunk holding MSW (a dev-style build) is found by what it holds, not by its name.
  const isMock = (/** @type {{ file: string }} */ f) =>
    f.file === 'mockServiceWorker.js' ||
    f.file === 'sw.js' ||
    /^assets\/mock-(in-worker|api)-[\w-]+\.js$/.test(f.file) ||
    (f.file.startsWith('assets/') && fs.readFileSync(path.join(APP_DIST, f.file), 'utf8').includes('[MSW]'));
  const appOnly = totalSize(appInitialFiles.filter((f) => !isMock(f)));
  results.B3 = {
    gzipLevel: 9,
    app: {
      initial: appInitial,
      initialWithoutMock: appOnly,
      initialFiles: appInitialFiles,
      total: appTotal,
      files: appFiles,
    },
    bare: { initial: bareInitial, total: bareTotal, files: bareFiles },
    ratio: r,
  };
  rows.push({
    id: 'B3',
    label: 'JS gzip before first chart: app / bare',
    value: r,
    unit: 'x',
    budget: BUDGET.b3Ratio,
    detail: `app ${fmtKb(appInitial.gzip)} in ${appInitial.count} files vs bare ${fmtKb(bareInitial.gzip)}; without the mock API (sw.js + its page side): ${fmtKb(appOnly.gzip)} = ${fmtX(ratio(appOnly.gzip, bareInitial.gzip))}; largest: ${appInitialFiles
      .slice()
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3)
      .map((f) => `${f.file.replace(/^assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '')} ${fmtKb(f.gzip)}`)
      .join(', ')}`,
  });
  rows.push({
    id: 'B3',
    label: 'JS gzip in total: app / bare',
    value: appTotal.count > 0 ? ratio(appTotal.gzip, bareTotal.gzip) : null,
    unit: 'x',
    detail: `app ${fmtKb(appTotal.gzip)} in ${appTotal.count} chunks vs bare ${fmtKb(bareTotal.gzip)}`,
  });
}

// ------------------------------------------------------------------------------------------------
// B2 + B5: interactions on the stress view

/**
 * The explorer's URL on the stress dataset with every province on the chart. The count indicator
 * `synthetic-02` offers every measure, so "change measure" has something to switch to.
 */
function stressQuery() {
  let provinces = /** @type {string[]} */ ([]);
  try {
    const t = JSON.parse(fs.readFileSync('data/territories.json', 'utf8'));
    provinces = t.data
      .filter((/** @type {any} */ x) => x.level === 'province' && x.kind !== 'prefecture-arrondissements')
      .map((/** @type {any} */ x) => x.code);
  } catch (e) {
    note(`cannot read data/territories.json: ${errText(e)}`);
  }
  return {
    provinces,
    query: `?view=explorer&indicator=synthetic-02&territories=${provinces.join(',')}&dataset=stress`,
  };
}

/**
 * One kind of interaction: finds its control by role/label (the app engineer's accessible names),
 * performs a real (trusted) input, and says what it did; `null` when the control is not there.
 *
 * @typedef {{ kind: string, act: (page: import('playwright-core').Page, round: number) => Promise<string | null> }} Interaction
 */

/** @param {import('playwright-core').Locator} loc */
async function visibleItems(loc) {
  const out = [];
  for (const l of await loc.all()) if (await l.isVisible().catch(() => false)) out.push(l);
  return out;
}

/**
 * The accessible name as a user hears it, for the usual cases (aria-label, <label>, own text).
 * @param {import('playwright-core').Locator} l
 */
const nameOf = (l) =>
  l.evaluate((el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const labels = /** @type {HTMLInputElement} */ (el).labels;
    if (labels && labels.length > 0) return (labels[0]?.textContent ?? '').trim();
    return (el.textContent ?? '').trim();
  });

/** @param {import('playwright-core').Locator} l */
const checkedState = async (l) =>
  (await l.getAttribute('aria-checked')) === 'true' || (await l.isChecked().catch(() => false));

const MEASURE_RE =
  /absolu|absolute|1[\s\u202f\u00a0.,]?000|habitant|inhabitant|ménage|household|part de la population|share of population|مطلق|نسمة|أسرة|حصة/i;
const RANGE_RE = /^(de|du|depuis|début|from|start|من)\b|from|début|start/i;

/** @type {Interaction[]} */
const INTERACTIONS = [
  {
    kind: 'change measure',
    act: async (page) => {
      const radios = await visibleItems(page.getByRole('radio', { name: MEASURE_RE }));
      for (const r of radios) {
        if (await checkedState(r)) continue;
        if (await r.isDisabled().catch(() => true)) continue;
        const name = await nameOf(r);
        await r.click();
        return `radio "${name}"`;
      }
      return null;
    },
  },
  {
    kind: 'remove territory',
    act: async (page) => {
      // A multi-select listbox or checkbox list of territories: deselect the last selected one.
      const opts = await visibleItems(
        page.locator('[role="listbox"][aria-multiselectable="true"] [role="option"][aria-selected="true"]'),
      );
      const boxes = opts.length ? [] : await visibleItems(page.getByRole('checkbox', { checked: true }));
      const target = opts.at(-1) ?? boxes.at(-1);
      if (target) {
        const name = await nameOf(target);
        await target.click();
        lastRemoved = { name, how: opts.length ? 'option' : 'checkbox' };
        return `deselect "${name}"`;
      }
      // Chips with a remove button.
      const chips = await visibleItems(page.getByRole('button', { name: /retirer|supprimer|remove|إزالة|حذف/i }));
      const chip = chips.at(-1);
      if (!chip) return null;
      const label = await nameOf(chip);
      await chip.click();
      lastRemoved = { name: label.replace(/^(retirer|supprimer|remove|إزالة|حذف)\s*/i, ''), how: 'chip' };
      return `chip "${label}"`;
    },
  },
  {
    kind: 'add territory',
    act: async (page) => {
      if (!lastRemoved) return null;
      const { name, how } = lastRemoved;
      lastRemoved = null;
      const exact = { name, exact: true };
      /** @type {import('playwright-core').Locator[]} */
      let cands = [];
      if (how === 'option') cands = await visibleItems(page.getByRole('option', exact));
      if (how === 'checkbox') cands = await visibleItems(page.getByRole('checkbox', exact));
      if (how === 'chip' || cands.length === 0) {
        cands = await visibleItems(page.getByRole('option', exact));
        if (cands.length === 0) cands = await visibleItems(page.getByRole('checkbox', exact));
      }
      const c = cands[0];
      if (!c) return null;
      await c.click();
      return `select "${name}"`;
    },
  },
  {
    kind: 'switch tab',
    act: async (page, round) => {
      const tabs = await visibleItems(page.getByRole('tab'));
      const other = [];
      for (const t of tabs) if ((await t.getAttribute('aria-selected')) !== 'true') other.push(t);
      // Alternate the non-chart tabs; "back to chart" is its own interaction below.
      const t = other.filter((x) => x)[round % Math.max(1, other.length - 1)] ?? other[0];
      if (!t) return null;
      const name = await nameOf(t);
      await t.click();
      return `tab "${name}"`;
    },
  },
  {
    kind: 'switch tab (back to chart)',
    act: async (page) => {
      const tab = (await visibleItems(page.getByRole('tab', { name: /graphique|chart|courbe|رسم|مبيان/i })))[0];
      if (!tab || (await tab.getAttribute('aria-selected')) === 'true') return null;
      await tab.click();
      return 'tab chart';
    },
  },
  {
    kind: 'move time range',
    act: async (page, round) => {
      // A <select> (combobox) or a slider for the start of the range: a trusted key press moves it.
      const combos = await visibleItems(page.getByRole('combobox', { name: RANGE_RE }));
      const sliders = combos.length ? [] : await visibleItems(page.getByRole('slider'));
      const c = combos[0] ?? sliders[0];
      if (!c) return null;
      await c.focus();
      const key = combos.length
        ? round % 2 === 0
          ? 'ArrowDown'
          : 'ArrowUp'
        : round % 2 === 0
          ? 'ArrowRight'
          : 'ArrowLeft';
      await page.keyboard.press(key);
      return `${combos.length ? 'select' : 'slider'} ${key}`;
    },
  },
];
/** @type {{ name: string, how: string } | null} */
let lastRemoved = null;

/**
 * Wait until the DOM has been quiet for `quietMs` (the update, including any data fetch, is done),
 * or `maxMs`. Returns the time of the last mutation (page clock).
 *
 * @param {import('playwright-core').Page} page
 */
async function settle(page, quietMs = 200, maxMs = 8_000) {
  return page.evaluate(
    ([quiet, max]) =>
      new Promise((resolve) => {
        const w = /** @type {any} */ (window);
        const start = performance.now();
        const tick = () => {
          const now = performance.now();
          if (now - w.__bench.lastMutation >= quiet || now - start >= max) resolve(w.__bench.lastMutation);
          else setTimeout(tick, 20);
        };
        // Two frames first, so the paint after the input has happened.
        requestAnimationFrame(() => requestAnimationFrame(tick));
      }),
    [quietMs, maxMs],
  );
}

/**
 * Run interactions round-robin and measure each: Event Timing latency (input → next paint),
 * DOM-settled time, long tasks overlapping it.
 *
 * @param {import('playwright-core').Page} page
 * @param {number} count  number of interactions to perform
 */
async function interact(page, count, list = INTERACTIONS, label = 'B2') {
  /** @type {Array<{ kind: string, what: string, latency: number, belowThreshold: boolean, settledMs: number, longTasks: number[] }>} */
  const out = [];
  /** @type {Set<string>} */
  const missing = new Set();
  let i = 0;
  let guard = 0;
  while (out.length < count && guard++ < count * 4) {
    const inter = list[i % list.length];
    const round = Math.floor(i / list.length);
    i++;
    if (!inter) continue;
    const t0 = await page.evaluate(() => performance.now());
    /** @type {string | null} */
    let what = null;
    try {
      what = await inter.act(page, round);
    } catch (e) {
      note(`${label} "${inter.kind}": ${errText(e)}`);
    }
    if (what === null) {
      missing.add(inter.kind);
      if (missing.size === list.length) break;
      continue;
    }
    // Park the mouse away from the chart so hover tooltips do not keep the DOM busy.
    await page.mouse.move(1, 1);
    const last = await settle(page);
    const probe = await page.evaluate((from) => {
      const w = /** @type {any} */ (window);
      return {
        events: w.__bench.events.filter((/** @type {any} */ e) => e.startTime >= from),
        longTasks: w.__bench.longTasks,
        inputs: w.__bench.inputs.filter((/** @type {number} */ t) => t >= from),
      };
    }, t0);
    const lat = interactionLatencies(probe.events);
    const latency = lat.length ? Math.max(...lat) : 16;
    const start = interactionStart(probe.inputs, t0);
    const lts = longTasksIn(probe.longTasks, start, Math.max(last, start) + 50, BUDGET.longTaskMs).map(
      (t) => t.duration,
    );
    out.push({
      kind: inter.kind,
      what,
      latency,
      belowThreshold: lat.length === 0,
      settledMs: Math.max(0, last - t0),
      longTasks: lts,
    });
  }
  return { measured: out, missing: [...missing].filter((k) => !out.some((o) => o.kind === k)) };
}

/**
 * Self time per function of a V8 CPU profile, largest first (samples × interval).
 *
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number } }>, samples?: number[], timeDeltas?: number[] }} profile
 * @param {number} top
 */
function topSelfTime(profile, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<string, { fn: string, where: string, ms: number }>} */
  const acc = new Map();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url ? `${url.replace(/^.*\/assets\//, '')}:${lineNumber + 1}:${columnNumber + 1}` : '(native)';
    const key = `${functionName}@${where}`;
    const entry = acc.get(key) ?? { fn: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    acc.set(key, entry);
  }
  return [...acc.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
}

/** @param {import('playwright-core').CDPSession} cdp */
async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
}

/** @param {string} appUrl */
async function benchInteractions(appUrl) {
  const { provinces, query } = stressQuery();
  results.B2 = {
    url: query.replace(/territories=[^&]*/, `territories=<${provinces.length} provinces>`),
    rounds: B2_REPS,
  };
  for (const cpu of [1, 4]) {
    const wantB5 = cpu === 1 && want('B5');
    const wantB2 = want('B2');
    if (!wantB2 && !wantB5) continue;
    try {
      await withBrowser({ cpu }, async ({ page, cdp }) => {
        await page.goto(appUrl + query, { waitUntil: 'load' });
        // More than 12 lines are painted on a canvas that states its line count in data-lines.
        await page.waitForSelector('path.recharts-line-curve, canvas.line-chart__canvas[data-lines]', {
          timeout: 90_000,
        });
        await settle(page, 500, 30_000);
        const canvasLines = await page.evaluate(() =>
          [...document.querySelectorAll('canvas.line-chart__canvas[data-lines]')].reduce(
            (n, c) => n + (Number(c.getAttribute('data-lines')) || 0),
            0,
          ),
        );
        const lines = (await page.locator('path.recharts-line-curve').count()) + canvasLines;
        const points = await page.evaluate(() => {
          let n = 0;
          for (const p of document.querySelectorAll('path.recharts-line-curve'))
            n += (p.getAttribute('d')?.match(/[LM]/g) ?? []).length;
          return n;
        });
        results.B2[`${cpu}x`] = { linesOnChart: lines, pathVertices: points };
        if (lines < provinces.length)
          note(
            `B2 ${cpu}×: the chart shows ${lines} lines, not the ${provinces.length} provinces asked for in the URL`,
          );
        const heap0 = wantB5 ? await heapUsed(cdp) : null;
        const n = wantB2 ? INTERACTIONS.length * B2_REPS : 0;
        const profiling = OPTS.profile && cpu === 1;
        if (profiling) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const total = Math.max(n, wantB5 ? B5_INTERACTIONS : 0);
        // One warm-up cycle first: its growth is first-use caches (query cache, lazy chunks); what
        // grows after it, over the remaining interactions, is what would look like a leak.
        const part1 = await interact(page, Math.min(INTERACTIONS.length, total));
        const heapWarm = wantB5 && total > part1.measured.length ? await heapUsed(cdp) : null;
        const part2 =
          total > part1.measured.length
            ? await interact(page, total - part1.measured.length)
            : { measured: [], missing: [] };
        const first = {
          measured: [...part1.measured, ...part2.measured],
          missing: part1.missing.filter((k) => part2.measured.length === 0 || part2.missing.includes(k)),
        };
        if (profiling) {
          const { profile } = await cdp.send('Profiler.stop');
          results.profileB2 = topSelfTime(profile, 25);
          log('  B2 profile, self time by function (1× CPU, all interactions):');
          for (const f of results.profileB2) log(`    ${String(Math.round(f.ms)).padStart(6)} ms  ${f.fn}  ${f.where}`);
        }
        const b2 = first.measured.slice(0, n || first.measured.length);
        if (first.missing.length) note(`B2 ${cpu}×: controls not found for: ${first.missing.join(', ')}`);
        const lat = b2.map((m) => m.latency);
        const sum = summarize(lat);
        const longTasks = b2.flatMap((m) => m.longTasks);
        Object.assign(results.B2[`${cpu}x`], {
          latency: sum,
          settled: summarize(b2.map((m) => m.settledMs)),
          belowThreshold: b2.filter((m) => m.belowThreshold).length,
          longTasks: { count: longTasks.length, max: longTasks.length ? Math.max(...longTasks) : 0 },
          byKind: Object.fromEntries(
            [...new Set(b2.map((m) => m.kind))].map((k) => [
              k,
              summarize(b2.filter((m) => m.kind === k).map((m) => m.latency)),
            ]),
          ),
          interactions: b2,
        });
        if (wantB2) {
          const worst = Object.entries(results.B2[`${cpu}x`].byKind)
            .sort((a, b) => (b[1].p95 ?? 0) - (a[1].p95 ?? 0))
            .slice(0, 2)
            .map(([k, v]) => `${k} ${fmtMs(v.p95)}`)
            .join(', ');
          rows.push({
            id: 'B2',
            label: `interaction → next paint, ${cpu}× CPU (p95)`,
            value: sum.p95,
            unit: 'ms',
            budget: cpu === 1 ? BUDGET.b2Normal : BUDGET.b2Slow,
            detail: `p50 ${fmtMs(sum.median)}, n=${sum.n} (${results.B2[`${cpu}x`].belowThreshold} under 16 ms), ${lines} lines; worst: ${worst || '—'}; DOM settled p95 ${fmtMs(results.B2[`${cpu}x`].settled.p95)}`,
          });
          rows.push({
            id: 'B2',
            label: `long tasks > 50 ms during interactions, ${cpu}× CPU`,
            value: longTasks.length,
            unit: 'n',
            budget: 0,
            detail: longTasks.length ? `longest ${fmtMs(Math.max(...longTasks))}` : '',
          });
        }
        if (wantB5) {
          const heap1 = await heapUsed(cdp);
          const g = growth(heap0, heap1);
          const gWarm = growth(heapWarm, heap1);
          results.B5 = {
            before: heap0,
            afterWarmUp: heapWarm,
            after: heap1,
            growth: g,
            growthAfterWarmUp: gWarm,
            interactions: first.measured.length,
          };
          rows.push({
            id: 'B5',
            label: `JS heap growth after ${first.measured.length} interactions`,
            value: g,
            unit: '%',
            budget: BUDGET.b5Growth,
            detail: `${fmtMb(heap0)} → ${fmtMb(heap1)} (after GC), stress view with ${lines} lines${gWarm === null ? '' : `; after the first ${part1.measured.length} (warm-up) ${fmtMb(heapWarm)} → ${fmtMb(heap1)} = ${fmtPct(gWarm)}`}`,
          });
        }
      });
    } catch (e) {
      note(`B2/B5 at ${cpu}× CPU: ${errText(e)}`);
      if (wantB2)
        rows.push({
          id: 'B2',
          label: `interaction → next paint, ${cpu}× CPU (p95)`,
          value: null,
          unit: 'ms',
          budget: cpu === 1 ? BUDGET.b2Normal : BUDGET.b2Slow,
          detail: 'not measured',
        });
      if (wantB5 && !results.B5)
        rows.push({
          id: 'B5',
          label: 'JS heap growth after interactions',
          value: null,
          unit: '%',
          budget: BUDGET.b5Growth,
          detail: 'not measured',
        });
    }
    log(`  B2${cpu === 1 && want('B5') ? '+B5' : ''} ${cpu}× CPU done`);
  }
}

// ------------------------------------------------------------------------------------------------
// B4: export

/** @param {string} pagesUrl */
async function benchExport(pagesUrl) {
  if (!fs.existsSync(path.join(PAGES_DIST, 'export/index.html'))) {
    note('B4: bench/export page not built (src/export/png.ts or compose-svg.ts missing)');
    for (const lines of [12, 75])
      rows.push({
        id: 'B4',
        label: `PNG 1920×1080 @2×, ${lines} lines`,
        value: null,
        unit: 'ms',
        budget: lines === 12 ? BUDGET.b4Ms12 : null,
        detail: 'not measured',
      });
    return;
  }
  try {
    await withBrowser({ cpu: 1 }, async ({ page }) => {
      await page.goto(`${pagesUrl}export/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).__exportBench !== undefined, null, {
        timeout: 30_000,
      });
      results.B4 = {};
      for (const lines of [12, 75]) {
        const r = await page.evaluate(
          ([n, reps]) => /** @type {any} */ (window).__exportBench(n, reps),
          [lines, B4_REPS],
        );
        const s = summarize(r.times);
        results.B4[`${lines}`] = { ...r, summary: s };
        rows.push({
          id: 'B4',
          label: `PNG 1920×1080 @2×, ${lines} lines (median)`,
          value: s.median,
          unit: 'ms',
          budget: lines === 12 ? BUDGET.b4Ms12 : null,
          detail: `p95 ${fmtMs(s.p95)}, n=${s.n}, ${r.width}×${r.height} px, ${fmtKb(r.bytes)} PNG, compose ${fmtMs(r.composeMs)}${r.via ? `, ${r.via}` : ''}`,
        });
      }
    });
  } catch (e) {
    note(`B4: ${errText(e)}`);
    rows.push({
      id: 'B4',
      label: 'PNG 1920×1080 @2×, 12 lines (median)',
      value: null,
      unit: 'ms',
      budget: BUDGET.b4Ms12,
      detail: 'not measured',
    });
  }
}

// ------------------------------------------------------------------------------------------------
// B7: the province map (issue 13) — boundaries fetched only when a map is shown, drawing the 75
// provinces, switching period or measure on it (Event Timing + long tasks, as B2), the boundary
// file's gzip size, and a map PNG at 1920×1080 @2× (as B4, on the bench's map-export page).

/** The boundary file, as the app serves it (src/api/geo.ts GEOMETRY_FILE). */
const GEO_FILE = 'geo/morocco-provinces.topo.json';
/** Province paths the map draws (each reachable once: the inset's copies stand for the main map's). */
const PROVINCES = 75;
const B7_REPS = OPTS.reps || (OPTS.quick ? 1 : 10);
const MAP_TAB_RE = /^(carte|map|خريطة|الخريطة)$/i;
const CHART_TAB_RE = /graphique|chart|courbe|رسم|مبيان/i;

/** Territories the map draws as buttons (`data-code` on each), on the visible map. @param {import('playwright-core').Page} page */
const mapShapeCount = (page) =>
  page.evaluate(() => document.querySelectorAll('.choropleth path[role="button"][data-code]').length);

/**
 * Wait until the map shows `n` territories and a frame has been painted; returns that time (page clock).
 * @param {import('playwright-core').Page} page
 * @param {number} n
 */
async function mapDrawn(page, n) {
  await page.waitForFunction(
    (count) => document.querySelectorAll('.choropleth path[role="button"][data-code]').length === count,
    n,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now())))),
  );
}

/** Requests for the boundary file so far (Resource Timing), with their size on the wire. @param {import('playwright-core').Page} page */
const geoRequests = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/geo/'))
      .map((e) => {
        const r = /** @type {PerformanceResourceTiming} */ (e);
        return { name: r.name, startTime: r.startTime, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
      }),
  );

/**
 * Bytes the static server sends for `url` to a client accepting gzip, and the encoding it used.
 * @param {string} url
 * @returns {Promise<{ bytes: number, encoding: string } | null>}
 */
function gzipOnTheWire(url) {
  return new Promise((resolve) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      })
      .on('error', () => resolve(null));
  });
}

/** @type {Interaction[]} */
const MAP_DRAW = [
  {
    kind: 'back to chart',
    act: async (page) => {
      const tab = (await visibleItems(page.getByRole('tab', { name: CHART_TAB_RE })))[0];
      if (!tab || (await tab.getAttribute('aria-selected')) === 'true') return null;
      await tab.click();
      return 'tab chart';
    },
  },
  {
    kind: 'draw province map',
    act: async (page) => {
      const tab = (await visibleItems(page.getByRole('tab', { name: MAP_TAB_RE })))[0];
      if (!tab || (await tab.getAttribute('aria-selected')) === 'true') return null;
      await tab.click();
      await mapDrawn(page, PROVINCES);
      return 'tab map (75 provinces)';
    },
  },
];

/** The period select of the map tab (its `data-map-period` hook: the kept, hidden chart tab has period selects too). */
const MAP_PERIOD = [
  {
    kind: 'switch period',
    act: async (/** @type {import('playwright-core').Page} */ page) => {
      const select = page.locator('[data-map-period] select').first();
      if (!(await select.isVisible().catch(() => false))) return null;
      const { index, count } = await select.evaluate((el) => ({
        index: /** @type {HTMLSelectElement} */ (el).selectedIndex,
        count: /** @type {HTMLSelectElement} */ (el).options.length,
      }));
      if (count < 2) return null;
      await select.focus();
      const key = index < count - 1 ? 'ArrowDown' : 'ArrowUp';
      await page.keyboard.press(key);
      return `period ${key}`;
    },
  },
];

/** B2's "change measure" (a trusted click on the next measure radio), on the map tab. */
const MAP_MEASURE = INTERACTIONS.filter((x) => x.kind === 'change measure');

/**
 * One row per measured kind: p95 of interaction → next paint against B2's 1× budget.
 * @param {string} label
 * @param {Array<{ kind: string, latency: number, settledMs: number, longTasks: number[], belowThreshold: boolean }>} measured
 * @param {string} extra
 */
function b7LatencyRow(label, measured, extra = '') {
  const sum = summarize(measured.map((m) => m.latency));
  rows.push({
    id: 'B7',
    label: `${label}, 1× CPU (p95)`,
    value: measured.length ? sum.p95 : null,
    unit: 'ms',
    budget: BUDGET.b2Normal,
    detail: measured.length
      ? `p50 ${fmtMs(sum.median)}, n=${sum.n} (${measured.filter((m) => m.belowThreshold).length} under 16 ms); DOM settled p95 ${fmtMs(summarize(measured.map((m) => m.settledMs)).p95)}${extra}`
      : 'not measured',
  });
  return sum;
}

/** @param {string} appUrl */
async function benchMap(appUrl) {
  results.B7 = { ...results.B7 };
  /** @type {number[]} */
  const longTasks = [];
  let measuredAny = false;
  try {
    await withBrowser({ cpu: 1 }, async ({ page }) => {
      // 1. The first chart, then the map tab: no boundary request may come before the map is shown.
      const first = await firstChart(
        page,
        `${appUrl}?view=explorer&indicator=unemployment-rate&territories=MA,MA-06&level=province`,
      );
      await settle(page, 300, 15_000);
      const early = await geoRequests(page);
      results.B7.geoBeforeMap = early;
      rows.push({
        id: 'B7',
        label: 'boundary requests before the map is shown',
        value: early.length,
        unit: 'n',
        budget: 0,
        detail: `first chart at ${fmtMs(first.ms)}; ${early.length ? early.map((r) => r.name).join(', ') : 'none until the map tab'}`,
      });
      // Cold: the first map tab fetches the file, parses and projects it.
      const cold = await interact(page, 1, MAP_DRAW.slice(1), 'B7');
      const coldDrawn = await mapDrawn(page, PROVINCES);
      const inputs = await page.evaluate(() => /** @type {any} */ (window).__bench.inputs);
      const coldStart = inputs.at(-1) ?? coldDrawn;
      const geo = await geoRequests(page);
      results.B7.cold = { ...cold.measured[0], drawnMs: coldDrawn - coldStart, geo };
      if (geo.length !== 1) note(`B7: ${geo.length} boundary requests after the first map tab (expected 1)`);
      for (const m of cold.measured) longTasks.push(...m.longTasks);

      // Warm: back to the chart and to the map again (the file is cached; the map is drawn anew).
      const draw = await interact(page, 2 * B7_REPS, MAP_DRAW, 'B7');
      const draws = draw.measured.filter((m) => m.kind === 'draw province map');
      for (const m of draws) longTasks.push(...m.longTasks);
      results.B7.draw = draws;
      b7LatencyRow(
        'draw the 75-province map (chart tab → map tab)',
        draws,
        `; first map (file fetched) ${fmtMs(results.B7.cold.latency)}, drawn ${fmtMs(results.B7.cold.drawnMs)} after the click`,
      );

      // Period: 2014 ↔ 2024 on the province map of unemployment.
      const period = await interact(page, 2 * B7_REPS, MAP_PERIOD, 'B7');
      for (const m of period.measured) longTasks.push(...m.longTasks);
      results.B7.period = period.measured;
      b7LatencyRow('switch period on the province map', period.measured);
      if ((await mapShapeCount(page)) !== PROVINCES)
        note('B7: the province map lost territories after the period switches');

      // Measure: establishments offer absolute, per 1,000 inhabitants, per household.
      await page.goto(
        `${appUrl}?view=explorer&indicator=economic-establishments&territories=MA,MA-06&level=province&tab=map`,
        {
          waitUntil: 'load',
        },
      );
      await mapDrawn(page, PROVINCES);
      await settle(page, 300, 15_000);
      const measure = await interact(page, 2 * B7_REPS, MAP_MEASURE, 'B7');
      for (const m of measure.measured) longTasks.push(...m.longTasks);
      results.B7.measure = measure.measured;
      b7LatencyRow('switch measure on the province map', measure.measured);
      measuredAny = draws.length > 0 && period.measured.length > 0 && measure.measured.length > 0;

      // Size of the boundary file on the wire: asked from the server directly (the page's Resource Timing sees
      // the mock worker's pass-through answer, decoded), which gzips at level 9 as a CDN would.
      const wire = await gzipOnTheWire(`${appUrl}${GEO_FILE}`);
      const file = path.join(APP_DIST, GEO_FILE);
      const raw = fs.existsSync(file) ? fs.readFileSync(file) : null;
      const gz = raw ? zlib.gzipSync(raw, { level: 9 }).length : null;
      results.B7.geometry = { wire, gzip: gz, raw: raw?.length ?? null };
      rows.push({
        id: 'B7',
        label: 'boundary file, gzip (regions + provinces)',
        value: gz,
        unit: 'kB',
        budget: 40_000,
        detail: `gzip -9 of ${APP_DIST}/${GEO_FILE}, ${fmtKb(raw?.length)} uncompressed; served ${wire ? `${fmtKb(wire.bytes)} (${wire.encoding})` : '—'} by scripts/serve.mjs`,
      });
    });
  } catch (e) {
    note(`B7: ${errText(e)}`);
  }
  // A step that threw still has its row, as "not measured" (the quick smoke then fails on it).
  for (const [label, unit, budget] of /** @type {const} */ ([
    ['boundary requests before the map is shown', 'n', 0],
    ['draw the 75-province map (chart tab → map tab), 1× CPU (p95)', 'ms', BUDGET.b2Normal],
    ['switch period on the province map, 1× CPU (p95)', 'ms', BUDGET.b2Normal],
    ['switch measure on the province map, 1× CPU (p95)', 'ms', BUDGET.b2Normal],
    ['boundary file, gzip (regions + provinces)', 'kB', 40_000],
  ]))
    if (!rows.some((r) => r.id === 'B7' && r.label === label))
      rows.push({ id: 'B7', label, value: null, unit, budget, detail: 'not measured' });
  rows.push({
    id: 'B7',
    label: 'long tasks > 50 ms during map draws and switches, 1× CPU',
    value: measuredAny ? longTasks.length : null,
    unit: 'n',
    budget: 0,
    detail: longTasks.length ? `longest ${fmtMs(Math.max(...longTasks))}` : measuredAny ? '' : 'not measured',
  });
  log('  B7 map done');
}

/** B7: the map PNG, timed on the bench's map-export page (the app's own map export modules). @param {string} pagesUrl */
async function benchMapExport(pagesUrl) {
  const label = 'map PNG 1920×1080 @2×, 75 provinces (median)';
  if (!fs.existsSync(path.join(PAGES_DIST, 'map-export/index.html'))) {
    note('B7: bench/map-export page not built (src/export/compose-map-svg.ts missing)');
    rows.push({ id: 'B7', label, value: null, unit: 'ms', budget: BUDGET.b4Ms12, detail: 'not measured' });
    return;
  }
  try {
    await withBrowser({ cpu: 1 }, async ({ page }) => {
      await page.goto(`${pagesUrl}map-export/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).__mapExportBench !== undefined, null, {
        timeout: 30_000,
      });
      const r = await page.evaluate((reps) => /** @type {any} */ (window).__mapExportBench(reps), B4_REPS);
      const s = summarize(r.times);
      results.B7 = { ...results.B7, png: { ...r, summary: s } };
      rows.push({
        id: 'B7',
        label,
        value: s.median,
        unit: 'ms',
        budget: BUDGET.b4Ms12,
        detail: `p95 ${fmtMs(s.p95)}, n=${s.n}, ${r.width}×${r.height} px, ${r.provinces} provinces, ${fmtKb(r.bytes)} PNG; project ${fmtMs(r.projectMs)}, compose ${fmtMs(r.composeMs)}; ${r.via}`,
      });
    });
  } catch (e) {
    note(`B7 PNG: ${errText(e)}`);
    rows.push({ id: 'B7', label, value: null, unit: 'ms', budget: BUDGET.b4Ms12, detail: 'not measured' });
  }
}

// ------------------------------------------------------------------------------------------------
// B8: the file import (issue 15) — 100,056 CSV rows and 50,072 XLSX rows read and validated in the import worker
// (bench/import page: the app's own client + worker), the page's long tasks meanwhile, and the import code kept out
// of the app's first chunks.

const B8_REPS = OPTS.reps || (OPTS.quick ? 1 : 5);
const B8_BUDGET = { csvMs: 1500, xlsxMs: 3000 };

/**
 * The JS files the app's index.html loads before any user action: its scripts and module preloads, and what they
 * import statically (`import … from "./x.js"`, `import "./x.js"`), transitively. Dynamic imports are left out.
 */
function initialChunks() {
  const html = fs.readFileSync(path.join(APP_DIST, 'index.html'), 'utf8');
  const start = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const full = path.join(APP_DIST, file);
    if (!fs.existsSync(full)) continue;
    const code = fs.readFileSync(full, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*${},\s]+from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), m[1]));
    }
  }
  return [...seen];
}

/** @param {string} pagesUrl */
async function benchImport(pagesUrl) {
  const labels = {
    csv: `CSV 100,056 rows (88 territories × 1,137 months), 1× CPU (median)`,
    xlsx: `XLSX 50,072 rows (88 × 569 months), 1× CPU (median)`,
    long: 'long tasks > 50 ms on the page during the imports',
    chunk: "import code in the app's first chunks",
  };
  const missing = () => {
    rows.push({
      id: 'B8',
      label: labels.csv,
      value: null,
      unit: 'ms',
      budget: B8_BUDGET.csvMs,
      detail: 'not measured',
    });
    rows.push({
      id: 'B8',
      label: labels.xlsx,
      value: null,
      unit: 'ms',
      budget: B8_BUDGET.xlsxMs,
      detail: 'not measured',
    });
    rows.push({ id: 'B8', label: labels.long, value: null, unit: 'n', budget: 0, detail: 'not measured' });
  };
  // The import code (client, worker, readers) must not be in what index.html loads: the dialog imports it lazily.
  if (fs.existsSync(path.join(APP_DIST, 'index.html'))) {
    const files = initialChunks();
    const offenders = files.filter((f) => {
      const code = fs.readFileSync(path.join(APP_DIST, f), 'utf8');
      return code.includes('mouchir-import') || code.includes('garbled-text');
    });
    results.B8 = { ...results.B8, initialChunks: files, offenders };
    rows.push({
      id: 'B8',
      label: labels.chunk,
      value: offenders.length,
      unit: 'n',
      budget: 0,
      detail: offenders.length ? offenders.join(', ') : `none of the ${files.length} first files`,
    });
  }
  const dir = path.join(PAGES_DIST, 'import');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    note('B8: bench/import page not built (src/import/client.ts missing)');
    missing();
    return;
  }
  try {
    const { writeImportFixtures } = await import('../bench/lib/import-fixtures.mjs');
    const fixtures = writeImportFixtures(dir);
    /** @type {Record<'csv' | 'xlsx', any[]>} */
    const runs = { csv: [], xlsx: [] };
    await withBrowser({ cpu: 1 }, async ({ page }) => {
      await page.goto(`${pagesUrl}import/index.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => /** @type {any} */ (window).__importBench !== undefined, null, {
        timeout: 30_000,
      });
      for (let i = 0; i < B8_REPS; i++) {
        for (const kind of /** @type {const} */ (['csv', 'xlsx'])) {
          const r = await page.evaluate(
            ([url, name]) => /** @type {any} */ (window).__importBench(url, name),
            [`fixture.${kind}`, `beneficiaires.${kind}`],
          );
          runs[kind].push(r);
        }
      }
    });
    results.B8 = { ...results.B8, fixtures, runs };
    for (const kind of /** @type {const} */ (['csv', 'xlsx'])) {
      const rs = runs[kind];
      const s = summarize(rs.map((r) => r.totalMs));
      const w = summarize(rs.map((r) => r.workerMs));
      const first = rs[0];
      rows.push({
        id: 'B8',
        label: labels[kind],
        value: s.median,
        unit: 'ms',
        budget: kind === 'csv' ? B8_BUDGET.csvMs : B8_BUDGET.xlsxMs,
        detail: `load → preview → validated, fresh worker each run; p95 ${fmtMs(s.p95)}, n=${s.n}; in the worker ${fmtMs(w.median)}; preview ${fmtMs(summarize(rs.map((r) => r.previewMs)).median)}; ${first.observations} observations, ${first.rejected} rejected, ${fmtKb(first.bytes)}${kind === 'csv' ? `, ${first.encoding} ${JSON.stringify(first.separator)} decimal ${first.decimal}` : ''}; worst frame gap ${fmtMs(Math.max(...rs.map((r) => r.worstFrameMs)))}`,
      });
    }
    const long = [...runs.csv, ...runs.xlsx].flatMap((r) => r.longTasks);
    rows.push({
      id: 'B8',
      label: labels.long,
      value: long.length,
      unit: 'n',
      budget: 0,
      detail: long.length ? `longest ${fmtMs(Math.max(...long))}` : `${B8_REPS} runs of each file`,
    });
    log('  B8 import done');
  } catch (e) {
    note(`B8: ${errText(e)}`);
    missing();
  }
}

// ------------------------------------------------------------------------------------------------
// B6: mock API in Node (bench/lib/api-bench.ts through tsx)

function benchApi() {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const r = run([tsx, 'bench/lib/api-bench.ts', String(B6_REPS), OPTS.quick ? '--no-eager' : '--eager']);
  const line = r.out.split('\n').find((l) => l.startsWith('{'));
  if (!r.ok || !line) {
    note(`B6: api bench failed:\n${r.out.split('\n').slice(-12).join('\n')}`);
    rows.push({
      id: 'B6',
      label: 'observations query, stress, 75 provinces (p95)',
      value: null,
      unit: 'ms',
      detail: 'not measured',
    });
    return;
  }
  const res = JSON.parse(line);
  results.B6 = res;
  for (const c of res.cases) {
    rows.push({
      id: 'B6',
      label: `${c.label} (p95)`,
      value: c.summary.p95,
      unit: 'ms',
      // The issue sets no figure for B6; in the browser this handler runs on the page's main thread
      // (MSW 2 resolves in the client), so anything over 50 ms is a long task: that is the budget shown.
      budget: c.budget ?? null,
      detail: `median ${fmtMs(c.summary.median)}, n=${c.summary.n}, ${c.rows} rows${c.note ? `, ${c.note}` : ''}`,
    });
  }
  for (const n of res.notes ?? []) note(`B6: ${n}`);
}

// ------------------------------------------------------------------------------------------------
// B9: Lighthouse (mobile preset) on the production build

/** The pages B9 audits: the overview and the explorer, each in French and Arabic. */
const B9_PAGES = /** @type {const} */ ([
  ['overview', '', 'fr'],
  ['overview', '?lang=ar', 'ar'],
  ['explorer', '?view=explorer', 'fr'],
  ['explorer', '?view=explorer&lang=ar', 'ar'],
]);
/** The quick smoke audits the explorer (the heavier page) once per language: ~10 s a run. */
const B9_QUICK_PAGES = new Set(['explorer']);
const B9_REPS = OPTS.reps || (OPTS.quick ? 1 : 3);
/** Attempts per Lighthouse run (bench/lib/retry.mjs). */
const B9_ATTEMPTS = 3;
const B9_BUDGET = { score: 95, fcp: 1500, lcp: 2000, tbt: 150, cls: 0.02, other: 100 };
/** Lighthouse's other categories, each kept at 100. */
const B9_OTHER = /** @type {const} */ ([
  ['accessibility', 'accessibility'],
  ['best-practices', 'best practices'],
  ['seo', 'SEO'],
]);

/**
 * One Lighthouse run of `url` in a fresh Chromium (chrome-launcher, lighthouse's own launcher, makes a new
 * user-data-dir per launch: cold cache, no service worker). Lighthouse's default config is the mobile preset:
 * Moto G Power viewport, simulated slow 4G (150 ms RTT, 1.6 Mbit/s) and 4× CPU slowdown (Lantern simulation:
 * the page loads unthrottled and the metrics are modelled from its trace).
 *
 * @param {string} url
 * @returns {Promise<any>} the LHR
 */
async function lighthouseRun(url) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: [...CHROMIUM_ARGS] });
  try {
    const res = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!res) throw new Error('lighthouse returned nothing');
    if (res.lhr.runtimeError) throw new Error(`${res.lhr.runtimeError.code}: ${res.lhr.runtimeError.message}`);
    return res.lhr;
  } finally {
    await chrome.kill();
  }
}

/**
 * Ids of the audits that cost a category its points, worst first: for performance the scored audits under
 * 0.9 (metrics by weight, then diagnostics by their savings); for the others every scored audit under 1.
 *
 * @param {any} lhr
 * @param {string} category
 * @returns {string[]}
 */
function failingAudits(lhr, category) {
  const cat = lhr.categories?.[category];
  if (!cat) return [];
  const limit = category === 'performance' ? 0.9 : 1;
  /** @type {Array<{ id: string, weight: number, savings: number }>} */
  const out = [];
  const seen = new Set();
  const consider = (/** @type {string} */ id, /** @type {number} */ weight) => {
    const a = lhr.audits?.[id];
    if (!a || seen.has(id) || a.score === null || a.score >= limit) return;
    if (['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode)) return;
    seen.add(id);
    out.push({
      id,
      weight,
      savings: a.metricSavings ? Object.values(a.metricSavings).reduce((s, v) => s + Number(v || 0), 0) : 0,
    });
  };
  for (const ref of cat.auditRefs ?? []) consider(ref.id, ref.weight ?? 0);
  out.sort((a, b) => b.weight - a.weight || b.savings - a.savings);
  return out.map((a) => a.id);
}

/**
 * Failing audit ids over several runs, with how many runs each failed in when not all: "id", "id (1/3)".
 *
 * @param {any[]} lhrs
 * @param {string} category
 */
function failingSummary(lhrs, category) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const lhr of lhrs) for (const id of failingAudits(lhr, category)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, n]) => (n === lhrs.length ? id : `${id} (${n}/${lhrs.length})`)).slice(0, 8);
}

/**
 * B9: the app's pages, then (full bench only) the bare reference page: React, recharts, TanStack Query and zustand
 * drawing one line chart and nothing else (bench/bare/, as in B1). The bare page's figures are the floor of what any
 * page on this stack can score on this machine: informative rows, no budget, so a reader sees whether a budget the
 * app misses is within reach of the stack at all.
 *
 * @param {string} appUrl
 * @param {string} pagesUrl
 */
async function benchLighthouse(appUrl, pagesUrl) {
  results.B9 = { reps: B9_REPS, pages: {} };
  const skipped = /** @type {string[]} */ ([]);
  for (const [page, query, lang] of B9_PAGES) {
    const name = `${page} ${lang}`;
    if (OPTS.quick && !B9_QUICK_PAGES.has(page)) {
      skipped.push(name);
      continue;
    }
    await auditLighthouse(name, `${appUrl}${query}`, query || '/', false);
  }
  if (pagesUrl && !OPTS.quick) {
    await auditLighthouse('bare reference page (floor)', `${pagesUrl}bare/index.html`, 'bench/bare', true);
  } else if (pagesUrl) skipped.push('bare reference page (floor)');
  if (skipped.length) {
    rows.push({
      id: 'B9',
      label: `Lighthouse, ${skipped.join(', ')}`,
      value: null,
      unit: 'n',
      status: 'skip',
      detail: 'not run in --quick (the full bench audits every page 3 times)',
    });
  }
}

/**
 * Lighthouse B9_REPS times on one page, its rows pushed: performance, FCP, LCP, TBT, CLS, bytes and the other
 * categories. `reference`: the rows carry no budget (informative), and the other categories are not reported.
 *
 * @param {string} name
 * @param {string} url
 * @param {string} shownUrl
 * @param {boolean} reference
 */
async function auditLighthouse(name, url, shownUrl, reference) {
  /** @type {any[]} */
  const lhrs = [];
  for (let rep = 0; rep < B9_REPS; rep++) {
    // Lighthouse sometimes fails to record its trace on a busy machine (NO_NAVSTART, "run Lighthouse again"): a run is
    // tried up to B9_ATTEMPTS times, each failure noted.
    const run = await withAttempts(
      () => lighthouseRun(url),
      B9_ATTEMPTS,
      (e, attempt) => note(`B9 ${name}, run ${rep + 1}, attempt ${attempt}: ${errText(e)}`),
    );
    if (run.ok) lhrs.push(run.value);
  }
  const score = (/** @type {any} */ l, /** @type {string} */ c) =>
    typeof l.categories?.[c]?.score === 'number' ? Math.round(l.categories[c].score * 100) : NaN;
  const metric = (/** @type {any} */ l, /** @type {string} */ id) => {
    const v = l.audits?.[id]?.numericValue;
    return typeof v === 'number' ? v : NaN;
  };
  const med = (/** @type {number[]} */ xs) => summarize(xs).median;
  const runs = (/** @type {number[]} */ xs, /** @type {(v: number) => string} */ f) =>
    xs.filter(Number.isFinite).map(f).join(' / ');
  const perf = lhrs.map((l) => score(l, 'performance'));
  const m = {
    fcp: lhrs.map((l) => metric(l, 'first-contentful-paint')),
    lcp: lhrs.map((l) => metric(l, 'largest-contentful-paint')),
    tbt: lhrs.map((l) => metric(l, 'total-blocking-time')),
    cls: lhrs.map((l) => metric(l, 'cumulative-layout-shift')),
    bytes: lhrs.map((l) => metric(l, 'total-byte-weight')),
  };
  const others = B9_OTHER.map(([id, label]) => ({ id, label, scores: lhrs.map((l) => score(l, id)) }));
  results.B9.pages[name] = {
    url: shownUrl,
    reference,
    performance: perf,
    ...m,
    others: Object.fromEntries(others.map((o) => [o.id, o.scores])),
    failing: Object.fromEntries(
      ['performance', ...B9_OTHER.map(([id]) => id)].map((c) => [c, failingSummary(lhrs, c)]),
    ),
  };
  const n = `n=${lhrs.length}`;
  const failing = (/** @type {string} */ c) => {
    const ids = failingSummary(lhrs, c);
    return ids.length ? `; failing: ${ids.join(', ')}` : '';
  };
  const perfMedian = med(perf);
  rows.push({
    id: 'B9',
    label: `Lighthouse performance, ${name} (median)`,
    value: perfMedian,
    unit: 'n',
    min: reference ? undefined : B9_BUDGET.score,
    detail: `runs ${runs(perf, String)}, ${n}, ${shownUrl}${perfMedian !== null && perfMedian < B9_BUDGET.score ? failing('performance') : ''}`,
  });
  for (const [key, label, budget] of /** @type {const} */ ([
    ['fcp', 'first contentful paint', B9_BUDGET.fcp],
    ['lcp', 'largest contentful paint', B9_BUDGET.lcp],
    ['tbt', 'total blocking time', B9_BUDGET.tbt],
  ])) {
    rows.push({
      id: 'B9',
      label: `Lighthouse ${label}, ${name} (median)`,
      value: med(m[key]),
      unit: 'ms',
      budget: reference ? undefined : budget,
      detail: `runs ${runs(m[key], fmtMs)}, ${n}${reference ? `, the app's budget ≤ ${fmtMs(budget)}` : ''}`,
    });
  }
  rows.push({
    id: 'B9',
    label: `Lighthouse cumulative layout shift, ${name} (median)`,
    value: med(m.cls),
    unit: 'n',
    budget: reference ? undefined : B9_BUDGET.cls,
    detail: `runs ${runs(m.cls, (v) => v.toFixed(3))}, ${n}`,
  });
  rows.push({
    id: 'B9',
    label: `Lighthouse transferred, ${name} (median)`,
    value: med(m.bytes),
    unit: 'kB',
    detail: `runs ${runs(m.bytes, fmtKb)}, ${n}, total-byte-weight (as sent: compressed when served so)`,
  });
  if (reference) {
    log(`  B9 ${name} done (${lhrs.length} runs)`);
    return;
  }
  const otherMedians = others.map((o) => ({ ...o, median: med(o.scores) }));
  const worst = otherMedians.some((o) => o.median === null)
    ? null
    : Math.min(...otherMedians.map((o) => /** @type {number} */ (o.median)));
  rows.push({
    id: 'B9',
    label: `Lighthouse accessibility / best practices / SEO, ${name} (lowest median)`,
    value: worst,
    unit: 'n',
    min: B9_BUDGET.other,
    detail: `${otherMedians.map((o) => `${o.label} ${o.median ?? '—'}`).join(', ')}${otherMedians
      .filter((o) => o.median !== null && o.median < B9_BUDGET.other)
      .map((o) => failing(o.id).replace('; failing:', `; ${o.label} failing:`))
      .join('')}`,
  });
  log(`  B9 ${name} done (${lhrs.length} runs)`);
}

// ------------------------------------------------------------------------------------------------
// B10: repeat visit offline (service worker cache, warm)

const B10_REPS = OPTS.reps || (OPTS.quick ? 1 : 5);
const B10_BUDGET_MS = 1000;

/**
 * A fresh Chromium profile (cold: no cache, no service worker) with the bench's init script, for a case that opens
 * several pages in one context; closed and deleted after `fn`, whatever it does.
 *
 * @param {(context: import('playwright-core').BrowserContext) => Promise<void>} fn
 */
async function withFreshContext(fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-bench-'));
  try {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROME,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: VIEWPORT,
    });
    try {
      await context.addInitScript(INIT_SCRIPT);
      await fn(context);
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * First visit online until the app's service worker is active and reports its offline copy complete (asked
 * with `OFFLINE_STATUS`, as the app does after its load); then the context goes
 * offline and a NEW page of the same context (warm HTTP and service-worker caches) opens the explorer at 4× CPU:
 * navigation → `mouchir:first-chart`. One fresh profile per repetition.
 *
 * @param {string} appUrl
 */
async function benchOfflineRepeat(appUrl) {
  const label = 'first chart, repeat visit offline, 4× CPU (median)';
  const url = `${appUrl}${B1_QUERY}`;
  if (!fs.existsSync(path.join(APP_DIST, 'sw.js'))) {
    rows.push({
      id: 'B10',
      label,
      value: null,
      unit: 'ms',
      budget: B10_BUDGET_MS,
      status: 'fail',
      detail: `no service worker in this build (${APP_DIST}/sw.js missing): offline, a reload is the browser's error page`,
    });
    return;
  }
  /** @type {number[]} */
  const times = [];
  /** @type {string[]} */
  const problems = [];
  /** @type {string[]} files stored / listed, per run */
  const cacheReports = [];
  const online = /** @type {number[]} */ ([]);
  for (let rep = 0; rep < B10_REPS; rep++) {
    await withFreshContext(async (context) => {
      const first = context.pages()[0] ?? (await context.newPage());
      first.setDefaultTimeout(30_000);
      const r1 = await firstChart(first, url);
      if (r1.ms !== null) online.push(r1.ms);
      await first.waitForFunction(
        async () => {
          const reg = await navigator.serviceWorker?.getRegistration();
          const sw = reg?.active;
          return !!sw && sw.state === 'activated' && /\/sw\.js(\?|$)/.test(sw.scriptURL);
        },
        null,
        { timeout: 30_000, polling: 100 },
      );
      // A first install activates at once and fills its cache when a page asks (src/sw/sw.ts `OFFLINE_STATUS`,
      // which the app posts after its load): ask too, and wait for the report that every file is stored.
      const status = await first.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no OFFLINE_STATUS report within 30 s')), 30_000);
            navigator.serviceWorker.addEventListener('message', (e) => {
              if (e.data?.type !== 'OFFLINE_STATUS' || e.data.savedAt === undefined) return;
              clearTimeout(timer);
              resolve({
                savedAt: e.data.savedAt ?? null,
                missing: Number(e.data.missing),
                total: Number(e.data.total),
              });
            });
            void navigator.serviceWorker
              .getRegistration()
              .then((r) => r?.active?.postMessage({ type: 'OFFLINE_STATUS' }));
          }),
      );
      const { missing, total } = /** @type {{ missing: number, total: number }} */ (status);
      cacheReports.push(`${total - missing}/${total}`);
      if (missing > 0) problems.push(`run ${rep + 1}: the offline cache misses ${missing} of ${total} files`);
      await context.setOffline(true);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const r2 = await firstChart(page, url);
      const controlled = await page.evaluate(() => navigator.serviceWorker?.controller?.scriptURL ?? null);
      if (!controlled) problems.push(`run ${rep + 1}: the offline page is not controlled by a service worker`);
      if (r2.ms !== null) times.push(r2.ms);
    }).catch((/** @type {unknown} */ e) => {
      problems.push(`run ${rep + 1}: ${errText(e)}`);
    });
  }
  for (const p of problems) note(`B10 ${p}`);
  const s = summarize(times);
  const o = summarize(online);
  results.B10 = { reps: B10_REPS, times, online, problems, cacheReports };
  rows.push({
    id: 'B10',
    label,
    value: s.median,
    unit: 'ms',
    budget: B10_BUDGET_MS,
    ...(times.length === 0 ? { status: /** @type {const} */ ('fail') } : {}),
    detail:
      times.length === 0
        ? `no offline visit drew its chart (${problems[0] ?? 'see notes'})`
        : `p95 ${fmtMs(s.p95)}, n=${s.n}, ${B1_QUERY}, context offline, new page, warm cache (files cached ${[...new Set(cacheReports)].join(', ')}); first visit online at 1× CPU ${fmtMs(o.median)}`,
  });
  log('  B10 offline repeat visit done');
}

/**
 * B10's floor: the bare reference page (bench/bare/: React, recharts, TanStack Query and zustand drawing one line
 * chart, nothing else) opened again in a new page of the same context, warm HTTP cache, at 4× CPU. Informative: what
 * the stack alone costs on this machine before any of the app's own work, beside the 1 s budget.
 *
 * @param {string} bareUrl
 */
async function benchBareRepeat(bareUrl) {
  /** @type {number[]} */
  const times = [];
  for (let rep = 0; rep < B10_REPS; rep++) {
    await withFreshContext(async (context) => {
      await firstChart(context.pages()[0] ?? (await context.newPage()), bareUrl);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const r = await firstChart(page, bareUrl);
      if (r.ms !== null) times.push(r.ms);
    }).catch((/** @type {unknown} */ e) => {
      note(`B10 bare page, run ${rep + 1}: ${errText(e)}`);
    });
  }
  const s = summarize(times);
  results.B10bare = { reps: B10_REPS, times };
  rows.push({
    id: 'B10',
    label: 'first chart, bare reference page, repeat visit (warm cache), 4× CPU (median): the floor',
    value: s.median,
    unit: 'ms',
    detail: `p95 ${fmtMs(s.p95)}, n=${s.n}, bench/bare, new page of the same context; the app's budget ≤ ${fmtMs(B10_BUDGET_MS)}`,
  });
}

// ------------------------------------------------------------------------------------------------

/**
 * Serve a folder on the first free port of the bench's range.
 * @param {string} root
 */
async function startInRange(root) {
  let last = /** @type {unknown} */ (null);
  for (const port of PORTS) {
    try {
      return await startServer({ root, port });
    } catch (e) {
      last = e;
      if (!(e instanceof Error && 'code' in e && e.code === 'EADDRINUSE')) throw e;
    }
  }
  throw new Error(`no free port in ${PORTS[0]}–${PORTS.at(-1)}: ${errText(last)}`);
}

/** The useful head of a build log: the error message, not rolldown's stack. @param {string} out */
function firstLines(out) {
  return out
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s+at /.test(l))
    .slice(0, 12)
    .map((l) => `    ${l}`)
    .join('\n');
}

/** @param {unknown} e */
function errText(e) {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
const fmtMs = (/** @type {number | null | undefined} */ v) =>
  v === null || v === undefined ? '—' : `${Math.round(v)} ms`;
const fmtKb = (/** @type {number | null | undefined} */ v) =>
  v === null || v === undefined ? '—' : `${(v / 1000).toFixed(1)} kB`;
const fmtX = (/** @type {number | null | undefined} */ v) => (v === null || v === undefined ? '—' : `${v.toFixed(2)}×`);
const fmtPct = (/** @type {number | null | undefined} */ v) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`;
const fmtMb = (/** @type {number | null | undefined} */ v) =>
  v === null || v === undefined ? '—' : `${(v / 1e6).toFixed(1)} MB`;

/**
 * A fixed CPU-bound loop (best of 5), timed at the start and the end of the run: on a shared
 * machine it shows how much CPU the bench actually got, next to the load average.
 */
function cpuCheck() {
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let acc = 0;
    for (let i = 0; i < 20_000_000; i++) acc += Math.sqrt(i);
    const dt = performance.now() - t0;
    if (acc > 0) best = Math.min(best, dt);
  }
  return Math.round(best);
}

function machine() {
  const cpus = os.cpus();
  let chrome = '?';
  const v = spawnSync(CHROME, ['--version'], { encoding: 'utf8' });
  if (v.status === 0) chrome = v.stdout.trim().split('\n').pop() ?? '?';
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? '?'}`,
    memoryGb: Math.round(os.totalmem() / 1e9),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chrome,
    load: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

async function main() {
  const started = Date.now();
  const cpuAtStart = cpuCheck();
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  log(
    `Mouchir bench${OPTS.quick ? ' (quick: one repetition)' : ''} — B1 ${B1_REPS} cold runs per page and CPU rate, B2 ${B2_REPS} rounds`,
  );
  if (!fs.existsSync(CHROME))
    throw new Error(`Chromium not found at ${CHROME}: set CHROME_PATH or run node scripts/ensure-chromium.mjs`);
  const built = OPTS.build
    ? buildAll()
    : {
        app: fs.existsSync(path.join(APP_DIST, 'index.html')),
        pages: fs.existsSync(path.join(PAGES_DIST, 'bare/index.html')),
      };
  /** @type {Array<() => Promise<void>>} */
  const closers = [];
  try {
    const app = built.app ? await startInRange(APP_DIST) : null;
    if (app) closers.push(app.close);
    const pages = built.pages ? await startInRange(PAGES_DIST) : null;
    if (pages) closers.push(pages.close);
    const appUrl = app ? app.url.replace('localhost', '127.0.0.1') : '';
    const pagesUrl = pages ? pages.url.replace('localhost', '127.0.0.1') : '';

    if (want('B1') || want('B3')) {
      // The explorer: the overview's sparklines are plain SVG, the explorer draws the recharts line
      // chart the bare page draws too (default indicator and territories).
      const firstRun = await benchFirstChart(
        appUrl ? `${appUrl}${B1_QUERY}` : '',
        pagesUrl ? `${pagesUrl}bare/index.html` : '',
      );
      if (want('B3')) benchBundle(firstRun);
    }
    if ((want('B2') || want('B5')) && appUrl) await benchInteractions(appUrl);
    if (want('B4') && pagesUrl) await benchExport(pagesUrl);
    if (want('B6')) benchApi();
    if (want('B7') && appUrl) await benchMap(appUrl);
    if (want('B7') && pagesUrl) await benchMapExport(pagesUrl);
    if (want('B8') && pagesUrl) await benchImport(pagesUrl);
    if (want('B9') && appUrl) await benchLighthouse(appUrl, pagesUrl);
    if (want('B10') && appUrl) await benchOfflineRepeat(appUrl);
    if (want('B10') && pagesUrl) await benchBareRepeat(`${pagesUrl}bare/index.html`);
  } finally {
    for (const c of closers) await c();
  }

  const order = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10'];
  rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const table = renderTable(rows);
  const t = tally(rows);
  const m = { ...machine(), loadAtStart, cpuCheckMs: { start: cpuAtStart, end: cpuCheck() } };
  const durationS = Math.round((Date.now() - started) / 1000);
  log('');
  log(table);
  log('');
  log(`Machine: ${m.cpu}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ${m.chrome}`);
  log(
    `Load average ${m.loadAtStart.join(' ')} at start, ${m.load.join(' ')} at end; CPU check (20M sqrt loop, best of 5) ${m.cpuCheckMs.start} ms at start, ${m.cpuCheckMs.end} ms at end`,
  );
  log(
    `${t.pass} PASS, ${t.fail} FAIL, ${t.missing} not measured${t.skipped ? `, ${t.skipped} not run` : ''} — ${durationS} s`,
  );
  if (notes.length) log(`Notes:\n${notes.map((n) => `- ${n}`).join('\n')}`);

  fs.mkdirSync('bench/results', { recursive: true });
  const out = {
    date: new Date().toISOString(),
    quick: OPTS.quick,
    only: OPTS.only,
    machine: m,
    durationS,
    budgets: BUDGET,
    rows,
    tally: t,
    notes,
    results,
  };
  // Only a complete run replaces the committed latest.json/latest.md; the CI smoke (--quick) and partial
  // runs (--only) write an ignored file, so `npm test` never dirties the working tree.
  if (OPTS.quick || OPTS.only !== null) {
    const name = OPTS.quick ? 'quick' : 'partial';
    fs.writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(out, null, 2)}\n`);
    log(`Written: bench/results/${name}.json (a complete run writes latest.json and latest.md)`);
    process.exitCode = t.missing > 0 ? 1 : 0;
    return;
  }
  fs.writeFileSync('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
  fs.writeFileSync(
    'bench/results/latest.md',
    `${table}\n\nMachine: ${m.cpu}, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}, ${m.chrome}; ${out.date}${OPTS.quick ? ' (quick)' : ''}\n` +
      `Load average ${m.loadAtStart.join(' ')} at start, ${m.load.join(' ')} at end; CPU check ${m.cpuCheckMs.start} ms / ${m.cpuCheckMs.end} ms (start/end)\n`,
  );
  log('Written: bench/results/latest.json, bench/results/latest.md');
  // Budgets are goals (reported); a figure that could not be measured means the bench has rotted.
  process.exitCode = t.missing > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
