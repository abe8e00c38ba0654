/**
 * The one period module (src/contract/period.ts): table-driven cases, fast-check properties of the order and of
 * the range rule, and proof that the mock API and the client's transforms keep the same periods for the same
 * range (issue 12: they disagreed on `from=2024-03` against a yearly `2024`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contract/contract.ts';
import {
  comparePeriods,
  formatPeriod,
  isPeriod,
  parsePeriod,
  periodEnd,
  periodEndYear,
  periodInRange,
  periodKind,
  periodMidTime,
  periodStart,
  periodStartTime,
  periodStartYear,
  periodsInRange,
  rangeIsEmpty,
  sortPeriods,
  type ParsedPeriod,
} from '../../src/contract/period.ts';
import { answer } from '../../src/mocks/handlers.ts';
import { createDb, defaultDb, queryObservations } from '../../src/mocks/db.ts';
import { distinctPeriods } from '../../src/transforms/series.ts';

const m = (year: number, month: number): number => year * 12 + month - 1;
/** The client filters a range with the period module itself (the mock too: the agreement test runs both paths). */
const clientPeriodsInRange = periodsInRange;

describe('parsePeriod / formatPeriod / periodKind', () => {
  it.each<[string, ParsedPeriod]>([
    ['2024', { kind: 'year', year: 2024 }],
    ['2024-Q3', { kind: 'quarter', year: 2024, quarter: 3 }],
    ['2024-03', { kind: 'month', year: 2024, month: 3 }],
    ['0001-12', { kind: 'month', year: 1, month: 12 }],
  ])('%s', (period, parsed) => {
    expect(parsePeriod(period)).toEqual(parsed);
    expect(formatPeriod(parsed)).toBe(period);
    expect(periodKind(period)).toBe(parsed.kind);
    expect(isPeriod(period)).toBe(true);
  });
});

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

  it.each(['2024-13', '2024-00', '2024-Q5', '24', '2024-3', '2024-q1', '', ' 2024', '2024-Q0', '20245'])(
    'rejects %j',
    (bad) => {
      expect(isPeriod(bad)).toBe(false);
      expect(parsePeriod(bad)).toBeNull();
      expect(periodKind(bad)).toBeNull();
      expect(periodStartYear(bad)).toBeNull();
      expect(periodEndYear(bad)).toBeNull();
      expect(() => periodStart(bad)).toThrow(RangeError);
    },
  );
});

