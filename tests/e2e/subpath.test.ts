/**
 * Issue 2 item 8: the same build served under `/mouchir/` works — assets, the worker (its script
 * and scope under the sub-path) and the API — with no server rewrites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request, Response } from 'playwright-core';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  pickChartableSelection,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

describe('the build under a sub-path (/mouchir/)', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist({ basePath: '/mouchir/' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads every asset, registers the worker and charts data from /mouchir/', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const requests: Request[] = [];
    const failed: string[] = [];
    const apiResponses: Response[] = [];
    page.on('request', (r) => requests.push(r));
    page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (new URL(r.url()).pathname.includes('/api/v1/')) apiResponses.push(r);
    });

    expect(served.url).toMatch(/\/mouchir\/$/);
    await openApp(page, served.url);
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { script: navigator.serviceWorker.controller?.scriptURL ?? null, scope: reg?.scope ?? null };
    });
    expect(new URL(sw.script ?? 'about:blank').pathname).toBe('/mouchir/mockServiceWorker.js');
    expect(new URL(sw.scope ?? 'about:blank').pathname).toBe('/mouchir/');

    const selection = await pickChartableSelection(page, served.url, 2);
    const [a, b] = selection.territories as [string, string];
    await openApp(page, served.url, `view=explorer&indicator=${selection.indicator}&territories=${a},${b}`);
    await expect.poll(() => countChartLines(page), { timeout: 20_000 }).toBe(2);

    const origin = new URL(served.url).origin;
    const ownPaths = requests
      .map((r) => new URL(r.url()))
      .filter((u) => u.origin === origin)
      .map((u) => u.pathname);
    expect(ownPaths.length).toBeGreaterThan(3);
    expect(ownPaths.filter((p) => !p.startsWith('/mouchir/'))).toEqual([]);
    expect(apiResponses.length).toBeGreaterThan(0);
    expect(
      apiResponses.filter((r) => !new URL(r.url()).pathname.startsWith('/mouchir/api/v1/')).map((r) => r.url()),
    ).toEqual([]);
    expect(apiResponses.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});
