/**
 * Which chart fits the data (issue 13): a line needs two periods. When the values of a selection fall on a single
 * period, a line chart is a column of dots on one x position, so the ranking of that period is drawn instead — in
 * the explorer (`ExplorerModel.lead`), and in everything that draws a chart model it is handed: the exports, the
 * presentation slides and the pinned views (`leadingModel`). Pure: no React, no store.
 */
import type { ChartModel } from './chart-types.ts';
import { periodRangeText } from './chart-model.ts';

/**
 * Which chart leads, and why: the ranking of the single period that has values, or the line (two periods or more,
 * or no value at all: the line's empty state).
 */
export type ChartLead =
  | { chart: 'ranking'; reason: 'single-period'; period: string }
  | { chart: 'line'; reason: 'several-periods' | 'no-data' };

/** Periods (in the model's order) where at least one series has a value. */
export function periodsWithValues(model: Pick<ChartModel, 'periods' | 'series'>): string[] {
  const found = new Set<string>();
  for (const s of model.series) for (const p of s.points) if (p.value !== null) found.add(p.period);
  return model.periods.filter((p) => found.has(p));
}

/** The lead rule on the periods that have a value (in the range shown). */
export function chartLead(shown: readonly string[]): ChartLead {
  const [only] = shown;
  if (only !== undefined && shown.length === 1) return { chart: 'ranking', reason: 'single-period', period: only };
  return { chart: 'line', reason: shown.length === 0 ? 'no-data' : 'several-periods' };
}

/**
 * The model to draw for `model`: itself, unless it is a line whose values fall on a single period — then the
 * ranking (bar) of that period, with the same series, colours, source and status, and the subtitle naming that
 * period instead of the line's range. For what arrives from elsewhere than the explorer's model (a table tab's
 * export, a view pinned before this rule): the explorer already hands its leading chart.
 */
export function leadingModel(model: ChartModel): ChartModel {
  if (model.kind !== 'line') return model;
  const lead = chartLead(periodsWithValues(model));
  if (lead.chart !== 'ranking') return model;
  const { period } = lead;
  return {
    ...model,
    kind: 'bar',
    periods: [period],
    // The subtitle's period part is `periodRangeText` of the periods (chart-model.ts): name the one ranked.
    subtitle: model.subtitle.replace(periodRangeText(model.periods, model.lang), periodRangeText([period], model.lang)),
    series: model.series.map((s) => ({ ...s, points: s.points.filter((p) => p.period === period) })),
  };
}
