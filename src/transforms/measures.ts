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
 * Census year closest to a period among the years present in `counts`.
 * Ties (a period exactly between two censuses) go to the later census, the more recent count.
 */
export function closestCensusYear(period: string, counts: Readonly<Record<string, number>>): string | null {
  const year = parsePeriod(period)?.year ?? Number.NaN;
  let best: string | null = null;
  let bestDistance = Infinity;
  // One pass over the record's keys in any order (no sort, so nothing to cache per record): a nearer census
  // wins, and on a tie the later one.
  for (const key of Object.keys(counts)) {
    const distance = Math.abs(Number(key) - year);
    if (distance < bestDistance || (distance === bestDistance && best !== null && Number(key) > Number(best))) {
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
