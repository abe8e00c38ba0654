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

/** Footnote marks, in order: superscript digits (¹ ² ³ …), then two-digit superscripts. */
export function footnoteMark(index: number): string {
  const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(index + 1)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('');
}

/** One footnote of a picture or a deck: the points that share a qualifier and a note, under one mark. */
export interface Footnote {
  mark: string;
  qualifier?: ChartPoint['qualifier'];
  /** The note in the model's language (`null` when the point only has a qualifier). */
  note: string | null;
  confidence?: ChartPoint['confidence'];
  points: NamedPoint[];
}

/** The footnotes of a model and the mark of each qualified point. */
export interface Footnotes {
  notes: Footnote[];
  /** The mark of a displayed point that carries a qualifier or a note (same object as in the model). */
  marks: Map<ChartPoint, string>;
}

/**
 * Footnotes of the displayed qualified points (see {@link qualifiedPoints}): points with the same qualifier, note
 * and confidence share one footnote and one mark (a census note repeated on every province reads once), numbered in
 * order of first appearance.
 */
export function footnotes(model: Pick<ChartModel, 'series'>): Footnotes {
  const byKey = new Map<string, Footnote>();
  const marks = new Map<ChartPoint, string>();
  for (const named of qualifiedPoints(model)) {
    const p = named.point;
    const key = [p.qualifier ?? '', p.note ?? '', p.confidence ?? ''].join('\u0000');
    let fn = byKey.get(key);
    if (!fn) {
      fn = { mark: footnoteMark(byKey.size), note: p.note ?? null, points: [] };
      if (p.qualifier) fn.qualifier = p.qualifier;
      if (p.confidence) fn.confidence = p.confidence;
      byKey.set(key, fn);
    }
    fn.points.push(named);
    marks.set(p, fn.mark);
  }
  return { notes: [...byKey.values()], marks };
}

/** The source a displayed point relies on: its own, or the indicator's. */
export function pointSource(model: Pick<ChartModel, 'source'>, point: ChartPoint): ChartModel['source'] {
  return point.source ?? model.source;
}

/**
 * A map model's territories as one-point series, so the map's exports read their provenance with the same helpers
 * (sources with the points they cover, footnotes) as a chart's.
 */
export function mapAsSeries(model: {
  data: ReadonlyMap<
    string,
    Pick<ChartPoint, 'value' | 'reason' | 'status' | 'note' | 'qualifier' | 'confidence' | 'periodLabel' | 'source'> & {
      code: string;
      name: string;
      period: string | null;
    }
  >;
  period: string | null;
}): ChartModel['series'] {
  return [...model.data.values()].map((d) => {
    const point: ChartPoint = { period: d.period ?? model.period ?? '', value: d.value, status: d.status };
    if (d.reason) point.reason = d.reason;
    if (d.note) point.note = d.note;
    if (d.qualifier) point.qualifier = d.qualifier;
    if (d.confidence) point.confidence = d.confidence;
    if (d.periodLabel) point.periodLabel = d.periodLabel;
    if (d.source) point.source = d.source;
    return { key: d.code, label: d.name, color: '#000000', points: [point] };
  });
}
