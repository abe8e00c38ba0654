/**
 * Issue 7 (B2): a chart of all 75 provinces is painted on one canvas inside the recharts chart.
 * In real Chromium, on the stress dataset, through the "All provinces" quick pick: the canvas has
 * pixels in several palette colours, hover names the nearest lines, the keyboard focus ring still
 * moves over the points and announces them, the lines are there again after leaving the chart tab and
 * coming back, a theme change repaints them in the theme's colours, and in Arabic the earliest period
 * is on the right.
 *
 * Own build and ports: `MOUCHIR_DIST=.tmp/dist-c npx vitest run --project e2e tests/e2e/many-lines.test.ts`
 * (server on 4390).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORICAL, CATEGORICAL_DARK } from '../../src/transforms/palette.ts';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  LINE_SELECTOR,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const WAIT = 60_000;
const CANVAS = 'canvas.line-chart__canvas';

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await serveDist({ port: 4390 });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Painted pixels of the line canvas, and how many of them are (nearly) each given colour. */
async function canvasPixels(
  page: Page,
  palette: readonly string[],
): Promise<{ painted: number; perColour: number[]; width: number }> {
  return page
    .locator(CANVAS)
    .first()
    .evaluate((el, colours) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!data) return { painted: 0, perColour: colours.map(() => 0), width: c.width };
      const rgb = colours.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)));
      const perColour = colours.map(() => 0);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        // Only opaque pixels: anti-aliased edges mix with the transparent background.
        if ((data[i + 3] ?? 0) < 250) continue;
        painted++;
        rgb.forEach(([r = 0, g = 0, b = 0], k) => {
          const d = Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b);
          if (d <= 24) perColour[k] = (perColour[k] ?? 0) + 1;
        });
      }
      return { painted, perColour, width: c.width };
    }, palette);
}

/**
 * Topmost painted row (device px) in the leftmost and in the rightmost 3 % of the canvas: where the
 * highest value near each end of the time axis is drawn.
 */
async function edgeTops(page: Page): Promise<{ left: number; right: number }> {
  return page
    .locator(CANVAS)
    .first()
    .evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      const strip = Math.max(2, Math.round(c.width * 0.03));
      const top = (from: number, to: number) => {
        for (let y = 0; y < c.height; y++) {
          for (let x = from; x < to; x++) if ((data?.[(y * c.width + x) * 4 + 3] ?? 0) >= 250) return y;
        }
        return -1;
      };
      return { left: top(0, strip), right: top(c.width - strip, c.width) };
    });
}

/** Colours (of `palette`) that own at least `min` opaque pixels. */
function coloursSeen(perColour: number[], min = 20): number {
  return perColour.filter((n) => n >= min).length;
}

/** Centre of the keyboard focus ring, relative to the canvas's left edge and as a share of its width. */
async function focusRingX(page: Page): Promise<number> {
  const ring = await page.locator('.focus-ring circle').first().boundingBox();
  const canvas = await page.locator(CANVAS).first().boundingBox();
  if (!ring || !canvas) throw new Error('no focus ring or no canvas');
  return (ring.x + ring.width / 2 - canvas.x) / canvas.width;
}

async function allProvinces(page: Page, lang: 'fr' | 'ar'): Promise<void> {
  await openApp(page, served.url, `view=explorer&dataset=stress&indicator=synthetic-02&lang=${lang}`);
  await page
    .getByRole('button', { name: lang === 'fr' ? 'Toutes les provinces' : 'كل الأقاليم', exact: true })
    .click({ timeout: WAIT });
  await page.locator(`${CANVAS}[data-lines="75"]`).waitFor({ state: 'visible', timeout: WAIT });
}

