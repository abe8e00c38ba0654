import { describe, expect, it } from 'vitest';
import { BOM, buildCsv, csvNumberCell, csvTextCell } from '../../src/export/csv.ts';
import { buildLongRows, type LongRow } from '../../src/transforms/table.ts';
import { hostileModel, lineModel, manySourcesModel, NOTES, provenanceModel } from './export-fixtures.ts';
import { parseCsv } from '../csv-reader.ts';

/** Intl writes no-break spaces ("10 M" with U+00A0); the tests write plain ones. */
const plainSpaces = (rows: string[][]) => rows.map((r) => r.map((c) => c.replace(/[\u00a0\u202f]/g, ' ')));

describe('csvTextCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+212600000000', "'+212600000000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['الدار البيضاء', 'الدار البيضاء'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => {
    expect(csvTextCell(input)).toBe(expected);
  });
});

describe('csvNumberCell', () => {
  it.each([
    [1234.5, '1234.5'],
    [-3.2, '-3.2'],
    [0, '0'],
    [null, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('%s → %j', (input, expected) => {
    expect(csvNumberCell(input)).toBe(expected);
  });
});

describe('buildCsv', () => {
  const date = '2026-11-26';

  it('starts with a BOM, uses CRLF, and writes header rows with title, selection, source, status, date and link', () => {
    const csv = buildCsv({ model: lineModel(), variant: 'displayed', exportDate: date });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).not.toContain(BOM);
    expect(csv).not.toMatch(/[^\r]\n/);
    const rows = parseCsv(csv.slice(1));
    const header = new Map(rows.filter((r) => r[0]?.startsWith('# ')).map((r) => [r[0], r[1]]));
    expect(header.get('# Titre')).toBe('Population légale');
    expect(header.get('# Sélection')).toBe('Casablanca-Settat, Marrakech-Safi · 2004–2024 · valeur absolue');
    expect(header.get('# Source')).toBe('HCP, « RGPH 2024 », 17 déc. 2024 — https://www.hcp.ma/');
    expect(header.get('# Statut')).toBe('Officiel');
    expect(header.get('# Export')).toBe('Exporté le 26 nov. 2026 depuis Mouchir');
    expect(header.get('# Lien')).toBe(lineModel().link);
    expect(header.get('# Contenu')).toBe('Données affichées');
    expect(header.has('# Méthode')).toBe(false);
  });

  it('writes one data row per point, null values empty with their reason', () => {
    const rows = plainSpaces(parseCsv(buildCsv({ model: lineModel(), variant: 'full', exportDate: date }).slice(1)));
    const start = rows.findIndex((r) => r[0] === 'Territoire');
    expect(rows[start]).toEqual([
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
    const data = rows.slice(start + 1);
    expect(data).toHaveLength(6);
    const hcp = 'HCP, « RGPH 2024 », 17 déc. 2024 — https://www.hcp.ma/';
    expect(data[0]).toEqual(['Casablanca-Settat', 'MA-06', '2004', '6000000', '6 M', '', 'officiel', '', '', '', hcp]);
    expect(data[4]).toEqual(['Marrakech-Safi', 'MA-07', '2014', '', '', '', 'officiel', 'non publié', '', '', hcp]);
  });

  it('writes exactly the rows it is given (the table tab), negative numbers as numbers', () => {
    const rows: LongRow[] = [
      { territory: 'Fès-Meknès', territoryCode: 'MA-03', period: '2024-Q3', value: -1.25, status: 'estimate' },
      {
        territory: 'Oriental',
        territoryCode: 'MA-02',
        period: '2024-Q3',
        value: null,
        reason: 'no-population',
        status: 'estimate',
      },
    ];
    const parsed = parseCsv(
      buildCsv({
        model: lineModel({ status: 'estimate', method: 'Interpolation linéaire' }),
        rows,
        variant: 'displayed',
        exportDate: date,
      }).slice(1),
    );
    const start = parsed.findIndex((r) => r[0] === 'Territoire');
    expect(parsed.slice(start + 1)).toEqual([
      ['Fès-Meknès', 'MA-03', '2024-Q3', '-1.25', "'-1,25", '', 'estimation', '', '', '', expect.any(String)],
      ['Oriental', 'MA-02', '2024-Q3', '', '', '', 'estimation', 'population inconnue', '', '', expect.any(String)],
    ]);
    expect(parsed.find((r) => r[0] === '# Méthode')?.[1]).toBe('Interpolation linéaire');
  });

  it('neutralises hostile labels in every cell, header rows included', () => {
    const csv = buildCsv({ model: hostileModel(), variant: 'displayed', exportDate: date });
    const cells = parseCsv(csv.slice(1)).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(cells).toContain("'-2+3 <b>method</b>");
  });

  it('writes Arabic headers for an Arabic model', () => {
    const csv = buildCsv({ model: lineModel({ lang: 'ar', dir: 'rtl' }), variant: 'full', exportDate: date });
    expect(csv).toContain('# العنوان');
    expect(csv).toContain('السلسلة الكاملة');
    expect(csv).toContain('غير منشور');
  });
});

describe('buildCsv: provenance (issue 14)', () => {
  const date = '2026-11-26';
  const dataRows = (csv: string) => {
    const rows = plainSpaces(parseCsv(csv.slice(1)));
    return rows.slice(rows.findIndex((r) => r.length > 5 && !r[0]?.startsWith('#')) + 1);
  };

  it('writes each point with its qualified value, qualifier, note, confidence and its own source', () => {
    const data = dataRows(buildCsv({ model: provenanceModel('fr'), variant: 'displayed', exportDate: date }));
    expect(data).toEqual([
      [
        'Maroc',
        'MA',
        '2022-12',
        '10000000',
        '≈ 10 M',
        'valeur approchée (« environ »)',
        'officiel',
        '',
        NOTES.approx.fr,
        'deux sources concordantes',
        'Chef du gouvernement, « Déclaration devant le Parlement », 20 déc. 2022 — https://cg.example/2022-12',
      ],
      [
        'Maroc',
        'MA',
        '2023-10',
        '10300000',
        '10,3 M',
        '',
        'officiel',
        '',
        '',
        '',
        'CNSS, « Où en est le régime AMO Tadamon ? », 19 oct. 2023, via Médias24 — https://medias24.example/amo-tadamon',
      ],
      [
        'Maroc',
        'MA',
        '2024-03',
        '11000000',
        '> 11 M',
        'borne basse (« plus de »)',
        'officiel',
        '',
        NOTES.lower.fr,
        '',
        'CNSS (directeur général), « Bilan AMO Tadamon, mars 2024 », 15 mars 2024 — https://cnss.example/2024-03',
      ],
    ]);
  });

  it('lists every source in the header, publisher first, with the points it covers', () => {
    const rows = parseCsv(buildCsv({ model: provenanceModel('fr'), variant: 'displayed', exportDate: date }).slice(1));
    const sources = rows.filter((r) => r[0]?.startsWith('# Source'));
    expect(sources.map((r) => r[0])).toEqual(['# Source 1/3', '# Source 2/3', '# Source 3/3']);
    expect(sources[0]?.[1]).toBe(
      'CNSS, « Où en est le régime AMO Tadamon ? », 19 oct. 2023, via Médias24 — https://medias24.example/amo-tadamon — oct. 2023',
    );
    expect(sources[1]?.[1]).toMatch(/^Chef du gouvernement, .* — déc\. 2022$/);
    expect(sources[2]?.[1]).toMatch(/^CNSS \(directeur général\), .* — mars 2024$/);
  });

  it('names all of many sources (the CSV is where pictures send the reader)', () => {
    const rows = parseCsv(buildCsv({ model: manySourcesModel(9), variant: 'displayed', exportDate: date }).slice(1));
    const sources = rows.filter((r) => r[0]?.startsWith('# Source'));
    expect(sources).toHaveLength(9);
    expect(sources[8]?.[1]).toContain('Éditeur 9, « Publication 9 »');
    expect(sources[8]?.[1]).toContain('Région 9 : 2024');
  });

  it('writes Arabic qualifiers and words in an Arabic CSV', () => {
    const data = dataRows(buildCsv({ model: provenanceModel('ar'), variant: 'displayed', exportDate: date }));
    expect(data[0]?.[4]).toBe('≈ 10 مليون');
    expect(data[2]?.[4]).toBe('أكثر من 11 مليون');
    expect(data[2]?.[8]).toBe(NOTES.lower.ar);
  });

  it('stamps a synthetic model on its first line, and not a real one', () => {
    const synthetic = buildCsv({ model: lineModel({ synthetic: true }), variant: 'displayed', exportDate: date });
    expect(parseCsv(synthetic.slice(1))[0]).toEqual([
      '# DONNÉES SYNTHÉTIQUES',
      'Données synthétiques — test de charge, pas des chiffres réels',
    ]);
    const ar = buildCsv({
      model: lineModel({ synthetic: true, lang: 'ar', dir: 'rtl' }),
      variant: 'full',
      exportDate: date,
    });
    expect(ar).toContain('بيانات اصطناعية — اختبار تحميل');
    expect(buildCsv({ model: lineModel(), variant: 'displayed', exportDate: date })).not.toContain('synthétiques');
  });
});

describe('the rows a CSV writes by default (buildLongRows, the table tab builder)', () => {
  it('flattens series then periods and keeps reasons', () => {
    const rows = buildLongRows(lineModel());
    expect(rows.map((r) => `${r.territoryCode}/${r.period}`)).toEqual([
      'MA-06/2004',
      'MA-06/2014',
      'MA-06/2024',
      'MA-07/2004',
      'MA-07/2014',
      'MA-07/2024',
    ]);
    expect(rows[4]).toMatchObject({ value: null, reason: 'not-published' });
  });
});
