/**
 * Map exports in Chromium (issue 13 item 5), from the explorer's map tab: the province map's PNG at 1920×1080 @2×
 * (exact size, not blank, the classes' colours and the hatching present) and its SVG (every province path, the
 * legend's ranges, the no-data pattern, source, status and the boundaries' attribution) in French and Arabic,
 * the map table's CSV (75 rows), and a pinned map (and the map shown, from the tab's Présenter) presented as
 * the map picture. The PNGs are kept in
 * .tmp/export-map-e2e/ to be looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { downloadFrom, pngSize } from './export-files.ts';

const PORT = 4457;
const OUT = path.resolve('.tmp/export-map-e2e');
const QUERY = 'view=explorer&tab=map&indicator=unemployment-rate&level=province&territories=MA-06';

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  served = await serveDist({ port: PORT });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const WORDS = {
  fr: {
    export: 'Exporter',
    png: "Télécharger l'image PNG",
    svg: "Télécharger l'image SVG",
    csv: 'Télécharger le CSV (tableau de la carte)',
    pin: 'Enregistrer la vue',
    attribution: "Limites administratives : © contributeurs d'OpenStreetMap (ODbL), via geoBoundaries",
    legend: 'Légende (%)',
    noData: 'Pas de données',
    status: 'Officiel',
  },
  ar: {
    export: 'تصدير',
    png: 'تنزيل الصورة PNG',
    svg: 'تنزيل الصورة SVG',
    csv: 'تنزيل CSV (جدول الخريطة)',
    pin: 'تثبيت للعرض التقديمي',
    attribution: 'الحدود الإدارية: © مساهمو OpenStreetMap (ODbL)، عبر geoBoundaries',
    legend: 'المفتاح (%)',
    noData: 'لا توجد بيانات',
    status: 'رسمي',
  },
} as const;

/** Open the map tab's export menu. */
async function openMapMenu(page: Page, name: string): Promise<void> {
  const trigger = page.locator('[data-map-exports] .xm-trigger');
  await trigger.waitFor({ state: 'visible', timeout: 30_000 });
  await expect.poll(() => trigger.textContent()).toBe(name);
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.locator('[data-map-exports] [role="dialog"]').waitFor();
}

function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer; file: string }> {
  return downloadFrom(page, page.locator('[data-map-exports]').getByRole('button', { name: button, exact: true }), OUT);
}

