/**
 * docs/api.md must keep up with the contract: every endpoint of the OpenAPI document, every field of
 * every object schema in contract.ts, every problem type the mock can send, every fault kind.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contract from '../../src/contract/contract.ts';
import { buildOpenApiDocument } from '../../src/contract/openapi.ts';
import { FAULTS } from '../../src/mocks/faults.ts';

// Paths from the project root (vitest's cwd): jsdom gives import.meta.url no file: scheme.
const docs = readFileSync(resolve('docs/api.md'), 'utf8');
const handlersSource = readFileSync(resolve('src/mocks/handlers.ts'), 'utf8');
const faultsSource = readFileSync(resolve('src/mocks/faults.ts'), 'utf8');

/** Every exported zod object schema of the contract, with its field names (one level of nesting too). */
function objectFields(): [string, string][] {
  const out: [string, string][] = [];
  const visit = (schemaName: string, schema: z.ZodType): void => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [field, inner] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      out.push([schemaName, field]);
      // Inline objects (a project's `budget`, a territory's `tile`) have fields worth documenting too.
      let unwrapped: z.ZodType = inner;
      while (unwrapped instanceof z.ZodOptional || unwrapped instanceof z.ZodNullable)
        unwrapped = unwrapped.unwrap() as z.ZodType;
      if (unwrapped instanceof z.ZodObject && !z.globalRegistry.get(unwrapped)?.id)
        visit(`${schemaName}.${field}`, unwrapped);
    }
  };
  for (const [name, value] of Object.entries(contract)) if (value instanceof z.ZodType) visit(name, value);
  return out;
}

describe('docs/api.md', () => {
  const paths = Object.keys(buildOpenApiDocument().paths as Record<string, unknown>);

  it.each(paths)('documents the endpoint %s', (path) => {
    expect(docs).toContain(`GET ${path}`);
  });

  it('names at least the four data endpoints', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/territories', '/api/v1/indicators', '/api/v1/observations', '/api/v1/projects']),
    );
  });

  const fields = objectFields();
  it('found the schemas it checks (the check can fail)', () => {
    expect(fields.map(([s]) => s)).toEqual(
      expect.arrayContaining(['Territory', 'Indicator', 'Observation', 'Project', 'Problem', 'Source']),
    );
    expect(fields.length).toBeGreaterThan(60);
  });

  it.each(fields)('documents %s.%s', (_schema, field) => {
    expect(docs).toContain(`\`${field}\``);
  });

  it.each(['indicator', 'territory', 'from', 'to'])('documents the query parameter %s', (param) => {
    expect(docs).toMatch(new RegExp(`\\| \`${param}\` \\|`));
  });

  // Every quoted name inside a PROBLEM_TYPE(...) call, plus badRequest(parameter, type, …)'s type.
  const problemTypes = [
    ...[...handlersSource.matchAll(/badRequest\(\s*[^,()]+,\s*'([a-z-]+)'/g)].map((m) => m[1] ?? ''),
    ...[...`${handlersSource}\n${faultsSource}`.matchAll(/PROBLEM_TYPE\(([^)]*)\)/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/'([a-z-]+)'/g)].map((q) => q[1] ?? ''),
    ),
  ].filter((t, i, all) => t !== '' && all.indexOf(t) === i);
  it('found the problem types it checks', () => {
    expect(problemTypes).toEqual(
      expect.arrayContaining([
        'missing-parameter',
        'unknown-territory',
        'not-found',
        'rate-limited',
        'simulated-failure',
      ]),
    );
  });
  it.each(problemTypes)('documents the problem type %s', (type) => {
    expect(docs).toContain(`urn:mouchir:problem:${type}`);
  });

  it.each(Object.keys(FAULTS))('documents the fault %s', (kind) => {
    expect(docs).toMatch(new RegExp(`\`${kind}(:[^\`]*)?\``));
  });

  it.each(contract.Qualifier.options)('documents the qualifier %s in the qualifiers table', (q) => {
    expect(docs).toMatch(new RegExp(`\\| \`${q}\` \\|`));
  });

  it.each(contract.Confidence.options)('documents the confidence level %s', (c) => {
    expect(docs).toContain(`\`${c}\``);
  });

  it('gives a worked example of a qualified observation that the contract accepts and data/ serves as is', () => {
    const block = /A worked example[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(docs)?.[1];
    expect(block).toBeDefined();
    const example = contract.Observation.parse(JSON.parse(block ?? 'null'));
    expect(example.qualifier).toBe('lower-bound');
    expect(example.source?.via?.length).toBeGreaterThan(0);
    const shipped = (
      JSON.parse(readFileSync(resolve('data/observations/programmes.json'), 'utf8')) as { data: unknown[] }
    ).data.find(
      (o) =>
        (o as contract.Observation).indicator === example.indicator &&
        (o as contract.Observation).period === example.period &&
        (o as contract.Observation).territory === example.territory,
    );
    expect(shipped).toEqual(example);
  });

  it('says how to point the app at a real API', () => {
    expect(docs).toContain('VITE_API_BASE_URL=');
    expect(docs).toContain('npx tsx scripts/api-server.ts');
  });
});
