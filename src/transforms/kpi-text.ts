/**
 * How KPI figures read on the overview's cards and in the compare table (shared by both views, so it sits
 * below them). Pure (Intl through cached formatters).
 *
 * Cards are small, so counts of a million and more are written compactly ("11,4 M personnes"); the full figure is
 * in the explorer's table. Changes of a percentage are in percentage points ("+2,1 pts"), never in "%" which would
 * read as a relative change.
 */
import type { Lang, Unit } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatCompact, formatNumber, formatPercent, numberFormat as nf } from '../i18n/format.ts';

const kpiTextMessages = defineMessages({
  points: { fr: '{value} pts', ar: '{value} نقطة', en: '{value} pts' },
});

/**
 * Signed numbers inside Arabic (right-to-left) text are wrapped in a left-to-right isolate (LRI … PDI), otherwise
 * the bidi algorithm moves the sign to the far side ("5,1+" instead of "+5,1").
 */
function ltr(text: string, lang: Lang): string {
  if (lang !== 'ar') return text;
  // Only the signed figure is isolated: a word such as "مليون" after it must keep right-to-left order. ICU puts
  // bidi marks (LRM, RLM or ALM, depending on its version) around signs and "%": they are dropped inside the isolate.
  return text.replace(NUMBER_RUN, (n) => `\u2066${n.replace(BIDI_MARKS, '')}\u2069`);
}
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const NUMBER_RUN =
  /[\u200e\u200f\u061c]*[+\-\u2212]?[\u200e\u200f\u061c]*\d(?:[\d.,\u00a0\u202f\u066b\u066c]*\d)?(?:[\u200e\u200f\u061c]*%[\u200e\u200f\u061c]*)?/;

/** A number without its unit: compact from a million, one decimal below 100. */
export function formatKpiNumber(value: number, unit: Unit, lang: Lang): string {
  if (unit.code === 'percent') return formatPercent(value, lang, 1);
  if (Math.abs(value) >= 1_000_000) return formatCompact(value, lang);
  return formatNumber(value, lang, Math.abs(value) >= 100 ? 0 : 1);
}

/** A value with its unit: "88 %", "11,4 M personnes", "279 517 habitants". */
export function formatKpiValue(value: number, unit: Unit, lang: Lang): string {
  const n = formatKpiNumber(value, unit, lang);
  return unit.code === 'percent' ? n : `${n} ${unit.label[lang]}`;
}

/** A signed absolute change in the indicator's unit: "+20,9 pts", "−1,2 M personnes". */
export function formatKpiChange(abs: number, unit: Unit, lang: Lang): string {
  if (unit.code === 'percent') {
    const v = nf(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(abs);
    return translate(kpiTextMessages, lang, 'points', { value: ltr(v, lang) });
  }
  const compact = Math.abs(abs) >= 1_000_000;
  const v = nf(lang, {
    maximumFractionDigits: compact || Math.abs(abs) < 100 ? 1 : 0,
    signDisplay: 'exceptZero',
    ...(compact ? { notation: 'compact' as const } : {}),
  }).format(abs);
  return `${ltr(v, lang)} ${unit.label[lang]}`;
}

/** A signed relative change: "+31,1 %". */
export function formatRelative(pct: number, lang: Lang): string {
  return ltr(
    nf(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct / 100),
    lang,
  );
}