/** How many sampled pixels have each of these colours (exact match), decoded in the page. */
function colourCounts(page: Page, bytes: Buffer, colours: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ b64, wanted }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const bmp = await createImageBitmap(new Blob([arr], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bmp, 0, 0);
      const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      const counts: Record<string, number> = Object.fromEntries(wanted.map((c) => [c, 0]));
      for (let i = 0; i < data.length; i += 4 * 7) {
        const hex = `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
        if (hex in counts) counts[hex] = (counts[hex] ?? 0) + 1;
      }
      return counts;
    },
    { b64: bytes.toString('base64'), wanted: [...colours] },
  );
}

describe('map exports from the explorer map tab (Chromium)', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`province map PNG 1920×1080 @2× and SVG carry the map, legend, source and attribution (${lang})`, async () => {
      const w = WORDS[lang];
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, `${QUERY}&lang=${lang}`);
      await page.locator('svg.choropleth__svg path[data-code="MA-BES"]').first().waitFor({ timeout: 30_000 });
      await openMapMenu(page, w.export);

      const png = await download(page, w.png);
      expect(png.name).toMatch(
        /^mouchir_unemployment-rate-carte-provinces_tous-territoires_\d{4}-\d{2}-\d{2}_3840x2160\.png$/,
      );
      expect(pngSize(png.bytes)).toEqual({ width: 3840, height: 2160 });
      fs.copyFileSync(png.file, path.join(OUT, `look-map-${lang}-16x9@2.png`));
      // The light ramp's classes and the hatching's ground are drawn (not a blank or chart-only image).
      const counts = await colourCounts(page, png.bytes, ['#3e9ba9', '#2a78b0', '#2a579e', '#253494', '#081d58']);
      expect(Object.values(counts).filter((n) => n > 50).length).toBeGreaterThanOrEqual(4);

      const svg = await download(page, w.svg);
      expect(svg.name).toMatch(/^mouchir_unemployment-rate-carte-provinces_.*\.svg$/);
      const blank = await browser.context.newPage();
      const info = await blank.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          width: doc.documentElement.getAttribute('width'),
          codes: [...new Set([...doc.querySelectorAll('path.territory')].map((p) => p.getAttribute('data-code')))],
          title: doc.querySelector('text.title')?.textContent ?? '',
          legend: [...doc.querySelectorAll('.legend text')].map((t) => t.textContent ?? ''),
          pattern: doc.querySelectorAll('pattern#map-no-data').length,
          source: [...doc.querySelectorAll('text.source')].map((t) => t.textContent).join(' '),
          attribution: [...doc.querySelectorAll('text.attribution')].map((t) => t.textContent).join(' '),
          badge: doc.querySelector('.status-badge text')?.textContent ?? '',
          fonts: (text.match(/@font-face/g) ?? []).length,
        };
      }, svg.bytes.toString('utf8'));
      await blank.close();
      expect(info.errors).toBe(0);
      expect(info.width).toBe('1920');
      expect(info.codes).toHaveLength(75);
      expect(info.codes).toContain('MA-BES');
      expect(info.title).toContain('2024');
      expect(info.legend[0]).toBe(w.legend);
      expect(info.legend.filter((l) => l.includes('%')).length).toBeGreaterThanOrEqual(4);
      expect(info.pattern).toBe(1);
      expect(info.source).toContain('HCP');
      expect(info.attribution.replace(/\s+/g, ' ')).toBe(w.attribution);
      expect(info.badge).toBe(w.status);
      expect(info.fonts).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  }

  it('CSV is the map table: one row per province with its value or reason', async () => {
    const page = browser.page;
    await openApp(page, served.url, `${QUERY}&lang=fr`);
    await openMapMenu(page, 'Exporter');
    const csv = await download(page, WORDS.fr.csv);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF# Titre,')).toBe(true);
    expect(text).toContain('# Limites,"Limites administratives');
    const rows = text.split('\r\n').filter((l) => /^[^#].*,MA-[A-Z]{3},/.test(l));
    expect(rows).toHaveLength(75);
    expect(rows.some((r) => r.startsWith('Benslimane,MA-BES,2024,'))).toBe(true);
  });

  it('a map view saved from the export menu keeps its map (pins became saved views, issue 17)', async () => {
    const page = browser.page;
    await openApp(page, served.url, `${QUERY}&lang=fr`);
    await page.evaluate(() => indexedDB.deleteDatabase('mouchir-saved-views'));
    await page.reload();
    await openMapMenu(page, 'Exporter');
    await page.locator('[data-map-exports]').getByRole('button', { name: WORDS.fr.pin }).click();
    await page.locator('[data-map-exports]').getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-map-exports] .xm-status').textContent())
      .toContain('Vue enregistrée sous');
    // The saved view keeps the map it showed (IndexedDB `mouchir-saved-views`, store `views`).
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('mouchir-saved-views');
          open.onerror = () => reject(new Error('open failed'));
          open.onsuccess = () => {
            const req = open.result.transaction('views').objectStore('views').getAll();
            req.onsuccess = () => {
              resolve(JSON.stringify(req.result));
              open.result.close();
            };
          };
        }),
    );
    expect(stored).toContain('"level":"province"');
    // Playing it (the map picture) is the briefing's: tests/e2e/briefing.test.ts.
    await page.keyboard.press('Escape');

    // "Présenter" on the map tab presents the map shown, not its chart.
    await page.getByRole('button', { name: 'Présenter', exact: true }).first().click();
    const img = page.locator('.pm-stage img');
    await img.waitFor({ timeout: 30_000 });
    expect(await img.getAttribute('alt')).toContain('OpenStreetMap');
    await page.keyboard.press('Escape');
  });
});
