/**
 * The data check behind `npm run data:check`: validates the parsed contents of the `data/` files against
 * contract v1 and against the rules that keep official figures honest (sums, provenance, statuses).
 *
 * Pure: it takes already-parsed JSON and returns problems; reading files is the script's job
 * (scripts/data-check.ts). No React, no network, no file system.
 */
import { z } from 'zod/mini';
import {
  Confidence,
  Indicator,
  IndicatorEvent,
  Observation,
  Project,
  Qualifier,
  Territory,
  type LocalizedText,
  type Source,
  type Frequency,
  type TerritoryLevel,
} from '../contract/contract.ts';
import { periodInRange, periodKind, rangeIsEmpty, type PeriodKind } from '../contract/period.ts';
import { checkSourceTable, SOURCE_TABLES, type ObservationRef } from './source-tables.ts';

/** One thing wrong with the data, located precisely enough to fix it. */
export interface DataProblem {
  /** Path relative to the data folder, e.g. `observations/census.json`. */
  file: string;
  /** Index in the file's `data` array (0-based), or `null` for a problem with the file as a whole. */
  row: number | null;
  /** Dotted path of the field inside the row (`population.2024`, `method.fr`), or `''` for the whole row. */
  field: string;
  message: string;
}

/** The parsed contents of a data folder. Values are `unknown` on purpose: checking them is this module's job. */
export interface DataFiles {
  territories: unknown;
  indicators: unknown;
  projects: unknown;
  /** Observation files keyed by their path relative to the data folder, e.g. `observations/census.json`. */
  observations: Readonly<Record<string, unknown>>;
  /**
   * Text of the verbatim source tables (`SOURCE_TABLES` of ./source-tables.ts) keyed by their path relative to the
   * data folder, e.g. `sources/provinces-indicators-2014.csv`. A table that is absent is fine only while no
   * observation depends on it.
   */
  sources?: Readonly<Record<string, string>>;
  /** `events.json` (issue 17): dated events for the time axis. Optional: a folder without it has no events. */
  events?: unknown;
}

/** Counts printed when the check passes. */
export interface DataSummary {
  territories: number;
  indicators: number;
  observations: number;
  observationFiles: number;
  projects: number;
  /** Dated events of `events.json`. */
  events: number;
  /** Figures found equal to their cell in a source table of data/sources/. */
  sourceCells: number;
  sourceTables: number;
}

export interface DataCheckResult {
  problems: DataProblem[];
  summary: DataSummary;
}

/** File names of the three catalogue files, relative to the data folder. */
export const DATA_FILES = {
  territories: 'territories.json',
  indicators: 'indicators.json',
  projects: 'projects.json',
  events: 'events.json',
} as const;

/**
 * Units whose values add up across territories. For these, a complete breakdown (all regions of the country,
 * all provinces of a region) must sum exactly to the parent's value for the same period: this is the `sumsTo`
 * convention documented in data/README.md. Rates (percent, index) never add up.
 */
export const ADDITIVE_UNITS: ReadonlySet<string> = new Set(['persons', 'households', 'count', 'mad', 'seats']);

/** Minimum length of each language of `method` for estimate and illustrative series: a sentence, not a stub. */
export const MIN_METHOD_LENGTH = 20;

/** Period kinds each frequency allows (parsing is the period module's: src/contract/period.ts). */
const PERIOD_FORMS: Record<Frequency, { kinds: readonly PeriodKind[]; expects: string }> = {
  census: { kinds: ['year'], expects: 'YYYY' },
  annual: { kinds: ['year'], expects: 'YYYY' },
  quarterly: { kinds: ['quarter'], expects: 'YYYY-Qn' },
  monthly: { kinds: ['month'], expects: 'YYYY-MM' },
  irregular: { kinds: ['year', 'quarter', 'month'], expects: 'YYYY, YYYY-Qn or YYYY-MM' },
};

/** Whether a period string has the form an indicator's frequency allows. */
export function periodFitsFrequency(period: string, frequency: Frequency): boolean {
  const kind = periodKind(period);
  return kind !== null && PERIOD_FORMS[frequency].kinds.includes(kind);
}

