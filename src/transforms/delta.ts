/**
 * Absolute and relative change between two values. Pure.
 * The % change is undefined when the base is 0 or missing: it comes back as `null` with a reason.
 */

export type DeltaReason = 'missing-base' | 'missing-end' | 'zero-base';

export interface Delta {
  absolute: number | null;
  /** Percentage change (12.5 means +12.5 %). */
  percent: number | null;
  reason?: DeltaReason;
}

/** Change from `base` to `end`. */
export function computeDelta(base: number | null, end: number | null): Delta {
  if (base === null) return { absolute: null, percent: null, reason: 'missing-base' };
  if (end === null) return { absolute: null, percent: null, reason: 'missing-end' };
  const absolute = end - base;
  if (base === 0) return { absolute, percent: null, reason: 'zero-base' };
  return { absolute, percent: (absolute / Math.abs(base)) * 100 };
}

/** First and last non-null values of a list of points, with their periods. */
export function firstAndLast<P extends { period: string; value: number | null }>(
  points: readonly P[],
): { first: P | null; last: P | null } {
  let first: P | null = null;
  let last: P | null = null;
  for (const p of points) {
    if (p.value === null) continue;
    if (first === null) first = p;
    last = p;
  }
  return { first, last };
}
