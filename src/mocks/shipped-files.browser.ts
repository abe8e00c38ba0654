/**
 * Browser build of `shipped-files.ts` (swapped in by vite.config.ts's `mouchir-browser-mock` plugin):
 * the data files are emitted as JSON assets (`?url`) and fetched in parallel with the worker start,
 * instead of being bundled into the mock chunk as JavaScript — JSON.parse of a fetched file is cheaper
 * than parsing the same data as a JS object literal, and it keeps ~300 kB out of the JS budget (B3).
 * Same exports as `shipped-files.ts`.
 */
import territoriesUrl from '../../data/territories.json?url';
import indicatorsUrl from '../../data/indicators.json?url';
import projectsUrl from '../../data/projects.json?url';
import censusUrl from '../../data/observations/census.json?url';
import programmesUrl from '../../data/observations/programmes.json?url';
import illustrativeUrl from '../../data/observations/illustrative.json?url';
import type { RawDataFiles } from './shipped-files.ts';

export type { RawDataFiles } from './shipped-files.ts';

let loaded: RawDataFiles | undefined;
let loading: Promise<void> | undefined;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Mock data file ${url}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

/** Fetch every data file once (idempotent); the mock worker awaits this before it answers anything. */
export function loadShippedFiles(): Promise<void> {
  loading ??= Promise.all(
    [territoriesUrl, indicatorsUrl, projectsUrl, censusUrl, programmesUrl, illustrativeUrl].map(fetchJson),
  ).then(([territories, indicators, projects, census, programmes, illustrative]) => {
    loaded = { territories, indicators, projects, census, programmes, illustrative };
  });
  return loading;
}

/** The raw files; throws when `loadShippedFiles()` has not resolved yet (a programming error). */
export function shippedFiles(): RawDataFiles {
  if (!loaded) throw new Error('shippedFiles() called before loadShippedFiles() resolved');
  return loaded;
}
