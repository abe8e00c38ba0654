/**
 * Source tables: the verbatim copies of the research briefs' tables kept in `data/sources/`, and the rule of
 * `npm run data:check` that every census figure they vouch for equals its source cell — no more, no fewer points.
 *
 * Pure, like ./check-data.ts: the script reads the CSV text, this module parses and compares it.
 */
import type { Observation, Territory, TerritoryLevel } from '../contract/contract.ts';
import type { DataProblem } from './check-data.ts';

/** How one verbatim table of `data/sources/` maps onto territories and observations. */
export interface SourceTableSpec {
  /** Path relative to the data folder. */
  file: string;
  /** Census period of every figure of the table. */
  period: string;
  /** Territorial level of its rows: the table must have exactly one row per territory of that level. */
  level: TerritoryLevel;
  /** Column holding the dashboard's territory code (ISO 3166-2:MA). */
  codeColumn: string;
  /** Column holding HCP's code, compared with the territory's `hcpCode`. */
  hcpCodeColumn: string;
  /** Legal population column, compared with the territory's `population[period]` and summed to its parents'. */
  populationColumn: string;
  /** Household count column, summed to the parents' `households[period]`; the weight of household rates. */
  householdsColumn: string;
  /** Rate columns → indicator ids: each cell is one observation (indicator, territory, period). */
  columns: Readonly<Record<string, string>>;
  /**
   * Household rates (shares of households), whose region value HCP publishes: the region's value must lie within
   * `regionTolerance` points of its provinces' mean weighted by households — never by legal population.
   */
  householdRates: ReadonlySet<string>;
  regionTolerance: number;
}

/**
 * RGPH 2014 rates of the 75 provinces and prefectures (../shared/data-brief-provinces-2014.md, table verbatim).
 * The region tolerance: the brief measured at most 0.18 point between HCP's region value and the household-weighted
 * mean of its provinces (households-municipal-bin, MA-11); province values are rounded to one decimal, so an exact
 * match is not to be expected. People rates (illiteracy, activity, unemployment) are not checked against regions:
 * their weight (municipal or active population) is not in the table, and household or legal-population weights
 * miss HCP's region values by up to 0.67 and 1.95 points.
 */
export const PROVINCES_2014: SourceTableSpec = {
  file: 'sources/provinces-indicators-2014.csv',
  period: '2014',
  level: 'province',
  codeColumn: 'code',
  hcpCodeColumn: 'hcp_code_2014',
  populationColumn: 'pop_legal_2014',
  householdsColumn: 'households_2014',
  columns: {
    illiteracy_10plus: 'illiteracy-rate',
    activity_rate: 'activity-rate',
    unemployment_rate: 'unemployment-rate',
    hh_electricity: 'households-electricity',
    hh_running_water: 'households-running-water',
    hh_public_sewer: 'households-public-sewer',
    hh_municipal_bin: 'households-municipal-bin',
    hh_internet: 'households-internet',
    hh_computer: 'households-computer',
    hh_mobile_phone: 'households-mobile-phone',
  },
  householdRates: new Set([
    'households-electricity',
    'households-running-water',
    'households-public-sewer',
    'households-municipal-bin',
    'households-internet',
    'households-computer',
    'households-mobile-phone',
  ]),
  regionTolerance: 0.25,
};

/** Every source table data:check compares; the script reads each `file` of the data folder it checks. */
export const SOURCE_TABLES: readonly SourceTableSpec[] = [PROVINCES_2014];

/** A parsed CSV: header cells and data rows (cells as written; no number is parsed here). */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Splits one CSV line into cells; a double-quoted cell may hold commas. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** Parses the CSV of a source table (`\n` or `\r\n` lines, first line = header, blank lines ignored). */
export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return { header: csvCells(lines[0] ?? ''), rows: lines.slice(1).map(csvCells) };
}

/** A cell written as a plain decimal number (`29`, `29.0`, `-3.5`); anything else is not a figure. */
const NUMBER_CELL = /^-?\d+(\.\d+)?$/;

/** An observation located in its file. */
export interface ObservationRef {
  file: string;
  row: number;
  item: Observation;
}

/** What the comparison needs from the rest of the check. */
export interface SourceTableContext {
  /** Territories by code (valid rows only). */
  territories: ReadonlyMap<string, { row: number; item: Territory }>;
  /** Every valid observation, first occurrence of each (indicator, territory, period). */
  observations: ReadonlyMap<string, ObservationRef>;
}

