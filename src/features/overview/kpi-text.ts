/**
 * How KPI figures read on cards and in the compare table. Pure (Intl through cached formatters).
 *
 * Cards are small, so counts of a million and more are written compactly ("11,4 M personnes"); the full figure is
 * in the explorer's table. Changes of a percentage are in percentage points ("+2,1 pts"), never in "%" which would
 * read as a relative change.
 */
import type { Lang, Unit } from '../../api/contract.ts';
import { LOCALES, translate } from '../../i18n/i18n.ts';
import { formatCompact, formatNumber, formatPercent } from '../../i18n/format.ts';
import { overviewMessages } from './messages.ts';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

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
    return translate(overviewMessages, lang, 'points', { value: v });
  }
  const compact = Math.abs(abs) >= 1_000_000;
  const v = nf(lang, {
    maximumFractionDigits: compact || Math.abs(abs) < 100 ? 1 : 0,
    signDisplay: 'exceptZero',
    ...(compact ? { notation: 'compact' as const } : {}),
  }).format(abs);
  return `${v} ${unit.label[lang]}`;
}

/** A signed relative change: "+31,1 %". */
export function formatRelative(pct: number, lang: Lang): string {
  return nf(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pct / 100);
}
