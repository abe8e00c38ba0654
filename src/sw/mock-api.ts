/**
 * The mock API inside the service worker (issue 16): a production mock-mode build answers `GET <base>api/v1/…` here,
 * with the same MSW handlers the dev server runs in the page and vitest runs in node (src/mocks/handlers.ts), resolved
 * by MSW's `getResponse`. The page then runs no MSW at all: no mock chunk to download and evaluate before the first
 * chart, no handshake with the worker, and the data files are parsed and queried off the page's main thread.
 *
 * What the page chose reaches the handlers with each request (src/mocks/mock-switches.ts): its fault spec in
 * `x-mouchir-mock` (the handlers read it) and its dataset in `x-mouchir-dataset` (read here). Nothing about a page is
 * kept in the worker, which the browser may stop and start again between two requests.
 */
import { getResponse, type HttpHandler } from 'msw';
import { API_PREFIX } from '../contract/contract.ts';
import { createHandlers, handlers } from '../mocks/handlers.ts';
import { MOCK_DATASET_HEADER } from '../mocks/mock-switches.ts';
import { prefetchFirstView, setDataFileFetch, type DataFileFetch } from '../mocks/shipped-files.ts';
import { stressDb } from '../mocks/stress.ts';
import { PROBLEM_TYPE, problemResponse } from '../mocks/faults.ts';

let stressHandlers: HttpHandler[] | undefined;

/** Where the data files come from: the worker's offline copy first (see `fetchBuildFile` in sw.ts). */
export function readDataFilesWith(fetcher: DataFileFetch): void {
  setDataFileFetch(fetcher);
}

/** Whether a request is for the mock API of the app at `scope` (same origin, under `<scope>api/v1/`). */
export function isMockApiRequest(url: string, scope: string): boolean {
  const api = new URL(`${API_PREFIX.replace(/^\//, '')}/`, scope);
  const target = new URL(url);
  return target.origin === api.origin && target.pathname.startsWith(api.pathname);
}

/** Settles with a network error when the page gives up on the request (the `hang` fault would never end otherwise). */
function whenAborted(signal: AbortSignal): Promise<Response> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(Response.error());
    else signal.addEventListener('abort', () => resolve(Response.error()), { once: true });
  });
}

/**
 * The mock API's answer to one request. A handler that throws is answered as MSW answers it in the page: a 500, with
 * the error's message, so the page shows a server error rather than a network failure.
 */
export async function mockApiResponse(request: Request): Promise<Response> {
  const list =
    request.headers.get(MOCK_DATASET_HEADER) === 'stress'
      ? (stressHandlers ??= createHandlers({ db: stressDb }))
      : handlers;
  try {
    const response = await Promise.race([getResponse(list, request), whenAborted(request.signal)]);
    // Every path under the prefix has a handler (a 404 or 405 problem at worst); this is only a safety net.
    return response ?? (await fetch(request));
  } catch (error) {
    return problemResponse({
      type: PROBLEM_TYPE('server-error'),
      title: 'Internal Server Error',
      status: 500,
      detail: `The mock API failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Start loading the data files the page's first view will ask for (`search`: its query string). */
export function prefetchMockData(search: string): void {
  prefetchFirstView(search);
}