function obsKey(indicator: string, territory: string, period: string): string {
  return `${indicator}|${territory}|${period}`;
}

/** `MA-BES (Benslimane)`: problems name the province the way an official reads it. */
function label(code: string, t: Territory | undefined): string {
  return t ? `${code} (${t.name.fr})` : code;
}

/**
 * Compares the observations with one source table: every cell has its observation with exactly that value, every
 * observation of the table's indicators at its level and period has its cell, and the table's own counts agree with
 * territories.json (per row, per region and for Morocco). Returns how many cells were compared equal.
 */
export function checkSourceTable(
  spec: SourceTableSpec,
  text: string | undefined,
  ctx: SourceTableContext,
  problems: DataProblem[],
): number {
  const file = spec.file;
  const indicatorIds = new Set(Object.values(spec.columns));
  const inScope = [...ctx.observations.values()].filter(
    (o) =>
      indicatorIds.has(o.item.indicator) &&
      o.item.period === spec.period &&
      ctx.territories.get(o.item.territory)?.item.level === spec.level,
  );
  if (text === undefined) {
    // Without its table, none of these points can be vouched for: one problem, not one per point.
    if (inScope.length > 0) {
      problems.push({
        file,
        row: null,
        field: '',
        message: `file not found: ${inScope.length} observations (${spec.level}, ${spec.period}) are compared with it`,
      });
    }
    return 0;
  }

  const { header, rows } = parseCsv(text);
  const required = [spec.codeColumn, spec.hcpCodeColumn, spec.populationColumn, spec.householdsColumn];
  const missingColumns = [...required, ...Object.keys(spec.columns)].filter((c) => !header.includes(c));
  if (missingColumns.length > 0) {
    problems.push({ file, row: null, field: '', message: `missing column(s) ${missingColumns.join(', ')}` });
    return 0;
  }

  // Rows by territory code, their cells by column name.
  const byCode = new Map<string, { row: number; cells: Record<string, string> }>();
  rows.forEach((cellsOfRow, row) => {
    if (cellsOfRow.length !== header.length) {
      problems.push({
        file,
        row,
        field: '',
        message: `${cellsOfRow.length} cells, the header has ${header.length}`,
      });
      return;
    }
    const cells = Object.fromEntries(header.map((h, i) => [h, cellsOfRow[i] ?? '']));
    const code = cells[spec.codeColumn] ?? '';
    const t = ctx.territories.get(code)?.item;
    if (!t || t.level !== spec.level) {
      problems.push({
        file,
        row,
        field: spec.codeColumn,
        message: `${code} is not a ${spec.level} of territories.json`,
      });
      return;
    }
    const first = byCode.get(code);
    if (first) {
      problems.push({
        file,
        row,
        field: spec.codeColumn,
        message: `duplicate row for ${code} (first at row ${first.row})`,
      });
      return;
    }
    byCode.set(code, { row, cells });
    if (cells[spec.hcpCodeColumn] !== t.hcpCode) {
      problems.push({
        file,
        row,
        field: spec.hcpCodeColumn,
        message: `${cells[spec.hcpCodeColumn] ?? ''} differs from the hcpCode of ${label(code, t)} (${t.hcpCode ?? 'none'})`,
      });
    }
    for (const col of [spec.populationColumn, spec.householdsColumn, ...Object.keys(spec.columns)]) {
      if (!NUMBER_CELL.test(cells[col] ?? ''))
        problems.push({ file, row, field: col, message: `${label(code, t)}: "${cells[col] ?? ''}" is not a number` });
    }
    const pop = Number(cells[spec.populationColumn]);
    const attr = t.population[spec.period];
    if (attr !== undefined && pop !== attr) {
      problems.push({
        file,
        row,
        field: spec.populationColumn,
        message: `${label(code, t)}: ${pop} differs from territories.json population.${spec.period} (${attr})`,
      });
    }
  });

  for (const { item: t } of ctx.territories.values()) {
    if (t.level === spec.level && !byCode.has(t.code))
      problems.push({ file, row: null, field: spec.codeColumn, message: `no row for ${label(t.code, t)}` });
  }

  // Each cell ↔ its observation, value for value.
  let compared = 0;
  for (const [code, { row, cells }] of byCode) {
    const t = ctx.territories.get(code)?.item;
    for (const [col, indicator] of Object.entries(spec.columns)) {
      const cell = cells[col] ?? '';
      if (!NUMBER_CELL.test(cell)) continue; // already reported
      const o = ctx.observations.get(obsKey(indicator, code, spec.period));
      const where = `${label(code, t)} ${indicator} ${spec.period}`;
      if (!o) {
        problems.push({ file, row, field: col, message: `${where}: the source cell ${cell} has no observation` });
      } else if (o.item.value !== Number(cell)) {
        problems.push({
          file: o.file,
          row: o.row,
          field: 'value',
          message: `${where}: ${String(o.item.value)} differs from the source cell ${cell} (${file} row ${row}, ${col})`,
        });
      } else compared++;
    }
  }
  for (const o of inScope) {
    if (!byCode.has(o.item.territory)) {
      const t = ctx.territories.get(o.item.territory)?.item;
      problems.push({
        file: o.file,
        row: o.row,
        field: 'territory',
        message: `${label(o.item.territory, t)} ${o.item.indicator} ${spec.period} has no row in ${file}`,
      });
    }
  }

  checkTotals(spec, byCode, ctx, problems);
  checkRegions(spec, byCode, ctx, problems);
  return compared;
}

