/**
 * Periods of contract v1: a year (`2024`), a quarter (`2024-Q3`) or a month (`2024-03`). The ONE place where
 * periods are parsed, ordered and matched against a range: the API client, the mock, the transforms, the projects
 * view and the data check all call it, so they cannot disagree (issue 12). Pure module: no React, no network.
 *
 * Every period is a run of whole months. Plain string comparison is wrong across forms (`"2024-Q1" > "2024-03"` as
 * strings), so every comparison goes through month indices, the number of months since January of year 0:
 * `periodStart('2024-Q3')` is July 2024, `periodEnd('2024-Q3')` is September 2024 (both inclusive).
 *
 * The rules for mixing years, quarters and months (documented in docs/api.md, "Periods"):
 * - **Order** (`comparePeriods`): by first month, then the LONGER period first, so a period comes right before the
 *   periods it contains: `2024` < `2024-Q1` < `2024-01` < `2024-02` < `2024-03` < `2024-Q2`. This is the calendar
 *   read as an outline (year, its quarters, their months); single-frequency lists are plainly chronological; and a
 *   list in this order is non-decreasing in start month, which is where the charts place a period on the time axis.
 *   The other choice (shorter first) puts the year between January and February (`2024-01` < `2024` < `2024-02`).
 *   Two valid periods compare equal only when they are the same string, so the order is total; invalid strings sort
 *   after every valid period, among themselves by code units, so a sort never throws on bad data.
 * - **Range** (`periodInRange`): a period is in [`from`, `to`] when it OVERLAPS the months from the first month of
 *   `from` to the last month of `to`: `from=2024-03` keeps the annual `2024` (that year includes March, and an
 *   annual series would otherwise show nothing for 2024), `to=2024-Q1` keeps `2024-03`. An omitted bound is open.
 *   A range is empty (the API's `invalid-range`) when `from` starts after `to` ends (`rangeIsEmpty`).
 */

/** A period's granularity. */
export type PeriodKind = 'year' | 'quarter' | 'month';

/** A period taken apart. `month` is 1–12 for a month, `quarter` 1–4 for a quarter. */
export type ParsedPeriod =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number };

/** A run of months, inclusive, as months since January of year 0 (what `periodMonths` returns). */
export interface MonthSpan {
  start: number;
  end: number;
}

/**
 * The form of a period, shared with the contract's `Period` schema (and so with the OpenAPI document's `pattern`):
 * `YYYY`, `YYYY-Qn` (n 1–4) or `YYYY-MM` (01–12).
 */
export const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** Parse a period string; `null` when it is not a valid contract period. */
export function parsePeriod(period: string): ParsedPeriod | null {
  if (!PERIOD_PATTERN.test(period)) return null;
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return { kind: 'year', year };
  if (period[5] === 'Q') return { kind: 'quarter', year, quarter: Number(period.slice(6)) };
  return { kind: 'month', year, month: Number(period.slice(5)) };
}

/** The period string of a parsed period: `formatPeriod(parsePeriod(p)!) === p` for every valid `p`. */
export function formatPeriod(p: ParsedPeriod): string {
  const year = String(p.year).padStart(4, '0');
  if (p.kind === 'month') return `${year}-${String(p.month).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${year}-Q${p.quarter}`;
  return year;
}

/** Whether `period` is a valid contract period (`2024`, `2024-Q3`, `2024-03`). */
export function isPeriod(period: string): boolean {
  return PERIOD_PATTERN.test(period);
}

/** Granularity of a period, `null` when it is not a valid period. */
export function periodKind(period: string): PeriodKind | null {
  return parsePeriod(period)?.kind ?? null;
}

/** First and last month (inclusive) of a period, as months since January of year 0; `null` when invalid. */
export function periodMonths(period: string): MonthSpan | null {
  const p = parsePeriod(period);
  if (!p) return null;
  const base = p.year * 12;
  if (p.kind === 'month') return { start: base + p.month - 1, end: base + p.month - 1 };
  if (p.kind === 'quarter') return { start: base + (p.quarter - 1) * 3, end: base + p.quarter * 3 - 1 };
  return { start: base, end: base + 11 };
}