/** Renders a problem as `file:row field — message`, the format the script prints. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}:${p.row ?? '-'} ${p.field === '' ? '(row)' : p.field} — ${p.message}`;
}

type Row<T> = { row: number; item: T };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === 'number') cur = cur[key];
    else if (isRecord(cur) && typeof key === 'string') cur = cur[key];
    else return undefined;
  }
  return cur;
}

/** Messages for required fields whose absence matters most, so the report says why rather than "expected object". */
const MISSING_MESSAGES: Readonly<Record<string, string>> = {
  source: 'missing source: every series needs publisher, title, url, published and retrieved',
  status: 'missing status: every series must say whether it is official, estimate or illustrative',
  method: 'missing method: every series must say how its figures were produced',
};

const QUALIFIERS = Qualifier.options.join(', ');
const CONFIDENCES = Confidence.options.join(', ');

/**
 * Plain words for the provenance fields a contract failure names (issue 14): the data:check report must say
 * *why* a qualifier or a citation is refused, not "Invalid option" or "expected string".
 */
function provenanceMessage(path: readonly PropertyKey[], missing: boolean, value: unknown): string | undefined {
  const last = path[path.length - 1];
  const inVia = path[path.length - 3] === 'via';
  if (last === 'qualifier' && !missing)
    return `unknown qualifier ${JSON.stringify(value)}: expected one of ${QUALIFIERS}`;
  if (last === 'confidence' && !missing)
    return `unknown confidence ${JSON.stringify(value)}: expected one of ${CONFIDENCES}`;
  if (last === 'publisher' && (missing || value === ''))
    return 'a source needs its publisher: the body that produced the figure, short name first ("HCP (Haut-Commissariat au Plan)", "CNSS")';
  if (inVia && last === 'name' && (missing || value === '')) return 'a via entry needs the name of the republisher';
  if (inVia && last === 'url') return 'a via entry needs the URL of the page the figure was read on';
  return undefined;
}

/**
 * Validates each row of a `{ "data": [...] }` file on its own, so that one bad row does not hide the others,
 * and flags fields the contract does not know (a misspelt `populaton` would otherwise be dropped silently).
 */
function parseRows<T>(
  file: string,
  content: unknown,
  schema: z.core.$ZodType<T>,
  knownKeys: ReadonlySet<string>,
  problems: DataProblem[],
): { valid: Row<T>[]; raw: unknown[] } {
  if (!isRecord(content) || !Array.isArray(content.data)) {
    problems.push({ file, row: null, field: 'data', message: 'expected an object { "data": [ ... ] }' });
    return { valid: [], raw: [] };
  }
  const valid: Row<T>[] = [];
  content.data.forEach((raw: unknown, row: number) => {
    const parsed = z.safeParse(schema, raw);
    if (parsed.success) valid.push({ row, item: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        const missing = issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
        const message =
          provenanceMessage(issue.path, missing, valueAt(raw, issue.path)) ??
          (missing
            ? ((issue.path.length === 1 ? MISSING_MESSAGES[field] : undefined) ?? 'required field is missing')
            : issue.message);
        problems.push({ file, row, field, message });
      }
    }
    if (isRecord(raw)) {
      for (const key of Object.keys(raw)) {
        if (!knownKeys.has(key))
          problems.push({ file, row, field: key, message: 'unknown field (not in contract v1)' });
      }
    }
  });
  return { valid, raw: content.data };
}

/**
 * A source is a citation: the publisher is the body that produced the figure, `via` lists only the republishers it
 * was read through. A publisher repeated as its own via (or a via naming the publisher) would credit it twice and
 * hide who stands behind the number.
 */
function checkSource(file: string, row: number, field: string, source: Source, problems: DataProblem[]): void {
  const publisher = source.publisher.trim().toLowerCase();
  source.via?.forEach((v, i) => {
    if (v.name.trim().toLowerCase() === publisher)
      problems.push({
        file,
        row,
        field: `${field}.via.${i}.name`,
        message: `the publisher ${JSON.stringify(source.publisher)} is also listed as via: via is for republishers only`,
      });
  });
}

