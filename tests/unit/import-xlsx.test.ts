/**
 * Import (issue 15): XLSX workbooks through our reader on fflate — sheets listed and chosen, shared and inline
 * strings, numbers and Excel date serials, formulas' cached values never evaluated — and the hostile zips: a
 * renamed .zip, a zip bomb (lying sizes or huge declared ones), a truncated file, an encrypted part.
 */
import { deflateSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openWorkbook, parseSharedStrings, parseSheet, unescapeXml } from '../../src/import/xlsx.ts';
import { readEntry, zipEntries } from '../../src/import/zip.ts';
import { IMPORT_LIMITS } from '../../src/import/types.ts';
import { importOf, makeXlsx, previewOf } from '../fixtures/import/helpers.ts';

const SHEETS = [
  { name: 'Notes', rows: [['Fichier du conseil régional']] },
  {
    name: 'Données 2025',
    rows: [
      ['Province', 'Mois', 'Bénéficiaires'],
      ['Béni Mellal', 45658, 1204], // 45658 = 2025-01-01
      ['الحسيمة', '2025-02', 880],
      ['=cmd|calc', 45658, 3],
      ['MA-BES', 45658, null],
    ] as (string | number | null)[][],
  },
];

describe('reading a workbook', () => {
  it('lists the sheets and reads the chosen one, numbers as numbers', () => {
    const wb = openWorkbook(makeXlsx(SHEETS));
    expect(wb.sheets).toEqual([
      { name: 'Notes', index: 0 },
      { name: 'Données 2025', index: 1 },
    ]);
    const s = wb.readSheet('Données 2025');
    expect(s.rows[1]).toEqual(['Béni Mellal', 45658, 1204]);
    expect(s.rows[3]![0]).toBe('=cmd|calc');
    expect(s.rows[4]).toEqual(['MA-BES', 45658]);
    expect(() => wb.readSheet('Absente')).toThrow(expect.objectContaining({ code: 'no-sheet' }));
  });

  it('reads inline strings the same way', () => {
    const wb = openWorkbook(makeXlsx(SHEETS, { inline: true }));
    expect(wb.readSheet('Données 2025').rows[2]).toEqual(['الحسيمة', '2025-02', 880]);
  });

  it('reads the cached value of a formula, never the formula; booleans and errors as text; gaps by cell refs', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>=1+1</v></c><c r="C1"><f>1/0</f><v>42</v></c></row>' +
      '<row r="3"><c r="B3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c></row></sheetData></worksheet>';
    expect(parseSheet(xml, [])).toEqual([['=1+1', '', 42], [], ['', 'TRUE', '', '#DIV/0!']]);
  });

  it('reads the sheet the caller chooses', async () => {
    const notes = await previewOf(makeXlsx(SHEETS), { fileName: 'b.xlsx', sheet: 'Notes' });
    expect(notes.sheet).toBe('Notes');
    expect(notes.mapping).toBeNull();
    expect(notes.rows).toEqual([]);
  });

  it('reads rich-text runs, leaves phonetic runs out, and reads namespaced parts', () => {
    expect(
      parseSharedStrings(
        '<sst><si><r><rPr><b/></rPr><t>Béni </t></r><r><t xml:space="preserve">Mellal</t></r><rPh sb="0" eb="1"><t>ベニ</t></rPh></si><si><t/></si></sst>',
      ),
    ).toEqual(['Béni Mellal', '']);
    expect(
      parseSheet(
        '<x:worksheet><x:sheetData><x:row r="1"><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        [],
      ),
    ).toEqual([['', 7]]);
  });

  it('stops hostile XML (elements that never close) at once instead of rescanning the part', () => {
    const rows = `<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c>'.repeat(300_000)}</sheetData></worksheet>`;
    const sst = `<sst>${'<si><t>x</t>'.repeat(300_000)}</sst>`;
    const t0 = performance.now();
    expect(() => parseSheet(rows, [])).toThrow(expect.objectContaining({ code: 'xlsx-invalid' }));
    expect(() => parseSharedStrings(sst)).toThrow(expect.objectContaining({ code: 'xlsx-invalid' }));
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('unescapes XML entities and Excel _xHHHH_ escapes', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &#233; &#x0628; _x000D_')).toBe('a & b <c> é ب \r');
  });

  it('imports the sheet with the first data: Excel serial dates as months, names in French and Arabic', async () => {
    const data = await importOf(makeXlsx(SHEETS), {}, { fileName: 'beneficiaires_2025.xlsx' });
    expect(data.preview.fileKind).toBe('xlsx');
    expect(data.preview.sheet).toBe('Données 2025');
    expect(data.preview.sheets.map((s) => s.name)).toEqual(['Notes', 'Données 2025']);
    expect(data.preview.mapping).toEqual({ layout: 'long', territory: 0, period: 1, value: 2, indicator: null });
    expect(data.result.observations.map((o) => `${o.territory} ${o.period} ${o.value}`)).toEqual([
      'MA-BEM 2025-01 1204',
      'MA-HOC 2025-02 880',
    ]);
    expect(data.result.rejects.map((r) => [r.row, r.value, r.reason])).toEqual([
      [4, '=cmd|calc', 'unknown-territory'],
      [5, '', 'empty-value'],
    ]);
    expect(data.result.rejects.length + data.result.observations.length).toBe(4);
  });
});

