/**
 * CSV export: exactly the rows the table tab shows (measure applied), or the full series; the rows come
 * from the table's own row builder (`buildLongRows`), the CSV only serialises them.
 * UTF-8 with a BOM (Excel otherwise reads Arabic names as mojibake), RFC 4180 quoting with CRLF,
 * header rows carrying title, selection, source, status, method, export date and link, and text
 * cells neutralised against formula injection (OWASP "CSV injection"). Pure.
 */
import type { DataStatus, Lang, Source } from '../contract/contract.ts';
import type { ChartModel, ChartPoint } from '../transforms/chart-types.ts';
import type { MapModel } from '../transforms/map-model.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { confidenceLabel, formatCitation, qualifierLabel } from '../i18n/provenance.ts';
import { mapAsSeries, sourceGroups } from '../transforms/provenance.ts';
import { buildLongRows, buildMapRows, type LongRow } from '../transforms/table.ts';
import { exportedLine, methodLine, reasonLabel, selectionCaption, statusLabel } from './caption.ts';
import { exportValueText, groupText, markedValue, syntheticStamp, syntheticWatermark } from './provenance-text.ts';
import { finiteOrNull } from './values.ts';
import { eventLine, eventMessages } from '../transforms/events.ts';

const messages = defineMessages({
  title: { fr: 'Titre', ar: 'العنوان', en: 'Title' },
  selection: { fr: 'Sélection', ar: 'الاختيار', en: 'Selection' },
  unit: { fr: 'Unité', ar: 'الوحدة', en: 'Unit' },
  source: { fr: 'Source', ar: 'المصدر', en: 'Source' },
  status: { fr: 'Statut', ar: 'الحالة', en: 'Status' },
  method: { fr: 'Méthode', ar: 'المنهجية', en: 'Method' },
  exported: { fr: 'Export', ar: 'التصدير', en: 'Export' },
  link: { fr: 'Lien', ar: 'الرابط', en: 'Link' },
  event: { fr: 'Événement', ar: 'حدث', en: 'Event' },
  boundaries: { fr: 'Limites', ar: 'الحدود', en: 'Boundaries' },
  content: { fr: 'Contenu', ar: 'المحتوى', en: 'Content' },
  displayed: { fr: 'Données affichées', ar: 'البيانات المعروضة', en: 'Displayed data' },
  full: { fr: 'Série complète', ar: 'السلسلة الكاملة', en: 'Full series' },
  colTerritory: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
  colCode: { fr: 'Code', ar: 'الرمز', en: 'Code' },
  colPeriod: { fr: 'Période', ar: 'الفترة', en: 'Period' },
  colValue: { fr: 'Valeur ({unit})', ar: 'القيمة ({unit})', en: 'Value ({unit})' },
  colStatus: { fr: 'Statut', ar: 'الحالة', en: 'Status' },
  colReason: { fr: 'Raison (valeur manquante)', ar: 'السبب (قيمة ناقصة)', en: 'Reason (missing value)' },
  colShown: { fr: 'Valeur telle qu’affichée', ar: 'القيمة كما تُعرض', en: 'Value as shown' },
  colQualifier: { fr: 'Qualificatif', ar: 'الوصف', en: 'Qualifier' },
  colNote: { fr: 'Note', ar: 'ملاحظة', en: 'Note' },
  colConfidence: { fr: 'Confiance', ar: 'درجة التأكد', en: 'Confidence' },
  colSource: { fr: 'Source', ar: 'المصدر', en: 'Source' },
  colSourceUrl: { fr: 'Lien de la source', ar: 'رابط المصدر', en: 'Source link' },
  sourceN: { fr: 'Source {i}/{n}', ar: 'المصدر {i}/{n}', en: 'Source {i}/{n}' },
  official: { fr: 'officiel', ar: 'رسمي', en: 'official' },
  estimate: { fr: 'estimation', ar: 'تقدير', en: 'estimate' },
  illustrative: { fr: 'illustratif', ar: 'توضيحي', en: 'illustrative' },
  imported: { fr: 'importé', ar: 'مستورد', en: 'imported' },
});

/** Characters that make a spreadsheet read a cell as a formula (or smuggle one via tab/CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: neutralised with a leading `'` when it could start a formula, then quoted per
 * RFC 4180 when it holds a comma, a quote, or a line break.
 */
