/**
 * The choropleth's model: which class (and colour) each territory of a level gets for one period, the legend's
 * ranges in the indicator's unit, the hatched "no data" class with its reasons, and the territories that have
 * data but no boundary (or a boundary but no data), listed under the map and never dropped. Pure: no React, no
 * d3; the geometry lives in src/charts/map-geometry.ts, which reuses `MapLevel` from here.
 *
 * Values go through `buildSeries` — `applyMeasure` per territory — exactly as the chart's, so "per 1,000" reads
 * the same on the map and in the ranking. Colours: `MAP_RAMP_LIGHT` / `MAP_RAMP_DARK`, each class ≥ 3:1 against
 * the borders drawn between shapes in its theme (tests/unit/map-model.test.ts).
 */
import type {
  Confidence,
  DataStatus,
  Indicator,
  Lang,
  Measure,
  Observation,
  Qualifier,
  Source,
  Territory,
} from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { sortPeriods } from '../contract/period.ts';
import type { MissingReason } from './chart-types.ts';
import { denominatorNote, worstStatus } from './chart-model.ts';
import { buildSeries } from './series.ts';
import { formatMeasured, measuredUnitLabel } from './value-format.ts';

/** The two levels a map can show. */
export type MapLevel = 'region' | 'province';

/** One colour class of the legend. */
export interface MapClass {
  index: number;
  /** Smallest value in the class. */
  from: number;
  /** Largest value in the class (values up to and including it belong here). */
  to: number;
  /** Fill in the light theme and in exports. */
  color: string;
  /** Fill in the dark theme. */
  colorDark: string;
  /** The range in the unit, e.g. "12,0 % – 15,3 %" (a single value when from = to). */
  label: string;
}

/** One territory's value on the map. */
export interface MapDatum {
  code: string;
  /** Name in the model's language. */
  name: string;
  /** The value with the measure applied; `null` with a `reason` when missing. */
  value: number | null;
  reason?: MissingReason;
  /** The value as it reads ("12,3 %"), or "n.d." */
  valueText: string;
  status: DataStatus;
  period: string | null;
  /** The point's caveat in the model's language. */
  note?: string | null;
  /** "≈", "> …" (see `ChartPoint`); `valueText` stays the bare figure: `qualifiedValue` adds the mark. */
  qualifier?: Qualifier;
  confidence?: Confidence;
  /** How the source dates an undated point, in the model's language. */
  periodLabel?: string;
  /** The point's own source when it differs from the indicator's. */
  source?: Source;
  /** Index in `classes`; `null` for no data (hatched) and for a territory without a boundary (not drawn). */
  classIndex: number | null;
}

/** A territory listed under the map: in the data without a boundary, or with a boundary and no value. */
export interface MapListed {
  code: string;
  name: string;
  /** Why, in the model's language. */
  reason: string;
}

/** Everything the map component and the map exports draw, except the geometry. */
export interface MapModel {
  level: MapLevel;
  lang: Lang;
  indicatorId: string;
  /** The period shown (latest with data when none was asked); `null` when the indicator has none. */
  period: string | null;
  /** Sequential classes, low to high: 5, or fewer when there are fewer distinct values; empty with no value. */
  classes: MapClass[];
  /** The hatched class, with how many territories of the level fall in it. */
  noData: { label: string; count: number };
  /** By territory code: every territory of the level. */
  data: Map<string, MapDatum>;
  /** Territories in the data (or the level's list) that the boundary file does not have. */
  withoutBoundary: MapListed[];
  /** Boundaries without a value (not published, no population, outside the period…) or without a territory. */
  withoutData: MapListed[];
  title: string;
  subtitle: string;
  unitLabel: string;
  status: DataStatus;
  source: Source;
  /** The boundaries' ODbL attribution in the model's language (shown wherever the map is). */
  attribution: string;
}

/** Number of classes the map aims for. */
export const MAP_CLASS_COUNT = 5;

/**
 * Light theme (and exports): the blue half of ColorBrewer YlGnBu, started darker (#3e9ba9 for #41b6c4) so every
 * class is ≥ 3:1 against the white borders and background; ~11 L* apart, single-hue so colour-blind safe.
 */
