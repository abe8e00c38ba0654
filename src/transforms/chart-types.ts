/**
 * The chart model: everything a chart or an export needs, derived in plain TypeScript from the
 * data and the view selection (OWID Grapher's "state apart from drawing").
 * Chart components only draw it; exporters (SVG, PNG, CSV, PPTX) serialise the same object,
 * so what is downloaded is exactly what is displayed.
 */
import type { DataStatus, Lang, Measure, Source } from '../contract/contract.ts';

/** Why a value is missing. Shown as a gap with this reason, never drawn as zero. */
export type MissingReason =
  | 'not-published' // the source has no figure for this territory and period
  | 'no-population' // a per-capita measure without a census denominator
  | 'no-households' // a per-household measure without a household count
  | 'out-of-range'; // filtered out by the time range

/** One point: a number, or `null` with its reason. Never NaN. */
export interface ChartPoint {
  period: string;
  value: number | null;
  reason?: MissingReason;
  status: DataStatus;
  note?: string | null;
}

export interface ChartSeries {
  /** Territory code. */
  key: string;
  /** Territory name in the view's language. */
  label: string;
  /** Palette colour (colour-blind-safe, see src/charts/palette.ts). */
  color: string;
  points: ChartPoint[];
}

export interface ChartModel {
  kind: 'line' | 'bar';
  lang: Lang;
  dir: 'ltr' | 'rtl';
  indicatorId: string;
  /** Indicator name. */
  title: string;
  /** Active selection in words: territories, period range, measure and denominator. */
  subtitle: string;
  /** Unit after the measure is applied, e.g. "% de la population" or "pour 1 000 habitants". */
  unitLabel: string;
  measure: Measure;
  /** "Dénominateur : population RGPH 2024", when the measure divides. */
  denominatorNote: string | null;
  /** Sorted, distinct periods on the x axis (line) or the one period shown (bar). */
  periods: string[];
  series: ChartSeries[];
  source: Source;
  /** Worst status among displayed points: illustrative > estimate > official. */
  status: DataStatus;
  /** Method note, shown for estimates and illustrative data. */
  method: string;
  /** Absolute link back to this exact view. */
  link: string;
}

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
