/**
 * buildSeries, buildLongRows and closestCensusYear (issue 12: the explorer builds its model once per change and
 * reuses unchanged parts itself, see explorer-model.test.ts; the per-points row cache and the census-year cache
 * of issue 7 went, the bounded point cache of buildSeries stays because B5 shows it pays). Every call gives what
 * a fresh build gives, the measure, denominator and gap status of this call are the ones applied, equal requests
 * share their points within the bound, and rows follow the points with their reasons and the label of the call.
 */
import { describe, expect, it } from 'vitest';
import type { Measure, Observation, Territory } from '../../src/contract/contract.ts';
import { closestCensusYear } from '../../src/transforms/measures.ts';
import {
  buildSeries,
  SERIES_CACHE_MIN_PERIODS,
  SERIES_POINTS_CACHE,
  type BuildSeriesInput,
} from '../../src/transforms/series.ts';
import { buildLongRows } from '../../src/transforms/table.ts';

function territory(code: string, pop: number): Territory {
  return {
    code,
    level: 'region',
    parent: 'MA',
    name: { fr: `${code} fr`, ar: `${code} ar`, en: `${code} en` },
    kind: 'region',
    population: { '2014': pop, '2024': pop },
    households: { '2024': Math.round(pop / 4) },
  };
}
// Long enough for the point cache (SERIES_CACHE_MIN_PERIODS); the first five are checked by value below.
const periods = Array.from({ length: SERIES_CACHE_MIN_PERIODS + 2 }, (_, i) => String(2020 + i));
const codes = ['MA-01', 'MA-02'];
const observations: Observation[] = codes.flatMap((c, i) =>
  periods.map((period, p) => ({
    indicator: 'x',
    territory: c,
    period,
    value: p === 2 && i === 1 ? null : 100 + i * 10 + p,
    status: 'official' as const,
  })),
);
const index = new Map(codes.map((c, i) => [c, territory(c, 1000 * (i + 1))]));
const input = (over: Partial<BuildSeriesInput> = {}): BuildSeriesInput => ({
  observations,
  territories: codes,
  periods,
  measure: 'absolute',
  territoryIndex: index,
  fallbackStatus: 'official',
  indicator: 'x',
  lang: 'fr',
  ...over,
});
const fresh = (over: Partial<BuildSeriesInput> = {}) =>
  buildSeries(input({ ...over, observations: observations.map((o) => ({ ...o })) }));

describe('buildSeries gives, call after call, what a fresh build gives', () => {
  it.each<[string, Partial<BuildSeriesInput>, Partial<BuildSeriesInput>]>([
    ['same measure and axis', {}, {}],
    ['another measure', {}, { measure: 'per1000' }],
    ['another axis (a range)', {}, { periods: periods.slice(1) }],
    ['another axis (a bar period)', {}, { periods: ['2024'] }],
    [
      'another denominator (territories refetched)',
      {},
      { territoryIndex: new Map(codes.map((c) => [c, territory(c, 5)])) },
    ],
    ['another gap status', {}, { fallbackStatus: 'estimate' }],
  ])('%s', (_name, a, b) => {
    buildSeries(input(a));
    const second = buildSeries(input(b));
    expect(second).toEqual(fresh(b));
  });

  it('the denominator and the gap status of this call are the ones applied', () => {
    buildSeries(input());
    const small = buildSeries(input({ territoryIndex: new Map(codes.map((c) => [c, territory(c, 5)])) }));
    expect(small[0]?.points[0]?.value).toBe(100);
    const per1000 = buildSeries(
      input({ measure: 'per1000', territoryIndex: new Map(codes.map((c) => [c, territory(c, 5)])) }),
    );
    expect(per1000[0]?.points[0]?.value).toBe(20_000);
    expect(buildSeries(input({ fallbackStatus: 'estimate', periods: ['1999'] }))[0]?.points[0]).toMatchObject({
      value: null,
      reason: 'not-published',
      status: 'estimate',
    });
  });

  it('keeps the measure of each call (no mix-up when measures alternate)', () => {
    const measures: Measure[] = ['absolute', 'per1000', 'absolute', 'per1000'];
    // MA-02: 2,000 inhabitants, so per 1,000 halves the values.
    const values = measures.map((measure) => buildSeries(input({ measure }))[1]?.points.map((p) => p.value));
    expect(values[0]?.slice(0, 5)).toEqual([110, 111, null, 113, 114]);
    expect(values[1]?.slice(0, 5)).toEqual([55, 55.5, null, 56.5, 57]);
    expect(values[2]).toEqual(values[0]);
    expect(values[3]).toEqual(values[1]);
  });
});

