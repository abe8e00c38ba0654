/**
 * The explorer's model: everything its tabs draw, derived once per change from the query data and the view
 * selection (OWID Grapher gives each chart its State; this is the explorer's). Pure: no React, no store.
 *
 * One call builds the line chart, the ranking (bar) for one period, the map's part (regions or provinces), the table
 * (the line model's series), the full-range series for the exports, and the notes around them (denominator,
 * missing values with their reason, the sources with the points each covers, text summaries). The tabs only draw it.
 *
 * Passing the previous model lets unchanged parts keep their identity: a change of the ranking's period
 * does not rebuild the 75 lines of the chart, and React's memoised charts do not redraw (issue 7, B2).
 * That reuse is the only memory of this module — nothing is cached behind the caller's back.
 */
import type { Indicator, Lang, Measure, Observation, Territory } from '../contract/contract.ts';
import type { ChartModel, MissingItem, TileValue } from './chart-types.ts';
import { buildChartModel, latestWithData, missingItems } from './chart-model.ts';
import { chartLead, periodsWithValues, type ChartLead } from './chart-lead.ts';
import { applyMeasure } from './measures.ts';
import { periodsInRange } from '../contract/period.ts';
import { distinctPeriods } from './series.ts';
import { summarizeChart } from './summary.ts';
import { buildLongRows, type LongRow } from './table.ts';
import type { MapLevel } from './map-model.ts';
import { sourceGroups, type SourceGroup } from './provenance.ts';

/** The query data the explorer works on. Arrays are compared by identity: query data are never mutated. */
export interface ExplorerData {
  indicator: Indicator;
  territories: readonly Territory[];
  territoryIndex: ReadonlyMap<string, Territory>;
  observations: readonly Observation[];
}

/** The view selection the model depends on (the tab and the link do not change it). */
export interface ExplorerSelection {
  /** Selected territory codes, in selection order. */
  territories: readonly string[];
  measure: Measure;
  from: string | null;
  to: string | null;
  /** Period of the ranking and the map; latest with data when `null` or outside the range. */
  period: string | null;
  lang: Lang;
  /** Level the map is asked for (default regions); provinces only when the indicator has province data. */
  mapLevel?: MapLevel;
  /** Region opened on the map to show its provinces (default none). */
  mapRegion?: string | null;
}

/** One drawn chart with the notes around it. */
export interface ExplorerChart {
  /** Built with an empty link: the view attaches its link (which changes on every click) cheaply. */
  model: ChartModel;
  /** Text summary for screen readers and everyone. */
  summary: string;
  /** Missing values with their reason. */
  missing: MissingItem[];
  /** The sources of the shown points, each with the points it covers (the indicator's first): the sources panel. */
  sources: SourceGroup[];
  /** Whether at least one value is drawn (else the empty state shows). */
  hasData: boolean;
}

/** The explorer's periods: those of the indicator, those of the selection, and the range actually applied. */
export interface ExplorerPeriods {
  /** Every period of the indicator (any territory). */
  all: string[];
  /** The indicator's periods inside the applied range (what "play" steps through). */
  range: string[];
  /**
   * Periods with at least one value for the selected territories, measure applied, over the whole series: what
   * the "De/À" range offers (a period where none of them has a value would draw an empty chart).
   */
  selection: string[];
  /** The selection's periods inside the applied range: the line's x positions with a value; the lead counts them. */
  shown: string[];
  /**
   * The range applied: the view's, unless it holds no period of the selection (a link made for other territories,
   * a hand-edited URL), then no range at all — every period is shown rather than a blank chart — and
   * `rangeIgnored` says so. The view's range is left in the URL: a later selection that has those periods uses it.
   */
  from: string | null;
  to: string | null;
  rangeIgnored: boolean;
}