describe('comparePeriods: by first month, then the longer period first', () => {
  it.each([
    ['2023', '2024', -1],
    ['2024-Q1', '2024-03', -1], // string order says the opposite
    ['2024-03', '2024-Q1', 1],
    ['2024-Q1', '2024-04', -1],
    ['2024-Q1', '2024-01', -1], // same start, the quarter contains the month: it comes first
    ['2024', '2024-Q1', -1], // same start, the year contains the quarter
    ['2024', '2024-02', -1],
    ['2024-03', '2024', 1],
    ['2024', '2024', 0],
    ['2024-Q3', '2024-Q3', 0],
    ['2023-12', '2024', -1],
    ['2025-01', '2024', 1],
    ['bad', '2024', 1], // invalid strings come after every valid period
    ['2024', 'bad', -1],
    ['bad', 'bad', 0],
    ['a', 'b', -1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });

  it('sorts a mixed list as the calendar outline', () => {
    const sorted = sortPeriods(['2024', '2023-Q4', '2024-02', '2024-Q1', '2024-01', '2023', '2024-Q1']);
    expect(sorted).toEqual(['2023', '2023-Q4', '2024', '2024-Q1', '2024-01', '2024-02']);
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
    ['2024-03', undefined, '2024-Q1', true],
    ['2024-02', '2024-03', '2024', false],
    ['2020', null, null, true],
    ['2025', '2020', '2024', false],
    ['2020', '2020', '2024', true],
    ['nope', null, null, false],
    ['2023', '2023-02', '2023-01', false], // an empty range keeps nothing, even a year around it (fast-check found it)
  ])('%s in [%s, %s] → %s', (period, from, to, expected) => {
    expect(periodInRange(period, from, to)).toBe(expected);
  });

  it.each([
    ['2025', '2024-Q3', true],
    ['2024-Q4', '2024-Q3', true],
    ['2024-03', '2024', false],
    ['2024', '2024-03', false],
    ['2024-Q1', '2024-01', false],
    ['2024-04', '2024-Q1', true],
  ])('rangeIsEmpty(%s, %s) → %s', (from, to, empty) => {
    expect(rangeIsEmpty(from, to)).toBe(empty);
  });
});

describe('period positions', () => {
  it('starts a quarter on its first day, UTC', () => {
    expect(new Date(periodStartTime('2024-Q3')).toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(new Date(periodStartTime('2024')).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
  it('places a month midway between its first day and the next month', () => {
    const mid = periodMidTime('2024-02');
    expect(mid).toBe((Date.UTC(2024, 1, 1) + Date.UTC(2024, 2, 1)) / 2);
    expect(periodMidTime('2024-12')).toBe((Date.UTC(2024, 11, 1) + Date.UTC(2025, 0, 1)) / 2);
  });
  it.each([
    ['2025', 2025, 2026],
    ['2025-Q3', 2025.5, 2025.75],
    ['2025-07', 2025.5, 2025 + 7 / 12],
    ['2024-03', 2024 + 2 / 12, 2024.25],
  ])('%s spans decimal years %s..%s', (period, start, end) => {
    expect(periodStartYear(period)).toBeCloseTo(start, 10);
    expect(periodEndYear(period)).toBeCloseTo(end, 10);
  });
});

// Years close together so that generated periods overlap often; the full range for round trips.
const parsedArb = (minYear: number, maxYear: number): fc.Arbitrary<ParsedPeriod> => {
  const year = fc.integer({ min: minYear, max: maxYear });
  return fc.oneof(
    year.map((y): ParsedPeriod => ({ kind: 'year', year: y })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 4 }))
      .map(([y, q]): ParsedPeriod => ({ kind: 'quarter', year: y, quarter: q })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, mo]): ParsedPeriod => ({ kind: 'month', year: y, month: mo })),
  );
};
const periodArb = parsedArb(2022, 2025).map(formatPeriod);
// Invalid strings too: the order must stay total on bad data (a sort must not throw or loop).
const anyStringArb = fc.oneof(periodArb, fc.string({ maxLength: 8 }));

describe('properties', () => {
  it('parse ∘ format and format ∘ parse round-trip', () => {
    fc.assert(
      fc.property(parsedArb(0, 9999), (p) => {
        const text = formatPeriod(p);
        expect(isPeriod(text)).toBe(true);
        expect(parsePeriod(text)).toEqual(p);
        expect(formatPeriod(parsePeriod(text) as ParsedPeriod)).toBe(text);
      }),
    );
  });

  it('the order is antisymmetric, and 0 only for the same string', () => {
    fc.assert(
      fc.property(anyStringArb, anyStringArb, (a, b) => {
        expect(Math.sign(comparePeriods(a, b))).toBe(-Math.sign(comparePeriods(b, a)) || 0);
        expect(comparePeriods(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('the order is transitive', () => {
    fc.assert(
      fc.property(anyStringArb, anyStringArb, anyStringArb, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(comparePeriods) as [string, string, string];
        expect(comparePeriods(x, y)).toBeLessThanOrEqual(0);
        expect(comparePeriods(y, z)).toBeLessThanOrEqual(0);
        expect(comparePeriods(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('sorting is idempotent and ignores the input order', () => {
    fc.assert(
      fc.property(fc.array(anyStringArb, { maxLength: 20 }), (list) => {
        const once = sortPeriods(list);
        expect(sortPeriods(once)).toEqual(once);
        expect(sortPeriods([...list].reverse())).toEqual(once);
        expect(new Set(once)).toEqual(new Set(list));
      }),
    );
  });

  it('the order follows first months, and a period comes before the periods it contains', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        if (comparePeriods(a, b) < 0) expect(periodStart(a)).toBeLessThanOrEqual(periodStart(b));
        const aContainsB = periodStart(a) <= periodStart(b) && periodEnd(b) <= periodEnd(a);
        if (aContainsB && a !== b) expect(comparePeriods(a, b)).toBeLessThan(0);
      }),
    );
  });

  it('a period is in range exactly when one of its months lies between the first month of from and the last of to', () => {
    fc.assert(
      fc.property(periodArb, fc.option(periodArb), fc.option(periodArb), (p, from, to) => {
        const lo = from === null ? -Infinity : periodStart(from);
        const hi = to === null ? Infinity : periodEnd(to);
        let someMonth = false;
        for (let month = periodStart(p); month <= periodEnd(p); month++) someMonth ||= lo <= month && month <= hi;
        expect(periodInRange(p, from, to)).toBe(someMonth);
      }),
    );
  });

  it('an empty range keeps nothing; a non-empty one keeps its own bounds', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (from, to) => {
        const all = [from, to];
        if (rangeIsEmpty(from, to)) expect(periodsInRange(all, from, to)).toEqual([]);
        else expect(periodsInRange(all, from, to)).toEqual(all);
      }),
    );
  });
});

describe('mock and client agree on mixed-frequency ranges', () => {
  const base = defaultDb();
  const indicator = base.indicators[0]?.id ?? 'missing';
  const obs = (period: string, territory = 'MA'): Observation => ({
    indicator,
    territory,
    period,
    value: 1,
    status: 'illustrative',
  });
  const mixed = ['2023', '2024', '2024-Q1', '2024-02', '2024-03', '2024-Q2', '2024-07', '2024-Q4', '2025', '2025-01'];
  const db = createDb({
    territories: base.territories,
    indicators: base.indicators,
    projects: [],
    observations: [...mixed].reverse().flatMap((p) => [obs(p), obs(p, 'MA-06')]),
  });

  /** What the mock API answers for a range, through the same entry point as its HTTP handlers. */
  function mockPeriods(from: string | null, to: string | null): string[] | 'invalid-range' {
    const params = new URLSearchParams({ indicator, territory: 'MA' });
    if (from !== null) params.set('from', from);
    if (to !== null) params.set('to', to);
    const a = answer(db, 'observations', params);
    if ('problem' in a) {
      expect(a.problem.type).toBe('urn:mouchir:problem:invalid-range');
      return 'invalid-range';
    }
    return (a.json as { data: Observation[] }).data.map((o) => o.period);
  }

  /** What the explorer shows for the same range: its period axis from every observation, then the range. */
  function clientPeriods(from: string | null, to: string | null): string[] {
    return clientPeriodsInRange(
      distinctPeriods(
        db.observations
          .get(indicator)
          ?.get('MA')
          ?.map((r) => r.row) ?? [],
      ),
      from,
      to,
    );
  }

  it.each<[string | null, string | null, string[]]>([
    // The case of the issue: the yearly 2024 contains March, so both keep it.
    ['2024-03', null, ['2024', '2024-Q1', '2024-03', '2024-Q2', '2024-07', '2024-Q4', '2025', '2025-01']],
    [null, '2024-Q1', ['2023', '2024', '2024-Q1', '2024-02', '2024-03']],
    ['2024-03', '2024-03', ['2024', '2024-Q1', '2024-03']],
    ['2024-03', '2024', ['2024', '2024-Q1', '2024-03', '2024-Q2', '2024-07', '2024-Q4']],
    ['2025', '2025', ['2025', '2025-01']],
    ['2024-05', '2024-06', ['2024', '2024-Q2']],
  ])('from=%s to=%s', (from, to, expected) => {
    expect(mockPeriods(from, to)).toEqual(expected);
    expect(clientPeriods(from, to)).toEqual(expected);
  });

  it('for any range, the mock answers the periods the client keeps, in the same order', () => {
    fc.assert(
      fc.property(fc.option(periodArb), fc.option(periodArb), (from, to) => {
        const mock = mockPeriods(from, to);
        if (from !== null && to !== null && rangeIsEmpty(from, to)) {
          expect(mock).toBe('invalid-range');
          return;
        }
        expect(mock).toEqual(clientPeriods(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('the db answers each territory in the one period order', () => {
    const rows = queryObservations(db, { indicator, territories: ['MA-06', 'MA'] });
    expect(rows.filter((r) => r.territory === 'MA-06').map((r) => r.period)).toEqual(sortPeriods(mixed));
    expect(rows.filter((r) => r.territory === 'MA').map((r) => r.period)).toEqual(sortPeriods(mixed));
  });
});