describe('buildSeries shares points between equal requests (bounded)', () => {
  it.each<[string, Partial<BuildSeriesInput>, Partial<BuildSeriesInput>, boolean]>([
    ['same measure and axis', {}, {}, true],
    ['a new territories array with the same codes', {}, { territories: [...codes] }, true],
    ['a new periods array with the same periods', {}, { periods: [...periods] }, true],
    ['another measure', {}, { measure: 'per1000' }, false],
    ['another axis (a range)', {}, { periods: periods.slice(1) }, false],
    ['another axis (a bar period)', {}, { periods: ['2024'] }, false],
    [
      'a short axis is not cached',
      { periods: periods.slice(0, SERIES_CACHE_MIN_PERIODS - 1) },
      { periods: periods.slice(0, SERIES_CACHE_MIN_PERIODS - 1) },
      false,
    ],
    [
      'another denominator (territories refetched)',
      {},
      { territoryIndex: new Map(codes.map((c) => [c, territory(c, 5)])) },
      false,
    ],
    ['another gap status', {}, { fallbackStatus: 'estimate' }, false],
    ['another observations array (new query data)', {}, { observations: observations.map((o) => ({ ...o })) }, false],
  ])('%s → shared: %s', (_name, a, b, shared) => {
    const first = buildSeries(input(a));
    const second = buildSeries(input(b));
    for (let i = 0; i < codes.length; i++) expect(second[i]?.points === first[i]?.points).toBe(shared);
  });

  it(`holds at most ${SERIES_POINTS_CACHE} variants per territory: the oldest is rebuilt, not kept`, () => {
    const data = observations.map((o) => ({ ...o }));
    const axes = Array.from({ length: SERIES_POINTS_CACHE + 2 }, (_, i) => periods.slice(0, periods.length - i));
    const first = buildSeries(input({ observations: data, periods: axes[0] }))[0]?.points;
    expect(buildSeries(input({ observations: data, periods: axes[0] }))[0]?.points).toBe(first);
    for (const axis of axes.slice(1)) buildSeries(input({ observations: data, periods: axis }));
    // After more than the bound of other axes, the first was dropped: an unbounded cache would keep it.
    const again = buildSeries(input({ observations: data, periods: axes[0] }))[0]?.points;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('buildLongRows', () => {
  const points = () => buildSeries(input())[1]?.points ?? [];
  it('rows match the points, gaps with their reason', () => {
    const p = points();
    const rows = buildLongRows({ series: [{ key: 'MA-02', label: 'L', color: '#000', points: p }] });
    expect(rows.map((r) => [r.period, r.value, r.reason])).toEqual(p.map((x) => [x.period, x.value, x.reason]));
    expect(rows.some((r) => r.value === null && r.reason === 'not-published')).toBe(true);
  });

  it('the same points under another label (language switch) get the new label', () => {
    const p = points();
    buildLongRows({ series: [{ key: 'MA-02', label: 'A', color: '#000', points: p }] });
    const b = buildLongRows({ series: [{ key: 'MA-02', label: 'B', color: '#000', points: p }] });
    expect(b.every((row) => row.territory === 'B' && row.territoryCode === 'MA-02')).toBe(true);
  });
});

describe('closestCensusYear', () => {
  // Keys out of order on purpose: the answer must not depend on insertion order.
  const counts = { '2024': 1, '2004': 1, '2014': 1 };
  it.each([
    ['2000', '2004'],
    ['2010', '2014'],
    ['2009', '2014'], // tie between 2004 and 2014: the later census
    ['2019-06', '2024'], // tie between 2014 and 2024: the later census
    ['2030-Q1', '2024'],
    ['2014', '2014'],
  ])('%s → %s (asked twice, and on a copy of the record)', (period, year) => {
    expect(closestCensusYear(period, counts)).toBe(year);
    expect(closestCensusYear(period, counts)).toBe(year);
    expect(closestCensusYear(period, { ...counts })).toBe(year);
  });

  it('an empty record has no census year', () => {
    expect(closestCensusYear('2020', {})).toBeNull();
  });
});
