/**
 * Presentation mode in Chromium: "Présenter" shows the current chart full screen (or as an overlay), the slide
 * title is announced, Escape leaves with focus back on the button; axe finds no violation in the overlay.
 * The saved views played as a briefing (what the pinned views became, issue 17) are tests/e2e/briefing.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeBuilder,
  collectConsoleErrors,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PORT = 4351;
const VIEW_A = 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr';

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await serveDist({ port: PORT });
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The slide image is decoded and not empty. */
async function slideImageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.pm-stage img');
    return !!img && img.complete && img.naturalWidth === 1920;
  });
}

describe('presentation mode (Chromium)', () => {
  it('presents the current chart; Escape leaves and focus returns to the button', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, VIEW_A);
    const present = page.getByRole('button', { name: 'Présenter', exact: true }).first();
    await present.click();
    const dialog = page.getByRole('dialog', { name: 'Mode présentation' });
    await dialog.waitFor();
    await slideImageReady(page);
    expect(await page.locator('.pm-counter').textContent()).toBe('1 / 1');
    await page.screenshot({ path: '.tmp/presentation-e2e/look-presentation.png' });
    expect(await page.locator('.pm-sr').textContent()).toMatch(/^Diapositive 1 sur 1 : .+/);
    const alt = (await page.locator('.pm-stage img').getAttribute('alt')) ?? '';
    expect(alt).toMatch(/Source : /);
    const axe = await axeBuilder(page).include('.pm').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Présenter');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(errors).toEqual([]);
  });
});
