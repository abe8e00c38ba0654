/**
 * Issue 2 item 8: the same build served under `/mouchir/` works — assets, the worker (its script
 * and scope under the sub-path) and the API — with no server rewrites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request, Response } from 'playwright-core';
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
import { collectFailedRequests } from './request-failures.ts';

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
    const requests: Request[] = [];
    const apiResponses: Response[] = [];
    const watch = (p: Page) => {
      p.on('request', (r) => requests.push(r));
      p.on('response', (r) => {
        if (new URL(r.url()).pathname.includes('/api/v1/')) apiResponses.push(r);
      });
      return { errors: collectConsoleErrors(p), failed: collectFailedRequests(p) };
    };
    const overview = watch(page);

    expect(served.url).toMatch(/\/mouchir\/$/);
    await openApp(page, served.url);
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { script: navigator.serviceWorker.controller?.scriptURL ?? null, scope: reg?.scope ?? null };
    });
    // sw.js (issue 16: the offline copy, importing MSW's worker) under the sub-path, scoped to it.
    expect(new URL(sw.script ?? 'about:blank').pathname).toBe('/mouchir/sw.js');
    expect(new URL(sw.scope ?? 'about:blank').pathname).toBe('/mouchir/');

    const selection = await pickChartableSelection(page, served.url, 2);
    const [a, b] = selection.territories as [string, string];
    // The explorer in a page of its own: navigating this one away from the overview it may still be loading would
    // send that dying page's requests to the network once MSW lets its client go (seen in smoke.test.ts under load).
    const explorerPage = await browser.context.newPage();
    const explorer = watch(explorerPage);
    await openApp(explorerPage, served.url, `view=explorer&indicator=${selection.indicator}&territories=${a},${b}`);
    await expect.poll(() => countChartLines(explorerPage), { timeout: 20_000 }).toBe(2);

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
    expect([...overview.failed.real(), ...explorer.failed.real()]).toEqual([]);
    expect([...overview.errors, ...explorer.errors]).toEqual([]);
    await explorerPage.close();
  });

  it('still reports a real failure under the sub-path (a 404, a refused request), not its own navigation abort', async () => {
    const page = browser.page;
    const { context } = browser;
    await openApp(page, served.url);
    const failed = collectFailedRequests(page);
    // On the context: the page's fetch goes through the mock worker, whose own request only the context routes.
    await context.route('**/mouchir/refused-by-test.json', (route) => route.abort('failed'));
    let heldSeen: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (heldSeen = resolve));
    await page.route('**/mouchir/held-by-test.json', () => heldSeen()); // never answered
    try {
      // A file the build does not have (answered 404 through the worker), and a request the network refuses.
      await page.evaluate(async () => {
        await fetch('./missing-by-test.js').catch(() => undefined);
        await fetch('./refused-by-test.json').catch(() => undefined);
      });
      // A request still in flight when the test navigates: the navigation aborts it, which is no failure.
      // Sent from a blank page: a request of the app's page goes through the mock worker, and Chromium reports
      // no abort for it while the worker holds it.
      await page.goto('about:blank');
      await page.evaluate((url) => {
        void fetch(url, { mode: 'no-cors' }).catch(() => undefined);
      }, new URL('held-by-test.json', served.url).href);
      await held;
      // Navigating afterwards must not excuse the real failures: only ERR_ABORTED of the previous document is.
      await openApp(page, served.url);
      await expect
        .poll(() => failed.all().map((f) => `${f.error} ${new URL(f.url).pathname}`))
        .toContain('net::ERR_ABORTED /mouchir/held-by-test.json');
      expect(failed.real().map((line) => line.replace(served.url, '/mouchir/'))).toEqual([
        'HTTP 404 /mouchir/missing-by-test.js',
        expect.stringMatching(/^net::ERR_(?!ABORTED)\w+ \/mouchir\/refused-by-test\.json$/),
      ]);
    } finally {
      await context.unrouteAll();
      await page.unrouteAll();
    }
  });
});
