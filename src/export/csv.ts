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

const messages = defineMessages({
  title: { fr: 'Titre', ar: 'العنوان', en: 'Title' },
  selection: { fr: 'Sélection', ar: 'الاختيار', en: 'Selection' },
  unit: { fr: 'Unité', ar: 'الوحدة', en: 'Unit' },
  source: { fr: 'Source', ar: 'المصدر', en: 'Source' },
  status: { fr: 'Statut', ar: 'الحالة', en: 'Status' },
  method: { fr: 'Méthode', ar: 'المنهجية', en: 'Method' },
  exported: { fr: 'Export', ar: 'التصدير', en: 'Export' },
  link: { fr: 'Lien', ar: 'الرابط', en: 'Link' },
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

/** Join cells and rows; CRLF as RFC 4180 says. */
function line(cells: string[]): string {
  return cells.join(',');
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
}

/** The header rows, the column names and one line per row. */
function csvDocument(head: CsvHead, rows: readonly LongRow[]): string {
  const lang = head.lang;
  const t = (key: keyof typeof messages, vars?: Record<string, string>) => translate(messages, lang, key, vars);
  const header = (label: string, value: string) => line([csvTextCell(`# ${label}`), csvTextCell(value)]);
  const out: string[] = [];
  if (head.synthetic) out.push(header(syntheticWatermark(lang), syntheticStamp(lang)));
  out.push(header(t('title'), head.title), header(t('selection'), head.selection), header(t('unit'), head.unit));
  head.sources.forEach((text, i) =>
    out.push(
      header(
        head.sources.length > 1 ? t('sourceN', { i: String(i + 1), n: String(head.sources.length) }) : t('source'),
        text,
      ),
    ),
  );
  out.push(header(t('status'), statusLabel(head.status, lang)));
  for (const [key, value] of head.extra) out.push(header(t(key), value));
  out.push(
    header(t('exported'), exportedLine(head.exportDate, lang)),
    header(t('link'), head.link),
    header(t('content'), t(head.variant)),
    '',
    line(
      [
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
      ].map(csvTextCell),
    ),
  );
  for (const r of rows) {
    const p = head.pointOf(r);
    const value = finiteOrNull(r.value);
    out.push(
      line([
        csvTextCell(r.territory),
        csvTextCell(r.territoryCode),
        csvTextCell(r.period),
        csvNumberCell(r.value),
        csvTextCell(value === null ? '' : markedValue(exportValueText(value, lang), p as ChartPoint | undefined, lang)),
        csvTextCell(p?.qualifier ? qualifierLabel(p.qualifier, lang) : ''),
        csvTextCell(statusWord(r.status, lang)),
        csvTextCell(r.value === null ? reasonLabel(r.reason, lang) : ''),
        csvTextCell(p?.note ?? ''),
        csvTextCell(p?.confidence ? confidenceLabel(p.confidence, lang) : ''),
        csvTextCell(formatCitation(p?.source ?? head.source, lang)),
      ]),
    );
  }
  return BOM + out.join('\r\n') + '\r\n';
}

/** Build the CSV text (BOM included). */
export function buildCsv({ model, rows, variant, exportDate }: CsvInput): string {
  const method = methodLine(model);
  const points = new Map<string, ChartPoint>();
  for (const s of model.series) for (const p of s.points) points.set(`${s.key}\u0000${p.period}`, p);
  const groups = sourceGroups(model);
  return csvDocument(
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
      extra: method === null ? [] : [['method', model.method.trim()]],
      exportDate,
      link: model.link,
      variant,
    },
    rows ?? buildLongRows(model),
  );
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
}

/**
 * The map's table as CSV (BOM included): one row per territory of the level for the map's period
 * (`buildMapRows`), the ones without a value with their reason; the boundaries' attribution in the header.
 */
export function buildMapCsv({ model, exportDate, link, title, synthetic }: MapCsvInput): string {
  const series = mapAsSeries(model);
  const points = new Map(series.map((s) => [s.key, s.points[0]]));
  const groups = sourceGroups({ series, source: model.source });
  const pseudo = { series, lang: model.lang };
  return csvDocument(
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
    },
    buildMapRows(model),
  );
}
