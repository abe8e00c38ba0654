/**
 * Issue 16 item 4 in Chromium: a new deployment is picked up on the next visit through a "new version" prompt, never
 * a mix of old and new files.
 *
 * Two real builds that differ by their label (VITE_BUILD_LABEL, shown as `<html data-build>`): A is served and
 * visited until its offline copy is whole; the served folder is then replaced by B. A reload still runs A (from the
 * service worker's copy) and shows "Nouvelle version disponible"; the page keeps working on A's files (another view,
 * opened in-app, loads A's chunk) until "Recharger", after which it runs B, once, and every file it loaded is B's.
 *
 * Own builds (.tmp/dist-update-a, .tmp/dist-update-b) served from .tmp/dist-update-live, port 4472.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  buildIfMissing,
  collectConsoleErrors,
  countChartLines,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
  waitForApp,
} from './harness.ts';

const A = '.tmp/dist-update-a';
const B = '.tmp/dist-update-b';
const LIVE = '.tmp/dist-update-live';
const OUT = path.resolve('.tmp/update-e2e');
const WAIT = 30_000;
const QUERY = 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr';

/** Build `dir` with a label unless it is a fresh build with that label. */
function ensureBuild(dir: string, label: string): void {
  const index = path.join(dir, 'index.html');
  const labelled =
    fs.existsSync(path.join(dir, '.label')) && fs.readFileSync(path.join(dir, '.label'), 'utf8') === label;
  if (buildIfMissing(dir, { VITE_BUILD_LABEL: label }, !labelled || isBuildStale(dir) || !fs.existsSync(index))) {
    fs.writeFileSync(path.join(dir, '.label'), label);
  }
}

/** Serve `dir` from the live folder (its previous content removed first). */
function deploy(dir: string): void {
  fs.rmSync(LIVE, { recursive: true, force: true });
  fs.cpSync(dir, LIVE, { recursive: true });
}

/** The hashed files of a build (`assets/…`). */
function assetsOf(dir: string): Set<string> {
  return new Set(fs.readdirSync(path.join(dir, 'assets')).filter((f) => !/\.(br|gz)$/.test(f)));
}

/** The `assets/` files the page has loaded so far (resource timing: what the page used, whatever answered it). */
async function loadedAssets(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return urls
    .map((u) => new URL(u).pathname)
    .filter((p) => p.startsWith('/assets/'))
    .map((p) => p.slice('/assets/'.length));
}

describe('a new deployment: the "new version" prompt', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    ensureBuild(A, 'build-a');
    ensureBuild(B, 'build-b');
    deploy(A);
    served = await serveDist({ dir: LIVE, port: 4472 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('the old build keeps running until Recharger, then the new one runs whole', { timeout: 150_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const aFiles = assetsOf(A);
    const bFiles = assetsOf(B);
    // Files only one build has (the label changes the entry chunk, hence every file naming it).
    const onlyA = [...aFiles].filter((f) => !bFiles.has(f));
    const onlyB = [...bFiles].filter((f) => !aFiles.has(f));
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyB.length).toBeGreaterThan(0);
    await openApp(page, served.url, QUERY);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady, undefined, { timeout: WAIT });
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('build-a');
    const prompt = page.getByTestId('update-prompt');
    expect(await prompt.count()).toBe(0);

    deploy(B);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForApp(page, WAIT);
    await prompt.waitFor({ timeout: WAIT });
    expect(await prompt.getByRole('heading').textContent()).toBe('Nouvelle version disponible');
    // Still build A, whole: its label, its chart, and only A's files.
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('build-a');
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    // Another view, opened in the page, loads A's chunk (kept while B waits), not B's.
    await page.getByRole('navigation', { name: 'Vues' }).getByRole('link', { name: 'Projets', exact: true }).click();
    await expect.poll(() => page.locator('article[data-project]').count(), { timeout: WAIT }).toBeGreaterThan(0);
    const beforeUpdate = await loadedAssets(page);
    expect(beforeUpdate.filter((f) => onlyA.includes(f)).length).toBeGreaterThan(0);
    expect(beforeUpdate.filter((f) => !aFiles.has(f))).toEqual([]);

    // Looked at, in French and Arabic, at desktop and phone width (.tmp/update-e2e/update-prompt-<lang>-<width>.png).
    fs.mkdirSync(OUT, { recursive: true });
    for (const lang of ['fr', 'ar']) {
      if (lang === 'ar') await page.locator('header').getByRole('combobox', { name: 'Langue' }).selectOption('ar');
      await prompt.getByRole('button').first().waitFor();
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.screenshot({ path: path.join(OUT, `update-prompt-${lang}-${width}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(await prompt.getByRole('heading').textContent()).toBe('يتوفر إصدار جديد');

    // A second tab on the old build: it is told too, and reloads into B on its own button after the first tab accepted.
    const other = await browser.context.newPage();
    await openApp(other, served.url, QUERY);
    expect(await other.evaluate(() => document.documentElement.dataset.build)).toBe('build-a');
    const otherPrompt = other.getByTestId('update-prompt');
    await otherPrompt.waitFor({ timeout: WAIT });
    await other.waitForFunction(() => document.documentElement.dataset.offlineReady, undefined, { timeout: WAIT });
    await page.bringToFront();

    // Keyboard reachable: the prompt's button takes the focus and Enter accepts.
    const reload = prompt.getByRole('button', { name: 'إعادة التحميل', exact: true });
    await reload.focus();
    await Promise.all([page.waitForEvent('load', { timeout: WAIT }), page.keyboard.press('Enter')]);
    await waitForApp(page, WAIT);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.build), { timeout: WAIT })
      .toBe('build-b');
    await expect.poll(() => page.locator('article[data-project]').count(), { timeout: WAIT }).toBeGreaterThan(0);
    const afterUpdate = await loadedAssets(page);
    expect(afterUpdate.filter((f) => onlyB.includes(f)).length).toBeGreaterThan(0);
    expect(afterUpdate.filter((f) => !bFiles.has(f))).toEqual([]);
    expect(await prompt.count()).toBe(0);
    // The other tab: still A, still offering the reload (the worker now in control is B's); its button loads B.
    expect(await other.evaluate(() => document.documentElement.dataset.build)).toBe('build-a');
    await otherPrompt.waitFor({ timeout: WAIT });
    await other.bringToFront();
    await Promise.all([
      other.waitForEvent('load', { timeout: WAIT }),
      otherPrompt.getByRole('button', { name: 'Recharger', exact: true }).click(),
    ]);
    await expect
      .poll(() => other.evaluate(() => document.documentElement.dataset.build), { timeout: WAIT })
      .toBe('build-b');
    await other.close();
    // B's copy completes; the worker now in control is B's.
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady, undefined, { timeout: WAIT });
    expect(errors).toEqual([]);
  });
});
