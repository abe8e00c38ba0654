/**
 * A user dataset as a contract indicator and contract observations (issue 15): category and status `imported`,
 * `user-<id>`, per-1000 for counts only, the method naming the file and date in three languages, names falling
 * back to a given language, small counts suppressed ("< 10"), filtering like the API.
 */
import { describe, expect, it } from 'vitest';
import { Indicator, Observation } from '../../src/contract/contract.ts';
import {
  applySmallCounts,
  filterObservations,
  indexRecord,
  queryRecord,
  toIndicator,
} from '../../src/user-data/indicator.ts';
import { buildDataset, decodeRows, prepareDataset } from '../../src/user-data/store.ts';
import { datasetIdOf, isUserIndicatorId, localize, missingUserIndicator } from '../../src/user-data/types.ts';
import { newDataset, rows } from './user-data-fixtures.ts';

const IMPORTED_AT = '2026-12-05T10:30:00.000Z';
const count = buildDataset(newDataset({ smallCountThreshold: 10 }), 'abc123', IMPORTED_AT);
const rate = buildDataset(
  newDataset({
    kind: 'rate',
    name: { ar: 'نسبة التغطية', en: 'Coverage' },
    unit: { code: 'percent', label: { en: '%' } },
    fileName: 'couverture.csv',
    frequency: 'quarterly',
    observations: rows(['MA-BES', 'MA'], ['2024-Q1', '2024-Q2', '2024-Q3']),
  }),
  'r1',
  IMPORTED_AT,
);

describe('toIndicator', () => {
  it('is a valid contract indicator, imported, under user-<id>', () => {
    const ind = toIndicator(count);
    expect(Indicator.safeParse(ind).success).toBe(true);
    expect(ind).toMatchObject({
      id: 'user-abc123',
      category: 'imported',
      status: 'imported',
      frequency: 'annual',
      levels: ['region'],
      lastUpdated: '2026-12-05',
      source: {
        publisher: 'Conseil régional',
        title: 'Bilan 2025',
        url: 'https://example.ma/bilan-2025',
        published: '2025-01-31',
        retrieved: '2026-12-05',
      },
    });
  });

  it('a count may be shown per 1 000 inhabitants, a rate may not', () => {
    expect(toIndicator(count)).toMatchObject({ perCapita: true, measures: ['absolute', 'per1000'] });
    expect(toIndicator(rate)).toMatchObject({ perCapita: false, measures: ['absolute'] });
    expect(Indicator.safeParse(toIndicator(rate)).success).toBe(true);
  });

  it('says which file and when, in the three languages, and the threshold when there is one', () => {
    const { method } = toIndicator(count);
    expect(method.fr).toContain('« beneficiaires_2025.xlsx » le 2026-12-05');
    expect(method.fr).toContain('inférieurs à 10');
    expect(method.ar).toContain('«beneficiaires_2025.xlsx» بتاريخ 2026-12-05');
    expect(method.en).toContain('imported from the file “beneficiaires_2025.xlsx” on 2026-12-05');
    expect(toIndicator(rate).method.en).not.toContain('suppressed');
  });

  it('fills a missing language from a given one; markup and formulas stay text', () => {
    expect(toIndicator(rate).name).toEqual({ fr: 'Coverage', ar: 'نسبة التغطية', en: 'Coverage' });
    expect(toIndicator(count).name).toEqual({
      fr: 'Bénéficiaires du programme',
      ar: 'Bénéficiaires du programme',
      en: 'Bénéficiaires du programme',
    });
    expect(toIndicator(rate).unit.label).toEqual({ fr: '%', ar: '%', en: '%' });
    const odd = buildDataset(
      newDataset({ name: { fr: '<img src=x onerror=alert(1)>', en: '=SUM(A1:A9)' } }),
      'o',
      IMPORTED_AT,
    );
    expect(toIndicator(odd).name).toEqual({
      fr: '<img src=x onerror=alert(1)>',
      ar: '<img src=x onerror=alert(1)>',
      en: '=SUM(A1:A9)',
    });
    expect(localize({ ar: 'x' }, 'fr')).toBe('x');
  });
});

describe('ids', () => {
  it('tells imported ids from official ones and a link to a dataset this browser lacks', () => {
    expect(isUserIndicatorId('user-abc123')).toBe(true);
    expect(isUserIndicatorId('unemployment-rate')).toBe(false);
    expect(isUserIndicatorId('user-')).toBe(false);
    expect(datasetIdOf('user-abc123')).toBe('abc123');
    expect(datasetIdOf('population')).toBeNull();
    const catalogue = [{ id: 'population' }, { id: 'user-abc123' }];
    expect(missingUserIndicator('user-zzz', catalogue)).toBe(true);
    expect(missingUserIndicator('user-abc123', catalogue)).toBe(false);
    expect(missingUserIndicator('unknown-official', catalogue)).toBe(false);
    expect(missingUserIndicator(null, catalogue)).toBe(false);
  });
});