export const MAP_RAMP_LIGHT = ['#3e9ba9', '#2a78b0', '#2a579e', '#253494', '#081d58'] as const;
/**
 * Dark theme: viridis from 0.45 to 1 (perceptually uniform, colour-blind safe), every class ≥ 3:1 against the
 * dark borders and background; higher values are brighter, as is usual on a dark ground.
 */
export const MAP_RAMP_DARK = ['#2a788e', '#22a884', '#7ad151', '#bddf26', '#fde725'] as const;

/**
 * Stroke of the borders between shapes and of the outline, per theme: the map's own background (the panel's
 * surface), so each shape reads as a separate tile. Region borders are the same colour, thicker.
 */
export const MAP_BORDER = { light: '#ffffff', dark: '#1a2029' } as const;

/**
 * The "no data" class: a light ground with diagonal hatching. The component and the exports both define an SVG
 * `<pattern id={NO_DATA_PATTERN.id…}>` with these colours, so a hatched territory is never mistaken for a class.
 */
export const NO_DATA_PATTERN = {
  id: 'map-no-data',
  /** Distance between two hatch lines, px. */
  spacing: 6,
  /** Width of a hatch line, px. */
  lineWidth: 1.5,
  light: { background: '#f2f2f2', line: '#6b6b6b' },
  dark: { background: '#2b323d', line: '#9aa4b1' },
} as const;

const messages = defineMessages({
  noData: { fr: 'Pas de données', ar: 'لا توجد بيانات', en: 'No data' },
  // The chart's wording for the same reasons (src/ui/messages.ts), here because exports cannot import src/ui.
  'not-published': { fr: 'non publiée par la source', ar: 'غير منشورة من المصدر', en: 'not published by the source' },
  'no-population': {
    fr: 'population du recensement indisponible',
    ar: 'سكان الإحصاء غير متوفرين',
    en: 'no census population',
  },
  'no-households': { fr: 'nombre de ménages indisponible', ar: 'عدد الأسر غير متوفر', en: 'no household count' },
  'out-of-range': { fr: 'hors de la période choisie', ar: 'خارج الفترة المختارة', en: 'outside the chosen range' },
  noBoundary: {
    fr: 'pas de limite dans le fichier des frontières',
    ar: 'لا توجد حدود في ملف الحدود',
    en: 'no boundary in the boundary file',
  },
  unknownTerritory: {
    fr: 'limite sans territoire connu',
    ar: 'حدود بدون مجال ترابي معروف',
    en: 'boundary without a known territory',
  },
  regions: { fr: 'Régions', ar: 'الجهات', en: 'Regions' },
  provinces: { fr: 'Provinces et préfectures', ar: 'الأقاليم والعمالات', en: 'Provinces and prefectures' },
  provincesOf: { fr: 'Provinces : {names}', ar: 'الأقاليم: {names}', en: 'Provinces: {names}' },
  noPeriod: { fr: 'aucune période', ar: 'لا توجد فترة', en: 'no period' },
  range: { fr: '{from} – {to}', ar: '{from} – {to}', en: '{from} – {to}' },
  attribution: {
    fr: "Limites administratives : © contributeurs d'OpenStreetMap (ODbL), via geoBoundaries",
    ar: 'الحدود الإدارية: © مساهمو OpenStreetMap (ODbL)، عبر geoBoundaries',
    en: 'Administrative boundaries: © OpenStreetMap contributors (ODbL), via geoBoundaries',
  },
});

/** Where the attribution's "OpenStreetMap contributors" links to (ODbL 4.3). */
export const BOUNDARY_ATTRIBUTION_URL = 'https://www.openstreetmap.org/copyright';

/** The boundaries' attribution line in a language. */
export function boundaryAttribution(lang: Lang): string {
  return translate(messages, lang, 'attribution');
}

/** Why a value is missing, in words ("non publié"). */
export function missingReasonText(reason: MissingReason, lang: Lang): string {
  return translate(messages, lang, reason);
}

