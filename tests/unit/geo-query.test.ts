// @vitest-environment jsdom
/**
 * The map's boundary file through the app's fetch path (src/api/geo.ts): the real file passes the TopoJSON check,
 * and a malformed one — wrong type, missing object, a geometry without its code, an arc that does not exist, not
 * JSON, a 404 — becomes an `ApiError` naming the file and what is wrong, never a map drawn from garbage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import '../setup-msw.ts';
import { ApiError } from '../../src/api/client.ts';
import { GEOMETRY_ENDPOINT, geometryQuery, geometryUrl } from '../../src/api/geo.ts';
import { MoroccoTopology } from '../../src/contract/geo.ts';
import { server } from '../../src/mocks/node.ts';

const FILE = path.resolve(import.meta.dirname, '../../public/geo/morocco-provinces.topo.json');
const real = (): Record<string, unknown> => JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, unknown>;

/** Serve `body` (an object as JSON, or a raw string) at the geometry URL. */
function serve(body: unknown, status = 200): void {
  server.use(
    http.get(geometryUrl(), () =>
      typeof body === 'string' ? new HttpResponse(body, { status }) : HttpResponse.json(body as object, { status }),
    ),
  );
}

/** Run the query's fetch once (no retries, no cache) and return the error it fails with. */
async function failure(): Promise<ApiError> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const options = geometryQuery();
  try {
    await client.fetchQuery({ ...options, retry: false });
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the geometry query to fail');
}

/** A deep copy of the real file with one change. */
function broken(edit: (t: any) => void): unknown {
  const t = real();
  edit(t);
  return t;
}

describe('the boundary file', () => {
  it('is fetched from the app base path, not the API, and passes the check', async () => {
    expect(geometryUrl()).toBe(new URL('/geo/morocco-provinces.topo.json', location.href).href);
    serve(real());
    const client = new QueryClient();
    const topo = await client.fetchQuery(geometryQuery());
    expect(topo.objects.provinces.geometries).toHaveLength(75);
    expect(topo.objects.regions.geometries).toHaveLength(12);
    expect(geometryQuery().staleTime).toBe(Infinity);
  });

  it('the shipped file is a valid MoroccoTopology', () => {
    expect(MoroccoTopology.safeParse(real()).success).toBe(true);
  });

  it.each([
    ['not a topology', (t: any) => (t.type = 'FeatureCollection'), 'type'],
    ['no provinces object', (t: any) => delete t.objects.provinces, 'objects.provinces'],
    ['no regions object', (t: any) => delete t.objects.regions, 'objects.regions'],
    [
      'a province without its code',
      (t: any) => delete t.objects.provinces.geometries[3].id,
      'objects.provinces.geometries[3]',
    ],
    [
      'a province without its region',
      (t: any) => delete t.objects.provinces.geometries[5].properties.region,
      'objects.provinces.geometries[5]',
    ],
    [
      'a region without a name',
      (t: any) => delete t.objects.regions.geometries[0].properties.name,
      'objects.regions.geometries[0]',
    ],
    ['an id that is not the ISO code', (t: any) => (t.objects.regions.geometries[0].id = 'MA-02'), 'objects.regions'],
    ['no transform', (t: any) => delete t.transform, 'transform'],
    ['no arcs', (t: any) => (t.arcs = []), 'arcs'],
    ['an arc index past the end', (t: any) => (t.objects.provinces.geometries[0].arcs = [[9999]]), '(root)'],
  ])('%s is an invalid-payload error naming the file and the field', async (_name, edit, field) => {
    serve(broken(edit));
    const error = await failure();
    expect(error.kind).toBe('invalid-payload');
    expect(error.endpoint).toBe(GEOMETRY_ENDPOINT);
    expect(error.field?.startsWith(field)).toBe(true);
    expect(error.message).toMatch(/^\/geo\/morocco-provinces\.topo\.json: /);
  });

  it('a file that is not JSON is a malformed-json error', async () => {
    serve('<html>proxy error</html>');
    const error = await failure();
    expect(error.kind).toBe('malformed-json');
    expect(error.endpoint).toBe(GEOMETRY_ENDPOINT);
  });

  it('a missing file is an http error with its status (retried like the API: 5xx yes, 404 no)', async () => {
    serve('not found', 404);
    const error = await failure();
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    const retry = geometryQuery().retry as (n: number, e: unknown) => boolean;
    expect(retry(0, error)).toBe(false);
    expect(retry(0, new ApiError('x', { kind: 'http', endpoint: GEOMETRY_ENDPOINT, status: 503 }))).toBe(true);
  });
});

describe('tests/setup-msw.ts', () => {
  it('serves the shipped boundary file to every test, as the app serves it to the browser', async () => {
    const response = await fetch(geometryUrl());
    expect(response.ok).toBe(true);
    expect(await response.text()).toBe(fs.readFileSync(FILE, 'utf8'));
  });
});
