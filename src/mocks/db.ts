/**
 * The mock API's in-memory database: the `data/` files, validated once and indexed once.
 *
 * `createDb(files)` takes rows from anywhere (the shipped JSON files, or issue 7's generated stress
 * dataset) and the query functions only ever see the indexes, so a generated row set is served by the
 * very same handlers. Pure: no MSW, no React, no I/O (the raw files come from shipped-files.ts).
 */
import { z } from 'zod/mini';
import {
  EventsResponse,
  IndicatorsResponse,
  ObservationsResponse,
  ProjectsResponse,
  TerritoriesResponse,
  type Indicator,
  type IndicatorEvent,
  type Observation,
  type ObservationsQuery,
  type Project,
  type Territory,
} from '../contract/contract.ts';
import {
  compareMonthSpans,
  comparePeriods,
  periodMonths,
  rangeMonths,
  sortPeriods,
  spanOverlaps,
} from '../contract/period.ts';
// Static JSON imports in Node/vitest/dev; in the browser build, JSON assets fetched while the worker
// starts (see shipped-files.ts and the vite.config.ts plugin that swaps it), so the data is not JS.
import { shippedFiles, shippedFilesVersion } from './shipped-files.ts';

/** The rows a database is built from, wherever they come from. */
export interface DbFiles {
  territories: readonly Territory[];
  indicators: readonly Indicator[];
  projects: readonly Project[];
  observations: readonly Observation[];
  /** Dated events for the time axis (issue 17); none when omitted (the stress dataset has none). */
  events?: readonly IndicatorEvent[];
}

/** An observation with its period pre-converted to month indices, so range filters never re-parse strings. */
interface IndexedRow {
  row: Observation;
  start: number;
  end: number;
}

/** Indexes built once by `createDb`. Treat as read-only. */
export interface Db {
  territories: readonly Territory[];
  indicators: readonly Indicator[];
  projects: readonly Project[];
  /** Events sorted by date (`comparePeriods`), then by day, then by id. */
  events: readonly IndicatorEvent[];
  territoryByCode: ReadonlyMap<string, Territory>;
  indicatorById: ReadonlyMap<string, Indicator>;
  /** indicator id → territory code → rows sorted by period (`comparePeriods`). */
  observations: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedRow[]>>;
  /** Position of each territory in the territories file: the order rows are answered in. */
  territoryOrder: ReadonlyMap<string, number>;
  /**
   * Optional fast path (issue 7, B6; the stress db has one): the JSON text of
   * `{ data: queryObservations(db, query) }`, byte for byte, from the db's own cached serialisation.
   * The handlers send it as is when no fault rewrites the body.
   */
  observationsJson?: (query: ObservationsQuery) => string;
}

/** Build the indexes. O(n log n) once; every query afterwards touches only the rows it returns. */
export function createDb(files: DbFiles): Db {
  const territoryByCode = new Map(files.territories.map((t) => [t.code, t]));
  const indicatorById = new Map(files.indicators.map((i) => [i.id, i]));
  const territoryOrder = new Map(files.territories.map((t, i) => [t.code, i]));
  const observations = new Map<string, Map<string, IndexedRow[]>>();
  for (const row of files.observations) {
    let byTerritory = observations.get(row.indicator);
    if (!byTerritory) observations.set(row.indicator, (byTerritory = new Map()));
    let rows = byTerritory.get(row.territory);
    if (!rows) byTerritory.set(row.territory, (rows = []));
    const months = periodMonths(row.period);
    // The files are validated against the contract before this runs, so every period parses.
    if (!months) throw new RangeError(`not a period: ${JSON.stringify(row.period)}`);
    rows.push({ row, ...months });
  }
  for (const byTerritory of observations.values()) {
    for (const rows of byTerritory.values()) rows.sort(compareMonthSpans);
  }
  return {
    territories: files.territories,
    indicators: files.indicators,
    projects: files.projects,
    events: [...(files.events ?? [])].sort(compareEvents),
    territoryByCode,
    indicatorById,
    observations,
    territoryOrder,
  };
}

/**
 * Observations of one indicator, for the given territories (all territories with data when omitted),
 * whose period overlaps [`from`, `to`] (see `periodInRange`). Rows come grouped by territory — in the
 * requested order, else in the territories file's order — and sorted by period within a territory.
 * Parameters are assumed valid: the handlers answer 400 before calling this.
 */
