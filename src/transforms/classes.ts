/**
 * Sequential colour classes for the map: equal-count (quantile) breaks over the values shown, so every
 * class is used even with skewed data. Pure.
 */

export interface ColorClasses {
  /** Upper bounds of each class except the last (length = classes − 1). */
  breaks: number[];
  min: number;
  max: number;
}

/** Quantile breaks for `count` classes over the non-null values; `null` when there is no value. */
export function quantileClasses(values: readonly (number | null)[], count: number): ColorClasses | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0 || count < 1) return null;
  const breaks: number[] = [];
  for (let k = 1; k < count; k++) {
    const pos = (sorted.length - 1) * (k / count);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    const a = sorted[lo] as number;
    const b = sorted[hi] as number;
    breaks.push(a + (b - a) * (pos - lo));
  }
  return { breaks, min: sorted[0] as number, max: sorted.at(-1) as number };
}

/** Class index (0-based) of a value; `null` for a missing value. */
export function classOf(value: number | null, classes: ColorClasses | null): number | null {
  if (value === null || classes === null) return null;
  let i = 0;
  while (i < classes.breaks.length && value > (classes.breaks[i] as number)) i++;
  return i;
}
