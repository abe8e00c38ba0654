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

/** A part's namespace prefix (`x:` when the root is `<x:worksheet>`), from its first bytes. */
function prefixOf(xml: string): string {
  return /<(\w+:)?(?:worksheet|sst)\b/.exec(xml.slice(0, 4096))?.[1] ?? '';
}

function isTagEnd(c: number): boolean {
  return c === 62 /* > */ || c === 47 /* / */ || c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Each `<tag …>…</tag>` or `<tag …/>` element starting in xml[from, to), in order: `fn(attrs, contentStart,
 * contentEnd)` (an empty range for a self-closing one). Linear: every search moves forward, and an element that
 * never closes is `xlsx-invalid` at once (a lazy regex would rescan the rest of the part for each such element,
 * which a hostile sheet turns into minutes).
 */
function eachElement(
  xml: string,
  tag: string,
  from: number,
  to: number,
  part: string,
  fn: (attrs: string, start: number, end: number) => void,
): void {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    if (!isTagEnd(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0 || gt >= to) throw new ImportError('xlsx-invalid', { part });
    if (xml.charCodeAt(gt - 1) === 47) {
      fn(xml.slice(i + open.length, gt - 1), gt + 1, gt + 1);
      i = xml.indexOf(open, gt + 1);
      continue;
    }
    const end = xml.indexOf(close, gt + 1);
    if (end < 0 || end + close.length > to) throw new ImportError('xlsx-invalid', { part });
    fn(xml.slice(i + open.length, gt), gt + 1, end);
    i = xml.indexOf(open, end + close.length);
  }
}

/** The text of the first `<tag>…</tag>` in xml[from, to), or `undefined`. */
function childText(xml: string, tag: string, from: number, to: number): string | undefined {
  let out: string | undefined;
  eachElement(xml, tag, from, to, tag, (_a, s, e) => {
    out ??= xml.slice(s, e);
  });
  return out;
}

/** The text of an `<si>` or `<is>`: every `<t>` (rich-text runs included), phonetic runs (`<rPh>`) excluded. */
function richText(xml: string, prefix: string, from: number, to: number): string {
  let out = '';
  let skipTo = -1;
  // Phonetic runs hold <t> elements too: note where they are and leave their text out.
  const phonetic: [number, number][] = [];
  if (xml.lastIndexOf(`<${prefix}rPh`, to) >= from) {
    eachElement(xml, `${prefix}rPh`, from, to, 'rPh', (_a, s, e) => phonetic.push([s, e]));
  }
  eachElement(xml, `${prefix}t`, from, to, 't', (_a, s, e) => {
    if (s <= skipTo || phonetic.some(([a, b]) => s >= a && e <= b)) return;
    out += xml.slice(s, e);
    skipTo = e;
  });
  return unescapeXml(out);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const prefix = prefixOf(xml);
  eachElement(xml, `${prefix}si`, 0, xml.length, 'xl/sharedStrings.xml', (_a, s, e) =>
    out.push(richText(xml, prefix, s, e)),
  );
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

const ROW_ATTR = /\br="(\d+)"/;
const REF_ATTR = /\br="([A-Z]+)\d*"/;
const TYPE_ATTR = /\bt="(\w+)"/;

export function parseSheet(
  xml: string,
  shared: readonly string[],
  limits: Pick<ImportLimits, 'maxRows' | 'maxColumns'> = IMPORT_LIMITS,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const prefix = prefixOf(xml);
  const start = Math.max(0, xml.indexOf(`<${prefix}sheetData`));
  eachElement(xml, `${prefix}row`, start, xml.length, 'sheet', (rowAttrs, rs, re) => {
    const rAttr = ROW_ATTR.exec(rowAttrs);
    const rowIndex = rAttr ? Number(rAttr[1]) - 1 : rows.length;
    if (rowIndex > limits.maxRows + 1) throw new ImportError('too-many-rows', { max: limits.maxRows });
    while (rows.length < rowIndex) rows.push([]);
    const row: (string | number)[] = [];
    eachElement(xml, `${prefix}c`, rs, re, 'sheet', (a, cs, ce) => {
      const refM = REF_ATTR.exec(a);
      const col = refM ? columnIndex(refM[1]!) : row.length;
      if (col >= limits.maxColumns) {
        throw new ImportError('too-many-columns', { row: rowIndex + 1, columns: col + 1, max: limits.maxColumns });
      }
      const value = cellValue(xml, prefix, a, cs, ce, shared);
      if (value === '') return;
      while (row.length < col) row.push('');
      row[col] = value;
    });
    rows[rowIndex] = row;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length > limits.maxRows + 1) throw new ImportError('too-many-rows', { max: limits.maxRows });
  return rows;
}

function cellValue(
  xml: string,
  prefix: string,
  attrs: string,
  from: number,
  to: number,
  shared: readonly string[],
): string | number {
  if (from === to) return '';
  const t = TYPE_ATTR.exec(attrs)?.[1] ?? 'n';
  if (t === 'inlineStr') {
    let text = '';
    eachElement(xml, `${prefix}is`, from, to, 'is', (_a, s, e) => (text = richText(xml, prefix, s, e)));
    return text;
  }
  const v = childText(xml, `${prefix}v`, from, to);
  if (v === undefined) return '';
  if (t === 's') return shared[Number(v)] ?? '';
  if (t === 'n') {
    const n = Number(v);
    return Number.isFinite(n) && v.trim() !== '' ? n : unescapeXml(v);
  }
  if (t === 'b') return v === '1' ? 'TRUE' : 'FALSE';
  // str (a formula's text result), e (an error such as #DIV/0!), d (ISO date): text.
  return unescapeXml(v);
}