export function queryObservations(db: Db, query: ObservationsQuery): Observation[] {
  const byTerritory = db.observations.get(query.indicator);
  if (!byTerritory) return [];
  const codes =
    query.territories && query.territories.length > 0
      ? [...new Set(query.territories)]
      : [...byTerritory.keys()].sort(
          (a, b) =>
            (db.territoryOrder.get(a) ?? Infinity) - (db.territoryOrder.get(b) ?? Infinity) || a.localeCompare(b),
        );
  const range = rangeMonths(query.from, query.to);
  const out: Observation[] = [];
  for (const code of codes) {
    const rows = byTerritory.get(code);
    if (!rows) continue;
    for (const r of rows) {
      // Rows are sorted by start: once one starts after the range, all the rest do too.
      if (r.start > range.end) break;
      if (spanOverlaps(r, range)) out.push(r.row);
    }
  }
  return out;
}

/** The order events are answered in: by date, then by day (an undated-day event first), then by id. */
export function compareEvents(a: IndicatorEvent, b: IndicatorEvent): number {
  return (
    comparePeriods(a.date, b.date) ||
    (a.day ?? '').localeCompare(b.day ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Events that concern `indicator` (every event when omitted), by date. Parameters are assumed valid. */
export function queryEvents(db: Db, query: { indicator?: string | undefined }): IndicatorEvent[] {
  const { indicator } = query;
  if (indicator === undefined) return [...db.events];
  return db.events.filter((e) => e.indicators.includes(indicator));
}

/** Whether `code` is `ancestor` or lies inside it (a province inside its region, everything inside `MA`). */
export function isWithin(db: Db, code: string, ancestor: string): boolean {
  let current: string | null | undefined = code;
  // Bounded walk: a cycle in bad data must not hang the mock.
  for (let depth = 0; current != null && depth < 8; depth++) {
    if (current === ancestor) return true;
    current = db.territoryByCode.get(current)?.parent;
  }
  return false;
}

/** Projects located in `territory` or in any territory inside it; all projects when omitted. */
export function queryProjects(db: Db, query: { territory?: string | undefined }): Project[] {
  const { territory } = query;
  if (territory === undefined) return [...db.projects];
  return db.projects.filter((p) => isWithin(db, p.territory, territory));
}

/** Periods present for an indicator, sorted; handy for tests and for the stress generator's checks. */
export function periodsOf(db: Db, indicator: string): string[] {
  const set = new Set<string>();
  for (const rows of db.observations.get(indicator)?.values() ?? []) for (const r of rows) set.add(r.row.period);
  return sortPeriods(set);
}

/** Thrown when a shipped data file does not match the contract; the handlers turn it into a 500 problem. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

function parseFile<T>(file: string, schema: z.core.$ZodType<{ data: T[] }>, json: unknown, validate: boolean): T[] {
  if (!validate) return (json as { data: T[] }).data;
  const result = z.safeParse(schema, json);
  if (result.success) return result.data.data;
  const issue = result.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  throw new DataFileError(file, `${path} ${issue?.message ?? 'invalid'}`.trim());
}

/**
 * Whether to validate the shipped files when loading them: yes in development, tests and Node (where a
 * bad file should fail loudly, naming itself); no in the production bundle, where `npm run data:check`
 * has already validated them in CI and the client validates every response anyway — so the first chart
 * does not wait for a second, redundant parse of every row.
 */
export const VALIDATE_DATA_FILES: boolean = (import.meta.env as Record<string, unknown> | undefined)?.PROD !== true;

/** The shipped data files, parsed with the contract schemas when `validate` (see `VALIDATE_DATA_FILES`). */
export function loadDataFiles(validate: boolean = VALIDATE_DATA_FILES): DbFiles {
  const raw = shippedFiles();
  return {
    territories: parseFile('data/territories.json', TerritoriesResponse, raw.territories, validate),
    indicators: parseFile('data/indicators.json', IndicatorsResponse, raw.indicators, validate),
    projects: parseFile('data/projects.json', ProjectsResponse, raw.projects, validate),
    observations: [
      ...parseFile('data/observations/census.json', ObservationsResponse, raw.census, validate),
      ...parseFile('data/observations/programmes.json', ObservationsResponse, raw.programmes, validate),
      ...parseFile('data/observations/illustrative.json', ObservationsResponse, raw.illustrative, validate),
    ],
    events: parseFile('data/events.json', EventsResponse, raw.events, validate),
  };
}

let shipped: { db: Db; version: number } | undefined;

/**
 * The database of the shipped `data/` files, built on first use and then reused. In the browser the files load one
 * by one as requests need them (issue 16, shipped-files.browser.ts): the indexes are rebuilt when one more file has
 * arrived (at most once per file; the whole set indexes in a few ms).
 */
export function defaultDb(): Db {
  const version = shippedFilesVersion();
  if (shipped?.version !== version) shipped = { db: createDb(loadDataFiles()), version };
  return shipped.db;
}
