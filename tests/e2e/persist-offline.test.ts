/**
 * Issue 16 item 4, the real-API build: the last answers are kept in IndexedDB (src/app/query-persist.ts). A first
 * visit with the API up draws the explorer's chart and keeps its answers; the API is then stopped and the page
 * reloaded: the chart is drawn again from the kept answers, no error panel replaces it, and the page says
 * "Données non actualisées — enregistrées le … à …" (fr) / its Arabic words, with the time of the first visit.
 *
 * Its own build (`.tmp/dist-persist`, API base baked in) and ports: the app on 4500, the API on 4501.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApiServer, type ApiServer } from '../../scripts/api-server.ts';
import {
  collectConsoleErrors,
  countChartLines,
  countRankedBars,
  ensureRealApiBuild,
  launchBrowser,
  openApp,
  serveDist,
  type ServedDist,
  waitForApp,
} from './harness.ts';

const API_PORT = 4501;
const API_BASE = `http://127.0.0.1:${API_PORT}`;
const DIST = process.env.MOUCHIR_PERSIST_DIST ?? '.tmp/dist-persist';
const WAIT = 40_000;

const NOTICE = {
  fr: /Données non actualisées — enregistrées le (\d{1,2}) ([^\s]+) (\d{4}) à (\d\d):(\d\d)/,
  ar: /بيانات غير محيّنة — محفوظة بتاريخ (\d{1,2}) ([^\s]+) (\d{4}) على الساعة (\d\d):(\d\d)/,
} as const;

/** Lines or bars of the explorer's lead chart (it leads with the ranking when one period has values). */
async function chartDrawn(page: Page): Promise<number> {
  return (await countChartLines(page)) + (await countRankedBars(page));
}

async function waitForChart(page: Page): Promise<number> {
  await expect.poll(() => chartDrawn(page), { timeout: WAIT }).toBeGreaterThan(0);
  // Under a leading line the ranking mounts a task later (issue 16): count once its placeholder has gone.
  await page.waitForFunction(() => document.querySelector('.chart-tab > .skeleton--panel') === null, undefined, {
    timeout: WAIT,
  });
  return chartDrawn(page);
}

/** The kept record's endpoints, read from the page's IndexedDB (empty when nothing is kept yet). */
async function keptEndpoints(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('mouchir-query-cache');
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('clients')) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction('clients').objectStore('clients').get('api');
          get.onsuccess = () => {
            const rec = get.result as { queries?: { queryKey: unknown[] }[] } | undefined;
            db.close();
            resolve((rec?.queries ?? []).map((q) => String(q.queryKey[0])));
          };
          get.onerror = () => {
            db.close();
            resolve([]);
          };
        };
      }),
  );
}

describe('kept API answers, real-API build', () => {
  let served: ServedDist;

  beforeAll(async () => {
    ensureRealApiBuild(DIST, API_BASE);
    served = await serveDist({ dir: DIST, port: 4500 });
  }, 300_000);

  afterAll(async () => {
    await served?.close();
  });

  it.each(['fr', 'ar'] as const)(
    '%s: the API stopped, a reload draws the chart from the kept answers and says since when',
    { timeout: 150_000 },
    async (lang) => {
      let api: ApiServer | undefined = await startApiServer({ port: API_PORT });
      const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
      try {
        const { page } = browser;
        const errors = collectConsoleErrors(page);
        await openApp(page, served.url, `view=explorer&lang=${lang}`, { expectWorker: false });
        const online = await waitForChart(page);
        const firstVisit = Date.now();
        // The answers are written at most a second after they land.
        await expect
          .poll(() => keptEndpoints(page), { timeout: WAIT })
          .toEqual(expect.arrayContaining(['territories', 'indicators', 'observations']));
        expect(await page.getByText(NOTICE[lang]).count()).toBe(0);

        await api.close();
        api = undefined;
        await page.reload({ waitUntil: 'domcontentloaded' });
        await waitForApp(page, WAIT);

        // The chart, from the kept answers, while the API cannot be reached.
        expect(await waitForChart(page)).toBe(online);
        const notice = page.getByText(NOTICE[lang]);
        await notice.first().waitFor({ state: 'visible', timeout: WAIT });
        const text = (await notice.first().innerText()).trim();
        const [, , , year, hh, mm] = NOTICE[lang].exec(text) ?? [];
        const saved = new Date(firstVisit);
        expect(Number(year)).toBe(saved.getFullYear());
        // The time of the first visit's answers (within the minutes the test took).
        const minutes = Number(hh) * 60 + Number(mm);
        const expected = saved.getHours() * 60 + saved.getMinutes();
        expect(Math.abs(minutes - expected) % (24 * 60)).toBeLessThanOrEqual(3);

        // Once the refresh has failed (retries spent), the data stays: no error panel in its place.
        await page.waitForSelector('main .state--stale', { timeout: WAIT });
        expect(await page.locator('main .state--error').count()).toBe(0);
        expect(await chartDrawn(page)).toBe(online);
        // The page's own code logged no error (failed requests to the stopped API are the browser's, not ours).
        expect(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::/.test(e))).toEqual([]);
      } finally {
        await browser.close();
        await api?.close();
      }
    },
  );
});
