import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import '../setup-msw.ts';
import { ApiError, type ApiErrorInit } from '../../src/api/client.ts';
import {
  indicatorsQuery,
  MAX_RETRY_DELAY_MS,
  normaliseTerritories,
  observationsPath,
  observationsQuery,
  projectsQuery,
  retryDelay,
  shouldRetry,
  territoriesQuery,
} from '../../src/api/queries.ts';
import { defaultDb } from '../../src/mocks/db.ts';
import { server } from '../../src/mocks/node.ts';

const err = (init: Omit<ApiErrorInit, 'endpoint'>) => new ApiError('x', { endpoint: '/x', ...init });

describe('query keys, general to specific', () => {
  it.each([
    [territoriesQuery().queryKey, ['territories']],
    [indicatorsQuery().queryKey, ['indicators']],
    [projectsQuery().queryKey, ['projects', null]],
    [projectsQuery({ territory: 'MA-06' }).queryKey, ['projects', 'MA-06']],
    [observationsQuery({ indicator: 'a' }).queryKey, ['observations', 'a', null, null, null]],
    [observationsQuery({ indicator: 'a', territories: [] }).queryKey, ['observations', 'a', null, null, null]],
    [
      observationsQuery({ indicator: 'a', territories: ['MA-06', 'MA-01', 'MA-06'], from: '2020', to: '2024-Q2' })
        .queryKey,
      ['observations', 'a', ['MA-01', 'MA-06'], '2020', '2024-Q2'],
    ],
  ])('%j', (key, expected) => {
    expect(key).toEqual(expected);
  });

  it('the same selection in another order shares a key', () => {
    expect(observationsQuery({ indicator: 'a', territories: ['MA-01', 'MA-06'] }).queryKey).toEqual(
      observationsQuery({ indicator: 'a', territories: ['MA-06', 'MA-01'] }).queryKey,
    );
  });

  it.each([
    [{ indicator: 'a' }, '/observations?indicator=a'],
    [{ indicator: 'a', territories: ['MA-06', 'MA-01'] }, '/observations?indicator=a&territory=MA-01,MA-06'],
    [{ indicator: 'a', from: '2020', to: '2024-Q2' }, '/observations?indicator=a&from=2020&to=2024-Q2'],
  ])('observationsPath(%j) = %s', (query, path) => {
    expect(observationsPath(query)).toBe(path);
  });

  it('normaliseTerritories', () => {
    expect(normaliseTerritories(undefined)).toBeNull();
    expect(normaliseTerritories(['b', 'a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('retry policy', () => {
  it.each([
    [0, err({ kind: 'network' }), true],
    [0, err({ kind: 'timeout' }), true],
    [1, err({ kind: 'timeout' }), false], // one retry of a timeout: the budget (issue 16 item 6)
    [1, err({ kind: 'network' }), true],
    [2, err({ kind: 'network' }), false], // at most 2 retries
    [0, err({ kind: 'http', status: 500 }), true],
    [0, err({ kind: 'http', status: 503 }), true],
    [0, err({ kind: 'http', status: 429 }), true],
    [0, err({ kind: 'http', status: 400 }), false],
    [0, err({ kind: 'http', status: 404 }), false],
    [0, err({ kind: 'invalid-payload', status: 200 }), false],
    [0, err({ kind: 'malformed-json', status: 200 }), false],
    [0, new Error('not ours'), false],
  ])('after %i failures, %o → %s', (count, error, expected) => {
    expect(shouldRetry(count, error)).toBe(expected);
  });

  it.each([
    [1, err({ kind: 'http', status: 429, retryAfterSeconds: 3 }), 3_000],
    [1, err({ kind: 'http', status: 429, retryAfterSeconds: 3_600 }), MAX_RETRY_DELAY_MS],
    [1, err({ kind: 'network' }), 1_000],
    [2, err({ kind: 'network' }), 2_000],
    [3, err({ kind: 'http', status: 500 }), 4_000],
  ])('retryDelay(%i, %o) = %i', (count, error, expected) => {
    expect(retryDelay(count, error)).toBe(expected);
  });
});

describe('query functions against the mock API', () => {
  const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const db = defaultDb();

  it('return the parsed data arrays', async () => {
    const qc = client();
    expect(await qc.fetchQuery(territoriesQuery())).toHaveLength(db.territories.length);
    expect(await qc.fetchQuery(indicatorsQuery())).toHaveLength(db.indicators.length);
    expect(await qc.fetchQuery(projectsQuery())).toHaveLength(db.projects.length);
    const indicator = db.indicators[0]?.id ?? '';
    const rows = await qc.fetchQuery(observationsQuery({ indicator }));
    expect(rows.every((r) => r.indicator === indicator)).toBe(true);
  });

  it('sends the normalised parameters', async () => {
    const seen: string[] = [];
    server.use(
      http.get('*/api/v1/observations', ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({ data: [] });
      }),
    );
    await client().fetchQuery(observationsQuery({ indicator: 'a', territories: ['MA-06', 'MA-01'], from: '2020' }));
    expect(seen).toEqual(['?indicator=a&territory=MA-01,MA-06&from=2020']);
  });

  it('retries a 503 with the real policy, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v1/indicators', () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json(
            { type: 'urn:x', title: 'Unavailable', status: 503 },
            { status: 503, headers: { 'Retry-After': '0' } },
          );
        return HttpResponse.json({ data: [] });
      }),
    );
    const qc = new QueryClient();
    expect(await qc.fetchQuery({ ...indicatorsQuery(), retry: indicatorsQuery().retry })).toEqual([]);
    expect(calls).toBe(2);
  });
});
