/**
 * The chart model: everything a chart or an export needs, derived in plain TypeScript from the
 * data and the view selection (OWID Grapher's "state apart from drawing").
 * Chart components only draw it; exporters (SVG, PNG, CSV, PPTX) serialise the same object,
 * so what is downloaded is exactly what is displayed.
 *
 * This module is the one definition of the model: a `zod/mini` schema (the pin store validates what it
 * reads back from localStorage with it) and the TypeScript types inferred from it. Modules that only
 * import the types (`import type`) add nothing to the bundle; the schema ships only with its users.
 * The bounds below (period length, number of periods, points and series, hex colours) are true of every
 * model the app builds; they keep stored data that was tampered with or corrupted from being trusted.
 */
import { z } from 'zod/mini';
import { Confidence, DataStatus, LANGS, Measure, Qualifier, Source } from '../contract/contract.ts';
import { MAX_TERRITORIES } from './selection.ts';

/** Most periods on an axis, and most points in one series. */
const MAX_PERIODS = 2_000;

/** Why a value is missing. Shown as a gap with this reason, never drawn as zero. */
export const MissingReasonSchema = z.enum([
  'not-published', // the source has no figure for this territory and period
  'no-population', // a per-capita measure without a census denominator
  'no-households', // a per-household measure without a household count
  'out-of-range', // filtered out by the time range
]);
/** Why a value is missing. Shown as a gap with this reason, never drawn as zero. */
export type MissingReason = z.infer<typeof MissingReasonSchema>;

/** One point: a number, or `null` with its reason. Never NaN. */
export const ChartPointSchema = z.object({
  period: z.string().check(z.maxLength(16)),
  value: z.nullable(z.number()),
  reason: z.optional(MissingReasonSchema),
  status: DataStatus,
  /** The point's caveat in the model's language. */
  note: z.optional(z.nullable(z.string())),
  /** "≈", "> …": how the number relates to the source's words (src/i18n/provenance.ts writes it). */
  qualifier: z.optional(Qualifier),
  /** How well the point is confirmed, when the observation says. */
  confidence: z.optional(Confidence),
  /** How the source dates the point when it gives no date of its own, in the model's language. */
  periodLabel: z.optional(z.string()),
  /** The point's own source, when it differs from the indicator's (`ChartModel.source`). */
  source: z.optional(Source),
});
/** One point: a number, or `null` with its reason. Never NaN. */
export type ChartPoint = z.infer<typeof ChartPointSchema>;

/** One line (or one bar per point): a territory's points. */
export const ChartSeriesSchema = z.object({
  /** Territory code. */
  key: z.string(),
  /** Territory name in the view's language. */
  label: z.string(),
  /** Palette colour (colour-blind-safe, see src/transforms/palette.ts); a hex colour, never a CSS expression. */
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  points: z.array(ChartPointSchema).check(z.maxLength(MAX_PERIODS)),
});
/** One line (or one bar per point): a territory's points. */
export type ChartSeries = z.infer<typeof ChartSeriesSchema>;

/** Most events on one chart (the shipped file has a handful; a user adds a few to a saved view). */
export const MAX_CHART_EVENTS = 200;

/**
 * One dated event on the chart's time axis (issue 17), placed by src/transforms/events.ts: an official one from
 * `GET /events` (with its source and status) or the user's own (`kind: 'user'`, with an optional link). Texts are in
 * the model's language.
 */
export const ChartEventSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(['official', 'user']),
  /** The event's own period, at its precision (`2022-12`). */
  date: z.string().check(z.maxLength(16)),
  /** The exact day, when the source gives one. */
  day: z.optional(z.string().check(z.maxLength(10))),
  /**
   * Where it sits on the axis: its own period, or the axis period containing it on a coarser axis (`2022` for
   * `2022-12` on a yearly axis); `null` when outside the chart's range (listed, never drawn).
   */
  axisPeriod: z.nullable(z.string().check(z.maxLength(16))),
  /** What happened: the event's name, or the user's words (plain text). */
  label: z.string().check(z.minLength(1), z.maxLength(500)),
  /** Official events: how far the date is confirmed. */
  status: z.optional(z.enum(['official', 'estimate', 'illustrative'])),
  /** The caveat of an event that is not `official`. */
  note: z.optional(z.string().check(z.maxLength(1000))),
  /** Official events: where the date comes from. */
  source: z.optional(Source),
  /** The user's link, http(s) only. */
  link: z.optional(z.string().check(z.maxLength(2000), z.regex(/^https?:\/\//i))),
});
/** One dated event on the chart's time axis (see {@link ChartEventSchema}). */
export type ChartEvent = z.infer<typeof ChartEventSchema>;

/** Runtime schema of a {@link ChartModel}. */
export const ChartModelSchema = z.object({
  kind: z.enum(['line', 'bar']),
  lang: z.enum(LANGS),
  dir: z.enum(['ltr', 'rtl']),
  indicatorId: z.string(),
  /** Indicator name. */
  title: z.string(),
  /** Active selection in words: territories, period range, measure and denominator. */
  subtitle: z.string(),
  /** Unit after the measure is applied, e.g. "% de la population" or "pour 1 000 habitants". */
  unitLabel: z.string(),
  measure: Measure,
  /** "Dénominateur : population RGPH 2024", when the measure divides. */
  denominatorNote: z.nullable(z.string()),
  /** Sorted, distinct periods on the x axis (line) or the one period shown (bar). */
  periods: z.array(z.string()).check(z.maxLength(MAX_PERIODS)),
  // As many series as the selection allows (every territory): a smaller bound reset a valid pin as corrupt.
  series: z.array(ChartSeriesSchema).check(z.maxLength(MAX_TERRITORIES)),
  source: Source,
  /** Worst status among displayed points: illustrative > estimate > official. */
  status: DataStatus,
  /** Method note, shown for estimates and illustrative data. */
  method: z.string(),
  /** Absolute link back to this exact view. */
  link: z.string(),
  /** The figures are the synthetic stress catalogue's (`?dataset=stress`): every export is stamped so. */
  synthetic: z.optional(z.boolean()),
  /**
   * Dated events of the indicator and the user's own, on this chart's axis or listed as outside it (issue 17).
   * Absent on bar charts, when the reader turned events off, and in models stored before events existed.
   */
  events: z.optional(z.array(ChartEventSchema).check(z.maxLength(MAX_CHART_EVENTS))),
});
/** Everything a chart or an export needs (see the module comment). */
export type ChartModel = z.infer<typeof ChartModelSchema>;

/** One missing value of a chart and why (the list under every chart with gaps). */
export interface MissingItem {
  name: string;
  period: string;
  reason: MissingReason;
  note?: string | null;
}

/** A per-point source (a dated announcement) among the displayed observations. */
export interface PointSource {
  period: string;
  territory: string;
  source: Source;
}

/** One tile's value on the map: a number, or `null` with its reason. */
export interface TileValue {
  value: number | null;
  reason?: MissingReason;
}
