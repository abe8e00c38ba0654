/**
 * Issue 17 (5), the embed: a build made with `MOUCHIR_FRAME_ANCESTORS="http://127.0.0.1:4536 http://localhost:4536"` shows one chart (or
 * the map) of an explorer view inside an `<iframe>` of a page on that origin — caption, status, source line and a
 * "Voir dans Mouchir" link to the full view, no header, navigation, filters or footer — axe clean in fr, ar and en;
 * the same build refuses a frame on another origin (4538), and the default build refuses every frame. A bad parameter
 * still gives a clear message inside the frame. Screenshots of the embed at 390 and 800 px go to .tmp/embed/.
 *
 * Two builds of its own (`.tmp/dist-D-open`, `.tmp/dist-D`), rebuilt when stale or made with another setting.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFrameAncestors } from '../../scripts/csp.mjs';
import {
  AXE_TAGS,
  LINE_CANVAS_SELECTOR,
  LINE_SELECTOR,
  buildIfMissing,
  collectConsoleErrors,
  isBuildStale,
  launchBrowser,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const OPEN_DIST = '.tmp/dist-D-open';
const CLOSED_DIST = '.tmp/dist-D';
const OPEN_PORT = 4535;
const HOST_PORT = 4536;
const CLOSED_PORT = 4537;
const OTHER_HOST_PORT = 4538;
const ALLOWED = `http://127.0.0.1:${HOST_PORT}`;
/**
 * The same port on another site. Chromium here refuses a cross-site frame every storage (localStorage, IndexedDB,
 * Cache Storage, service workers: "the user denied permission"), as browsers that block third-party cookies do, so
 * the mock API's worker cannot start there: the frame must say so, not stay blank. The allowed page is on the same
 * site as the app (127.0.0.1, another port: another origin) for the chart to draw.
 */
const ALLOWED_CROSS_SITE = `http://localhost:${HOST_PORT}`;
const WAIT = 30_000;
const OUT = path.resolve('.tmp/embed');

const QUERY = 'embed=1&view=explorer&indicator=population&territories=MA,MA-06';

/** Build `dir` with `setting` unless it already holds a fresh build made with it. */
function ensureBuild(dir: string, setting: string, expected: string[]): void {
  const index = path.join(dir, 'index.html');
  const recorded = fs.existsSync(index) ? extractFrameAncestors(fs.readFileSync(index, 'utf8')) : null;
  const force = isBuildStale(dir) || JSON.stringify(recorded) !== JSON.stringify(expected);
  buildIfMissing(dir, { MOUCHIR_FRAME_ANCESTORS: setting }, force);
}

/**
 * A page on another origin that frames `src` (its query: `?src=…&w=…`): what a ministry's or a newspaper's site does.
 * Plain HTML, no script; the iframe has a title (axe checks the host page too).
 */
function startHost(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    const src = url.searchParams.get('src');
    if (url.pathname !== '/' || src === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found\n');
      return;
    }
    const width = Number(url.searchParams.get('w') ?? '800');
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .end(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Site hôte</title></head><body>` +
          `<main><h1>Un site qui intègre Mouchir</h1>` +
          `<iframe title="Graphique de Mouchir" src="${esc(src)}" width="${width}" height="760" style="border:1px solid #888"></iframe>` +
          `</main></body></html>`,
      );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function hostUrl(port: number, src: string, width = 800, hostName = '127.0.0.1'): string {
  return `http://${hostName}:${port}/?src=${encodeURIComponent(src)}&w=${width}`;
}

/** The frame whose URL starts with `appUrl`, once attached. */
async function appFrame(page: Page, appUrl: string): Promise<Frame> {
  const handle = await page.waitForSelector('iframe', { timeout: WAIT });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  // Wait for the navigation to commit: before it, the frame's URL is 'about:blank' or, on a loaded machine, ''.
  await expect
    .poll(() => frame.url(), { timeout: WAIT })
    .toSatisfy((url: string) => url.startsWith(appUrl) || url.startsWith('chrome-error:'));
  return frame;
}

/** Console messages of every type (the refusal is a console error of the host page). */
function consoleLog(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  return lines;
}

async function headersOf(url: string): Promise<http.IncomingHttpHeaders> {
  return (await responseOf(url)).headers;
}

async function responseOf(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      })
      .on('error', reject);
  });
}