export function csvTextCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A numeric cell: a finite number written as a plain number (negative numbers stay numbers,
 * since a `-` before digits is no formula); anything else is an empty cell.
 */
export function csvNumberCell(value: number | null): string {
  const n = finiteOrNull(value);
  return n === null ? '' : String(n);
}

function statusWord(status: string, lang: Lang): string {
  return status === 'official' || status === 'estimate' || status === 'illustrative' || status === 'imported'
    ? translate(messages, lang, status as DataStatus)
    : status;
}

export interface CsvInput {
  model: ChartModel;
  /**
   * The rows to write, as the table tab builds them (`buildLongRows`, src/transforms/table.ts: the one
   * row builder of the table, the CSV and the deck's notes); defaults to every point of the model.
   */
  rows?: readonly LongRow[];
  /** `displayed`: what the table tab shows; `full`: the full series. Only changes the header text. */
  variant: 'displayed' | 'full';
  /** Export date `YYYY-MM-DD`. */
  exportDate: string;
  /** `standard` (default) or `excel-fr` (see `CsvFlavour`). */
  flavour?: CsvFlavour | undefined;
}

/** The UTF-8 byte order mark, first character of every CSV. */
export const BOM = '\uFEFF';

/** What the header rows of a CSV say (a chart's or a map's). */
interface CsvHead {
  lang: Lang;
  title: string;
  selection: string;
  unit: string;
  source: Source;
  /** Every source of the shown points, as header lines (publisher first, with the points each covers). */
  sources: string[];
  /** The point behind a row (its qualifier, note, confidence and own source), when the export has one. */
  pointOf: (row: LongRow) => Pick<ChartPoint, 'qualifier' | 'note' | 'confidence' | 'source'> | undefined;
  /** The figures are the synthetic stress catalogue's: the first line says so. */
  synthetic: boolean;
  status: DataStatus;
  /** Extra header rows after the status (method, boundaries), as [label key, value]. */
  extra: [keyof typeof messages, string][];
  exportDate: string;
  link: string;
  variant: 'displayed' | 'full';
  /** The indicator's method (empty when none is given). */
  method: string;
}

/**
 * A cell of the export table, typed so each format can write it its own way: `text` (neutralised against formula
 * injection), `number` (a finite number or an empty cell), `period` (a period such as `2024-03`, which must stay
 * text: a spreadsheet would read a month as a date).
 */
export type ExportCell =
  { kind: 'text'; text: string } | { kind: 'number'; value: number | null } | { kind: 'period'; text: string };

/**
 * What every tabular export writes (both CSV flavours and the XLSX workbook): the data table (column names and
 * typed rows, provenance columns included), the header lines (title, selection, unit, sources, status, method,
 * export date, link, content) and, per row, where the figure comes from (the XLSX "Sources" sheet).
 */
export interface ExportTable {
  lang: Lang;
  /** The title as shown. */
  title: string;
  /** The data table's column names. */
  columns: string[];
  rows: ExportCell[][];
  /** Header lines as [label, value], in order; the synthetic stamp first when the figures are synthetic. */
  meta: [string, string][];
  /** The figures are the synthetic stress catalogue's. */
  synthetic: boolean;
  /** Absolute link back to the view. */
  link: string;
  /** The label of the link line in `meta` (so a workbook can make that cell a hyperlink). */
  linkLabel: string;
  /** The indicator's method (empty when none is given). */
  method: string;
  /** Per point: territory, code, period, source citation, source link, status (the "Sources" sheet). */
  sourceColumns: string[];
  sourceRows: ExportCell[][];
}

const text = (t: string): ExportCell => ({ kind: 'text', text: t });

