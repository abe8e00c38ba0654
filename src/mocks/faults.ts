/**
 * The mock API's demo and fault switch.
 *
 * A spec is a comma-separated list of tokens `kind[:arg][:endpoint]`; without an endpoint a fault hits
 * every data endpoint (territories, indicators, observations, projects — the OpenAPI document only when
 * named). Examples:
 *
 *   ?mock=latency:1500                 every endpoint answers 1.5 s late
 *   ?mock=error:observations           observations answers 500 (problem+json)
 *   ?mock=error:429:observations       … 429 with `Retry-After: 1`
 *   ?mock=malformed:observations       truncated JSON
 *   ?mock=invalid:territories          a schema-invalid payload (a wrong-typed field)
 *   ?mock=hang:projects                never answers (the client's timeout must fire)
 *   ?mock=network:indicators           network failure
 *   ?mock=empty:observations           `{ "data": [] }`
 *   ?mock=nulls:observations           every other value null
 *   ?mock=huge:100:observations        the rows repeated 100 times
 *   ?mock=hostile                      names and titles prefixed with =HYPERLINK(…), <script>, </svg>…
 *
 * The spec comes from the page URL parameter `mock` (read once when the mock starts, so the app's own
 * URL rewriting cannot drop it), from `localStorage['mouchir.mock']` (read on every request, so a test can
 * switch faults mid-session), or from `setMockSpec` (tests, the API server). When the mock API runs in the service
 * worker (a production build), which has neither, the page sends its URL's spec and its local setting with each
 * request, in the `x-mouchir-mock` header (src/mocks/mock-switches.ts).
 *
 * Adding a fault = one entry in `FAULTS`.
 */
import { delay, HttpResponse } from 'msw';
import type { Problem } from '../contract/contract.ts';
import { joinSpecs, readStoredSpec } from './mock-switches.ts';

/** The note of a gap made by the `nulls` fault: a contract note, in the three languages. */
const SIMULATED_GAP_NOTE = {
  fr: 'Lacune simulée (commutateur de pannes du serveur fictif).',
  ar: 'فجوة محاكاة (مفتاح أعطال الخادم التجريبي).',
  en: 'Simulated gap (mock fault switch).',
} as const;

/** Endpoints of contract v1, by their last path segment. */
export const MOCK_ENDPOINTS = [
  'territories',
  'indicators',
  'observations',
  'projects',
  'events',
  'openapi.json',
] as const;
export type MockEndpoint = (typeof MOCK_ENDPOINTS)[number];
/**
 * The endpoints a fault without an endpoint applies to. Not `events`: a failed events answer only hides the markers
 * (the chart is drawn without them), so a blanket fault keeps testing the data path; `error:events` targets it.
 */
export const DATA_ENDPOINTS: readonly MockEndpoint[] = ['territories', 'indicators', 'observations', 'projects'];

export { MOCK_STORAGE_KEY, MOCK_URL_PARAMETER, readStoredSpec, readUrlSpec } from './mock-switches.ts';

/** A JSON body the endpoint was about to send, or raw text once a fault has broken it. */
export type FaultBody = { json: unknown } | { text: string };

interface FaultDefinition {
  /** Numeric argument: its default and allowed range. Absent: the fault takes none. */
  arg?: { default: number; min: number; max: number };
  /** Runs before the real answer: may wait, or answer instead (error, network failure). */
  before?: (arg: number) => Promise<Response | undefined>;
  /** Rewrites a successful answer's body. */
  rewrite?: (body: FaultBody, arg: number) => FaultBody;
}

/** Build an RFC 9457 problem response. Shared with the handlers so every error looks the same. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** Problem type URIs of the mock API (documented in docs/api.md). */
export const PROBLEM_TYPE = (name: string): string => `urn:mouchir:problem:${name}`;

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** A simulated server failure with the given status. */
export function simulatedFailure(status: number): Response {
  const retryAfter: Record<string, string> = status === 429 || status === 503 ? { 'Retry-After': '1' } : {};
  return problemResponse(
    {
      type: PROBLEM_TYPE(status === 429 ? 'rate-limited' : 'simulated-failure'),
      title: STATUS_TITLES[status] ?? `HTTP ${status}`,
      status,
      detail: 'Simulated by the mock API fault switch.',
    },
    retryAfter,
  );
}

