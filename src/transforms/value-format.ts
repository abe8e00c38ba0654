/**
 * How a value reads once a measure is applied: percent units and shares as "62,8 %", per-1,000 with one
 * decimal, per-household with two, counts grouped. Pure (Intl formatters from src/i18n/format.ts).
 */
import type { Lang, Measure, Unit } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';

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