describe('small counts', () => {
  it('below the threshold: null, upper-bound, "< 10" in three languages; the rest untouched', () => {
    const shown = applySmallCounts(count.observations, count);
    // values are 5, 6, … 12: 5 of them under 10
    const suppressed = shown.filter((o) => o.value === null);
    expect(suppressed).toHaveLength(5);
    expect(suppressed[0]).toMatchObject({ qualifier: 'upper-bound', note: { fr: expect.stringMatching(/^< 10/) } });
    expect(suppressed[0]?.note?.ar).toMatch(/^< 10/);
    expect(suppressed[0]?.note?.en).toBe('< 10 (small count suppressed)');
    expect(shown.filter((o) => o.value !== null).map((o) => o.value)).toEqual([10, 11, 12]);
    expect(shown.every((o) => Observation.safeParse(o).success)).toBe(true);
    // A rate, or no threshold: unchanged (same array).
    expect(applySmallCounts(rate.observations, { kind: 'rate', smallCountThreshold: 10 })).toBe(rate.observations);
    expect(count.observations.filter((o) => o.value === null)).toHaveLength(0); // stored figures stay raw
  });
});

describe('filterObservations', () => {
  it('filters by territory and by period overlap like the API, grouped by territory, sorted by period', () => {
    const all = filterObservations(rate.observations, { indicator: 'user-r1' });
    expect(all.map((o) => `${o.territory} ${o.period}`)).toEqual([
      'MA 2024-Q1',
      'MA 2024-Q2',
      'MA 2024-Q3',
      'MA-BES 2024-Q1',
      'MA-BES 2024-Q2',
      'MA-BES 2024-Q3',
    ]);
    const some = filterObservations(rate.observations, {
      indicator: 'user-r1',
      territories: ['MA-BES'],
      from: '2024-05',
      to: '2024-08',
    });
    expect(some.map((o) => o.period)).toEqual(['2024-Q2', '2024-Q3']);
    expect(filterObservations(rate.observations, { indicator: 'user-r1', from: '2025' })).toEqual([]);
  });
});

describe('the query layer index (columns, no row objects until answered)', () => {
  it('answers exactly like filtering the decoded, suppressed rows, whatever the row order', () => {
    const territories = ['MA', 'MA-06', 'MA-01', 'MA-BES', 'MA-CAS-01'];
    const periods = ['2023', '2023-Q2', '2022-11', '2024', '2023-05', '2021', '2024-Q1'];
    const input = rows(territories, periods);
    // A fixed shuffle, a gap with a note and a qualified point.
    const shuffled = input.map((o, i) => ({ o, k: (i * 7919) % input.length })).sort((a, b) => a.k - b.k);
    const observations = shuffled.map(({ o }, i) =>
      i === 3
        ? { ...o, value: null, note: { fr: 'absent', ar: 'غائب', en: 'missing' } }
        : i === 5
          ? { ...o, qualifier: 'provisional' as const }
          : o,
    );
    const { meta, rows: record } = prepareDataset(
      newDataset({ frequency: 'irregular', smallCountThreshold: 12, observations }),
      'idx',
      IMPORTED_AT,
    );
    const index = indexRecord(meta, record);
    const reference = applySmallCounts(decodeRows(record), meta);
    const queries = [
      { indicator: 'user-idx' },
      { indicator: 'user-idx', territories: ['MA-BES', 'MA'] },
      { indicator: 'user-idx', from: '2023-04', to: '2023-Q2' },
      { indicator: 'user-idx', territories: ['MA-CAS-01', 'MA-99'], from: '2022' },
      { indicator: 'user-idx', to: '2022-11' },
      { indicator: 'user-idx', from: '2025' },
    ];
    for (const q of queries) expect(queryRecord(index, q), JSON.stringify(q)).toEqual(filterObservations(reference, q));
    const all = queryRecord(index, queries[0]!);
    expect(all.filter((o) => o.qualifier === 'upper-bound').length).toBeGreaterThan(0);
    expect(all.some((o) => o.note?.en === 'missing' && o.value === null)).toBe(true);
    expect(all.some((o) => o.qualifier === 'provisional')).toBe(true);
    expect(all.slice(0, 3).map((o) => o.period)).toEqual(['2021', '2022-11', '2023']);
  });
});
