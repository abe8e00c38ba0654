/**
 * Rows of the explorer's table tab and of the CSV export, from the chart model: the same series, the
 * same periods, the measure already applied. Pure.
 */
import type { Confidence, Qualifier, Source } from '../contract/contract.ts';
import type { ChartModel, ChartPoint, MissingReason } from './chart-types.ts';
import type { MapModel } from './map-model.ts';
import { computeDelta, firstAndLast, type Delta } from './delta.ts';

/** One territory row of the table: a value per period, and the change from first to last period with data. */
export interface WideRow {
  code: string;
  label: string;
  color: string;
  values: (number | null)[];
  /** The points themselves (qualifier, note, source), one per period. */
  points: ChartPoint[];
  reasons: (MissingReason | undefined)[];
  firstPeriod: string | null;
  lastPeriod: string | null;
  delta: Delta;
}

/** Long row: one territory × period; the one row builder of the table tab, the CSV and the deck's notes. */
export interface LongRow {
  territory: string;
  territoryCode: string;
  period: string;
  value: number | null;
  reason?: string;
  status: string;
  /** The point's provenance (see `ChartPoint`): its qualifier, note (model's language), confidence, own source. */
  qualifier?: Qualifier;
  note?: string;
  confidence?: Confidence;
  /** How the source dates an undated point, in the model's language. */
  periodLabel?: string;
  /** The point's own source when it differs from the indicator's. */
  source?: Source;
}

type PointProvenanceFields = Pick<LongRow, 'qualifier' | 'note' | 'confidence' | 'periodLabel' | 'source'>;

/** Copy a point's provenance onto its row (absent fields stay absent). */
function withProvenance<T extends LongRow>(
  row: T,
  p: Omit<PointProvenanceFields, 'note'> & { note?: string | null },
): T {
  if (p.qualifier) row.qualifier = p.qualifier;
  if (p.note) row.note = p.note;
  if (p.confidence) row.confidence = p.confidence;
  if (p.periodLabel) row.periodLabel = p.periodLabel;
  if (p.source) row.source = p.source;
  return row;
}

export type SortKey = 'label' | 'first' | 'last' | 'absolute' | 'percent' | `period:${string}`;
export type SortDirection = 'ascending' | 'descending';

/** Wide rows in series order. */
export function buildWideRows(model: Pick<ChartModel, 'series' | 'periods'>): WideRow[] {
  return model.series.map((s) => {
    const { first, last } = firstAndLast(s.points);
    return {
      code: s.key,
      label: s.label,
      color: s.color,
      values: s.points.map((p) => p.value),
      points: s.points,
      reasons: s.points.map((p) => p.reason),
      firstPeriod: first?.period ?? null,
      lastPeriod: last?.period ?? null,
      delta:
        first && last && first !== last
          ? computeDelta({ from: first.value, to: last.value })
          : computeDelta({ from: null, to: null }),
    };
  });
}

function sortValue(row: WideRow, key: SortKey, periods: readonly string[]): number | string | null {
  if (key === 'label') return row.label;
  if (key === 'absolute') return row.delta.absolute;
  if (key === 'percent') return row.delta.percent;
  if (key === 'first') return row.firstPeriod === null ? null : (row.values[periods.indexOf(row.firstPeriod)] ?? null);
  if (key === 'last') return row.lastPeriod === null ? null : (row.values[periods.indexOf(row.lastPeriod)] ?? null);
  const index = periods.indexOf(key.slice('period:'.length));
  return index < 0 ? null : (row.values[index] ?? null);
}

/** Sort rows by a column; missing values always last whatever the direction. Stable. */
export function sortWideRows(
  rows: readonly WideRow[],
  key: SortKey,
  direction: SortDirection,
  periods: readonly string[],
  locale = 'fr',
): WideRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: sortValue(row, key, periods) }))
    .sort((a, b) => {
      if (a.v === null && b.v === null) return a.index - b.index;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const c =
        typeof a.v === 'string' && typeof b.v === 'string' ? a.v.localeCompare(b.v, locale) : Number(a.v) - Number(b.v);
      return sign * c || a.index - b.index;
    })
    .map((x) => x.row);
}

function seriesRows(s: ChartModel['series'][number]): LongRow[] {
  return s.points.map((p) => {
    const row: LongRow = {
      territory: s.label,
      territoryCode: s.key,
      period: p.period,
      value: p.value,
      status: p.status,
    };
    if (p.reason) row.reason = p.reason;
    return withProvenance(row, p satisfies ChartPoint);
  });
}

/** Long rows (territory × period) of a model, for the CSV of what is displayed. */
export function buildLongRows(model: Pick<ChartModel, 'series'>): LongRow[] {
  const rows: LongRow[] = [];
  for (const s of model.series) for (const row of seriesRows(s)) rows.push(row);
  return rows;
}

/**
 * Long rows of a map (one per territory of the level, in the model's order, for its one period): the map's
 * table, as its CSV and its slide write it. A territory with no value keeps its row, with the reason.
 */
export function buildMapRows(model: Pick<MapModel, 'data' | 'period'>): LongRow[] {
  const rows: LongRow[] = [];
  for (const d of model.data.values()) {
    const row: LongRow = {
      territory: d.name,
      territoryCode: d.code,
      period: d.period ?? model.period ?? '',
      value: d.value,
      status: d.status,
    };
    if (d.reason) row.reason = d.reason;
    rows.push(withProvenance(row, d));
  }
  return rows;
}
