/**
 * Which shipped data file serves what (issue 16 item 2): the browser mock fetches each file of `data/` only when a
 * request first needs it (src/mocks/shipped-files.browser.ts), instead of all six before answering anything — so
 * the overview never downloads a file none of its cards shows, and the explorer's first chart waits only for the
 * catalogue and its indicator's file.
 *
 * `OBSERVATION_FILE_INDICATORS` names the indicators of each observation file. It is an optimisation, never a
 * source of truth: an indicator it does not name is looked up in every observation file (slower, still right), and
 * tests/unit/shipped-files-lazy.test.ts fails when it disagrees with the files, so adding an indicator to a file
 * means adding its id here. Pure: no I/O.
 */
import type { MockEndpoint } from './faults.ts';

/** The shipped data files, by the key `RawDataFiles` gives them. */
export type DataFileName =
  'territories' | 'indicators' | 'projects' | 'census' | 'programmes' | 'illustrative' | 'events';

/** The observation files (data/observations/*.json). */
export type ObservationFileName = 'census' | 'programmes' | 'illustrative';

/** Every data file, in the order the eager loader lists them. */
export const DATA_FILES: readonly DataFileName[] = [
  'territories',
  'indicators',
  'projects',
  'census',
  'programmes',
  'illustrative',
  'events',
];

/** The observation files. */
export const OBSERVATION_FILES: readonly ObservationFileName[] = ['census', 'programmes', 'illustrative'];

/** Each data file's path in the repository, for error messages. */
export const DATA_FILE_PATHS: Readonly<Record<DataFileName, string>> = {
  territories: 'data/territories.json',
  indicators: 'data/indicators.json',
  projects: 'data/projects.json',
  census: 'data/observations/census.json',
  programmes: 'data/observations/programmes.json',
  illustrative: 'data/observations/illustrative.json',
  events: 'data/events.json',
};

/** The indicator ids whose observations each file holds (checked against the files by a unit test). */
export const OBSERVATION_FILE_INDICATORS: Readonly<Record<ObservationFileName, readonly string[]>> = {
  census: [
    'population',
    'households',
    'illiteracy-rate',
    'unemployment-rate',
    'activity-rate',
    'households-electricity',
    'households-running-water',
    'households-public-sewer',
    'households-municipal-bin',
    'urban-share',
    'households-internet',
    'households-computer',
    'households-mobile-phone',
    'medical-coverage-census',
    'economic-establishments',
    'establishment-jobs',
    'mobile-phone-owners-15plus',
    'computer-owners-15plus',
    'internet-users-15plus',
    'medical-coverage-ondh-2017',
  ],
  programmes: [
    'amo-coverage-rate',
    'amo-beneficiaries',
    'amo-tadamon-beneficiaries',
    'amo-tns-beneficiaries',
    'amo-achamil-beneficiaries',
    'amo-tadamon-state-contributions',
    'asd-households',
    'asd-persons',
    'asd-budget',
    'asd-monthly-envelope',
    'asd-cumulative-spending',
    'rsu-registered-households',
    'rsu-registered-persons',
    'rnp-registered-persons',
    'gissr-women-trained',
  ],
  illustrative: [
    'asd-households-by-territory',
    'amo-tadamon-by-region',
    'gissr-women-by-region',
    'internet-access-by-region',
    'smart-services-online',
  ],
};

const FILE_OF_INDICATOR: ReadonlyMap<string, ObservationFileName> = new Map(
  OBSERVATION_FILES.flatMap((file) => OBSERVATION_FILE_INDICATORS[file].map((id) => [id, file] as const)),
);

/** The observation files that may hold an indicator's rows: its own file, or all of them for an id not indexed. */
export function observationFilesOf(indicator: string | null | undefined): ObservationFileName[] {
  const file = indicator ? FILE_OF_INDICATOR.get(indicator) : undefined;
  return file ? [file] : [...OBSERVATION_FILES];
}

/**
 * The files a request to the mock API needs loaded before it can be answered, validation included: the observations
 * check territory codes and indicator ids, and the projects check territory codes (and find the ones inside a region).
 */
export function dataFilesFor(endpoint: MockEndpoint, params: URLSearchParams): DataFileName[] {
  switch (endpoint) {
    case 'territories':
      return ['territories'];
    case 'indicators':
      return ['indicators'];
    case 'projects':
      return ['territories', 'projects'];
    case 'events':
      // The catalogue to check the `indicator` parameter, then the events file (small: one file for every indicator).
      return ['indicators', 'events'];
    case 'observations': {
      // A repeated or missing indicator is answered 400 after the catalogue is read: no observation file then.
      const ids = params.getAll('indicator');
      const id = ids.length === 1 ? ids[0] : undefined;
      return ['territories', 'indicators', ...(id ? observationFilesOf(id) : [])];
    }
    case 'openapi.json':
      return [];
  }
}

/** The catalogue fields `firstViewFiles` reads. */
interface CatalogueEntry {
  id: string;
  headline?: number | undefined;
}

/**
 * The data files the page's first view will ask for, so the mock can start fetching them while its worker starts
 * (a prefetch: nothing depends on it being right). Read from the page's query string and the indicator catalogue:
 * the overview shows the headline indicators; the explorer its `indicator` or the first headline (the app's
 * default, `defaultIndicator`) and the events file; the projects view the projects; the comparison nothing more
 * until it asks.
 */
export function firstViewFiles(search: string, indicators: readonly CatalogueEntry[]): DataFileName[] {
  const params = new URLSearchParams(search);
  const view = params.get('view') ?? 'overview';
  const headlines = indicators
    .filter((i): i is CatalogueEntry & { headline: number } => typeof i.headline === 'number')
    .sort((a, b) => a.headline - b.headline);
  const files = new Set<DataFileName>();
  if (view === 'overview' || !['explorer', 'compare', 'projects'].includes(view)) {
    for (const h of headlines) for (const f of observationFilesOf(h.id)) files.add(f);
  } else if (view === 'explorer') {
    const id = params.get('indicator') ?? headlines[0]?.id ?? indicators[0]?.id;
    // An imported dataset's indicator (`user-…`) is answered by the app, not the mock: nothing to fetch.
    if (id && !id.startsWith('user-')) {
      for (const f of observationFilesOf(id)) files.add(f);
      // Its events, asked for beside the observations unless the link turns them off (`events=0`, issue 17).
      if (params.get('events') !== '0') files.add('events');
    }
  } else if (view === 'projects') {
    files.add('projects');
  }
  return [...files];
}