/** Everything the explorer's tabs need. */
export interface ExplorerModel {
  data: ExplorerData;
  selection: ExplorerSelection;
  /** Periods for the controls and the range applied (see `ExplorerPeriods`). */
  periods: ExplorerPeriods;
  /**
   * The chart that leads the chart tab and its exports (issue 13, `ChartLead` in chart-lead.ts): the ranking of
   * the single period when only one period in range has values for the selection, else the line.
   */
  lead: ChartLead;
  /** "Dénominateur : population RGPH 2024" when the measure divides, else `null`. */
  denominatorNote: string | null;
  /** Lines over time of the selection (also the table tab's rows and model). */
  line: ExplorerChart & {
    /**
     * Long rows (territory × period) of the CSV of what is displayed: built on first call (by the export
     * tools, in their own render) and kept with this part of the model, not on every change of the selection.
     */
    rows: () => LongRow[];
  };
  /**
   * The same lines over every period, for the exports ("full data"), with the periods where the selection has a
   * value. The line itself when no range applies.
   */
  full: { model: ChartModel; rows: () => LongRow[]; periodsWithValues: string[] };
  /** Ranking of the selection for one period (the lead's period when the ranking leads), with its CSV rows. */
  bar: ExplorerChart & { rows: () => LongRow[] };
  /**
   * The choropleth's part (whatever the selection): the level drawn, its territories, its periods and period,
   * values with the measure applied. The map tab adds the boundaries (`buildMapModel` with the shapes' codes).
   */
  map: {
    /** Provinces when asked (level or an opened region) and the indicator has any; else regions. */
    level: MapLevel;
    /** The region whose provinces are drawn, `null` for the whole country. */
    openRegion: string | null;
    /** The indicator has a value or a row for at least one province (the level switch offers provinces). */
    hasProvinces: boolean;
    /** The catalogue's regions (labels, the "open a region" control). */
    regions: Territory[];
    /** Codes of the territories drawn at `level` (one region's provinces when opened). */
    territories: string[];
    /** The level's periods inside the range, for its period select. */
    periods: string[];
    period: string | null;
    values: Map<string, TileValue>;
    /** The ranking of the territories drawn, for the summary, the sources and the exports' table. */
    model: ChartModel;
    /** The sources of the map's shown values, with the points each covers. */
    sources: SourceGroup[];
    /** No region has an observation of this indicator (national-only indicators). */
    hasRegions: boolean;
    summary: string | undefined;
  };
}

function chart(model: ChartModel, unit: Indicator['unit']['code']): ExplorerChart {
  return {
    model,
    summary: summarizeChart(model, unit),
    missing: missingItems(model),
    sources: sourceGroups(model),
    hasData: model.series.some((s) => s.points.some((p) => p.value !== null)),
  };
}

/** `f`'s result, computed on the first call and kept by the returned function (so, with the model part holding it). */
function once<T>(f: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: f() }).value;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * The map's part: the level (provinces when asked and available, else regions), its territories (one region's
 * provinces when a region is opened), their values for one period, measure applied.
 */
function buildMap(data: ExplorerData, selection: ExplorerSelection): ExplorerModel['map'] {
  const { measure, from, to, lang } = selection;
  const regions = data.territories.filter((t) => t.level === 'region');
  const ofIndicator = (codes: ReadonlySet<string>) =>
    data.observations.filter((o) => o.indicator === data.indicator.id && codes.has(o.territory));
  const regionObs = ofIndicator(new Set(regions.map((r) => r.code)));
  const provinces = data.territories.filter((t) => t.level === 'province');
  const provinceObs = ofIndicator(new Set(provinces.map((t) => t.code)));
  const hasRegions = regionObs.length > 0;
  const hasProvinces = provinceObs.length > 0;
  const openAsked = regions.some((r) => r.code === selection.mapRegion) ? (selection.mapRegion ?? null) : null;
  const provincesAsked = selection.mapLevel === 'province' || openAsked !== null;
  const level: MapLevel = hasProvinces && (provincesAsked || !hasRegions) ? 'province' : 'region';
  const openRegion = level === 'province' ? openAsked : null;
  const territories =
    level === 'region'
      ? regions.map((r) => r.code)
      : provinces.filter((t) => openRegion === null || t.parent === openRegion).map((t) => t.code);
  const codes = new Set(territories);
  const levelObs = (level === 'region' ? regionObs : provinceObs).filter((o) => codes.has(o.territory));
  const periods = periodsInRange(distinctPeriods(levelObs), from, to);
  const period =
    selection.period && periods.includes(selection.period) ? selection.period : latestWithData(levelObs, periods);
  const values = new Map<string, TileValue>();
  for (const o of levelObs) {
    if (o.period !== period) continue;
    const measured = applyMeasure(o.value, measure, data.territoryIndex.get(o.territory), o.period);
    values.set(
      o.territory,
      measured.reason
        ? { value: null, reason: measured.reason }
        : { value: measured.value, ...(o.value === null ? { reason: 'not-published' as const } : {}) },
    );
  }
  const model = buildChartModel({
    kind: 'bar',
    indicator: data.indicator,
    observations: levelObs,
    territoryIndex: data.territoryIndex,
    territories,
    measure,
    from,
    to,
    period,
    lang,
    link: '',
  });
  return {
    level,
    openRegion,
    hasProvinces,
    regions,
    territories,
    periods,
    period,
    values,
    model,
    sources: sourceGroups(model),
    hasRegions,
    summary: hasRegions || hasProvinces ? summarizeChart(model, data.indicator.unit.code) : undefined,
  };
}

