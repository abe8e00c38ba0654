/**
 * `buildChartModel`: from the catalogue, the observations and the view selection to the `ChartModel`
 * that the explorer draws and the exports serialise. Pure (OWID Grapher's "state apart from drawing").
 */
import type { DataStatus, Indicator, Lang, Measure, Observation, Territory } from '../contract/contract.ts';
import type { ChartModel, ChartSeries, MissingItem } from './chart-types.ts';
import { seriesColor } from './palette.ts';
import { DIRECTIONS, defineMessages, definePlurals, plural, translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { periodsInRange } from '../contract/period.ts';
import { buildSeries, distinctPeriods } from './series.ts';
import { measuredUnitLabel } from './value-format.ts';

const messages = defineMessages({
  denominatorPopulation: {
    fr: 'Dénominateur : population RGPH {years}',
    ar: 'المقام: سكان الإحصاء العام {years}',
    en: 'Denominator: population, RGPH census {years}',
  },
  denominatorHouseholds: {
    fr: 'Dénominateur : ménages RGPH {years}',
    ar: 'المقام: أسر الإحصاء العام {years}',
    en: 'Denominator: households, RGPH census {years}',
  },
  and: { fr: ' et ', ar: ' و', en: ' and ' },
  range: { fr: '{from}–{to}', ar: '{from}–{to}', en: '{from}–{to}' },
  measureAbsolute: { fr: 'valeurs absolues', ar: 'قيم مطلقة', en: 'absolute values' },
  measurePer1000: { fr: 'pour 1 000 habitants', ar: 'لكل 1000 نسمة', en: 'per 1,000 inhabitants' },
  measurePerHousehold: { fr: 'par ménage', ar: 'لكل أسرة', en: 'per household' },
  measureShare: { fr: 'part de la population', ar: 'نسبة من السكان', en: 'share of population' },
  noPeriod: { fr: 'aucune période', ar: 'لا توجد فترة', en: 'no period' },
});

/** Counts in the subtitle, with their plural forms (Arabic: 3–10 plural, 11–99 singular accusative, 100+ singular). */
export const chartModelPlurals = definePlurals({
  territoriesCount: {
    fr: { one: '{n} territoire', other: '{n} territoires' },
    ar: {
      zero: '{n} مجال ترابي',
      one: 'مجال ترابي واحد',
      two: 'مجالان ترابيان',
      few: '{n} مجالات ترابية',
      many: '{n} مجالا ترابيا',
      other: '{n} مجال ترابي',
    },
    en: { one: '{n} territory', other: '{n} territories' },
  },
});

const MEASURE_KEY: Record<Measure, 'measureAbsolute' | 'measurePer1000' | 'measurePerHousehold' | 'measureShare'> = {
  absolute: 'measureAbsolute',
  per1000: 'measurePer1000',
  perHousehold: 'measurePerHousehold',
  shareOfPopulation: 'measureShare',
};

// The user's imported figures rank below the published statuses but above demonstration values.
const STATUS_RANK: Record<DataStatus, number> = { official: 0, estimate: 1, imported: 2, illustrative: 3 };

/** The worst (least trustworthy) of some statuses. */
export function worstStatus(statuses: Iterable<DataStatus>, fallback: DataStatus): DataStatus {
  let worst = fallback;
  for (const s of statuses) if (STATUS_RANK[s] > STATUS_RANK[worst]) worst = s;
  return worst;
}

/** Join a list in words: "2014", "2014 et 2024", "A, B et C". */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(lang === 'ar' ? '، ' : ', ')}${translate(messages, lang, 'and')}${items.at(-1)}`;
}

/** "Dénominateur : population RGPH 2024" for a dividing measure, `null` for absolute values. */
export function denominatorNote(measure: Measure, censusYears: readonly string[], lang: Lang): string | null {
  if (measure === 'absolute' || censusYears.length === 0) return null;
  const key = measure === 'perHousehold' ? 'denominatorHouseholds' : 'denominatorPopulation';
  return translate(messages, lang, key, { years: joinWords(censusYears, lang) });
}

/** "2014–2024", or the single period. */
export function periodRangeText(periods: readonly string[], lang: Lang): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (first === undefined || last === undefined) return translate(messages, lang, 'noPeriod');
  if (first === last) return formatPeriod(first, lang);
  return translate(messages, lang, 'range', { from: formatPeriod(first, lang), to: formatPeriod(last, lang) });
}

/** Inputs of `buildChartModel`. */
export interface ChartModelInput {
  kind: ChartModel['kind'];
  indicator: Indicator;
  observations: readonly Observation[];
  territoryIndex: ReadonlyMap<string, Territory>;
  territories: readonly string[];
  measure: Measure;
  from: string | null;
  to: string | null;
  /** For `bar`: the one period shown; latest with data when `null`. */
  period?: string | null;
  lang: Lang;
  /** Absolute link back to the view. */
  link: string;
}

/** The territories' names in words for a subtitle, shortened to a count beyond four. */
export function territoriesText(names: readonly string[], lang: Lang): string {
  if (names.length > 4) return plural(chartModelPlurals.territoriesCount, lang, names.length);
  return joinWords(names, lang);
}

/** Build the chart model of the current selection. */
export function buildChartModel(input: ChartModelInput): ChartModel {
  const { indicator, lang } = input;
  const selected = new Set(input.territories);
  const relevant = input.observations.filter((o) => o.indicator === indicator.id && selected.has(o.territory));
  let periods = periodsInRange(distinctPeriods(relevant), input.from, input.to);
  if (input.kind === 'bar') {
    const wanted = input.period && periods.includes(input.period) ? input.period : latestWithData(relevant, periods);
    periods = wanted ? [wanted] : [];
  }
  const raw = buildSeries({
    // The whole array, not `relevant`: buildSeries indexes it once per array identity (issue 7, B2), and
    // only the selected territories of this indicator are looked up, so the result is the same.
    observations: input.observations,
    indicator: indicator.id,
    territories: input.territories,
    periods,
    measure: input.measure,
    territoryIndex: input.territoryIndex,
    fallbackStatus: indicator.status,
    lang,
  });
  const series: ChartSeries[] = raw.map((r, i) => ({
    key: r.territory,
    label: input.territoryIndex.get(r.territory)?.name[lang] ?? r.territory,
    color: seriesColor(i),
    points: r.points,
  }));
  const censusYears = [...new Set(raw.flatMap((r) => r.censusYears))].sort();
  const note = denominatorNote(input.measure, censusYears, lang);
  const unitLabel = measuredUnitLabel(indicator.unit, input.measure, lang);
  const subtitleParts = [
    territoriesText(
      series.map((s) => s.label),
      lang,
    ),
    periodRangeText(periods, lang),
    translate(messages, lang, MEASURE_KEY[input.measure]),
  ];
  if (note) subtitleParts.push(note);
  const displayedStatuses = series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.status));
  const model: ChartModel = {
    kind: input.kind,
    lang,
    dir: DIRECTIONS[lang],
    indicatorId: indicator.id,
    title: indicator.name[lang],
    subtitle: subtitleParts.join(' · '),
    unitLabel,
    measure: input.measure,
    denominatorNote: note,
    periods,
    series,
    source: indicator.source,
    status: worstStatus(displayedStatuses, indicator.status),
    method: indicator.method[lang],
    link: input.link,
  };
  if (indicator.category === 'synthetic') model.synthetic = true;
  return model;
}

/** Latest period (among `periods`) where at least one observation has a value. */
export function latestWithData(observations: readonly Observation[], periods: readonly string[]): string | null {
  const withData = new Set(observations.filter((o) => o.value !== null).map((o) => o.period));
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i];
    if (p !== undefined && withData.has(p)) return p;
  }
  return periods.at(-1) ?? null;
}

/** Missing values of a model with their reason, for the list under the chart. */
export function missingItems(model: Pick<ChartModel, 'series'>): MissingItem[] {
  const items: MissingItem[] = [];
  for (const s of model.series)
    for (const p of s.points)
      if (p.value === null)
        items.push({ name: s.label, period: p.period, reason: p.reason ?? 'not-published', note: p.note ?? null });
  return items;
}
