/**
 * Internationalisation core: French (default), Arabic (right to left) and English.
 *
 * Messages are co-located with the code that shows them: each feature defines its own
 * `defineMessages({...})` table with fr/ar/en for every key, so features never edit a shared
 * file and a missing translation is a type error.
 *
 * Digits: Arabic uses Latin digits (`ar-MA` with `numberingSystem: 'latn'`), as Moroccan
 * administrations and press do; see docs/architecture.md.
 */
import type { Lang, LocalizedText } from '../contract/contract.ts';

export type { Lang, LocalizedText };

export const DEFAULT_LANG: Lang = 'fr';

/**
 * BCP 47 locale used by `Intl` for each language. French numbers are grouped as HCP's French-language publications
 * group them, with a space ("36 828 330"): `fr-FR` writes a narrow no-break space (U+202F), which never breaks a
 * figure across lines — `fr-MA` grouped with a dot ("83.000") and disagreed with the quoted figures (issue 14).
 * Arabic keeps Latin digits with `ar-MA` separators; English is British.
 */
export const LOCALES: Record<Lang, string> = { fr: 'fr-FR', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

export const DIRECTIONS: Record<Lang, 'ltr' | 'rtl'> = { fr: 'ltr', ar: 'rtl', en: 'ltr' };

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'ar' || value === 'en';
}

/** A message table: every key in all three languages. `{name}` placeholders are filled by `format`. */
export type Messages<K extends string = string> = Record<K, LocalizedText>;

/** Identity helper that keeps the literal keys, so `t('missing')` is a type error. */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

/** Fill `{name}` placeholders. Unknown placeholders are left visible so they are noticed, never silently dropped. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = vars[key];
    return v === undefined ? whole : String(v);
  });
}

/** Translate one key of a table, in a language. Pure: usable from exports and tests. */
export function translate<K extends string>(
  messages: Messages<K>,
  lang: Lang,
  key: K,
  vars?: Record<string, string | number>,
): string {
  return format(messages[key][lang], vars);
}

/** One message's plural forms in a language: CLDR categories (`zero`, `one`, `two`, `few`, `many`); `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A message with plural forms in the three languages; `{n}` is the count (formatted by the caller or as is). */
export type PluralMessage = Record<Lang, PluralForms>;

/** A table of plural messages (see {@link plural}). */
export function definePlurals<K extends string>(messages: Record<K, PluralMessage>): Record<K, PluralMessage> {
  return messages;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const countFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * The form of a plural message for a count, chosen by `Intl.PluralRules` (French: one for 0 and 1; Arabic: six
 * categories — zero, one, two, few for 3–10, many for 11–99, other for 100 and more), then `{name}` filled; `{n}` is
 * the count written in the language's digits and grouping ("1 200" in French, "1,200" in English), unless `vars`
 * gives it. A category a message does not give falls back to `other`.
 */
export function plural(message: PluralMessage, lang: Lang, n: number, vars?: Record<string, string | number>): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  let counts = countFormats.get(lang);
  if (!counts) countFormats.set(lang, (counts = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 })));
  const forms = message[lang];
  const template = forms[rules.select(n)] ?? forms.other;
  return format(template, { n: counts.format(n), ...vars });
}

/** Pick the text of a data name (territory, indicator) in a language. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
