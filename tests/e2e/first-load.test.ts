/**
 * Issue 16 item 2, "the first chart sooner", in the built app (mock API): what a cold first visit downloads.
 * - the overview in French loads no Arabic font file, no JavaScript that carries recharts, and of the data files only
 *   the catalogue (territories, indicators) and the observation files of its headline cards (census, programmes) —
 *   never the illustrative observations or the projects;
 * - the overview in Arabic loads the Arabic font and draws with it;
 * - the explorer still charts, with recharts, from the catalogue and its indicator's file only;
 * - `npm start` sends the build's precompressed copies in the encoding the browser asked for.
 * Each test starts a fresh profile (no HTTP cache, no service worker). Own build (.tmp/dist-first-load), port 4490.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { negotiateEncoding } from '../../scripts/serve.mjs';
import {
  buildIfMissing,
  collectConsoleErrors,
  countChartLines,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type ServedDist,
} from './harness.ts';

const DIST = '.tmp/dist-first-load';
const WAIT = 30_000;

/** The data files of data/, by the name their hashed asset starts with. */
const DATA_FILES = ['territories', 'indicators', 'projects', 'census', 'programmes', 'illustrative'] as const;

/** What the page asked for, by kind. */
interface Requests {
  all: Request[];
  scripts: () => string[];
  dataFiles: () => string[];
  fonts: () => string[];
}

/**
 * Record the page's requests and its service worker's: the mock API runs in the worker (src/sw/mock-api.ts), so the
 * data files are the worker's requests. The worker also fills the offline copy — every file of the build — when the
 * page asks after its load (`OFFLINE_STATUS`, src/app/sw-register.ts); that ask is held back here, so what is counted
 * is what the first view needed.
 */
async function recordRequests(page: Page): Promise<Requests> {
  const all: Request[] = [];
  page.on('request', (r) => all.push(r));
  page.context().on('request', (r) => {
    if (r.serviceWorker()) all.push(r);
  });
  await page.addInitScript(() => {
    const post = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, message: unknown, ...rest: unknown[]) {
      if ((message as { type?: unknown } | null)?.type === 'OFFLINE_STATUS') return;
      return (post as (m: unknown, ...r: unknown[]) => void).call(this, message, ...rest);
    };
  });
  const paths = () => all.map((r) => new URL(r.url()).pathname);
  return {
    all,
    scripts: () => paths().filter((p) => p.endsWith('.js')),
    dataFiles: () =>
      paths()
        .map((p) => /\/assets\/([a-z]+)-[\w-]{8}\.json$/.exec(p)?.[1] ?? '')
        .filter((n) => (DATA_FILES as readonly string[]).includes(n))
        .sort(),
    fonts: () => paths().filter((p) => /\.woff2?$/.test(p)),
  };
}

/** Whether a built script carries recharts (its class names are in every recharts chunk, minified or not). */
function carriesRecharts(urlPath: string): boolean {
  const file = path.join(DIST, urlPath.replace(/^\//, ''));
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('recharts-wrapper');
}

/** Wait until every headline card of the overview shows its figure. */
async function overviewCardsSettled(page: Page): Promise<number> {
  const cards = page.locator('article.mv-kpi');
  await expect.poll(() => cards.count(), { timeout: WAIT }).toBeGreaterThan(3);
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll('article.mv-kpi')].every(
            (card) => card.querySelector('.mv-kpi-value') !== null,
          ),
        ),
      { timeout: WAIT },
    )
    .toBe(true);
  return cards.count();
}

