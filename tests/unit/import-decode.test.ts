/**
 * Import (issue 15): bytes to text — UTF-8 with and without BOM, Windows-1252 (French Excel) and Windows-1256
 * (Arabic Excel) detected, the manual override, the garbled-text warning, UTF-16 from Excel's "Unicode text",
 * and refused bytes (random garbage, NUL bytes, an old binary workbook).
 */
import { describe, expect, it } from 'vitest';
import { decodeText, guessCodePage, looksBinary, sniffKind } from '../../src/import/decode.ts';
import { ImportError } from '../../src/import/types.ts';
import { encodeCodePage, importOf, previewOf, utf8, withBom } from '../fixtures/import/helpers.ts';

const FRENCH = 'territoire;periode;valeur\nBéni Mellal;2024;1 234\nLaâyoune;2024;56\nFès;2024;7\n';
const ARABIC = 'المجال;السنة;القيمة\nالعيون;2024;12\nبني ملال;2024;8\nالدار البيضاء;2024;31\n';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('decodeText', () => {
  it('reads UTF-8 without and with a BOM (the BOM dropped)', () => {
    for (const bytes of [utf8(FRENCH), withBom(utf8(FRENCH))]) {
      const d = decodeText(bytes);
      expect(d.encoding).toBe('utf-8');
      expect(d.detected).toBe(true);
      expect(d.text).toBe(FRENCH);
      expect(d.issues).toEqual([]);
    }
  });

  it('detects Windows-1252 (French Excel) and says it guessed', () => {
    const d = decodeText(encodeCodePage(FRENCH, 'windows-1252'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(FRENCH);
    expect(d.issues).toContainEqual({ code: 'encoding-guessed', params: { encoding: 'windows-1252' } });
    expect(d.issues.map((i) => i.code)).not.toContain('garbled-text');
  });

  it('detects Windows-1256 (Arabic Excel)', () => {
    const d = decodeText(encodeCodePage(ARABIC, 'windows-1256'));
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toBe(ARABIC);
    expect(d.issues.map((i) => i.code)).not.toContain('garbled-text');
  });

  it('tells the two code pages apart by runs of high bytes', () => {
    expect(guessCodePage(encodeCodePage('Béni Mellal, Fès, Kénitra, Salé', 'windows-1252'))).toBe('windows-1252');
    expect(guessCodePage(encodeCodePage('بني ملال، فاس، القنيطرة', 'windows-1256'))).toBe('windows-1256');
  });

  it('follows the manual override, and warns when the result looks garbled', () => {
    const arabicBytes = encodeCodePage(ARABIC, 'windows-1256');
    const wrong = decodeText(arabicBytes, 'windows-1252');
    expect(wrong.detected).toBe(false);
    expect(wrong.encoding).toBe('windows-1252');
    expect(wrong.issues.map((i) => i.code)).toContain('garbled-text');
    const right = decodeText(arabicBytes, 'windows-1256');
    expect(right.text).toBe(ARABIC);
    expect(right.issues).toEqual([]);
  });

  it('reads French text the same in 1256 (it keeps the French accented letters), so that override is harmless', () => {
    const d = decodeText(encodeCodePage(FRENCH, 'windows-1252'), 'windows-1256');
    expect(d.text).toBe(FRENCH);
    expect(d.issues).toEqual([]);
  });

  it('warns when UTF-8 Arabic is read as Windows-1256 or 1252 by override', () => {
    for (const enc of ['windows-1256', 'windows-1252'] as const) {
      expect(
        decodeText(utf8(ARABIC), enc).issues.map((i) => i.code),
        enc,
      ).toContain('garbled-text');
    }
    expect(decodeText(utf8(ARABIC)).issues).toEqual([]);
  });

  it('warns on UTF-8 that was already decoded once as Latin-1 (Ã©) and on replacement characters', () => {
    const mojibake = new TextDecoder('windows-1252').decode(utf8('Béni Mellal;2024;3'));
    expect(decodeText(utf8(mojibake)).issues.map((i) => i.code)).toContain('garbled-text');
    expect(decodeText(utf8('F\uFFFDs;2024;3')).issues.map((i) => i.code)).toContain('garbled-text');
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    const text = 'territoire\tvaleur\nFès\t3\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes).text).toBe(text);
  });
});

describe('sniffKind: hostile bytes', () => {
  it('refuses random bytes as binary', () => {
    let seed = 42;
    const bytes = new Uint8Array(100_000).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff);
    expect(looksBinary(bytes)).toBe(true);
    expect(codeOf(() => sniffKind(bytes, 'data.csv'))).toBe('binary');
  });

  it('refuses text with a NUL byte, and an old .xls (OLE2); an OLE2 .xlsx is a protected workbook', () => {
    expect(codeOf(() => sniffKind(new Uint8Array([0x61, 0x2c, 0x00, 0x62]), 'a.csv'))).toBe('binary');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(codeOf(() => sniffKind(ole, 'old.xls'))).toBe('binary');
    expect(codeOf(() => sniffKind(ole, 'secret.xlsx'))).toBe('encrypted');
  });

  it('takes a zip as a workbook whatever its name, and text as text', () => {
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'data.csv')).toBe('xlsx');
    expect(sniffKind(utf8(FRENCH), 'data.xlsx')).toBe('csv');
  });

  it('a binary file through the whole import is refused with its code, not parsed', async () => {
    const bytes = new Uint8Array(5000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await expect(previewOf(bytes)).rejects.toMatchObject({ code: 'binary' });
  });
});

describe('an encoded file end to end', () => {
  it('imports the French-Excel CSV in Windows-1252 with its accented names matched', async () => {
    const { preview, result } = await importOf(encodeCodePage(FRENCH, 'windows-1252'));
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.separator).toBe(';');
    expect(result.observations.map((o) => [o.territory, o.value])).toEqual([
      ['MA-BEM', 1234],
      ['MA-FES', 7],
      ['MA-LAA', 56],
    ]);
  });

  it('imports the Arabic-Excel CSV in Windows-1256', async () => {
    const { result } = await importOf(encodeCodePage(ARABIC, 'windows-1256'));
    expect(result.rejects).toEqual([]);
    expect(result.observations.map((o) => o.territory).sort()).toEqual(['MA-BEM', 'MA-CAS', 'MA-LAA']);
  });
});
