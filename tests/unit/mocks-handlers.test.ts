import { describe, expect, it } from 'vitest';
import '../setup-msw.ts';
import {
  IndicatorsResponse,
  ObservationsResponse,
  Problem,
  ProjectsResponse,
  TerritoriesResponse,
} from '../../src/contract/contract.ts';
import { defaultDb } from '../../src/mocks/db.ts';
import { setMockSpec } from '../../src/mocks/faults.ts';

// Two bases: the handlers must answer at any origin and sub-path (root, /mouchir/ …).
const BASES = ['http://localhost/api/v1', 'https://static.example.test/some/sub/path/api/v1'];

const db = defaultDb();
const indicator = db.indicators[0]?.id ?? 'missing';
const withData = [...(db.observations.get(indicator)?.keys() ?? [])];

async function get(path: string, base = BASES[0]): Promise<Response> {
  return fetch(`${base}${path}`);
}

describe.each(BASES)('contract endpoints at %s', (base) => {
  it.each([
    ['/territories', TerritoriesResponse],
    ['/indicators', IndicatorsResponse],
    [`/observations?indicator=${indicator}`, ObservationsResponse],
    ['/projects', ProjectsResponse],
    ['/projects?territory=MA', ProjectsResponse],
  ])('GET %s parses with the contract schema', async (path, schema) => {
    const res = await get(path, base);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = schema.safeParse(await res.json());
    expect(parsed.success, parsed.error?.message).toBe(true);
  });
});

describe('GET /observations', () => {
  it('filters by territory and range, matching the db', async () => {
    const codes = withData.slice(0, 2);
    const res = await get(`/observations?indicator=${indicator}&territory=${codes.join(',')}`);
    const body = ObservationsResponse.parse(await res.json());
    expect(body.data.length).toBeGreaterThan(0);
    expect(new Set(body.data.map((r) => r.territory))).toEqual(new Set(codes));
    expect(body.data.every((r) => r.indicator === indicator)).toBe(true);

    const period = body.data[0]?.period ?? '2024';
    const ranged = ObservationsResponse.parse(
      await (
        await get(`/observations?indicator=${indicator}&territory=${codes.join(',')}&from=${period}&to=${period}`)
      ).json(),
    );
    expect(ranged.data.length).toBeGreaterThan(0);
    expect(ranged.data.length).toBeLessThanOrEqual(body.data.length);
  });
});

describe('bad parameters → 400 problem+json naming the parameter', () => {
  it.each([
    ['/observations', 'indicator', 'missing-parameter'],
    ['/observations?indicator=', 'indicator', 'missing-parameter'],
    ['/observations?indicator=no-such-indicator', 'indicator', 'unknown-indicator'],
    [`/observations?indicator=${indicator}&indicator=${indicator}`, 'indicator', 'invalid-parameter'],
    [`/observations?indicator=${indicator}&territory=MA-99`, 'territory', 'unknown-territory'],
    [`/observations?indicator=${indicator}&territory=MA,casablanca`, 'territory', 'invalid-parameter'],
    [`/observations?indicator=${indicator}&territory=`, 'territory', 'invalid-parameter'],
    [
      `/observations?indicator=${indicator}&territory=${Array(201).fill('MA').join(',')}`,
      'territory',
      'invalid-parameter',
    ],
    [`/observations?indicator=${indicator}&from=2024-13`, 'from', 'invalid-parameter'],
    [`/observations?indicator=${indicator}&to=24`, 'to', 'invalid-parameter'],
    [`/observations?indicator=${indicator}&from=2025&to=2024-Q3`, 'from', 'invalid-range'],
    [`/observations?indicator=${indicator}&territories=MA`, 'territories', 'unknown-parameter'],
    ['/projects?territory=MA-ZZZ', 'territory', 'unknown-territory'],
    ['/projects?territory=<script>', 'territory', 'invalid-parameter'],
    ['/territories?level=region', 'level', 'unknown-parameter'],
  ])('%s → %s (%s)', async (path, parameter, type) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = Problem.parse(await res.json());
    expect(problem).toMatchObject({ status: 400, parameter, type: `urn:mouchir:problem:${type}` });
    expect(problem.detail).toBeTruthy();
  });

  it('accepts from = to and a range in mixed forms', async () => {
    expect((await get(`/observations?indicator=${indicator}&from=2024-Q1&to=2024-03`)).status).toBe(200);
    expect((await get(`/observations?indicator=${indicator}&from=2024&to=2024`)).status).toBe(200);
  });
});

describe('unknown paths and methods', () => {
  it('404 problem for an unknown path under /api/v1', async () => {
    const res = await get('/regions');
    expect(res.status).toBe(404);
    expect(Problem.parse(await res.json()).title).toBe('Not Found');
  });
  it('405 problem with Allow for a non-GET on a known path', async () => {
    const res = await fetch(`${BASES[0]}/territories`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('fault switch through the handlers', () => {
  it('error:observations → 500 problem on that endpoint only', async () => {
    setMockSpec('error:observations');
    expect((await get(`/observations?indicator=${indicator}`)).status).toBe(500);
    expect((await get('/territories')).status).toBe(200);
  });
  it('error:429 → Retry-After', async () => {
    setMockSpec('error:429:territories');
    const res = await get('/territories');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
  });
  it('malformed → body JSON.parse rejects, status 200', async () => {
    setMockSpec('malformed:indicators');
    const res = await get('/indicators');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });
  it('invalid → payload the schema rejects', async () => {
    setMockSpec('invalid:territories');
    const parsed = TerritoriesResponse.safeParse(await (await get('/territories')).json());
    expect(parsed.success).toBe(false);
  });
  it('latency delays the answer', async () => {
    setMockSpec('latency:150:projects');
    const t0 = performance.now();
    await get('/projects');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
  it('network → fetch rejects', async () => {
    setMockSpec('network:projects');
    await expect(get('/projects')).rejects.toThrow();
  });
});
