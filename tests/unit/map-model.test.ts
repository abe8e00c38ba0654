/**
 * src/transforms/map-model.ts: quantile class bounds (table-driven and fast-check properties), the classes'
 * colours against the borders in both themes, the hatched no-data class with its reasons, and the territories
 * whose boundary or value is missing, listed and never dropped.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Observation, Territory } from '../../src/contract/contract.ts';
import {
  MAP_BORDER,
  MAP_RAMP_DARK,
  MAP_RAMP_LIGHT,
  NO_DATA_PATTERN,
  buildMapModel,
  classBreaks,
  classIndexOf,
  rampColors,
} from '../../src/transforms/map-model.ts';
import { applyMeasure } from '../../src/transforms/measures.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = <T>(file: string): T => (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { data: T }).data;
const territories = read<Territory[]>('data/territories.json');
const indicators = read<Indicator[]>('data/indicators.json');
const territoryIndex = new Map(territories.map((t) => [t.code, t]));
const regions = territories.filter((t) => t.level === 'region').map((t) => t.code);
const provinces = territories.filter((t) => t.level === 'province').map((t) => t.code);
const indicator = (id: string): Indicator => {
  const found = indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

/** WCAG 2.x contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('classBreaks', () => {
  it('never ends on -0 when the maximum is 0 (a rare counterexample of the property below)', () => {
    expect(Object.is(classBreaks([-0, 0]).at(-1), 0)).toBe(true);
    expect(Object.is(classBreaks([-0, 0], 1).at(-1), 0)).toBe(true);
    expect(Object.is(classBreaks([-0]).at(-1), 0)).toBe(true);
  });

  it.each([
    ['no value', [], 5, []],
    ['one value', [7], 5, [7]],
    ['all equal', [3, 3, 3, 3], 5, [3]],
    ['two distinct values', [1, 1, 1, 2, 2], 5, [1, 2]],
    ['ten values, five classes', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, [2, 4, 6, 8, 10]],
    ['unsorted input', [10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 5, [2, 4, 6, 8, 10]],
    ['three classes of six', [5, 1, 3, 2, 6, 4], 3, [2, 4, 6]],
    ['a skewed series', [1, 1, 1, 1, 1, 1, 1, 2, 50, 100], 5, [1, 2, 100]],
    ['non-finite values ignored', [1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3], 3, [1, 2, 3]],
  ])('%s', (_name, values, classes, expected) => {
    expect(classBreaks(values, classes)).toEqual(expected);
  });

  const valuesArb = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 120 });

  it('bounds ascend strictly, end on the maximum, and number at most the classes asked', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 9 }), (values, classes) => {
        const bounds = classBreaks(values, classes);
        expect(bounds.length).toBeGreaterThanOrEqual(1);
        expect(bounds.length).toBeLessThanOrEqual(Math.min(classes, new Set(values).size));
        for (let i = 1; i < bounds.length; i++) expect(bounds[i]!).toBeGreaterThan(bounds[i - 1]!);
        // A class bound is a value, not a signed zero: classBreaks reads -0 as 0 (as `new Set` above does).
        expect(bounds.at(-1)).toBe(Math.max(...values) + 0);
      }),
    );
  });

  it('puts every value in exactly one class, no class is empty, and the class is monotone in the value', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 9 }), (values, classes) => {
        const bounds = classBreaks(values, classes);
        const counts = bounds.map(() => 0);
        for (const v of values) {
          const i = classIndexOf(v, bounds);
          expect(i).not.toBeNull();
          const inside = bounds.filter((b, k) => v <= b && (k === 0 || v > bounds[k - 1]!));
          expect(inside).toHaveLength(1);
          counts[i!]!++;
        }
        expect(counts.every((c) => c > 0)).toBe(true);
        const sorted = [...values].sort((a, b) => a - b);
        const indices = sorted.map((v) => classIndexOf(v, bounds)!);
        for (let k = 1; k < indices.length; k++) expect(indices[k]!).toBeGreaterThanOrEqual(indices[k - 1]!);
      }),
    );
  });
});

describe('map colours', () => {
  it.each([
    ['light', MAP_RAMP_LIGHT, MAP_BORDER.light, NO_DATA_PATTERN.light],
    ['dark', MAP_RAMP_DARK, MAP_BORDER.dark, NO_DATA_PATTERN.dark],
  ] as const)('every %s class is ≥ 3:1 against the borders and background; the hatch too', (_t, ramp, border, nd) => {
    for (const color of ramp) expect(contrast(color, border), color).toBeGreaterThanOrEqual(3);
    expect(contrast(nd.line, border)).toBeGreaterThanOrEqual(3);
    expect(contrast(nd.line, nd.background)).toBeGreaterThanOrEqual(3);
    // Neighbouring classes differ visibly (lightness steps, not hue alone).
    for (let i = 1; i < ramp.length; i++) expect(contrast(ramp[i]!, ramp[i - 1]!)).toBeGreaterThanOrEqual(1.2);
  });

  it('checks against the colour the borders really have: the surface token of each theme (src/styles/global.css)', () => {
    const css = fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8');
    const surface = (selector: string) => {
      const block = css.slice(css.indexOf(`${selector} {`));
      return /--surface:\s*(#[0-9a-f]{6})/i.exec(block.slice(0, block.indexOf('}')))?.[1]?.toLowerCase();
    };
    expect(surface(':root')).toBe(MAP_BORDER.light);
    expect(surface(":root[data-theme='dark']")).toBe(MAP_BORDER.dark);
  });

  it('spreads fewer classes over the ramp, keeping its ends', () => {
    expect(rampColors(MAP_RAMP_LIGHT, 5)).toEqual([...MAP_RAMP_LIGHT]);
    expect(rampColors(MAP_RAMP_LIGHT, 2)).toEqual([MAP_RAMP_LIGHT[0], MAP_RAMP_LIGHT[4]]);
    expect(rampColors(MAP_RAMP_LIGHT, 3)).toEqual([MAP_RAMP_LIGHT[0], MAP_RAMP_LIGHT[2], MAP_RAMP_LIGHT[4]]);
    expect(rampColors(MAP_RAMP_LIGHT, 1)).toEqual([MAP_RAMP_LIGHT[2]]);
    expect(rampColors(MAP_RAMP_LIGHT, 0)).toEqual([]);
  });
});

/** Observations of `id` for some territories at one period: value = index + 1, or null. */
function rows(
  id: string,
  codes: readonly string[],
  period: string,
  value: (i: number) => number | null,
): Observation[] {
  return codes.map((territory, i) => ({ indicator: id, territory, period, value: value(i), status: 'official' }));
}

