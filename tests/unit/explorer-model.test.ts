/**
 * `buildExplorerModel`: every part the explorer's tabs draw, from small synthetic tables — the line, the
 * ranking, the map, the table rows, the full series for the exports and the notes — and the reuse of the
 * parts a change does not touch (what keeps a click on the ranking's period from rebuilding the lines).
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Territory } from '../../src/contract/contract.ts';
import {
  buildExplorerModel,
  type ExplorerData,
  type ExplorerModel,
  type ExplorerSelection,
} from '../../src/transforms/explorer-model.ts';

const source = {
  publisher: 'HCP',
  title: 'RGPH',
  url: 'https://www.hcp.ma/',
  published: null,
  retrieved: '2025-01-01',
};
function territory(code: string, level: Territory['level'], pop: Record<string, number>): Territory {
  return {
    code,
    level,
    parent: level === 'country' ? null : 'MA',
    name: { fr: `${code} fr`, ar: `${code} ar`, en: `${code} en` },
    kind: level === 'country' ? 'country' : 'region',
    population: pop,
    households: {},
  };
}
const MA = territory('MA', 'country', { '2014': 30_000, '2024': 40_000 });
const R1 = territory('MA-01', 'region', { '2014': 1_000, '2024': 2_000 });
// No census: a per-1,000 value of this region is missing with the reason 'no-population'.
const R2 = territory('MA-02', 'region', {});
const territories = [MA, R1, R2];
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
const announcement = { ...source, title: 'Communiqué', published: '2024-06-01' };
const obs = (
  territory: string,
  period: string,
  value: number | null,
  extra: Partial<Observation> = {},
): Observation => ({
  indicator: 'jobs',
  territory,
  period,
  value,
  status: 'official',
  note: value === null ? { fr: 'non publié', ar: 'غير منشور', en: 'not published' } : null,
  ...extra,
});
const observations: Observation[] = [
  obs('MA', '2014', 3_000),
  obs('MA', '2019', 3_500),
  obs('MA', '2024', 4_000, { source: announcement }),
  obs('MA-01', '2014', 100),
  obs('MA-01', '2019', null),
  obs('MA-01', '2024', 300),
  obs('MA-02', '2014', 50),
  obs('MA-02', '2024', 70),
];
const data: ExplorerData = {
  indicator,
  territories,
  territoryIndex: new Map(territories.map((t) => [t.code, t])),
  observations,
};
const selection = (over: Partial<ExplorerSelection> = {}): ExplorerSelection => ({
  territories: ['MA-01', 'MA-02'],
  measure: 'absolute',
  from: null,
  to: null,
  period: null,
  lang: 'fr',
  ...over,
});

/** A model with its lazily built rows evaluated, to compare two models by value. */
function plain(m: ExplorerModel) {
  return {
    ...m,
    line: { ...m.line, rows: m.line.rows() },
    full: { ...m.full, rows: m.full.rows() },
    bar: { ...m.bar, rows: m.bar.rows() },
  };
}

