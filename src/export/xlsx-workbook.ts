/**
 * XLSX export (issue 17 item 3): an export table (csv.ts `ExportTable`, the same rows and provenance as the CSV)
 * written as a minimal SpreadsheetML workbook zipped with fflate — no spreadsheet library: the parts below are the
 * whole format we need (a few kB of code, where a writer library would add tens of kB and its own zip), and the
 * project's XLSX reader (src/import/xlsx.ts) reads it back in the tests. Loaded on demand only (`import()` from
 * actions.ts): it is its own chunk, never in the first load.
 *
 * Two sheets. The data sheet ("Données" / "البيانات" / "Data"): the column names on row 1, frozen; numbers typed
 * as numbers (`<c>` with `<v>`, never a string), every text (periods and codes included) a string with the text
 * format `@` (so "2024-03" is never a date, even when the cell is edited); column widths from the longest value; right to left in
 * Arabic (`rightToLeft` on the sheet view). The "Sources" sheet: the header lines (title, selection, unit, every
 * source, status, method, export date, the link to the view as a hyperlink) then, per point, its source, the
 * source's link and status.
 *
 * Never a formula: every text is a shared string (`t="s"`), which a spreadsheet shows as it is; a text that would
 * start a formula if typed (= + - @) carries the `quotePrefix` style, Excel's own "this is text" mark (the `'` a
 * user types), so editing the cell does not turn it into one either — and nothing is shown before it. Pure.
 */
import { strToU8, zipSync } from 'fflate';
import type { Lang } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import type { ExportCell, ExportTable } from './csv.ts';
import { escapeXml } from './xml.ts';

const messages = defineMessages({
  sheetData: { fr: 'Données', ar: 'البيانات', en: 'Data' },
  sheetSources: { fr: 'Sources', ar: 'المصادر', en: 'Sources' },
});

/** MIME type of an XLSX workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Cell style indexes (cellXfs in styles.xml). */
const STYLE = { header: 1, text: 2, textQuoted: 3, link: 4, wrap: 5 } as const;

/** Characters that would make a typed cell a formula (csv.ts neutralises the same set). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Column letters of a 0-based index: 0 → A, 27 → AB. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Shared strings: each distinct text once. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_HYPERLINK = `${NS_REL}/hyperlink`;

/** One cell to write: a typed export cell, or a header/label/link text with its style. */
type SheetCell = ExportCell | { kind: 'styled'; text: string; style: number } | null;

interface SheetSpec {
  rows: SheetCell[][];
  /** Rows (0-based) frozen at the top: 1 for the header row. */
  frozenRows: number;
  rtl: boolean;
  /** Hyperlinks: cell reference → absolute http(s) URL. */
  links: { ref: string; url: string }[];
  /** Widest column allowed, in characters. */
  maxWidth: number;
}

/** The displayed length of a cell's text (for the column widths). */
function cellLength(c: SheetCell): number {
  if (c === null) return 0;
  if (c.kind === 'number') return c.value === null ? 0 : String(c.value).length;
  return c.text.length;
}

function cellXml(c: SheetCell, ref: string, ss: SharedStrings): string {
  if (c === null) return '';
  if (c.kind === 'number') {
    return c.value === null || !Number.isFinite(c.value) ? '' : `<c r="${ref}"><v>${String(c.value)}</v></c>`;
  }
  if (c.text === '') return '';
  let style: number;
  if (c.kind === 'styled') style = c.style;
  else if (FORMULA_START.test(c.text)) style = STYLE.textQuoted;
  else style = STYLE.text;
  return `<c r="${ref}" s="${style}" t="s"><v>${ss.id(c.text)}</v></c>`;
}