describe('a chart of 75 lines (canvas layer)', () => {
  it('paints every province in palette colours, names the nearest lines on hover, keeps the focus ring, is painted after leaving the tab and coming back, repaints on a theme change', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await allProvinces(page, 'fr');
    expect(await countChartLines(page)).toBe(75);
    expect(await page.locator(LINE_SELECTOR).count()).toBe(0);
    const legend = page.getByRole('list', { name: 'Légende' }).first();
    expect(await legend.getByRole('listitem').count()).toBe(75);

    const light = await canvasPixels(page, CATEGORICAL);
    expect(light.painted).toBeGreaterThan(5_000);
    // 75 lines cycle through the 12 palette colours; many overlap, but most colours must show.
    expect(coloursSeen(light.perColour)).toBeGreaterThanOrEqual(6);

    // Hover: a card with the period and the nearest lines' values, the nearest line highlighted.
    // On screen first: the stress banner (issue 14) pushes the chart's lower part below a 900 px viewport.
    await page.locator(CANVAS).first().scrollIntoViewIfNeeded();
    const box = await page.locator(CANVAS).first().boundingBox();
    if (!box) throw new Error('canvas has no box');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.85);
    const card = page.locator('.line-canvas__card').first();
    await card.waitFor({ state: 'visible', timeout: WAIT });
    const cardText = await card.innerText();
    expect(cardText).toMatch(/\b20(1[5-9]|2[0-5])\b/);
    expect(cardText).toContain('75 courbes');
    expect(await page.locator('.line-canvas__highlight path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await page.mouse.move(1, 1);
    await card.waitFor({ state: 'detached', timeout: WAIT });

    // Keyboard: the focus ring moves over the canvas-drawn points and the live region announces them.
    const group = page.getByRole('group', { name: /Points du graphique/ }).first();
    await group.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const live = page.locator('.line-chart [aria-live="polite"]').first();
    await expect.poll(() => live.textContent(), { timeout: WAIT }).toMatch(/^.+, .+ : .+$/);
    const announced = (await live.textContent()) ?? '';
    const secondName = (await legend.getByRole('listitem').nth(1).locator('span').nth(1).textContent()) ?? '';
    expect(announced.startsWith(`${secondName}, `)).toBe(true);
    expect(announced).toMatch(/déc\. 2025 : [\d.]+/);
    const ringEnd = await focusRingX(page);
    await page.keyboard.press('Home');
    await expect.poll(() => live.textContent(), { timeout: WAIT }).toMatch(/janv?\. 2015/);
    const ringStart = await focusRingX(page);
    // Left to right in French: January 2015 at the left edge, December 2025 at the right one.
    expect(ringStart).toBeLessThan(0.05);
    expect(ringEnd).toBeGreaterThan(0.95);

    // Leaving the chart tab and coming back shows the painted lines again (no blank canvas).
    expect(await page.getByRole('group', { name: /flèches/ }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Tableau' }).click();
    await page.getByRole('table').first().waitFor({ timeout: WAIT });
    expect(await countChartLines(page)).toBe(0);
    // The kept chart tab is out of sight, of the tab order and of the accessibility tree meanwhile.
    expect(await page.locator('.line-chart__plot').first().isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: /flèches/ }).count()).toBe(0);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-kept-tab]') === null)).toBe(true);
    }
    await page.getByRole('tab', { name: 'Graphique' }).click();
    await page.locator(`${CANVAS}[data-lines="75"]`).first().waitFor({ state: 'visible', timeout: WAIT });
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(75);
    const again = await canvasPixels(page, CATEGORICAL);
    expect(again.painted).toBeGreaterThan(5_000);
    expect(coloursSeen(again.perColour)).toBeGreaterThanOrEqual(6);

    // A theme change repaints with the dark theme's series colours (CSS variables resolved again).
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });
    await expect
      .poll(async () => coloursSeen((await canvasPixels(page, CATEGORICAL_DARK)).perColour), { timeout: WAIT })
      .toBeGreaterThanOrEqual(6);
    expect(coloursSeen((await canvasPixels(page, CATEGORICAL)).perColour)).toBeLessThan(coloursSeen(light.perColour));
    expect(errors).toEqual([]);
  });

  it('in Arabic the time axis runs right to left on the canvas too: the earliest period is drawn on the right', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await page.evaluate(() => localStorage.clear());
    // The same chart in French first, to compare its two ends with the Arabic one.
    await allProvinces(page, 'fr');
    const fr = await edgeTops(page);
    expect(fr.left).toBeGreaterThanOrEqual(0);
    expect(fr.right).toBeGreaterThanOrEqual(0);
    // The synthetic series end higher than they start: the two ends are told apart by their height.
    expect(Math.abs(fr.left - fr.right)).toBeGreaterThan(10);
    await allProvinces(page, 'ar');
    expect(await countChartLines(page)).toBe(75);
    const group = page.getByRole('group', { name: /نقاط المبيان/ }).first();
    await group.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    const live = page.locator('.line-chart [aria-live="polite"]').first();
    await expect.poll(() => live.textContent(), { timeout: WAIT }).toContain('يناير 2015');
    expect(await focusRingX(page)).toBeGreaterThan(0.95);
    await page.keyboard.press('End');
    await expect.poll(() => live.textContent(), { timeout: WAIT }).toContain('دجنبر 2025');
    expect(await focusRingX(page)).toBeLessThan(0.05);

    // The pixels agree: the Arabic canvas is the French one mirrored (2015 on the right, 2025 on the left).
    const ar = await edgeTops(page);
    expect(Math.abs(ar.left - fr.right)).toBeLessThanOrEqual(3);
    expect(Math.abs(ar.right - fr.left)).toBeLessThanOrEqual(3);
    const pixels = await canvasPixels(page, CATEGORICAL);
    expect(coloursSeen(pixels.perColour)).toBeGreaterThanOrEqual(6);
    // The value axis sits on the right, beside the earliest period.
    const axis = await page
      .locator('.recharts-yAxis .recharts-cartesian-axis-line')
      .first()
      .getAttribute('orientation');
    expect(axis).toBe('right');
    expect(errors).toEqual([]);
  });
});
