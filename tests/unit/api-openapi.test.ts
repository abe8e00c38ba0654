/**
 * The OpenAPI document served at /api/v1/openapi.json: every endpoint, parameter and response is
 * there, and what the mock serves validates against the document's own JSON Schemas (converted back
 * with zod's `fromJSONSchema`, an independent path from the contract's zod schemas).
 */
import { describe, expect, it } from 'vitest';
import '../setup-msw.ts';
import { z } from 'zod';
import { buildOpenApiDocument, contractComponentIds, type Json } from '../../src/contract/openapi.ts';
import { setMockSpec } from '../../src/mocks/faults.ts';
import { defaultDb } from '../../src/mocks/db.ts';

const BASE = 'http://localhost/api/v1';

interface Operation {
  parameters?: { name: string; in: string; required: boolean; schema: Json }[];
  responses: Record<
    string,
    { content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, Json> }
  >;
}
interface Doc {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, Json> };
}

async function servedDocument(): Promise<Doc> {
  const res = await fetch(`${BASE}/openapi.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

/** A zod schema for one component, built from the document alone. */
function validatorFor(doc: Doc, id: string): z.ZodType {
  const text = JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/');
  const defs = JSON.parse(text) as Record<string, Json>;
  // A private registry: converting must not register duplicate ids in the global one.
  return z.fromJSONSchema({ $ref: `#/$defs/${id}`, $defs: defs } as Parameters<typeof z.fromJSONSchema>[0], {
    registry: z.registry(),
  });
}

const EXPECTED: Record<string, { parameters: Record<string, boolean>; body: string }> = {
  '/api/v1/territories': { parameters: {}, body: 'TerritoriesResponse' },
  '/api/v1/indicators': { parameters: {}, body: 'IndicatorsResponse' },
  '/api/v1/observations': {
    parameters: { indicator: true, territory: false, from: false, to: false },
    body: 'ObservationsResponse',
  },
  '/api/v1/projects': { parameters: { territory: false }, body: 'ProjectsResponse' },
};

describe('the served OpenAPI document', () => {
  it('is OpenAPI 3.1 and equals the generated one', async () => {
    const doc = await servedDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('has every contract component and nothing else, and every $ref resolves', async () => {
    // Another module's schema in the global registry must stay out of the API document.
    z.object({ stored: z.string() }).meta({ id: 'ForeignStoredState' });
    const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Doc;
    expect(doc.components.schemas).not.toHaveProperty('ForeignStoredState');
    expect(Object.keys(doc.components.schemas).sort()).toEqual(contractComponentIds().sort());
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas, `dangling $ref ${ref}`).toHaveProperty(ref ?? '');
  });

  it.each(Object.entries(EXPECTED))('documents %s: parameters, 200 body, 400/429/500 problems', async (path, spec) => {
    const doc = await servedDocument();
    const op = doc.paths[path]?.get;
    expect(op, `missing GET ${path}`).toBeDefined();
    const params = Object.fromEntries((op?.parameters ?? []).map((p) => [p.name, p.required]));
    expect(params).toEqual(spec.parameters);
    expect(op?.responses['200']?.content?.['application/json']?.schema?.$ref).toBe(`#/components/schemas/${spec.body}`);
    for (const status of ['400', '429', '500']) {
      expect(op?.responses[status]?.content?.['application/problem+json']?.schema?.$ref).toBe(
        '#/components/schemas/Problem',
      );
    }
    expect(op?.responses['429']?.headers).toHaveProperty('Retry-After');
  });

  it('documents itself', async () => {
    expect((await servedDocument()).paths).toHaveProperty(['/api/v1/openapi.json', 'get']);
  });
});

describe('served responses validate against the document', () => {
  const indicator = defaultDb().indicators[0]?.id ?? '';
  it.each([
    ['/territories', 'TerritoriesResponse'],
    ['/indicators', 'IndicatorsResponse'],
    [`/observations?indicator=${indicator}`, 'ObservationsResponse'],
    ['/projects', 'ProjectsResponse'],
    ['/observations?indicator=nope', 'Problem'],
    ['/nowhere', 'Problem'],
  ])('%s matches %s', async (path, id) => {
    const doc = await servedDocument();
    const body: unknown = await (await fetch(`${BASE}${path}`)).json();
    const result = validatorFor(doc, id).safeParse(body);
    expect(result.success, result.error?.message).toBe(true);
  });

  // Issue 14: point provenance travels through the document — qualifiers, undated labels, per-point sources with via.
  it.each(['amo-tadamon-beneficiaries', 'amo-coverage-rate', 'urban-share', 'medical-coverage-census'])(
    'qualified observations of %s match ObservationsResponse',
    async (id) => {
      const doc = await servedDocument();
      const body = (await (await fetch(`${BASE}/observations?indicator=${id}`)).json()) as {
        data: { qualifier?: string }[];
      };
      expect(body.data.length).toBeGreaterThan(0);
      const result = validatorFor(doc, 'ObservationsResponse').safeParse(body);
      expect(result.success, result.error?.message).toBe(true);
    },
  );

  it('lists the six qualifiers and four confidence levels, and refuses an unknown qualifier or a via without URL', async () => {
    const doc = await servedDocument();
    expect(validatorFor(doc, 'Qualifier').safeParse('undated').success).toBe(true);
    expect(validatorFor(doc, 'Qualifier').safeParse('roughly').success).toBe(false);
    expect(validatorFor(doc, 'Confidence').safeParse('two-reports').success).toBe(true);
    const body = (await (await fetch(`${BASE}/observations?indicator=amo-tadamon-beneficiaries`)).json()) as {
      data: Record<string, unknown>[];
    };
    const point = body.data.find((o) => o.period === '2024-03');
    expect(point).toMatchObject({ qualifier: 'lower-bound', source: { via: [{ name: 'Maghress' }] } });
    const observation = validatorFor(doc, 'Observation');
    expect(observation.safeParse({ ...point, qualifier: 'roughly' }).success).toBe(false);
    const source = point?.source as Record<string, unknown>;
    expect(observation.safeParse({ ...point, source: { ...source, via: [{ name: 'Maghress' }] } }).success).toBe(false);
    const { publisher: _publisher, ...withoutPublisher } = source;
    expect(observation.safeParse({ ...point, source: withoutPublisher }).success).toBe(false);
  });

  it('and the document rejects a broken payload (the check can fail)', async () => {
    const doc = await servedDocument();
    setMockSpec('invalid:observations');
    const body: unknown = await (await fetch(`${BASE}/observations?indicator=${indicator}`)).json();
    expect(validatorFor(doc, 'ObservationsResponse').safeParse(body).success).toBe(false);
  });
});