/**
 * A note shown in the French or Arabic UI must be French or Arabic: a text equal to its English version is an
 * English copy left in place (issue 14: "Note : Head of government…" in the French UI).
 */
function checkTranslated(file: string, row: number, field: string, text: LocalizedText, problems: DataProblem[]): void {
  for (const lang of ['fr', 'ar'] as const) {
    if (text[lang].trim() === text.en.trim())
      problems.push({
        file,
        row,
        field: `${field}.${lang}`,
        message: `the ${lang === 'fr' ? 'French' : 'Arabic'} note is the English text: translate it`,
      });
  }
}

/** The provenance rules of one observation: a qualifier says what the source says in a note; `undated` says where. */
function checkPointProvenance(file: string, row: number, o: Observation, problems: DataProblem[]): void {
  if (o.qualifier && !o.note)
    problems.push({
      file,
      row,
      field: 'note',
      message: `a ${o.qualifier} point needs a note (fr, ar, en) saying what the source says`,
    });
  if (o.qualifier === 'undated' && !o.periodLabel)
    problems.push({
      file,
      row,
      field: 'periodLabel',
      message: 'an undated point needs a periodLabel saying how the source dates it ("avant la réforme de 2022")',
    });
  if (o.periodLabel && o.qualifier !== 'undated')
    problems.push({
      file,
      row,
      field: 'periodLabel',
      message: 'a periodLabel is only for an undated point (qualifier: undated)',
    });
  if (o.note) checkTranslated(file, row, 'note', o.note, problems);
  if (o.source) checkSource(file, row, 'source', o.source, problems);
}

const PRIMARY_PROVINCE_KINDS: ReadonlySet<string> = new Set(['province', 'prefecture']);
const LEVEL_OF_KIND: Readonly<Record<Territory['kind'], TerritoryLevel>> = {
  country: 'country',
  region: 'region',
  province: 'province',
  prefecture: 'province',
  'prefecture-arrondissements': 'province',
};

/** Children that partition their parent: regions of the country, provinces/prefectures of a region. */
function partitionChildren(parent: Territory, all: readonly Row<Territory>[]): Row<Territory>[] {
  return all.filter(
    (t) =>
      t.item.parent === parent.code &&
      ((parent.level === 'country' && t.item.level === 'region') ||
        (parent.level === 'region' && PRIMARY_PROVINCE_KINDS.has(t.item.kind))),
  );
}

function childNoun(parent: Territory): string {
  return parent.level === 'country' ? 'regions' : 'provinces';
}

