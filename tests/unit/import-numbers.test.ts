/**
 * Import (issue 15): numbers per decimal style — decimal comma, thousands by space, no-break space (U+00A0,
 * U+202F) or dot; decimal point with comma grouping — and a round trip through Intl's own formatting (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessDecimalStyle, parseNumber } from '../../src/import/numbers.ts';
import { toPeriod } from '../../src/import/periods.ts';

describe('parseNumber', () => {
  it.each([
    ['1234', 'comma', 1234],
    ['1 234', 'comma', 1234],
    ['1\u00A0234,5', 'comma', 1234.5],
    ['1\u202F234\u202F567,25', 'comma', 1234567.25],
    ['1.234.567,25', 'comma', 1234567.25],
    ['12,5', 'comma', 12.5],
    ['12,5 %', 'comma', 12.5],
    ['-3,25', 'comma', -3.25],
    ['\u22123', 'comma', -3],
    ['+7', 'comma', 7],
    ['1,234.5', 'dot', 1234.5],
    ['1 234.5', 'dot', 1234.5],
    ['0.75', 'dot', 0.75],
    ['1,234', 'dot', 1234],
    ['1,234', 'comma', 1.234],
  ] as const)('%j in the %s style is %d', (text, style, n) => {
    expect(parseNumber(text, style)).toBe(n);
  });

  it.each([
    ['', 'comma'],
    ['abc', 'comma'],
    ['1.5', 'comma'],
    ['12,5', 'dot'],
    ['1 23', 'comma'],
    ['1..2', 'dot'],
    ['=1+2', 'dot'],
    ['1e5', 'dot'],
    ['0x10', 'dot'],
  ] as const)('%j in the %s style is not a number', (text, style) => {
    expect(parseNumber(text, style)).toBeNaN();
  });

  it('passes spreadsheet numbers through', () => {
    expect(parseNumber(1234.5, 'comma')).toBe(1234.5);
    expect(parseNumber(Number.NaN, 'comma')).toBeNaN();
  });

  it('round-trips numbers as French, German and English spreadsheets write them', () => {
    const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }); // U+202F grouping, decimal comma
    const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }); // dot grouping, decimal comma
    const en = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }); // comma grouping, decimal point
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        // An exact two-place decimal: (int × 100 ± cents) / 100 is the double nearest to it, as Number('…') is.
        const n = (int * 100 + (int < 0 ? -cents : cents)) / 100;
        expect(parseNumber(fr.format(n), 'comma')).toBe(n);
        expect(parseNumber(de.format(n), 'comma')).toBe(n);
        expect(parseNumber(en.format(n), 'dot')).toBe(n);
        expect(parseNumber(String(n), 'dot')).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('guessDecimalStyle', () => {
  it('reads the style from the cells', () => {
    expect(guessDecimalStyle(['12,5', '3', '1 204'], 'dot')).toBe('comma');
    expect(guessDecimalStyle(['1.234.567', '3'], 'dot')).toBe('comma');
    expect(guessDecimalStyle(['12.5', '3'], 'comma')).toBe('dot');
    expect(guessDecimalStyle(['3', '4'], 'comma')).toBe('comma');
  });
});

describe('toPeriod', () => {
  it.each([
    ['2024', '2024'],
    [2024, '2024'],
    ['2024-03', '2024-03'],
    ['2024/3', '2024-03'],
    ['03/2024', '2024-03'],
    ['3-2024', '2024-03'],
    ['2024-Q1', '2024-Q1'],
    ['2024 q4', '2024-Q4'],
    ['Q2 2024', '2024-Q2'],
    ['T1 2024', '2024-Q1'],
    ['t3-2024', '2024-Q3'],
    ['2024-T2', '2024-Q2'],
    ['2024-03-15', '2024-03'],
    ['15/03/2024', '2024-03'],
    ['15.03.2024', '2024-03'],
    ['2024-03-15T10:20:00Z', '2024-03'],
    ['15/03/2024 08:30', '2024-03'],
    ['mars 2024', '2024-03'],
    ['Févr. 2024', '2024-02'],
    ['Aug-2024', '2024-08'],
    [45366, '2024-03'], // Excel serial of 2024-03-15
    ['45366', '2024-03'],
    [45292, '2024-01'], // 2024-01-01
    // Mouchir's own "CSV pour Excel" (src/export/csv.ts) writes months with a non-breaking hyphen, U+2011.
    ['2024\u201103', '2024-03'],
    ['2024\u2010Q3', '2024-Q3'],
  ] as const)('%j is %s', (cell, period) => {
    expect(toPeriod(cell)).toBe(period);
  });

  it.each([
    '',
    'abc',
    '2024-13',
    '13/2024',
    'Q5 2024',
    '2024-Q0',
    '32/01/2024',
    '1850',
    1850,
    12,
    '2024-1-1-1',
    'mars',
  ])('%j is no period', (cell) => {
    expect(toPeriod(cell)).toBeNull();
  });
});
