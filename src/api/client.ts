/**
 * The one fetch client of the app: builds the URL, bounds the wait, checks the status, parses JSON and
 * validates it against the contract schema. Every failure becomes an `ApiError` naming the endpoint and,
 * for a bad payload, the offending field; only an abort requested by the caller propagates as is (so
 * react-query can cancel quietly).
 */
import { z } from 'zod/mini';
import { API_PREFIX, Problem } from '../contract/contract.ts';

/** What went wrong, coarsely: the UI picks its message and the retry policy by this. */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-payload' | 'malformed-json';

/** Details of an `ApiError`. */
export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** Endpoint path after the version prefix, without the query: `/observations`. */
  endpoint: string;
  /** Full URL requested. */
  url?: string;
  /** HTTP status, for `http` (and for bad payloads, the 200 they came with). */
  status?: number;
  /** Offending field path for `invalid-payload`, e.g. `data[3].value`. */
  field?: string;
  /** The server's RFC 9457 problem, when it sent one. */
  problem?: Problem;
  /** Seconds to wait before retrying, from `Retry-After` (429, 503). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The only error `apiFetch` throws (besides the caller's own abort). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly endpoint: string;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly field: string | undefined;
  readonly problem: Problem | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: ApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.url = init.url;
    this.status = init.status;
    this.field = init.field;
    this.problem = init.problem;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/**
 * Default time one try of a request may take before it fails with kind `timeout`. Budgeted with the retries
 * (src/api/queries.ts, `QUERY_BUDGET_MS`): a try of 7 s, one retry of a timeout after 1 s, so a reader waiting on
 * an API that never answers gets the error with Retry after ~15 s (issue 16 item 6; it was 15 s × 3 tries ≈ 48 s).
 */
export const DEFAULT_TIMEOUT_MS = 7_000;

/**
 * Local setting that shortens (or lengthens) the timeout, in ms (1 000–120 000), so the timeout state can be
 * shown and tested without waiting 7 s per attempt (tests/e2e/faults.test.ts). Out of range or unreadable: ignored.
 */
export const TIMEOUT_STORAGE_KEY = 'mouchir.timeoutMs';

/** The timeout from the local setting, if valid. Never throws (storage may be blocked). */
export function storedTimeoutMs(): number | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(TIMEOUT_STORAGE_KEY) ?? null;
    if (raw === null || !/^\d+$/.test(raw)) return undefined;
    const ms = Number(raw);
    return ms >= 1_000 && ms <= 120_000 ? ms : undefined;
  } catch {
    return undefined;
  }
}

/** Remove trailing slashes: `https://api.example.ma/` and `https://api.example.ma` are the same base. */
export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The configured real API, if any (`VITE_API_BASE_URL` at build time). */
function configuredBaseUrl(): string | undefined {
  // `import.meta.env` exists under Vite and vitest; under plain tsx/Node it does not.
  const value = (import.meta.env as Record<string, unknown> | undefined)?.VITE_API_BASE_URL;
  return typeof value === 'string' && value.trim() !== '' ? trimBaseUrl(value.trim()) : undefined;
}

/** The app's own origin + base path (the mock API lives there), e.g. `https://host/mouchir`. */
function ownBaseUrl(): string {
  if (typeof location === 'undefined') return 'http://localhost';
  const base = (import.meta.env as Record<string, unknown> | undefined)?.BASE_URL;
  return trimBaseUrl(new URL(typeof base === 'string' ? base : '/', location.href).href);
}

/** Whether the app talks to the embedded mock API (no `VITE_API_BASE_URL`): then main starts the worker. */
export const USE_MOCK_API: boolean = configuredBaseUrl() === undefined;

/**
 * Base URL the contract's paths (`/api/v1/…`) are appended to: `VITE_API_BASE_URL` without its trailing
 * slash, or the app's own origin and base path for the mock.
 */
export const API_BASE_URL: string = configuredBaseUrl() ?? ownBaseUrl();

/** Options of `apiFetch`. */
export interface ApiFetchOptions {
  /** Caller's cancellation (react-query passes one); an abort rethrows the abort reason. */
  signal?: AbortSignal;
  /** Milliseconds before failing with kind `timeout`. Default: `localStorage['mouchir.timeoutMs']`, else 7 s. */
  timeoutMs?: number;
  /** Base URL override (tests against a local server); default `API_BASE_URL`. */
  baseUrl?: string;
}