describe('buildMapModel', () => {
  const unemployment = indicator('unemployment-rate');

  it('each datum carries its point provenance; valueText stays the bare figure (issue 14)', () => {
    const own = { publisher: 'X', title: 'T', url: 'https://example.org/', published: null, retrieved: '2025-01-01' };
    const observations: Observation[] = rows(unemployment.id, regions, '2024', (i) => 10 + i).map((o, i) =>
      i === 0
        ? {
            ...o,
            qualifier: 'approx' as const,
            confidence: 'two-reports' as const,
            note: { fr: 'environ', ar: 'حوالي', en: 'about' },
            periodLabel: { fr: 'fin 2024', ar: 'نهاية 2024', en: 'end of 2024' },
            source: own,
          }
        : o,
    );
    const model = buildMapModel({
      indicator: unemployment,
      observations,
      territoryIndex,
      territories: regions,
      boundaryCodes: new Set(regions),
      level: 'region',
      measure: 'absolute',
      period: null,
      lang: 'ar',
    });
    const first = model.data.get(regions[0]!)!;
    expect(first).toMatchObject({
      qualifier: 'approx',
      confidence: 'two-reports',
      note: 'حوالي',
      periodLabel: 'نهاية 2024',
    });
    expect(first.source).toEqual(own);
    expect(first.valueText).not.toContain('≈');
    const second = model.data.get(regions[1]!)!;
    expect(second).not.toHaveProperty('qualifier');
    expect(second).not.toHaveProperty('source');
  });

  it('classes the 12 regions in 5 classes with ranges in the unit, latest period by default', () => {
    const observations = [
      ...rows(unemployment.id, regions, '2014', (i) => 30 - i),
      ...rows(unemployment.id, regions, '2024', (i) => 10.2 + i * 1.5),
    ];
    const model = buildMapModel({
      indicator: unemployment,
      observations,
      territoryIndex,
      territories: regions,
      boundaryCodes: new Set(regions),
      level: 'region',
      measure: 'absolute',
      period: null,
      lang: 'fr',
    });
    expect(model.period).toBe('2024');
    expect(model.classes).toHaveLength(5);
    expect(model.classes.map((c) => c.color)).toEqual([...MAP_RAMP_LIGHT]);
    expect(model.classes[0]!.label).toMatch(/^10,2\s%\s–\s13,2\s%$/u);
    expect(model.classes.at(-1)!.to).toBe(26.7);
    expect(model.data.size).toBe(12);
    const casablanca = model.data.get('MA-06')!;
    expect(casablanca.name).toBe('Casablanca-Settat');
    expect(casablanca.value).toBe(17.7);
    expect(casablanca.classIndex).not.toBeNull();
    expect(model.classes[casablanca.classIndex!]!.from).toBeLessThanOrEqual(17.7);
    expect(model.classes[casablanca.classIndex!]!.to).toBeGreaterThanOrEqual(17.7);
    expect(model.noData.count).toBe(0);
    expect(model.withoutBoundary).toEqual([]);
    expect(model.withoutData).toEqual([]);
    expect(model.attribution).toMatch(/OpenStreetMap.*ODbL.*geoBoundaries/);
    expect(model.title).toBe(unemployment.name.fr);
    expect(model.subtitle).toContain('2024');
    expect(model.source).toEqual(unemployment.source);
    // An asked period is kept.
    const y2014 = buildMapModel({
      indicator: unemployment,
      observations,
      territoryIndex,
      territories: regions,
      boundaryCodes: new Set(regions),
      level: 'region',
      measure: 'absolute',
      period: '2014',
      lang: 'ar',
    });
    expect(y2014.period).toBe('2014');
    expect(y2014.data.get('MA-01')!.value).toBe(30);
    expect(y2014.attribution).toContain('OpenStreetMap');
  });

  it('hatches missing values with their reason and counts them', () => {
    const observations = rows(unemployment.id, provinces, '2024', (i) => (i % 10 === 0 ? null : i));
    const model = buildMapModel({
      indicator: unemployment,
      observations: observations.slice(0, 70), // the last five provinces have no row at all
      territoryIndex,
      territories: provinces,
      boundaryCodes: new Set(provinces),
      level: 'province',
      measure: 'absolute',
      period: '2024',
      lang: 'en',
    });
    const nulls = provinces.filter((_, i) => i % 10 === 0 || i >= 70);
    expect(model.noData.count).toBe(nulls.length);
    expect(model.noData.label).toBe('No data');
    expect(model.withoutData.map((w) => w.code).sort()).toEqual([...nulls].sort());
    for (const code of nulls) {
      const d = model.data.get(code)!;
      expect(d.value).toBeNull();
      expect(d.classIndex).toBeNull();
      expect(d.reason).toBe('not-published');
      expect(d.valueText).toBe('n/a');
    }
    expect(model.withoutData[0]!.reason).toBe('not published by the source');
  });

  it('applies the measure like the chart (per 1,000 inhabitants) and lists a missing denominator', () => {
    const population = indicator('economic-establishments');
    const observations = rows(population.id, regions, '2024', (i) => 1000 * (i + 1));
    const index = new Map(territoryIndex);
    const noPop = { ...index.get('MA-03')!, population: {} };
    index.set('MA-03', noPop);
    const model = buildMapModel({
      indicator: population,
      observations,
      territoryIndex: index,
      territories: regions,
      boundaryCodes: new Set(regions),
      level: 'region',
      measure: 'per1000',
      period: '2024',
      lang: 'fr',
    });
    const rabat = model.data.get('MA-04')!;
    expect(rabat.value).toBe(applyMeasure(4000, 'per1000', index.get('MA-04'), '2024').value);
    expect(model.data.get('MA-03')!.reason).toBe('no-population');
    expect(model.withoutData).toEqual([
      { code: 'MA-03', name: index.get('MA-03')!.name.fr, reason: 'population du recensement indisponible' },
    ]);
    expect(model.unitLabel).toBe('pour 1 000 habitants');
  });

  it('lists a territory without a boundary and a boundary without a territory, never dropping either', () => {
    const observations = rows(unemployment.id, regions, '2024', (i) => i + 1);
    const boundaries = new Set(regions.filter((c) => c !== 'MA-11'));
    boundaries.add('MA-13');
    const model = buildMapModel({
      indicator: unemployment,
      observations,
      territoryIndex,
      territories: regions,
      boundaryCodes: boundaries,
      level: 'region',
      measure: 'absolute',
      period: '2024',
      lang: 'fr',
    });
    expect(model.withoutBoundary).toEqual([
      { code: 'MA-11', name: territoryIndex.get('MA-11')!.name.fr, reason: expect.stringMatching(/limite/) },
    ]);
    // MA-11 keeps its datum (the table and the list show it), but it is not classed with what is drawn.
    expect(model.data.get('MA-11')!.value).toBe(11);
    expect(model.data.get('MA-11')!.classIndex).toBeNull();
    expect(model.classes.at(-1)!.to).toBe(12);
    expect(model.withoutData).toEqual([{ code: 'MA-13', name: 'MA-13', reason: expect.stringMatching(/territoire/) }]);
  });

  it('names the opened region in the subtitle', () => {
    const casablancaSettat = provinces.filter((c) => territoryIndex.get(c)!.parent === 'MA-06');
    const model = buildMapModel({
      indicator: unemployment,
      observations: rows(unemployment.id, casablancaSettat, '2024', (i) => i),
      territoryIndex,
      territories: casablancaSettat,
      boundaryCodes: new Set(casablancaSettat),
      level: 'province',
      measure: 'absolute',
      period: null,
      lang: 'fr',
    });
    expect(model.subtitle).toMatch(/^Provinces : Casablanca-Settat · 2024/);
    expect(model.data.size).toBe(9);
  });

  it('never drops a territory: each is drawn with a class, hatched and listed, or listed without a boundary', () => {
    const arb = fc.record({
      values: fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), {
        minLength: provinces.length,
        maxLength: provinces.length,
      }),
      hasBoundary: fc.array(fc.boolean(), { minLength: provinces.length, maxLength: provinces.length }),
    });
    fc.assert(
      fc.property(arb, ({ values, hasBoundary }) => {
        const boundaryCodes = new Set(provinces.filter((_, i) => hasBoundary[i]));
        const model = buildMapModel({
          indicator: unemployment,
          observations: rows(unemployment.id, provinces, '2024', (i) => values[i] ?? null),
          territoryIndex,
          territories: provinces,
          boundaryCodes,
          level: 'province',
          measure: 'absolute',
          period: '2024',
          lang: 'fr',
        });
        const listedNoBoundary = new Set(model.withoutBoundary.map((w) => w.code));
        const listedNoData = new Set(model.withoutData.map((w) => w.code));
        expect(model.data.size).toBe(provinces.length);
        provinces.forEach((code, i) => {
          const d = model.data.get(code)!;
          if (!hasBoundary[i]) {
            expect(listedNoBoundary.has(code)).toBe(true);
            expect(d.classIndex).toBeNull();
          } else if (values[i] === null) {
            expect(listedNoData.has(code)).toBe(true);
            expect(d.classIndex).toBeNull();
          } else {
            const c = model.classes[d.classIndex!]!;
            expect(d.value! >= c.from && d.value! <= c.to).toBe(true);
          }
        });
        expect(model.noData.count).toBe(listedNoData.size);
        expect(
          listedNoBoundary.size +
            listedNoData.size +
            [...model.data.values()].filter((d) => d.classIndex !== null).length,
        ).toBe(provinces.length);
      }),
      { numRuns: 60 },
    );
  });
});
