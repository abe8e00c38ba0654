/**
 * The browser mock's data files (issue 16 item 2): src/mocks/shipped-files.browser.ts fetches each file once, only
 * when a request needs it; a file that fails gives the handler a 500 naming it (never a hang), and is fetched again by
 * the next request. Here the browser module replaces the Node one (as the build's plugin does), over a stubbed
 * `fetch` that serves the real files — so the shared handlers and db run exactly as in the browser. Also checks
 * `dataFilesFor`, `firstViewFiles` and the indicator → file index against the data files.
 */
import fs from 'node:fs';
import { getResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ObservationsResponse, TerritoriesResponse } from '../../src/contract/contract.ts';
import {
  DATA_FILE_PATHS,
  DATA_FILES,
  dataFilesFor,
  firstViewFiles,
  OBSERVATION_FILE_INDICATORS,
  OBSERVATION_FILES,
  observationFilesOf,
  type DataFileName,
} from '../../src/mocks/shipped-files-index.ts';

const PATH_OF = (name: DataFileName) => DATA_FILE_PATHS[name];
const readJson = (name: DataFileName): unknown => JSON.parse(fs.readFileSync(PATH_OF(name), 'utf8'));

/** The fetch stub: answers each data file's URL from disk, or as `fail` says; counts calls per file. */
interface FetchStub {
  calls: DataFileName[];
  fail: Partial<Record<DataFileName, () => Promise<Response>>>;
}

