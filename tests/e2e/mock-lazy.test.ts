/**
 * Issue 7, B3: the browser mock loads the OpenAPI generator and the stress generator in chunks of their
 * own, only when asked, and swaps tough-cookie for a jar that keeps nothing. In the built app: the default
 * view fetches neither chunk, `/api/v1/openapi.json` still answers with the full document, and
 * `?dataset=stress` still serves the synthetic catalogue — without a console error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/contract/openapi.ts';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

/** Script files the page requested, by chunk name (`openapi`, `stress`, …). */
function scriptNames(urls: readonly string[]): string[] {
  return urls.map((u) => /\/assets\/([\w.-]+?)-[\w-]{8}\.js$/.exec(u)?.[1] ?? '').filter((n) => n !== '');
}

describe('mock API chunks loaded on demand (built app)', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('the default view draws without the openapi and stress chunks; openapi.json answers on demand', async () => {
    browser = await launchBrowser();
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openApp(page, served.url, 'view=explorer');
    await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(scriptNames(scripts)).toContain('browser');
    expect(scriptNames(scripts)).not.toContain('openapi');
    expect(scriptNames(scripts)).not.toContain('stress');

    const doc = await page.evaluate(async () => {
      const res = await fetch(new URL('api/v1/openapi.json', document.baseURI).href);
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(doc.status).toBe(200);
    expect(doc.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(scriptNames(scripts)).toContain('openapi');
    expect(errors).toEqual([]);
    await browser.close();
  });

  it('?dataset=stress loads the stress chunk and serves the synthetic catalogue', async () => {
    browser = await launchBrowser();
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openApp(page, served.url, 'view=explorer&dataset=stress');
    expect(scriptNames(scripts)).toContain('stress');
    const indicators = await page.evaluate(async () => {
      const res = await fetch(new URL('api/v1/indicators', document.baseURI).href);
      return ((await res.json()) as { data: { id: string; category: string; status: string }[] }).data;
    });
    expect(indicators).toHaveLength(40);
    expect(indicators.every((i) => i.category === 'synthetic' && i.status === 'illustrative')).toBe(true);
    await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await browser.close();
  });
});
