/**
 * A file into a table of cells (issue 15): sniff the kind (text or XLSX, or refuse it), decode and split a text
 * file, or open the workbook and read a sheet — the XLSX reader (and fflate) loaded only for a zip. The size limit
 * is checked first, every other limit while reading. Pure (async only for the lazy XLSX module).
 */
import { decodeText, sniffKind } from './decode.ts';
import { detectSeparator, parseDelimited } from './csv.ts';
import {
  IMPORT_LIMITS,
  ImportError,
  type FileKind,
  type ImportEncoding,
  type ImportIssue,
  type ImportLimits,
  type ReadOptions,
  type Separator,
  type SheetInfo,
} from './types.ts';
import type { Workbook } from './xlsx.ts';

export interface Table {
  fileName: string;
  fileKind: FileKind;
  bytes: number;
  encoding: ImportEncoding | null;
  encodingDetected: boolean;
  separator: Separator | null;
  sheets: SheetInfo[];
  sheet: string | null;
  /** Row `i` is spreadsheet row `i + 1`; text cells as written, XLSX numbers as numbers. */
  rows: (string | number)[][];
  issues: ImportIssue[];
}

export function limitsOf(options: ReadOptions): ImportLimits {
  return { ...IMPORT_LIMITS, ...options.limits };
}

/** A file kept between reads (the worker keeps one): its bytes, and the workbook once opened. */
export interface LoadedFile {
  bytes: Uint8Array;
  kind: FileKind;
  workbook?: Workbook;
}

export function loadFile(bytes: Uint8Array, options: ReadOptions): LoadedFile {
  const limits = limitsOf(options);
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError('too-large', { bytes: bytes.length, max: limits.maxFileBytes });
  }
  if (bytes.length === 0) throw new ImportError('empty', {});
  return { bytes, kind: sniffKind(bytes, options.fileName) };
}

/** Read (or read again, with other options) a loaded file into a table. */
export async function readTable(file: LoadedFile, options: ReadOptions): Promise<Table> {
  const limits = limitsOf(options);
  if (file.kind === 'xlsx') {
    if (!file.workbook) {
      const { openWorkbook } = await import('./xlsx.ts');
      file.workbook = openWorkbook(file.bytes, limits);
    }
    const wb = file.workbook;
    // The named sheet, else the first that looks like a table (two rows of two cells or more: a notes sheet with
    // one title cell is passed over), else the first with anything in it.
    let sheet: { name: string; rows: (string | number)[][] } | null =
      options.sheet !== undefined ? wb.readSheet(options.sheet) : null;
    if (!sheet) {
      let firstFilled: { name: string; rows: (string | number)[][] } | null = null;
      for (const s of wb.sheets) {
        const read = wb.readSheet(s.name);
        if (!firstFilled && read.rows.some((r) => r.length > 0)) firstFilled = read;
        if (read.rows.filter((r) => r.length >= 2).length >= 2) {
          sheet = read;
          break;
        }
      }
      sheet ??= firstFilled ?? (wb.sheets[0] ? wb.readSheet(wb.sheets[0].name) : null);
    }
    const rows = sheet?.rows ?? [];
    return {
      fileName: options.fileName,
      fileKind: 'xlsx',
      bytes: file.bytes.length,
      encoding: null,
      encodingDetected: false,
      separator: null,
      sheets: wb.sheets,
      sheet: sheet?.name ?? null,
      rows,
      issues: [],
    };
  }
  const decoded = decodeText(file.bytes, options.encoding);
  const separator =
    options.separator ?? (/\.tsv$/i.test(options.fileName) ? '\t' : detectSeparator(decoded.text.slice(0, 65_536)));
  const rows = parseDelimited(decoded.text, separator, limits);
  return {
    fileName: options.fileName,
    fileKind: 'csv',
    bytes: file.bytes.length,
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    separator,
    sheets: [],
    sheet: null,
    rows,
    issues: decoded.issues,
  };
}
