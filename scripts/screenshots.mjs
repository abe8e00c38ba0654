#!/usr/bin/env node
/**
 * Screenshots of every view for the README (`npm run screenshots`).
 *
 * Builds the production app into its own folder (so it never touches `dist/` or another run's build),
 * serves it with scripts/serve.mjs on its own port, opens each view in headless Chromium with the
 * embedded mock API and writes one viewport PNG per view to `docs/screenshots/`. Each shot waits for
 * conditions, never for a fixed time: the mock worker controls the page, nothing is busy, the fonts
 * are loaded and the view's own content (KPI cards, chart lines, map tiles, table rows…) is drawn.
 *
 * Usage: node scripts/screenshots.mjs [--no-build] [--only overview,explorer-ar]
 * Env:   CHROME_PATH (else /usr/bin/chromium or Playwright's cache, as npm run chromium finds it),
 *        SCREENSHOTS_PORT (default 4390).
 * Run it under the browser lock when other runs share the machine: flock /tmp/browser.lock node scripts/screenshots.mjs
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, '.tmp/dist-shots');
const OUT = path.join(ROOT, 'docs/screenshots');
const CHROME = findChromium();
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 4390);
const VIEWPORT = { width: 1280, height: 800 };
/** Generous: a cold profile installs the mock worker and a loaded CI machine may be slow. */
const TIMEOUT = 60_000;

/**
 * Lines drawn by the visible line chart: SVG curves with a path, plus what a painted canvas layer
 * states in `data-lines` (more than 12 lines). The same count as the harness's countChartLines.
 * @param {import('playwright-core').Page} page
 */
const chartLines = (page) =>
  page.evaluate(() => {
    const paths = [...document.querySelectorAll('path.recharts-line-curve')].filter(
      (p) => (p.getAttribute('d') ?? '').trim() !== '' && p.checkVisibility(),
    ).length;
    const canvases = [...document.querySelectorAll('canvas.line-chart__canvas[data-lines]')]
      .filter((c) => c.checkVisibility())
      .reduce((n, c) => n + (Number(c.getAttribute('data-lines')) || 0), 0);
    return paths + canvases;
  });

/**
 * Wait until `test` holds, polling on the page's animation frames through Playwright (no sleeps).
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<boolean>} test
 * @param {string} what named in the error when it never holds
 */
async function until(page, test, what) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (await test()) return;
    // One frame of the page between checks: a condition, not a guessed delay.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The explorer's shots show one census indicator for four regions: the default selection (the
 * country alone, a national programme) has no regional figures, so its map would be empty.
 */
const EXPLORER = 'view=explorer&indicator=unemployment-rate&territories=MA-01,MA-04,MA-06,MA-07';

/**
 * @typedef {{ name: string, query: string, ready: (page: import('playwright-core').Page) => Promise<void> }} Shot
 * @type {Shot[]}
 */
const SHOTS = [
  {
    name: 'overview',
    query: 'lang=fr',
    ready: async (page) =>
      until(page, async () => (await page.locator('article[data-indicator]').count()) > 2, 'the KPI cards'),
  },
  {
    name: 'explorer',
    query: `${EXPLORER}&lang=fr`,
    ready: async (page) => until(page, async () => (await chartLines(page)) > 0, 'the chart lines'),
  },
  {
    name: 'explorer-map',
    query: `${EXPLORER}&tab=map&lang=fr`,
    ready: async (page) =>
      page.locator('.choropleth path[role="button"]').first().waitFor({ state: 'visible', timeout: TIMEOUT }),
  },
  {
    name: 'explorer-table',
    query: `${EXPLORER}&tab=table&lang=fr`,
    ready: async (page) =>
      until(page, async () => (await page.getByRole('table').first().getByRole('row').count()) > 2, 'table rows'),
  },
  {
    name: 'compare',
    query: 'view=compare&lang=fr',
    ready: async (page) => page.locator('td[data-territory]').first().waitFor({ state: 'visible', timeout: TIMEOUT }),
  },
  {
    name: 'projects',
    query: 'view=projects&lang=fr',
    ready: async (page) =>
      page.locator('article[data-project]').first().waitFor({ state: 'visible', timeout: TIMEOUT }),
  },
  {
    name: 'explorer-ar',
    query: `${EXPLORER}&lang=ar`,
    ready: async (page) => until(page, async () => (await chartLines(page)) > 0, 'the chart lines'),
  },
];

/**
 * Open one view and wait until it is drawn: worker in control, shell visible, the view's own
 * content, no loading skeleton left, fonts loaded, then one more frame so the last paint is done.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {Shot} shot
 */
async function openView(page, baseUrl, shot) {
  await page.goto(new URL(`?${shot.query}`, baseUrl).href, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: TIMEOUT });
  await page.locator('[data-testid="app-shell"]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await shot.ready(page);
  await until(page, async () => (await page.locator('[aria-busy="true"]').count()) === 0, 'no busy panel');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))));
  });
}

function build() {
  console.log(`building into ${path.relative(ROOT, DIST)}…`);
  // NODE_ENV=production: the build npm start ships (React's production build), whatever the caller's env.
  const r = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error('vite build failed');
  }
}

async function main() {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : null;
  const shots = only ? SHOTS.filter((s) => only.includes(s.name)) : SHOTS;
  if (shots.length === 0) throw new Error(`--only matches none of ${SHOTS.map((s) => s.name).join(', ')}`);
  if (CHROME === null) throw new Error('no Chromium found: set CHROME_PATH or run npm run chromium');
  if (!args.includes('--no-build') || !fs.existsSync(path.join(DIST, 'index.html'))) build();
  fs.mkdirSync(OUT, { recursive: true });

  const server = await startServer({ root: DIST, port: PORT, host: '127.0.0.1' });
  // 127.0.0.1, not "localhost": a secure context either way, without IPv6/IPv4 guessing.
  const baseUrl = server.url.replace('localhost', '127.0.0.1');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: VIEWPORT,
    locale: 'fr-FR',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const shot of shots) {
      try {
        await openView(page, baseUrl, shot);
      } catch (e) {
        // What the page showed instead, to see why the condition never held.
        const failed = path.join(ROOT, `.tmp/screenshots-failed-${shot.name}.png`);
        await page.screenshot({ path: failed }).catch(() => undefined);
        throw new Error(
          `${shot.name} (?${shot.query}): ${e instanceof Error ? e.message : String(e)}; page: ${failed}`,
        );
      }
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide' });
      console.log(`${path.relative(ROOT, file)}  ${(fs.statSync(file).size / 1000).toFixed(0)} kB`);
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