/** The export table of a chart's or a map's rows. */
function exportTable(head: CsvHead, rows: readonly LongRow[]): ExportTable {
  const lang = head.lang;
  const t = (key: keyof typeof messages, vars?: Record<string, string>) => translate(messages, lang, key, vars);
  const meta: [string, string][] = [];
  if (head.synthetic) meta.push([syntheticWatermark(lang), syntheticStamp(lang)]);
  meta.push([t('title'), head.title], [t('selection'), head.selection], [t('unit'), head.unit]);
  head.sources.forEach((value, i) =>
    meta.push([
      head.sources.length > 1 ? t('sourceN', { i: String(i + 1), n: String(head.sources.length) }) : t('source'),
      value,
    ]),
  );
  meta.push([t('status'), statusLabel(head.status, lang)]);
  for (const [key, value] of head.extra) meta.push([t(key), value]);
  meta.push(
    [t('exported'), exportedLine(head.exportDate, lang)],
    [t('link'), head.link],
    [t('content'), t(head.variant)],
  );
  const data: ExportCell[][] = [];
  const sourceRows: ExportCell[][] = [];
  for (const r of rows) {
    const p = head.pointOf(r);
    const value = finiteOrNull(r.value);
    const source = p?.source ?? head.source;
    data.push([
      text(r.territory),
      text(r.territoryCode),
      { kind: 'period', text: r.period },
      { kind: 'number', value },
      text(value === null ? '' : markedValue(exportValueText(value, lang), p as ChartPoint | undefined, lang)),
      text(p?.qualifier ? qualifierLabel(p.qualifier, lang) : ''),
      text(statusWord(r.status, lang)),
      text(r.value === null ? reasonLabel(r.reason, lang) : ''),
      text(p?.note ?? ''),
      text(p?.confidence ? confidenceLabel(p.confidence, lang) : ''),
      text(formatCitation(source, lang)),
    ]);
    sourceRows.push([
      text(r.territory),
      text(r.territoryCode),
      { kind: 'period', text: r.period },
      text(formatCitation(source, lang, { url: false })),
      text(source.url),
      text(statusWord(r.status, lang)),
    ]);
  }
  return {
    lang,
    title: head.title,
    columns: [
      t('colTerritory'),
      t('colCode'),
      t('colPeriod'),
      t('colValue', { unit: head.unit }),
      t('colShown'),
      t('colQualifier'),
      t('colStatus'),
      t('colReason'),
      t('colNote'),
      t('colConfidence'),
      t('colSource'),
    ],
    rows: data,
    meta,
    synthetic: head.synthetic,
    link: head.link,
    linkLabel: t('link'),
    method: head.method,
    sourceColumns: [t('colTerritory'), t('colCode'), t('colPeriod'), t('colSource'), t('colSourceUrl'), t('colStatus')],
    sourceRows,
  };
}

/**
 * The CSV flavours. `standard`: comma, decimal point, ISO periods, the header lines (`# Titre,…`) before the
 * column names — what scripts and the Mouchir importer read. `excel-fr`: what French Excel (and LibreOffice in a
 * French locale) opens by a double click into the right columns and types — semicolon (the list separator of a
 * French Windows), decimal comma, months kept as text, the column names on the first row and the header lines after
 * the data table (after one empty row), so the first row is the table's header and filters/sorting just work.
 */
export type CsvFlavour = 'standard' | 'excel-fr';

/**
 * A month period for French Excel: `2024-03` with a NON-BREAKING HYPHEN (U+2011) instead of `-`. Excel and
 * LibreOffice read a cell "2024-03" of a CSV as a date (1 March 2024, shown "mars-24") and there is no way to type
 * a CSV cell: `="2024-03"` would keep it as text but is a formula (which this export never writes, see
 * FORMULA_START), and a leading `'` is shown as part of the text when a CSV is opened. U+2011 looks the same,
 * is not a date separator for any spreadsheet, so the cell stays the text "2024‑03". Years stay digits (Excel reads
 * the number 2024, shown the same) and quarters (`2024-Q3`) are never dates. The standard CSV and the XLSX keep the
 * ISO period (the XLSX types the cell as text).
 */
export function excelPeriodText(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? period.replace('-', '\u2011') : period;
}

/** A number for French Excel: decimal comma, no grouping (a finite number, else an empty cell). */
export function excelFrNumberCell(value: number | null): string {
  return csvNumberCell(value).replace('.', ',');
}

