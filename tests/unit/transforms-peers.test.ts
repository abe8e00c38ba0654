import { describe, expect, it } from 'vitest';
import type { Territory } from '../../src/contract/contract.ts';
import { latestCensusYear, peersByPopulation, peersByValue } from '../../src/transforms/peers.ts';

const TEXT = { fr: 'x', ar: 'س', en: 'x' };

function territory(code: string, level: Territory['level'], population: Record<string, number>): Territory {
  return {
    code,
    level,
    parent: level === 'country' ? null : level === 'region' ? 'MA' : 'MA-06',
    name: TEXT,
    kind: level === 'province' ? 'province' : level,
    population,
    households: {},
  };
}

// Real RGPH 2024 populations (HCP) for a few regions and provinces.
const TERRITORIES: Territory[] = [
  territory('MA', 'country', { '2014': 33848242, '2024': 36828330 }),
  territory('MA-01', 'region', { '2014': 3556729, '2024': 4030222 }),
  territory('MA-03', 'region', { '2014': 4236892, '2024': 4467911 }),
  territory('MA-04', 'region', { '2014': 4580866, '2024': 5132639 }),
  territory('MA-06', 'region', { '2014': 6861739, '2024': 7688967 }),
  territory('MA-07', 'region', { '2014': 4520569, '2024': 4892393 }),
  territory('MA-12', 'region', { '2014': 142955, '2024': 219965 }),
  territory('MA-BES', 'province', { '2014': 233123, '2024': 279517 }),
  territory('MA-REH', 'province', { '2014': 315077, '2024': 346108 }),
  territory('MA-YUS', 'province', { '2024': 246148 }),
  territory('MA-OUZ', 'province', { '2024': 274577 }),
  territory('MA-CAS', 'province', { '2024': 3218036 }),
  territory('MA-NOP', 'province', {}), // no census figure: never suggested
];

describe('latestCensusYear', () => {
  it.each<[string, Record<string, number>, string | null]>([
    ['two censuses', { '2014': 1, '2024': 2 }, '2024'],
    ['one census', { '2014': 1 }, '2014'],
    ['none', {}, null],
  ])('%s', (_name, population, expected) => {
    expect(latestCensusYear(territory('MA-01', 'region', population))).toBe(expected);
  });
});

describe('peersByPopulation', () => {
  it.each<[string, string, { count?: number; exclude?: string[] }, string[]]>([
    // Marrakech-Safi 4.89 M: Fès-Meknès 4.47 M (0.42 M) then Rabat-Salé-Kénitra 5.13 M (0.24 M) — RSK first.
    ['closest regions to Marrakech-Safi', 'MA-07', {}, ['MA-04', 'MA-03', 'MA-01']],
    ['count limits the list', 'MA-07', { count: 1 }, ['MA-04']],
    [
      'already compared territories are excluded',
      'MA-07',
      { exclude: ['MA-06', 'MA-04'] },
      ['MA-03', 'MA-01', 'MA-12'],
    ],
    ['same level only: provinces for Benslimane', 'MA-BES', {}, ['MA-OUZ', 'MA-YUS', 'MA-REH']],
    ['unknown reference', 'MA-99', {}, []],
    ['reference without population', 'MA-NOP', {}, []],
    ['country has no peers', 'MA', {}, []],
  ])('%s', (_name, ref, options, expected) => {
    expect(peersByPopulation(TERRITORIES, ref, options).map((p) => p.code)).toEqual(expected);
  });

  it('reports the distance and the peer population', () => {
    const [first] = peersByPopulation(TERRITORIES, 'MA-BES', { count: 1 });
    expect(first).toEqual({ code: 'MA-OUZ', value: 274577, distance: 279517 - 274577 });
  });

  it('never suggests the reference itself, even with count larger than the list', () => {
    const codes = peersByPopulation(TERRITORIES, 'MA-06', { count: 50 }).map((p) => p.code);
    expect(codes).not.toContain('MA-06');
    expect(codes).toHaveLength(5);
  });
});

describe('peersByValue', () => {
  // Unemployment 2024 (%), RGPH 2024.
  const values = new Map<string, number | null>([
    ['MA-01', 19.6],
    ['MA-03', 23.3],
    ['MA-04', 19.8],
    ['MA-06', 18.8],
    ['MA-07', 20.8],
    ['MA-12', null],
    ['MA-BES', 19.0], // a province: other level, never suggested for a region
  ]);

  it.each<[string, string, { count?: number; exclude?: string[] }, string[]]>([
    ['closest values to Casablanca-Settat', 'MA-06', {}, ['MA-01', 'MA-04', 'MA-07']],
    ['exclusions apply', 'MA-06', { exclude: ['MA-07', 'MA-01'] }, ['MA-04', 'MA-03']],
    ['null values are never suggested', 'MA-07', { count: 10 }, ['MA-04', 'MA-01', 'MA-06', 'MA-03']],
    ['reference without a value', 'MA-12', {}, []],
    ['reference not in the values', 'MA-02', {}, []],
  ])('%s', (_name, ref, options, expected) => {
    expect(peersByValue(TERRITORIES, values, ref, options).map((p) => p.code)).toEqual(expected);
  });

  it('breaks ties by code', () => {
    const tie = new Map<string, number | null>([
      ['MA-06', 10],
      ['MA-04', 12],
      ['MA-01', 8],
    ]);
    expect(peersByValue(TERRITORIES, tie, 'MA-06').map((p) => p.code)).toEqual(['MA-01', 'MA-04']);
  });
});
