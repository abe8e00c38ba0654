/**
 * Build one series per territory from tidy observations: sorted periods, one point per period of the
 * shared axis, a gap (`value: null` + reason) wherever the source has no figure. Pure.
 */
import type { DataStatus, Measure, Observation, Territory } from '../contract/contract.ts';
import type { ChartPoint, MissingReason } from './chart-types.ts';
import { sortPeriods } from '../contract/period.ts';
import { applyMeasure } from './measures.ts';

/** Sorted distinct periods of some observations, in THE period order (`comparePeriods`, src/contract/period.ts). */
export function distinctPeriods(observations: readonly Pick<Observation, 'period'>[]): string[] {
  return sortPeriods(observations.map((o) => o.period));
}

/**
 * The range rule (a period is kept when it overlaps [from, to], `null` = open end) lives in the period module;
 * re-exported here only until the explorer's callers import it from there.
 */
export { periodsInRange } from '../contract/period.ts';

/** One series before colours and labels are attached. */
export interface RawSeries {
  territory: string;
  points: ChartPoint[];
  /** Census years used as denominators (empty for `absolute`). */
  censusYears: string[];
}

export interface BuildSeriesInput {
  observations: readonly Observation[];
  territories: readonly string[];
  /** The x axis: every series gets one point per period, in this order. */
  periods: readonly string[];
  measure: Measure;
  territoryIndex: ReadonlyMap<string, Territory>;
  /** Status for a gap (no observation): the indicator's own status. */
  fallbackStatus: DataStatus;
  /** Only rows of this indicator count (all rows when omitted). */
  indicator?: string;
}

/** territory → period → observation, built once per observations array (see `observationIndex`). */
type ObservationIndex = ReadonlyMap<string, ReadonlyMap<string, Observation>>;

const indexCache = new WeakMap<readonly Observation[], Map<string, ObservationIndex>>();

/**
 * Index of an observations array by territory and period, kept per array identity. The explorer builds its
 * model once per change (issue 12), but every change of the selection builds the line and the ranking (and the
 * full range when a range is set) from the same react-query array: without this, each click on a territory
 * re-keyed all ~12,000 rows of the stress view two or three times (issue 7, B2), with it once per response.
 * Query data are never mutated, so the index stays right; a WeakMap lets it go with the array.
 */
function observationIndex(observations: readonly Observation[], indicator: string | undefined): ObservationIndex {
  let perIndicator = indexCache.get(observations);
  if (!perIndicator) indexCache.set(observations, (perIndicator = new Map()));
  const cacheKey = indicator ?? '\u0000all';
  let index = perIndicator.get(cacheKey);
  if (!index) {
    const built = new Map<string, Map<string, Observation>>();
    for (const o of observations) {
      if (indicator !== undefined && o.indicator !== indicator) continue;
      let byPeriod = built.get(o.territory);
      if (!byPeriod) built.set(o.territory, (byPeriod = new Map()));
      byPeriod.set(o.period, o);
    }
    index = built;
    perIndicator.set(cacheKey, index);
  }
  return index;
}

function buildPoints(
  byPeriod: ReadonlyMap<string, Observation> | undefined,
  territory: Territory | undefined,
  input: BuildSeriesInput,
): { points: ChartPoint[]; censusYears: string[] } {
  const censusYears = new Set<string>();
  const points = input.periods.map((period): ChartPoint => {
    const o = byPeriod?.get(period);
    if (!o || o.value === null) {
      const reason: MissingReason = 'not-published';
      return { period, value: null, reason, status: o?.status ?? input.fallbackStatus, note: o?.note ?? null };
    }
    const measured = applyMeasure(o.value, input.measure, territory, period);
    if (measured.censusYear) censusYears.add(measured.censusYear);
    const point: ChartPoint = { period, value: measured.value, status: o.status, note: o.note ?? null };
    if (measured.reason) point.reason = measured.reason;
    return point;
  });
  return { points, censusYears: [...censusYears].sort() };
}

/** Build the series of the selected territories on a shared period axis, measure applied. */
export function buildSeries(input: BuildSeriesInput): RawSeries[] {
  const index = observationIndex(input.observations, input.indicator);
  return input.territories.map((code) => ({
    territory: code,
    ...buildPoints(index.get(code), input.territoryIndex.get(code), input),
  }));
}
