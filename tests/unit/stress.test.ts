/**
 * The stress dataset generator (issue 7): deterministic, synthetic-labelled, contract-valid, and
 * filtered like the real API. No timings here: speed is measured by `npm run bench` (B6).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Indicator,
  Observation,
  ObservationsResponse,
  Territory,
  TerritoriesResponse,
} from '../../src/contract/contract.ts';
import { createDb, queryObservations } from '../../src/mocks/db.ts';
import { answer } from '../../src/mocks/handlers.ts';
import { clearStoredDatasetOption, pageDatasetOption } from '../../src/mocks/dataset-option.ts';
import {
  createStressDataset,
  createStressDb,
  generateStressFiles,
  DATASET_STORAGE_KEY,
  isStressIndicatorId,
  readDatasetOption,
  stressIndicatorId,
  STRESS_GAP_NOTE,
  STRESS_PERIODS,
} from '../../src/mocks/stress.ts';

/** A 1 + 12 + 75 territory tree with made-up but valid codes, so the test does not depend on data/. */
function fixtureTerritories(): Territory[] {
  const base = (code: string, level: Territory['level'], parent: string | null, pop: number): Territory => ({
    code,
    level,
    parent,
    name: { fr: code, ar: code, en: code },
    kind: level === 'province' ? 'province' : level,
    population: { '2014': Math.round(pop * 0.9), '2024': pop },
    households: { '2024': Math.round(pop / 4) },
  });
  const out: Territory[] = [base('MA', 'country', null, 0)];
  for (let r = 1; r <= 12; r++) out.push(base(`MA-${String(r).padStart(2, '0')}`, 'region', 'MA', 0));
  for (let p = 0; p < 75; p++) {
    const region = `MA-${String((p % 12) + 1).padStart(2, '0')}`;
    out.push(base(`MA-P${String(p).padStart(2, '0')}`, 'province', region, 50_000 + p * 17_000));
  }
  return out;
}

const territories = fixtureTerritories();
const provinces = territories.filter((t) => t.level === 'province').map((t) => t.code);

describe('readDatasetOption', () => {
  it.each([
    ['?dataset=stress', 'stress'],
    ['?view=explorer&dataset=stress', 'stress'],
    ['?dataset=Stress', 'default'], // only the exact word switches
    ['?dataset=', 'default'],
    ['?dataset=stress2', 'default'],
    ['?view=overview', 'default'],
    ['', 'default'],
  ] as const)('%s → %s', (search, expected) => {
    expect(readDatasetOption(search)).toBe(expected);
  });
  it('takes any of the page searches (the address bar may already have dropped it)', () => {
    expect(pageDatasetOption(['?view=explorer', '?view=explorer&dataset=stress'])).toBe('stress');
    expect(pageDatasetOption(['?view=explorer', '?dataset=nope'])).toBe('default');
    expect(pageDatasetOption([])).toBe('default');
  });
});

describe('the stored dataset option (older builds) is never read, and removed', () => {
  function memoryStorage(initial: Record<string, string>) {
    const map = new Map(Object.entries(initial));
    return {
      map,
      getItem: (k: string) => map.get(k) ?? null,
      removeItem: (k: string) => void map.delete(k),
    };
  }
  it('removes mouchir.dataset and nothing else', () => {
    const storage = memoryStorage({ [DATASET_STORAGE_KEY]: 'stress', 'mouchir.preferences': '{}' });
    expect(clearStoredDatasetOption(storage)).toBe(true);
    expect([...storage.map.keys()]).toEqual(['mouchir.preferences']);
    expect(clearStoredDatasetOption(storage)).toBe(false);
  });
  it('never throws on a storage that does', () => {
    const throwing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(clearStoredDatasetOption(throwing)).toBe(false);
    expect(clearStoredDatasetOption(null)).toBe(false);
  });
  it('a stored value alone no longer switches', () => {
    // readDatasetOption takes the query string only: there is no storage to read any more.
    expect(readDatasetOption.length).toBe(1);
    expect(readDatasetOption('')).toBe('default');
  });
});

describe('isStressIndicatorId', () => {
  it('recognises every generated id and no real one', () => {
    for (let i = 0; i < 40; i++) expect(isStressIndicatorId(stressIndicatorId(i))).toBe(true);
    for (const id of ['population', 'unemployment-rate', 'synthetic', 'synthetic-', 'synthetic-x1', 'my-synthetic-01'])
      expect(isStressIndicatorId(id)).toBe(false);
  });
});