describe('first load: only what the first view needs', () => {
  let served: ServedDist;

  beforeAll(async () => {
    buildIfMissing(DIST, {}, isBuildStale(DIST));
    served = await serveDist({ dir: DIST, port: 4490 });
  }, 300_000);

  afterAll(async () => {
    await served?.close();
  });

  it('overview in French: no Arabic font, no recharts, only the catalogue and the headline cards’ files', async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      const requests = await recordRequests(page);
      await openApp(page, served.url, '');
      expect(await overviewCardsSettled(page)).toBe(6);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

      const fonts = requests.fonts();
      expect(
        fonts.some((f) => /noto-sans-latin-400-normal/.test(f)),
        fonts.join('\n'),
      ).toBe(true);
      expect(fonts.filter((f) => /arabic/i.test(f))).toEqual([]);
      // The header's "م" mark is drawn all the same (with the system's Arabic font).
      await expect.poll(() => page.locator('.header__logo').textContent()).toBe('م');

      const scripts = requests.scripts();
      expect(scripts.length).toBeGreaterThan(2);
      expect(scripts.filter(carriesRecharts)).toEqual([]);
      expect(scripts.some((s) => /\/explorer-view-/.test(s))).toBe(false);

      // Population and unemployment are census figures; the four programme cards read programmes.json.
      expect(requests.dataFiles()).toEqual(['census', 'indicators', 'programmes', 'territories']);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('overview in Arabic: the Arabic font is loaded and used', async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      const requests = await recordRequests(page);
      await openApp(page, served.url, 'lang=ar');
      await overviewCardsSettled(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
      expect(requests.fonts().some((f) => /noto-sans-arabic-arabic-400-normal/.test(f))).toBe(true);
      const arabicFace = await page.evaluate(() =>
        [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Sans Arabic' && f.status === 'loaded'),
      );
      expect(arabicFace).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('explorer: charts with recharts, from the catalogue and its indicator’s file only', async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      const requests = await recordRequests(page);
      await openApp(page, served.url, 'view=explorer');
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBeGreaterThan(0);
      // The detector above finds recharts where it is: the explorer's chart needs it.
      expect(requests.scripts().some(carriesRecharts)).toBe(true);
      // The default indicator (the first headline, AMO coverage) is a programmes figure.
      expect(requests.dataFiles()).toEqual(['indicators', 'programmes', 'territories']);
      expect(requests.fonts().filter((f) => /arabic/i.test(f))).toEqual([]);

      // Another indicator's file is fetched when it is first asked for, and the chart follows.
      await openApp(page, served.url, 'view=explorer&indicator=population');
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBeGreaterThan(0);
      expect(requests.dataFiles()).toContain('census');
      expect(requests.dataFiles()).not.toContain('illustrative');
      expect(requests.dataFiles()).not.toContain('projects');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('npm start sends the precompressed copy the browser accepts', async () => {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    try {
      const page = browser.page;
      const seen: Promise<{ path: string; accept: string; encoding: string | undefined }>[] = [];
      page.on('response', (res) => {
        const p = new URL(res.url()).pathname;
        if (!/\/assets\/index-[\w-]{8}\.(js|css)$/.test(p)) return;
        // allHeaders(): the headers Chromium really sent and received (Accept-Encoding is added by its network stack).
        seen.push(
          Promise.all([res.request().allHeaders(), res.allHeaders()]).then(([sent, got]) => ({
            path: p,
            accept: sent['accept-encoding'] ?? '',
            encoding: got['content-encoding'],
          })),
        );
      });
      await openApp(page, served.url, '');
      await expect.poll(() => seen.length, { timeout: WAIT }).toBeGreaterThan(1);
      const responses = await Promise.all(seen);
      console.log(`first-load: ${responses.map((r) => `${r.path} "${r.accept}" → ${r.encoding}`).join('; ')}`);
      for (const s of responses) {
        const expected = negotiateEncoding(s.accept, ['br', 'gzip']);
        expect(expected, `${s.path} asked with "${s.accept}"`).not.toBe('identity');
        expect(s.encoding, s.path).toBe(expected);
        expect(fs.existsSync(path.join(DIST, `${s.path.replace(/^\//, '')}.${expected === 'br' ? 'br' : 'gz'}`))).toBe(
          true,
        );
      }
    } finally {
      await browser.close();
    }
  });
});