async function freshModules(stub: FetchStub) {
  vi.resetModules();
  const browser = await import('../../src/mocks/shipped-files.browser.ts');
  // The handlers and the db read this very instance, as in the browser build (a fresh one per test).
  vi.doMock('../../src/mocks/shipped-files.ts', () => browser);
  const nameOf = new Map(DATA_FILES.map((n) => [browser.DATA_FILE_URLS[n], n]));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const name = nameOf.get(url);
      if (!name) throw new Error(`unexpected fetch ${url}`);
      stub.calls.push(name);
      const fail = stub.fail[name];
      if (fail) return fail();
      return new Response(JSON.stringify(readJson(name)), { headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const { createHandlers } = await import('../../src/mocks/handlers.ts');
  const handlers = createHandlers({ faults: () => [] });
  const api = (path: string) => getResponse(handlers, new Request(`http://localhost/api/v1${path}`));
  return { browser, api };
}

let stub: FetchStub;
beforeEach(() => {
  stub = { calls: [], fail: {} };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.doUnmock('../../src/mocks/shipped-files.ts');
});

describe('the lazy loader', () => {
  it('fetches nothing until asked, then each file once, even when asked concurrently', async () => {
    const { browser } = await freshModules(stub);
    expect(stub.calls).toEqual([]);
    expect(browser.shippedFiles().census).toEqual({ data: [] });
    const v0 = browser.shippedFilesVersion();
    await Promise.all([
      browser.loadShippedFiles(['territories', 'census']),
      browser.loadShippedFiles(['census']),
      browser.loadShippedFiles(['territories']),
    ]);
    await browser.loadShippedFiles(['census']);
    expect([...stub.calls].sort()).toEqual(['census', 'territories']);
    expect(browser.shippedFilesVersion()).toBe(v0 + 2);
    expect(browser.shippedFiles().census).toEqual(readJson('census'));
    expect(browser.shippedFiles().programmes).toEqual({ data: [] });
  });

  it('names the file and the reason when a file fails, and fetches it again next time', async () => {
    const { browser } = await freshModules(stub);
    stub.fail.census = () => Promise.resolve(new Response('nope', { status: 503 }));
    await expect(browser.loadShippedFiles(['census'])).rejects.toThrow(
      'Mock data file data/observations/census.json: HTTP 503',
    );
    stub.fail.census = () => Promise.resolve(new Response('{"data": [', { status: 200 }));
    await expect(browser.loadShippedFiles(['census'])).rejects.toThrow(/census\.json: not JSON/);
    stub.fail.census = () => Promise.reject(new DOMException('signal timed out', 'TimeoutError'));
    await expect(browser.loadShippedFiles(['census'])).rejects.toThrow(/census\.json: no answer in 10 s/);
    delete stub.fail.census;
    await browser.loadShippedFiles(['census']);
    expect(stub.calls).toEqual(['census', 'census', 'census', 'census']);
    expect(browser.shippedFiles().census).toEqual(readJson('census'));
  });

  it('gives every fetch a timeout signal, so a file that never answers cannot hang a request', async () => {
    const { browser } = await freshModules(stub);
    await browser.loadShippedFiles(['territories']);
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('the handlers over the lazy loader', () => {
  it('answer each endpoint after fetching only the files it needs', async () => {
    const { api } = await freshModules(stub);
    const territories = await api('/territories');
    expect(territories?.status).toBe(200);
    expect(TerritoriesResponse.safeParse(await territories?.json()).success).toBe(true);
    expect(stub.calls).toEqual(['territories']);

    const obs = await api('/observations?indicator=amo-coverage-rate&territory=MA');
    expect(obs?.status).toBe(200);
    const body = ObservationsResponse.parse(await obs?.json());
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((o) => o.indicator === 'amo-coverage-rate')).toBe(true);
    expect([...stub.calls].sort()).toEqual(['indicators', 'programmes', 'territories']);

    const census = await api('/observations?indicator=population&territory=MA');
    expect(ObservationsResponse.parse(await census?.json()).data.length).toBeGreaterThan(0);
    expect(stub.calls.filter((c) => c === 'census')).toHaveLength(1);
    expect(stub.calls).not.toContain('illustrative');
    expect(stub.calls).not.toContain('projects');
  });

  it('answer 500 with the file and the reason when a needed file fails, and recover on the next request', async () => {
    const { api } = await freshModules(stub);
    stub.fail.programmes = () => Promise.resolve(new Response('gone', { status: 404 }));
    const res = await api('/observations?indicator=amo-coverage-rate');
    expect(res?.status).toBe(500);
    expect(res?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res?.json()) as { status: number; detail: string };
    expect(problem.status).toBe(500);
    expect(problem.detail).toBe('Mock data file data/observations/programmes.json: HTTP 404');
    // Endpoints that do not need the file are unaffected.
    expect((await api('/territories'))?.status).toBe(200);
    delete stub.fail.programmes;
    expect((await api('/observations?indicator=amo-coverage-rate'))?.status).toBe(200);
  });

  it('still answer 400 for a bad indicator without fetching any observation file', async () => {
    const { api } = await freshModules(stub);
    expect((await api('/observations'))?.status).toBe(400);
    expect((await api('/observations?indicator=a&indicator=b'))?.status).toBe(400);
    expect(stub.calls.filter((c) => (OBSERVATION_FILES as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('the indicator → observation file index', () => {
  it.each(OBSERVATION_FILES)('names exactly the indicators of %s', (file) => {
    const rows = (readJson(file) as { data: { indicator: string }[] }).data;
    expect([...new Set(rows.map((r) => r.indicator))].sort()).toEqual([...OBSERVATION_FILE_INDICATORS[file]].sort());
  });

  it('sends an id it does not know to every observation file', () => {
    expect(observationFilesOf('unknown-indicator')).toEqual([...OBSERVATION_FILES]);
    expect(observationFilesOf('population')).toEqual(['census']);
  });
});

describe('dataFilesFor', () => {
  const p = (q: string) => new URLSearchParams(q);
  it.each([
    ['territories', '', ['territories']],
    ['indicators', '', ['indicators']],
    ['projects', 'territory=MA-06', ['territories', 'projects']],
    ['observations', 'indicator=population', ['territories', 'indicators', 'census']],
    ['observations', 'indicator=smart-services-online', ['territories', 'indicators', 'illustrative']],
    ['observations', 'indicator=nope', ['territories', 'indicators', 'census', 'programmes', 'illustrative']],
    ['observations', '', ['territories', 'indicators']],
    ['openapi.json', '', []],
  ] as const)('%s?%s → %j', (endpoint, query, expected) => {
    expect(dataFilesFor(endpoint, p(query))).toEqual(expected);
  });
});

describe('firstViewFiles', () => {
  const catalogue = (readJson('indicators') as { data: { id: string; headline?: number }[] }).data;
  it.each([
    ['', ['census', 'programmes']],
    ['?lang=ar', ['census', 'programmes']],
    ['?view=explorer', ['events', 'programmes']],
    ['?view=explorer&indicator=population', ['census', 'events']],
    ['?view=explorer&indicator=population&events=0', ['census']],
    ['?view=explorer&indicator=user-abc', []],
    ['?view=projects', ['projects']],
    ['?view=compare', []],
  ])('%j → %j', (search, expected) => {
    expect(firstViewFiles(search, catalogue).sort()).toEqual(expected);
  });
});
