import { describe, expect, it } from 'vitest';
import type { Lang, Unit } from '../../src/contract/contract.ts';
import { formatKpiChange, formatKpiValue, formatRelative } from '../../src/transforms/kpi-text.ts';

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const PERCENT: Unit = { code: 'percent', label: { fr: '%', ar: '%', en: '%' } };
const PERSONS: Unit = { code: 'persons', label: { fr: 'personnes', ar: 'أشخاص', en: 'persons' } };
const LRI = '\u2066';
const PDI = '\u2069';

// en-GB writes millions as "m" (CLDR); French groups thousands with a narrow no-break space (fr-FR, as HCP does).
describe('formatKpiValue', () => {
  it.each<[number, Unit, Lang, string]>([
    [88, PERCENT, 'fr', '88 %'],
    [21.3, PERCENT, 'en', '21.3%'],
    [11_400_000, PERSONS, 'fr', '11,4 M personnes'],
    [11_400_000, PERSONS, 'en', '11.4m persons'],
    [279_517, PERSONS, 'fr', '279 517 personnes'],
    [3.25, PERSONS, 'en', '3.3 persons'],
  ])('%s %s in %s → %s', (value, unit, lang, expected) => {
    expect(norm(formatKpiValue(value, unit, lang))).toBe(expected);
  });
});

describe('formatKpiChange: percentage points for rates, signed', () => {
  it.each<[number, Unit, Lang, string]>([
    [20.9, PERCENT, 'fr', '+20,9 pts'],
    [-3.6, PERCENT, 'en', '-3.6 pts'],
    [300_000, PERSONS, 'fr', '+300 000 personnes'],
    [-2_800_000, PERSONS, 'en', '-2.8m persons'],
    [0, PERSONS, 'en', '0 persons'],
  ])('%s %s in %s → %s', (value, unit, lang, expected) => {
    expect(norm(formatKpiChange(value, unit, lang))).toBe(expected);
  });

  it('isolates the signed figure left-to-right in Arabic, leaving the words outside', () => {
    const pts = formatKpiChange(5.1, PERCENT, 'ar');
    expect(pts).toBe(`${LRI}+5,1${PDI} نقطة`);
    const big = formatKpiChange(3_000_000, PERSONS, 'ar');
    expect(big.startsWith(`${LRI}+3${PDI}`)).toBe(true);
    expect(big).toContain('مليون');
    expect(big.indexOf('مليون')).toBeGreaterThan(big.indexOf(PDI));
  });
});

describe('formatRelative', () => {
  it.each<[number, Lang, string]>([
    [31.13, 'fr', '+31,1 %'],
    [-8.2, 'en', '-8.2%'],
    [0, 'en', '0%'],
  ])('%s in %s → %s', (pct, lang, expected) => {
    expect(norm(formatRelative(pct, lang))).toBe(expected);
  });

  it('is one isolated run in Arabic', () => {
    const s = formatRelative(10.6, 'ar');
    expect(s.startsWith(LRI) && s.endsWith(PDI)).toBe(true);
    expect(s.replace(/[^\d,+%]/g, '')).toBe('+10,6%');
  });
});
