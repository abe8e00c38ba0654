/**
 * MSW 2 handlers implementing API contract v1 from the `data/` files.
 *
 * One list for three places: the browser worker (dev and the production build, at any sub-path), the
 * vitest node server, and `scripts/api-server.ts` over real HTTP. Patterns start with a `*` wildcard before `/api/v1/…`, so they match
 * whatever origin and base path the app is served from.
 *
 * The contract logic (`answer`) is a pure function from a URL to a status and a body; the MSW layer
 * only adds the fault switch and turns results into `Response`s.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { API_PREFIX, Period, TerritoryCode, type Problem } from '../contract/contract.ts';
import { rangeIsEmpty } from '../contract/period.ts';
import { DataFileError, defaultDb, queryEvents, queryObservations, queryProjects, type Db } from './db.ts';
import { loadShippedFiles } from './shipped-files.ts';
import { MOCK_SPEC_HEADER } from './mock-switches.ts';
import { dataFilesFor, type DataFileName } from './shipped-files-index.ts';
import {
  activeFaults,
  faultsFor,
  PROBLEM_TYPE,
  problemResponse,
  rewriteBody,
  runBeforeFaults,
  type Fault,
  type FaultBody,
  type MockEndpoint,
} from './faults.ts';

/** Most territory codes one observations request may name (a real server bounds its query strings too). */
export const MAX_TERRITORIES_PER_REQUEST = 200;

/** What the contract logic answers: a JSON body with 200, or a problem. */
export type Answer =
  /** `text`, when given, is `json` already serialised (a db's fast path, issue 7 B6): sent as is. */
  { status: 200; json: unknown; text?: string } | { status: number; problem: Problem };

const ALLOWED_PARAMETERS: Record<MockEndpoint, readonly string[]> = {
  territories: [],
  indicators: [],
  observations: ['indicator', 'territory', 'from', 'to'],
  projects: ['territory'],
  events: ['indicator'],
  'openapi.json': [],
};

function badRequest(parameter: string, type: string, title: string, detail: string): Answer {
  return { status: 400, problem: { type: PROBLEM_TYPE(type), title, status: 400, detail, parameter } };
}

/** One value of a parameter; repeated parameters are a client bug a real server would reject too. */
function single(params: URLSearchParams, name: string): string | undefined | Answer {
  const all = params.getAll(name);
  if (all.length > 1) return badRequest(name, 'invalid-parameter', 'Invalid parameter', `"${name}" may be given once.`);
  return all[0];
}

const isAnswer = (v: unknown): v is Answer => typeof v === 'object' && v !== null && 'status' in v;

function checkUnknownParameters(endpoint: MockEndpoint, params: URLSearchParams): Answer | undefined {
  const allowed = ALLOWED_PARAMETERS[endpoint];
  for (const name of params.keys()) {
    if (!allowed.includes(name)) {
      return badRequest(
        name,
        'unknown-parameter',
        'Unknown parameter',
        allowed.length > 0
          ? `"${name}" is not a parameter of /${endpoint}; expected one of: ${allowed.join(', ')}.`
          : `/${endpoint} takes no parameters.`,
      );
    }
  }
  return undefined;
}

function checkTerritoryCode(db: Db, parameter: string, code: string): Answer | undefined {
  if (!TerritoryCode.safeParse(code).success)
    return badRequest(
      parameter,
      'invalid-parameter',
      'Invalid parameter',
      `"${code}" is not an ISO 3166-2:MA code such as MA-06 or MA-BES.`,
    );
  if (!db.territoryByCode.has(code))
    return badRequest(parameter, 'unknown-territory', 'Unknown territory', `No territory has the code "${code}".`);
  return undefined;
}

function checkPeriod(parameter: string, value: string | undefined): Answer | undefined {
  if (value === undefined) return undefined;
  if (!Period.safeParse(value).success)
    return badRequest(
      parameter,
      'invalid-parameter',
      'Invalid parameter',
      `"${value}" is not a period such as 2024, 2024-Q3 or 2024-03.`,
    );
  return undefined;
}

