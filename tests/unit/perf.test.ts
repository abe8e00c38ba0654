/**
 * Issue 7 performance helpers: the startup view preload and the
 * per-array observation index of buildSeries (same results as a fresh scan, other indicators ignored).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/contract/contract.ts';
import { preloadView, VIEW_PARTS } from '../../src/app/preload-view.ts';
import { buildSeries } from '../../src/transforms/series.ts';
import { VIEWS } from '../../src/state/view-state.ts';

describe('preloadView', () => {
  it('has a lazy view for every view', () => {
    expect(Object.keys(VIEW_PARTS).sort()).toEqual([...VIEWS].sort());
  });
  it("starts only the given view's code", () => {
    const calls: string[] = [];
    const parts = Object.fromEntries(
      VIEWS.map((v) => [v, { preload: vi.fn(() => (calls.push(v), Promise.resolve())) }]),
    ) as unknown as typeof VIEW_PARTS;
    preloadView('explorer', parts);
    expect(calls).toEqual(['explorer']);
  });
});

const obs = (indicator: string, territory: string, period: string, value: number | null): Observation =>
  ({ indicator, territory, period, value, status: 'official' }) as Observation;

describe('buildSeries with the cached observation index', () => {
  const rows: Observation[] = [
    obs('a', 'MA-01', '2020', 1),
    obs('a', 'MA-01', '2021', 2),
    obs('a', 'MA-02', '2021', 5),
    obs('b', 'MA-01', '2020', 100),
    obs('b', 'MA-02', '2020', 200),
  ];
  const base = {
    periods: ['2020', '2021'],
    measure: 'absolute' as const,
    territoryIndex: new Map(),
    fallbackStatus: 'official' as const,
    lang: 'fr' as const,
  };
  const values = (r: ReturnType<typeof buildSeries>) => r.map((s) => [s.territory, s.points.map((p) => p.value)]);

  it.each([
    [
      'a',
      ['MA-01', 'MA-02'],
      [
        ['MA-01', [1, 2]],
        ['MA-02', [null, 5]],
      ],
    ],
    [
      'b',
      ['MA-02', 'MA-01'],
      [
        ['MA-02', [200, null]],
        ['MA-01', [100, null]],
      ],
    ],
    ['a', ['MA-03'], [['MA-03', [null, null]]]],
  ])('indicator %s, territories %j', (indicator, territories, expected) => {
    // Twice over the same array: the second call reads the cached index and must agree with the first.
    const first = buildSeries({ ...base, observations: rows, indicator, territories });
    const second = buildSeries({ ...base, observations: rows, indicator, territories });
    expect(values(first)).toEqual(expected);
    expect(values(second)).toEqual(expected);
  });

  it('without an indicator every row counts (the last row of a key wins, as before)', () => {
    const r = buildSeries({ ...base, observations: rows, territories: ['MA-02'] });
    expect(values(r)).toEqual([['MA-02', [200, 5]]]);
  });
});