type RowsByCode = ReadonlyMap<string, { row: number; cells: Record<string, string> }>;

/** The table's population and households add up to each parent's and to Morocco's census counts. */
function checkTotals(spec: SourceTableSpec, byCode: RowsByCode, ctx: SourceTableContext, problems: DataProblem[]) {
  const parents = [...ctx.territories.values()].filter((t) => t.item.level === 'country' || t.item.level === 'region');
  for (const [col, field] of [
    [spec.populationColumn, 'population'],
    [spec.householdsColumn, 'households'],
  ] as const) {
    for (const { item: parent } of parents) {
      const expected = parent[field][spec.period];
      if (expected === undefined) continue;
      const codes = [...byCode.keys()].filter((code) => {
        const t = ctx.territories.get(code)?.item;
        return parent.level === 'country' || t?.parent === parent.code;
      });
      if (codes.length === 0) continue;
      const sum = codes.reduce((n, code) => n + Number(byCode.get(code)?.cells[col]), 0);
      if (sum !== expected) {
        problems.push({
          file: spec.file,
          row: null,
          field: col,
          message: `the rows of ${parent.code} sum to ${sum}, not ${expected} = ${field}.${spec.period} of ${parent.code} in territories.json (difference ${sum - expected})`,
        });
      }
    }
  }
}

/** HCP's region values of household rates stay within tolerance of their provinces' household-weighted mean. */
function checkRegions(spec: SourceTableSpec, byCode: RowsByCode, ctx: SourceTableContext, problems: DataProblem[]) {
  const regions = [...ctx.territories.values()].filter((t) => t.item.level === 'region');
  for (const [col, indicator] of Object.entries(spec.columns)) {
    if (!spec.householdRates.has(indicator)) continue;
    for (const { item: region } of regions) {
      const regionObs = ctx.observations.get(obsKey(indicator, region.code, spec.period));
      if (!regionObs || regionObs.item.value === null) continue;
      const children = [...ctx.territories.values()].filter(
        (t) => t.item.parent === region.code && t.item.level === spec.level,
      );
      const rowsOf = children.map((c) => byCode.get(c.item.code)?.cells);
      // An incomplete or unreadable breakdown is reported above; a mean over part of it would mislead.
      if (
        children.length === 0 ||
        rowsOf.some((c) => !c || !NUMBER_CELL.test(c[col] ?? '') || !NUMBER_CELL.test(c[spec.householdsColumn] ?? ''))
      )
        continue;
      let weight = 0;
      let total = 0;
      for (const cells of rowsOf) {
        const w = Number(cells?.[spec.householdsColumn]);
        weight += w;
        total += w * Number(cells?.[col]);
      }
      if (weight === 0) continue;
      const mean = total / weight;
      const gap = Math.abs(mean - regionObs.item.value);
      if (gap > spec.regionTolerance) {
        problems.push({
          file: regionObs.file,
          row: regionObs.row,
          field: 'value',
          message:
            `${label(region.code, region)} ${indicator} ${spec.period}: ${regionObs.item.value} is ${gap.toFixed(2)} ` +
            `points from the household-weighted mean of its ${spec.level}s in ${spec.file} (${mean.toFixed(2)}; ` +
            `tolerance ${spec.regionTolerance})`,
        });
      }
    }
  }
}
