// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  activeFaults,
  faultsFor,
  MOCK_STORAGE_KEY,
  parseFaultSpec,
  readUrlSpec,
  rewriteBody,
  setMockSpec,
} from '../../src/mocks/faults.ts';
import { ObservationsResponse } from '../../src/contract/contract.ts';

describe('parseFaultSpec', () => {
  it.each([
    ['', [], []],
    ['latency:1500', [{ kind: 'latency', arg: 1500, endpoint: null }], []],
    ['latency', [{ kind: 'latency', arg: 1500, endpoint: null }], []],
    ['latency:200:projects', [{ kind: 'latency', arg: 200, endpoint: 'projects' }], []],
    ['error:observations', [{ kind: 'error', arg: 500, endpoint: 'observations' }], []],
    ['error:429:observations', [{ kind: 'error', arg: 429, endpoint: 'observations' }], []],
    ['error:404', [{ kind: 'error', arg: 404, endpoint: null }], []],
    ['malformed:observations', [{ kind: 'malformed', arg: 0, endpoint: 'observations' }], []],
    ['invalid:territories', [{ kind: 'invalid', arg: 0, endpoint: 'territories' }], []],
    ['huge:100:observations', [{ kind: 'huge', arg: 100, endpoint: 'observations' }], []],
    ['hang:openapi', [{ kind: 'hang', arg: 0, endpoint: 'openapi.json' }], []],
    [
      ' latency:10 , network:indicators ,,empty',
      [
        { kind: 'latency', arg: 10, endpoint: null },
        { kind: 'network', arg: 0, endpoint: 'indicators' },
        { kind: 'empty', arg: 0, endpoint: null },
      ],
      [],
    ],
    // nonsense is listed, never thrown
    ['explode', [], ['explode']],
    ['error:teapots', [], ['error:teapots']],
    ['error:200', [], ['error:200']], // not an error status
    ['latency:1:projects:extra', [], ['latency:1:projects:extra']],
    ['malformed:3:observations', [], ['malformed:3:observations']], // takes no argument
    ['toString', [], ['toString']], // prototype keys are not faults
    ['<script>,error', [{ kind: 'error', arg: 500, endpoint: null }], ['<script>']],
  ])('%j', (spec, faults, rejected) => {
    expect(parseFaultSpec(spec)).toEqual({ faults, rejected });
  });

  it('bounds how much of a hostile spec it reads', () => {
    const parsed = parseFaultSpec('empty,'.repeat(10_000));
    expect(parsed.faults.length).toBeLessThan(100);
  });
});

describe('faultsFor', () => {
  const { faults } = parseFaultSpec('latency:5,error:projects,hang:openapi');
  it.each([
    ['observations', ['latency']],
    ['projects', ['latency', 'error']],
    ['openapi.json', ['hang']], // endpoint-less faults spare the OpenAPI document
  ] as const)('%s → %j', (endpoint, kinds) => {
    expect(faultsFor(faults, endpoint).map((f) => f.kind)).toEqual(kinds);
  });
});

describe('rewriteBody', () => {
  const body = {
    json: {
      data: [
        { indicator: 'a', territory: 'MA', period: '2023', value: null, status: 'official' },
        { indicator: 'a', territory: 'MA', period: '2024', value: 7, status: 'official' },
      ],
    },
  };
  const apply = (spec: string) => rewriteBody(parseFaultSpec(spec).faults, body);

  it('malformed: text that JSON.parse rejects', () => {
    const out = apply('malformed');
    expect('text' in out).toBe(true);
    if ('text' in out) expect(() => JSON.parse(out.text) as unknown).toThrow();
  });
  it('invalid: a numeric value turned into a string', () => {
    expect(apply('invalid')).toEqual({ json: { data: [body.json.data[0], { ...body.json.data[1], value: '7' }] } });
  });
  it('empty, nulls, huge', () => {
    expect(apply('empty')).toEqual({ json: { data: [] } });
    const nulls = apply('nulls');
    expect('json' in nulls && (nulls.json as { data: { value: unknown }[] }).data.map((r) => r.value)).toEqual([
      null,
      null,
    ]);
    // The gaps must still be valid observations (issue 14 made notes LocalizedText: a string note made the client
    // reject the whole answer, and the e2e fault matrix saw an error instead of data with gaps).
    expect(ObservationsResponse.safeParse('json' in nulls ? nulls.json : null).success).toBe(true);
    const huge = apply('huge:3');
    expect('json' in huge && (huge.json as { data: unknown[] }).data).toHaveLength(6);
  });
  it('leaves the body alone without faults', () => {
    expect(apply('')).toBe(body);
  });
});

describe('where the spec comes from', () => {
  it('reads the page URL parameter', () => {
    expect(readUrlSpec('?view=explorer&mock=latency:100,error:observations')).toBe('latency:100,error:observations');
    expect(readUrlSpec('?view=explorer')).toBe('');
  });
  it('combines the fixed spec with the local setting, read on every call', () => {
    setMockSpec('latency:5');
    expect(activeFaults().faults.map((f) => f.kind)).toEqual(['latency']);
    localStorage.setItem(MOCK_STORAGE_KEY, 'error:projects');
    expect(activeFaults().faults.map((f) => f.kind)).toEqual(['latency', 'error']);
    localStorage.removeItem(MOCK_STORAGE_KEY);
    setMockSpec('');
    expect(activeFaults().faults).toEqual([]);
  });
});