function monthsOrThrow(period: string): MonthSpan {
  const months = periodMonths(period);
  // Callers validate user input first (the API answers 400); reaching this is a programming error.
  if (!months) throw new RangeError(`not a period: ${JSON.stringify(period)}`);
  return months;
}

/** First month of the period, as months since January of year 0. Throws on an invalid period. */
export function periodStart(period: string): number {
  return monthsOrThrow(period).start;
}

/** Last month of the period (inclusive), as months since January of year 0. Throws on an invalid period. */
export function periodEnd(period: string): number {
  return monthsOrThrow(period).end;
}

/**
 * `comparePeriods` on spans already computed (the mock sorts its indexed rows with it): by start, longer first.
 */
export function compareMonthSpans(a: MonthSpan, b: MonthSpan): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * THE order of periods (see the module comment): by first month, then longer first, then (invalid strings only,
 * which come after every valid period) by code units. Negative, 0 or positive, for `Array#sort`.
 */
export function comparePeriods(a: string, b: string): number {
  const ma = periodMonths(a);
  const mb = periodMonths(b);
  if (ma && mb) return compareMonthSpans(ma, mb);
  if (ma) return -1;
  if (mb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct periods in `comparePeriods` order (a new array). */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort(comparePeriods);
}

/**
 * Whether `period` overlaps the inclusive range [`from`, `to`] (see the module comment); an omitted bound
 * (`undefined`, `null`) is open. An invalid `period` is never in range. Throws on an invalid bound: the API answers
 * 400 and the client validates its URL state before a bound gets here.
 */
export function periodInRange(period: string, from?: string | null, to?: string | null): boolean {
  const months = periodMonths(period);
  return months !== null && spanOverlaps(months, rangeMonths(from, to));
}

/**
 * The months a range [`from`, `to`] covers: from the first month of `from` to the last month of `to`, with
 * `-Infinity` / `Infinity` for an open bound. Throws on an invalid bound.
 */
export function rangeMonths(from?: string | null, to?: string | null): MonthSpan {
  return { start: from != null ? periodStart(from) : -Infinity, end: to != null ? periodEnd(to) : Infinity };
}

/**
 * Whether two runs of months share at least one month: the range rule on spans already computed. An empty range
 * (`start` after `end`, as from `from=2023-02&to=2023-01`) shares no month with anything, the year 2023 included.
 */
export function spanOverlaps(span: MonthSpan, range: MonthSpan): boolean {
  return Math.max(span.start, range.start) <= Math.min(span.end, range.end);
}

/** The periods of a list that lie in [`from`, `to`] by `periodInRange`, in the list's order. */
export function periodsInRange(periods: readonly string[], from?: string | null, to?: string | null): string[] {
  return periods.filter((p) => periodInRange(p, from, to));
}

/** Whether no period can be in [`from`, `to`]: `from` starts after `to` ends (`from=2025&to=2024-Q3`). */
export function rangeIsEmpty(from: string, to: string): boolean {
  return periodStart(from) > periodEnd(to);
}

/**
 * Start of a period in decimal years (`2025` → 2025, `2025-Q3` → 2025.5, `2025-07` → 2025.5); `null` when invalid.
 * For axes measured in years (the projects timeline).
 */
export function periodStartYear(period: string): number | null {
  const months = periodMonths(period);
  return months ? months.start / 12 : null;
}

/**
 * End of a period in decimal years, i.e. the start of the next one (`2024` → 2025, `2024-Q3` → 2024.75,
 * `2024-03` → 2024.25); `null` when invalid. The KPI target pace takes periods at their end: a yearly figure
 * describes the year that has passed, and a target "by 2030" is met when the 2030 figure reaches it.
 */
export function periodEndYear(period: string): number | null {
  const months = periodMonths(period);
  return months ? (months.end + 1) / 12 : null;
}

/** Milliseconds since the epoch (UTC) of the period's first day: a time-axis position for charts. */
export function periodStartTime(period: string): number {
  return monthIndexTime(periodStart(period));
}

function monthIndexTime(monthIndex: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(monthIndex / 12), monthIndex % 12, 1);
  return d.getTime();
}

/** Milliseconds since the epoch (UTC) of the period's middle: where a point of that period is best drawn. */
export function periodMidTime(period: string): number {
  return (periodStartTime(period) + monthIndexTime(periodEnd(period) + 1)) / 2;
}
