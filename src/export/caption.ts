/**
 * Caption texts shared by every export (SVG/PNG, CSV, PPTX, presentation mode): status badge,
 * selection line, source line, export date, missing-value reasons. Pure; messages co-located here
 * in French, Arabic and English so the image, the sheet and the slide always say the same thing.
 */
import type { DataStatus, Lang } from '../contract/contract.ts';
import type { ChartModel, MissingReason } from '../transforms/chart-types.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatDate } from '../i18n/format.ts';
import { statusText } from '../i18n/status-label.ts';
import { formatCitation } from '../i18n/provenance.ts';
import { sourceGroups } from '../transforms/provenance.ts';

/** Messages used inside exported files. */
export const exportMessages = defineMessages({
  source: { fr: 'Source : {citation}', ar: 'المصدر: {citation}', en: 'Source: {citation}' },
  exported: {
    fr: 'Exporté le {date} depuis Mouchir',
    ar: 'صُدِّر في {date} من مؤشر',
    en: 'Exported on {date} from Mouchir',
  },
  link: { fr: 'Vue : {link}', ar: 'العرض: {link}', en: 'View: {link}' },
  method: { fr: 'Méthode : {method}', ar: 'المنهجية: {method}', en: 'Method: {method}' },
  unit: { fr: 'Unité : {unit}', ar: 'الوحدة: {unit}', en: 'Unit: {unit}' },
  reasonNotPublished: { fr: 'non publié', ar: 'غير منشور', en: 'not published' },
  reasonNoPopulation: { fr: 'population inconnue', ar: 'عدد السكان غير معروف', en: 'no population figure' },
  reasonNoHouseholds: { fr: 'ménages inconnus', ar: 'عدد الأسر غير معروف', en: 'no household count' },
  reasonOutOfRange: { fr: 'hors période', ar: 'خارج الفترة', en: 'outside the period' },
  noData: { fr: 'Aucune donnée à afficher', ar: 'لا توجد بيانات للعرض', en: 'No data to show' },
});

/**
 * The status in words, e.g. "Illustratif — ne pas citer": the one wording the screen's badge uses too
 * (src/i18n/status-label.ts), so a slide never names a status differently from the page it came from.
 */
export function statusLabel(status: DataStatus, lang: Lang): string {
  return statusText(status, lang);
}

/** Whether the badge must be burned into the image (never optional for non-official figures). */
export function needsStatusBadge(status: DataStatus): boolean {
  return status !== 'official';
}

const REASON_KEY = {
  'not-published': 'reasonNotPublished',
  'no-population': 'reasonNoPopulation',
  'no-households': 'reasonNoHouseholds',
  'out-of-range': 'reasonOutOfRange',
} as const satisfies Record<MissingReason, keyof typeof exportMessages>;

/** Why a value is missing, in words; unknown reason codes are shown as they are. */
export function reasonLabel(reason: string | undefined, lang: Lang): string {
  if (reason === undefined || reason === '') return '';
  const key = (REASON_KEY as Record<string, keyof typeof exportMessages | undefined>)[reason];
  return key ? translate(exportMessages, lang, key) : reason;
}

/**
 * The selection in words: the model's subtitle (territories, period, measure) followed by the
 * denominator note when the subtitle does not already state it.
 */
export function selectionCaption(model: ChartModel): string {
  const parts = [model.subtitle.trim()];
  const den = model.denominatorNote?.trim();
  if (den && !model.subtitle.includes(den)) parts.push(den);
  return parts.filter((p) => p !== '').join(' · ');
}

/**
 * "Source : HCP, « RGPH 2024 », 17 déc. 2024": the main source as a citation, publisher first (the indicator's when
 * a shown point relies on it, else the first point's own). The full list, with the points each source covers, is
 * `sourceLines` (provenance-text.ts).
 */
export function sourceLine(model: ChartModel): string {
  const main = sourceGroups(model)[0]?.source ?? model.source;
  return translate(exportMessages, model.lang, 'source', {
    citation: formatCitation(main, model.lang, { url: false }),
  });
}

/** "Exporté le 26 nov. 2026 depuis Mouchir". `isoDate` is `YYYY-MM-DD`. */
export function exportedLine(isoDate: string, lang: Lang): string {
  return translate(exportMessages, lang, 'exported', { date: formatDate(isoDate, lang) });
}

/** "Méthode : …", or `null` for official figures or an empty method. */
export function methodLine(model: ChartModel): string | null {
  if (model.status === 'official' || model.method.trim() === '') return null;
  return translate(exportMessages, model.lang, 'method', { method: model.method.trim() });
}

/** The link as shown in text: without the scheme, so it reads short; the QR code carries the full URL. */
export function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}

/** Today's date as `YYYY-MM-DD` (UTC), the default export date. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
