/**
 * Issue 6: the i18n core — locales and directions, message filling, and the Intl formatters per language.
 * Decisions under test (docs/architecture.md, "Languages and direction"): Arabic uses Latin digits with the
 * ar-MA separators (decimal comma), French percentages take a narrow no-break space, English none.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  formatCompact,
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatSigned,
  formatSignedPercent,
  frenchPercentSpace,
} from '../../src/i18n/format.ts';
import { DIRECTIONS, LOCALES, defineMessages, format, isLang, pick, translate } from '../../src/i18n/i18n.ts';

const NNBSP = '\u202f';
const LRM = '\u200e';
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/;

describe('locales and directions', () => {
  it.each([
    ['fr', 'ltr'],
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ] as const)('%s is %s', (lang, dir) => {
    expect(DIRECTIONS[lang]).toBe(dir);
  });
  it('Arabic asks Intl for Latin digits', () => {
    expect(new Intl.NumberFormat(LOCALES.ar).resolvedOptions().numberingSystem).toBe('latn');
    // Without the extension, ar-MA would still be latn in CLDR, but plain "ar" is not: the extension pins it.
    expect(LOCALES.ar).toContain('-u-nu-latn');
  });
  it.each([
    ['fr', true],
    ['ar', true],
    ['en', true],
    ['de', false],
    ['', false],
    [null, false],
    [1, false],
  ])('isLang(%j) is %s', (value, expected) => {
    expect(isLang(value)).toBe(expected);
  });
});

describe('messages', () => {
  const m = defineMessages({
    hello: { fr: 'Bonjour {name}', ar: 'مرحبا {name}', en: 'Hello {name}' },
    count: { fr: '{n} sur {max}', ar: '{n} من {max}', en: '{n} of {max}' },
  });
  it.each([
    ['fr', 'hello', { name: 'Rabat' }, 'Bonjour Rabat'],
    ['ar', 'hello', { name: 'الرباط' }, 'مرحبا الرباط'],
    ['en', 'count', { n: 3, max: 12 }, '3 of 12'],
    ['fr', 'count', { n: 3 }, '3 sur {max}'], // a missing variable stays visible, never dropped
  ] as const)('%s %s', (lang, key, vars, expected) => {
    expect(translate(m, lang, key, vars)).toBe(expected);
  });
  it('format without variables returns the template', () => {
    expect(format('{x} y')).toBe('{x} y');
  });
  it('pick returns the text of a language', () => {
    expect(pick({ fr: 'Maroc', ar: 'المغرب', en: 'Morocco' }, 'ar')).toBe('المغرب');
  });
});

describe('numbers', () => {
  it.each([
    ['fr', 21.3, `21,3${NNBSP}%`],
    ['ar', 21.3, `21,3${LRM}%${LRM}`],
    ['en', 21.3, '21.3%'],
    ['fr', 0, `0${NNBSP}%`],
    ['en', 100, '100%'],
  ] as const)('formatPercent %s %d', (lang, value, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });

  it.each([
    ['fr', 36_828_330, `36${NNBSP}828${NNBSP}330`],
    ['ar', 36_828_330, '36.828.330'],
    ['en', 36_828_330, '36,828,330'],
    ['fr', 2.75, '2,8'],
    ['en', 2.75, '2.8'],
  ] as const)('formatNumber %s %d', (lang, value, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });

  it.each([
    ['fr', 36_828_330, /^36,8\s?M$/],
    ['ar', 36_828_330, /^36,8\s?مليون$/],
    ['en', 36_828_330, /^36\.8m$/i],
  ] as const)('formatCompact %s %d', (lang, value, expected) => {
    expect(formatCompact(value, lang)).toMatch(expected);
  });

  it.each([
    ['fr', 1.2, '+1,2'],
    ['en', -0.4, '-0.4'],
    ['fr', 0, '0'],
  ] as const)('formatSigned %s %d', (lang, value, expected) => {
    expect(formatSigned(value, lang)).toBe(expected);
  });

  it.each([
    ['fr', 58.8, `+58,8${NNBSP}%`],
    ['en', -41.3, '-41.3%'],
    ['ar', 58.8, `${LRM}+58,8${LRM}%${LRM}`],
    ['en', 0, '0%'],
  ] as const)('formatSignedPercent %s %d', (lang, value, expected) => {
    expect(formatSignedPercent(value, lang)).toBe(expected);
  });

  it('French percentages never keep the wide no-break space', () => {
    expect(frenchPercentSpace('12,5\u00a0% et 3\u00a0%')).toBe(`12,5${NNBSP}% et 3${NNBSP}%`);
    expect(frenchPercentSpace('12.5%')).toBe('12.5%');
  });

  it('no Arabic-Indic digit in any Arabic output', () => {
    const outputs = [
      formatPercent(62.84, 'ar'),
      formatNumber(1_234_567.8, 'ar'),
      formatCompact(11_400_000, 'ar'),
      formatSigned(-3.2, 'ar'),
      formatPeriod('2024-Q3', 'ar'),
      formatPeriod('2025-07', 'ar'),
      formatDate('2024-12-17', 'ar'),
    ];
    for (const o of outputs) {
      expect(o).toMatch(/\d/);
      expect(o).not.toMatch(ARABIC_INDIC);
    }
  });
});

describe('periods and dates', () => {
  it.each([
    ['fr', '2024', '2024'],
    ['fr', '2024-Q3', 'T3 2024'],
    ['ar', '2024-Q3', 'ر3 2024'],
    ['en', '2024-Q3', 'Q3 2024'],
    ['fr', '2025-07', 'juil. 2025'],
    ['en', '2025-07', 'Jul 2025'],
    ['ar', '2025-07', 'يوليوز 2025'],
  ] as const)('formatPeriod %s %s', (lang, period, expected) => {
    expect(formatPeriod(period, lang)).toBe(expected);
  });

  it.each([
    ['fr', '2024-12-17', '17 déc. 2024'],
    ['en', '2024-12-17', '17 Dec 2024'],
    ['fr', 'not a date', 'not a date'],
  ] as const)('formatDate %s %s', (lang, iso, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });
});

describe('warmDateFormats (issue 16: the first date formatter built in a task of its own)', () => {
  it('builds the date and month formatters once; formatting afterwards builds none', async () => {
    // A fresh copy of the module: the tests above have filled its caches.
    vi.resetModules();
    const fresh = await import('../../src/i18n/format.ts');
    // Count the formatters built: a subclass standing in for Intl.DateTimeFormat while the test runs.
    const Real = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        built += 1;
      }
    } as typeof Intl.DateTimeFormat;
    try {
      expect(fresh.warmDateFormats('en')).toBe(true);
      expect(built).toBe(2);
      expect(fresh.warmDateFormats('en')).toBe(false);
      expect(fresh.formatDate('2024-12-17', 'en')).toBe('17 Dec 2024');
      expect(fresh.formatPeriod('2025-07', 'en')).toBe('Jul 2025');
      expect(built).toBe(2);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