function rows(body: FaultBody): unknown[] | null {
  if (!('json' in body)) return null;
  const data = (body.json as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data : null;
}

/** Make the first item schema-invalid: a number turned into a string (an observation's `value` first). */
function breakOneField(items: unknown[]): unknown[] {
  const copy = [...items];
  const index = copy.findIndex((it) => typeof (it as { value?: unknown } | null)?.value === 'number');
  if (index >= 0) {
    const item = copy[index] as Record<string, unknown>;
    copy[index] = { ...item, value: String(item.value) };
    return copy;
  }
  const first = copy[0];
  if (first && typeof first === 'object') {
    const [key, value] = Object.entries(first)[0] ?? [];
    if (key !== undefined) copy[0] = { ...first, [key]: typeof value === 'number' ? String(value) : 42 };
  }
  return copy;
}

/**
 * Labels a bad import or an attacker could put in the data (issue 8 item 3): a spreadsheet formula, a script
 * tag, an SVG breaker, an HTML event handler. The page, CSV, SVG, PNG and PPTX must all show them as text.
 */
export const HOSTILE_LABELS = [
  '=HYPERLINK("http://evil.example","x")',
  '<script>alert(1)</script>',
  '</svg><svg onload=alert(1)>',
  '<img src=x onerror=alert(1)>',
] as const;

/** `{fr, ar, en}` with a hostile label put before each text (the original kept, so items stay distinct). */
function hostileText(value: unknown, label: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? `${label} ${v}` : v]));
}

