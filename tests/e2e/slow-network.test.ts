/**
 * Issue 16 item 6: against the real-API build whose `GET /observations` never answers (scripts/api-server.ts,
 * `hang`), a reader learns within a few seconds that the data is slow ("Chargement toujours en cours…", naming
 * what is awaited, in a polite live region), and gets the error with Retry within 20 s (the client's timeout and
 * retries are budgeted together: 7 + 1 + 7 s); an invalid answer says so in French, the validator's English only
 * behind the "Détail technique" disclosure. Times are measured in the page (`performance.now()`, from the
 * navigation) and printed.
 *
 * Its own build (`.tmp/dist-slow-network`, API base baked in) and ports: the app on 4464, the API on 4465.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApiServer, type ApiServer } from '../../scripts/api-server.ts';
import {
  countChartLines,
  ensureRealApiBuild,
  forgetKeptAnswers,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const API_PORT = 4465;
const API_BASE = `http://127.0.0.1:${API_PORT}`;
const DIST = process.env.MOUCHIR_SLOW_DIST ?? '.tmp/dist-slow-network';
/** Generous waits: the assertions are on the measured times, not on these. */
const WAIT = 40_000;

const TEXT = {
  fr: {
    slow: 'Chargement toujours en cours…',
    what: 'les observations de l’indicateur',
    timeout: 'pas de réponse à temps',
    retry: 'Réessayer',
  },
  ar: {
    slow: 'لا يزال التحميل جاريًا…',
    what: 'مشاهدات المؤشر',
    timeout: 'لا استجابة في الوقت المحدد',
    retry: 'إعادة المحاولة',
  },
} as const;

/** Milliseconds since the page's navigation when `text` is first visible in a `selector` of main. */
async function timeUntilVisible(page: Page, selector: string, text: string): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, text }) => {
      const hit = [...document.querySelectorAll<HTMLElement>(`main ${selector}`)].find(
        (el) => el.innerText.includes(text) && el.getClientRects().length > 0,
      );
      return hit ? performance.now() : false;
    },
    { selector, text },
    { timeout: WAIT, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

describe('slow and failing network, real-API build', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let api: ApiServer | undefined;

  beforeAll(async () => {
    ensureRealApiBuild(DIST, API_BASE);
    api = await startApiServer({ port: API_PORT });
    served = await serveDist({ dir: DIST, port: 4464 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await api?.close();
  });

  it.each(['fr', 'ar'] as const)(
    '%s: "still loading" within 6 s, the error with Retry within 20 s, and Retry works',
    { timeout: 120_000 },
    async (lang) => {
      const page = browser.page;
      const t = TEXT[lang];
      const server = api as ApiServer;
      server.setFaults('hang:observations');
      // A cold load: the answers an earlier test kept (src/app/query-persist.ts) would show instead of the wait.
      await forgetKeptAnswers(page, served.url);
      await openApp(page, served.url, `view=explorer&lang=${lang}`, { expectWorker: false });

      const slowAt = await timeUntilVisible(page, '[role="status"][aria-live="polite"]', t.slow);
      const slow = page.locator('main [role="status"]').filter({ hasText: t.slow }).first();
      expect(await slow.innerText()).toContain(t.what);

      const errorAt = await timeUntilVisible(page, '[role="alert"]', t.timeout);
      const alert = page.locator('main [role="alert"]').filter({ hasText: t.timeout }).first();
      console.info(
        `slow-network ${lang}: still loading at ${Math.round(slowAt)} ms, error at ${Math.round(errorAt)} ms`,
      );
      expect(slowAt).toBeLessThan(6_000);
      expect(errorAt).toBeLessThan(20_000);
      // The skeleton is gone, the reader has the error and its Retry.
      expect(await page.locator('main [role="status"]').filter({ hasText: t.slow }).count()).toBe(0);

      server.setFaults('');
      await alert.getByRole('button', { name: t.retry }).click();
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBeGreaterThan(0);
      expect(await page.locator('main [role="alert"]').count()).toBe(0);
    },
  );

  it.each(['fr', 'ar'] as const)(
    '%s: the overview names what its cards wait for, then gives each card its error with Retry',
    { timeout: 120_000 },
    async (lang) => {
      const page = browser.page;
      const t = TEXT[lang];
      const server = api as ApiServer;
      server.setFaults('hang:observations');
      // A cold load: the answers an earlier test kept (src/app/query-persist.ts) would show instead of the wait.
      await forgetKeptAnswers(page, served.url);
      await openApp(page, served.url, `lang=${lang}`, { expectWorker: false });
      const slowAt = await timeUntilVisible(page, '[role="status"][aria-live="polite"]', t.slow);
      // Each card waits for its own indicator's observations and names it.
      const cards = page.locator('main [role="listitem"]');
      const count = await cards.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const card = cards.nth(i);
        const name = (await card.locator('h2').innerText()).trim();
        await expect.poll(() => card.locator('[role="status"]').innerText(), { timeout: WAIT }).toContain(`${t.slow}`);
        expect(await card.locator('[role="status"]').innerText()).toContain(name);
      }
      const errorAt = await timeUntilVisible(page, '[role="alert"]', t.timeout);
      console.info(
        `slow-network overview ${lang}: still loading at ${Math.round(slowAt)} ms, error at ${Math.round(errorAt)} ms`,
      );
      expect(slowAt).toBeLessThan(6_000);
      expect(errorAt).toBeLessThan(20_000);
      await expect.poll(() => page.locator('main [role="alert"]').count(), { timeout: WAIT }).toBe(count);
      server.setFaults('');
      await page.locator('main [role="alert"]').first().getByRole('button', { name: t.retry }).click();
      await expect.poll(() => page.locator('main [role="alert"]').count(), { timeout: WAIT }).toBe(count - 1);
    },
  );

  it(
    'fr: an invalid answer is said in French; the validator’s English only behind the disclosure',
    { timeout: 90_000 },
    async () => {
      const page = browser.page;
      const server = api as ApiServer;
      server.setFaults('invalid:observations');
      // A cold load: the answers an earlier test kept (src/app/query-persist.ts) would show instead of the wait.
      await forgetKeptAnswers(page, served.url);
      await openApp(page, served.url, 'view=explorer&lang=fr', { expectWorker: false });
      const alert = page.locator('main [role="alert"]').filter({ hasText: 'réponse invalide' }).first();
      await alert.waitFor({ state: 'visible', timeout: WAIT });
      const text = await alert.innerText();
      expect(text).toMatch(/Observations.*réponse invalide — le champ \S+ n’a pas la forme attendue/s);
      expect(text).not.toMatch(/expected \w+, received/);
      expect(text).toContain('Réessayer');
      const details = alert.locator('details');
      await details.locator('summary', { hasText: 'Détail technique' }).click();
      expect(await details.locator('code').innerText()).toMatch(/^\/observations: \S+ /);
      server.setFaults('');
    },
  );
});
