/**
 * What every export says about where its figures come from (issue 14): the qualified value ("≈ 10 M", "> 11 M")
 * with its footnote mark, the footnotes (mark, qualifier, note, confidence), the sources as citations (publisher,
 * title, date, via) with the points each covers, the "+ 4 autres sources dans le CSV" line when a picture has no
 * room for them all, and the synthetic-data stamp. One wording for the picture, the sheet, the deck and
 * presentation mode. Notes arrive localized in the model; nothing here adds a word in another language. Pure.
 */
import type { Lang, Source } from '../contract/contract.ts';
import { formatCompact, formatNumber, formatPeriod } from '../i18n/format.ts';
import { definePlurals, defineMessages, plural, translate } from '../i18n/i18n.ts';
import { confidenceLabel, formatCitation, qualifiedValue, qualifierLabel } from '../i18n/provenance.ts';
import type { ChartModel, ChartPoint } from '../transforms/chart-types.ts';
import { footnotes, sourceGroups, type Footnote, type NamedPoint, type SourceGroup } from '../transforms/provenance.ts';

const messages = defineMessages({
  source: { fr: 'Source : {citation}', ar: 'المصدر: {citation}', en: 'Source: {citation}' },
  covers: { fr: '{citation} — {points}', ar: '{citation} — {points}', en: '{citation} — {points}' },
  notesHead: {
    fr: 'Valeurs qualifiées et notes :',
    ar: 'القيم الموصوفة والملاحظات:',
    en: 'Qualified values and notes:',
  },
  pointsMore: { fr: '{list} (+ {n})', ar: '{list} (+ {n})', en: '{list} (+ {n})' },
  confidence: { fr: 'confiance : {label}', ar: 'درجة التأكد: {label}', en: 'confidence: {label}' },
  stamp: {
    fr: 'Données synthétiques — test de charge, pas des chiffres réels',
    ar: 'بيانات اصطناعية — اختبار تحميل، وليست أرقاما حقيقية',
    en: 'Synthetic data — load test, not real figures',
  },
  stampShort: { fr: 'DONNÉES SYNTHÉTIQUES', ar: 'بيانات اصطناعية', en: 'SYNTHETIC DATA' },
});

const plurals = definePlurals({
  territories: {
    fr: { one: '{n} territoire', other: '{n} territoires' },
    ar: { one: 'مجال ترابي واحد', two: 'مجالان ترابيان', few: '{n} مجالات ترابية', other: '{n} مجالا ترابيا' },
    en: { one: '{n} territory', other: '{n} territories' },
  },
  moreSourcesCsv: {
    fr: { one: '+ {n} autre source dans le CSV', other: '+ {n} autres sources dans le CSV' },
    ar: {
      one: '+ مصدر آخر في ملف CSV',
      two: '+ مصدران آخران في ملف CSV',
      few: '+ {n} مصادر أخرى في ملف CSV',
      other: '+ {n} مصدرا آخر في ملف CSV',
    },
    en: { one: '+ {n} more source in the CSV', other: '+ {n} more sources in the CSV' },
  },
  moreSourcesNotes: {
    fr: {
      one: '+ {n} autre source dans les notes du présentateur',
      other: '+ {n} autres sources dans les notes du présentateur',
    },
    ar: {
      one: '+ مصدر آخر في ملاحظات المتحدث',
      two: '+ مصدران آخران في ملاحظات المتحدث',
      few: '+ {n} مصادر أخرى في ملاحظات المتحدث',
      other: '+ {n} مصدرا آخر في ملاحظات المتحدث',
    },
    en: { one: '+ {n} more source in the speaker notes', other: '+ {n} more sources in the speaker notes' },
  },
  moreNotesCsv: {
    fr: { one: '+ {n} autre note dans le CSV', other: '+ {n} autres notes dans le CSV' },
    ar: {
      one: '+ ملاحظة أخرى في ملف CSV',
      two: '+ ملاحظتان أخريان في ملف CSV',
      few: '+ {n} ملاحظات أخرى في ملف CSV',
      other: '+ {n} ملاحظة أخرى في ملف CSV',
    },
    en: { one: '+ {n} more note in the CSV', other: '+ {n} more notes in the CSV' },
  },
  moreNotesNotes: {
    fr: {
      one: '+ {n} autre note dans les notes du présentateur',
      other: '+ {n} autres notes dans les notes du présentateur',
    },
    ar: {
      one: '+ ملاحظة أخرى في ملاحظات المتحدث',
      two: '+ ملاحظتان أخريان في ملاحظات المتحدث',
      few: '+ {n} ملاحظات أخرى في ملاحظات المتحدث',
      other: '+ {n} ملاحظة أخرى في ملاحظات المتحدث',
    },
    en: { one: '+ {n} more note in the speaker notes', other: '+ {n} more notes in the speaker notes' },
  },
});

