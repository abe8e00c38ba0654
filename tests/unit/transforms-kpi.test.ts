import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Target } from '../../src/contract/contract.ts';
import {
  buildKpi,
  comparePeriod,
  gapBetween,
  headlineIndicators,
  kpiDelta,
  kpiSeries,
  latestPoint,
  previousPoint,
  targetProgress,
  type KpiPoint,
} from '../../src/transforms/kpi.ts';
import { comparePeriods, periodEndYear } from '../../src/contract/period.ts';

const SOURCE = {
  publisher: 'HCP',
  title: 'RGPH 2024',
  url: 'https://www.hcp.ma/',
  published: '2024-12-17',
  retrieved: '2025-01-10',
};
const TEXT = { fr: 'x', ar: 'س', en: 'x' };

function indicator(patch: Partial<Indicator> = {}): Indicator {
  return {
    id: 'amo-coverage',
    name: TEXT,
    description: TEXT,
    unit: { code: 'percent', label: TEXT },
    category: 'social-protection',
    levels: ['country'],
    frequency: 'irregular',
    source: SOURCE,
    status: 'official',
    method: TEXT,
    lastUpdated: '2025-07-15',
    perCapita: false,
    measures: ['absolute'],
    polarity: 'higher-is-better',
    ...patch,
  };
}

function obs(period: string, value: number | null, territory = 'MA', ind = 'amo-coverage'): Observation {
  return {
    indicator: ind,
    territory,
    period,
    value,
    status: 'official',
    note: value === null ? { fr: 'non publié', ar: 'غير منشور', en: 'not published' } : null,
  };
}

function pt(period: string, value: number | null): KpiPoint {
  return { period, value, status: 'official', note: null, source: null };
}

function target(value: number, period: string, direction: 'increase' | 'decrease' = 'increase'): Target {
  return { value, period, direction, label: TEXT, source: SOURCE };
}

