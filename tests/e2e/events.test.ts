/**
 * Events on the time axis in Chromium (issue 17 item 2), on its own build (`.tmp/dist-C`, rebuilt when older than
 * its sources) and ports 4530–4534:
 * - the AMO coverage chart shows the December 2022 AMO generalisation: a marker inside the plot, and under the chart
 *   the event with its source and a link to it;
 * - the keyboard reaches it (Tab from the chart), which highlights its marker and announces it;
 * - the exported picture has it: the composed SVG draws the rule and lists the event with its source in the footer,
 *   and the PNG differs from the same PNG with events off where the rule is (kept in .tmp/events-e2e/ to look at);
 * - the "Événements" switch removes marker and list, the URL says `events=0`, and a reload keeps it off;
 * - the user's own event, added to a saved view in its panel, is drawn and listed as theirs ("Votre événement") on
 *   that view only, kept on reload and in the exported SVG;
 * - axe finds nothing on the chart with its events, in fr, ar and en.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  buildIfMissing,
  collectConsoleErrors,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { downloadFrom, pngSize } from './export-files.ts';

const PORT = 4530;
const DIST = '.tmp/dist-C';
const OUT = path.resolve('.tmp/events-e2e');
const WAIT = 30_000;
const QUERY = 'view=explorer&indicator=amo-coverage-rate&territories=MA';

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  if (isBuildStale(DIST)) buildIfMissing(DIST, {}, true);
  served = await serveDist({ dir: DIST, port: PORT });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const amoButton = (page: Page, name: RegExp = /déc\. 2022 — Généralisation de l’AMO/) =>
  page.locator('[data-chart-events] button').filter({ hasText: name });
const amoMarker = (page: Page) => page.locator('.line-chart [data-event-marker~="amo-generalisation"]');

/** The shared page on the AMO chart in French, once its December 2022 event is listed; with its console errors. */
async function openAmoChart(): Promise<{ page: Page; errors: string[] }> {
  const page = browser.page;
  const errors = collectConsoleErrors(page);
  await openApp(page, served.url, `${QUERY}&lang=fr`);
  await amoButton(page).waitFor({ state: 'visible', timeout: WAIT });
  return { page, errors };
}

/** Open the line chart's export menu. */
async function openMenu(page: Page): Promise<void> {
  const trigger = page.getByRole('button', { name: 'Exporter', exact: true }).first();
  await trigger.waitFor({ state: 'visible', timeout: WAIT });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('dialog').first().waitFor();
}

