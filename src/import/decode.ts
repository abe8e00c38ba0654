/**
 * From bytes to text (issue 15): which kind of file this is (text, XLSX, or something refused), and which
 * encoding a text file is in. UTF-8 is tried first with a fatal decoder (a UTF-8 file is never misread); when that
 * fails, the bytes are Windows-1252 (French Excel, Latin-1 included) or Windows-1256 (Arabic Excel), told apart by
 * how the bytes above 0x7F sit: French puts single accented letters between ASCII letters (`B\xE9ni`), Arabic writes
 * whole words of high bytes. The caller may override; text that reads like a wrong guess raises `garbled-text`.
 * Pure: runs in the worker and in node tests.
 */
import { ImportError, type FileKind, type ImportEncoding, type ImportIssue, type ReadOptions } from './types.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The kind of file, from its first bytes (the name only breaks no tie: a `.csv` that is a zip is read as a zip).
 * Throws `binary` for an old binary workbook (OLE2: `.xls`, or a password-protected `.xlsx`: `encrypted`) and for
 * bytes that are not text.
 */
export function sniffKind(bytes: Uint8Array, fileName: string): FileKind {
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) {
    // Excel writes a password-protected .xlsx as an OLE2 file too; the name tells them apart.
    throw new ImportError(/\.xlsx$/i.test(fileName) ? 'encrypted' : 'binary', { format: 'ole2' });
  }
  if (looksBinary(bytes)) throw new ImportError('binary', {});
  return 'csv';
}

/** NUL bytes or many control characters in the first 64 KB (UTF-16 text has a BOM and is let through). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.01;
}

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
  /** False when the caller chose the encoding. */
  detected: boolean;
  issues: ImportIssue[];
}

/** Decode a text file: BOM first, then UTF-8 (fatal), then the Windows code pages by heuristics. */
export function decodeText(bytes: Uint8Array, override?: ReadOptions['encoding']): DecodedText {
  const issues: ImportIssue[] = [];
  let encoding: ImportEncoding;
  let detected = true;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  if (override) {
    encoding = override;
    detected = false;
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    // Excel's "Unicode text": UTF-16 with a BOM. Read as such (reported as utf-8: the text is Unicode either way).
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { text, encoding: 'utf-8', detected: true, issues: garbledIssues(text) };
  } else if (isUtf8(body)) {
    encoding = 'utf-8';
  } else {
    encoding = guessCodePage(body);
    issues.push({ code: 'encoding-guessed', params: { encoding } });
  }
  const text = new TextDecoder(encoding).decode(body);
  issues.push(...garbledIssues(text));
  return { text, encoding, detected, issues };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1252 or Windows-1256 for bytes that are not UTF-8: count the high bytes that stand alone between ASCII
 * (an accented letter in a French word) against those in runs of three or more (an Arabic word). In 1256 the
 * Arabic letters are 0xC1–0xFE, where 1252 has accented Latin letters; a French word rarely has three in a row.
 */
export function guessCodePage(bytes: Uint8Array): ImportEncoding {
  let isolated = 0;
  let inRuns = 0;
  let run = 0;
  const n = Math.min(bytes.length, 1_000_000);
  for (let i = 0; i <= n; i++) {
    const b = i < n ? bytes[i]! : 0;
    if (b >= 0x80) {
      run++;
      continue;
    }
    if (run >= 3) inRuns += run;
    else isolated += run;
    run = 0;
  }
  return inRuns > isolated ? 'windows-1256' : 'windows-1252';
}

/**
 * Signs of a wrong encoding in decoded text: replacement characters (`\uFFFD`), C1 controls (a UTF-8 file read as
 * Latin-1 by another tool, then saved), UTF-8 read as 1252 (`Ã©`, `â€`), or Arabic read as 1252 (runs of accented
 * capitals such as `ÇáÑÈÇØ`), or UTF-8 Arabic read as 1256 (`ط§ظ„`). One issue, with how many such places were seen. (French read as 1256 needs no
 * warning: 1256 keeps the French accented letters where 1252 has them.)
 */
export function garbledIssues(text: string): ImportIssue[] {
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  const m = sample.match(/\uFFFD|[\u0080-\u009F]|[ÃØÙ][\u0080-\uFFFF]|â€|[À-ÿ]{4,}/g);
  let count = m ? m.length : 0;
  // UTF-8 Arabic read as 1256: every letter's lead byte (0xD8, 0xD9) becomes ط or ظ, so they are half the text;
  // in Arabic they are a few letters in a hundred.
  const arabic = sample.match(/[\u0621-\u064A]/g)?.length ?? 0;
  const tah = sample.match(/[طظ]/g)?.length ?? 0;
  if (arabic >= 10 && tah / arabic > 0.25) count += tah;
  return count > 0 ? [{ code: 'garbled-text', params: { count } }] : [];
}
