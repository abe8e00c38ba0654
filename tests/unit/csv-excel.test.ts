/**
 * The CSV for French Excel (issue 17 item 3): semicolons, decimal comma, months kept as text (never a date, never a
 * formula), the column names on the first line and the header lines after the table, every provenance column kept,
 * hostile labels neutralised — compared cell by cell with the standard CSV of the same rows.
 */
import { describe, expect, it } from 'vitest';
import {
  BOM,
  buildCsv,
  buildMapCsv,
  excelFrNumberCell,
  excelFrTextCell,
  excelPeriodText,
} from '../../src/export/csv.ts';
import { qualifierLabel } from '../../src/i18n/provenance.ts';
import type { LongRow } from '../../src/transforms/table.ts';
import { parseCsv } from '../csv-reader.ts';
import { hostileModel, lineModel, NOTES, PROVENANCE_SOURCES, provenanceModel } from './export-fixtures.ts';
import { MAP_LINK, mapModel } from './export-map-fixtures.ts';

const date = '2026-11-26';
const NB_HYPHEN = '\u2011';
/** The cells of a French-Excel CSV (BOM dropped). */
const cellsOf = (csv: string) => parseCsv(csv.slice(1), ';');
/** The data lines of a French-Excel CSV: after the header line, up to the empty line. */
const dataOf = (rows: string[][]) =>
  rows.slice(
    1,
    rows.findIndex((r) => r.length === 1 && r[0] === ''),
  );
/** The header lines (`# label;value`) of a French-Excel CSV, after the empty line. */
const metaOf = (rows: string[][]) => rows.slice(rows.findIndex((r) => r.length === 1 && r[0] === '') + 1);