function checkTerritories(rows: readonly Row<Territory>[], problems: DataProblem[]): Map<string, Row<Territory>> {
  const file = DATA_FILES.territories;
  const byCode = new Map<string, Row<Territory>>();
  for (const r of rows) {
    const first = byCode.get(r.item.code);
    if (first) {
      problems.push({
        file,
        row: r.row,
        field: 'code',
        message: `duplicate territory code ${r.item.code} (first at row ${first.row})`,
      });
    } else byCode.set(r.item.code, r);
  }
  if (!byCode.has('MA'))
    problems.push({ file, row: null, field: 'code', message: 'no country territory with code MA' });

  for (const { row, item: t } of rows) {
    if (LEVEL_OF_KIND[t.kind] !== t.level) {
      problems.push({ file, row, field: 'kind', message: `kind ${t.kind} does not match level ${t.level}` });
    }
    if (t.level === 'country') {
      if (t.parent !== null)
        problems.push({ file, row, field: 'parent', message: 'the country has no parent (expected null)' });
      continue;
    }
    if (t.parent === null) {
      problems.push({ file, row, field: 'parent', message: `a ${t.level} needs a parent` });
      continue;
    }
    const parent = byCode.get(t.parent)?.item;
    if (t.level === 'region') {
      if (t.parent !== 'MA')
        problems.push({ file, row, field: 'parent', message: `a region's parent must be MA, not ${t.parent}` });
      continue;
    }
    if (!parent) {
      problems.push({ file, row, field: 'parent', message: `unknown parent territory ${t.parent}` });
    } else if (t.kind === 'prefecture-arrondissements') {
      if (parent.level !== 'province') {
        problems.push({
          file,
          row,
          field: 'parent',
          message: `a prefecture d'arrondissements' parent must be a province; ${t.parent} is a ${parent.level}`,
        });
      }
    } else if (parent.level !== 'region') {
      problems.push({
        file,
        row,
        field: 'parent',
        message: `a province's parent must be a region; ${t.parent} is a ${parent.level}`,
      });
    }
  }

  // Sums: provinces → region, regions → country, for every census year the parent carries.
  for (const parentRow of rows) {
    const parent = parentRow.item;
    if (parent.level === 'province') continue;
    const children = partitionChildren(parent, rows);
    if (children.length === 0) continue;
    for (const field of ['population', 'households'] as const) {
      for (const [year, expected] of Object.entries(parent[field])) {
        const having = children.filter((c) => c.item[field][year] !== undefined);
        if (having.length === 0) continue; // not broken down for that year (e.g. province households in 2014)
        if (having.length < children.length) {
          for (const c of children) {
            if (c.item[field][year] === undefined) {
              problems.push({
                file,
                row: c.row,
                field: `${field}.${year}`,
                message: `missing, while the other ${childNoun(parent)} of ${parent.code} have it`,
              });
            }
          }
          continue;
        }
        const sum = having.reduce((acc, c) => acc + (c.item[field][year] ?? 0), 0);
        if (sum !== expected) {
          problems.push({
            file,
            row: parentRow.row,
            field: `${field}.${year}`,
            message: `${childNoun(parent)} sum to ${sum}, not ${expected} (difference ${sum - expected})`,
          });
        }
      }
    }
  }
  return byCode;
}

const PER_POPULATION_MEASURES: ReadonlySet<string> = new Set(['per1000', 'perHousehold', 'shareOfPopulation']);

function checkIndicators(rows: readonly Row<Indicator>[], problems: DataProblem[]): Map<string, Row<Indicator>> {
  const file = DATA_FILES.indicators;
  const byId = new Map<string, Row<Indicator>>();
  const headlines = new Map<number, number>();
  for (const { row, item: ind } of rows) {
    const first = byId.get(ind.id);
    if (first)
      problems.push({
        file,
        row,
        field: 'id',
        message: `duplicate indicator id ${ind.id} (first at row ${first.row})`,
      });
    else byId.set(ind.id, { row, item: ind });

    if (ind.status !== 'official') {
      for (const lang of ['fr', 'ar', 'en'] as const) {
        if (ind.method[lang].trim().length < MIN_METHOD_LENGTH) {
          problems.push({
            file,
            row,
            field: `method.${lang}`,
            message: `an ${ind.status} series needs a method that says how its figures were derived`,
          });
        }
      }
    }
    checkSource(file, row, 'source', ind.source, problems);
    if (ind.target) checkSource(file, row, 'target.source', ind.target.source, problems);
    ind.claims?.forEach((c, i) => checkSource(file, row, `claims.${i}.source`, c.source, problems));
    if (!ind.measures.includes('absolute'))
      problems.push({ file, row, field: 'measures', message: 'measures must include absolute' });
    for (const m of ind.measures) {
      if (PER_POPULATION_MEASURES.has(m) && !ind.perCapita) {
        problems.push({ file, row, field: 'measures', message: `${m} needs perCapita: true` });
      }
    }
    if (ind.unit.code === 'percent' && ind.perCapita) {
      problems.push({
        file,
        row,
        field: 'perCapita',
        message: 'a percentage cannot be divided by population (perCapita must be false)',
      });
    }
    if (ind.target && !periodFitsFrequency(ind.target.period, ind.frequency)) {
      problems.push({
        file,
        row,
        field: 'target.period',
        message: `period ${ind.target.period} does not fit the ${ind.frequency} frequency (expects ${PERIOD_FORMS[ind.frequency].expects})`,
      });
    }
    if (ind.headline !== undefined) {
      const other = headlines.get(ind.headline);
      if (other !== undefined)
        problems.push({
          file,
          row,
          field: 'headline',
          message: `headline ${ind.headline} is already used at row ${other}`,
        });
      else headlines.set(ind.headline, row);
    }
  }
  return byId;
}

