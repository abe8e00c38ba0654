/**
 * How a value reads once a measure is applied: percent units and shares as "62,8 %", per-1,000 with one
 * decimal, per-household with two, counts grouped; a point's qualifier, period label and caveat as they read on
 * screen (`pointValueText`, `pointPeriodText`, `pointCaveat`: the chart tooltips, announcements, table, map and cards
 * all call them). Pure (Intl formatters from src/i18n/format.ts).
 */
import type { Confidence, Lang, Measure, Qualifier, Unit } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { confidenceLabel, qualifiedValue, qualifierLabel } from '../i18n/provenance.ts';

const messages = defineMessages({
  per1000: { fr: 'pour 1 000 habitants', ar: 'لكل 1000 نسمة', en: 'per 1,000 inhabitants' },
  perHousehold: { fr: 'par ménage', ar: 'لكل أسرة', en: 'per household' },
  shareOfPopulation: { fr: '% de la population', ar: '% من السكان', en: '% of population' },
  noValue: { fr: 'n.d.', ar: 'غ.م.', en: 'n/a' },
});

/** Whether values are percentages once the measure is applied. */
export function isPercentValue(unitCode: Unit['code'], measure: Measure): boolean {
  return measure === 'shareOfPopulation' || (measure === 'absolute' && unitCode === 'percent');
}

/** Format one value for display; `null` reads "n.d." (the reason is shown elsewhere). */
export function formatMeasured(value: number | null, unitCode: Unit['code'], measure: Measure, lang: Lang): string {
  if (value === null) return translate(messages, lang, 'noValue');
  if (isPercentValue(unitCode, measure)) return formatPercent(value, lang, measure === 'shareOfPopulation' ? 2 : 1);
  if (measure === 'per1000') return formatNumber(value, lang, 1);
  if (measure === 'perHousehold') return formatNumber(value, lang, 2);
  return formatNumber(value, lang, Math.abs(value) >= 100 ? 0 : 1);
}

/** The unit label after the measure: the indicator's own unit, or "pour 1 000 habitants"… */
export function measuredUnitLabel(unit: Unit, measure: Measure, lang: Lang): string {
  if (measure === 'absolute') return unit.label[lang];
  return translate(messages, lang, measure);
}

/** What a shown point carries besides its number (a `ChartPoint`, a map datum, a KPI point in one language). */
export interface PointProvenance {
  value: number | null;
  period?: string | null;
  qualifier?: Qualifier | undefined;
  confidence?: Confidence | undefined;
  note?: string | null | undefined;
  periodLabel?: string | undefined;
}

/**
 * A point's value as it reads everywhere a number of a point is shown, its qualifier attached: "≈ 10 M",
 * "> 11 000 000", "أكثر من 11 مليون"; a missing value reads as `format(null)` ("n.d."). `format` is the caller's
 * (full figure, compact, percent).
 */
export function pointValueText(
  point: Pick<PointProvenance, 'value' | 'qualifier'>,
  format: (value: number | null) => string,
  lang: Lang,
): string {
  return point.value === null ? format(null) : qualifiedValue(format(point.value), point.qualifier, lang);
}

/** The period of a point as printed: the source's own words for an undated point ("avant la réforme de 2022"). */
export function pointPeriodText(point: { period: string; periodLabel?: string | undefined }, lang: Lang): string {
  return point.periodLabel ?? formatPeriod(point.period, lang);
}

/**
 * The caveat line of a point, in the model's language: its note, then how well it is confirmed ("deux sources
 * concordantes") when the point carries a qualifier or a note, or is less than an official publication; `null`
 * when there is nothing to say. A `provisional` or `computed` point without a note says what its mark means.
 */
export function pointCaveat(point: Omit<PointProvenance, 'value'>, lang: Lang): string | null {
  const parts: string[] = [];
  // The note's own final full stop goes: the parts are joined with " · " ("… approchée · deux sources concordantes").
  if (point.note) parts.push(point.note.replace(/[.。]\s*$/u, ''));
  else if (point.qualifier === 'provisional' || point.qualifier === 'computed')
    parts.push(qualifierLabel(point.qualifier, lang));
  if (point.confidence && (point.qualifier || point.note || point.confidence !== 'publication'))
    parts.push(confidenceLabel(point.confidence, lang));
  return parts.length > 0 ? parts.join(' · ') : null;
}