/**
 * Quantile class bounds: the upper bound of each class, ascending and distinct, the last being the maximum.
 * Class `i` holds the values in `(bounds[i − 1], bounds[i]]` (class 0 from the minimum). Bounds are values of
 * the data (nearest rank, not interpolated), so every class holds at least one value and a legend range never
 * shows a number nobody has. Fewer classes than asked when there are fewer distinct values; `[]` with none.
 */
export function classBreaks(values: readonly number[], classes: number = MAP_CLASS_COUNT): number[] {
  // `+ 0` turns -0 into 0: they sort as equal, so a -0 could end the bounds where the maximum is 0.
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => v + 0)
    .sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0 || classes < 1) return [];
  const bounds: number[] = [];
  for (let k = 1; k <= classes; k++) {
    // Nearest rank: the smallest value with at least k/classes of the values at or below it.
    const bound = sorted[Math.max(0, Math.ceil((n * k) / classes) - 1)] as number;
    if (bounds.length === 0 || bound > (bounds.at(-1) as number)) bounds.push(bound);
  }
  return bounds;
}

/** Class of a value for bounds from `classBreaks`; `null` when it lies above the last bound (or none). */
export function classIndexOf(value: number, bounds: readonly number[]): number | null {
  for (let i = 0; i < bounds.length; i++) if (value <= (bounds[i] as number)) return i;
  return null;
}

/** The ramp's colours for `count` classes, spread over the 5 so few classes still differ clearly. */
export function rampColors(ramp: readonly string[], count: number): string[] {
  if (count <= 0) return [];
  const last = ramp.length - 1;
  if (count === 1) return [ramp[Math.floor(last / 2)] as string];
  return Array.from({ length: count }, (_, i) => ramp[Math.round((i * last) / (count - 1))] as string);
}

/** Inputs of `buildMapModel`. */
export interface MapModelInput {
  indicator: Indicator;
  /** Rows of the indicator (others are ignored). */
  observations: readonly Observation[];
  territoryIndex: ReadonlyMap<string, Territory>;
  /** The level's territory codes to show (all regions, all provinces, or one opened region's provinces). */
  territories: readonly string[];
  /** Codes of the shapes the geometry has at this level (`MapGeometry.shapes`). */
  boundaryCodes: ReadonlySet<string>;
  level: MapLevel;
  measure: Measure;
  /** Period to show; the latest with a value among `territories` when `null` or absent from the data. */
  period: string | null;
  lang: Lang;
}

