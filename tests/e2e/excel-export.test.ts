/**
 * Issue 17 item 3 "done when": the French-Excel CSV and the XLSX of the real data, downloaded from the export menu
 * in Chromium, read back with the right numbers and types. The AMO Tadamon chart (monthly periods, six points from
 * data/observations/programmes.json) in French and Arabic: the CSV has the column names on its first line, `;`,
 * decimal commas, months as text (2022‑12), the header lines after the table; the workbook (read with the
 * project's XLSX reader) has number cells equal to the data, period cells as text, a frozen header, an RTL sheet in
 * Arabic, a Sources sheet naming each point's source. The writer's chunk is not requested before the click. The
 * map's table goes out the same way.
 *
 * Own build (.tmp/dist-excel) and ports 4510–4511.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../src/import/xlsx.ts';
import { parseCsv } from '../csv-reader.ts';
import { downloadFrom } from './export-files.ts';
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

const DIST = '.tmp/dist-excel';
const OUT = path.resolve('.tmp/excel-export-e2e');
const AMO = 'view=explorer&tab=chart&indicator=amo-tadamon-beneficiaries&territories=MA';
const MAP = 'view=explorer&tab=map&indicator=unemployment-rate&level=province&territories=MA-06';
const NB_HYPHEN = '\u2011';

interface DataObservation {
  indicator: string;
  territory: string;
  period: string;
  value: number | null;
  source?: { publisher: string; url: string };
}
const amo = (
  JSON.parse(fs.readFileSync('data/observations/programmes.json', 'utf8')) as { data: DataObservation[] }
).data.filter((o) => o.indicator === 'amo-tadamon-beneficiaries');
const amoIndicator = (
  JSON.parse(fs.readFileSync('data/indicators.json', 'utf8')) as {
    data: { id: string; source: { publisher: string; url: string } }[];
  }
).data.find((i) => i.id === 'amo-tadamon-beneficiaries');

const LABELS = {
  fr: {
    menu: 'Exporter',
    csv: 'CSV pour Excel (français)',
    xlsx: 'Classeur Excel (.xlsx)',
    sheets: ['Données', 'Sources'],
    territory: 'Territoire',
    title: '# Titre',
  },
  ar: {
    menu: 'تصدير',
    csv: 'CSV لبرنامج Excel (بالفرنسية)',
    xlsx: 'مصنف Excel بصيغة xlsx',
    sheets: ['البيانات', 'المصادر'],
    territory: 'المجال الترابي',
    title: '# العنوان',
  },
} as const;

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  buildIfMissing(DIST, {}, isBuildStale(DIST));
  served = await serveDist({ dir: DIST, port: 4510 });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Scripts the page requested, by path (recorded from before the navigation). */
function recordScripts(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.js')) seen.push(p);
  });
  return () => seen;
}

/**
 * Whether a requested script carries the XLSX writer (src/export/xlsx-workbook.ts), read from the build: its
 * quote-prefix style is in no other module, so this holds whichever chunk the writer ends up in.
 */
function carriesWriter(urlPath: string): boolean {
  const file = path.join(DIST, urlPath.replace(/^\//, ''));
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('quotePrefix="1"');
}

async function openMenu(page: Page, name: string, scope = page.locator('body')): Promise<void> {
  const trigger = scope.getByRole('button', { name, exact: true }).first();
  await trigger.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await scope.getByRole('dialog').first().waitFor();
}

/** The writer's "loaded" mark, as the page's performance timeline has it. */
const writerMarks = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('mouchir:xlsx-writer-loaded').length);

/** The parts of an XLSX file as text. */
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, strFromU8(d)]));

