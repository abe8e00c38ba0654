/**
 * KPI logic for the overview cards and the compare view. Pure: no React, no network.
 *
 * Everything a KPI card shows is derived here from the indicator and its observations for one territory:
 * the latest published value, the previous period, the change between them (absolute and relative, or the reason
 * why there is none), the sparkline points, and the distance to the indicator's target with an on-track / behind
 * status. Missing values are values with a reason, never 0 or NaN.
 */
import type {
  Confidence,
  DataStatus,
  Indicator,
  LocalizedText,
  Observation,
  Qualifier,
  Source,
  Target,
} from '../contract/contract.ts';
import { comparePeriods, periodEndYear } from '../contract/period.ts';
import { computeDelta } from './delta.ts';

/** One dated value of a KPI series; `value` is `null` when the source publishes nothing for that period. */
export interface KpiPoint {
  period: string;
  value: number | null;
  status: DataStatus;
  /** The point's caveat in the three languages (the card picks the reader's). */
  note: LocalizedText | null;
  source: Source | null;
  qualifier?: Qualifier;
  confidence?: Confidence;
  periodLabel?: LocalizedText;
}

/**
 * The series of one indicator for one territory, sorted by period. When a period appears twice (it should not),
 * the last row wins so the result has one point per period.
 */
export function kpiSeries(observations: readonly Observation[], indicator: string, territory: string): KpiPoint[] {
  const byPeriod = new Map<string, KpiPoint>();
  for (const o of observations) {
    if (o.indicator !== indicator || o.territory !== territory) continue;
    const point: KpiPoint = {
      period: o.period,
      value: o.value !== null && Number.isFinite(o.value) ? o.value : null,
      status: o.status,
      note: o.note ?? null,
      source: o.source ?? null,
    };
    if (o.qualifier) point.qualifier = o.qualifier;
    if (o.confidence) point.confidence = o.confidence;
    if (o.periodLabel) point.periodLabel = o.periodLabel;
    byPeriod.set(o.period, point);
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

/** Latest point that has a value, or `null` when nothing is published. */
export function latestPoint(series: readonly KpiPoint[]): KpiPoint | null {
  for (let i = series.length - 1; i >= 0; i--) {
    const p = series[i];
    if (p && p.value !== null) return p;
  }
  return null;
}

/**
 * The period just before `latest` in the series, whatever its value: a `null` there is reported as a reason
 * ("previous figure not published") rather than silently skipped to an older one, so the card never compares
 * across a gap without saying so.
 */
export function previousPoint(series: readonly KpiPoint[], latest: KpiPoint | null): KpiPoint | null {
  if (!latest) return null;
  const i = series.findIndex((p) => p.period === latest.period);
  return i > 0 ? (series[i - 1] ?? null) : null;
}

/** Why a change cannot be computed. */
export type DeltaReason =
  | 'no-data' // no published value at all
  | 'no-previous' // only one period
  | 'previous-missing' // the previous period exists but its value is not published
  | 'zero-base'; // the previous value is 0: the absolute change exists, the relative one does not

/** Change between two periods. `pct` is relative to the previous value (in %), `abs` in the indicator's unit. */
export interface KpiDelta {
  abs: number | null;
  pct: number | null;
  /** Direction of the number, independent of whether that is good. */
  direction: 'up' | 'down' | 'flat' | null;
  /** Whether the change is good given the indicator's polarity; `neutral` for neutral indicators. */
  assessment: 'better' | 'worse' | 'unchanged' | 'neutral' | null;
  reason: DeltaReason | null;
}

type Polarity = Indicator['polarity'];

function assess(abs: number, polarity: Polarity): KpiDelta['assessment'] {
  if (abs === 0) return 'unchanged';
  if (polarity === 'neutral') return 'neutral';
  const up = abs > 0;
  return (polarity === 'higher-is-better') === up ? 'better' : 'worse';
}

/**
 * The KPI card's change from `previous` to `latest` (`previous` is `undefined` when there is no previous period,
 * `null` when it is not published): `computeDelta` (delta.ts) for the numbers, plus the direction and whether it
 * is good news given the indicator's polarity.
 */
export function kpiDelta(
  { previous, latest }: { previous: number | null | undefined; latest: number | null },
  polarity: Polarity,
): KpiDelta {
  const none = (reason: DeltaReason): KpiDelta => ({ abs: null, pct: null, direction: null, assessment: null, reason });
  if (latest === null) return none('no-data');
  if (previous === undefined) return none('no-previous');
  const { absolute: abs, percent: pct } = computeDelta({ from: previous, to: latest });
  if (abs === null) return none('previous-missing');
  const direction = abs > 0 ? 'up' : abs < 0 ? 'down' : 'flat';
  return { abs, pct, direction, assessment: assess(abs, polarity), reason: previous === 0 ? 'zero-base' : null };
}

/** Status of a KPI against its target. */
export type TargetStatus = 'achieved' | 'on-track' | 'behind' | 'unknown';

/** Why the target status cannot be decided. */
export type TargetReason = 'no-data' | 'single-point' | 'baseline-after-target' | 'malformed-period';

export interface TargetProgress {
  target: Target;
  /** Remaining distance, in the indicator's unit: target − latest (signed; 0 or past it when achieved). */
  remaining: number | null;
  /** Value the linear pace expects at the latest period. */
  expected: number | null;
  /** First published point: the start of the pace line. */
  baseline: KpiPoint | null;
  status: TargetStatus;
  reason: TargetReason | null;
}

/**
 * Distance to the target and on-track / behind status.
 *
 * The rule (documented so officials can check it by hand):
 * 1. The pace line runs straight from the FIRST published value (baseline) to the target value at the target
 *    period, both periods taken at their end (see `periodEndYear`).
 * 2. `expected` is that line's value at the latest published period.
 * 3. If the latest value already reaches the target (≥ for an `increase` target, ≤ for a `decrease` one), the
 *    status is `achieved`.
 * 4. Otherwise it is `on-track` when the latest value is at or beyond `expected` in the target's direction, and
 *    `behind` when it falls short. After the target period, a target not reached is `behind`.
 * 5. With a single published point there is no pace to judge (`unknown`, reason `single-point`); a baseline at or
 *    after the target period gives `unknown` too (`baseline-after-target`).
 */
export function targetProgress(series: readonly KpiPoint[], target: Target): TargetProgress {
  const latest = latestPoint(series);
  const baseline = series.find((p) => p.value !== null) ?? null;
  const base: TargetProgress = { target, remaining: null, expected: null, baseline, status: 'unknown', reason: null };
  if (!latest || latest.value === null || !baseline || baseline.value === null) return { ...base, reason: 'no-data' };
  const remaining = target.value - latest.value;
  const reached = target.direction === 'increase' ? latest.value >= target.value : latest.value <= target.value;
  if (reached) return { ...base, remaining, status: 'achieved' };
  const t0 = periodEndYear(baseline.period);
  const tL = periodEndYear(latest.period);
  const tT = periodEndYear(target.period);
  if (t0 === null || tL === null || tT === null) return { ...base, remaining, reason: 'malformed-period' };
  if (baseline.period === latest.period) return { ...base, remaining, reason: 'single-point' };
  if (t0 >= tT) return { ...base, remaining, reason: 'baseline-after-target' };
  const share = Math.min(1, (tL - t0) / (tT - t0));
  const expected = baseline.value + (target.value - baseline.value) * share;
  const ahead = target.direction === 'increase' ? latest.value >= expected : latest.value <= expected;
  return { ...base, remaining, expected, status: ahead ? 'on-track' : 'behind' };
}

/** Everything one KPI card shows. */
export interface KpiModel {
  indicator: Indicator;
  territory: string;
  series: KpiPoint[];
  latest: KpiPoint | null;
  previous: KpiPoint | null;
  delta: KpiDelta;
  target: TargetProgress | null;
  /** Source of the latest figure: its own dated source when it has one, else the indicator's. */
  source: Source;
  /** Status shown on the card: the latest point's, else the indicator's. */
  status: DataStatus;
}

/** Build the model of one KPI card. */
export function buildKpi(indicator: Indicator, observations: readonly Observation[], territory: string): KpiModel {
  const series = kpiSeries(observations, indicator.id, territory);
  const latest = latestPoint(series);
  const previous = previousPoint(series, latest);
  const delta = kpiDelta(
    { previous: previous ? previous.value : undefined, latest: latest?.value ?? null },
    indicator.polarity,
  );
  return {
    indicator,
    territory,
    series,
    latest,
    previous,
    delta,
    target: indicator.target ? targetProgress(series, indicator.target) : null,
    source: latest?.source ?? indicator.source,
    status: latest?.status ?? indicator.status,
  };
}

/** Indicators shown on the overview: those with `headline`, in that order (ties by id, so the order is stable). */
export function headlineIndicators(indicators: readonly Indicator[]): Indicator[] {
  return indicators
    .filter((i): i is Indicator & { headline: number } => typeof i.headline === 'number')
    .sort((a, b) => a.headline - b.headline || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Gap between two territories on one figure, from the point of view of `a`. */
export interface Gap {
  /** a − b, in the indicator's unit. */
  abs: number | null;
  /** (a − b) / |b| in %, `null` when b is 0 or missing. */
  rel: number | null;
  /** Which side is better given the polarity. */
  better: 'a' | 'b' | 'equal' | 'neutral' | null;
  reason: 'missing-value' | 'zero-base' | null;
}

/** Gap between two values with which one is better, given the indicator's polarity. */
export function gapBetween(a: number | null, b: number | null, polarity: Polarity): Gap {
  if (a === null || b === null) return { abs: null, rel: null, better: null, reason: 'missing-value' };
  const abs = a - b;
  const better: Gap['better'] =
    abs === 0
      ? 'equal'
      : polarity === 'neutral'
        ? 'neutral'
        : (polarity === 'higher-is-better') === abs > 0
          ? 'a'
          : 'b';
  if (b === 0) return { abs, rel: null, better, reason: 'zero-base' };
  return { abs, rel: (abs / Math.abs(b)) * 100, better, reason: null };
}

/**
 * Period the compare view shows for one indicator: the latest period at which every selected territory has a
 * value, so the figures side by side are of the same date; when there is none in common, the latest period at
 * which any of them has one (the others then show "not published" for it). `null` when nothing is published.
 */
export function comparePeriod(
  observations: readonly Observation[],
  indicator: string,
  territories: readonly string[],
): string | null {
  const periods = new Map<string, Set<string>>();
  for (const o of observations) {
    if (o.indicator !== indicator || o.value === null || !territories.includes(o.territory)) continue;
    let s = periods.get(o.period);
    if (!s) periods.set(o.period, (s = new Set()));
    s.add(o.territory);
  }
  const all = [...periods.keys()].sort(comparePeriods);
  const full = all.filter((p) => territories.every((t) => periods.get(p)?.has(t)));
  const pick = full.length > 0 ? full : all;
  return pick.length > 0 ? (pick[pick.length - 1] ?? null) : null;
}
