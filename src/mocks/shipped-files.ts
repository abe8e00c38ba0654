/**
 * The shipped `data/` files as raw JSON, for `src/mocks/db.ts`.
 *
 * Node, vitest, tsx scripts and the dev server use this module: static JSON imports, available at once.
 * The production browser build swaps it for `shipped-files.browser.ts` (the `mouchir-browser-mock`
 * plugin in vite.config.ts), which fetches the same files as separate JSON assets — each one when a request first
 * needs it (issue 16) — so ~1 MB of data is not bundled into the mock's JavaScript chunk (issue 7, B3) and a view
 * downloads only its own data. Both modules export the same names; the handlers await `loadShippedFiles(names)`
 * for the files a request needs before they read `shippedFiles()`.
 */
import territories from '../../data/territories.json' with { type: 'json' };
import indicators from '../../data/indicators.json' with { type: 'json' };
import projects from '../../data/projects.json' with { type: 'json' };
import census from '../../data/observations/census.json' with { type: 'json' };
import programmes from '../../data/observations/programmes.json' with { type: 'json' };
import illustrative from '../../data/observations/illustrative.json' with { type: 'json' };
import events from '../../data/events.json' with { type: 'json' };
import type { DataFileName } from './shipped-files-index.ts';

export type { DataFileName } from './shipped-files-index.ts';

/** Each shipped file's parsed JSON (`{ data: [...] }`), not yet validated against the contract. */
export interface RawDataFiles {
  territories: unknown;
  indicators: unknown;
  projects: unknown;
  census: unknown;
  programmes: unknown;
  illustrative: unknown;
  events: unknown;
}

/** Nothing to load here: the files are static imports. Kept so callers work with both modules. */
export function loadShippedFiles(_names?: readonly DataFileName[]): Promise<void> {
  return Promise.resolve();
}

/** How the browser module fetches a data file (see there). */
export type DataFileFetch = (url: string, init: RequestInit) => Promise<Response>;

/** Nothing is fetched here (see the browser module). */
export function setDataFileFetch(_fetcher: DataFileFetch): void {}

/** Nothing to prefetch here (see the browser module). */
export function prefetchFirstView(_search: string): void {}

/** Which files are loaded, as a number that changes when one more is: always the same here (all are). */
export function shippedFilesVersion(): number {
  return 0;
}

/** The raw files. */
export function shippedFiles(): RawDataFiles {
  return { territories, indicators, projects, census, programmes, illustrative, events };
}