function observations(db: Db, params: URLSearchParams): Answer {
  const indicator = single(params, 'indicator');
  if (isAnswer(indicator)) return indicator;
  if (indicator === undefined || indicator === '')
    return badRequest(
      'indicator',
      'missing-parameter',
      'Missing parameter',
      '"indicator" is required, e.g. ?indicator=population.',
    );
  if (!db.indicatorById.has(indicator))
    return badRequest('indicator', 'unknown-indicator', 'Unknown indicator', `No indicator has the id "${indicator}".`);

  const territoryParam = single(params, 'territory');
  if (isAnswer(territoryParam)) return territoryParam;
  let territories: string[] | undefined;
  if (territoryParam !== undefined) {
    territories = territoryParam.split(',').filter((c) => c !== '');
    if (territories.length === 0)
      return badRequest(
        'territory',
        'invalid-parameter',
        'Invalid parameter',
        '"territory" is empty; omit it to get every territory.',
      );
    if (territories.length > MAX_TERRITORIES_PER_REQUEST)
      return badRequest(
        'territory',
        'invalid-parameter',
        'Invalid parameter',
        `At most ${MAX_TERRITORIES_PER_REQUEST} territory codes per request.`,
      );
    for (const code of territories) {
      const problem = checkTerritoryCode(db, 'territory', code);
      if (problem) return problem;
    }
  }

  const from = single(params, 'from');
  if (isAnswer(from)) return from;
  const to = single(params, 'to');
  if (isAnswer(to)) return to;
  const periodProblem = checkPeriod('from', from) ?? checkPeriod('to', to);
  if (periodProblem) return periodProblem;
  if (from !== undefined && to !== undefined && rangeIsEmpty(from, to))
    return badRequest('from', 'invalid-range', 'Invalid range', `"from" (${from}) is after "to" (${to}).`);

  const query = { indicator, territories, from, to };
  // Issue 7 (B6): a db that serialises its own answers (the stress db, from cached per-territory JSON)
  // is sent as is; `json` stays available (parsed on demand) for faults and direct callers.
  const text = db.observationsJson?.(query);
  if (text !== undefined) {
    return {
      status: 200,
      text,
      get json(): unknown {
        return JSON.parse(text);
      },
    };
  }
  return { status: 200, json: { data: queryObservations(db, query) } };
}

function projects(db: Db, params: URLSearchParams): Answer {
  const territory = single(params, 'territory');
  if (isAnswer(territory)) return territory;
  if (territory !== undefined) {
    const problem = checkTerritoryCode(db, 'territory', territory);
    if (problem) return problem;
  }
  return { status: 200, json: { data: queryProjects(db, { territory }) } };
}

function events(db: Db, params: URLSearchParams): Answer {
  const indicator = single(params, 'indicator');
  if (isAnswer(indicator)) return indicator;
  if (indicator === '')
    return badRequest(
      'indicator',
      'invalid-parameter',
      'Invalid parameter',
      '"indicator" is empty; omit it to get every event.',
    );
  if (indicator !== undefined && !db.indicatorById.has(indicator))
    return badRequest('indicator', 'unknown-indicator', 'Unknown indicator', `No indicator has the id "${indicator}".`);
  return { status: 200, json: { data: queryEvents(db, { indicator }) } };
}

let openApiDocument: unknown;

/**
 * Build (once) the OpenAPI document `answer` serves. Its generator pulls zod's JSON Schema converter
 * (~20 kB raw) that only this endpoint needs, so it is imported on the first request for it instead of
 * riding in the browser mock's chunk before the first chart (issue 7, B3). The handlers await it.
 */
export async function loadOpenApiDocument(): Promise<unknown> {
  openApiDocument ??= (await import('../contract/openapi.ts')).buildOpenApiDocument();
  return openApiDocument;
}

/**
 * The contract logic, pure: what `GET /api/v1/<endpoint>?<params>` answers.
 * Parameters are validated like a real server: unknown, repeated, malformed or unknown-code → 400.
 */
export function answer(db: Db, endpoint: MockEndpoint, params: URLSearchParams): Answer {
  const unknown = checkUnknownParameters(endpoint, params);
  if (unknown) return unknown;
  switch (endpoint) {
    case 'territories':
      return { status: 200, json: { data: db.territories } };
    case 'indicators':
      return { status: 200, json: { data: db.indicators } };
    case 'observations':
      return observations(db, params);
    case 'projects':
      return projects(db, params);
    case 'events':
      return events(db, params);
    case 'openapi.json':
      // The handlers load it first; a direct caller that did not is told so instead of getting `undefined`.
      if (openApiDocument === undefined)
        throw new Error('answer(…, "openapi.json"): await loadOpenApiDocument() first');
      return { status: 200, json: openApiDocument };
  }
}