/**
 * Build the explorer's model for a selection. With `previous` (the model of the last change), each part
 * whose inputs did not change is reused as is: same data arrays, and the same selection fields that part
 * reads (the line ignores the ranking's period; the map ignores the selected territories).
 */
export function buildExplorerModel(
  data: ExplorerData,
  selection: ExplorerSelection,
  previous?: ExplorerModel,
): ExplorerModel {
  const { measure, from, to, lang } = selection;
  const unit = data.indicator.unit.code;
  const prev = previous;
  const sameData =
    prev !== undefined &&
    prev.data.indicator === data.indicator &&
    prev.data.territories === data.territories &&
    prev.data.territoryIndex === data.territoryIndex &&
    prev.data.observations === data.observations;
  const p = sameData ? prev.selection : undefined;
  const sameBase = p !== undefined && p.measure === measure && p.lang === lang;
  const sameRange = sameBase && p.from === from && p.to === to;
  const sameTerritories = p !== undefined && sameList(p.territories, selection.territories);

  const common = {
    indicator: data.indicator,
    observations: data.observations,
    territoryIndex: data.territoryIndex,
    territories: selection.territories,
    measure,
    lang,
    link: '',
  };

  // The full series first: the periods where the selection has values decide the range applied and the lead.
  let full: ExplorerModel['full'];
  if (prev && sameBase && sameTerritories) full = prev.full;
  else {
    const model = buildChartModel({ ...common, kind: 'line', from: null, to: null });
    full = { model, rows: once(() => buildLongRows(model)), periodsWithValues: periodsWithValues(model) };
  }
  const withValues = full.periodsWithValues;
  const inRange = periodsInRange(withValues, from, to);
  const rangeIgnored = (from !== null || to !== null) && withValues.length > 0 && inRange.length === 0;
  const rangeFrom = rangeIgnored ? null : from;
  const rangeTo = rangeIgnored ? null : to;
  const shown = rangeIgnored ? withValues : inRange;
  const pp = prev && p !== undefined ? prev.periods : undefined;
  const sameApplied = sameBase && sameTerritories && pp !== undefined && pp.from === rangeFrom && pp.to === rangeTo;

  let line: ExplorerModel['line'];
  if (prev && sameApplied) line = prev.line;
  else if (rangeFrom === null && rangeTo === null) {
    // Without a range the line is the full series: the same objects, not a second build.
    line = { ...chart(full.model, unit), rows: full.rows };
  } else {
    const model = buildChartModel({ ...common, kind: 'line', from: rangeFrom, to: rangeTo });
    line = { ...chart(model, unit), rows: once(() => buildLongRows(model)) };
  }

  const lead = prev && sameApplied ? prev.lead : chartLead(shown);
  // The ranking that leads shows the single period, whatever period the view asked for.
  const barPeriod = lead.chart === 'ranking' ? lead.period : selection.period;
  let bar: ExplorerModel['bar'];
  if (prev && sameApplied && p.period === selection.period) bar = prev.bar;
  else {
    const model = buildChartModel({ ...common, kind: 'bar', from: rangeFrom, to: rangeTo, period: barPeriod });
    bar = { ...chart(model, unit), rows: once(() => buildLongRows(model)) };
  }

  const map =
    prev &&
    sameRange &&
    p.period === selection.period &&
    p.mapLevel === selection.mapLevel &&
    p.mapRegion === selection.mapRegion
      ? prev.map
      : buildMap(data, selection);

  const all = prev && sameData ? prev.periods.all : distinctPeriods(data.observations);
  const periods: ExplorerPeriods =
    pp && sameApplied && pp.all === all && pp.rangeIgnored === rangeIgnored
      ? pp
      : {
          all,
          range: periodsInRange(all, rangeFrom, rangeTo),
          selection: withValues,
          shown,
          from: rangeFrom,
          to: rangeTo,
          rangeIgnored,
        };

  return {
    data,
    selection,
    periods,
    lead,
    denominatorNote: line.model.denominatorNote,
    line,
    full,
    bar,
    map,
  };
}
