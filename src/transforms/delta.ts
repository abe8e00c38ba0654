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

/**
 * THE change between two values (the table's first → last and the KPI card's previous → latest both use it):
 * `absolute = to - from`, `percent` relative to |`from`| so that a move from −2 to −1 reads as +50 %, the way
 * people read it. Named arguments because the two callers used to pass them in opposite orders (issue 12).
 */
export function computeDelta({ from, to }: { from: number | null; to: number | null }): Delta {
  if (from === null) return { absolute: null, percent: null, reason: 'missing-base' };
  if (to === null) return { absolute: null, percent: null, reason: 'missing-end' };
  const absolute = to - from;
  if (from === 0) return { absolute, percent: null, reason: 'zero-base' };
  return { absolute, percent: (absolute / Math.abs(from)) * 100 };
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
