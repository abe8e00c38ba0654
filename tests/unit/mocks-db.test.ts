import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Project, Territory } from '../../src/contract/contract.ts';
import {
  createDb,
  defaultDb,
  isWithin,
  loadDataFiles,
  periodsOf,
  queryObservations,
  queryProjects,
  VALIDATE_DATA_FILES,
} from '../../src/mocks/db.ts';

const name = (s: string) => ({ fr: s, ar: s, en: s });
const territory = (code: string, level: Territory['level'], parent: string | null): Territory => ({
  code,
  level,
  parent,
  name: name(code),
  kind: level,
  population: {},
  households: {},
});
const source = { publisher: 'P', title: 'T', url: 'https://example.org', published: null, retrieved: '2026-01-01' };
const indicator = (id: string): Indicator => ({
  id,
  name: name(id),
  description: name(id),
  unit: { code: 'count', label: name('u') },
  category: 'synthetic',
  levels: ['region'],
  frequency: 'irregular',
  source,
  status: 'illustrative',
  method: name('m'),
  lastUpdated: '2026-01-01',
  perCapita: false,
  measures: ['absolute'],
  polarity: 'neutral',
});
const obs = (ind: string, t: string, period: string, value: number | null = 1): Observation => ({
  indicator: ind,
  territory: t,
  period,
  value,
  status: 'illustrative',
});
const project = (id: string, t: string): Project => ({
  id,
  territory: t,
  title: name(id),
  summary: name(id),
  category: 'digital',
  status: 'planned',
  start: null,
  end: null,
  budget: null,
  progress: null,
  milestones: [],
  indicators: [],
  source,
  dataStatus: 'illustrative',
});

// Rows deliberately out of order and of mixed forms, to prove the index sorts them.
const db = createDb({
  territories: [
    territory('MA', 'country', null),
    territory('MA-06', 'region', 'MA'),
    territory('MA-01', 'region', 'MA'),
    territory('MA-CAS', 'province', 'MA-06'),
  ],
  indicators: [indicator('a'), indicator('b')],
  projects: [project('p1', 'MA-CAS'), project('p2', 'MA-01'), project('p3', 'MA')],
  observations: [
    obs('a', 'MA-01', '2024'),
    obs('a', 'MA-06', '2024-Q1'),
    obs('a', 'MA-06', '2023'),
    obs('a', 'MA-06', '2024-03'),
    obs('a', 'MA-06', '2024-01'),
    obs('a', 'MA-06', '2025'),
    obs('a', 'MA', '2024', null),
    obs('b', 'MA-06', '2020'),
  ],
});

const keys = (rows: Observation[]) => rows.map((r) => `${r.territory}@${r.period}`);

describe('queryObservations', () => {
  it.each([
    [
      { indicator: 'a', territories: ['MA-06'] },
      ['MA-06@2023', 'MA-06@2024-Q1', 'MA-06@2024-01', 'MA-06@2024-03', 'MA-06@2025'],
    ],
    [{ indicator: 'a', territories: ['MA-06'], from: '2024-02', to: '2024-Q1' }, ['MA-06@2024-Q1', 'MA-06@2024-03']],
    [
      { indicator: 'a', territories: ['MA-06'], from: '2024', to: '2024' },
      ['MA-06@2024-Q1', 'MA-06@2024-01', 'MA-06@2024-03'],
    ],
    [{ indicator: 'a', territories: ['MA-06'], from: '2024-06' }, ['MA-06@2025']],
    [{ indicator: 'a', territories: ['MA-06'], to: '2023-12' }, ['MA-06@2023']],
    // requested order is kept; duplicates collapse
    [
      { indicator: 'a', territories: ['MA-01', 'MA-06', 'MA-01'], from: '2024', to: '2024' },
      ['MA-01@2024', 'MA-06@2024-Q1', 'MA-06@2024-01', 'MA-06@2024-03'],
    ],
    // all territories: territories-file order (MA, MA-06, MA-01)
    [
      { indicator: 'a', from: '2024', to: '2024' },
      ['MA@2024', 'MA-06@2024-Q1', 'MA-06@2024-01', 'MA-06@2024-03', 'MA-01@2024'],
    ],
    [{ indicator: 'a', territories: ['MA-CAS'] }, []],
    [{ indicator: 'b' }, ['MA-06@2020']],
    [{ indicator: 'nope' }, []],
  ])('%j', (query, expected) => {
    expect(keys(queryObservations(db, query))).toEqual(expected);
  });

  it('keeps null values (a gap is data too)', () => {
    const [row] = queryObservations(db, { indicator: 'a', territories: ['MA'] });
    expect(row?.value).toBeNull();
  });
});

describe('queryProjects and isWithin', () => {
  it.each([
    [undefined, ['p1', 'p2', 'p3']],
    ['MA', ['p1', 'p2', 'p3']],
    ['MA-06', ['p1']],
    ['MA-CAS', ['p1']],
    ['MA-01', ['p2']],
  ])('territory %s → %j', (territory, expected) => {
    expect(queryProjects(db, { territory }).map((p) => p.id)).toEqual(expected);
  });

  it('walks up parents', () => {
    expect(isWithin(db, 'MA-CAS', 'MA')).toBe(true);
    expect(isWithin(db, 'MA-06', 'MA-CAS')).toBe(false);
  });
});

describe('periodsOf', () => {
  it('lists distinct periods in the one period order: by first month, the longer period first', () => {
    expect(periodsOf(db, 'a')).toEqual(['2023', '2024', '2024-Q1', '2024-01', '2024-03', '2025']);
  });
});

describe('defaultDb (the shipped data files)', () => {
  it('loads, validates and indexes data/ once', () => {
    const shipped = defaultDb();
    expect(shipped).toBe(defaultDb());
    expect(shipped.territoryByCode.get('MA')?.level).toBe('country');
    expect(shipped.indicators.length).toBeGreaterThan(0);
    for (const [id, byTerritory] of shipped.observations) {
      expect(shipped.indicatorById.has(id), `observations of unknown indicator ${id}`).toBe(true);
      for (const code of byTerritory.keys())
        expect(shipped.territoryByCode.has(code), `unknown territory ${code}`).toBe(true);
    }
  });
});

describe('loadDataFiles', () => {
  it('validates outside the production bundle, and gives the same rows either way', () => {
    expect(VALIDATE_DATA_FILES).toBe(true);
    const checked = loadDataFiles(true);
    const trusted = loadDataFiles(false);
    expect(trusted.observations).toHaveLength(checked.observations.length);
    expect(trusted.territories.map((t) => t.code)).toEqual(checked.territories.map((t) => t.code));
  });
});