interface ObsRef {
  file: string;
  row: number;
  item: Observation;
}

function checkObservations(
  files: readonly { file: string; rows: readonly Row<Observation>[] }[],
  indicators: ReadonlyMap<string, Row<Indicator>>,
  indicatorIdsSeen: ReadonlySet<string>,
  territories: ReadonlyMap<string, Row<Territory>>,
  territoryCodesSeen: ReadonlySet<string>,
  allTerritories: readonly Row<Territory>[],
  problems: DataProblem[],
): void {
  const seen = new Map<string, ObsRef>();
  const used = new Set<string>();
  const groups = new Map<string, Map<string, ObsRef>>();

  for (const { file, rows } of files) {
    for (const { row, item: o } of rows) {
      used.add(o.indicator);
      const ind = indicators.get(o.indicator)?.item;
      const terr = territories.get(o.territory)?.item;
      if (!ind && !indicatorIdsSeen.has(o.indicator)) {
        problems.push({ file, row, field: 'indicator', message: `unknown indicator ${o.indicator}` });
      }
      if (!terr && !territoryCodesSeen.has(o.territory)) {
        problems.push({ file, row, field: 'territory', message: `unknown territory ${o.territory}` });
      }
      if (ind && terr && !ind.levels.includes(terr.level)) {
        problems.push({
          file,
          row,
          field: 'territory',
          message: `${o.territory} is a ${terr.level}, but ${o.indicator} has levels ${ind.levels.join(', ')}`,
        });
      }
      if (ind && !periodFitsFrequency(o.period, ind.frequency)) {
        problems.push({
          file,
          row,
          field: 'period',
          message: `period ${o.period} does not fit the ${ind.frequency} frequency of ${o.indicator} (expects ${PERIOD_FORMS[ind.frequency].expects})`,
        });
      }
      checkPointProvenance(file, row, o, problems);
      const key = `${o.indicator}|${o.territory}|${o.period}`;
      const first = seen.get(key);
      if (first) {
        problems.push({
          file,
          row,
          field: 'period',
          message: `duplicate observation (${o.indicator}, ${o.territory}, ${o.period}); first in ${first.file} row ${first.row}`,
        });
      } else seen.set(key, { file, row, item: o });

      if (o.value === null) {
        if (!o.note || Object.values(o.note).some((text) => text.trim() === ''))
          problems.push({ file, row, field: 'note', message: 'a missing value (null) needs a note saying why' });
      } else {
        if (o.value < 0) problems.push({ file, row, field: 'value', message: `negative value ${o.value}` });
        if (ind?.unit.code === 'percent' && o.value > 100)
          problems.push({ file, row, field: 'value', message: `a percentage above 100 (${o.value})` });
      }
      if (ind && ind.status === 'official' && o.status !== 'official') {
        problems.push({
          file,
          row,
          field: 'status',
          message: `${o.indicator} is official; an ${o.status} observation cannot be part of it`,
        });
      }
      // Census counts carried both as territory attributes and as observations must agree.
      if (terr && o.value !== null && (o.indicator === 'population' || o.indicator === 'households')) {
        const attr = terr[o.indicator][o.period];
        if (attr !== undefined && attr !== o.value) {
          problems.push({
            file,
            row,
            field: 'value',
            message: `${o.value} differs from ${DATA_FILES.territories} ${o.indicator}.${o.period} of ${o.territory} (${attr})`,
          });
        }
      }
      if (ind && ADDITIVE_UNITS.has(ind.unit.code) && !first) {
        const gk = `${o.indicator}|${o.period}`;
        let g = groups.get(gk);
        if (!g) {
          g = new Map();
          groups.set(gk, g);
        }
        g.set(o.territory, { file, row, item: o });
      }
    }
  }

  // The sumsTo convention: a complete additive breakdown adds up to its parent, period by period.
  for (const [gk, byTerritory] of groups) {
    const [indicatorId = '', period = ''] = gk.split('|');
    const ind = indicators.get(indicatorId)?.item;
    if (!ind) continue;
    const strict = ind.status !== 'official';
    for (const [code, parentObs] of byTerritory) {
      const parent = territories.get(code)?.item;
      if (!parent || parent.level === 'province' || parentObs.item.value === null) continue;
      const children = partitionChildren(parent, allTerritories);
      const present = children.filter((c) => byTerritory.get(c.item.code)?.item.value != null);
      if (present.length === 0) continue;
      if (present.length < children.length) {
        if (strict) {
          problems.push({
            file: parentObs.file,
            row: parentObs.row,
            field: 'value',
            message: `only ${present.length} of ${children.length} ${childNoun(parent)} of ${code} have a value for ${period}; an ${ind.status} breakdown must be complete`,
          });
        }
        continue;
      }
      const sum = present.reduce((acc, c) => acc + (byTerritory.get(c.item.code)?.item.value ?? 0), 0);
      // Values are integers in base units; a tolerance would let a lost unit through.
      if (sum !== parentObs.item.value) {
        problems.push({
          file: parentObs.file,
          row: parentObs.row,
          field: 'value',
          message: `${childNoun(parent)} sum to ${sum}, not ${parentObs.item.value} (difference ${sum - parentObs.item.value}) for ${indicatorId} ${period}`,
        });
      }
    }
  }

  for (const [id, { row }] of indicators) {
    if (!used.has(id))
      problems.push({
        file: DATA_FILES.indicators,
        row,
        field: 'id',
        message: `indicator ${id} has no observations in any file`,
      });
  }
}