/** Every fault the switch knows. One entry each; `kind` is the key. */
export const FAULTS = {
  latency: {
    arg: { default: 1500, min: 0, max: 600_000 },
    before: async (ms) => {
      await delay(ms);
      return undefined;
    },
  },
  error: { arg: { default: 500, min: 400, max: 599 }, before: async (status) => simulatedFailure(status) },
  hang: {
    before: async () => {
      await delay('infinite');
      return undefined;
    },
  },
  network: { before: async () => HttpResponse.error() },
  malformed: {
    // Cut the JSON short, as a dropped connection or a proxy error page would.
    rewrite: (body) => {
      const text = 'json' in body ? JSON.stringify(body.json) : body.text;
      return { text: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
    },
  },
  invalid: {
    rewrite: (body) => {
      const items = rows(body);
      if (!items) return body;
      return { json: { data: items.length > 0 ? breakOneField(items) : null } };
    },
  },
  empty: { rewrite: (body) => (rows(body) ? { json: { data: [] } } : body) },
  nulls: {
    rewrite: (body) => {
      const items = rows(body);
      if (!items) return body;
      const data = items.map((it, i) =>
        i % 2 === 1 && it && typeof it === 'object' && 'value' in it
          ? { ...it, value: null, note: SIMULATED_GAP_NOTE }
          : it,
      );
      return { json: { data } };
    },
  },
  hostile: {
    // Names (territories, indicators) and titles (projects) prefixed with a hostile label, cycling through them.
    rewrite: (body) => {
      const items = rows(body);
      if (!items) return body;
      const data = items.map((it, i) => {
        if (!it || typeof it !== 'object') return it;
        const label = HOSTILE_LABELS[i % HOSTILE_LABELS.length] ?? HOSTILE_LABELS[0];
        const record = it as Record<string, unknown>;
        const out: Record<string, unknown> = { ...record };
        if ('name' in record) out.name = hostileText(record.name, label);
        if ('title' in record) out.title = hostileText(record.title, label);
        return out;
      });
      return { json: { data } };
    },
  },
  huge: {
    arg: { default: 50, min: 1, max: 10_000 },
    rewrite: (body, times) => {
      const items = rows(body);
      if (!items) return body;
      return { json: { data: Array.from({ length: times }, () => items).flat() } };
    },
  },
} satisfies Record<string, FaultDefinition>;

export type FaultKind = keyof typeof FAULTS;

/** One parsed fault. `endpoint: null` = every data endpoint. */
export interface Fault {
  kind: FaultKind;
  arg: number;
  endpoint: MockEndpoint | null;
}

/** A parsed spec: the faults, and the tokens that made no sense (ignored, listed so a UI can say so). */
export interface FaultSpec {
  faults: Fault[];
  rejected: string[];
}

function isKind(s: string): s is FaultKind {
  return Object.hasOwn(FAULTS, s);
}

function toEndpoint(s: string): MockEndpoint | null {
  if (s === 'openapi') return 'openapi.json';
  return (MOCK_ENDPOINTS as readonly string[]).includes(s) ? (s as MockEndpoint) : null;
}

/** Longest spec looked at: it comes from a URL anyone can craft. */
const MAX_SPEC_LENGTH = 500;

/** Parse a spec such as `latency:800,error:observations`. Never throws; nonsense goes to `rejected`. */
export function parseFaultSpec(spec: string | null | undefined): FaultSpec {
  const faults: Fault[] = [];
  const rejected: string[] = [];
  if (!spec) return { faults, rejected };
  for (const raw of spec.slice(0, MAX_SPEC_LENGTH).split(',')) {
    const token = raw.trim();
    if (token === '') continue;
    const [kind = '', ...rest] = token.split(':').map((p) => p.trim());
    if (!isKind(kind)) {
      rejected.push(token);
      continue;
    }
    const def: FaultDefinition = FAULTS[kind];
    let arg = def.arg?.default ?? 0;
    if (def.arg && rest.length > 0 && /^\d+$/.test(rest[0] ?? '')) {
      const n = Number(rest.shift());
      if (n < def.arg.min || n > def.arg.max) {
        rejected.push(token);
        continue;
      }
      arg = n;
    }
    if (rest.length > 1) {
      rejected.push(token);
      continue;
    }
    let endpoint: MockEndpoint | null = null;
    if (rest.length === 1) {
      endpoint = toEndpoint(rest[0] ?? '');
      if (endpoint === null) {
        rejected.push(token);
        continue;
      }
    }
    faults.push({ kind, arg, endpoint });
  }
  return { faults, rejected };
}

/** The faults of `spec` that hit `endpoint`. */
export function faultsFor(faults: readonly Fault[], endpoint: MockEndpoint): Fault[] {
  return faults.filter((f) => (f.endpoint === null ? DATA_ENDPOINTS.includes(endpoint) : f.endpoint === endpoint));
}

/** Run the faults' `before` hooks in order; the first that answers wins. */
export async function runBeforeFaults(faults: readonly Fault[]): Promise<Response | undefined> {
  for (const f of faults) {
    const def: FaultDefinition = FAULTS[f.kind];
    const response = await def.before?.(f.arg);
    if (response) return response;
  }
  return undefined;
}

/** Apply the faults' body rewrites in order. */
export function rewriteBody(faults: readonly Fault[], body: FaultBody): FaultBody {
  let out = body;
  for (const f of faults) {
    const def: FaultDefinition = FAULTS[f.kind];
    if (def.rewrite) out = def.rewrite(out, f.arg);
  }
  return out;
}

// ---- where the active spec comes from ----

let fixedSpec = '';
const cache = new Map<string, FaultSpec>();

function cachedParse(spec: string): FaultSpec {
  let parsed = cache.get(spec);
  if (!parsed) {
    if (cache.size > 50) cache.clear();
    parsed = parseFaultSpec(spec);
    cache.set(spec, parsed);
  }
  return parsed;
}

/** Set the spec that applies besides the local setting (the page URL's at worker start; tests). '' clears. */
export function setMockSpec(spec: string): void {
  fixedSpec = spec;
}

/**
 * The faults in force now: the fixed spec, the spec a request carries (`requestSpec`: the page's, sent in a header to
 * the mock API in the service worker, see mock-switches.ts) and the local setting.
 */
export function activeFaults(requestSpec?: string | null): FaultSpec {
  return cachedParse(joinSpecs(fixedSpec, requestSpec, readStoredSpec()));
}
