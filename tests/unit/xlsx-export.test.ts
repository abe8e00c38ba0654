// @vitest-environment jsdom
/**
 * The XLSX export (issue 17 item 3), read back with the project's own XLSX reader (src/import/xlsx.ts, the
 * import's) for cell values and types, and with fflate for the parts the reader does not look at (frozen pane,
 * right-to-left view, column widths, hyperlinks, styles): numbers are number cells, periods and codes are text
 * cells, hostile labels stay text (never a formula), the Sources sheet gives each point its source and status.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chartExportTable, mapExportTable } from '../../src/export/csv.ts';
import { buildXlsx, columnName, sheetName } from '../../src/export/xlsx-workbook.ts';
import { openWorkbook } from '../../src/import/xlsx.ts';
import type { LongRow } from '../../src/transforms/table.ts';
import { HOSTILE, hostileModel, LINK, lineModel, PROVENANCE_SOURCES, provenanceModel } from './export-fixtures.ts';
import { MAP_LINK, mapModel } from './export-map-fixtures.ts';

const date = '2026-11-26';
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
/** The `<c>` element of one cell reference in a sheet part. */
const cellXml = (sheet: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(sheet)?.[0];

describe('xlsx helpers', () => {
  it.each([
    [0, 'A'],
    [10, 'K'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i → %s', (i, name) => expect(columnName(i)).toBe(name));

  it('keeps sheet names within Excel’s rules', () => {
    expect(sheetName('a/b:c*d?[e]')).toBe('a b c d  e');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName(' / ')).toBe('Sheet');
  });
});

describe('buildXlsx: the data sheet', () => {
  it('types numbers as numbers and periods and codes as text, header row first (fr)', () => {
    const bytes = buildXlsx(chartExportTable({ model: lineModel(), variant: 'full', exportDate: date }), {
      exportDate: date,
    });
    const wb = openWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Données', 'Sources']);
    const { rows } = wb.readSheet('Données');
    expect(rows[0]).toEqual([
      'Territoire',
      'Code',
      'Période',
      'Valeur (habitants)',
      'Valeur telle qu’affichée',
      'Qualificatif',
      'Statut',
      'Raison (valeur manquante)',
      'Note',
      'Confiance',
      'Source',
    ]);
    expect(rows).toHaveLength(7);
    // Casablanca-Settat 2014: the period is the text "2014", the value the number 6 861 739.
    const casa = rows.find((r) => r[1] === 'MA-06' && r[2] === '2014');
    expect(casa?.slice(0, 4)).toEqual(['Casablanca-Settat', 'MA-06', '2014', 6_861_739]);
    expect(typeof casa?.[2]).toBe('string');
    expect(typeof casa?.[3]).toBe('number');
    // The missing value is an empty cell, its reason beside it.
    const gap = rows.find((r) => r[1] === 'MA-07' && r[2] === '2014');
    expect(gap?.[3]).toBe('');
    expect(gap?.[7]).toBe('non publié');
    expect(gap?.[10]).toBe('HCP, « RGPH 2024 », 17 déc. 2024 — https://www.hcp.ma/');

    const sheet = parts(bytes)['xl/worksheets/sheet1.xml']!;
    // Raw types: a number cell has no t= and a <v> number; a period is a shared string with the text format.
    expect(cellXml(sheet, 'D2')).toBe('<c r="D2"><v>6000000</v></c>');
    expect(cellXml(sheet, 'C2')).toMatch(/^<c r="C2" s="2" t="s"><v>\d+<\/v><\/c>$/);
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('keeps months as text and decimals exact', () => {
    const rows: LongRow[] = [
      { territory: 'Fès-Meknès', territoryCode: 'MA-03', period: '2024-03', value: -1.25, status: 'estimate' },
      { territory: 'Oriental', territoryCode: 'MA-02', period: '2024-Q3', value: 12.5, status: 'estimate' },
    ];
    const table = chartExportTable({
      model: lineModel({ status: 'estimate' }),
      rows,
      variant: 'displayed',
      exportDate: date,
    });
    const data = openWorkbook(buildXlsx(table, { exportDate: date }))
      .readSheet()
      .rows.slice(1);
    expect(data.map((r) => r.slice(0, 4))).toEqual([
      ['Fès-Meknès', 'MA-03', '2024-03', -1.25],
      ['Oriental', 'MA-02', '2024-Q3', 12.5],
    ]);
  });

  it('freezes the header row, sizes the columns, and is left to right in French', () => {
    const sheet = parts(
      buildXlsx(chartExportTable({ model: lineModel(), variant: 'full', exportDate: date }), { exportDate: date }),
    )['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).not.toContain('rightToLeft');
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)" customWidth="1"\/>/g)].map((m) =>
      Number(m[2]),
    );
    expect(widths).toHaveLength(11);
    // "Casablanca-Settat" (17) is wider than "MA-06"; the source column is capped.
    expect(widths[0]).toBeGreaterThanOrEqual(19);
    expect(widths[1]).toBeLessThan(widths[0]!);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  it('is a right-to-left workbook in Arabic, sheets and columns named in Arabic', () => {
    const bytes = buildXlsx(chartExportTable({ model: provenanceModel('ar'), variant: 'full', exportDate: date }), {
      exportDate: date,
    });
    const wb = openWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['البيانات', 'المصادر']);
    const { rows } = wb.readSheet('البيانات');
    expect(rows[0]?.slice(0, 3)).toEqual(['المجال الترابي', 'الرمز', 'الفترة']);
    expect(rows[1]?.slice(2, 4)).toEqual(['2022-12', 10_000_000]);
    const p = parts(bytes);
    expect(p['xl/worksheets/sheet1.xml']).toContain('<sheetView workbookViewId="0" rightToLeft="1">');
    expect(p['xl/worksheets/sheet2.xml']).toContain('<sheetView workbookViewId="0" rightToLeft="1">');
  });

  it('writes hostile labels as plain text cells: no formula, no markup, the quote-prefix style', () => {
    const bytes = buildXlsx(chartExportTable({ model: hostileModel(), variant: 'full', exportDate: date }), {
      exportDate: date,
    });
    const p = parts(bytes);
    for (const [name, xml] of Object.entries(p)) {
      expect(xml, name).not.toMatch(/<f[ >]/);
      expect(xml, name).not.toContain('<script');
      expect(xml, name).not.toContain('<svg');
    }
    const wb = openWorkbook(bytes);
    const rows = wb.readSheet('Données').rows;
    // Verbatim (no visible apostrophe added): the cell is text, which a spreadsheet never evaluates.
    expect(rows.map((r) => r[0])).toContain(HOSTILE[0]);
    expect(rows.map((r) => r[0])).toContain(HOSTILE[1]);
    const ref = `A${rows.findIndex((r) => r[0] === HOSTILE[0]) + 1}`;
    expect(cellXml(p['xl/worksheets/sheet1.xml']!, ref)).toMatch(/ s="3" t="s"/);
    const xfs = [...p['xl/styles.xml']!.matchAll(/<xf [^>]*?\/?>/g)].map((m) => m[0]).slice(1);
    expect(xfs[3]).toContain('quotePrefix="1"');
    // The method "-2+3 …" in the Sources sheet is quote-prefixed too.
    const meta = wb.readSheet('Sources').rows;
    expect(meta.find((r) => r[0] === 'Méthode')?.[1]).toBe('-2+3 <b>method</b>');
  });

  it('survives characters XML cannot carry', () => {
    const model = lineModel();
    const bad = { ...model, title: 'A\u0001B', series: [{ ...model.series[0]!, label: 'x\u0000y\uFFFE' }] };
    const wb = openWorkbook(
      buildXlsx(chartExportTable({ model: bad, variant: 'full', exportDate: date }), { exportDate: date }),
    );
    expect(wb.readSheet().rows[1]?.[0]).toBe('xy');
    expect(wb.readSheet('Sources').rows[0]).toEqual(['Titre', 'AB']);
  });
});

describe('buildXlsx: the package', () => {
  it('holds every part a spreadsheet needs, each well-formed XML (hostile labels included)', () => {
    for (const lang of ['fr', 'ar'] as const) {
      const model = lang === 'fr' ? hostileModel() : provenanceModel('ar');
      const p = parts(buildXlsx(chartExportTable({ model, variant: 'full', exportDate: date }), { exportDate: date }));
      expect(Object.keys(p).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/_rels/sheet2.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ]);
      for (const [name, xml] of Object.entries(p)) {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        expect(doc.getElementsByTagName('parsererror'), `${lang} ${name}`).toHaveLength(0);
      }
      // Every part the package names is in it, and the other way round.
      const types = [...p['[Content_Types].xml']!.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
      for (const part of types) expect(p[part!], part).toBeDefined();
    }
  });
});

describe('buildXlsx: the Sources sheet', () => {
  it('gives the header lines, the link to the view as a hyperlink, and each point its source and status', () => {
    const model = provenanceModel('fr', { status: 'estimate', method: 'Déclarations publiques recoupées' });
    const bytes = buildXlsx(chartExportTable({ model, variant: 'full', exportDate: date }), { exportDate: date });
    const rows = openWorkbook(bytes).readSheet('Sources').rows;
    const meta = new Map(rows.filter((r) => r.length === 2).map((r) => [r[0], r[1]]));
    expect(meta.get('Titre')).toBe('Bénéficiaires de l’AMO Tadamon');
    expect(meta.get('Statut')).toBe('Estimation');
    expect(meta.get('Méthode')).toBe('Déclarations publiques recoupées');
    expect(meta.get('Lien')).toBe(LINK);
    expect(meta.get('Export')).toBe('Exporté le 26 nov. 2026 depuis Mouchir');
    const head = rows.findIndex((r) => r[0] === 'Territoire');
    expect(rows[head]).toEqual(['Territoire', 'Code', 'Période', 'Source', 'Lien de la source', 'Statut']);
    const points = rows.slice(head + 1);
    expect(points.map((r) => [r[2], r[4], r[5]])).toEqual([
      ['2022-12', PROVENANCE_SOURCES.approx.url, 'officiel'],
      ['2023-10', PROVENANCE_SOURCES.indicator.url, 'officiel'],
      ['2024-03', PROVENANCE_SOURCES.lower.url, 'officiel'],
    ]);
    expect(points[0]?.[3]).toBe('Chef du gouvernement, « Déclaration devant le Parlement », 20 déc. 2022');
    // The link cell is a hyperlink to the view (an external relationship), the only one.
    const p = parts(bytes);
    const linkRow = rows.findIndex((r) => r[0] === 'Lien') + 1;
    expect(p['xl/worksheets/sheet2.xml']).toContain(
      `<hyperlinks><hyperlink ref="B${linkRow}" r:id="rId1"/></hyperlinks>`,
    );
    expect(p['xl/worksheets/_rels/sheet2.xml.rels']).toContain(
      `Target="${LINK.replace(/&/g, '&amp;')}" TargetMode="External"`,
    );
  });

  it('stamps synthetic figures on both sheets', () => {
    const bytes = buildXlsx(
      chartExportTable({ model: lineModel({ synthetic: true }), variant: 'full', exportDate: date }),
      { exportDate: date },
    );
    const wb = openWorkbook(bytes);
    expect(String(wb.readSheet('Sources').rows[0]?.[1])).toMatch(/^Données synthétiques/);
    expect(String(wb.readSheet('Données').rows.at(-1)?.[1])).toMatch(/^Données synthétiques/);
    const real = openWorkbook(
      buildXlsx(chartExportTable({ model: lineModel(), variant: 'full', exportDate: date }), { exportDate: date }),
    );
    expect(JSON.stringify(real.readSheet('Données').rows)).not.toMatch(/synthétiques/);
  });

  it('writes a map’s table: one row per province, values as numbers, missing ones empty with their reason', () => {
    const model = mapModel('fr');
    const bytes = buildXlsx(mapExportTable({ model, exportDate: date, link: MAP_LINK, title: 'Chômage — 2024' }), {
      exportDate: date,
    });
    const wb = openWorkbook(bytes);
    const rows = wb.readSheet('Données').rows;
    expect(rows).toHaveLength(76);
    const casa = rows.find((r) => r[1] === 'MA-CAS');
    expect(casa?.[3]).toBe(model.data.get('MA-CAS')?.value);
    expect(typeof casa?.[3]).toBe('number');
    expect(rows.filter((r) => r[7] === 'non publié')).toHaveLength(model.noData.count);
    const meta = new Map(wb.readSheet('Sources').rows.map((r) => [r[0], r[1]]));
    expect(meta.get('Limites')).toMatch(/OpenStreetMap/);
    expect(meta.get('Lien')).toBe(MAP_LINK);
  });
});