describe('buildExplorerModel', () => {
  it('builds the line, the ranking, the table rows and the controls’ periods from one selection', () => {
    const m = buildExplorerModel(data, selection());
    expect(m.line.model.kind).toBe('line');
    expect(m.line.model.periods).toEqual(['2014', '2019', '2024']);
    expect(m.line.model.series.map((s) => [s.key, s.points.map((p) => p.value)])).toEqual([
      ['MA-01', [100, null, 300]],
      ['MA-02', [50, null, 70]],
    ]);
    // Links are attached by the view: a link-only change must not rebuild anything.
    expect(m.line.model.link).toBe('');
    expect(m.line.hasData).toBe(true);
    expect(m.line.rows().map((r) => [r.territoryCode, r.period, r.value])).toContainEqual(['MA-01', '2024', 300]);
    expect(m.line.rows()).toHaveLength(6);
    expect(m.line.summary).toContain('MA-01 fr');
    // The ranking shows the latest period with data.
    expect(m.bar.model.kind).toBe('bar');
    expect(m.bar.model.periods).toEqual(['2024']);
    expect(m.bar.hasData).toBe(true);
    expect(m.periods).toEqual({
      all: ['2014', '2019', '2024'],
      range: ['2014', '2019', '2024'],
      // 2019 has no value for MA-01 and MA-02 (not published, not there): the range does not offer it.
      selection: ['2014', '2024'],
      shown: ['2014', '2024'],
      from: null,
      to: null,
      rangeIgnored: false,
    });
    expect(m.lead).toEqual({ chart: 'line', reason: 'several-periods' });
    expect(m.denominatorNote).toBeNull();
  });

  it('lists missing values with their reason: not published, and no census for a per-1,000 value', () => {
    const absolute = buildExplorerModel(data, selection());
    expect(absolute.line.missing).toEqual([
      { name: 'MA-01 fr', period: '2019', reason: 'not-published', note: 'non publié' },
      { name: 'MA-02 fr', period: '2019', reason: 'not-published', note: null },
    ]);
    const per1000 = buildExplorerModel(data, selection({ measure: 'per1000' }));
    expect(per1000.line.model.series[0]?.points.map((p) => p.value)).toEqual([100, null, 150]);
    expect(per1000.line.missing.filter((i) => i.name === 'MA-02 fr').map((i) => [i.period, i.reason])).toEqual([
      ['2014', 'no-population'],
      ['2019', 'not-published'],
      ['2024', 'no-population'],
    ]);
  });

  it('states the denominator when the measure divides, with the census years used', () => {
    const m = buildExplorerModel(data, selection({ measure: 'per1000' }));
    expect(m.denominatorNote).toBe('Dénominateur : population RGPH 2014 et 2024');
    expect(m.line.model.denominatorNote).toBe(m.denominatorNote);
    expect(buildExplorerModel(data, selection({ measure: 'per1000', from: '2024' })).denominatorNote).toBe(
      'Dénominateur : population RGPH 2024',
    );
    expect(buildExplorerModel(data, selection({ measure: 'per1000', lang: 'en' })).denominatorNote).toBe(
      'Denominator: population, RGPH census 2014 and 2024',
    );
  });

  it('a single period: the line, the ranking and the range agree on it; full series keep every period', () => {
    const m = buildExplorerModel(data, selection({ from: '2014', to: '2014' }));
    expect(m.line.model.periods).toEqual(['2014']);
    expect(m.bar.model.periods).toEqual(['2014']);
    expect(m.periods.range).toEqual(['2014']);
    expect(m.periods.all).toEqual(['2014', '2019', '2024']);
    expect(m.full.model.periods).toEqual(['2014', '2019', '2024']);
    expect(m.full.rows()).toHaveLength(6);
    expect(m.map.periods).toEqual(['2014']);
    expect(m.map.period).toBe('2014');
  });

  it('without a range the full series are the line itself, not a second build', () => {
    const m = buildExplorerModel(data, selection());
    expect(m.full.model).toBe(m.line.model);
    expect(m.full.rows).toBe(m.line.rows);
    // Rows are built on first use and kept with the part: the table tab and the chart's exports share them.
    expect(m.line.rows()).toBe(m.line.rows());
  });

  it('an empty selection: no series, no data, empty states; the map still shows the regions', () => {
    const m = buildExplorerModel(data, selection({ territories: [] }));
    expect(m.line.model.series).toEqual([]);
    expect(m.line.hasData).toBe(false);
    expect(m.bar.hasData).toBe(false);
    expect(m.line.missing).toEqual([]);
    expect(m.line.rows()).toEqual([]);
    expect(m.line.summary).toBe('Aucune donnée pour cette sélection.');
    expect(m.map.hasRegions).toBe(true);
    expect([...m.map.values.keys()].sort()).toEqual(['MA-01', 'MA-02']);
  });

  it('the ranking takes the chosen period when it is in the range, else the latest with data', () => {
    expect(buildExplorerModel(data, selection({ period: '2014' })).bar.model.periods).toEqual(['2014']);
    expect(buildExplorerModel(data, selection({ period: '2024', to: '2019' })).bar.model.periods).toEqual(['2014']);
  });

  it('the map: regions only, values of its period with the measure applied and missing reasons', () => {
    const m = buildExplorerModel(data, selection({ territories: ['MA'], measure: 'per1000' }));
    expect(m.map.regions.map((r) => r.code)).toEqual(['MA-01', 'MA-02']);
    expect(m.map.period).toBe('2024');
    expect(m.map.values.get('MA-01')).toEqual({ value: 150 });
    expect(m.map.values.get('MA-02')).toEqual({ value: null, reason: 'no-population' });
    expect(m.map.model.series.map((s) => s.key)).toEqual(['MA-01', 'MA-02']);
    expect(m.map.summary).toContain('MA-01 fr');
    const at2019 = buildExplorerModel(data, selection({ period: '2019' }));
    expect(at2019.map.values.get('MA-01')).toEqual({ value: null, reason: 'not-published' });
  });

  it('the map at province level (issue 13): provinces when asked and available, one region opened, else regions', () => {
    const province = (code: string, parent: string): Territory => ({
      ...territory(code, 'province', { '2024': 500 }),
      parent,
      kind: 'province',
    });
    const P1 = province('MA-AAA', 'MA-01');
    const P2 = province('MA-BBB', 'MA-01');
    const P3 = province('MA-CCC', 'MA-02');
    const all = [...territories, P1, P2, P3];
    const withProvinces: ExplorerData = {
      ...data,
      territories: all,
      territoryIndex: new Map(all.map((t) => [t.code, t])),
      observations: [
        ...observations,
        obs('MA-AAA', '2024', 10),
        obs('MA-BBB', '2024', null),
        obs('MA-CCC', '2024', 30),
      ],
    };
    const regions = buildExplorerModel(withProvinces, selection());
    expect(regions.map.level).toBe('region');
    expect(regions.map.hasProvinces).toBe(true);
    expect(regions.map.territories).toEqual(['MA-01', 'MA-02']);

    const provinces = buildExplorerModel(withProvinces, selection({ mapLevel: 'province' }), regions);
    expect(provinces.map).not.toBe(regions.map);
    expect(provinces.map.level).toBe('province');
    expect(provinces.map.openRegion).toBeNull();
    expect(provinces.map.territories).toEqual(['MA-AAA', 'MA-BBB', 'MA-CCC']);
    expect(provinces.map.periods).toEqual(['2024']);
    expect(provinces.map.values.get('MA-BBB')).toEqual({ value: null, reason: 'not-published' });
    // The line and the ranking do not depend on the map: kept as they were.
    expect(provinces.line).toBe(regions.line);

    // Opening a region shows its provinces whatever the level asked.
    const opened = buildExplorerModel(withProvinces, selection({ mapRegion: 'MA-01' }));
    expect(opened.map.level).toBe('province');
    expect(opened.map.openRegion).toBe('MA-01');
    expect(opened.map.territories).toEqual(['MA-AAA', 'MA-BBB']);
    // An unknown region opens nothing.
    expect(buildExplorerModel(withProvinces, selection({ mapRegion: 'MA-99' })).map.openRegion).toBeNull();

    // Without province data, provinces fall back to the regions (the level switch disables them).
    const noProvinces = buildExplorerModel(data, selection({ mapLevel: 'province', mapRegion: 'MA-01' }));
    expect(noProvinces.map.level).toBe('region');
    expect(noProvinces.map.openRegion).toBeNull();
    expect(noProvinces.map.hasProvinces).toBe(false);
  });

  it('a national-only indicator has no map', () => {
    const national = { ...data, observations: observations.filter((o) => o.territory === 'MA') };
    const m = buildExplorerModel(national, selection({ territories: ['MA'] }));
    expect(m.map.hasRegions).toBe(false);
    expect(m.map.summary).toBeUndefined();
    expect(m.line.hasData).toBe(true);
  });

  it('sources: each source of the shown points with the points it covers, the indicator first', () => {
    const own = (m: ReturnType<typeof buildExplorerModel>) =>
      m.line.sources.filter((g) => !g.indicatorSource).map((g) => ({ source: g.source, points: g.points.length }));
    expect(own(buildExplorerModel(data, selection()))).toEqual([]);
    const m = buildExplorerModel(data, selection({ territories: ['MA'] }));
    expect(m.line.sources[0]?.indicatorSource).toBe(true);
    expect(own(m)).toEqual([{ source: announcement, points: 1 }]);
    expect(m.line.sources.find((g) => !g.indicatorSource)?.points[0]).toMatchObject({
      series: 'MA fr',
      period: '2024',
    });
    expect(own(buildExplorerModel(data, selection({ territories: ['MA'], to: '2019' })))).toEqual([]);
  });

  describe('the chart that leads (issue 13): ranking for a single period with values, line from two', () => {
    it('two periods with values lead with the line', () => {
      const m = buildExplorerModel(data, selection());
      expect(m.lead).toEqual({ chart: 'line', reason: 'several-periods' });
    });

    it('one period in range leads with the ranking of that period', () => {
      const m = buildExplorerModel(data, selection({ from: '2014', to: '2014' }));
      expect(m.lead).toEqual({ chart: 'ranking', reason: 'single-period', period: '2014' });
      expect(m.bar.model.periods).toEqual(['2014']);
      expect(m.bar.model.series.map((s) => [s.key, s.points.map((p) => p.value)])).toEqual([
        ['MA-01', [100]],
        ['MA-02', [50]],
      ]);
      expect(m.bar.rows().map((r) => [r.territoryCode, r.period, r.value])).toEqual([
        ['MA-01', '2014', 100],
        ['MA-02', '2014', 50],
      ]);
    });

    it('a range that cuts to one period with values: the ranking of that period, whatever period the view asked', () => {
      // 2019–2024 holds 2019 (only nulls for these two regions) and 2024: one period with values.
      const m = buildExplorerModel(data, selection({ from: '2019', period: '2019' }));
      expect(m.line.model.periods).toEqual(['2019', '2024']);
      expect(m.periods.shown).toEqual(['2024']);
      expect(m.lead).toEqual({ chart: 'ranking', reason: 'single-period', period: '2024' });
      expect(m.bar.model.periods).toEqual(['2024']);
      // The same range with a territory that has 2019 too: two periods, the line is back.
      const withMA = buildExplorerModel(data, selection({ from: '2019', territories: ['MA', 'MA-01'] }));
      expect(withMA.lead).toEqual({ chart: 'line', reason: 'several-periods' });
      expect(withMA.periods.shown).toEqual(['2019', '2024']);
    });

    it('territories that each have one period: the ranking when it is the same one, the line when they differ', () => {
      // Provinces: one census point each (2024), like the nine of Casablanca-Settat before the 2014 census.
      const provinces: ExplorerData = {
        ...data,
        observations: observations.filter((o) => o.territory === 'MA' || o.period === '2024'),
      };
      const one = buildExplorerModel(provinces, selection());
      expect(one.periods.selection).toEqual(['2024']);
      expect(one.lead).toEqual({ chart: 'ranking', reason: 'single-period', period: '2024' });
      // A territory with several periods joins: two periods, line.
      expect(buildExplorerModel(provinces, selection({ territories: ['MA', 'MA-01'] })).lead.chart).toBe('line');
      // Each territory in a different single period: two periods on the axis, so the line leads.
      const apart: ExplorerData = {
        ...data,
        observations: observations.filter(
          (o) => (o.territory === 'MA-01' && o.period === '2014') || (o.territory === 'MA-02' && o.period === '2024'),
        ),
      };
      const m = buildExplorerModel(apart, selection());
      expect(m.periods.selection).toEqual(['2014', '2024']);
      expect(m.lead).toEqual({ chart: 'line', reason: 'several-periods' });
      expect(buildExplorerModel(apart, selection({ territories: ['MA-01'] })).lead).toEqual({
        chart: 'ranking',
        reason: 'single-period',
        period: '2014',
      });
    });

    it('counts values after the measure: a region without census has no per-1,000 value', () => {
      expect(buildExplorerModel(data, selection({ territories: ['MA-01'], measure: 'per1000' })).lead.chart).toBe(
        'line',
      );
      const none = buildExplorerModel(data, selection({ territories: ['MA-02'], measure: 'per1000' }));
      expect(none.lead).toEqual({ chart: 'line', reason: 'no-data' });
      expect(none.line.hasData).toBe(false);
      expect(none.periods.selection).toEqual([]);
    });

    it('no selection: no data, the line’s empty state', () => {
      const m = buildExplorerModel(data, selection({ territories: [] }));
      expect(m.lead).toEqual({ chart: 'line', reason: 'no-data' });
      expect(m.periods.rangeIgnored).toBe(false);
    });
  });

  describe('the range the view asks for, against the periods the selection has', () => {
    it('bounds the selection lacks are applied by overlap and kept', () => {
      // 2015 is no period of the selection: the range 2015–(open) keeps 2024 only.
      const m = buildExplorerModel(data, selection({ from: '2015' }));
      expect(m.periods.from).toBe('2015');
      expect(m.periods.rangeIgnored).toBe(false);
      expect(m.periods.shown).toEqual(['2024']);
      expect(m.lead).toEqual({ chart: 'ranking', reason: 'single-period', period: '2024' });
    });

    it('a range with no period of the selection is ignored (every period shown), never a blank chart', () => {
      const m = buildExplorerModel(data, selection({ from: '2019', to: '2019' }));
      expect(m.periods).toMatchObject({ from: null, to: null, rangeIgnored: true, shown: ['2014', '2024'] });
      expect(m.line.model.periods).toEqual(['2014', '2019', '2024']);
      expect(m.line.hasData).toBe(true);
      expect(m.lead.chart).toBe('line');
      // Ignored, the range is the full series: the same objects.
      expect(m.full.model).toBe(m.line.model);
      // Out of the data entirely, too.
      const future = buildExplorerModel(data, selection({ from: '2030' }));
      expect(future.periods.rangeIgnored).toBe(true);
      expect(future.line.hasData).toBe(true);
      // The same range applies as soon as the selection has a period in it.
      const withMA = buildExplorerModel(data, selection({ from: '2019', to: '2019', territories: ['MA'] }));
      expect(withMA.periods).toMatchObject({ from: '2019', to: '2019', rangeIgnored: false, shown: ['2019'] });
      expect(withMA.lead).toEqual({ chart: 'ranking', reason: 'single-period', period: '2019' });
    });
  });

  describe('with the previous model, a change rebuilds only the parts it touches', () => {
    const first = buildExplorerModel(data, selection());
    it.each<[string, Partial<ExplorerSelection>, { line: boolean; bar: boolean; map: boolean; full: boolean }]>([
      [
        'nothing changed (a new array with the same codes)',
        { territories: ['MA-01', 'MA-02'] },
        { line: true, bar: true, map: true, full: true },
      ],
      ['the ranking’s period', { period: '2014' }, { line: true, bar: false, map: false, full: true }],
      ['the selection', { territories: ['MA-01'] }, { line: false, bar: false, map: true, full: false }],
      ['the measure', { measure: 'per1000' }, { line: false, bar: false, map: false, full: false }],
      ['the language', { lang: 'ar' }, { line: false, bar: false, map: false, full: false }],
      ['the range', { from: '2019' }, { line: false, bar: false, map: false, full: true }],
      [
        // Ignored, it applies no range, as before: the line and ranking stay; the map follows the view's range.
        'a range with no period of the selection',
        { from: '2019', to: '2019' },
        { line: true, bar: true, map: false, full: true },
      ],
    ])('%s', (_name, change, kept) => {
      const next = buildExplorerModel(data, selection(change), first);
      expect({
        line: next.line === first.line,
        bar: next.bar === first.bar,
        map: next.map === first.map,
        full: next.full.model === first.full.model,
      }).toEqual(kept);
      // Reused or rebuilt, the result is what a fresh build gives.
      expect(plain(next)).toEqual(plain(buildExplorerModel(data, selection(change))));
    });

    it('new query data rebuild everything', () => {
      const next = buildExplorerModel({ ...data, observations: [...observations] }, selection(), first);
      expect(next.line).not.toBe(first.line);
      expect(next.map).not.toBe(first.map);
      expect(plain(next)).toEqual(plain(first));
    });
  });
});
