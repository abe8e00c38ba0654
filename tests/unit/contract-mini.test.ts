/**
 * The contract, the client, the OpenAPI generator and the pin store ship on `zod/mini` (issue 7, B3), but the
 * unit project maps `zod/mini` to classic `zod` (vite.config.ts: other tests introspect schemas with classic
 * classes). This file loads the same modules a second time on the real `zod/mini` and checks that what the
 * browser runs gives the same answers as what the other tests check: the OpenAPI document, every issue
 * (path, code, message) for bad input, the client's error messages, the shipped data and a stored pin.
 * A classic-only method (`.optional()`, `.min(1)`) slipping into one of these modules fails here at import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as classicZod from 'zod';

type Contract = typeof import('../../src/contract/contract.ts');
type OpenApi = typeof import('../../src/contract/openapi.ts');
type Client = typeof import('../../src/api/client.ts');
type Pins = typeof import('../../src/export/pins.ts');
type ChartTypes = typeof import('../../src/transforms/chart-types.ts');

/** One load of the modules under test, on whichever zod the module graph resolves. */
interface Loaded {
  contract: Contract;
  openapi: OpenApi;
  client: Client;
  pins: Pins;
  chartTypes: ChartTypes;
}

async function load(): Promise<Loaded> {
  return {
    contract: await import('../../src/contract/contract.ts'),
    openapi: await import('../../src/contract/openapi.ts'),
    client: await import('../../src/api/client.ts'),
    pins: await import('../../src/export/pins.ts'),
    chartTypes: await import('../../src/transforms/chart-types.ts'),
  };
}

let classic: Loaded;
let mini: Loaded;

/** zod's global config (shared by classic and mini) right after the mini load: what the browser gets. */
let miniConfig: ReturnType<typeof classicZod.config>;

beforeAll(async () => {
  classic = await load();
  vi.resetModules();
  // The config lives on globalThis and classic zod sets the English locale on import; clear what the
  // contract must set itself, as in the browser where classic zod is never loaded.
  classicZod.config({ jitless: undefined, localeError: undefined });
  // 'zod/mini' resolves to 'zod' in this project; make that 'zod' the real mini build for this second load.
  vi.doMock('zod', () => vi.importActual('zod/v4/mini'));
  mini = await load();
  vi.doUnmock('zod');
  miniConfig = { ...classicZod.config() };
});

afterEach(() => {
  vi.unstubAllGlobals();
});

type SchemaName = 'Territory' | 'Observation' | 'Source' | 'Project' | 'LocalizedText' | 'Indicator' | 'Problem';

/** Bad (and one good) inputs: every kind of check the contract uses. */
const SAMPLES: [SchemaName, unknown][] = [
  ['Territory', { code: 'X' }],
  [
    'Territory',
    {
      code: 'MA-06',
      level: 'region',
      parent: 'MA',
      name: { fr: 'a', ar: 'b', en: 'c' },
      short: 'TOO-LONG-X',
      kind: 'region',
      population: { '2024': -1.5 },
      households: { '24': 1 },
      tile: { col: 0.5, row: -1 },
    },
  ],
  ['Observation', { indicator: '', territory: 'MA', period: '2024-13', value: 'x', status: 'nope', note: 3 }],
  ['Observation', { indicator: 'x', territory: 'MA', period: '2024-Q3', value: null, status: 'official', note: null }],
  ['Source', { publisher: 'a', title: 'b', url: 'notaurl', published: null, retrieved: '2024' }],
  ['Project', { id: 'A B', progress: 120, capacity: 1.5, budget: { amount: -1, currency: 'USD' } }],
  ['LocalizedText', { fr: '', ar: 'x', en: 'y', extra: 1 }],
  ['Indicator', { levels: [], measures: [], headline: 0 }],
  ['Problem', { type: 'x', title: 't', status: 400.5 }],
];

function issues(contract: Contract, name: SchemaName, input: unknown): unknown {
  const result = classicZod.safeParse(contract[name], input);
  return result.success ? 'ok' : result.error.issues.map((i) => [i.path.join('.'), i.code, i.message]);
}