async function bodyOf(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

let open: ServedDist;
let closed: ServedDist;
let host: http.Server;
let otherHost: http.Server;
let browser: LaunchedBrowser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  ensureBuild(OPEN_DIST, `${ALLOWED} ${ALLOWED_CROSS_SITE}`, [ALLOWED, ALLOWED_CROSS_SITE]);
  ensureBuild(CLOSED_DIST, '', ["'none'"]);
  open = await serveDist({ dir: OPEN_DIST, port: OPEN_PORT });
  closed = await serveDist({ dir: CLOSED_DIST, port: CLOSED_PORT });
  host = await startHost(HOST_PORT);
  otherHost = await startHost(OTHER_HOST_PORT);
  browser = await launchBrowser({ viewport: { width: 1000, height: 900 } });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await open?.close();
  await closed?.close();
  await new Promise((r) => host?.close(r));
  await new Promise((r) => otherHost?.close(r));
});

/** Wait until the embedded line chart is drawn (SVG paths, or the canvas of a many-line chart). */
async function waitForChart(frame: Frame): Promise<void> {
  await frame.locator('[data-testid="embed-shell"]').waitFor({ state: 'visible', timeout: WAIT });
  await frame
    .locator(`${LINE_SELECTOR}, ${LINE_CANVAS_SELECTOR}`)
    .first()
    .waitFor({ state: 'attached', timeout: WAIT });
}

const WORDS = {
  fr: { full: 'Voir dans Mouchir', source: /Source/ },
  ar: { full: 'عرض في مؤشر', source: /المصدر|المصادر/ },
  en: { full: 'View in Mouchir', source: /Source/ },
} as const;

