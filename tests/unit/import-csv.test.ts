/**
 * Import (issue 15): delimited text — separators `,` `;` tab detected, RFC 4180 quotes, line ends, and the
 * limits that stop hostile files at once: a 10,000-column row, 1,000,000 rows, a 100 MB file.
 */
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseDelimited } from '../../src/import/csv.ts';
import { loadFile } from '../../src/import/read.ts';
import { ImportError } from '../../src/import/types.ts';
import { previewOf, utf8 } from '../fixtures/import/helpers.ts';

describe('detectSeparator', () => {
  it.each([
    [',', 'territoire,periode,valeur\nMA-01,2024,3\nMA-02,2024,4\n'],
    [';', 'territoire;periode;valeur\nMA-01;2024;3,5\nMA-02;2024;4,25\n'],
    ['\t', 'territoire\tperiode\tvaleur\nMA-01\t2024\t3,5\nMA-02\t2024\t1,234.5\n'],
  ])('finds %j', (sep, text) => {
    expect(detectSeparator(text)).toBe(sep);
  });

  it('ignores separators inside quotes (decimal commas in quoted cells of a ; file)', () => {
    expect(detectSeparator('a;b;c\n"x, y";"1,5";2\n"z, w";"2,5";3\n')).toBe(';');
  });
});

describe('parseDelimited', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes', () => {
    const rows = parseDelimited('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4', ',');
    expect(rows).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('keeps empty records as empty rows so row numbers are the spreadsheet rows; no row for a final line break', () => {
    expect(parseDelimited('h1;h2\n\nx;y\n', ';')).toEqual([['h1', 'h2'], [], ['x', 'y']]);
    expect(parseDelimited('a;b\rc;d\r', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseDelimited('a,b,\n', ',')).toEqual([['a', 'b', '']]);
  });

  it('keeps formula-like and markup cells as the text they are', () => {
    const rows = parseDelimited('=HYPERLINK("http://x";"y")\t@SUM(A1)\t<img src=x onerror=alert(1)>\n', '\t');
    expect(rows[0]).toEqual(['=HYPERLINK("http://x";"y")', '@SUM(A1)', '<img src=x onerror=alert(1)>']);
  });

  it('stops a 10,000-column row at once with too-many-columns (row, columns, max)', () => {
    const text = `a,b,c\n${Array.from({ length: 10_000 }, (_, i) => i).join(',')}\n`;
    const t0 = performance.now();
    let err: unknown;
    try {
      parseDelimited(text, ',');
    } catch (e) {
      err = e;
    }
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too-many-columns');
    expect((err as ImportError).params).toEqual({ row: 2, columns: 10_000, max: 2_000 });
  });

  it('stops 1,000,000 rows with too-many-rows within seconds', async () => {
    const text = `territoire,periode,valeur\n${'MA-01,2024,1\n'.repeat(1_000_000)}`;
    const t0 = performance.now();
    await expect(previewOf(utf8(text))).rejects.toMatchObject({ code: 'too-many-rows', params: { max: 500_000 } });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('file size', () => {
  it('refuses a 100 MB file before reading it', () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    const t0 = performance.now();
    expect(() => loadFile(big, { fileName: 'big.csv' })).toThrow(
      expect.objectContaining({ code: 'too-large', params: { bytes: big.length, max: 50 * 1024 * 1024 } }),
    );
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('refuses an empty file', () => {
    expect(() => loadFile(new Uint8Array(0), { fileName: 'empty.csv' })).toThrow(
      expect.objectContaining({ code: 'empty' }),
    );
  });
});

describe('preview of a text file', () => {
  it('finds the header under a title row, the columns and the layout', async () => {
    const p = await previewOf(
      utf8(
        'Bénéficiaires du programme 2025\n\nProvince;Mois;Bénéficiaires\nBéni Mellal;03/2025;1 204\nFès;03/2025;880\n',
      ),
    );
    expect(p.headerRow).toBe(2);
    expect(p.separator).toBe(';');
    expect(p.mapping).toEqual({ layout: 'long', territory: 0, period: 1, value: 2, indicator: null });
    expect(p.columns.map((c) => c.role)).toEqual(['territory', 'period', 'value']);
    expect(p.rows).toEqual([
      ['Béni Mellal', '03/2025', '1 204'],
      ['Fès', '03/2025', '880'],
    ]);
    expect(p.rowCount).toBe(2);
    expect(p.valueKindGuess).toBe('count');
  });

  it('does not take counts between 20,000 and 80,000 (Excel serial range) for the period column', async () => {
    const p = await previewOf(utf8('t,v,p\nMA-01,45210,2023\nMA-02,31000,2023\nMA-03,52344,2024\n'));
    expect(p.mapping).toEqual({ layout: 'long', territory: 0, period: 2, value: 1, indicator: null });
  });

  it('takes a column of serial dates for the period when nothing better reads as one', async () => {
    const p = await previewOf(utf8('t,jour,v\nMA-01,45366,45210\nMA-02,45366,31000\n'));
    expect(p.mapping).toEqual({ layout: 'long', territory: 0, period: 1, value: 2, indicator: null });
  });

  it('recognises a WIDE layout (one column per period)', async () => {
    const p = await previewOf(utf8('code,2022,2023,2024\nMA-01,1,2,3\nMA-02,4,5,6\n'));
    expect(p.mapping).toEqual({
      layout: 'wide',
      territory: 0,
      periods: [
        { column: 1, period: '2022' },
        { column: 2, period: '2023' },
        { column: 3, period: '2024' },
      ],
      indicator: null,
    });
    expect(p.columns.map((c) => c.role)).toEqual(['territory', 'period-value', 'period-value', 'period-value']);
  });

  it('says which columns it could not find', async () => {
    const p = await previewOf(utf8('a,b\nx,y\nz,w\n'));
    expect(p.mapping).toBeNull();
    expect(p.issues).toContainEqual({ code: 'no-mapping', params: { missing: 'territory,period,value' } });
  });

  it('counts formula-like labels (kept as text)', async () => {
    const p = await previewOf(utf8('territoire,annee,valeur\n=1+1,2024,3\n@SUM(A1),2024,4\nFès,2024,5\n'));
    expect(p.issues).toContainEqual({ code: 'formula-labels', params: { count: 2 } });
    expect(p.rows[0]![0]).toBe('=1+1');
  });
});
