/**
 * Table-driven tests of the explorer's pure transforms: measures, series, rank, delta, downsampling,
 * table rows, chart model, summary, map classes, defaults, territory search.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../../src/ui/sparkline.tsx';
import { lineChartRows } from '../../src/charts/line-chart.tsx';
import { rankedBarRows } from '../../src/charts/bar-chart.tsx';
import type { Indicator, Observation, Territory } from '../../src/contract/contract.ts';
import { applyMeasure, closestCensusYear } from '../../src/transforms/measures.ts';
import { buildSeries, distinctPeriods } from '../../src/transforms/series.ts';
import { comparePeriods, periodsInRange } from '../../src/contract/period.ts';
import { rankItems } from '../../src/transforms/rank.ts';
import { computeDelta } from '../../src/transforms/delta.ts';
import { downsampleLttb } from '../../src/transforms/downsample.ts';
import { buildLongRows, buildWideRows, sortWideRows } from '../../src/transforms/table.ts';
import { buildChartModel, denominatorNote, worstStatus } from '../../src/transforms/chart-model.ts';
import { summarizeChart } from '../../src/transforms/summary.ts';
import { classOf, quantileClasses } from '../../src/transforms/classes.ts';
import { defaultIndicator, defaultTerritories } from '../../src/transforms/selection.ts';
import { matchesTerritory, normalizeForSearch, pickCodes, toggleCode } from '../../src/ui/territory-filter/search.ts';

const source = {
  publisher: 'HCP',
  title: 'RGPH',
  url: 'https://www.hcp.ma/',
  published: null,
  retrieved: '2025-01-01',
};
function territory(
  code: string,
  level: Territory['level'],
  pop: Record<string, number>,
  hh: Record<string, number> = {},
): Territory {
  return {
    code,
    level,
    parent: level === 'country' ? null : 'MA',
    name: { fr: `${code} fr`, ar: `${code} ar`, en: `${code} en` },
    kind: level === 'country' ? 'country' : 'region',
    population: pop,
    households: hh,
  };
}
const MA = territory(
  'MA',
  'country',
  { '2014': 33_848_242, '2024': 36_828_330 },
  { '2014': 7_313_806, '2024': 9_275_038 },
);
const CS = territory('MA-06', 'region', { '2014': 6_861_739, '2024': 7_688_967 }, { '2024': 2_000_000 });
const MS = territory('MA-07', 'region', { '2014': 4_520_569, '2024': 4_892_393 }, {});
const index = new Map([MA, CS, MS].map((t) => [t.code, t]));

const indicator: Indicator = {
  id: 'jobs',
  name: { fr: 'Emplois', ar: 'مناصب', en: 'Jobs' },
  description: { fr: 'd', ar: 'd', en: 'd' },
  unit: { code: 'count', label: { fr: 'emplois', ar: 'مناصب', en: 'jobs' } },
  category: 'economy',
  levels: ['country', 'region'],
  frequency: 'annual',
  source,
  status: 'official',
  method: { fr: 'm', ar: 'm', en: 'm' },
  lastUpdated: '2025-01-01',
  perCapita: true,
  measures: ['absolute', 'per1000'],
  polarity: 'higher-is-better',
};
const obs = (
  territory: string,
  period: string,
  value: number | null,
  status: Observation['status'] = 'official',
): Observation => ({
  indicator: 'jobs',
  territory,
  period,
  value,
  status,
  note: value === null ? { fr: 'non publié', ar: 'غير منشور', en: 'not published' } : null,
});
const observations: Observation[] = [
  obs('MA-06', '2024', 200),
  obs('MA-06', '2014', 100),
  obs('MA-07', '2014', 50),
  obs('MA-07', '2019', null),
  obs('MA-07', '2024', 80, 'estimate'),
];

describe('closestCensusYear', () => {
  it.each([
    ['2012', '2014'],
    ['2018', '2014'],
    ['2019', '2024'], // exactly between: the later census
    ['2025-Q3', '2024'],
    ['2030', '2024'],
  ])('%s → %s', (period, year) => {
    expect(closestCensusYear(period, { '2014': 1, '2024': 1 })).toBe(year);
  });
  it('no census → null', () => expect(closestCensusYear('2020', {})).toBeNull());
});

describe('applyMeasure', () => {
  it.each([
    ['absolute', 500, CS, '2024', { value: 500 }],
    ['per1000', 7_688_967, CS, '2024', { value: 1000, censusYear: '2024' }],
    ['shareOfPopulation', 686_173.9, CS, '2015', { value: 10, censusYear: '2014' }],
    ['perHousehold', 4_000_000, CS, '2023', { value: 2, censusYear: '2024' }],
    ['perHousehold', 10, MS, '2024', { value: null, reason: 'no-households' }],
    ['per1000', 10, undefined, '2024', { value: null, reason: 'no-population' }],
    ['per1000', null, CS, '2024', { value: null, censusYear: '2024' }],
  ] as const)('%s of %s', (measure, value, t, period, expected) => {
    const r = applyMeasure(value, measure, t, period);
    expect(r.censusYear).toBe('censusYear' in expected ? expected.censusYear : undefined);
    expect(r.reason).toBe('reason' in expected ? expected.reason : undefined);
    if (expected.value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(expected.value, 6);
  });
  it('a zero population is a reason, never Infinity', () => {
    expect(applyMeasure(5, 'per1000', territory('MA-99', 'region', { '2024': 0 }), '2024')).toEqual({
      value: null,
      reason: 'no-population',
    });
  });
});

describe('periods', () => {
  it.each([
    [
      ['2024', '2014', '2019'],
      ['2014', '2019', '2024'],
    ],
    [
      ['2024-Q3', '2024-Q1', '2023'],
      ['2023', '2024-Q1', '2024-Q3'],
    ],
    [
      ['2025-07', '2025', '2024'],
      ['2024', '2025', '2025-07'],
    ],
  ])('sorts %j', (input, expected) => {
    expect([...input].sort(comparePeriods)).toEqual(expected);
  });
  it('range is inclusive with open ends', () => {
    expect(periodsInRange(['2014', '2019', '2024'], '2019', null)).toEqual(['2019', '2024']);
    expect(periodsInRange(['2014', '2019', '2024'], null, '2019')).toEqual(['2014', '2019']);
    expect(periodsInRange(['2014', '2019', '2024'], '2015', '2023')).toEqual(['2019']);
  });
});

describe('buildSeries', () => {
  const periods = distinctPeriods(observations);
  it('one point per period, gaps with a reason, input order of territories', () => {
    const s = buildSeries({
      observations,
      territories: ['MA-07', 'MA-06'],
      periods,
      measure: 'absolute',
      territoryIndex: index,
      fallbackStatus: 'official',
      lang: 'fr',
    });
    expect(s.map((x) => x.territory)).toEqual(['MA-07', 'MA-06']);
    expect(s[0]?.points.map((p) => p.value)).toEqual([50, null, 80]);
    expect(s[0]?.points[1]).toMatchObject({ reason: 'not-published', note: 'non publié' });
    expect(s[1]?.points.map((p) => p.value)).toEqual([100, null, 200]);
    expect(s[1]?.points[1]?.reason).toBe('not-published');
  });
  it('per 1,000 uses the closest census and reports which', () => {
    const s = buildSeries({
      observations,
      territories: ['MA-06'],
      periods,
      measure: 'per1000',
      territoryIndex: index,
      fallbackStatus: 'official',
      lang: 'fr',
    });
    expect(s[0]?.points[0]?.value).toBeCloseTo((100 / 6_861_739) * 1000, 10);
    expect(s[0]?.points[2]?.value).toBeCloseTo((200 / 7_688_967) * 1000, 10);
    expect(s[0]?.censusYears).toEqual(['2014', '2024']);
  });
});

describe('rankItems', () => {
  it.each([
    [
      [
        { key: 'a', value: 1 },
        { key: 'b', value: 3 },
        { key: 'c', value: null },
        { key: 'd', value: 3 },
      ],
      ['b', 'd', 'a', 'c'],
      [1, 1, 3, null],
    ],
    [[{ key: 'a', value: null }], ['a'], [null]],
    [
      [
        { key: 'x', value: -2 },
        { key: 'y', value: 0 },
      ],
      ['y', 'x'],
      [1, 2],
    ],
  ])('%j', (items, keys, ranks) => {
    const r = rankItems(items);
    expect(r.map((x) => x.item.key)).toEqual(keys);
    expect(r.map((x) => x.rank)).toEqual(ranks);
  });
  it('ascending order', () => {
    expect(
      rankItems(
        [
          { key: 'a', value: 2 },
          { key: 'b', value: 1 },
        ],
        'asc',
      ).map((x) => x.item.key),
    ).toEqual(['b', 'a']);
  });
});

describe('computeDelta', () => {
  it.each([
    [100, 150, { absolute: 50, percent: 50 }],
    [200, 150, { absolute: -50, percent: -25 }],
    [-10, -5, { absolute: 5, percent: 50 }],
    [0, 5, { absolute: 5, percent: null, reason: 'zero-base' }],
    [null, 5, { absolute: null, percent: null, reason: 'missing-base' }],
    [5, null, { absolute: null, percent: null, reason: 'missing-end' }],
  ] as const)('%s → %s', (from, to, expected) => {
    expect(computeDelta({ from, to })).toEqual(expected);
  });
});

describe('downsampleLttb', () => {
  const long = Array.from({ length: 1000 }, (_, i) => ({
    i,
    value: i === 500 || i === 501 ? null : Math.sin(i / 20) * 100,
  }));
  it('reduces to about the target and keeps every gap', () => {
    const out = downsampleLttb(long, 100, (p) => p.i);
    expect(out.length).toBeLessThanOrEqual(110);
    expect(out.length).toBeGreaterThan(50);
    expect(out.filter((p) => p.value === null).map((p) => p.i)).toEqual([500, 501]);
    // first and last points of each run are kept, and x order is preserved
    expect(out[0]?.i).toBe(0);
    expect(out.at(-1)?.i).toBe(999);
    const xs = out.map((p) => p.i);
    expect(xs).toEqual(xs.toSorted((a, b) => a - b));
  });
  it('keeps the extremes of a spike', () => {
    const spike = Array.from({ length: 300 }, (_, i) => ({ i, value: i === 150 ? 1000 : 0 }));
    expect(downsampleLttb(spike, 30, (p) => p.i).some((p) => p.value === 1000)).toBe(true);
  });
  it('short series are untouched', () => {
    expect(downsampleLttb(long.slice(0, 10), 100)).toHaveLength(10);
  });
});

describe('chart model, table and summary', () => {
  const base = {
    indicator,
    observations,
    territoryIndex: index,
    territories: ['MA-06', 'MA-07'],
    from: null,
    to: null,
    lang: 'fr' as const,
    link: 'https://x/?view=explorer',
  };
  it('line model: periods, series, labels, worst status, no denominator for absolute', () => {
    const m = buildChartModel({ ...base, kind: 'line', measure: 'absolute' });
    expect(m.periods).toEqual(['2014', '2019', '2024']);
    expect(m.series.map((s) => s.label)).toEqual(['MA-06 fr', 'MA-07 fr']);
    expect(m.status).toBe('estimate');
    expect(m.denominatorNote).toBeNull();
    expect(m.subtitle).toBe('MA-06 fr et MA-07 fr · 2014–2024 · valeurs absolues');
    expect(m.dir).toBe('ltr');
  });
  it('per 1,000 states its census years, in Arabic too', () => {
    expect(buildChartModel({ ...base, kind: 'line', measure: 'per1000' }).denominatorNote).toBe(
      'Dénominateur : population RGPH 2014 et 2024',
    );
    const ar = buildChartModel({ ...base, kind: 'line', measure: 'per1000', lang: 'ar', to: '2014' });
    expect(ar.denominatorNote).toBe('المقام: سكان الإحصاء العام 2014');
    expect(ar.dir).toBe('rtl');
  });
  it('bar model takes the latest period with data unless one is chosen', () => {
    expect(buildChartModel({ ...base, kind: 'bar', measure: 'absolute' }).periods).toEqual(['2024']);
    expect(buildChartModel({ ...base, kind: 'bar', measure: 'absolute', period: '2014' }).periods).toEqual(['2014']);
  });
  it('table rows: same values as the chart, changes first → last', () => {
    const m = buildChartModel({ ...base, kind: 'line', measure: 'absolute' });
    const rows = buildWideRows(m);
    expect(rows.map((r) => r.values)).toEqual(m.series.map((s) => s.points.map((p) => p.value)));
    expect(rows[0]?.delta).toEqual({ absolute: 100, percent: 100 });
    expect(rows[1]?.delta.absolute).toBe(30);
    expect(sortWideRows(rows, 'last', 'ascending', m.periods).map((r) => r.code)).toEqual(['MA-07', 'MA-06']);
    expect(sortWideRows(rows, 'label', 'descending', m.periods).map((r) => r.code)).toEqual(['MA-07', 'MA-06']);
    expect(sortWideRows(rows, 'period:2019', 'descending', m.periods).map((r) => r.code)).toEqual(['MA-06', 'MA-07']);
    const long = buildLongRows(m);
    expect(long).toHaveLength(6);
    expect(long.find((r) => r.territoryCode === 'MA-07' && r.period === '2019')).toMatchObject({
      value: null,
      reason: 'not-published',
    });
  });
  it('summary names the highest territory and the gaps', () => {
    const m = buildChartModel({ ...base, kind: 'line', measure: 'absolute' });
    expect(summarizeChart(m, 'count')).toBe(
      'MA-06 fr : de 100 en 2014 à 200 en 2024, le plus élevé des 2 territoires. 2 valeurs manquantes, affichées comme des interruptions.',
    );
    const none = buildChartModel({ ...base, kind: 'line', measure: 'absolute', territories: ['MA'] });
    expect(summarizeChart(none, 'count')).toBe('Aucune donnée pour cette sélection.');
  });
  it('worst status and denominator helpers', () => {
    expect(worstStatus(['official', 'illustrative', 'estimate'], 'official')).toBe('illustrative');
    expect(worstStatus([], 'estimate')).toBe('estimate');
    expect(denominatorNote('perHousehold', ['2024'], 'en')).toBe('Denominator: households, RGPH census 2024');
    expect(denominatorNote('absolute', ['2024'], 'fr')).toBeNull();
  });
});

describe('map classes', () => {
  it.each([
    [[1, 2, 3, 4, 5], 5, [1, 2, 3, 4, 5], [0, 1, 2, 3, 4]],
    [[10, null, 10], 5, [10, null], [0, null]],
  ])('%j', (values, count, probe, expected) => {
    const c = quantileClasses(values, count);
    expect(probe.map((v) => classOf(v, c))).toEqual(expected);
  });
  it('no values → no classes', () => expect(quantileClasses([null, null], 5)).toBeNull());
});

describe('defaults', () => {
  it('first headline indicator', () => {
    const a = { ...indicator, id: 'a', headline: 2 };
    const b = { ...indicator, id: 'b', headline: 1 };
    const c = { ...indicator, id: 'c' };
    expect(defaultIndicator([c, a, b])?.id).toBe('b');
    expect(defaultIndicator([c])?.id).toBe('c');
  });
  it('country when it has data, else the regions', () => {
    expect(defaultTerritories(indicator, [MA, CS, MS])).toEqual(['MA']);
    expect(defaultTerritories(indicator, [MA, CS, MS], observations)).toEqual(['MA-06', 'MA-07']);
  });
});

describe('territory search', () => {
  const fes: Territory = {
    ...CS,
    code: 'MA-03',
    name: { fr: 'Fès-Meknès', ar: 'فاس-مكناس', en: 'Fez-Meknes' },
  };
  it.each([
    ['meknes', true],
    ['MEKNÈS', true],
    ['fès mek', true],
    ['مكناس', true],
    ['مَكْنَاس', true],
    ['fez', true],
    ['MA-03', true],
    ['rabat', false],
  ])('%s → %s', (q, expected) => expect(matchesTerritory(fes, q)).toBe(expected));
  it('normalises alef and taa marbuta variants', () => {
    expect(normalizeForSearch('إقليم')).toBe(normalizeForSearch('اقليم'));
    // Hamza carriers fold to their base letter and taa marbuta to haa: spelling variants still match.
    expect(normalizeForSearch('العرائش ة')).toBe(normalizeForSearch('العرايش ه'));
  });
  it('toggle respects the cap; picks are cut to it', () => {
    expect(toggleCode(['a', 'b'], 'c', 2)).toEqual({ selected: ['a', 'b'], capped: true });
    expect(toggleCode(['a', 'b'], 'a', 2)).toEqual({ selected: ['b'], capped: false });
    expect(pickCodes(['a', 'b', 'c'], 2)).toEqual({ selected: ['a', 'b'], capped: true });
  });
});

describe('chart helpers', () => {
  it.each([
    [[1, 2, 3], 'M2.0,28.0L60.0,15.0L118.0,2.0'],
    [[1, null, 3], 'M2.0,28.0M118.0,2.0'],
    [[null, null], ''],
  ])('sparkline %j', (values, d) => {
    expect(sparklinePath(values, 120, 30)).toBe(d);
  });
  it('line rows: downsampled per series, gaps kept, one row per kept period', () => {
    const periods = Array.from(
      { length: 400 },
      (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const points = periods.map((period, i) => ({
      period,
      value: i === 200 ? null : Math.sin(i / 9),
      status: 'official' as const,
    }));
    const rows = lineChartRows({ periods, series: [{ key: 'MA', label: 'Maroc', color: '#000', points }] }, 60);
    expect(rows.length).toBeLessThan(200);
    expect(rows.some((r) => r.period === periods[200] && r.MA === null)).toBe(true);
    expect(rows[0]?.period).toBe(periods[0]);
    expect(rows.at(-1)?.period).toBe(periods.at(-1));
  });
  it('ranked bar rows: highest first, missing values left out', () => {
    const model = {
      series: [
        { key: 'a', label: 'A', color: '#1', points: [{ period: '2024', value: 1, status: 'official' as const }] },
        { key: 'b', label: 'B', color: '#2', points: [{ period: '2024', value: null, status: 'official' as const }] },
        { key: 'c', label: 'C', color: '#3', points: [{ period: '2024', value: 5, status: 'official' as const }] },
      ],
    };
    expect(rankedBarRows(model).map((r) => [r.key, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
    ]);
  });
});

describe('src/transforms stays pure', () => {
  it('imports nothing from React, the network layer or the DOM', () => {
    const dir = path.resolve(__dirname, '../../src/transforms');
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from ['"](react|react-dom|recharts|@tanstack\/react-query)['"]/);
      expect(text, file).not.toMatch(/from ['"][^'"]*api\/(client|queries)/);
      expect(text, file).not.toMatch(/\b(document|window)\./);
    }
  });
});