describe('periodEndYear (the pace line takes periods at their end)', () => {
  it.each([
    ['2024', 2025],
    ['2024-Q1', 2024.25],
    ['2024-Q4', 2025],
    ['2024-06', 2024.5],
    ['2024-12', 2025],
    ['2024-13', null],
    ['24', null],
    ['2024-Q5', null],
  ])('%s → %s', (period, expected) => {
    expect(periodEndYear(period)).toBe(expected);
  });

  it.each([
    ['2023', '2024', -1],
    // The one period order (src/contract/period.ts): by start, so the year (from January) comes before March.
    // kpi.ts used to order by END (2024-03 first); single-frequency series, which all KPIs are, order the same.
    ['2024-03', '2024', 1],
    ['2024-Q4', '2024-Q3', 1],
    ['2024', '2024', 0],
    ['bad', '2024', 1],
  ])('comparePeriods(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});

describe('kpiSeries / latest / previous', () => {
  const rows: Observation[] = [
    obs('2025', 88),
    obs('2021', 42),
    obs('2024', 67.1),
    obs('2024', 99, 'MA-06'), // another territory: ignored
    obs('2024', 5, 'MA', 'other'), // another indicator: ignored
  ];

  it('keeps one territory and indicator, sorted by period', () => {
    expect(kpiSeries(rows, 'amo-coverage', 'MA').map((p) => [p.period, p.value])).toEqual([
      ['2021', 42],
      ['2024', 67.1],
      ['2025', 88],
    ]);
  });

  it.each<[string, KpiPoint[], string | null, string | null]>([
    ['normal series', [pt('2021', 1), pt('2024', 2), pt('2025', 3)], '2025', '2024'],
    ['trailing null is skipped for latest', [pt('2021', 1), pt('2024', 2), pt('2025', null)], '2024', '2021'],
    ['previous may itself be null', [pt('2021', 1), pt('2024', null), pt('2025', 3)], '2025', '2024'],
    ['single point has no previous', [pt('2024', 2)], '2024', null],
    ['all null', [pt('2024', null)], null, null],
    ['empty', [], null, null],
  ])('%s', (_name, series, latest, previous) => {
    const l = latestPoint(series);
    expect(l?.period ?? null).toBe(latest);
    expect(previousPoint(series, l)?.period ?? null).toBe(previous);
  });
});

describe('kpiDelta', () => {
  it.each<[string, number | null, number | null | undefined, Indicator['polarity'], object]>([
    ['rise, higher is better', 88, 67.1, 'higher-is-better', { direction: 'up', assessment: 'better', reason: null }],
    ['rise, lower is better', 21.3, 16.2, 'lower-is-better', { direction: 'up', assessment: 'worse', reason: null }],
    [
      'fall, lower is better',
      10,
      20,
      'lower-is-better',
      { abs: -10, pct: -50, direction: 'down', assessment: 'better' },
    ],
    ['neutral indicator', 110, 100, 'neutral', { abs: 10, pct: 10, assessment: 'neutral' }],
    ['no change', 5, 5, 'higher-is-better', { abs: 0, pct: 0, direction: 'flat', assessment: 'unchanged' }],
    ['negative base uses |base|', -1, -2, 'higher-is-better', { abs: 1, pct: 50, direction: 'up' }],
    ['zero base: abs only', 5, 0, 'higher-is-better', { abs: 5, pct: null, reason: 'zero-base' }],
    ['null base', 5, null, 'higher-is-better', { abs: null, pct: null, direction: null, reason: 'previous-missing' }],
    ['no previous period', 5, undefined, 'higher-is-better', { abs: null, pct: null, reason: 'no-previous' }],
    ['no data', null, 3, 'higher-is-better', { abs: null, pct: null, reason: 'no-data' }],
  ])('%s', (_name, latest, previous, polarity, expected) => {
    expect(kpiDelta({ previous, latest }, polarity)).toMatchObject(expected);
  });

  it('computes the relative change from the previous value', () => {
    const d = kpiDelta({ previous: 67.1, latest: 88 }, 'higher-is-better');
    expect(d.abs).toBeCloseTo(20.9, 10);
    expect(d.pct).toBeCloseTo((20.9 / 67.1) * 100, 10);
  });
});

describe('targetProgress (linear pace from the first value to the target)', () => {
  // Baseline 42 at end 2021 (t=2022), target 100 at end 2030 (t=2031): the pace adds 58/9 per year.
  const t = target(100, '2030');
  const expectedAt = (year: number) => 42 + (58 * (year + 1 - 2022)) / 9;

  it.each<[string, KpiPoint[], Target, string, string | null]>([
    ['above the pace line → on-track', [pt('2021', 42), pt('2024', 70)], t, 'on-track', null],
    ['below the pace line → behind', [pt('2021', 42), pt('2024', 55)], t, 'behind', null],
    ['exactly on the line → on-track', [pt('2021', 42), pt('2024', expectedAt(2024))], t, 'on-track', null],
    ['reached → achieved', [pt('2021', 42), pt('2024', 100)], t, 'achieved', null],
    ['past the target date, not reached → behind', [pt('2021', 42), pt('2032', 90)], t, 'behind', null],
    [
      'decrease target, falling fast enough',
      [pt('2014', 16), pt('2024', 11)],
      target(10, '2030', 'decrease'),
      'on-track',
      null,
    ],
    ['decrease target, rising', [pt('2014', 16.2), pt('2024', 21.3)], target(10, '2030', 'decrease'), 'behind', null],
    ['decrease target reached', [pt('2014', 16.2), pt('2024', 9)], target(10, '2030', 'decrease'), 'achieved', null],
    ['single point', [pt('2024', 70)], t, 'unknown', 'single-point'],
    ['no data', [pt('2024', null)], t, 'unknown', 'no-data'],
    ['baseline after target', [pt('2031', 42), pt('2032', 50)], t, 'unknown', 'baseline-after-target'],
  ])('%s', (_name, series, tgt, status, reason) => {
    const r = targetProgress(series, tgt);
    expect(r.status).toBe(status);
    expect(r.reason).toBe(reason);
  });

  it('reports the expected value and the remaining distance', () => {
    const r = targetProgress([pt('2021', 42), pt('2024', 70)], t);
    expect(r.expected).toBeCloseTo(expectedAt(2024), 10);
    expect(r.remaining).toBe(30);
    expect(r.baseline?.period).toBe('2021');
  });

  it('caps the pace at the target once the target date has passed', () => {
    const r = targetProgress([pt('2021', 42), pt('2035', 90)], t);
    expect(r.expected).toBe(100);
  });
});

describe('buildKpi', () => {
  it('assembles latest, previous, delta, target and the dated source of the latest point', () => {
    const own = { ...SOURCE, publisher: 'Chef du gouvernement', published: '2025-07-15' };
    const rows: Observation[] = [obs('2021', 42), obs('2024', 67.1), { ...obs('2025', 88), source: own }];
    const k = buildKpi(indicator({ target: target(100, '2030') }), rows, 'MA');
    expect(k.latest?.value).toBe(88);
    expect(k.previous?.value).toBe(67.1);
    expect(k.delta.direction).toBe('up');
    expect(k.target?.status).toBe('on-track');
    expect(k.source.publisher).toBe('Chef du gouvernement');
    expect(k.series).toHaveLength(3);
  });

  it('falls back to the indicator source and status, and has no target when none is set', () => {
    const k = buildKpi(indicator({ status: 'illustrative' }), [], 'MA-BES');
    expect(k.latest).toBeNull();
    expect(k.delta.reason).toBe('no-data');
    expect(k.target).toBeNull();
    expect(k.source.publisher).toBe('HCP');
    expect(k.status).toBe('illustrative');
  });
});

describe('headlineIndicators', () => {
  it('keeps indicators with headline, ordered by it', () => {
    const list = [
      indicator({ id: 'c', headline: 3 }),
      indicator({ id: 'none' }),
      indicator({ id: 'a', headline: 1 }),
      indicator({ id: 'b2', headline: 2 }),
      indicator({ id: 'b1', headline: 2 }),
    ];
    expect(headlineIndicators(list).map((i) => i.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });
});

describe('gapBetween', () => {
  it.each<[string, number | null, number | null, Indicator['polarity'], object]>([
    ['a higher, higher is better', 18.8, 10, 'higher-is-better', { abs: 8.8, better: 'a' }],
    ['a higher, lower is better', 20.8, 18.8, 'lower-is-better', { better: 'b' }],
    ['a lower, lower is better', 18.8, 20.8, 'lower-is-better', { better: 'a' }],
    ['equal', 5, 5, 'higher-is-better', { abs: 0, rel: 0, better: 'equal' }],
    ['neutral', 6, 5, 'neutral', { better: 'neutral' }],
    ['b is zero', 5, 0, 'higher-is-better', { abs: 5, rel: null, reason: 'zero-base' }],
    ['missing', null, 5, 'higher-is-better', { abs: null, better: null, reason: 'missing-value' }],
  ])('%s', (_name, a, b, polarity, expected) => {
    expect(gapBetween(a, b, polarity)).toMatchObject(expected);
  });

  it('relative gap is against b', () => {
    expect(gapBetween(30, 20, 'neutral').rel).toBeCloseTo(50, 10);
  });
});

describe('comparePeriod', () => {
  const ind = 'unemployment';
  const rows: Observation[] = [
    obs('2014', 15, 'MA-06', ind),
    obs('2014', 14, 'MA-07', ind),
    obs('2024', 18.8, 'MA-06', ind),
    obs('2024', null, 'MA-07', ind),
    obs('2024', 20, 'MA-01', ind),
  ];
  it.each<[string, string[], string | null]>([
    ['latest period where all have a value', ['MA-06', 'MA-07'], '2014'],
    ['all present at latest', ['MA-06', 'MA-01'], '2024'],
    ['none in common: latest of any', ['MA-01', 'MA-07'], '2024'],
    ['nothing at all', ['MA-99'], null],
  ])('%s', (_name, territories, expected) => {
    expect(comparePeriod(rows, ind, territories)).toBe(expected);
  });
});
