/**
 * scripts/api-server.ts over real HTTP, driven by the app's own client (`apiFetch` with a base URL).
 * No MSW server runs in this file (the unit project starts one only where a file imports tests/setup-msw.ts),
 * so the requests really go over HTTP. Port 0: each server gets a free port, so two suites running at once on one
 * machine never collide on a fixed one (seen: EADDRINUSE on 4312).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, seededRandom, type ApiServer } from '../../scripts/api-server.ts';
import { ApiError, apiFetch } from '../../src/api/client.ts';
import {
  IndicatorsResponse,
  ObservationsResponse,
  Problem,
  ProjectsResponse,
  TerritoriesResponse,
} from '../../src/contract/contract.ts';
import shippedProjects from '../../data/projects.json' with { type: 'json' };

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({ port: 0 });
});
afterAll(async () => {
  await api.close();
});
afterEach(() => {
  api.setFaults('');
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('api-server serves the contract over HTTP', () => {
  it('every endpoint parses with the client', async () => {
    const base = { baseUrl: api.url };
    const territories = await apiFetch('/territories', TerritoriesResponse, base);
    const indicators = await apiFetch('/indicators', IndicatorsResponse, base);
    const indicator = indicators.data[0]?.id ?? '';
    const observations = await apiFetch(`/observations?indicator=${indicator}`, ObservationsResponse, base);
    const projects = await apiFetch('/projects', ProjectsResponse, base);
    expect(territories.data.some((t) => t.code === 'MA')).toBe(true);
    expect(observations.data.every((r) => r.indicator === indicator)).toBe(true);
    // Without a territory filter the server answers every project of the shipped file, in its order.
    expect(projects.data.map((p) => p.id)).toEqual(shippedProjects.data.map((p) => p.id));
    expect(projects.data.map((p) => p.id)).toContain('grand-stade-hassan-ii');
  });

  it('answers bad parameters with a 400 problem the client exposes', async () => {
    const error = await failure(apiFetch('/observations?indicator=nope', ObservationsResponse, { baseUrl: api.url }));
    expect(error).toMatchObject({ kind: 'http', status: 400, endpoint: '/observations' });
    expect(error.problem?.parameter).toBe('indicator');
  });

  it('sends CORS headers, answers preflights, and 404s unknown paths as problems', async () => {
    const res = await fetch(`${api.url}/api/v1/territories`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const preflight = await fetch(`${api.url}/api/v1/observations`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    const missing = await fetch(`${api.url}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(Problem.parse(await missing.json()).status).toBe(404);
  });

  it('applies a fault spec set at run time', async () => {
    api.setFaults('malformed:territories');
    expect((await failure(apiFetch('/territories', TerritoriesResponse, { baseUrl: api.url }))).kind).toBe(
      'malformed-json',
    );
    api.setFaults('invalid:territories');
    expect((await failure(apiFetch('/territories', TerritoriesResponse, { baseUrl: api.url }))).kind).toBe(
      'invalid-payload',
    );
    api.setFaults('error:429:territories');
    expect(await failure(apiFetch('/territories', TerritoriesResponse, { baseUrl: api.url }))).toMatchObject({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 1,
    });
    api.setFaults('network:territories');
    expect((await failure(apiFetch('/territories', TerritoriesResponse, { baseUrl: api.url }))).kind).toBe('network');
    api.setFaults('hang:territories');
    expect(
      (await failure(apiFetch('/territories', TerritoriesResponse, { baseUrl: api.url, timeoutMs: 300 }))).kind,
    ).toBe('timeout');
  });
});

describe('latency and error rate', () => {
  it('fails every request at errorRate 1 and delays within latencyMs', async () => {
    const flaky = await startApiServer({ port: 0, errorRate: 1, latencyMs: 150, seed: 7 });
    try {
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const error = await failure(apiFetch('/indicators', IndicatorsResponse, { baseUrl: flaky.url }));
        expect(error.status).toBe(500);
        expect(performance.now() - t0).toBeLessThan(150 + 1_000);
      }
    } finally {
      await flaky.close();
    }
  });

  it('draws from a seeded generator: same seed, same sequence', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(seqA);
  });
});
