/**
 * Reading values out of a chart model, shared by the serialisers (SVG, PPTX, CSV): a value that is not a
 * finite number is a gap with its reason, never drawn, plotted or written as a number. Pure.
 */
import type { ChartModel, ChartSeries } from '../transforms/chart-types.ts';
import { rankItems } from '../transforms/rank.ts';

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

/**
 * The series of a ranking in the order the screen draws them (issue 13): highest value of the last displayed period
 * first, ties by code, missing values last with their reason — so the slide of a ranking is ranked too.
 */
export function rankedSeries(model: Pick<ChartModel, 'series' | 'periods'>): ChartSeries[] {
  const last = model.periods.at(-1);
  const items = model.series.map((s) => ({ key: s.key, value: last === undefined ? null : valueAt(s, last), s }));
  return rankItems(items).map((r) => r.item.s);
}