function checkProjects(
  rows: readonly Row<Project>[],
  indicatorIdsSeen: ReadonlySet<string>,
  territoryCodesSeen: ReadonlySet<string>,
  problems: DataProblem[],
): void {
  const file = DATA_FILES.projects;
  const ids = new Map<string, number>();
  for (const { row, item: p } of rows) {
    const first = ids.get(p.id);
    if (first !== undefined)
      problems.push({ file, row, field: 'id', message: `duplicate project id ${p.id} (first at row ${first})` });
    else ids.set(p.id, row);
    if (!territoryCodesSeen.has(p.territory))
      problems.push({ file, row, field: 'territory', message: `unknown territory ${p.territory}` });
    checkSource(file, row, 'source', p.source, problems);
    if (p.budget?.note) checkTranslated(file, row, 'budget.note', p.budget.note, problems);
    p.indicators.forEach((id, i) => {
      if (!indicatorIdsSeen.has(id))
        problems.push({ file, row, field: `indicators.${i}`, message: `unknown indicator ${id}` });
    });
    // The API's range rule: a project starting 2026-03 may end `2026` (some time that year); it ends before it
    // starts only when its end period is over before its start period begins.
    if (p.start !== null && p.end !== null && rangeIsEmpty(p.start, p.end)) {
      problems.push({ file, row, field: 'end', message: `ends (${p.end}) before it starts (${p.start})` });
    }
    if (p.category === 'stadium' && p.capacity === undefined) {
      problems.push({ file, row, field: 'capacity', message: 'a stadium needs its planned capacity' });
    }
  }
}

/**
 * The rules of `events.json` beyond the contract (issue 17): unique ids, known indicators, a `day` that is a real
 * date inside `date`, names and caveats translated, a caveat on every event that is not `official`, a citation-shaped
 * source.
 */
