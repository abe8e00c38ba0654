/**
 * One number format per language (issue 14): French groups thousands with a narrow no-break space (U+202F), as
 * HCP's French-language publications and `fr-FR` do — never "83.000" —, keeps the narrow no-break space before "%",
 * and writes decimals with a comma; Arabic keeps Latin digits with the ar-MA separators; English is en-GB. Every
 * formatter the screen uses (figures, axes, tables, cards, compact numbers, signed changes, counts in messages)
 * follows it.
 */
import { describe, expect, it } from 'vitest';
import type { Lang, Unit } from '../../src/contract/contract.ts';
import {
  formatCompact,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedPercent,
} from '../../src/i18n/format.ts';
import { definePlurals, plural } from '../../src/i18n/i18n.ts';
import { qualifiedValue } from '../../src/i18n/provenance.ts';
import { formatKpiChange, formatKpiValue } from '../../src/transforms/kpi-text.ts';
import { formatMeasured } from '../../src/transforms/value-format.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const persons: Unit = { code: 'persons', label: { fr: 'personnes', ar: 'شخص', en: 'people' } };
const percent: Unit = { code: 'percent', label: { fr: '%', ar: '%', en: '%' } };
const strip = (s: string) => s.replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '');

describe('French numbers group with a narrow no-break space', () => {
  it.each([
    [83_000, `83${NNBSP}000`],
    [1_000, `1${NNBSP}000`],
    [36_828_330, `36${NNBSP}828${NNBSP}330`],
    [1234.5, `1${NNBSP}234,5`],
  ])('formatNumber(%d)', (value, expected) => {
    expect(formatNumber(value, 'fr')).toBe(expected);
  });

  it('no French figure is grouped with a dot, an apostrophe or a plain space', () => {
    const texts = [
      formatNumber(83_000, 'fr'),
      formatMeasured(11_000_000, 'persons', 'absolute', 'fr'),
      formatSigned(-1_200.5, 'fr'),
      formatKpiValue(279_517, persons, 'fr'),
      formatKpiChange(12_345, persons, 'fr'),
      qualifiedValue(formatNumber(83_000, 'fr'), 'lower-bound', 'fr'),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(/\d[.' ]\d{3}/);
      expect(t).toMatch(new RegExp(`\\d${NNBSP}\\d{3}`));
    }
    expect(qualifiedValue(formatNumber(83_000, 'fr'), 'lower-bound', 'fr')).toBe(`> 83${NNBSP}000`);
  });

  it('decimal comma, narrow no-break space before %, compact millions', () => {
    expect(formatPercent(21.3, 'fr')).toBe(`21,3${NNBSP}%`);
    expect(formatSignedPercent(58.8, 'fr')).toBe(`+58,8${NNBSP}%`);
    expect(formatCompact(11_400_000, 'fr')).toBe(`11,4${NBSP}M`);
    expect(formatKpiValue(11_400_000, persons, 'fr')).toBe(`11,4${NBSP}M personnes`);
    expect(formatKpiValue(62.8, percent, 'fr')).toBe(`62,8${NNBSP}%`);
  });
});

describe('Arabic: Latin digits, ar-MA separators', () => {
  it('groups with a dot, decimal comma, never Arabic-Indic digits', () => {
    expect(formatNumber(36_828_330, 'ar')).toBe('36.828.330');
    expect(strip(formatPercent(21.3, 'ar'))).toBe('21,3%');
    expect(formatCompact(36_828_330, 'ar')).toMatch(/^36,8\s?مليون$/);
    for (const t of [formatNumber(1234.5, 'ar'), formatKpiValue(279_517, persons, 'ar'), formatSigned(-5.1, 'ar')])
      expect(t).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
  });
});

describe('English: en-GB', () => {
  it('groups with a comma, decimal point, no space before %', () => {
    expect(formatNumber(36_828_330, 'en')).toBe('36,828,330');
    expect(formatPercent(21.3, 'en')).toBe('21.3%');
    expect(formatCompact(36_828_330, 'en')).toMatch(/^36\.8m$/i);
  });
});

describe('counts in plural messages use the same grouping', () => {
  const m = definePlurals({
    rows: {
      fr: { one: '{n} ligne', other: '{n} lignes' },
      ar: { one: 'سطر واحد', two: 'سطران', few: '{n} أسطر', many: '{n} سطرا', other: '{n} سطر' },
      en: { one: '{n} row', other: '{n} rows' },
    },
  });
  it.each([
    ['fr', `1${NNBSP}200 lignes`],
    ['ar', '1.200 سطر'],
    ['en', '1,200 rows'],
  ] as [Lang, string][])('%s', (lang, expected) => {
    expect(plural(m.rows, lang, 1200)).toBe(expected);
  });
});
