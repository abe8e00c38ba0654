/**
 * Presentation mode in Chromium: "Présenter" shows the current chart full screen (or as an overlay),
 * pinned views persist across reloads and play as slides, arrow keys move, the slide title is
 * announced, Escape leaves with focus back on the button; corrupt stored pins are reset with a
 * notice; axe finds no violation in the overlay.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeBuilder,
  collectConsoleErrors,
  launchBrowser,
  openApp,
  seedStorage,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PORT = 4351;
const VIEW_A = 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr';
const VIEW_B = 'view=explorer&indicator=households&territories=MA-01,MA-04,MA-06&lang=fr';

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

async function pinCurrentView(page: Page): Promise<void> {
  const trigger = page.getByRole('button', { name: 'Exporter', exact: true }).first();
  await trigger.click();
  await page.getByRole('button', { name: 'Épingler pour la présentation' }).click();
  await page.getByRole('button', { name: 'Retirer de la présentation' }).waitFor();
  await page.keyboard.press('Escape');
}

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

  it('plays pinned views after a reload, moving with the arrow keys and announcing each title', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, VIEW_A);
    await page.evaluate(() => localStorage.removeItem('mouchir.pins.v1'));
    await openApp(page, served.url, VIEW_A);
    await pinCurrentView(page);
    await openApp(page, served.url, VIEW_B);
    await pinCurrentView(page);
    await page.reload();
    await openApp(page, served.url, VIEW_A);
    const stored = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem('mouchir.pins.v1') ?? 'null') as { version: number; pins: { id: string }[] },
    );
    expect(stored.version).toBe(1);
    expect(stored.pins).toHaveLength(2);

    await page.getByRole('button', { name: 'Présenter les vues épinglées (2)' }).first().click();
    await page.getByRole('dialog', { name: 'Mode présentation' }).waitFor();
    await slideImageReady(page);
    const counter = page.locator('.pm-counter');
    expect(await counter.textContent()).toBe('1 / 2');
    const first = await page.locator('.pm-sr').textContent();
    await page.keyboard.press('ArrowRight');
    expect(await counter.textContent()).toBe('2 / 2');
    const second = await page.locator('.pm-sr').textContent();
    expect(first).toMatch(/^Diapositive 1 sur 2 : .+/);
    expect(second).toMatch(/^Diapositive 2 sur 2 : .+/);
    // Two different indicators were pinned: the announced titles differ.
    expect(second?.split(' : ')[1]).not.toBe(first?.split(' : ')[1]);
    await slideImageReady(page);
    await page.keyboard.press('PageUp');
    expect(await counter.textContent()).toBe('1 / 2');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Mode présentation' }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('resets corrupt stored pins with a notice and keeps working', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await seedStorage(page, served.url, { 'mouchir.pins.v1': '{"version":1,"pins":[{"id":1}]' });
    await openApp(page, served.url, VIEW_A);
    await page.getByRole('alert').filter({ hasText: 'illisibles et ont été réinitialisées' }).first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('mouchir.pins.v1'))).toBeNull();
    expect(await page.getByRole('button', { name: /Présenter les vues épinglées/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