function checkEvents(
  rows: readonly Row<IndicatorEvent>[],
  indicatorIdsSeen: ReadonlySet<string>,
  problems: DataProblem[],
): void {
  const file = DATA_FILES.events;
  const ids = new Map<string, number>();
  for (const { row, item: e } of rows) {
    const first = ids.get(e.id);
    if (first !== undefined)
      problems.push({ file, row, field: 'id', message: `duplicate event id ${e.id} (first at row ${first})` });
    else ids.set(e.id, row);
    e.indicators.forEach((id, i) => {
      if (!indicatorIdsSeen.has(id))
        problems.push({ file, row, field: `indicators.${i}`, message: `unknown indicator ${id}` });
    });
    if (e.day !== undefined) {
      const d = new Date(`${e.day}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== e.day)
        problems.push({ file, row, field: 'day', message: `${e.day} is not a calendar date` });
      else if (!periodInRange(e.day.slice(0, 7), e.date, e.date))
        problems.push({ file, row, field: 'day', message: `${e.day} is not inside the event's date ${e.date}` });
    }
    if (e.status !== 'official' && !e.note)
      problems.push({
        file,
        row,
        field: 'note',
        message: `an ${e.status} event needs a note (fr, ar, en) saying why its date is not confirmed`,
      });
    checkTranslated(file, row, 'name', e.name, problems);
    if (e.note) checkTranslated(file, row, 'note', e.note, problems);
    checkSource(file, row, 'source', e.source, problems);
  }
}

function stringField(raw: readonly unknown[], key: string): Set<string> {
  const out = new Set<string>();
  for (const r of raw) {
    const v = isRecord(r) ? r[key] : undefined;
    if (typeof v === 'string') out.add(v);
  }
  return out;
}

/**
 * Checks a whole data folder. Returns every problem found (never throws on bad data) and the counts for the
 * summary line. Rows that fail the contract are reported once and left out of the cross-file rules, but their
 * codes and ids still count as "known", so one typo does not cascade into dozens of "unknown" messages.
 */
export function checkData(files: DataFiles): DataCheckResult {
  const problems: DataProblem[] = [];
  const terr = parseRows(
    DATA_FILES.territories,
    files.territories,
    Territory,
    new Set(Object.keys(Territory.shape)),
    problems,
  );
  const inds = parseRows(
    DATA_FILES.indicators,
    files.indicators,
    Indicator,
    new Set(Object.keys(Indicator.shape)),
    problems,
  );
  const projs = parseRows(DATA_FILES.projects, files.projects, Project, new Set(Object.keys(Project.shape)), problems);
  const obsKeys = new Set(Object.keys(Observation.shape));
  const obsFiles = Object.keys(files.observations)
    .sort()
    .map((file) => {
      const parsed = parseRows(file, files.observations[file], Observation, obsKeys, problems);
      return { file, rows: parsed.valid, count: parsed.raw.length };
    });

  const territoryCodesSeen = stringField(terr.raw, 'code');
  const indicatorIdsSeen = stringField(inds.raw, 'id');
  const territories = checkTerritories(terr.valid, problems);
  const indicators = checkIndicators(inds.valid, problems);
  checkObservations(obsFiles, indicators, indicatorIdsSeen, territories, territoryCodesSeen, terr.valid, problems);
  checkProjects(projs.valid, indicatorIdsSeen, territoryCodesSeen, problems);
  const evts =
    files.events === undefined
      ? { valid: [], raw: [] }
      : parseRows(
          DATA_FILES.events,
          files.events,
          IndicatorEvent,
          new Set(Object.keys(IndicatorEvent.shape)),
          problems,
        );
  checkEvents(evts.valid, indicatorIdsSeen, problems);

  const observations = new Map<string, ObservationRef>();
  for (const { file, rows } of obsFiles) {
    for (const { row, item } of rows) {
      const key = `${item.indicator}|${item.territory}|${item.period}`;
      if (!observations.has(key)) observations.set(key, { file, row, item });
    }
  }
  let sourceCells = 0;
  for (const spec of SOURCE_TABLES)
    sourceCells += checkSourceTable(spec, files.sources?.[spec.file], { territories, observations }, problems);

  return {
    problems,
    summary: {
      territories: terr.raw.length,
      indicators: inds.raw.length,
      observations: obsFiles.reduce((n, f) => n + f.count, 0),
      observationFiles: obsFiles.length,
      projects: projs.raw.length,
      events: evts.raw.length,
      sourceCells,
      sourceTables: SOURCE_TABLES.filter((s) => files.sources?.[s.file] !== undefined).length,
    },
  };
}