describe('the embed', () => {
  it('headers: the open build lists the allowed origin and sends no X-Frame-Options; the default build DENY', async () => {
    const o = await headersOf(`${open.url}?${QUERY}`);
    expect(o['content-security-policy']).toMatch(
      /frame-ancestors http:\/\/127\.0\.0\.1:4536 http:\/\/localhost:4536(;|$)/,
    );
    expect(o['x-frame-options']).toBeUndefined();
    const c = await headersOf(`${closed.url}?${QUERY}`);
    expect(c['content-security-policy']).toMatch(/frame-ancestors 'none'(;|$)/);
    expect(c['x-frame-options']).toBe('DENY');
    // The page of ?embed=1 carries no app chrome to flash before the script runs, in the language asked.
    const page = await bodyOf(`${open.url}?${QUERY}&lang=ar`);
    expect(page).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page).not.toMatch(/<header|<nav|<footer|<main/);
    expect(await bodyOf(`${open.url}?view=explorer`)).toMatch(/<header/);
    // The static hosts' copy of the headers is part of the build but never served.
    expect(fs.existsSync(path.join(OPEN_DIST, '_headers'))).toBe(true);
    expect((await responseOf(`${open.url}_headers`)).status).toBe(404);
  });

  for (const lang of ['fr', 'ar', 'en'] as const) {
    it(
      `${lang}: shows the chart, its caption and source in a frame of an allowed origin, no app chrome, axe clean`,
      { timeout: 120_000 },
      async () => {
        const page = await browser.context.newPage();
        try {
          const errors = collectConsoleErrors(page);
          const src = `${open.url}?${QUERY}&lang=${lang}`;
          await page.goto(hostUrl(HOST_PORT, src), { waitUntil: 'domcontentloaded' });
          const frame = await appFrame(page, open.url);
          await waitForChart(frame);
          const figure = frame.locator('figure.chart-frame');
          await expect.poll(() => figure.count()).toBe(1);
          expect(await frame.locator('html').getAttribute('lang')).toBe(lang);
          expect(await frame.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect((await figure.locator('.chart-frame__title').innerText()).trim()).not.toBe('');
          expect((await figure.locator('.chart-frame__subtitle').innerText()).trim()).not.toBe('');
          expect(await figure.locator('.chart-frame__source').innerText()).toMatch(WORDS[lang].source);
          expect(await figure.locator('.status-badge, [data-status]').count()).toBeGreaterThan(0);
          // No app chrome: header, navigation, filters, tabs, footer, export menu.
          for (const chrome of [
            'header',
            'nav',
            'footer',
            '[role="tablist"]',
            '.territory-filter',
            '.explorer__controls',
            '.chart-frame__actions',
          ]) {
            expect(await frame.locator(chrome).count(), chrome).toBe(0);
          }
          const link = frame.locator('a[data-embed-full]');
          expect((await link.innerText()).trim()).toContain(WORDS[lang].full);
          expect(await link.getAttribute('target')).toBe('_blank');
          expect(await link.getAttribute('rel')).toMatch(/noopener/);
          const href = new URL((await link.getAttribute('href')) ?? '');
          expect(href.origin + href.pathname).toBe(open.url);
          expect(href.searchParams.has('embed')).toBe(false);
          expect(href.searchParams.get('view')).toBe('explorer');
          expect(href.searchParams.get('indicator')).toBe('population');
          expect(href.searchParams.get('territories')).toBe('MA,MA-06');
          expect(href.searchParams.get('lang') ?? 'fr').toBe(lang);

          // axe in the host page and inside the frame (not legacy mode: it audits cross-origin frames too).
          const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
          const violations = result.violations.map(
            (v) =>
              `${v.id}: ${v.help} — ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(' | ')}`,
          );
          expect(violations).toEqual([]);
          const inFrame = result.passes.flatMap((p) => p.nodes).filter((n) => n.target.length > 1);
          expect(inFrame.length, 'axe reached into the frame').toBeGreaterThan(10);
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );
  }

  it('tab=map shows the map in the frame', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      const errors = collectConsoleErrors(page);
      await page.goto(hostUrl(HOST_PORT, `${open.url}?embed=1&view=explorer&indicator=population&tab=map&lang=fr`), {
        waitUntil: 'domcontentloaded',
      });
      const frame = await appFrame(page, open.url);
      await frame.locator('[data-testid="embed-shell"]').waitFor({ timeout: WAIT });
      await frame
        .locator('figure#explorer-map, figure[aria-labelledby="explorer-map-caption"]')
        .waitFor({ timeout: WAIT });
      await frame
        .locator('figure[aria-labelledby="explorer-map-caption"] svg path')
        .first()
        .waitFor({ state: 'attached', timeout: WAIT });
      expect(await frame.locator('header, nav, footer, [role="tablist"]').count()).toBe(0);
      // The map panel's controls (period, level, region, exports) are not shown in an embed.
      for (const control of ['.chart-frame__actions', '.map-tab__toolbar', '.map-tab__exports', 'select', 'input']) {
        expect(await frame.locator(control).filter({ visible: true }).count(), control).toBe(0);
      }
      expect(await frame.locator('a[data-embed-full]').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.locator('iframe').screenshot({ path: path.join(OUT, 'embed-map-800-fr.png') });
    } finally {
      await page.close();
    }
  });

  it(
    'a bad parameter gives a clear message inside the frame, and the chart still shows',
    { timeout: 120_000 },
    async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(
          hostUrl(
            HOST_PORT,
            `${open.url}?embed=1&view=explorer&indicator=population&territories=MA,XX-99&measure=nope`,
          ),
          { waitUntil: 'domcontentloaded' },
        );
        const frame = await appFrame(page, open.url);
        await waitForChart(frame);
        const notice = frame.locator('.embed__notices');
        await expect.poll(() => notice.innerText(), { timeout: WAIT }).toMatch(/measure=nope/);
        await expect.poll(() => notice.innerText(), { timeout: WAIT }).toMatch(/territories=XX-99/);
        // A view that cannot be embedded says so, with the link to it.
        await page.goto(hostUrl(HOST_PORT, `${open.url}?embed=1&view=compare&lang=fr`), {
          waitUntil: 'domcontentloaded',
        });
        const other = await appFrame(page, open.url);
        await other.locator('[data-testid="embed-shell"] [role="alert"]').waitFor({ timeout: WAIT });
        expect(await other.locator('[role="alert"]').innerText()).toMatch(/explorateur/);
        expect(await other.locator('a[data-embed-full]').count()).toBe(1);
      } finally {
        await page.close();
      }
    },
  );

  it(
    'in a cross-site frame without storage, says why the chart cannot show, with the link',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(hostUrl(HOST_PORT, `${open.url}?${QUERY}&lang=fr`, 800, 'localhost'), {
          waitUntil: 'domcontentloaded',
        });
        const frame = await appFrame(page, open.url);
        const alert = frame.locator('[data-testid="embed-shell"] [role="alert"]');
        await alert.waitFor({ timeout: WAIT });
        expect(await alert.innerText()).toMatch(/stockage/);
        expect(await alert.getAttribute('data-embed-storage-denied')).toBe('true');
        expect(await frame.locator('a[data-embed-full]').count()).toBe(1);
        expect(await frame.locator('header, nav, footer').count()).toBe(0);
      } finally {
        await page.close();
      }
    },
  );

  it('the same build refuses a frame on another origin', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    try {
      const log = consoleLog(page);
      await page.goto(hostUrl(OTHER_HOST_PORT, `${open.url}?${QUERY}`), { waitUntil: 'load' });
      const frame = await appFrame(page, open.url);
      await expect.poll(() => log.join('\n'), { timeout: WAIT }).toMatch(/frame-ancestors/);
      expect(log.join('\n')).toMatch(
        /Framing 'http:\/\/127\.0\.0\.1:4535\/' violates [^\n]*"frame-ancestors http:\/\/127\.0\.0\.1:4536 http:\/\/localhost:4536"[^\n]*blocked/,
      );
      expect(frame.url()).toMatch(/^chrome-error:/);
      expect(await frame.locator('[data-testid="embed-shell"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it(
    'the default build refuses every frame, the allowed origin of the other build included',
    { timeout: 60_000 },
    async () => {
      const page = await browser.context.newPage();
      try {
        const log = consoleLog(page);
        await page.goto(hostUrl(HOST_PORT, `${closed.url}?${QUERY}`), { waitUntil: 'load' });
        const frame = await appFrame(page, closed.url);
        await expect.poll(() => log.join('\n'), { timeout: WAIT }).toMatch(/frame-ancestors 'none'/);
        expect(frame.url()).toMatch(/^chrome-error:/);
        expect(await frame.locator('[data-testid="embed-shell"]').count()).toBe(0);
      } finally {
        await page.close();
      }
    },
  );

  for (const width of [390, 800]) {
    for (const lang of ['fr', 'ar'] as const) {
      it(`screenshot at ${width} px (${lang})`, { timeout: 90_000 }, async () => {
        const page = await browser.context.newPage();
        try {
          await page.goto(hostUrl(HOST_PORT, `${open.url}?${QUERY}&lang=${lang}`, width), {
            waitUntil: 'domcontentloaded',
          });
          const frame = await appFrame(page, open.url);
          await waitForChart(frame);
          // The chart fills the frame's width: nothing scrolls sideways.
          const overflow = await frame.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          await page.locator('iframe').screenshot({ path: path.join(OUT, `embed-${width}-${lang}.png`) });
        } finally {
          await page.close();
        }
      });
    }
  }
});