/** A text cell for French Excel: neutralised like `csvTextCell`, quoted when it holds `;`, `,`, a quote or a break. */
export function excelFrTextCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";,\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Serialise an export table as CSV text (BOM included, CRLF) in one flavour. */
export function tableToCsv(table: ExportTable, flavour: CsvFlavour = 'standard'): string {
  const fr = flavour === 'excel-fr';
  const textCell = fr ? excelFrTextCell : csvTextCell;
  const sep = fr ? ';' : ',';
  const cell = (c: ExportCell): string =>
    c.kind === 'number'
      ? fr
        ? excelFrNumberCell(c.value)
        : csvNumberCell(c.value)
      : textCell(c.kind === 'period' && fr ? excelPeriodText(c.text) : c.text);
  const metaLines = table.meta.map(([label, value]) => [textCell(`# ${label}`), textCell(value)].join(sep));
  const dataLines = [table.columns.map(textCell).join(sep), ...table.rows.map((r) => r.map(cell).join(sep))];
  const out = fr ? [...dataLines, '', ...metaLines] : [...metaLines, '', ...dataLines];
  return BOM + out.join('\r\n') + '\r\n';
}

/** The export table of a chart: the rows the table tab shows (or the full series), typed, with their provenance. */
export function chartExportTable({ model, rows, variant, exportDate }: CsvInput): ExportTable {
  const method = methodLine(model);
  const points = new Map<string, ChartPoint>();
  for (const s of model.series) for (const p of s.points) points.set(`${s.key}\u0000${p.period}`, p);
  const groups = sourceGroups(model);
  return exportTable(
    {
      lang: model.lang,
      title: model.title,
      selection: selectionCaption(model),
      unit: model.unitLabel,
      source: model.source,
      sources: groups.map((g) => groupText(g, model, groups.length > 1, { url: true, maxPoints: 50 })),
      pointOf: (r) => points.get(`${r.territoryCode}\u0000${r.period}`),
      synthetic: model.synthetic === true,
      status: model.status,
      extra: [
        ...(method === null ? [] : [['method', model.method.trim()] as ['method', string]]),
        // Events on the time axis (issue 17): one header line each (after the data table in the French-Excel CSV).
        ...(model.events ?? []).map((e): ['event', string] => [
          'event',
          e.axisPeriod === null
            ? `${translate(eventMessages, model.lang, 'outside')} ${eventLine(e, model.lang)}`
            : eventLine(e, model.lang),
        ]),
      ],
      exportDate,
      link: model.link,
      variant,
      method: model.method.trim(),
    },
    rows ?? buildLongRows(model),
  );
}

/** Build the CSV text (BOM included) in the input's flavour (standard by default). */
export function buildCsv(input: CsvInput): string {
  return tableToCsv(chartExportTable(input), input.flavour);
}

/** Inputs of `buildMapCsv`. */
export interface MapCsvInput {
  model: MapModel;
  /** Export date `YYYY-MM-DD`. */
  exportDate: string;
  /** Absolute link back to the view. */
  link: string;
  /** The title as shown (with the period); the indicator's name by default. */
  title?: string | undefined;
  /** The figures are the synthetic stress catalogue's (the chart model's `synthetic`). */
  synthetic?: boolean | undefined;
  /** `standard` (default) or `excel-fr` (see `CsvFlavour`). */
  flavour?: CsvFlavour | undefined;
}

/**
 * The map's table as CSV (BOM included): one row per territory of the level for the map's period
 * (`buildMapRows`), the ones without a value with their reason; the boundaries' attribution in the header.
 */
export function buildMapCsv(input: MapCsvInput): string {
  return tableToCsv(mapExportTable(input), input.flavour);
}

/** The export table of a map: one row per territory of the level for the map's period. */
export function mapExportTable({ model, exportDate, link, title, synthetic }: MapCsvInput): ExportTable {
  const series = mapAsSeries(model);
  const points = new Map(series.map((s) => [s.key, s.points[0]]));
  const groups = sourceGroups({ series, source: model.source });
  const pseudo = { series, lang: model.lang };
  return exportTable(
    {
      lang: model.lang,
      title: title ?? model.title,
      selection: model.subtitle,
      unit: model.unitLabel,
      source: model.source,
      sources: groups.map((g) => groupText(g, pseudo, groups.length > 1, { url: true, maxPoints: 80 })),
      pointOf: (r) => points.get(r.territoryCode),
      synthetic: synthetic === true,
      status: model.status,
      extra: [['boundaries', model.attribution]],
      exportDate,
      link,
      variant: 'displayed',
      method: '',
    },
    buildMapRows(model),
  );
}
