// @vitest-environment jsdom
import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import '../setup-msw.ts';
import { z } from 'zod';
import {
  API_BASE_URL,
  ApiError,
  DEFAULT_TIMEOUT_MS,
  apiFetch,
  formatFieldPath,
  parseRetryAfter,
  trimBaseUrl,
  USE_MOCK_API,
} from '../../src/api/client.ts';
import { ObservationsResponse, TerritoriesResponse } from '../../src/contract/contract.ts';
import { server } from '../../src/mocks/node.ts';
import { QUERY_BUDGET_MS, observationsQuery, territoriesQuery } from '../../src/api/queries.ts';

const OBS = `*/api/v1/observations`;
const row = (value: unknown) => ({ indicator: 'x', territory: 'MA', period: '2024', value, status: 'official' });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected apiFetch to fail');
}

describe('configuration', () => {
  it('uses the app origin for the mock when no VITE_API_BASE_URL is set', () => {
    expect(USE_MOCK_API).toBe(true);
    expect(API_BASE_URL).toBe(trimBaseUrl(new URL('/', location.href).href));
    expect(API_BASE_URL.endsWith('/')).toBe(false);
  });
  it.each([
    ['https://api.example.ma/', 'https://api.example.ma'],
    ['https://api.example.ma/x//', 'https://api.example.ma/x'],
    ['https://api.example.ma', 'https://api.example.ma'],
  ])('trimBaseUrl(%s) = %s', (input, expected) => {
    expect(trimBaseUrl(input)).toBe(expected);
  });
});

describe('apiFetch success', () => {
  it('returns the parsed body from the mock API', async () => {
    const body = await apiFetch('/territories', TerritoriesResponse);
    expect(body.data.some((t) => t.code === 'MA')).toBe(true);
  });
});

describe('apiFetch failures are typed ApiErrors', () => {
  it('invalid payload names the endpoint and the field', async () => {
    server.use(http.get(OBS, () => HttpResponse.json({ data: [row(1), row(2), row(3), row('4')] })));
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error.kind).toBe('invalid-payload');
    expect(error.endpoint).toBe('/observations');
    expect(error.field).toBe('data[3].value');
    expect(error.message).toBe('/observations: data[3].value expected number, received string');
  });

  it('invalid payload: a missing field and several issues', async () => {
    server.use(http.get(OBS, () => HttpResponse.json({ data: [{ ...row(1), status: undefined }, row('2')] })));
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error.field).toBe('data[0].status');
    expect(error.message).toMatch(/^\/observations: data\[0\]\.status .+ \(and 1 more\)$/);
  });

  it('malformed JSON', async () => {
    server.use(
      http.get(OBS, () => new HttpResponse('{"data": [', { headers: { 'Content-Type': 'application/json' } })),
    );
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error.kind).toBe('malformed-json');
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/^\/observations: the response is not valid JSON/);
  });

  it('500 problem+json keeps the problem and says it', async () => {
    const problem = { type: 'urn:x', title: 'Internal Server Error', status: 500, detail: 'database down' };
    server.use(
      http.get(OBS, () =>
        HttpResponse.json(problem, { status: 500, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error).toMatchObject({ kind: 'http', status: 500, problem });
    expect(error.message).toBe('/observations: HTTP 500 Internal Server Error — database down');
  });

  it('400 from the real handlers carries the parameter', async () => {
    const error = await failure(apiFetch('/observations?indicator=nope', ObservationsResponse));
    expect(error.status).toBe(400);
    expect(error.problem?.parameter).toBe('indicator');
  });

  it('an HTML error page still gives an http error', async () => {
    server.use(
      http.get(OBS, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error).toMatchObject({ kind: 'http', status: 502, problem: undefined });
    expect(error.message).toBe('/observations: HTTP 502 Bad Gateway');
  });

  it('429 keeps Retry-After', async () => {
    server.use(
      http.get(OBS, () =>
        HttpResponse.json(
          { type: 'urn:x', title: 'Too Many Requests', status: 429 },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 7 });
  });

  it('timeout', async () => {
    server.use(
      http.get(OBS, async () => {
        await delay('infinite');
        return HttpResponse.json({ data: [] });
      }),
    );
    const t0 = performance.now();
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse, { timeoutMs: 100 }));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('network failure', async () => {
    server.use(http.get(OBS, () => HttpResponse.error()));
    const error = await failure(apiFetch('/observations?indicator=x', ObservationsResponse));
    expect(error.kind).toBe('network');
  });

  it('a caller abort propagates as the abort, not as an ApiError', async () => {
    server.use(
      http.get(OBS, async () => {
        await delay('infinite');
        return HttpResponse.json({ data: [] });
      }),
    );
    const controller = new AbortController();
    const pending = apiFetch('/observations?indicator=x', ObservationsResponse, { signal: controller.signal });
    controller.abort(new DOMException('user left', 'AbortError'));
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it('an already aborted signal never fetches', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(apiFetch('/territories', TerritoriesResponse, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('works with any zod schema', async () => {
    const error = await failure(apiFetch('/territories', z.object({ data: z.array(z.number()) })));
    expect(error.field).toBe('data[0]');
  });
});

describe('helpers', () => {
  it.each([
    [['data', 3, 'value'], 'data[3].value'],
    [['data', 0, 'name', 'fr'], 'data[0].name.fr'],
    [['data'], 'data'],
    [[], '(root)'],
  ] as const)('formatFieldPath(%j) = %s', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });

  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['7', 7],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('parseRetryAfter(%j) = %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('the timeout and retries are budgeted together (issue 16 item 6)', () => {
  /** Run one of the app's queries against a `fetch` that never answers; when and how it fails, and how many tries. */
  async function againstHangingApi(run: (client: QueryClient) => Promise<unknown>) {
    vi.useFakeTimers();
    const tries: number[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      tries.push(Date.now());
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    });
    try {
      const start = Date.now();
      let outcome: { error: unknown; at: number } | undefined;
      run(new QueryClient()).then(
        () => (outcome = { error: null, at: Date.now() }),
        (error: unknown) => (outcome = { error, at: Date.now() }),
      );
      for (let waited = 0; waited < 60_000 && outcome === undefined; waited += 100)
        await vi.advanceTimersByTimeAsync(100);
      return { outcome, elapsed: (outcome?.at ?? Number.NaN) - start, tries: tries.map((t) => t - start) };
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  }

  it('the budget: a try of 7 s, one retry after 1 s, under 20 s in all', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(7_000);
    expect(QUERY_BUDGET_MS).toBe(15_000);
    expect(QUERY_BUDGET_MS).toBeLessThan(20_000);
  });

  it.each([
    ['observations', (c: QueryClient) => c.fetchQuery(observationsQuery({ indicator: 'unemployment-rate' }))],
    ['territories', (c: QueryClient) => c.fetchQuery(territoriesQuery())],
  ])('%s: an API that never answers gives the timeout error after two tries, within the budget', async (_n, run) => {
    const { outcome, elapsed, tries } = await againstHangingApi(run);
    expect(outcome?.error).toBeInstanceOf(ApiError);
    expect(outcome?.error instanceof ApiError && outcome.error.kind).toBe('timeout');
    expect(tries).toEqual([0, DEFAULT_TIMEOUT_MS + 1_000]);
    expect(elapsed).toBeGreaterThanOrEqual(QUERY_BUDGET_MS);
    expect(elapsed).toBeLessThan(QUERY_BUDGET_MS + 200);
  });
});
