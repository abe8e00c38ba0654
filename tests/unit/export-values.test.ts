import { describe, expect, it } from 'vitest';
import { finiteOrNull, finiteValues, rankedSeries, valueAt } from '../../src/export/values.ts';
import { lineModel } from './export-fixtures.ts';

describe('finiteOrNull', () => {
  it.each([
    [0, 0],
    [-2.5, -2.5],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NEGATIVE_INFINITY, null],
  ])('%s → %s', (input, expected) => {
    expect(finiteOrNull(input)).toBe(expected);
  });
});

describe('finiteValues', () => {
  it('keeps the finite numbers in order, zero and negatives included', () => {
    expect(finiteValues([3, null, Number.NaN, 0, undefined, -1, Number.POSITIVE_INFINITY])).toEqual([3, 0, -1]);
  });
});

describe('valueAt', () => {
  const [first, second] = lineModel().series;
  if (!first || !second) throw new Error('fixture has two series');
  it('reads the value of a period, and null for a missing value or an absent period', () => {
    expect(valueAt(first, '2014')).toBe(6_861_739);
    expect(valueAt(second, '2014')).toBeNull();
    expect(valueAt(first, '1999')).toBeNull();
  });
  it('reads a non-finite value as a gap', () => {
    const points = first.points.map((p) => (p.period === '2024' ? { ...p, value: Number.NaN } : p));
    expect(valueAt({ points }, '2024')).toBeNull();
  });
});

describe('rankedSeries', () => {
  it('orders a ranking as the screen does: highest value of the last period first, missing values last', () => {
    const base = lineModel();
    const reversed = { ...base, kind: 'bar' as const, series: [...base.series].reverse() };
    expect(rankedSeries({ ...reversed, periods: ['2024'] }).map((s) => s.key)).toEqual(['MA-06', 'MA-07']);
    // 2014: Marrakech-Safi has no value, so it comes last whatever the input order.
    expect(rankedSeries({ ...reversed, periods: ['2014'] }).map((s) => s.key)).toEqual(['MA-06', 'MA-07']);
    expect(rankedSeries({ ...base, periods: [] }).map((s) => s.key)).toEqual(['MA-06', 'MA-07']);
  });
});
