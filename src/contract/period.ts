/**
 * Periods of contract v1: a year (`2024`), a quarter (`2024-Q3`) or a month (`2024-03`).
 *
 * Plain string comparison is wrong across forms (`"2024-Q1" > "2024-03"` as strings), so every
 * comparison goes through month indices: the number of months since January of year 0.
 * `periodStart('2024-Q3')` is July 2024, `periodEnd('2024-Q3')` is September 2024 (both inclusive).
 * Pure module: no React, no network.
 */

/** A period's granularity. */
export type PeriodKind = 'year' | 'quarter' | 'month';

/** A period taken apart. `month` is 1–12 for a month, `quarter` 1–4 for a quarter. */
export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  quarter?: number;
  month?: number;
}

const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** Parse a period string; `null` when it is not a valid contract period. */
export function parsePeriod(period: string): ParsedPeriod | null {
  const m = PERIOD_RE.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return { kind: 'month', year, month: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'quarter', year, quarter: Number(m[3]) };
  return { kind: 'year', year };
}

/** Whether `period` is a valid contract period (`2024`, `2024-Q3`, `2024-03`). */
export function isPeriod(period: string): boolean {
  return PERIOD_RE.test(period);
}

function parseOrThrow(period: string): ParsedPeriod {
  const p = parsePeriod(period);
  // Callers validate user input first (the API answers 400); reaching this is a programming error.
  if (!p) throw new RangeError(`not a period: ${JSON.stringify(period)}`);
  return p;
}

/** First month of the period, as months since January of year 0. Throws on an invalid period. */
export function periodStart(period: string): number {
  const p = parseOrThrow(period);
  const base = p.year * 12;
  if (p.kind === 'month') return base + (p.month ?? 1) - 1;
  if (p.kind === 'quarter') return base + ((p.quarter ?? 1) - 1) * 3;
  return base;
}

/** Last month of the period (inclusive), as months since January of year 0. Throws on an invalid period. */
export function periodEnd(period: string): number {
  const p = parseOrThrow(period);
  const base = p.year * 12;
  if (p.kind === 'month') return base + (p.month ?? 1) - 1;
  if (p.kind === 'quarter') return base + (p.quarter ?? 1) * 3 - 1;
  return base + 11;
}

/**
 * Order periods by start, then by end: `2024` and `2024-01` start together, the month ends first,
 * so `2024-01` < `2024-Q1` < `2024`. Returns a negative number, 0 or a positive number, for `Array#sort`.
 */
export function comparePeriods(a: string, b: string): number {
  return periodStart(a) - periodStart(b) || periodEnd(a) - periodEnd(b);
}

/**
 * Whether `period` overlaps the inclusive range [`from`, `to`]; an omitted bound is open.
 * Overlap (not containment) is the rule the API uses for `from`/`to`: `from=2024-03` keeps the annual
 * value of `2024`, since that year includes March.
 */
export function periodInRange(period: string, from?: string | null, to?: string | null): boolean {
  if (from != null && periodEnd(period) < periodStart(from)) return false;
  if (to != null && periodStart(period) > periodEnd(to)) return false;
  return true;
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
