/**
 * Exports in Chromium, from the explorer's "Exporter" menu: each download is checked as a file.
 * PNG: IHDR size = chosen size × scale, and not blank (decoded in the page, pixel variance).
 * SVG: parses, holds title, legend entries and source. CSV: its rows equal the table tab.
 * PPTX: a valid zip with the expected slides, a native chart part holding the displayed values,
 * and the source text on the slide. No console error (CSP violations included) along the way.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeBuilder,
  collectConsoleErrors,
  openApp,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { downloadFrom, pngSize } from './export-files.ts';
import { parseCsv } from '../csv-reader.ts';

const PORT = 4350;
const OUT = path.resolve('.tmp/export-e2e');
// The language is remembered across visits, so every test states it.
const QUERY = 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr';

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT }, (s, b) => {
  served = s;
  browser = b;
});

/** Open the export menu of the line chart. */
async function openMenu(page: Page, name = 'Exporter'): Promise<void> {
  const trigger = page.getByRole('button', { name, exact: true }).first();
  await trigger.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('dialog').first().waitFor();
}

/** Click an export button and return the downloaded file's name and bytes. */
function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  return downloadFrom(page, page.getByRole('button', { name: button, exact: true }), OUT);
}

/** Decode a PNG in the page and measure it: luminance spread, and the corner pixel's alpha. */
function pixelStats(page: Page, bytes: Buffer): Promise<{ variance: number; distinct: number; cornerAlpha: number }> {
  return page.evaluate(async (b64) => {
    const bin = atob(b64);
    const arr = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
    const bmp = await createImageBitmap(new Blob([arr], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let sum = 0;
    let sq = 0;
    let n = 0;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 37) {
      const l = 0.2126 * (data[i] ?? 0) + 0.7152 * (data[i + 1] ?? 0) + 0.0722 * (data[i + 2] ?? 0);
      sum += l;
      sq += l * l;
      n++;
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    const mean = sum / n;
    return { variance: sq / n - mean * mean, distinct: colours.size, cornerAlpha: data[3] ?? -1 };
  }, bytes.toString('base64'));
}

describe('exports from the explorer (Chromium)', () => {
  it('PNG at 16:9 ×2 and square ×1 transparent: exact pixel size, not blank', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, QUERY);
    await openMenu(page);
    const wide = await download(page, "Télécharger l'image PNG");
    expect(wide.name).toMatch(/^mouchir_population_ma-06-ma-07_\d{4}-\d{2}-\d{2}_3840x2160\.png$/);
    expect(pngSize(wide.bytes)).toEqual({ width: 3840, height: 2160 });
    const stats = await pixelStats(page, wide.bytes);
    expect(stats.variance).toBeGreaterThan(50);
    expect(stats.distinct).toBeGreaterThan(20);
    expect(stats.cornerAlpha).toBe(255);
    fs.copyFileSync(path.join(OUT, wide.name), path.join(OUT, 'look-fr-16x9@2.png'));

    await page.getByRole('radio', { name: 'Carré (1080 × 1080)' }).check();
    await page.getByRole('radio', { name: '1×' }).check();
    await page.getByRole('radio', { name: 'Transparent' }).check();
    const square = await download(page, "Télécharger l'image PNG");
    expect(pngSize(square.bytes)).toEqual({ width: 1080, height: 1080 });
    const sq = await pixelStats(page, square.bytes);
    expect(sq.cornerAlpha).toBe(0);
    expect(sq.variance).toBeGreaterThan(50);

    const measures = await page.evaluate(() =>
      performance.getEntriesByName('mouchir:export-png').map((e) => e.duration),
    );
    expect(measures).toHaveLength(2);
    console.log(`PNG render times (ms): ${measures.map((d) => d.toFixed(0)).join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('12 lines at 1920×1080 @2×: measured (performance.measure), reported, not asserted', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const all = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`).join(',');
    await openApp(page, served.url, `view=explorer&indicator=population&territories=${all}&lang=fr`);
    await openMenu(page);
    for (let i = 0; i < 3; i++) {
      const png = await download(page, "Télécharger l'image PNG");
      expect(pngSize(png.bytes)).toEqual({ width: 3840, height: 2160 });
    }
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByName('mouchir:export-png')
        .map((e) => ({ ms: Math.round(e.duration), detail: (e as PerformanceMeasure).detail as unknown })),
    );
    expect(measures.map((m) => m.detail)).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ width: 3840, height: 2160, series: 12 })),
    );
    console.log(`12-line 3840×2160 PNG render (ms, first includes font fetch): ${JSON.stringify(measures)}`);
    expect(errors).toEqual([]);
  });

  it('SVG parses and holds title, legend entries and source (menu open: no axe violation)', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, QUERY);
    await openMenu(page);
    const axe = await axeBuilder(page).include('.xm').analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
    const svg = await download(page, "Télécharger l'image SVG");
    expect(svg.name).toMatch(/\.svg$/);
    // Parse in a blank page: a DOMParser document built inside the app would report its <style>
    // against the app's CSP (style-src-elem 'self'), which says nothing about the exported file.
    const blank = await browser.context.newPage();
    const info = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        title: doc.querySelector('text.title')?.textContent ?? '',
        legend: [...doc.querySelectorAll('.legend-item text')].map((t) => t.textContent ?? ''),
        source: doc.querySelector('text.source')?.textContent ?? '',
        fonts: (text.match(/@font-face/g) ?? []).length,
      };
    }, svg.bytes.toString('utf8'));
    await blank.close();
    expect(info.errors).toBe(0);
    expect(info.title.length).toBeGreaterThan(3);
    expect(await page.getByText(info.title, { exact: true }).count()).toBeGreaterThan(0);
    expect(info.legend).toHaveLength(2);
    expect(info.legend.join('|')).toMatch(/Casablanca/);
    expect(info.source).toMatch(/^Source : /);
    expect(info.fonts).toBeGreaterThanOrEqual(2);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('CSV of the displayed data equals the table tab', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, QUERY.replace('lang=fr', 'lang=en'));
    await openMenu(page, 'Export');
    const csv = await download(page, 'Download CSV (displayed data)');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    // A citation, publisher first, then its link (issue 14).
    expect(rows.find((r) => r[0] === '# Source')?.[1]).toMatch(/^.+, “.+”.* — https?:\/\//);
    expect(rows.find((r) => r[0] === '# Status')?.[1]).toBe('Official');
    const start = rows.findIndex((r) => r[0] === 'Territory');
    const data = rows.slice(start + 1);
    expect(data.length).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.locator('table.data-table').first();
    await table.waitFor();
    const shown = await table.evaluate((t: HTMLTableElement) => {
      // Header text without decorative (aria-hidden) sort icons.
      const text = (c: Element) => {
        const copy = c.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
        return copy.textContent?.trim() ?? '';
      };
      const heads = [...t.tHead!.rows[0]!.cells].map(text);
      return [...t.tBodies[0]!.rows].map((r) => ({
        territory: r.cells[0] ? text(r.cells[0]) : '',
        cells: Object.fromEntries(
          [...r.cells].slice(1).map((c, i) => [heads[i + 1] ?? '', c.textContent?.trim() ?? '']),
        ),
      }));
    });
    // Same territories, and every (territory, period) of the CSV reads the same value on screen.
    expect([...new Set(data.map((r) => r[0]))]).toEqual(shown.map((s) => s.territory));
    const expected = await page.evaluate(
      (list) =>
        list.map(([v]) => {
          if (v === '') return 'n/a';
          const n = Number(v);
          return new Intl.NumberFormat('en-GB', { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 1 }).format(n);
        }),
      data.map((r) => [r[3] ?? '']),
    );
    data.forEach((r, i) => {
      const row = shown.find((s) => s.territory === r[0]);
      expect(row?.cells[r[2] ?? ''], `${r[0]} ${r[2]}`).toBe(expected[i]);
    });
    const tablePeriods = Object.keys(shown[0]?.cells ?? {}).filter((h) => /^\d{4}/.test(h));
    expect(data.length).toBe(shown.length * tablePeriods.length);
    expect(errors).toEqual([]);
  });

  it('PowerPoint: valid archive, native chart with the displayed values, source on the slide, image slide on request', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, QUERY);
    await openMenu(page);
    const csv = parseCsv(
      (await download(page, 'Télécharger le CSV (données affichées)')).bytes.toString('utf8').slice(1),
    );
    const values = csv
      .slice(csv.findIndex((r) => r[0] === 'Territoire') + 1)
      .map((r) => r[3] ?? '')
      .filter((v) => v !== '');
    const deck = await download(page, 'Télécharger le PowerPoint');
    expect(deck.name).toMatch(/^mouchir_population_ma-06-ma-07_\d{4}-\d{2}-\d{2}\.pptx$/);
    const zip = await JSZip.loadAsync(deck.bytes);
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(1);
    const chartParts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(chartParts).toHaveLength(1);
    const chartXml = (await zip.file(chartParts[0] ?? '')?.async('string')) ?? '';
    expect(chartXml).toContain('<c:lineChart>');
    for (const v of values) expect(chartXml).toContain(`<c:v>${v}</c:v>`);
    const slide = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(slide).toMatch(/Source : /);
    const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBe(1);
    expect((await zip.file(notes[0] ?? '')?.async('string')) ?? '').toContain('view=explorer');

    await page.getByRole('checkbox', { name: "Ajouter l'image composée en diapositive" }).check();
    const withImage = await JSZip.loadAsync((await download(page, 'Télécharger le PowerPoint')).bytes);
    expect(Object.keys(withImage.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2);
    expect(Object.keys(withImage.files).some((n) => /^ppt\/media\/image.*\.png$/.test(n))).toBe(true);
    fs.writeFileSync(path.join(OUT, 'look-fr.pptx'), deck.bytes);
    expect(errors).toEqual([]);
  });

  it('Arabic: the image is right to left, with the illustrative badge burned in', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(
      page,
      served.url,
      'view=explorer&indicator=asd-households-by-territory&territories=MA-06,MA-07,MA-01&lang=ar',
    );
    await openMenu(page, 'تصدير');
    const svg = await download(page, 'تنزيل الصورة SVG');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('direction="rtl"');
    expect(text).toContain('توضيحي — لا يُستشهد به');
    expect(text).toContain("font-family:'Noto Sans Arabic'");
    const png = await download(page, 'تنزيل الصورة PNG');
    expect(pngSize(png.bytes)).toEqual({ width: 3840, height: 2160 });
    fs.copyFileSync(path.join(OUT, png.name), path.join(OUT, 'look-ar-16x9@2.png'));
    const deck = await JSZip.loadAsync((await download(page, 'تنزيل ملف PowerPoint')).bytes);
    expect(await deck.file('ppt/presentation.xml')?.async('string')).toContain('rtl="1"');
    fs.writeFileSync(path.join(OUT, 'look-ar.pptx'), await deck.generateAsync({ type: 'nodebuffer' }));
    expect(errors).toEqual([]);
  });
});
