/**
 * The provenance of what a chart model displays, for the sources panel and every export: which sources the shown
 * points come from (each with the points it covers) and which points carry a qualifier or a note. Pure.
 */
import type { Source } from '../contract/contract.ts';
import { sourceKey } from '../i18n/provenance.ts';
import type { ChartModel, ChartPoint } from './chart-types.ts';

/** A point of the model, named: the territory's label and the period (or the period label of an undated point). */
export interface NamedPoint {
  series: string;
  period: string;
  periodLabel?: string;
  point: ChartPoint;
}

/** One source of a chart and the displayed points it covers. */
export interface SourceGroup {
  source: Source;
  /** Whether it is the indicator's own source (`ChartModel.source`) rather than a point's. */
  indicatorSource: boolean;
  points: NamedPoint[];
}

/**
 * The sources of the points a model displays (points with a value), each with the points it covers: the
 * indicator's source first when any shown point relies on it, then the points' own sources in order of first
 * appearance (series order, then period order). A model without any value lists the indicator's source alone.
 */
export function sourceGroups(model: Pick<ChartModel, 'series' | 'source'>): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  const indicatorKey = sourceKey(model.source);
  const own: SourceGroup = { source: model.source, indicatorSource: true, points: [] };
  for (const s of model.series) {
    for (const p of s.points) {
      if (p.value === null) continue;
      const named: NamedPoint = { series: s.label, period: p.period, point: p };
      if (p.periodLabel) named.periodLabel = p.periodLabel;
      const key = p.source ? sourceKey(p.source) : indicatorKey;
      if (key === indicatorKey) {
        own.points.push(named);
        continue;
      }
      let group = groups.get(key);
      if (!group && p.source) groups.set(key, (group = { source: p.source, indicatorSource: false, points: [] }));
      group?.points.push(named);
    }
  }
  const others = [...groups.values()];
  return own.points.length > 0 || others.length === 0 ? [own, ...others] : others;
}

/** The displayed points that carry a qualifier or a note, in series then period order (footnotes, notes lists). */
export function qualifiedPoints(model: Pick<ChartModel, 'series'>): NamedPoint[] {
  const out: NamedPoint[] = [];
  for (const s of model.series)
    for (const p of s.points) {
      if (p.value === null || (!p.qualifier && !p.note)) continue;
      const named: NamedPoint = { series: s.label, period: p.period, point: p };
      if (p.periodLabel) named.periodLabel = p.periodLabel;
      out.push(named);
    }
  return out;
}
