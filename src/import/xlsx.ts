/**
 * XLSX workbooks into rows of cells (issue 15): our own small reader of the parts we need (workbook, its
 * relationships, the shared strings, one sheet) over the guarded zip reader (./zip.ts, fflate). Loaded only by the
 * import worker, and only for a zip file. No DOM (a worker has no DOMParser): the XML is scanned with regular
 * expressions, which is enough for what spreadsheet programs write. Cells: numbers stay numbers (a date cell is its
 * serial number: the period reader knows serials), text stays text, formulas are never evaluated (their cached
 * result is read, a formula-like string is that string), booleans and errors are text. Pure.
 */
import { IMPORT_LIMITS, ImportError, type ImportLimits, type SheetInfo } from './types.ts';
import { readEntry, zipEntries, type ZipEntry } from './zip.ts';

export interface Workbook {
  sheets: SheetInfo[];
  /** Read one sheet (by name; the first when absent) into rows; row `i` is spreadsheet row `i + 1`. */
  readSheet(name?: string): { name: string; rows: (string | number)[][] };
}

const dec = new TextDecoder();

/** Open a workbook: checks it is one (`not-xlsx`), the declared sizes (`zip-bomb`), and lists its sheets. */
export function openWorkbook(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Workbook {
  const entries = zipEntries(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wbEntry = byName.get('xl/workbook.xml');
  if (!wbEntry) throw new ImportError('not-xlsx', {});
  let budget = limits.maxUnpackedBytes;
  const read = (e: ZipEntry): string => {
    const out = readEntry(bytes, e, budget);
    budget -= out.length;
    return dec.decode(out);
  };
  const wb = read(wbEntry);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const rels = new Map<string, string>();
  if (relsEntry) {
    for (const m of read(relsEntry).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const id = attr(m[1]!, 'Id');
      const target = attr(m[1]!, 'Target');
      if (id && target) rels.set(id, target);
    }
  }
  const sheetParts: { info: SheetInfo; part: string }[] = [];
  let index = 0;
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = unescapeXml(attr(m[1]!, 'name') ?? `Sheet${index + 1}`);
    const rid = attr(m[1]!, 'r:id') ?? attr(m[1]!, 'id');
    let target = (rid && rels.get(rid)) ?? `worksheets/sheet${index + 1}.xml`;
    target = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheetParts.push({ info: { name, index }, part: target.replace(/\/[^/]+\/\.\.\//g, '/') });
    index++;
  }
  if (sheetParts.length === 0) throw new ImportError('xlsx-invalid', { part: 'xl/workbook.xml' });
  // Declared sizes of everything we may read, against the budget, before inflating any sheet.
  const ssEntry = byName.get('xl/sharedStrings.xml');
  let shared: string[] | null = null;
  return {
    sheets: sheetParts.map((s) => s.info),
    readSheet(name) {
      const sheet = name === undefined ? sheetParts[0]! : sheetParts.find((s) => s.info.name === name);
      if (!sheet) throw new ImportError('no-sheet', { sheet: name ?? '' });
      const entry = byName.get(sheet.part);
      if (!entry) throw new ImportError('xlsx-invalid', { part: sheet.part });
      const declared = entry.size + (shared === null && ssEntry ? ssEntry.size : 0);
      if (declared > budget) throw new ImportError('zip-bomb', { max: limits.maxUnpackedBytes });
      if (shared === null) shared = ssEntry ? parseSharedStrings(read(ssEntry)) : [];
      return { name: sheet.info.name, rows: parseSheet(read(entry), shared, limits) };
    },
  };
}

function attr(s: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(s);
  return m ? m[1]! : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and Excel's `_x000D_` escapes to text. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of an `<si>` or `<is>`: every `<t>` (rich-text runs included), phonetic runs (`<rPh>`) excluded. */
function richText(xml: string): string {
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of clean.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(richText(m[1] ?? ''));
  return out;
}

/** Column index (0-based) of a cell reference's letters: `A1` → 0, `AB7` → 27. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ROW_RE = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export function parseSheet(
  xml: string,
  shared: readonly string[],
  limits: Pick<ImportLimits, 'maxRows' | 'maxColumns'> = IMPORT_LIMITS,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const start = xml.indexOf('<sheetData');
  const body = start >= 0 ? xml.slice(start) : xml;
  for (const rm of body.matchAll(ROW_RE)) {
    const rAttr = /\br="(\d+)"/.exec(rm[1]!);
    const rowIndex = rAttr ? Number(rAttr[1]) - 1 : rows.length;
    if (rowIndex > limits.maxRows + 1) throw new ImportError('too-many-rows', { max: limits.maxRows });
    while (rows.length < rowIndex) rows.push([]);
    const row: (string | number)[] = [];
    const content = rm[2];
    if (content) {
      for (const cm of content.matchAll(CELL_RE)) {
        const a = cm[1]!;
        const refM = /\br="([A-Z]+)\d*"/.exec(a);
        const col = refM ? columnIndex(refM[1]!) : row.length;
        if (col >= limits.maxColumns) {
          throw new ImportError('too-many-columns', { row: rowIndex + 1, columns: col + 1, max: limits.maxColumns });
        }
        const value = cellValue(a, cm[2] ?? '', shared);
        if (value === '') continue;
        while (row.length < col) row.push('');
        row[col] = value;
      }
    }
    rows[rowIndex] = row;
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length > limits.maxRows + 1) throw new ImportError('too-many-rows', { max: limits.maxRows });
  return rows;
}

function cellValue(attrs: string, inner: string, shared: readonly string[]): string | number {
  const t = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (t === 'inlineStr') return richText(/<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? '');
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (v === undefined) return '';
  if (t === 's') return shared[Number(v)] ?? '';
  if (t === 'n') {
    const n = Number(v);
    return Number.isFinite(n) ? n : unescapeXml(v);
  }
  if (t === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  // str (a formula's text result), e (an error such as #DIV/0!), d (ISO date): text.
  return unescapeXml(v);
}