/** Decode two PNGs of the same size in the page and count the pixels that differ. */
function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const decode = async (b64: string) => {
        const bin = atob(b64);
        const arr = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
        const bmp = await createImageBitmap(new Blob([arr], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(bmp, 0, 0);
        return ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      };
      const [da, db] = await Promise.all([decode(x as string), decode(y as string)]);
      let n = 0;
      for (let i = 0; i < da.length; i += 4)
        if (Math.abs((da[i] ?? 0) - (db[i] ?? 0)) + Math.abs((da[i + 1] ?? 0) - (db[i + 1] ?? 0)) > 60) n++;
      return n;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

describe('events on the time axis (Chromium)', () => {
  it(
    'the AMO chart shows the December 2022 event with its source; the keyboard reaches it',
    { timeout: 120_000 },
    async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, `${QUERY}&lang=fr`);
      const button = amoButton(page);
      await button.waitFor({ state: 'visible', timeout: WAIT });
      const item = page.locator('[data-chart-events] li[data-event-id="amo-generalisation"]');
      await expect(item.textContent()).resolves.toMatch(/source : CNSS, « Chiffres de l’AMO Tadamon/);
      expect(await item.getByRole('link', { name: 'source' }).getAttribute('href')).toMatch(
        /^https:\/\/medias24\.com\//,
      );

      // The marker sits inside the plot, between the first and last period's ticks.
      await amoMarker(page).waitFor({ state: 'attached', timeout: WAIT });
      const box = await amoMarker(page).locator('line').boundingBox();
      const plot = await page.locator('.line-chart .recharts-cartesian-grid').first().boundingBox();
      expect(box && plot).toBeTruthy();
      if (box && plot) {
        expect(box.x).toBeGreaterThan(plot.x);
        expect(box.x).toBeLessThan(plot.x + plot.width);
      }

      // Keyboard: Tab from the chart's own stop reaches the event's button; its marker is highlighted and announced.
      // (Chromium also stops on recharts' z-index layers, <g> elements, on the way: up to 10 presses.)
      await page.locator('.line-chart__plot').first().focus();
      for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => amoMarker(page).getAttribute('class')).toContain('chart-event--active');
      await expect
        .poll(() => page.locator('[data-chart-events] [role="status"]').textContent())
        .toMatch(/Événement 1 marqué sur le graphique : déc\. 2022 — Généralisation/);
      await page.screenshot({ path: path.join(OUT, 'fr-highlighted.png') });
      expect(errors).toEqual([]);
    },
  );

  it(
    'the exports burn it in: composed SVG text, and the PNG differs from the one without events',
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openAmoChart();
      await openMenu(page);
      const svg = await downloadFrom(
        page,
        page.getByRole('button', { name: "Télécharger l'image SVG", exact: true }),
        OUT,
      );
      const withEvents = await downloadFrom(
        page,
        page.getByRole('button', { name: "Télécharger l'image PNG", exact: true }),
        OUT,
      );
      fs.copyFileSync(withEvents.file, path.join(OUT, 'look-fr-with-events.png'));
      // Parse in a blank page (the app's CSP would report the file's <style>).
      const blank = await browser.context.newPage();
      const info = await blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          markers: [...doc.querySelectorAll('g.events g.event')].map((g) => g.getAttribute('data-events')),
          footer: [...doc.querySelectorAll('text.event')].map((t) => t.textContent ?? '').join(' '),
        };
      }, svg.bytes.toString('utf8'));
      await blank.close();
      expect(info.errors).toBe(0);
      expect(info.markers).toContain('1');
      expect(info.footer).toContain('1 déc. 2022 — Généralisation de l’AMO');
      expect(info.footer).toContain('CNSS');

      // The same picture with events off: the rule and the footer line are gone from the pixels.
      await page.keyboard.press('Escape');
      await page.getByRole('checkbox', { name: 'Événements' }).uncheck();
      await page.locator('[data-chart-events]').waitFor({ state: 'detached', timeout: WAIT });
      await openMenu(page);
      const without = await downloadFrom(
        page,
        page.getByRole('button', { name: "Télécharger l'image PNG", exact: true }),
        OUT,
      );
      fs.copyFileSync(without.file, path.join(OUT, 'look-fr-without-events.png'));
      expect(pngSize(without.bytes)).toEqual(pngSize(withEvents.bytes));
      const { width, height } = pngSize(withEvents.bytes);
      // A dashed rule across the plot and a footer line: well over a thousand pixels at this size.
      expect(await differingPixels(page, withEvents.bytes, without.bytes)).toBeGreaterThan((width * height) / 2000);
      expect(errors).toEqual([]);
    },
  );

  it(
    'the switch turns events off: no marker, no list, events=0 in the URL, kept on reload',
    { timeout: 120_000 },
    async () => {
      const { page, errors } = await openAmoChart();
      const toggle = page.getByRole('checkbox', { name: 'Événements' });
      expect(await toggle.isChecked()).toBe(true);
      expect(new URL(page.url()).searchParams.get('events')).toBeNull();
      await toggle.uncheck();
      await page.locator('[data-chart-events]').waitFor({ state: 'detached', timeout: WAIT });
      expect(await page.locator('[data-event-marker]').count()).toBe(0);
      await expect.poll(() => new URL(page.url()).searchParams.get('events')).toBe('0');
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('.line-chart').first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await page.getByRole('checkbox', { name: 'Événements' }).isChecked()).toBe(false);
      expect(await page.locator('[data-event-marker]').count()).toBe(0);
      await page.getByRole('checkbox', { name: 'Événements' }).check();
      await amoButton(page).waitFor({ state: 'visible', timeout: WAIT });
      await expect.poll(() => new URL(page.url()).searchParams.get('events')).toBeNull();
      expect(errors).toEqual([]);
    },
  );

  it(
    "the user's own event, added to a saved view, is drawn as theirs on that view only, kept on reload and exported",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openAmoChart();

      // Save the view, then give it an event in the saved views panel.
      await page.locator('[data-saved-views-entry]').first().click();
      const panel = page.locator('dialog[data-saved-views-panel]');
      await panel.waitFor({ state: 'visible' });
      await panel.getByLabel('Nom de la vue').fill('Suivi AMO');
      await panel.getByRole('button', { name: 'Enregistrer cette vue' }).click();
      const item = panel.locator('li.sv-item').filter({ hasText: 'Suivi AMO' });
      await item.waitFor({ timeout: WAIT });
      await item.locator('[data-action="events"]').click();
      await panel.getByLabel(/^Période \(2023/).fill('2024-06');
      await panel.getByLabel('Ce qui s’est passé').fill('Réunion du comité régional');
      await panel.getByLabel(/^Lien \(facultatif/).fill('https://example.ma/compte-rendu');
      await panel.getByRole('button', { name: 'Ajouter l’événement' }).click();
      await item.locator('[data-action="events"]').filter({ hasText: '(1)' }).waitFor({ timeout: WAIT });
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });

      // On the chart: marked as the user's, beside the official events, with its link.
      const mine = page.locator('[data-chart-events] li.chart-events__item--user');
      await expect
        .poll(() => mine.textContent(), { timeout: WAIT })
        .toMatch(/Votre événement.*juin 2024 — Réunion du comité régional/);
      expect(await mine.getByRole('link').getAttribute('href')).toBe('https://example.ma/compte-rendu');
      expect(await amoButton(page).count()).toBe(1);
      expect(await page.locator('.line-chart [data-event-marker]').count()).toBeGreaterThan(1);

      // Burned into the exported picture: the SVG's footer lists it as the user's.
      await openMenu(page);
      const svg = await downloadFrom(
        page,
        page.getByRole('button', { name: "Télécharger l'image SVG", exact: true }),
        OUT,
      );
      const text = svg.bytes.toString('utf8');
      expect(text).toContain('Votre événement');
      expect(text).toContain('Réunion du comité régional');
      await page.keyboard.press('Escape');

      // Kept on reload; another selection (not the saved view) does not show it.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await expect.poll(() => mine.count(), { timeout: WAIT }).toBe(1);
      await openApp(page, served.url, 'view=explorer&indicator=amo-coverage-rate&territories=MA,MA-06&lang=fr');
      await amoButton(page).waitFor({ state: 'visible', timeout: WAIT });
      expect(await page.locator('[data-chart-events] li.chart-events__item--user').count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );

  for (const [lang, name] of [
    ['fr', /Généralisation de l’AMO/],
    ['ar', /تعميم التأمين الإجباري عن المرض/],
    ['en', /AMO generalisation/],
  ] as const) {
    it(`axe finds nothing on the chart with its events (${lang})`, { timeout: 120_000 }, async () => {
      const page = browser.page;
      await openApp(page, served.url, `${QUERY}&lang=${lang}`);
      const button = amoButton(page, name);
      await button.waitFor({ state: 'visible', timeout: WAIT });
      await button.focus();
      await expect.poll(() => amoMarker(page).getAttribute('class')).toContain('chart-event--active');
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'ar') await page.screenshot({ path: path.join(OUT, 'ar-highlighted.png'), fullPage: true });
    });
  }
});