describe('hostile zips', () => {
  it('a renamed zip (no workbook inside) is not-xlsx', async () => {
    const zip = zipSync({ 'photo.txt': strToU8('hello'), 'word/document.xml': strToU8('<w/>') });
    await expect(previewOf(zip, { fileName: 'data.xlsx' })).rejects.toMatchObject({ code: 'not-xlsx' });
    await expect(previewOf(zip, { fileName: 'data.csv' })).rejects.toMatchObject({ code: 'not-xlsx' });
  });

  it('a zip bomb whose declared sizes are huge is stopped before inflating', async () => {
    const bomb = makeXlsx(SHEETS);
    // Patch the central directory: declare 3 GB for the sheet part.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const sheet = zipEntries(bomb).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    let p = bomb.length - 22;
    while (view.getUint32(p, true) !== 0x06054b50) p--;
    let cen = view.getUint32(p + 16, true);
    for (;;) {
      const nameLen = view.getUint16(cen + 28, true);
      const name = new TextDecoder().decode(bomb.subarray(cen + 46, cen + 46 + nameLen));
      if (name === sheet.name) {
        view.setUint32(cen + 24, 3_000_000_000, true);
        break;
      }
      cen += 46 + nameLen + view.getUint16(cen + 30, true) + view.getUint16(cen + 32, true);
    }
    await expect(previewOf(bomb, { fileName: 'b.xlsx', sheet: 'Données 2025' })).rejects.toMatchObject({
      code: 'zip-bomb',
      params: { max: IMPORT_LIMITS.maxUnpackedBytes },
    });
  });

  it('a zip bomb that lies about its size is stopped once the inflated bytes pass it', () => {
    // 64 MB of zeros deflate to ~64 kB; declared as 1 kB.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const deflated = deflateSync(zeros, { level: 9 });
    expect(deflated.length).toBeLessThan(200_000);
    const name = strToU8('xl/worksheets/sheet1.xml');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, 1024, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const bytes = new Uint8Array(local.length + deflated.length);
    bytes.set(local);
    bytes.set(deflated, local.length);
    const entry = {
      name: 'xl/worksheets/sheet1.xml',
      method: 8,
      flags: 0,
      compressedSize: deflated.length,
      size: 1024,
      localOffset: 0,
    };
    const t0 = performance.now();
    expect(() => readEntry(bytes, entry, IMPORT_LIMITS.maxUnpackedBytes)).toThrow(
      expect.objectContaining({ code: 'zip-bomb' }),
    );
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('a real bomb workbook (a 256 MB sheet of zeros, sizes true) is refused within seconds', async () => {
    const sheet = new Uint8Array(256 * 1024 * 1024).fill(0x20);
    const bomb = makeXlsx([{ name: 'S', rows: [['a']] }], { extra: { 'xl/worksheets/sheet1.xml': sheet } });
    expect(bomb.length).toBeLessThan(2_000_000);
    const t0 = performance.now();
    await expect(previewOf(bomb, { fileName: 'bomb.xlsx' })).rejects.toMatchObject({ code: 'zip-bomb' });
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('a truncated workbook is xlsx-invalid; an encrypted part is encrypted', async () => {
    const good = makeXlsx(SHEETS);
    await expect(previewOf(good.subarray(0, good.length - 200), { fileName: 'cut.xlsx' })).rejects.toMatchObject({
      code: 'xlsx-invalid',
    });
    const enc = makeXlsx(SHEETS);
    const e = zipEntries(enc).find((x) => x.name === 'xl/workbook.xml')!;
    expect(() => readEntry(enc, { ...e, flags: 1 }, 1e9)).toThrow(expect.objectContaining({ code: 'encrypted' }));
  });

  it('a sheet of 1,000,000 rows is too-many-rows within seconds', async () => {
    const parts: string[] = [];
    for (let r = 1; r <= 1_000_000; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    const big = makeXlsx([{ name: 'S', rows: [] }], {
      extra: { 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`) },
      level: 1,
    });
    const t0 = performance.now();
    await expect(previewOf(big, { fileName: 'million.xlsx' })).rejects.toMatchObject({
      code: 'too-many-rows',
      params: { max: 500_000 },
    });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('a 10,000-column row in a sheet is too-many-columns', () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => i);
    const wb = openWorkbook(makeXlsx([{ name: 'S', rows: [['a', 'b'], cells] }]));
    expect(() => wb.readSheet('S')).toThrow(
      expect.objectContaining({ code: 'too-many-columns', params: { row: 2, columns: 2_001, max: 2_000 } }),
    );
  });
});