function jsonResponse(body: FaultBody, status: number): Response {
  const text = 'json' in body ? JSON.stringify(body.json) : body.text;
  return new HttpResponse(text, { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

function serverError(detail: string): Response {
  return problemResponse({ type: PROBLEM_TYPE('server-error'), title: 'Internal Server Error', status: 500, detail });
}

/** Options of `createHandlers`; the defaults are the shipped data and the page's fault switch. */
export interface HandlerOptions {
  /** Where rows come from; called per request, so a lazily built or swapped database works. */
  db?: () => Db;
  /** The faults in force; called per request, with it (the page's spec may ride in its `x-mouchir-mock` header). */
  faults?: (request: Request) => readonly Fault[];
  /**
   * The shipped data files a request needs loaded first (issue 16: the browser mock fetches each file on first
   * need). Default: `dataFilesFor` over the shipped data; with a custom `db`, the territories only (the stress
   * dataset is built over the shipped territories).
   */
  dataFiles?: (endpoint: MockEndpoint, params: URLSearchParams) => readonly DataFileName[];
}

/** Build the handler list over a database and a fault source. */
export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const getDb = options.db ?? defaultDb;
  const getFaults =
    options.faults ?? ((request: Request) => activeFaults(request.headers.get(MOCK_SPEC_HEADER)).faults);
  const filesFor = options.dataFiles ?? (options.db ? (): readonly DataFileName[] => ['territories'] : dataFilesFor);

  const endpointHandler = (endpoint: MockEndpoint): HttpHandler =>
    http.get(`*${API_PREFIX}/${endpoint}`, async ({ request }) => {
      const faults = faultsFor(getFaults(request), endpoint);
      const early = await runBeforeFaults(faults);
      if (early) return early;
      const params = new URL(request.url).searchParams;
      try {
        await loadShippedFiles(filesFor(endpoint, params));
      } catch (error) {
        // A data file that cannot be fetched (browser mock) is the server's fault too: say which and why.
        return serverError(
          error instanceof Error ? error.message : `Mock data file could not be loaded: ${String(error)}`,
        );
      }
      let result: Answer;
      try {
        if (endpoint === 'openapi.json') await loadOpenApiDocument();
        result = answer(getDb(), endpoint, params);
      } catch (error) {
        // A data file that breaks the contract is the server's fault: say which file, as a 500.
        if (error instanceof DataFileError)
          return serverError(`Mock data file does not match the contract: ${error.message}`);
        throw error;
      }
      if ('problem' in result) return problemResponse(result.problem);
      const body: FaultBody =
        result.text !== undefined && faults.length === 0 ? { text: result.text } : { json: result.json };
      return jsonResponse(rewriteBody(faults, body), 200);
    });

  const endpoints: readonly MockEndpoint[] = [
    'territories',
    'indicators',
    'observations',
    'projects',
    'events',
    'openapi.json',
  ];
  return [
    ...endpoints.map(endpointHandler),
    // Anything else under the API prefix: 405 on a known path, 404 elsewhere, as problem+json.
    http.all(`*${API_PREFIX}/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      const last = path.slice(path.lastIndexOf('/') + 1);
      if (
        path.includes(`${API_PREFIX}/`) &&
        (endpoints as readonly string[]).includes(last) &&
        path.endsWith(`${API_PREFIX}/${last}`)
      ) {
        return problemResponse(
          {
            type: PROBLEM_TYPE('method-not-allowed'),
            title: 'Method Not Allowed',
            status: 405,
            detail: `${request.method} is not allowed; use GET.`,
          },
          { Allow: 'GET' },
        );
      }
      return problemResponse({
        type: PROBLEM_TYPE('not-found'),
        title: 'Not Found',
        status: 404,
        detail: `No endpoint at ${path}. Endpoints: ${endpoints.map((e) => `${API_PREFIX}/${e}`).join(', ')}.`,
      });
    }),
  ];
}

/** The default handler list: shipped data, page fault switch. */
export const handlers: HttpHandler[] = createHandlers();
