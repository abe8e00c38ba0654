/**
 * Issue 16: in a production build the mock API runs inside the service worker (src/sw/mock-api.ts), with the same MSW
 * handlers, so the page downloads and runs no MSW. In the built app:
 * - the default view draws and no script the page loaded carries MSW;
 * - `/api/v1/openapi.json` answers with the full document (its generator runs in the worker, on demand);
 * - `?dataset=stress` reaches the worker with each of the app's requests and serves the synthetic catalogue, which the
 *   app draws — without a console error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/contract/openapi.ts';
import {
  collectConsoleErrors,
  countChartLines,
  distDir,
  launchBrowser,
  openApp,
  recordApiAnswers,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

/** Whether a built script carries MSW (its log prefix is in every MSW build, minified or not). */
function carriesMsw(dist: string, url: string): boolean {
  const file = path.join(dist, new URL(url).pathname.replace(/^\//, ''));
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('[MSW]');
}

describe('the mock API in the service worker (built app)', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('the default view draws with no MSW in the page; openapi.json answers on demand', async () => {
    browser = await launchBrowser();
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openApp(page, served.url, 'view=explorer');
    await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((s) => carriesMsw(distDir(), s))).toEqual([]);
    // The detector finds MSW where it is: in the worker's script.
    expect(carriesMsw(distDir(), new URL('sw.js', served.url).href)).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/\/sw\.js$/);

    const doc = await page.evaluate(async () => {
      const res = await fetch(new URL('api/v1/openapi.json', document.baseURI).href);
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(doc.status).toBe(200);
    expect(doc.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(errors).toEqual([]);
    await browser.close();
  });

  it('?dataset=stress serves the synthetic catalogue to the app, which draws it', async () => {
    browser = await launchBrowser();
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const catalogues = recordApiAnswers<{ id: string; category: string; status: string }>(page, 'indicators').answers;
    await openApp(page, served.url, 'view=explorer&dataset=stress');
    await expect.poll(() => catalogues.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const indicators = catalogues[0] ?? [];
    expect(indicators).toHaveLength(40);
    expect(indicators.every((i) => i.category === 'synthetic' && i.status === 'illustrative')).toBe(true);
    await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBeGreaterThan(0);
    // A request without the page's switch (the test's own) gets the shipped catalogue: nothing is kept per worker.
    const plain = await page.evaluate(async () => {
      const res = await fetch(new URL('api/v1/indicators', document.baseURI).href);
      return ((await res.json()) as { data: { id: string }[] }).data.filter((i) => i.id.startsWith('synthetic-'))
        .length;
    });
    expect(plain).toBe(0);
    expect(errors).toEqual([]);
    await browser.close();
  });
});