describe('cells for French Excel', () => {
  it.each([
    ['2024-03', `2024${NB_HYPHEN}03`],
    ['2022-12', `2022${NB_HYPHEN}12`],
    ['2024', '2024'],
    ['2024-Q3', '2024-Q3'],
  ])('period %j → %j', (input, expected) => {
    expect(excelPeriodText(input)).toBe(expected);
  });

  it.each([
    [1234.5, '1234,5'],
    [-3.25, '-3,25'],
    [6_861_739, '6861739'],
    [0, '0'],
    [null, ''],
    [Number.NaN, ''],
  ])('number %s → %j', (input, expected) => {
    expect(excelFrNumberCell(input)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+212600000000', "'+212600000000"],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
  ])('text %j → %j', (input, expected) => {
    expect(excelFrTextCell(input)).toBe(expected);
  });
});

describe('buildCsv, flavour excel-fr', () => {
  it('starts with a BOM then the column names, CRLF only, semicolons, header lines after the table', () => {
    const csv = buildCsv({ model: lineModel(), variant: 'displayed', exportDate: date, flavour: 'excel-fr' });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).not.toContain(BOM);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'Territoire;Code;Période;Valeur (habitants);Valeur telle qu’affichée;Qualificatif;Statut;' +
        'Raison (valeur manquante);Note;Confiance;Source',
    );
    const rows = cellsOf(csv);
    expect(rows.every((r) => r.length === 11 || r.length === 2 || (r.length === 1 && r[0] === ''))).toBe(true);
    expect(dataOf(rows)).toHaveLength(6);
    // Nothing before the column names; every header line after the empty line, none before it.
    const meta = new Map(metaOf(rows).map((r) => [r[0], r[1]]));
    expect(meta.get('# Titre')).toBe('Population légale');
    expect(meta.get('# Source')).toBe('HCP, « RGPH 2024 », 17 déc. 2024 — https://www.hcp.ma/');
    expect(meta.get('# Statut')).toBe('Officiel');
    expect(meta.get('# Lien')).toBe(lineModel().link);
    expect(meta.get('# Contenu')).toBe('Données affichées');
    expect(dataOf(rows).some((r) => r[0]?.startsWith('#'))).toBe(false);
    expect(dataOf(rows)[0]?.slice(0, 4)).toEqual(['Casablanca-Settat', 'MA-06', '2004', '6000000']);
  });

  it('writes decimals with a comma and negative numbers as numbers', () => {
    const rows: LongRow[] = [
      { territory: 'Fès-Meknès', territoryCode: 'MA-03', period: '2024-03', value: -1.25, status: 'estimate' },
      { territory: 'Oriental', territoryCode: 'MA-02', period: '2024-03', value: 12.5, status: 'estimate' },
      {
        territory: 'Souss',
        territoryCode: 'MA-09',
        period: '2024-03',
        value: null,
        reason: 'no-population',
        status: 'estimate',
      },
    ];
    const model = lineModel({ status: 'estimate', method: 'Interpolation linéaire' });
    const csv = buildCsv({ model, rows, variant: 'displayed', exportDate: date, flavour: 'excel-fr' });
    const data = dataOf(cellsOf(csv));
    expect(data.map((r) => r.slice(0, 4))).toEqual([
      ['Fès-Meknès', 'MA-03', `2024${NB_HYPHEN}03`, '-1,25'],
      ['Oriental', 'MA-02', `2024${NB_HYPHEN}03`, '12,5'],
      ['Souss', 'MA-09', `2024${NB_HYPHEN}03`, ''],
    ]);
    expect(data[2]?.[7]).toBe('population inconnue');
    expect(metaOf(cellsOf(csv)).find((r) => r[0] === '# Méthode')?.[1]).toBe('Interpolation linéaire');
  });

  it('keeps every provenance column: the same cells as the standard CSV, numbers and months written for Excel', () => {
    for (const lang of ['fr', 'ar', 'en'] as const) {
      const model = provenanceModel(lang);
      const standard = parseCsv(buildCsv({ model, variant: 'full', exportDate: date }).slice(1));
      const header = standard.findIndex((r) => r.length === 11);
      const excel = cellsOf(buildCsv({ model, variant: 'full', exportDate: date, flavour: 'excel-fr' }));
      expect(excel[0]).toEqual(standard[header]);
      const expected = standard
        .slice(header + 1)
        .map((r) => r.map((c, i) => (i === 2 ? excelPeriodText(c) : i === 3 ? c.replace('.', ',') : c)));
      expect(dataOf(excel)).toEqual(expected);
      // And the same header lines, moved after the table.
      expect(metaOf(excel)).toEqual(standard.slice(0, header - 1));
    }
    const excel = dataOf(
      cellsOf(buildCsv({ model: provenanceModel('fr'), variant: 'full', exportDate: date, flavour: 'excel-fr' })),
    );
    const approx = excel.find((r) => r[2] === `2022${NB_HYPHEN}12`);
    expect(approx?.[5]).toBe(qualifierLabel('approx', 'fr'));
    expect(approx?.[8]).toBe(NOTES.approx.fr);
    expect(approx?.[10]).toContain(PROVENANCE_SOURCES.approx.url);
  });

  it('writes no formula-like cell: months are text without `=`, hostile labels neutralised in every cell', () => {
    const months = buildCsv({ model: provenanceModel('fr'), variant: 'full', exportDate: date, flavour: 'excel-fr' });
    expect(months).not.toContain('="');
    const csv = buildCsv({ model: hostileModel(), variant: 'displayed', exportDate: date, flavour: 'excel-fr' });
    const cells = cellsOf(csv).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(cells).toContain("'-2+3 <b>method</b>");
    expect(cells.some((c) => c.includes('@SUM(A1:A9)'))).toBe(true);
  });

  it('stamps a synthetic model after the table, on the first header line', () => {
    const csv = buildCsv({
      model: lineModel({ synthetic: true }),
      variant: 'displayed',
      exportDate: date,
      flavour: 'excel-fr',
    });
    expect(metaOf(cellsOf(csv))[0]?.[1]).toMatch(/^Données synthétiques/);
    expect(cellsOf(csv)[0]?.[0]).toBe('Territoire');
  });

  it('writes Arabic column names first for an Arabic model', () => {
    const csv = buildCsv({
      model: lineModel({ lang: 'ar', dir: 'rtl' }),
      variant: 'full',
      exportDate: date,
      flavour: 'excel-fr',
    });
    expect(cellsOf(csv)[0]?.slice(0, 3)).toEqual(['المجال الترابي', 'الرمز', 'الفترة']);
    expect(metaOf(cellsOf(csv))[0]?.[0]).toBe('# العنوان');
  });
});

describe('buildMapCsv, flavour excel-fr', () => {
  it('writes the map table first, decimal commas, the boundaries and link after it', () => {
    const model = mapModel('fr');
    const csv = buildMapCsv({ model, exportDate: date, link: MAP_LINK, title: 'Chômage — 2024', flavour: 'excel-fr' });
    const rows = cellsOf(csv);
    expect(rows[0]?.slice(0, 4)).toEqual(['Territoire', 'Code', 'Période', 'Valeur (%)']);
    const data = dataOf(rows);
    expect(data).toHaveLength(75);
    const casa = data.find((r) => r[1] === 'MA-CAS');
    expect(casa?.[3]).toBe(String(model.data.get('MA-CAS')?.value).replace('.', ','));
    const meta = new Map(metaOf(rows).map((r) => [r[0], r[1]]));
    expect(meta.get('# Titre')).toBe('Chômage — 2024');
    expect(meta.get('# Lien')).toBe(MAP_LINK);
    expect(meta.get('# Limites')).toMatch(/OpenStreetMap/);
  });
});