function sheetXml(spec: SheetSpec, ss: SharedStrings): string {
  const widths: number[] = [];
  for (const row of spec.rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cellLength(c));
    });
  }
  const cols = widths
    .map((w, i) => {
      const width = Math.min(spec.maxWidth, Math.max(8, w + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const rows = spec.rows
    .map((row, r) => {
      const cells = row.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`, ss)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const pane =
    spec.frozenRows > 0
      ? `<pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${spec.frozenRows + 1}" sqref="A${spec.frozenRows + 1}"/>`
      : '';
  const view = `<sheetViews><sheetView workbookViewId="0"${spec.rtl ? ' rightToLeft="1"' : ''}>${pane}</sheetView></sheetViews>`;
  const links =
    spec.links.length > 0
      ? `<hyperlinks>${spec.links.map((l, i) => `<hyperlink ref="${l.ref}" r:id="rId${i + 1}"/>`).join('')}</hyperlinks>`
      : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${view}<sheetFormatPr defaultRowHeight="15"/>` +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData>${links}</worksheet>`
  );
}

function sheetRelsXml(links: { url: string }[]): string {
  const rels = links
    .map(
      (l, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_HYPERLINK}" Target="${escapeXml(l.url)}" TargetMode="External"/>`,
    )
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`;
}

/** A link a hyperlink may point to: absolute http(s) only (never `javascript:` or a file). */
function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
 * (Ours are fixed words, but the rule is cheap to keep.)
 */
export function sheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return clean === '' ? 'Sheet' : clean;
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Options of `buildXlsx`. */
export interface XlsxOptions {
  /** Export date `YYYY-MM-DD` (the workbook's creation date). */
  exportDate: string;
}

/** The workbook's bytes (an XLSX file) for an export table. */
export function buildXlsx(table: ExportTable, { exportDate }: XlsxOptions): Uint8Array {
  const lang: Lang = table.lang;
  const rtl = lang === 'ar';
  const ss = new SharedStrings();
  const header = (t: string): SheetCell => ({ kind: 'styled', text: t, style: STYLE.header });
  const dataRows: SheetCell[][] = [table.columns.map(header), ...table.rows];
  if (table.synthetic) {
    // A synthetic table says so under its rows too (the Sources sheet opens with it): figures copied from this
    // sheet alone must not pass for real ones.
    const stamp = table.meta[0];
    if (stamp) dataRows.push([], [header(stamp[0]), { kind: 'text', text: stamp[1] }]);
  }
  const data: SheetSpec = { rows: dataRows, frozenRows: 1, rtl, links: [], maxWidth: 60 };

  const sourceRows: SheetCell[][] = [];
  const links: { ref: string; url: string }[] = [];
  for (const [label, value] of table.meta) {
    const isLink = label === table.linkLabel && value === table.link && isWebLink(value);
    if (isLink) links.push({ ref: `B${sourceRows.length + 1}`, url: value });
    sourceRows.push([
      header(label),
      isLink ? { kind: 'styled', text: value, style: STYLE.link } : { kind: 'styled', text: value, style: STYLE.wrap },
    ]);
  }
  sourceRows.push([], table.sourceColumns.map(header), ...table.sourceRows);
  const sources: SheetSpec = { rows: sourceRows, frozenRows: 0, rtl, links, maxWidth: 80 };

  const names = [
    sheetName(translate(messages, lang, 'sheetData')),
    sheetName(translate(messages, lang, 'sheetSources')),
  ];
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${escapeXml(table.title)}</dc:title>` +
        '<dc:creator>Mouchir</dc:creator>' +
        (/^\d{4}-\d{2}-\d{2}$/.test(exportDate)
          ? `<dcterms:created xsi:type="dcterms:W3CDTF">${exportDate}T00:00:00Z</dcterms:created>`
          : '') +
        '</cp:coreProperties>',
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId4" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES_XML),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(data, ss)),
    'xl/worksheets/sheet2.xml': strToU8(sheetXml(sources, ss)),
  };
  if (links.length > 0) files['xl/worksheets/_rels/sheet2.xml.rels'] = strToU8(sheetRelsXml(links));
  // Shared strings last: the sheets above filled the table.
  files['xl/sharedStrings.xml'] = strToU8(ss.xml());
  return zipSync(files, { level: 6 });
}