/** Build the choropleth model of one level, period and measure. */
export function buildMapModel(input: MapModelInput): MapModel {
  const { indicator, lang, level } = input;
  const shown = new Set(input.territories);
  const withValue = new Set<string>();
  const periods = new Set<string>();
  for (const o of input.observations) {
    if (o.indicator !== indicator.id || !shown.has(o.territory)) continue;
    periods.add(o.period);
    if (o.value !== null) withValue.add(o.period);
  }
  const sorted = sortPeriods([...periods]);
  const period =
    input.period !== null && periods.has(input.period)
      ? input.period
      : ([...sorted].reverse().find((p) => withValue.has(p)) ?? sorted.at(-1) ?? null);

  const series = buildSeries({
    observations: input.observations,
    indicator: indicator.id,
    territories: input.territories,
    periods: period === null ? [] : [period],
    measure: input.measure,
    territoryIndex: input.territoryIndex,
    fallbackStatus: indicator.status,
    lang,
  });

  const nameOf = (code: string) => input.territoryIndex.get(code)?.name[lang] ?? code;
  const drawnValues: number[] = [];
  for (const s of series) {
    const v = s.points[0]?.value;
    if (v !== null && v !== undefined && input.boundaryCodes.has(s.territory)) drawnValues.push(v);
  }
  const bounds = classBreaks(drawnValues);
  const light = rampColors(MAP_RAMP_LIGHT, bounds.length);
  const dark = rampColors(MAP_RAMP_DARK, bounds.length);
  const format = (v: number) => formatMeasured(v, indicator.unit.code, input.measure, lang);
  const classes: MapClass[] = bounds.map((to, index) => {
    const from =
      index === 0
        ? Math.min(...drawnValues)
        : Math.min(...drawnValues.filter((v) => v > (bounds[index - 1] as number)));
    return {
      index,
      from,
      to,
      color: light[index] as string,
      colorDark: dark[index] as string,
      label: from === to ? format(to) : translate(messages, lang, 'range', { from: format(from), to: format(to) }),
    };
  });

  const data = new Map<string, MapDatum>();
  const withoutBoundary: MapListed[] = [];
  const withoutData: MapListed[] = [];
  const censusYears = new Set<string>();
  let noDataCount = 0;
  for (const s of series) {
    for (const y of s.censusYears) censusYears.add(y);
    const point = s.points[0];
    const value = point?.value ?? null;
    const reason: MissingReason | undefined = value === null ? (point?.reason ?? 'not-published') : undefined;
    const datum: MapDatum = {
      code: s.territory,
      name: nameOf(s.territory),
      value,
      valueText: formatMeasured(value, indicator.unit.code, input.measure, lang),
      status: point?.status ?? indicator.status,
      period,
      note: point?.note ?? null,
      // Classed only when drawn: a territory without a boundary keeps its value (listed, in the table) but no colour.
      classIndex: value === null || !input.boundaryCodes.has(s.territory) ? null : classIndexOf(value, bounds),
    };
    if (reason) datum.reason = reason;
    if (point?.qualifier) datum.qualifier = point.qualifier;
    if (point?.confidence) datum.confidence = point.confidence;
    if (point?.periodLabel) datum.periodLabel = point.periodLabel;
    if (point?.source) datum.source = point.source;
    data.set(s.territory, datum);
    if (!input.boundaryCodes.has(s.territory)) {
      withoutBoundary.push({ code: s.territory, name: datum.name, reason: translate(messages, lang, 'noBoundary') });
    } else if (reason) {
      noDataCount++;
      withoutData.push({ code: s.territory, name: datum.name, reason: translate(messages, lang, reason) });
    }
  }
  // A boundary whose code no territory of the catalogue has (a renamed code, a file out of step): listed too.
  for (const code of input.boundaryCodes) {
    if (!shown.has(code) && !input.territoryIndex.has(code)) {
      withoutData.push({ code, name: code, reason: translate(messages, lang, 'unknownTerritory') });
    }
  }

  const unitLabel = measuredUnitLabel(indicator.unit, input.measure, lang);
  const scope =
    level === 'region'
      ? translate(messages, lang, 'regions')
      : regionScope(input.territories, input.territoryIndex, lang);
  const note = denominatorNote(input.measure, [...censusYears].sort(), lang);
  const subtitle = [
    scope,
    period === null ? translate(messages, lang, 'noPeriod') : formatPeriod(period, lang),
    unitLabel,
  ]
    .concat(note ? [note] : [])
    .join(' · ');
  const displayed = [...data.values()].filter((d) => d.value !== null).map((d) => d.status);
  return {
    level,
    lang,
    indicatorId: indicator.id,
    period,
    classes,
    noData: { label: translate(messages, lang, 'noData'), count: noDataCount },
    data,
    withoutBoundary,
    withoutData,
    title: indicator.name[lang],
    subtitle,
    unitLabel,
    status: worstStatus(displayed, indicator.status),
    source: indicator.source,
    attribution: boundaryAttribution(lang),
  };
}

/** "Provinces et préfectures", or "Provinces : Casablanca-Settat" when the provinces are of one or two regions. */
function regionScope(territories: readonly string[], index: ReadonlyMap<string, Territory>, lang: Lang): string {
  const parents = [
    ...new Set(territories.map((c) => index.get(c)?.parent).filter((p) => p !== undefined && p !== null)),
  ];
  const regionCount = [...index.values()].filter((t) => t.level === 'region').length;
  if (parents.length === 0 || parents.length >= regionCount || parents.length > 2)
    return translate(messages, lang, 'provinces');
  return translate(messages, lang, 'provincesOf', {
    names: parents.map((p) => index.get(p)?.name[lang] ?? p).join(', '),
  });
}
