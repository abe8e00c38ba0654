import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  isPeriod,
  parsePeriod,
  periodEnd,
  periodInRange,
  periodMidTime,
  periodStart,
  periodStartTime,
} from '../../src/contract/period.ts';

const m = (year: number, month: number): number => year * 12 + month - 1;

describe('periodStart / periodEnd', () => {
  it.each([
    ['2024', m(2024, 1), m(2024, 12)],
    ['2024-Q1', m(2024, 1), m(2024, 3)],
    ['2024-Q3', m(2024, 7), m(2024, 9)],
    ['2024-Q4', m(2024, 10), m(2024, 12)],
    ['2024-03', m(2024, 3), m(2024, 3)],
    ['2024-12', m(2024, 12), m(2024, 12)],
  ])('%s spans months %i..%i', (period, start, end) => {
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
  });

  it.each(['2024-13', '2024-00', '2024-Q5', '24', '2024-3', '2024-q1', '', ' 2024'])('rejects %j', (bad) => {
    expect(isPeriod(bad)).toBe(false);
    expect(parsePeriod(bad)).toBeNull();
    expect(() => periodStart(bad)).toThrow(RangeError);
  });
});

describe('comparePeriods', () => {
  it.each([
    ['2023', '2024', -1],
    ['2024-Q1', '2024-03', -1], // string order says the opposite
    ['2024-03', '2024-Q1', 1],
    ['2024-Q1', '2024-04', -1],
    ['2024-01', '2024-Q1', -1], // same start, the month ends first
    ['2024-Q1', '2024', -1],
    ['2024', '2024', 0],
    ['2024-Q3', '2024-Q3', 0],
    ['2023-12', '2024', -1],
    ['2025-01', '2024', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it('sorts a mixed list chronologically', () => {
    const sorted = ['2024', '2023-Q4', '2024-02', '2024-Q1', '2024-01', '2023'].sort(comparePeriods);
    expect(sorted).toEqual(['2023', '2023-Q4', '2024-01', '2024-Q1', '2024', '2024-02']);
  });
});

describe('periodInRange (overlap, inclusive)', () => {
  it.each([
    ['2024', '2024-03', undefined, true], // the year contains March
    ['2023', '2024-03', undefined, false],
    ['2024-Q1', '2024-03', '2024-03', true],
    ['2024-Q2', undefined, '2024-03', false],
    ['2024-04', '2024-Q2', '2024-Q2', true],
    ['2024-07', '2024-Q2', '2024-Q2', false],
    ['2020', null, null, true],
    ['2025', '2020', '2024', false],
    ['2020', '2020', '2024', true],
  ])('%s in [%s, %s] → %s', (period, from, to, expected) => {
    expect(periodInRange(period, from, to)).toBe(expected);
  });
});

describe('period times', () => {
  it('starts a quarter on its first day, UTC', () => {
    expect(new Date(periodStartTime('2024-Q3')).toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(new Date(periodStartTime('2024')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
  it('places a month midway between its first day and the next month', () => {
    const mid = periodMidTime('2024-02');
    expect(mid).toBe((Date.UTC(2024, 1, 1) + Date.UTC(2024, 2, 1)) / 2);
    expect(periodMidTime('2024-12')).toBe((Date.UTC(2024, 11, 1) + Date.UTC(2025, 0, 1)) / 2);
  });
});
