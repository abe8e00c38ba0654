/**
 * Plural forms (issue 14): every message of the screen that holds a count goes through `plural()` (Intl.PluralRules),
 * with the six Arabic categories where Arabic grammar tells them apart — zero, one, two, few (3–10), many (11–99),
 * other (100 and more). For each plural message, the forms for 0, 1, 2, 3, 11 and 100 are proved in the three
 * languages; and no message of the screen writes "(s)" any more.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/contract/contract.ts';
import { plural, type PluralMessage } from '../../src/i18n/i18n.ts';
import { uiPlurals } from '../../src/ui/messages.ts';
import { filterPlurals } from '../../src/ui/territory-filter/messages.ts';
import { canvasLinePlurals } from '../../src/charts/canvas-line-messages.ts';
import { summaryPlurals } from '../../src/transforms/summary.ts';
import { chartModelPlurals } from '../../src/transforms/chart-model.ts';
import { overviewPlurals } from '../../src/features/overview/messages.ts';
import { comparePlurals } from '../../src/features/compare/messages.ts';
import { projectsPlurals } from '../../src/features/projects/messages.ts';

const TABLES: Record<string, Record<string, PluralMessage>> = {
  uiPlurals,
  filterPlurals,
  canvasLinePlurals,
  summaryPlurals,
  chartModelPlurals,
  overviewPlurals,
  comparePlurals,
  projectsPlurals,
};
const ALL = Object.entries(TABLES).flatMap(([table, messages]) =>
  Object.entries(messages).map(([key, message]) => [`${table}.${key}`, message] as const),
);
const COUNTS = [0, 1, 2, 3, 11, 100] as const;
/** The CLDR category each count takes, per language. */
const CATEGORY: Record<Lang, Record<(typeof COUNTS)[number], Intl.LDMLPluralRule>> = {
  fr: { 0: 'one', 1: 'one', 2: 'other', 3: 'other', 11: 'other', 100: 'other' },
  ar: { 0: 'zero', 1: 'one', 2: 'two', 3: 'few', 11: 'many', 100: 'other' },
  en: { 0: 'other', 1: 'one', 2: 'other', 3: 'other', 11: 'other', 100: 'other' },
};
const VARS = {
  total: 'TOTAL',
  first: 'A',
  firstPeriod: 'P1',
  last: 'B',
  lastPeriod: 'P2',
};

describe('the plural rules behind plural()', () => {
  it.each(['fr', 'ar', 'en'] as const)('%s categories for 0, 1, 2, 3, 11, 100', (lang) => {
    const rules = new Intl.PluralRules(lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'fr' ? 'fr-FR' : 'en-GB');
    for (const n of COUNTS) expect(rules.select(n)).toBe(CATEGORY[lang][n]);
  });
});

describe.each(ALL)('%s', (_name, message) => {
  it('gives one and other in French and English, all six categories in Arabic', () => {
    expect(message.fr.one).toBeDefined();
    expect(message.en.one).toBeDefined();
    for (const c of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) expect(message.ar[c]).toBeDefined();
    // The Arabic forms differ where the grammar does: the dual and the 3–10 plural are their own words.
    const ar = message.ar;
    expect(new Set([ar.one, ar.two, ar.few, ar.many]).size).toBe(4);
  });

  it.each(['fr', 'ar', 'en'] as const)('%s: the form for 0, 1, 2, 3, 11 and 100', (lang) => {
    for (const n of COUNTS) {
      const form = message[lang][CATEGORY[lang][n]] ?? message[lang].other;
      const text = plural(message, lang, n, VARS);
      expect(text).toBe(
        form
          .replace('{n}', String(n))
          .replace(/\{(\w+)\}/g, (w, k: string) => String(VARS[k as keyof typeof VARS] ?? w)),
      );
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toMatch(/\(s\)|\(x\)|\(e\)/);
      // A form that writes the count writes this count.
      if (form.includes('{n}')) expect(text).toContain(String(n));
    }
  });
});

describe('the forms read right (spot checks)', () => {
  const gaps = summaryPlurals.gaps;
  it.each([
    ['fr', 0, '0 valeur manquante, affichée comme une interruption.'],
    ['fr', 1, '1 valeur manquante, affichée comme une interruption.'],
    ['fr', 2, '2 valeurs manquantes, affichées comme des interruptions.'],
    ['fr', 100, '100 valeurs manquantes, affichées comme des interruptions.'],
    ['en', 0, '0 missing values, shown as gaps.'],
    ['en', 1, '1 missing value, shown as a gap.'],
    ['en', 3, '3 missing values, shown as gaps.'],
    ['ar', 0, 'لا قيمة مفقودة.'],
    ['ar', 1, 'قيمة واحدة مفقودة، معروضة كانقطاع.'],
    ['ar', 2, 'قيمتان مفقودتان، معروضتان كانقطاعين.'],
    ['ar', 3, '3 قيم مفقودة، معروضة كانقطاعات.'],
    ['ar', 11, '11 قيمة مفقودة، معروضة كانقطاعات.'],
    ['ar', 100, '100 قيمة مفقودة، معروضة كانقطاعات.'],
  ] as [Lang, number, string][])('gaps %s %d', (lang, n, expected) => {
    expect(plural(gaps, lang, n)).toBe(expected);
  });

  it.each([
    ['fr', 1, '1 projet affiché sur 5'],
    ['fr', 3, '3 projets affichés sur 5'],
    ['en', 1, '1 project shown out of 5'],
    ['ar', 2, 'مشروعان معروضان من أصل 5'],
    ['ar', 3, '3 مشاريع معروضة من أصل 5'],
    ['ar', 11, '11 مشروعا معروضا من أصل 5'],
  ] as [Lang, number, string][])('projects %s %d', (lang, n, expected) => {
    expect(plural(projectsPlurals.count, lang, n, { total: 5 })).toBe(expected);
  });
});

describe('no "(s)" left in the screen’s messages', () => {
  const roots = [
    'src/ui',
    'src/charts',
    'src/features/explorer',
    'src/features/overview',
    'src/features/compare',
    'src/features/projects',
    'src/transforms',
    'src/i18n',
  ];
  const files = roots.flatMap(function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  });
  it('finds the files', () => expect(files.length).toBeGreaterThan(20));
  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    // Inside a quoted string: "valeur(s)", "affichée(s)", "project(s)".
    expect(text.match(/'[^'\n]*[a-zé]\((?:s|e|es|x)\)[^'\n]*'/g) ?? []).toEqual([]);
    expect(text).not.toContain('قيمة (قيم)');
  });
});
