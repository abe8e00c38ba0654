/**
 * The mock API's switches as the page reads them, with no dependency: the page's side of the mock in a production
 * build (src/mocks/sw-mock.ts) imports this and nothing of MSW, and the handlers (src/mocks/faults.ts) read the same
 * names.
 *
 * Where the mock API runs decides how a switch reaches it:
 * - in the page (the dev server, vitest, src/mocks/browser.ts), the handlers read the page URL's spec (captured at
 *   start) and `localStorage` themselves;
 * - in the service worker (a production mock build, src/sw/mock-api.ts), they cannot: the page sends both with every
 *   API request, in the headers below, read when the request is made.
 */

/** Key of the local setting that holds a fault spec (read on every request, so a test can switch faults mid-session). */
export const MOCK_STORAGE_KEY = 'mouchir.mock';
/** Name of the page URL parameter that holds a fault spec. */
export const MOCK_URL_PARAMETER = 'mock';
/** Request header carrying the page's fault spec to the mock API in the service worker. */
export const MOCK_SPEC_HEADER = 'x-mouchir-mock';
/** Request header naming the dataset the page shows (`stress`, else the shipped data) to the same. */
export const MOCK_DATASET_HEADER = 'x-mouchir-dataset';

/** The local setting, when there is a `localStorage` (browsers, jsdom) and it is readable. */
export function readStoredSpec(): string {
  try {
    return globalThis.localStorage?.getItem(MOCK_STORAGE_KEY) ?? '';
  } catch {
    // Storage can throw (privacy modes, sandboxed frames): no faults then.
    return '';
  }
}

/** The `mock` parameter of a query string such as `location.search`. */
export function readUrlSpec(search: string): string {
  return new URLSearchParams(search).get(MOCK_URL_PARAMETER) ?? '';
}

/** The `mock` specs of several query strings (the current one and the navigation's), each once, as one spec. */
export function pageMockSpec(searches: readonly string[]): string {
  return [...new Set(searches.map(readUrlSpec).filter((s) => s !== ''))].join(',');
}

/** Specs joined, the empty ones left out. */
export function joinSpecs(...specs: readonly (string | null | undefined)[]): string {
  return specs.filter((s): s is string => typeof s === 'string' && s !== '').join(',');
}