describe('stress catalogue', () => {
  const ds = createStressDataset(territories);

  it('has 40 synthetic, illustrative indicators that satisfy the contract', () => {
    expect(ds.indicators).toHaveLength(40);
    expect(ds.indicators.map((i) => i.id)).toEqual(Array.from({ length: 40 }, (_, i) => stressIndicatorId(i)));
    for (const ind of ds.indicators) {
      expect(Indicator.safeParse(ind).success).toBe(true);
      expect(ind.category).toBe('synthetic');
      expect(ind.status).toBe('illustrative');
      expect(ind.name.fr).toMatch(/^Synthétique \d{2} — /);
      expect(ind.name.en).toMatch(/^Synthetic \d{2} — /);
      expect(ind.method.en).toContain('No value is real');
      expect(ind.frequency).toBe('monthly');
    }
  });

  it('covers 88 territories × 132 months × 40 indicators', () => {
    expect(STRESS_PERIODS).toHaveLength(132);
    expect(STRESS_PERIODS[0]).toBe('2015-01');
    expect(STRESS_PERIODS[131]).toBe('2025-12');
    expect(ds.territories).toHaveLength(88);
    expect(ds.size).toBe(464_640);
  });

  it('leaves out Casablanca prefectures d’arrondissements', () => {
    const extra: Territory = { ...territories[20]!, code: 'MA-CAS-01', kind: 'prefecture-arrondissements' };
    expect(createStressDataset([...territories, extra]).territories).toHaveLength(88);
  });
});

describe('stress values', () => {
  it('are deterministic for a seed and differ across seeds', () => {
    const a = createStressDataset(territories, { indicatorCount: 3 });
    const b = createStressDataset(territories, { indicatorCount: 3 });
    const c = createStressDataset(territories, { indicatorCount: 3, seed: 1 });
    const id = stressIndicatorId(2);
    expect(Array.from(a.values(id)!)).toEqual(Array.from(b.values(id)!));
    expect(Array.from(a.values(id)!)).not.toEqual(Array.from(c.values(id)!));
  });

  it('do not depend on the order indicators are first asked for (lazy generation)', () => {
    const a = createStressDataset(territories);
    const b = createStressDataset(territories);
    a.values(stressIndicatorId(0));
    const fromA = a.values(stressIndicatorId(7))!;
    const fromB = b.values(stressIndicatorId(7))!;
    expect(Array.from(fromA)).toEqual(Array.from(fromB));
    expect(a.values(stressIndicatorId(7))).toBe(fromA); // memoised
    expect(a.values('no-such-indicator')).toBeUndefined();
  });

  it('roll provinces up into regions and the country for counts', () => {
    const ds = createStressDataset(territories, { indicatorCount: 2 });
    const id = stressIndicatorId(1); // "Demandes en ligne": a count
    const rows = ds.query({ indicator: id, from: '2020-06', to: '2020-06' });
    const byCode = new Map(rows.map((r) => [r.territory, r.value]));
    const regionCode = 'MA-03';
    const children = territories.filter((t) => t.parent === regionCode).map((t) => byCode.get(t.code));
    const region = byCode.get(regionCode);
    expect(region).toBeGreaterThan(0);
    if (children.every((v) => typeof v === 'number')) {
      const sum = (children as number[]).reduce((s, v) => s + v, 0);
      // Provinces are rounded one by one, the region from the unrounded sum.
      expect(Math.abs(sum - (region as number))).toBeLessThanOrEqual(children.length * 0.5 + 1e-9);
    }
    const regionsSum = territories
      .filter((t) => t.level === 'region')
      .reduce((s, t) => s + (byCode.get(t.code) ?? 0), 0);
    expect(Math.abs(regionsSum - (byCode.get('MA') as number))).toBeLessThanOrEqual(12 * 0.5 + 1e-9);
  });

  it('keep percentages within 0–100, never NaN, and gaps as null with a note', () => {
    const ds = createStressDataset(territories);
    let gaps = 0;
    // Collect problems and assert once: 465k expect() calls would take seconds.
    const problems: string[] = [];
    for (const ind of ds.indicators) {
      for (const o of ds.query({ indicator: ind.id })) {
        if (o.value === null) {
          gaps++;
          if (o.note?.en !== STRESS_GAP_NOTE.en)
            problems.push(`${ind.id} ${o.territory} ${o.period}: gap without note`);
        } else if (!Number.isFinite(o.value) || o.value < 0) {
          problems.push(`${ind.id} ${o.territory} ${o.period}: ${o.value}`);
        } else if (ind.unit.code === 'percent' && o.value > 100) {
          problems.push(`${ind.id} ${o.territory} ${o.period}: ${o.value} % > 100`);
        }
      }
    }
    expect(problems).toEqual([]);
    // ~0.3 % of the 396,000 province points: present, but rare.
    expect(gaps).toBeGreaterThan(200);
    expect(gaps).toBeLessThan(3_000);
  });
});

