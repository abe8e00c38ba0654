/**
 * Number, percentage and period formatting with `Intl`, per language. Pure functions.
 * Formatters are cached: building an `Intl.NumberFormat` is costly and charts format thousands of ticks.
 */
import type { Lang } from '../contract/contract.ts';
import { parsePeriod } from '../contract/period.ts';
import { LOCALES } from './i18n.ts';

const cache = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` for a language and options (shared by every formatter of numbers). */
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** A number with grouping, at most `digits` fraction digits. */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

/** A compact number for axes and cards: 11.4 M, 11,4 M, 11.4 مليون. */
export function formatCompact(value: number, lang: Lang): string {
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/**
 * French typography puts a narrow no-break space (U+202F) before "%", ":" and the like; CLDR's fr data uses a
 * full no-break space (U+00A0) before "%". Normalise so every French percentage reads "21,3 %" with U+202F,
 * which never breaks the line and does not look like a gap in tables.
 */
export function frenchPercentSpace(text: string): string {
  return text.replace(/\u00a0%/g, '\u202f%');
}

/** A value already in percent (62.8 → "62,8 %" in French, "62,8‎%‎" in Arabic, "62.8%" in English). */
export function formatPercent(value: number, lang: Lang, digits = 1): string {
  const text = numberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(value / 100);
  return lang === 'fr' ? frenchPercentSpace(text) : text;
}

/**
 * A signed relative change already in percent: "+58,8 %" (fr), "+58.8%" (en), "‎+58,8‎%‎" (ar). One Intl call, so
 * the sign and "%" stay attached to the number in Arabic (a "%" appended by hand was pushed to the far side).
 */
export function formatSignedPercent(value: number, lang: Lang, digits = 1): string {
  const text = numberFormat(lang, {
    style: 'percent',
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(value / 100);
  return lang === 'fr' ? frenchPercentSpace(text) : text;
}

/** A signed change: "+1,2" / "−0,4". */
export function formatSigned(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

const MONTH_CACHE = new Map<string, Intl.DateTimeFormat>();

function monthFormat(lang: Lang): Intl.DateTimeFormat {
  let f = MONTH_CACHE.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' });
    MONTH_CACHE.set(lang, f);
  }
  return f;
}

/** A period as people read it: "2024", "T3 2024" / "Q3 2024", "mars 2024". */
export function formatPeriod(period: string, lang: Lang): string {
  const p = parsePeriod(period);
  if (p?.kind === 'quarter') {
    const prefix = lang === 'fr' ? 'T' : lang === 'ar' ? 'ر' : 'Q';
    return `${prefix}${p.quarter} ${period.slice(0, 4)}`;
  }
  if (p?.kind === 'month') return monthFormat(lang).format(new Date(Date.UTC(p.year, p.month - 1, 1)));
  return period;
}

const DATE_CACHE = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang): Intl.DateTimeFormat {
  // Cached per language: the profile of issue 7 showed a DateTimeFormat built per call on every render.
  let f = DATE_CACHE.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' });
    DATE_CACHE.set(lang, f);
  }
  return f;
}

/** A calendar date (YYYY-MM-DD) in the language's long form. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang).format(d);
}

/**
 * Build a language's date and month formatters ahead of the first render that formats a date (issue 16, TBT): the
 * page's first `Intl.DateTimeFormat` initialises ICU's calendar data — 10–17 ms, ~60 ms at 4× CPU, two thirds of the
 * overview's second long task. src/app/start.tsx calls this from a task of its own as the app starts, so that cost
 * does not lengthen the render that first formats a date. Returns whether it built anything.
 */
export function warmDateFormats(lang: Lang): boolean {
  const cold = !DATE_CACHE.has(lang) || !MONTH_CACHE.has(lang);
  dateFormat(lang);
  monthFormat(lang);
  return cold;
}
