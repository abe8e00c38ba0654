/**
 * Measures: turn an absolute value into per-1,000-inhabitants, per-household or share-of-population,
 * using the census (RGPH) denominator closest to the period. Pure: no React, no network.
 * A missing denominator is an error value (`{ value: null, reason }`), never NaN or 0.
 */
import type { Measure, Territory } from '../contract/contract.ts';
import { parsePeriod } from '../contract/period.ts';
import type { MissingReason } from './chart-types.ts';

/** The result of applying a measure to one value. */
export interface MeasuredValue {
  value: number | null;
  reason?: MissingReason;
  /** Census year whose denominator was used, when the measure divides. */
  censusYear?: string;
}

/**
 * Census years of a counts record, sorted, cached per record (issue 7): a per-1,000 model of 75 provinces
 * × 132 months asked for them 9,900 times, each an `Object.keys` + sort. Territory records come from
 * query data and are never mutated; a WeakMap lets the cache go with them.
 */
const sortedYearsCache = new WeakMap<Readonly<Record<string, number>>, readonly string[]>();

function sortedYears(counts: Readonly<Record<string, number>>): readonly string[] {
  let years = sortedYearsCache.get(counts);
  if (!years) sortedYearsCache.set(counts, (years = Object.keys(counts).sort()));
  return years;
}

/**
 * Census year closest to a period among the years present in `counts`.
 * Ties (a period exactly between two censuses) go to the later census, the more recent count.
 */
export function closestCensusYear(period: string, counts: Readonly<Record<string, number>>): string | null {
  const year = parsePeriod(period)?.year ?? Number.NaN;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const key of sortedYears(counts)) {
    const distance = Math.abs(Number(key) - year);
    if (distance <= bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether a measure divides by a denominator. */
export function measureDivides(measure: Measure): boolean {
  return measure !== 'absolute';
}

/**
 * Apply a measure to one value of a territory at a period.
 * - `per1000`: value / population × 1,000
 * - `perHousehold`: value / households
 * - `shareOfPopulation`: value / population × 100 (a percentage)
 */
export function applyMeasure(
  value: number | null,
  measure: Measure,
  territory: Pick<Territory, 'population' | 'households'> | undefined,
  period: string,
): MeasuredValue {
  if (measure === 'absolute') return { value };
  const counts = measure === 'perHousehold' ? territory?.households : territory?.population;
  const missing: MissingReason = measure === 'perHousehold' ? 'no-households' : 'no-population';
  const censusYear = counts ? closestCensusYear(period, counts) : null;
  const denominator = censusYear !== null && counts ? counts[censusYear] : undefined;
  if (censusYear === null || denominator === undefined || denominator <= 0) {
    return { value: null, reason: missing };
  }
  if (value === null) return { value: null, censusYear };
  const ratio = value / denominator;
  const scaled = measure === 'per1000' ? ratio * 1000 : measure === 'shareOfPopulation' ? ratio * 100 : ratio;
  return Number.isFinite(scaled) ? { value: scaled, censusYear } : { value: null, reason: missing };
}