/** `data[3].value` from zod's `['data', 3, 'value']`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function endpointOf(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/** Why an abort happened: ours (timeout) or the caller's. */
const TIMEOUT = Symbol('timeout');

let apiRequestHeaders: (() => Record<string, string>) | null = null;

/**
 * Headers to send with every API request, computed per request; `null` removes them. The mock API in the service
 * worker has no page to read the reader's switches from, so the page's side of it (src/mocks/sw-mock.ts) sends them
 * this way (src/mocks/mock-switches.ts). A real-API build sets none.
 */
export function setApiRequestHeaders(provider: (() => Record<string, string>) | null): void {
  apiRequestHeaders = provider;
}

/**
 * GET `API_BASE_URL + /api/v1 + path` and return the body parsed with `schema`.
 * @param path endpoint path after the version prefix, with its query: `/observations?indicator=x`.
 * @throws ApiError for every failure; the caller's abort reason when the caller aborts.
 */
export async function apiFetch<S extends z.core.$ZodType>(
  path: string,
  schema: S,
  options: ApiFetchOptions = {},
): Promise<z.output<S>> {
  const url = `${trimBaseUrl(options.baseUrl ?? API_BASE_URL)}${API_PREFIX}${path}`;
  return fetchJson(url, endpointOf(path), schema, { ...options, headers: apiRequestHeaders?.() });
}

/**
 * GET any JSON document (`url`) with the same timeout, errors and validation as `apiFetch`: for the app's
 * static files (the map's boundaries), which are not under the API's prefix. `endpoint` names it in errors.
 * @throws ApiError for every failure; the caller's abort reason when the caller aborts.
 */
export async function fetchJson<S extends z.core.$ZodType>(
  url: string,
  endpoint: string,
  schema: S,
  options: Omit<ApiFetchOptions, 'baseUrl'> & { headers?: Record<string, string> | undefined } = {},
): Promise<z.output<S>> {
  const { signal } = options;
  if (signal?.aborted) throw signal.reason;
  const timeoutMs = options.timeoutMs ?? storedTimeoutMs() ?? DEFAULT_TIMEOUT_MS;

  // One controller for both the caller's abort and our timeout; we know which fired from `reason`.
  const controller = new AbortController();
  let abortReason: unknown;
  const onAbort = (): void => {
    abortReason = signal?.reason;
    controller.abort(signal?.reason);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    abortReason = TIMEOUT;
    controller.abort();
  }, timeoutMs);

  const fail = (kind: ApiErrorKind, message: string, extra: Partial<ApiErrorInit> = {}): ApiError =>
    new ApiError(`${endpoint}: ${message}`, { kind, endpoint, url, ...extra });

  // Turns a rejection of fetch or of reading the body into the right error.
  const rejection = (cause: unknown): unknown => {
    if (abortReason === TIMEOUT)
      return fail('timeout', `no answer within ${Math.round(timeoutMs / 1000)} s`, { cause });
    if (signal?.aborted) return signal.reason;
    return fail('network', `network error (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  };

  try {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { ...options.headers, Accept: 'application/json' },
      });
      text = await response.text();
    } catch (cause) {
      throw rejection(cause);
    }

    if (!response.ok) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
      let problem: Problem | undefined;
      try {
        const parsed = Problem.safeParse(JSON.parse(text));
        if (parsed.success) problem = parsed.data;
      } catch {
        // Not JSON (a proxy's HTML error page, say): the status alone has to do.
      }
      const what = problem ? `${problem.title}${problem.detail ? ` — ${problem.detail}` : ''}` : response.statusText;
      throw fail('http', `HTTP ${response.status}${what ? ` ${what}` : ''}`, {
        status: response.status,
        problem,
        retryAfterSeconds,
      });
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw fail(
        'malformed-json',
        `the response is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`,
        {
          status: response.status,
          cause,
        },
      );
    }

    const result = z.safeParse(schema, json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = formatFieldPath(issue?.path ?? []);
      // zod says "Invalid input: expected number, received string"; the prefix adds nothing.
      const reason = (issue?.message ?? 'invalid').replace(/^Invalid input: /, '');
      const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
      throw fail('invalid-payload', `${field} ${reason}${more}`, {
        status: response.status,
        field,
        cause: result.error,
      });
    }
    return result.data;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
