/**
 * Build one series per territory from tidy observations: sorted periods, one point per period of the
 * shared axis, a gap (`value: null` + reason) wherever the source has no figure. Pure.
 */
import type { DataStatus, Lang, Measure, Observation, Territory } from '../contract/contract.ts';
import type { ChartPoint, MissingReason } from './chart-types.ts';
import { sortPeriods } from '../contract/period.ts';
import { LruMap } from '../lib/lru.ts';
import { applyMeasure } from './measures.ts';

/** Sorted distinct periods of some observations, in THE period order (`comparePeriods`, src/contract/period.ts). */
export function distinctPeriods(observations: readonly Pick<Observation, 'period'>[]): string[] {
  return sortPeriods(observations.map((o) => o.period));
}

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
  /** Language of the points' notes and period labels. */
  lang: Lang;
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

/** Point arrays kept per territory of an observations array (see `pointsCache`). */
export const SERIES_POINTS_CACHE = 2;
/** Axes shorter than this are not cached (a bar's single period): rebuilding them is cheaper than keeping them. */
export const SERIES_CACHE_MIN_PERIODS = 12;

interface CachedPoints {
  territory: Territory | undefined;
  fallbackStatus: DataStatus;
  points: ChartPoint[];
  censusYears: string[];
}

/**
 * Issue 7 (B5), re-measured for issue 12: the points of one territory, per measure and period axis, shared
 * between the models built from the same query data. The explorer now builds one model per change and reuses
 * its unchanged parts, but React keeps the previous render's model next to the current one, and a click that
 * comes back to a measure or range seen a moment ago (the B5 round trips) would hold a second copy of the same
 * 75 × 132 points. Kept because the bench shows it pays: B5 ends at 21.6 MB with it (21.9 MB with the
 * other caches of issue 7 too), 22.4 MB without it in three runs; B2 unchanged within the noise. Keyed by the territory's row index (so it goes with the query data:
 * WeakMap), at most `SERIES_POINTS_CACHE` variants per territory (LRU): the line's range and the full range
 * (exports). Points are never mutated after they are built, so sharing them is safe.
 */
const pointsCache = new WeakMap<ReadonlyMap<string, Observation>, LruMap<string, CachedPoints>>();

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
      const gap: ChartPoint = { period, value: null, reason, status: o?.status ?? input.fallbackStatus, note: null };
      return o ? withProvenance(gap, o, input.lang) : gap;
    }
    const measured = applyMeasure(o.value, input.measure, territory, period);
    if (measured.censusYear) censusYears.add(measured.censusYear);
    const point: ChartPoint = { period, value: measured.value, status: o.status, note: null };
    if (measured.reason) point.reason = measured.reason;
    return withProvenance(point, o, input.lang);
  });
  return { points, censusYears: [...censusYears].sort() };
}

/** Copy an observation's provenance (note, qualifier, confidence, period label, own source) onto its point. */
function withProvenance(point: ChartPoint, o: Observation, lang: Lang): ChartPoint {
  if (o.note) point.note = o.note[lang];
  if (o.qualifier) point.qualifier = o.qualifier;
  if (o.confidence) point.confidence = o.confidence;
  if (o.periodLabel) point.periodLabel = o.periodLabel[lang];
  if (o.source) point.source = o.source;
  return point;
}

/** Build the series of the selected territories on a shared period axis, measure applied. */
export function buildSeries(input: BuildSeriesInput): RawSeries[] {
  const index = observationIndex(input.observations, input.indicator);
  // One key per axis and measure; the axis is part of it because a range or a bar's period changes it.
  const key = `${input.lang}\u0000${input.measure}\u0000${input.periods.join(',')}`;
  return input.territories.map((code) => {
    const territory = input.territoryIndex.get(code);
    const byPeriod = index.get(code);
    if (!byPeriod || input.periods.length < SERIES_CACHE_MIN_PERIODS)
      return { territory: code, ...buildPoints(byPeriod, territory, input) };
    let variants = pointsCache.get(byPeriod);
    if (!variants) pointsCache.set(byPeriod, (variants = new LruMap(SERIES_POINTS_CACHE)));
    const hit = variants.get(key);
    // Same rows, measure and axis; the denominator (territory) and the gap status must match too.
    if (hit && hit.territory === territory && hit.fallbackStatus === input.fallbackStatus) {
      return { territory: code, points: hit.points, censusYears: hit.censusYears };
    }
    const built = buildPoints(byPeriod, territory, input);
    variants.set(key, { territory, fallbackStatus: input.fallbackStatus, ...built });
    return { territory: code, ...built };
  });
}
