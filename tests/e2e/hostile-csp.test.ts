/**
 * Issue 8 item 5 in Chromium against the built app served by `npm start`'s server (scripts/serve.mjs):
 * the responses carry the CSP and the usual security headers; the built index.html has no inline script;
 * the browser really enforces the policy (an injected inline script is refused and reported); and a tour
 * of every view (overview, explorer chart/map/table, compare, projects) in the three languages reports no
 * CSP violation and no console error — zod runs jitless, nothing needs eval.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsp } from '../../scripts/csp.mjs';
import {
  CSP_VIOLATION_PREFIX,
  collectConsoleErrors,
  distDir,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const WAIT = 30_000;

describe('security headers and CSP in the browser', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist({ port: 4373 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('every kind of response carries the CSP and the security headers', async () => {
    const html = fs.readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const asset = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    for (const rel of ['', 'index.html', asset ?? '', 'mockServiceWorker.js', 'does-not-exist.js']) {
      const res = await fetch(new URL(rel, served.url));
      const csp = res.headers.get('content-security-policy') ?? '';
      const policy = parseCsp(csp);
      expect(policy.get('script-src'), rel).toEqual(["'self'"]);
      expect(policy.get('object-src'), rel).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), rel).toEqual(["'none'"]);
      expect(csp, rel).not.toMatch(/unsafe-eval|'unsafe-inline'.*script|\*/);
      expect(res.headers.get('x-content-type-options'), rel).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), rel).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), rel).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy'), rel).toBe('same-origin');
      expect(res.headers.get('permissions-policy'), rel).toMatch(/camera=\(\)/);
      await res.arrayBuffer();
    }
  });

  it('the built index.html has no inline script and no inline handler', () => {
    const html = fs.readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the browser enforces the policy: an injected inline script is refused and reported', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, '');
    await page.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan === true)).toBe(
      false,
    );
    await expect
      .poll(() => errors.some((e) => e.startsWith(CSP_VIOLATION_PREFIX) && e.includes('script-src')))
      .toBe(true);
  });

  it('no CSP violation nor console error on any view, in fr, ar and en', { timeout: 240_000 }, async () => {
    // A fresh tab: the previous test's deliberately refused script must not count here.
    const page = await browser.context.newPage();
    const errors = collectConsoleErrors(page);
    for (const lang of ['fr', 'ar', 'en']) {
      for (const q of [
        'view=overview',
        'view=explorer',
        'view=explorer&tab=map',
        'view=explorer&tab=table',
        'view=compare',
        'view=projects',
      ]) {
        await openApp(page, served.url, `${q}&lang=${lang}`);
        // Each view drew its data: a chart, a map, a table, cards or projects.
        await page
          .locator(
            'main figure:not([aria-busy]), main path.recharts-line-curve, main table, main article[data-project], main .mv-grid [role="listitem"], main svg',
          )
          .filter({ visible: true })
          .first()
          .waitFor({ state: 'visible', timeout: WAIT })
          .catch(async () => {
            const main = (
              await page
                .locator('main')
                .innerText()
                .catch(() => '')
            ).slice(0, 300);
            throw new Error(`${q}&lang=${lang}: nothing drawn within ${WAIT} ms; main says: ${main}`);
          });
        await page.waitForLoadState('networkidle', { timeout: WAIT }).catch(() => undefined);
      }
    }
    await page.close();
    expect(errors).toEqual([]);
  });
});
