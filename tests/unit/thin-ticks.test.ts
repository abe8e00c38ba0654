/**
 * The line chart's time labels (src/charts/text-layout.ts `thinTicks`, issue 16): chosen from estimated widths so
 * recharts draws every tick given without measuring labels in the DOM. Shown labels never come closer than asked,
 * the last (latest period) is always shown, the first too unless it is too close to the last, and uneven periods (census years beside annual ones) are spaced by
 * position, not by count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thinTicks } from '../../src/charts/text-layout.ts';

const even = (n: number, width: number) => Array.from({ length: n }, (_, i) => (n === 1 ? 0 : (i / (n - 1)) * width));

describe('thinTicks', () => {
  it('keeps every label when they fit, a regular rhythm when they do not', () => {
    expect(thinTicks(even(5, 400), 70)).toEqual([0, 1, 2, 3, 4]);
    // 11 years on 300 px (30 px apart), 70 px needed: every third, and the last replaces the ninth (60 px from it).
    expect(thinTicks(even(11, 300), 70)).toEqual([0, 3, 6, 10]);
  });

  it('handles no, one and two labels', () => {
    expect(thinTicks([], 70)).toEqual([]);
    expect(thinTicks([0], 70)).toEqual([0]);
    expect(thinTicks([0, 20], 70)).toEqual([1]);
    expect(thinTicks([0, 200], 70)).toEqual([0, 1]);
  });

  it('spaces uneven periods by position', () => {
    // 2004, 2014, then every year to 2024 on 400 px: 2004 and 2014 far apart, the later years close together.
    const years = [2004, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
    const positions = years.map((y) => ((y - 2004) / 20) * 400);
    const shown = thinTicks(positions, 70).map((i) => years[i]);
    expect(shown).toEqual([2004, 2014, 2018, 2024]);
  });

  it('never shows two labels closer than asked, and always the last one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2000, noNaN: true }), { minLength: 2, maxLength: 200 }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (raw, distance) => {
          const positions = [...raw].sort((a, b) => a - b);
          const shown = thinTicks(positions, distance);
          expect(shown.at(-1)).toBe(positions.length - 1);
          for (let k = 1; k < shown.length; k++) {
            expect((positions[shown[k]!] ?? 0) - (positions[shown[k - 1]!] ?? 0)).toBeGreaterThanOrEqual(distance);
          }
          // Ascending and without repeats.
          expect([...new Set(shown)].sort((a, b) => a - b)).toEqual(shown);
        },
      ),
    );
  });
});