describe('stress query', () => {
  const ds = createStressDataset(territories, { indicatorCount: 1 });
  const id = stressIndicatorId(0);
  it.each([
    [{}, 88 * 132],
    [{ territories: provinces }, 75 * 132],
    [{ territories: ['MA-01', 'MA'] }, 2 * 132],
    [{ territories: ['MA-01', 'MA-99'] }, 132], // unknown codes give no rows (the handler rejects them first)
    [{ from: '2024' }, 88 * 24],
    [{ from: '2024', to: '2024' }, 88 * 12],
    [{ from: '2024-Q2', to: '2024-Q3' }, 88 * 6],
    [{ from: '2020-02', to: '2020-04' }, 88 * 3],
    [{ from: '2010', to: '2015-01' }, 88], // clamped to the dataset's range
    [{ from: '2026' }, 0],
    [{ to: '2014' }, 0],
  ])('%o → %i rows', (q, n) => {
    expect(ds.query({ indicator: id, ...q })).toHaveLength(n);
  });

  it('returns rows in the asked territory order, periods ascending, valid against the contract', () => {
    const rows = ds.query({ indicator: id, territories: ['MA-05', 'MA'], from: '2025-11' });
    expect(rows.map((r) => `${r.territory} ${r.period}`)).toEqual([
      'MA-05 2025-11',
      'MA-05 2025-12',
      'MA 2025-11',
      'MA 2025-12',
    ]);
    for (const r of rows) expect(Observation.safeParse(r).success).toBe(true);
  });

  it('answers an unknown indicator with no rows', () => {
    expect(ds.query({ indicator: 'synthetic-99' })).toEqual([]);
  });
});

describe('generateStressFiles', () => {
  it('holds every observation once, in the shape createDb takes', () => {
    const files = generateStressFiles(territories);
    expect(files.observations).toHaveLength(464_640);
    expect(files.indicators).toHaveLength(40);
    expect(files.projects).toEqual([]);
    expect(TerritoriesResponse.safeParse({ data: files.territories }).success).toBe(true);
    const keys = new Set(files.observations.map((o) => `${o.indicator}|${o.territory}|${o.period}`));
    expect(keys.size).toBe(464_640);
  });

  it('uses the real territory codes of data/territories.json: 1 + 12 + 75, 464,640 observations', () => {
    const real = TerritoriesResponse.parse(JSON.parse(readFileSync('data/territories.json', 'utf8'))).data;
    const ds = createStressDataset(real);
    const codes = new Set(real.map((t) => t.code));
    for (const t of ds.territories) expect(codes.has(t.code)).toBe(true);
    expect(ds.territories.map((t) => t.level).filter((l) => l === 'region')).toHaveLength(12);
    expect(ds.territories.map((t) => t.level).filter((l) => l === 'province')).toHaveLength(75);
    expect(ds.size).toBe(464_640);
    expect(ds.query({ indicator: stressIndicatorId(0), territories: ['MA-06'], from: '2025-12' })).toHaveLength(1);
  });
});

describe('createStressDb (lazy) answers like createDb over the eager files', () => {
  const lazy = createStressDb(territories, { indicatorCount: 3 });
  const eager = createDb(generateStressFiles(territories, { indicatorCount: 3 }));
  it.each([
    [{ indicator: stressIndicatorId(0) }],
    [{ indicator: stressIndicatorId(1), territories: provinces }],
    [{ indicator: stressIndicatorId(2), territories: ['MA-07', 'MA'], from: '2019-Q4', to: '2021' }],
    [{ indicator: stressIndicatorId(2), from: '2025-12' }],
    [{ indicator: 'synthetic-40' }], // beyond indicatorCount: unknown, no rows
  ])('%o', (q) => {
    expect(queryObservations(lazy, q)).toEqual(queryObservations(eager, q));
  });

  it('knows the synthetic catalogue and the real territories, and no real indicator', () => {
    expect(lazy.indicatorById.has(stressIndicatorId(0))).toBe(true);
    expect(lazy.observations.has(stressIndicatorId(2))).toBe(true);
    expect(lazy.territoryByCode.size).toBe(territories.length);
    expect([...lazy.indicatorById.values()].every((i) => i.category === 'synthetic')).toBe(true);
    expect(lazy.projects).toEqual([]);
  });

  it('is served through the shared handlers when plugged in with createHandlers({ db })', () => {
    const res = answer(
      lazy,
      'observations',
      new URLSearchParams({ indicator: stressIndicatorId(1), territory: 'MA-01,MA-02', from: '2025-01' }),
    );
    expect(res.status).toBe(200);
    const body = ObservationsResponse.parse('json' in res ? res.json : null);
    expect(body.data).toHaveLength(24);
    expect(answer(lazy, 'observations', new URLSearchParams({ indicator: 'synthetic-99' })).status).toBe(400);
  });
});
