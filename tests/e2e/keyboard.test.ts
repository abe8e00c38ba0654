/**
 * Issue 6, keyboard only: no mouse event is sent in this file. From the top of the explorer, Tab reaches the
 * territory filter, a territory is searched and checked (the list is one tab stop), arrow keys move through the chart's points (the
 * aria-live region says territory, period and value), the export menu exports a PNG (a real download with
 * the PNG signature), and on the map (one tab stop) arrows move between territories, the live region names
 * them, and Enter toggles one. Every control that takes focus on the way must show it (a non-'none' outline or a
 * box-shadow while it matches :focus-visible; on the map, the focus ring drawn over the focused territory).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await serveDist({ port: 4381 });
  browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** What the focused element looks like: a short description and whether its focus is visible. */
interface FocusProbe {
  what: string;
  visible: boolean;
  focusVisible: boolean;
}

async function probeFocus(page: Page): Promise<FocusProbe> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', visible: false, focusVisible: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    // A map territory: its ring is drawn over the neighbours (a stroke on the path would be half hidden).
    const ring =
      el.closest('.choropleth') !== null && el.closest('svg')?.querySelector('.choropleth__focus-ring') != null;
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
    return {
      what: `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''} "${name}"`,
      visible: outline || shadow || ring,
      focusVisible: el.matches(':focus-visible'),
    };
  });
}

/**
 * Press Tab (or Shift+Tab) until `done` holds for the focused element, checking the focus is visible at every
 * stop. Returns the controls passed whose focus was not visible.
 */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 80, key = 'Tab'): Promise<string[]> {
  const invisible: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const p = await probeFocus(page);
    if (p.what !== 'body' && !(p.focusVisible && p.visible)) invisible.push(p.what);
    if (await done()) return invisible;
  }
  throw new Error(`focus never reached the target after ${max} × ${key}`);
}

function focused(page: Page, test: string): () => Promise<boolean> {
  return () => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, test);
}

describe('keyboard-only journey', () => {
  it(
    'Tab to the filter, select a territory, walk the points, export a PNG, walk and toggle the map',
    { timeout: 300_000 },
    async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, 'view=explorer&tab=chart&indicator=unemployment-rate&territories=MA-06');
      await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(1);
      const invisible: string[] = [];

      // From the top of the document: the skip link first, then the header, to the filter's search box.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      invisible.push(...(await tabUntil(page, focused(page, '.territory-filter input[type="search"]'))));
      await page.keyboard.type('Marrakech');
      // The territory list is one tab stop (issue 16): the region select, then the list, on its first match.
      invisible.push(...(await tabUntil(page, focused(page, '.territory-filter input[type="checkbox"]'), 2)));
      expect(await page.locator('.territory-filter input[type="checkbox"][tabindex="0"]').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent)).toContain(
        'Marrakech-Safi',
      );
      await page.keyboard.press('Space');
      await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(2);

      // On to the chart's points.
      invisible.push(...(await tabUntil(page, focused(page, '.line-chart__plot'))));
      const live = page.locator('.line-chart [aria-live="polite"]');
      await page.keyboard.press('End');
      await expect.poll(() => live.innerText()).toMatch(/^Casablanca-Settat, 2024 : \d+,\d\u202f%$/);
      await page.keyboard.press('ArrowLeft');
      // A 2014 point has its own source (the 2014 census), and the announcement says it (issue 14).
      await expect
        .poll(() => live.innerText())
        .toMatch(/^Casablanca-Settat, 2014 : \d+,\d\u202f%(\. Source : HCP .+)?$/);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => live.innerText()).toMatch(/^Marrakech-Safi, 2014 : \d+,\d\u202f%(\. Source : HCP .+)?$/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => live.innerText()).toMatch(/^Marrakech-Safi, 2024 : \d+,\d\u202f%$/);
      expect(await page.locator('.focus-ring circle').count()).toBe(2);

      // The export menu: open it with Enter, Tab to the PNG download, Enter, get a real PNG.
      invisible.push(...(await tabUntil(page, focused(page, '.xm-trigger'))));
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').first().waitFor({ timeout: 30_000 });
      const pngButton = `.xm-dialog button`;
      invisible.push(
        ...(await tabUntil(page, () =>
          page.evaluate((sel) => {
            const el = document.activeElement;
            return (
              !!el?.matches(sel) &&
              (el.textContent ?? '').includes('PNG') &&
              (el.textContent ?? '').includes('Télécharger')
            );
          }, pngButton),
        )),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.keyboard.press('Enter'),
      ]);
      const file = await download.path();
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(file);
      expect(download.suggestedFilename()).toMatch(/\.png$/);
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(bytes.length).toBeGreaterThan(2_000);
      // The button is disabled while the export runs; keyboard focus must come back to it afterwards (not <body>).
      await expect
        .poll(
          () =>
            page.evaluate(
              () =>
                document.activeElement?.closest('.xm-dialog') !== null && document.activeElement?.tagName === 'BUTTON',
            ),
          {
            timeout: 30_000,
          },
        )
        .toBe(true);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').first().waitFor({ state: 'hidden', timeout: 10_000 });
      // Escape gives focus back to the menu button.
      expect(await focused(page, '.xm-trigger')()).toBe(true);

      // The map without a mouse: back to the tabs, arrow to "Carte", Tab into the map (one stop), arrows move
      // between territories and the live region names them, Enter toggles one.
      invisible.push(...(await tabUntil(page, focused(page, '[role="tab"]'), 80, 'Shift+Tab')));
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByRole('tab', { name: 'Carte' }).getAttribute('aria-selected')).toBe('true');
      await page.locator('.choropleth path[role="button"]').first().waitFor({ timeout: 30_000 });
      invisible.push(...(await tabUntil(page, focused(page, '.choropleth path[role="button"]'))));
      expect(await page.locator('.choropleth path[tabindex="0"]').count()).toBe(1);
      const code = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
      const first = await code();
      await page.keyboard.press('ArrowDown');
      await expect.poll(code).not.toBe(first);
      const shape = page.locator('.choropleth path[role="button"]:focus');
      const label = (await shape.getAttribute('aria-label')) ?? '';
      expect(label).toMatch(/\d/); // the value is in the accessible name, not only in the colour
      await expect
        .poll(() => page.locator('[data-map-announcer="true"]').innerText())
        .toContain(label.split(' :')[0] as string);
      const before = await shape.getAttribute('aria-pressed');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.choropleth path[role="button"]:focus').getAttribute('aria-pressed'))
        .toBe(before === 'true' ? 'false' : 'true');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.choropleth path[role="button"]:focus').getAttribute('aria-pressed'))
        .toBe(before);

      expect(invisible).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