describe('Excel-ready exports in Chromium (issue 17 item 3)', () => {
  it('the data carry six monthly AMO Tadamon points', () => {
    expect(amo.map((o) => o.period)).toContain('2022-12');
    expect(amo.length).toBeGreaterThanOrEqual(5);
    expect(amo.every((o) => /^\d{4}-\d{2}$/.test(o.period))).toBe(true);
  });

  it.each(['fr', 'ar'] as const)(
    'AMO Tadamon (%s): the CSV for French Excel and the workbook read back with the right numbers and types',
    { timeout: 180_000 },
    async (lang) => {
      const L = LABELS[lang];
      const page = await browser.context.newPage();
      const errors = collectConsoleErrors(page);
      const scripts = recordScripts(page);
      await openApp(page, served.url, `${AMO}&lang=${lang}`);
      await openMenu(page, L.menu);
      await page.getByRole('button', { name: L.xlsx, exact: true }).waitFor();

      // The menu is open and usable, and the workbook writer is still not loaded.
      expect(scripts().length).toBeGreaterThan(3);
      expect(scripts().filter(carriesWriter)).toEqual([]);
      expect(await writerMarks(page)).toBe(0);
      // The menu with its two new buttons passes axe.
      expect(await axeViolations(page)).toEqual([]);

      // CSV for French Excel: column names first, then one line per point, then the header lines.
      const csv = await downloadFrom(page, page.getByRole('button', { name: L.csv, exact: true }), OUT);
      expect(csv.name).toMatch(/^mouchir_amo-tadamon-beneficiaries_ma_\d{4}-\d{2}-\d{2}_excel\.csv$/);
      const text = csv.bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).not.toMatch(/[^\r]\n/);
      const rows = parseCsv(text.slice(1), ';');
      expect(rows[0]?.[0]).toBe(L.territory);
      expect(rows[0]).toHaveLength(11);
      const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
      const data = rows.slice(1, blank);
      expect(data).toHaveLength(amo.length);
      for (const o of amo) {
        const row = data.find((r) => r[2] === o.period.replace('-', NB_HYPHEN));
        expect(row, o.period).toBeDefined();
        expect(row?.[1]).toBe('MA');
        expect(row?.[3]).toBe(o.value === null ? '' : String(o.value).replace('.', ','));
      }
      expect(text).not.toContain('="');
      const meta = rows.slice(blank + 1);
      expect(meta[0]?.[0]).toBe(L.title);
      expect(meta.every((r) => r[0]?.startsWith('# '))).toBe(true);

      // XLSX: the click loads the writer, the file reads back typed.
      const xlsx = await downloadFrom(page, page.getByRole('button', { name: L.xlsx, exact: true }), OUT);
      fs.copyFileSync(xlsx.file, path.join(OUT, `amo-tadamon-${lang}.xlsx`));
      expect(xlsx.name).toMatch(/\.xlsx$/);
      expect(scripts().filter(carriesWriter)).toHaveLength(1);
      expect(await writerMarks(page)).toBe(1);
      const wb = openWorkbook(new Uint8Array(xlsx.bytes));
      expect(wb.sheets.map((s) => s.name)).toEqual(L.sheets);
      const sheet = wb.readSheet(L.sheets[0]).rows;
      expect(sheet[0]).toEqual(rows[0]);
      expect(sheet).toHaveLength(amo.length + 1);
      for (const o of amo) {
        const row = sheet.find((r) => r[2] === o.period);
        expect(row, o.period).toBeDefined();
        expect(typeof row?.[2]).toBe('string');
        expect(row?.[3]).toBe(o.value);
        expect(typeof row?.[3]).toBe('number');
      }
      const p = parts(new Uint8Array(xlsx.bytes));
      expect(p['xl/worksheets/sheet1.xml']).toContain('state="frozen"');
      expect(p['xl/worksheets/sheet1.xml']?.includes('rightToLeft="1"')).toBe(lang === 'ar');
      for (const xml of Object.values(p)) expect(xml).not.toMatch(/<f[ >]/);

      // Sources sheet: every point with its own source's link (or the indicator's), and the link to the view.
      const sources = wb.readSheet(L.sheets[1]).rows;
      const head = sources.findIndex((r) => r[0] === L.territory);
      expect(head).toBeGreaterThan(0);
      for (const o of amo) {
        const row = sources.slice(head + 1).find((r) => r[2] === o.period);
        expect(row?.[4], o.period).toBe(o.source?.url ?? amoIndicator?.source.url);
      }
      expect(sources.some((r) => String(r[1]).includes('indicator=amo-tadamon-beneficiaries'))).toBe(true);

      // The status line says the file is ready, and nothing went wrong.
      await expect.poll(() => page.locator('.xm-status').first().innerText()).toContain(xlsx.name);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('the map’s table goes out for French Excel and as a workbook (fr)', { timeout: 180_000 }, async () => {
    const page = await browser.context.newPage();
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, `${MAP}&lang=fr`);
    const scope = page.locator('[data-map-exports]');
    await openMenu(page, 'Exporter', scope);
    const csv = await downloadFrom(page, scope.getByRole('button', { name: LABELS.fr.csv, exact: true }), OUT);
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1), ';');
    expect(rows[0]?.slice(0, 4)).toEqual(['Territoire', 'Code', 'Période', 'Valeur (%)']);
    const data = rows.slice(
      1,
      rows.findIndex((r) => r.length === 1 && r[0] === ''),
    );
    expect(data.length).toBeGreaterThan(5);
    const xlsx = await downloadFrom(page, scope.getByRole('button', { name: LABELS.fr.xlsx, exact: true }), OUT);
    const sheet = openWorkbook(new Uint8Array(xlsx.bytes)).readSheet('Données').rows;
    expect(sheet).toHaveLength(data.length + 1);
    // The same figures: the CSV's decimal comma is the workbook's number.
    for (const row of data) {
      const cell = sheet.find((r) => r[1] === row[1])?.[3];
      if (row[3] === '') expect(cell ?? '').toBe('');
      else {
        expect(typeof cell).toBe('number');
        expect(cell).toBe(Number(row[3]?.replace(',', '.')));
      }
    }
    expect(sheet.some((r) => typeof r[3] === 'number')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