/** Separators of a list in each language. */
const LIST_SEP: Record<Lang, string> = { fr: ', ', ar: '، ', en: ', ' };
const GROUP_SEP: Record<Lang, string> = { fr: ' ; ', ar: '؛ ', en: '; ' };
const COLON: Record<Lang, string> = { fr: ' : ', ar: ': ', en: ': ' };

/** "Données synthétiques — test de charge, pas des chiffres réels". */
export function syntheticStamp(lang: Lang): string {
  return translate(messages, lang, 'stamp');
}

/** "DONNÉES SYNTHÉTIQUES": the watermark across a picture. */
export function syntheticWatermark(lang: Lang): string {
  return translate(messages, lang, 'stampShort');
}

/** A value as the pictures print it: compact from 10 000 ("10 M"), else up to two decimals. */
export function exportValueText(value: number, lang: Lang): string {
  return Math.abs(value) >= 10_000 ? formatCompact(value, lang) : formatNumber(value, lang, 2);
}

/** A value with its qualifier sign ("≈ 10 M", "> 11 M") and its footnote mark ("≈ 10 M¹"). */
export function markedValue(valueText: string, point: ChartPoint | undefined, lang: Lang, mark?: string): string {
  return qualifiedValue(valueText, point?.qualifier, lang) + (mark ?? '');
}

/** "2022" / "déc. 2022", or how the source dates an undated point. */
export function pointPeriod(p: NamedPoint, lang: Lang): string {
  return p.periodLabel ?? formatPeriod(p.period, lang);
}

/**
 * The points a source or a note covers, by territory: "Maroc : déc. 2022, mars 2024 ; Rabat : 2024", the first
 * `max` points then "(+ n)". With one territory in the whole chart, `withSeries: false` gives the periods alone.
 */
export function pointsText(points: readonly NamedPoint[], lang: Lang, max = 8, withSeries = true): string {
  const bySeries = new Map<string, string[]>();
  for (const p of points) {
    const list = bySeries.get(p.series) ?? [];
    list.push(pointPeriod(p, lang));
    bySeries.set(p.series, list);
  }
  // Many territories: by period, counted ("2024 (75 territoires)"), rather than a list no one reads.
  if (withSeries && bySeries.size > 3 && points.length > max) {
    const byPeriod = new Map<string, number>();
    for (const p of points) byPeriod.set(pointPeriod(p, lang), (byPeriod.get(pointPeriod(p, lang)) ?? 0) + 1);
    return [...byPeriod.entries()]
      .map(([period, n]) => `${period} (${plural(plurals.territories, lang, n)})`)
      .join(GROUP_SEP[lang]);
  }
  let left = max;
  const parts: string[] = [];
  for (const [series, periods] of bySeries) {
    if (left <= 0) break;
    const text = periods.slice(0, left).join(LIST_SEP[lang]);
    left -= periods.length;
    parts.push(withSeries ? `${series}${COLON[lang]}${text}` : text);
  }
  const list = parts.join(GROUP_SEP[lang]);
  return points.length > max ? translate(messages, lang, 'pointsMore', { list, n: points.length - max }) : list;
}

/** Publisher and title isolated (FSI … PDI) in Arabic, so a French name's parentheses do not scramble. */
function isolated(source: Source, lang: Lang, isolate: boolean): Source {
  if (!isolate || lang !== 'ar') return source;
  return { ...source, publisher: `\u2068${source.publisher}\u2069`, title: `\u2068${source.title}\u2069` };
}

/** Options of the source texts. */
export interface CitationTextOptions {
  /** End each citation with its link (default false: pictures print the view's link and QR code instead). */
  url?: boolean;
  /** Isolate mixed-direction parts in Arabic (pictures; default false). */
  isolate?: boolean;
  /** Most points listed per source. */
  maxPoints?: number;
}

/** Whether the model's shown points come from more than one source (then each source lists its points). */
function seriesCount(model: Pick<ChartModel, 'series'>): number {
  return model.series.filter((s) => s.points.some((p) => p.value !== null)).length;
}

/** A source as a citation followed, when the chart has several sources, by the points it covers. */
export function groupText(
  group: SourceGroup,
  model: Pick<ChartModel, 'series' | 'lang'>,
  several: boolean,
  options: CitationTextOptions = {},
): string {
  const lang = model.lang;
  const citation = formatCitation(isolated(group.source, lang, options.isolate ?? false), lang, {
    url: options.url ?? false,
  });
  if (!several || group.points.length === 0) return citation;
  return translate(messages, lang, 'covers', {
    citation,
    points: pointsText(group.points, lang, options.maxPoints ?? 8, seriesCount(model) > 1),
  });
}

