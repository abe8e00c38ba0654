/**
 * Browser build of `shipped-files.ts` (swapped in by vite.config.ts's `mouchir-browser-mock` plugin): the data files
 * are emitted as JSON assets (`?url`) and fetched — JSON.parse of a fetched file is cheaper than parsing the same
 * data as a JS object literal, and it keeps ~1 MB out of the JS budget (issue 7, B3).
 *
 * Issue 16: each file is fetched when a request first needs it (`loadShippedFiles(names)`, awaited by the handlers
 * with the list `dataFilesFor` gives), not all six before the worker answers anything: the catalogue files are
 * preloaded by the HTML, the page's first view's observation file is prefetched while the worker starts
 * (`prefetchFirstView`), and a file nobody asks for is never downloaded. A file is fetched once; one that fails
 * (HTTP error, bad JSON, no answer within `DATA_FILE_TIMEOUT_MS`) rejects with a message naming it — the handler
 * answers 500 with it — and is fetched again by the next request that needs it.
 * Same exports as `shipped-files.ts`.
 */
import territoriesUrl from '../../data/territories.json?url';
import indicatorsUrl from '../../data/indicators.json?url';
import projectsUrl from '../../data/projects.json?url';
import censusUrl from '../../data/observations/census.json?url';
import programmesUrl from '../../data/observations/programmes.json?url';
import illustrativeUrl from '../../data/observations/illustrative.json?url';
import eventsUrl from '../../data/events.json?url';
import type { RawDataFiles } from './shipped-files.ts';
import { DATA_FILE_PATHS, DATA_FILES, firstViewFiles, type DataFileName } from './shipped-files-index.ts';

export type { RawDataFiles } from './shipped-files.ts';
export type { DataFileName } from './shipped-files-index.ts';

/** The URL of each file's asset. */
export const DATA_FILE_URLS: Readonly<Record<DataFileName, string>> = {
  territories: territoriesUrl,
  indicators: indicatorsUrl,
  projects: projectsUrl,
  census: censusUrl,
  programmes: programmesUrl,
  illustrative: illustrativeUrl,
  events: eventsUrl,
};

/** How long a data file may take before its request fails (a static file on the page's own origin). */
export const DATA_FILE_TIMEOUT_MS = 10_000;

/** A file not loaded (yet) reads as an empty file: no rows, so a database built meanwhile simply lacks them. */
const EMPTY = { data: [] } as const;

/** How a data file is fetched (see {@link setDataFileFetch}). */
export type DataFileFetch = (url: string, init: RequestInit) => Promise<Response>;

let fetchData: DataFileFetch = (url, init) => fetch(url, init);

/**
 * Fetch the data files another way: the service worker (src/sw/mock-api.ts) reads them from its offline copy first,
 * because its own `fetch` does not go through its fetch listener and would fail offline.
 */
export function setDataFileFetch(fetcher: DataFileFetch): void {
  fetchData = fetcher;
}

const loaded: Partial<Record<DataFileName, unknown>> = {};
const pending = new Map<DataFileName, Promise<void>>();
let version = 0;

async function fetchFile(name: DataFileName): Promise<void> {
  const what = `Mock data file ${DATA_FILE_PATHS[name]}`;
  let response: Response;
  try {
    response = await fetchData(DATA_FILE_URLS[name], { signal: AbortSignal.timeout(DATA_FILE_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new Error(timedOut ? `${what}: no answer in ${DATA_FILE_TIMEOUT_MS / 1000} s` : `${what}: ${String(error)}`, {
      cause: error,
    });
  }
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new Error(`${what}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  loaded[name] = json;
  version += 1;
}

/** Fetch one file, once; a failure is forgotten so the next caller tries again. */
function loadFile(name: DataFileName): Promise<void> {
  let p = pending.get(name);
  if (!p) {
    p = fetchFile(name);
    pending.set(name, p);
    p.catch(() => pending.delete(name));
  }
  return p;
}

/**
 * Fetch the named files (all of them when omitted), each once, in parallel; resolves when they are all loaded and
 * rejects with the first failure (an `Error` whose message names the file).
 */
export async function loadShippedFiles(names: readonly DataFileName[] = DATA_FILES): Promise<void> {
  await Promise.all(names.map(loadFile));
}

/**
 * Start fetching what the page's first view will ask for (`firstViewFiles`), while the worker starts: the catalogue
 * first (the HTML preloads it), then the observation files it names. Failures are left to the requests that need
 * the files (they report them); nothing awaits this.
 */
export function prefetchFirstView(search: string): void {
  loadShippedFiles(['territories', 'indicators'])
    .then(() => {
      const catalogue = (loaded.indicators as { data?: unknown } | undefined)?.data;
      const entries = Array.isArray(catalogue)
        ? catalogue.filter(
            (i): i is { id: string; headline?: number } =>
              typeof i === 'object' && i !== null && typeof (i as { id?: unknown }).id === 'string',
          )
        : [];
      return loadShippedFiles(firstViewFiles(search, entries));
    })
    .catch(() => undefined);
}

/** Changes each time one more file is loaded, so `defaultDb()` knows to rebuild its indexes. */
export function shippedFilesVersion(): number {
  return version;
}

/** The raw files; a file not loaded yet reads as `{ data: [] }` (await `loadShippedFiles` for the ones you need). */
export function shippedFiles(): RawDataFiles {
  return {
    territories: loaded.territories ?? EMPTY,
    indicators: loaded.indicators ?? EMPTY,
    projects: loaded.projects ?? EMPTY,
    census: loaded.census ?? EMPTY,
    programmes: loaded.programmes ?? EMPTY,
    illustrative: loaded.illustrative ?? EMPTY,
    events: loaded.events ?? EMPTY,
  };
}
