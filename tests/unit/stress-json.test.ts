/**
 * Issue 7 (B6): the stress db writes observations answers as JSON text straight from the generated
 * numbers. It must be byte for byte what the slow path (row objects + JSON.stringify) gives, through
 * the handlers too; and its caches must stay bounded (B5).
 */
import { readFileSync } from 'node:fs';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ObservationsResponse,
  TerritoriesResponse,
  type ObservationsQuery,
  type Territory,
} from '../../src/contract/contract.ts';
import { queryObservations } from '../../src/mocks/db.ts';
import { createHandlers } from '../../src/mocks/handlers.ts';
import {
  createStressDataset,
  createStressDb,
  stressIndicatorId,
  STRESS_GAP_NOTE,
  STRESS_INDICATOR_COUNT,
  STRESS_JSON_CACHE,
  STRESS_ROWS_CACHE,
  STRESS_VALUES_CACHE,
} from '../../src/mocks/stress.ts';

// The real file: its order (regions and provinces interleaved) differs from the dataset's, and it has
// codes with no stress rows (Casablanca's prefectures d'arrondissements).
const real: Territory[] = TerritoriesResponse.parse(JSON.parse(readFileSync('data/territories.json', 'utf8'))).data;
const provinces = real
  .filter((t) => t.level === 'province' && t.kind !== 'prefecture-arrondissements')
  .map((t) => t.code);
const noRows = real.find((t) => t.kind === 'prefecture-arrondissements')?.code ?? 'MA';
const db = createStressDb(real, { indicatorCount: 8 });
const id = (i: number) => stressIndicatorId(i);

const slow = (q: ObservationsQuery) => JSON.stringify({ data: queryObservations(db, q) });

describe('observationsJson equals JSON.stringify of the rows', () => {
  it.each<[string, ObservationsQuery]>([
    ['every territory, every month', { indicator: id(0) }],
    ['75 provinces', { indicator: id(1), territories: provinces }],
    [
      'asked order kept, duplicates once',
      { indicator: id(2), territories: ['MA-06', 'MA', provinces[3] ?? 'MA-01', 'MA-06'] },
    ],
    ['a code with no stress rows is skipped', { indicator: id(2), territories: [noRows, 'MA-01'] }],
    ['only codes with no rows', { indicator: id(2), territories: [noRows] }],
    ['from a year', { indicator: id(3), from: '2024' }],
    ['a year', { indicator: id(3), territories: provinces.slice(0, 5), from: '2020', to: '2020' }],
    ['quarters', { indicator: id(4), from: '2019-Q4', to: '2021-Q1' }],
    ['months', { indicator: id(5), territories: ['MA-01'], from: '2020-02', to: '2020-04' }],
    ['one month', { indicator: id(5), from: '2025-12', to: '2025-12' }],
    ['range clamped at both ends', { indicator: id(6), from: '2010', to: '2030' }],
    ['range after the data', { indicator: id(6), from: '2026' }],
    ['range before the data', { indicator: id(6), to: '2014-Q4' }],
    ['unknown indicator', { indicator: 'synthetic-99' }],
  ])('%s', (_name, q) => {
    const text = db.observationsJson(q);
    expect(text).toBe(slow(q));
    // Asked twice (cached text, sliced ranges): still the same.
    expect(db.observationsJson(q)).toBe(text);
  });

  it('covers gaps (null with the note) and is valid against the contract', () => {
    // Every indicator has ~0.3 % gaps: over 8 × 11,616 rows some are certain.
    let gaps = 0;
    for (let i = 0; i < 8; i++) {
      const text = db.observationsJson({ indicator: id(i) }) ?? '';
      expect(text).toBe(slow({ indicator: id(i) }));
      const body = ObservationsResponse.parse(JSON.parse(text));
      gaps += body.data.filter((o) => o.value === null && o.note?.en === STRESS_GAP_NOTE.en).length;
    }
    expect(gaps).toBeGreaterThan(0);
  });
});

describe('the handlers send the fast path, and fall back to json for faults', () => {
  const url = (q: string) => `http://localhost/api/v1/observations?${q}`;
  it.each([
    [
      `indicator=${id(1)}&territory=${provinces.slice(0, 12).join(',')}`,
      { indicator: id(1), territories: provinces.slice(0, 12) },
    ],
    [`indicator=${id(7)}&from=2023-Q2&to=2024`, { indicator: id(7), from: '2023-Q2', to: '2024' }],
  ] as const)('%s', async (query, q) => {
    const handlers = createHandlers({ db: () => db, faults: () => [] });
    const res = await getResponse(handlers, new Request(url(query)));
    expect(res?.status).toBe(200);
    expect(await res?.text()).toBe(slow(q));
  });

  it('a body-rewriting fault still applies (it works on the parsed json)', async () => {
    const handlers = createHandlers({ db: () => db, faults: () => [{ kind: 'invalid', arg: 0, endpoint: null }] });
    const res = await getResponse(handlers, new Request(url(`indicator=${id(1)}&territory=MA-01`)));
    expect(ObservationsResponse.safeParse(await res?.json()).success).toBe(false);
  });

  it('still answers 400 before any serialising', async () => {
    const handlers = createHandlers({ db: () => db, faults: () => [] });
    const res = await getResponse(handlers, new Request(url('indicator=synthetic-99')));
    expect(res?.status).toBe(400);
  });
});

describe('stress caches are bounded (issue 7, B5)', () => {
  it('going through all 40 indicators twice, by rows, JSON and values, keeps each cache within its bound', () => {
    const big = createStressDb(real);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < STRESS_INDICATOR_COUNT; i++) {
        queryObservations(big, { indicator: id(i), territories: ['MA'] });
        big.observationsJson({ indicator: id(i), territories: ['MA'] });
      }
    }
    expect(big.cacheSizes()).toEqual({
      values: Math.min(STRESS_VALUES_CACHE, STRESS_INDICATOR_COUNT),
      rows: STRESS_ROWS_CACHE,
      json: STRESS_JSON_CACHE,
    });
  });

  it('answers the same after an indicator was evicted from every cache', () => {
    const big = createStressDb(real);
    const q = { indicator: id(0), territories: provinces.slice(0, 3), from: '2024' };
    const text = big.observationsJson(q);
    const rows = queryObservations(big, q);
    for (let i = 1; i < STRESS_INDICATOR_COUNT; i++) {
      queryObservations(big, { indicator: id(i), territories: ['MA'] });
      big.observationsJson({ indicator: id(i), territories: ['MA'] });
    }
    expect(big.observationsJson(q)).toBe(text);
    expect(queryObservations(big, q)).toEqual(rows);
    expect(text).toBe(JSON.stringify({ data: rows }));
  });

  it('a dataset forgets the least recently used values beyond its bound, and regenerates them identically', () => {
    const ds = createStressDataset(real);
    const first = Array.from(ds.values(id(0)) ?? []);
    for (let i = 0; i < STRESS_INDICATOR_COUNT; i++) ds.values(id(i));
    expect(ds.cachedIndicatorCount()).toBeLessThanOrEqual(STRESS_VALUES_CACHE);
    expect(Array.from(ds.values(id(0)) ?? [])).toEqual(first);
  });
});
