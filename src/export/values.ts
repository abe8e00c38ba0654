/**
 * Reading values out of a chart model, shared by the serialisers (SVG, PPTX, CSV): a value that is not a
 * finite number is a gap with its reason, never drawn, plotted or written as a number. Pure.
 */
import type { ChartSeries } from '../transforms/chart-types.ts';

/** The value when it is a finite number, else `null` (missing, NaN, ±Infinity). */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** The finite numbers among these values (the domain of an axis, the format of a deck's value axis). */
export function finiteValues(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) {
    const n = finiteOrNull(v);
    if (n !== null) out.push(n);
  }
  return out;
}

/** A series' value at one period: a finite number, or `null` when the period has no point or no value. */
export function valueAt(series: Pick<ChartSeries, 'points'>, period: string): number | null {
  return finiteOrNull(series.points.find((p) => p.period === period)?.value);
}
