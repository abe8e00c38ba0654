/**
 * The OpenAPI 3.1 document of contract v1, generated from the zod schemas of `contract.ts`, so it can
 * never drift from what the client validates. Served by the mock API at `GET /api/v1/openapi.json`.
 *
 * Components come from the schemas' `meta({ id })`; `io: 'input'` describes what a server may send
 * (what the client's parser accepts), which is what an API consumer needs.
 */
import { z } from 'zod/mini';
import * as contract from './contract.ts';
import { API_PREFIX } from './contract.ts';

/** A JSON value, as the document is plain JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Version of the document's `info`; the API version itself is the `/v1` in the paths. */
export const OPENAPI_INFO_VERSION = '1.0.0';

/** The contract's component schemas: every exported schema with a `meta({ id })`, by id. */
function contractSchemas(): Map<string, z.core.$ZodType> {
  const out = new Map<string, z.core.$ZodType>();
  for (const value of Object.values(contract)) {
    // The core class: every zod schema, mini or classic, is one of these.
    if (value instanceof z.core.$ZodType) {
      const id = z.globalRegistry.get(value)?.id;
      if (typeof id === 'string') out.set(id, value);
    }
  }
  return out;
}

/** Names of the contract's component schemas. */
export function contractComponentIds(): string[] {
  return [...contractSchemas().keys()];
}

function componentSchemas(): Record<string, Json> {
  // A private registry holding the contract's schemas only: the global one may also hold schemas other
  // modules registered (a clashing id there would otherwise break or pollute the document).
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of contractSchemas()) registry.add(schema, { ...z.globalRegistry.get(schema), id });
  const all = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
    metadata: registry,
  });
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(all.schemas)) {
    // Components are addressed by their key in the document; `$schema`/`$id` would only repeat it.
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, Json>;
    out[id] = rest;
  }
  return out;
}

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });

function jsonResponse(description: string, schemaId: string): Json {
  return { description, content: { 'application/json': { schema: ref(schemaId) } } };
}

const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const commonErrors: Record<string, Json> = {
  '429': {
    ...(problemResponse('Too many requests; retry after the number of seconds in `Retry-After`.') as object),
    headers: { 'Retry-After': { schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait.' } },
  },
  '500': problemResponse('Server error.'),
};

const badRequest = problemResponse(
  'A parameter is missing, malformed or unknown; `parameter` names it (RFC 9457 problem details).',
);

/** Build the whole OpenAPI 3.1 document. Cheap enough to call per request; callers may cache it. */
export function buildOpenApiDocument(): Record<string, Json> {
  const periodParam = (name: 'from' | 'to', what: string): Json => ({
    name,
    in: 'query',
    required: false,
    description: `${what} (inclusive). A row is kept when its period overlaps the range: \`from=2024-03\` keeps the annual value of 2024.`,
    schema: ref('Period'),
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mouchir API',
      version: OPENAPI_INFO_VERSION,
      description:
        'Moroccan territorial indicators: territories, indicator catalogue, observations, projects and dated events. See docs/api.md for the prose version.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/', description: 'Same origin as the app (mock API), or the configured VITE_API_BASE_URL.' }],
    paths: {
      [`${API_PREFIX}/territories`]: {
        get: {
          operationId: 'listTerritories',
          summary: 'The country, its 12 regions and its provinces/prefectures.',
          responses: {
            '200': jsonResponse('All territories.', 'TerritoriesResponse'),
            '400': badRequest,
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/indicators`]: {
        get: {
          operationId: 'listIndicators',
          summary: 'The indicator catalogue.',
          responses: {
            '200': jsonResponse('All indicators.', 'IndicatorsResponse'),
            '400': badRequest,
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/observations`]: {
        get: {
          operationId: 'listObservations',
          summary: 'Tidy observations of one indicator.',
          parameters: [
            {
              name: 'indicator',
              in: 'query',
              required: true,
              description: 'Indicator id.',
              schema: { type: 'string' },
            },
            {
              name: 'territory',
              in: 'query',
              required: false,
              description: 'Comma-separated territory codes (at most 200). All territories with data when omitted.',
              style: 'form',
              explode: false,
              schema: { type: 'array', items: ref('TerritoryCode'), maxItems: 200 },
            },
            periodParam('from', 'Start of the time range'),
            periodParam('to', 'End of the time range'),
          ],
          responses: {
            '200': jsonResponse('Rows grouped by territory, sorted by period.', 'ObservationsResponse'),
            '400': badRequest,
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/projects`]: {
        get: {
          operationId: 'listProjects',
          summary: 'Digitalisation and 2030 World Cup projects.',
          parameters: [
            {
              name: 'territory',
              in: 'query',
              required: false,
              description: 'Only projects in this territory or in a territory inside it.',
              schema: ref('TerritoryCode'),
            },
          ],
          responses: { '200': jsonResponse('Projects.', 'ProjectsResponse'), '400': badRequest, ...commonErrors },
        },
      },
      [`${API_PREFIX}/events`]: {
        get: {
          operationId: 'listEvents',
          summary: 'Dated events (programme launches, reforms, censuses) with their sources, for the time axis.',
          parameters: [
            {
              name: 'indicator',
              in: 'query',
              required: false,
              description: 'Only the events that concern this indicator id. Every event when omitted.',
              schema: { type: 'string' },
            },
          ],
          responses: {
            '200': jsonResponse('Events sorted by date.', 'EventsResponse'),
            '400': badRequest,
            ...commonErrors,
          },
        },
      },
      [`${API_PREFIX}/openapi.json`]: {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document.',
          responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': {} } } },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