/** The ApiError message `apiFetch` gives for a 200 response with this body. */
async function clientMessage(loaded: Loaded, body: unknown): Promise<string> {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 })));
  try {
    await loaded.client.apiFetch('/observations?indicator=x', loaded.contract.ObservationsResponse, {
      baseUrl: 'http://localhost',
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('the contract on zod/mini', () => {
  it('really loaded two builds: classic schemas here, mini schemas there', () => {
    expect(classic.contract.Territory).toBeInstanceOf(classicZod.ZodType);
    expect(mini.contract.Territory).not.toBeInstanceOf(classicZod.ZodType);
    expect(mini.contract.Territory).toBeInstanceOf(classicZod.z.core.$ZodType);
    expect(mini.chartTypes.ChartModelSchema).not.toBeInstanceOf(classicZod.ZodType);
  });

  it('sets zod without JIT (CSP: no eval) and with English messages itself', () => {
    expect(miniConfig.jitless).toBe(true);
    expect(miniConfig.localeError).toBeTypeOf('function');
  });

  it('generates the same OpenAPI document, with every component', () => {
    const doc = mini.openapi.buildOpenApiDocument();
    expect(doc).toEqual(classic.openapi.buildOpenApiDocument());
    expect(mini.openapi.contractComponentIds().sort()).toEqual(classic.openapi.contractComponentIds().sort());
    expect(mini.openapi.contractComponentIds().length).toBeGreaterThan(15);
  });

  it.each(SAMPLES)('reports the same issues for %s %j', (name, input) => {
    const expected = issues(classic.contract, name, input);
    expect(issues(mini.contract, name, input)).toEqual(expected);
    // English, not zod/mini's bare default "Invalid input".
    if (Array.isArray(expected)) expect(JSON.stringify(expected)).toMatch(/expected|Too (big|small)|Unrecognized/);
  });

  it.each([
    [
      { data: [{ indicator: 'x', territory: 'MA', period: '2024', value: '4', status: 'official' }] },
      '/observations: data[0].value expected number, received string',
    ],
    [
      { data: [{ indicator: 'x', territory: 'MA-X', period: '2024', value: 4, status: 'official' }] },
      '/observations: data[0].territory expected an ISO 3166-2:MA code such as MA-06 or MA-BES',
    ],
    [{ data: 'nope' }, '/observations: data expected array, received string'],
  ])('gives the client the same error message for %j', async (body, message) => {
    expect(await clientMessage(classic, body)).toBe(message);
    expect(await clientMessage(mini, body)).toBe(message);
  });

  it('accepts the shipped data files', () => {
    const files: [string, keyof Contract][] = [
      ['territories.json', 'TerritoriesResponse'],
      ['indicators.json', 'IndicatorsResponse'],
      ['projects.json', 'ProjectsResponse'],
      ...readdirSync(resolve('data/observations'))
        .filter((f) => f.endsWith('.json'))
        .map((f): [string, keyof Contract] => [join('observations', f), 'ObservationsResponse']),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const [file, name] of files) {
      const json: unknown = JSON.parse(readFileSync(resolve('data', file), 'utf8'));
      const result = classicZod.safeParse(mini.contract[name] as classicZod.z.core.$ZodType, json);
      expect(result.success, `${file}: ${JSON.stringify(result.error?.issues[0])}`).toBe(true);
      expect(result.data).toEqual(
        classicZod.safeParse(classic.contract[name] as classicZod.z.core.$ZodType, json).data,
      );
    }
  });

  it('reads a stored pin back, and rejects a corrupt one, as before', () => {
    const model = {
      kind: 'line',
      lang: 'fr',
      dir: 'ltr',
      indicatorId: 'x',
      title: 't',
      subtitle: 's',
      unitLabel: 'u',
      measure: 'absolute',
      denominatorNote: null,
      periods: ['2024'],
      series: [
        {
          key: 'MA',
          label: 'Maroc',
          color: '#123456',
          points: [{ period: '2024', value: 1, status: 'official', note: null }],
        },
      ],
      source: { publisher: 'p', title: 't', url: 'https://example.ma/', published: null, retrieved: '2024-01-01' },
      status: 'official',
      method: 'm',
      link: '?view=explorer',
    };
    const stores = [classic, mini].map((loaded) => {
      const items = new Map<string, string>();
      const storage = {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => void items.set(k, v),
        removeItem: (k: string) => void items.delete(k),
      };
      items.set(
        loaded.pins.PINS_KEY,
        JSON.stringify({ version: 1, pins: [{ id: 'a', pinnedAt: '2026-01-01T00:00:00Z', model }] }),
      );
      const good = loaded.pins.readPins(storage);
      items.set(
        loaded.pins.PINS_KEY,
        JSON.stringify({
          version: 1,
          pins: [{ id: 'a', pinnedAt: 'x', model: { ...model, series: [{ ...model.series[0], color: 'red' }] } }],
        }),
      );
      const bad = loaded.pins.readPins(storage);
      return { good, bad };
    });
    expect(stores[1]).toEqual(stores[0]);
    expect(stores[0]?.good.pins).toHaveLength(1);
    expect(stores[0]?.bad).toEqual({ pins: [], reset: true });
  });
});

describe('browser code imports zod/mini only', () => {
  // Classic `zod` anywhere the browser loads would bring its ~90 kB back into a chunk.
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const browserFiles = files(resolve('src')).filter((f) => !f.includes(`${join('src', 'data-check')}`));
  it('found the source files', () => {
    expect(browserFiles.length).toBeGreaterThan(50);
  });
  it.each(browserFiles.filter((f) => /from 'zod/.test(readFileSync(f, 'utf8'))).map((f) => [f]))('%s', (file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '(zod[^']*)'/g)].map((m) => m[1]);
    expect(imports.every((i) => i === 'zod/mini')).toBe(true);
  });
});