/** The source lines of a picture or a slide, and how many sources were left out for lack of room. */
export interface SourceLines {
  lines: string[];
  /** The sources that did not fit (named in the CSV and the notes). */
  more: number;
  /** "+ 4 autres sources dans le CSV", when `more > 0`. */
  moreText: string | null;
}

/**
 * The sources of a model as lines, publisher first: one line "Source : HCP, « RGPH 2024 », 17 déc. 2024, via …"
 * for a single source; with several, one line per source with the points it covers, the first `max` of them, then
 * "+ n autres sources dans le CSV" (or "dans les notes" for a slide).
 */
export function sourceLines(
  model: Pick<ChartModel, 'series' | 'source' | 'lang'>,
  max: number,
  where: 'csv' | 'notes',
  options: CitationTextOptions = {},
): SourceLines {
  const lang = model.lang;
  const groups = sourceGroups(model);
  const several = groups.length > 1;
  // With no room for them all, keep a line for "+ n autres sources".
  const room = groups.length > max ? Math.max(1, max - 1) : groups.length;
  const lines = groups
    .slice(0, room)
    .map((g) => translate(messages, lang, 'source', { citation: groupText(g, model, several, options) }));
  const more = groups.length - room;
  return { lines, more, moreText: more > 0 ? moreSourcesText(more, lang, where) : null };
}

/** "+ 4 autres sources dans le CSV" (or "dans les notes"). */
export function moreSourcesText(n: number, lang: Lang, where: 'csv' | 'notes'): string {
  return plural(plurals[where === 'csv' ? 'moreSourcesCsv' : 'moreSourcesNotes'], lang, n);
}

/** "Valeurs qualifiées et notes :", the heading of the footnotes in a deck's notes. */
export function notesHeading(lang: Lang): string {
  return translate(messages, lang, 'notesHead');
}

/** "+ 3 autres notes dans le CSV" (or "dans les notes" for a slide). */
export function moreNotesText(n: number, lang: Lang, where: 'csv' | 'notes' = 'csv'): string {
  return plural(plurals[where === 'csv' ? 'moreNotesCsv' : 'moreNotesNotes'], lang, n);
}

/** What a footnote says after its points: "valeur approchée (« environ ») : note (confiance : …)". */
function footnoteWhat(fn: Footnote, lang: Lang): string {
  const head = fn.qualifier ? qualifierLabel(fn.qualifier, lang) : '';
  const body = fn.note ? (head ? `${head}${COLON[lang]}${fn.note}` : fn.note) : head;
  return fn.confidence
    ? `${body} (${translate(messages, lang, 'confidence', { label: confidenceLabel(fn.confidence, lang) })})`
    : body;
}

/**
 * One footnote as text: "¹ ≈ 10 M (Maroc, déc. 2022) — valeur approchée (« environ ») : note" for one point;
 * "¹ Maroc : 2014, 2024 — note" for several.
 */
export function footnoteText(fn: Footnote, lang: Lang, withSeries = true, maxPoints = 6): string {
  const what = footnoteWhat(fn, lang);
  const only = fn.points.length === 1 ? fn.points[0] : undefined;
  if (only && only.point.value !== null) {
    const value = qualifiedValue(exportValueText(only.point.value, lang), only.point.qualifier, lang);
    const where = withSeries ? `${only.series}${LIST_SEP[lang]}${pointPeriod(only, lang)}` : pointPeriod(only, lang);
    return `${fn.mark} ${value} (${where}) — ${what}`;
  }
  return `${fn.mark} ${pointsText(fn.points, lang, maxPoints, withSeries)} — ${what}`;
}

/** Footnotes of a model with their texts (the picture, the deck and presentation mode print these). */
export function footnoteTexts(model: Pick<ChartModel, 'series' | 'lang'>): {
  marks: Map<ChartPoint, string>;
  lines: string[];
  /** By line: whether the footnote carries a qualifier (≈, >, <…), printed first when not all fit. */
  qualified: boolean[];
} {
  const { notes, marks } = footnotes(model);
  const withSeries = seriesCount(model) > 1;
  return {
    marks,
    lines: notes.map((fn) => footnoteText(fn, model.lang, withSeries)),
    qualified: notes.map((fn) => fn.qualifier !== undefined),
  };
}

/**
 * The `n` items to print when not all fit: those `first` picks, then the others, kept in their order (marks stay in
 * sequence, gaps are the footnotes left to the CSV or the notes).
 */
export function pickFirst<T>(items: readonly T[], n: number, first: (item: T, index: number) => boolean): T[] {
  if (items.length <= n) return [...items];
  const order = [...items.keys()].sort((a, b) => Number(first(items[b] as T, b)) - Number(first(items[a] as T, a)));
  const chosen = new Set(order.slice(0, Math.max(0, n)));
  return items.filter((_, i) => chosen.has(i));
}
