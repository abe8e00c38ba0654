/**
 * The page's side of the mock API in a production build (issue 16). The API itself runs in the service worker
 * (src/sw/mock-api.ts), so this module is small and holds no MSW: it makes sure sw.js controls the page, and sends the
 * reader's switches with every API request (src/mocks/mock-switches.ts). The dev server has no sw.js and runs MSW in
 * the page instead (src/mocks/browser.ts); both export the same three functions (./mock-api.ts `MockApi`).
 */
import { setApiRequestHeaders } from '../api/client.ts';
import { pageDatasetOption, pageSearches, type DatasetName } from '../mocks/dataset-option.ts';
import {
  MOCK_DATASET_HEADER,
  MOCK_SPEC_HEADER,
  joinSpecs,
  pageMockSpec,
  readStoredSpec,
} from '../mocks/mock-switches.ts';

/** How long the worker may take to control the page on a first visit before the app says the mock API failed. */
export const CONTROL_TIMEOUT_MS = 30_000;

let started: Promise<void> | undefined;
/** The dataset the page asks for (the worker serves what each request names). */
let serving: DatasetName = 'default';

/** Resolve once a service worker controls this page. */
function controlled(container: ServiceWorkerContainer): Promise<void> {
  if (container.controller) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The mock API's service worker did not start within ${CONTROL_TIMEOUT_MS / 1000} s.`)),
      CONTROL_TIMEOUT_MS,
    );
    container.addEventListener(
      'controllerchange',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    // A first install claims the page as it activates. A page loaded past an active worker (a hard reload) is not
    // claimed by anything: ask the worker (src/sw/sw.ts `CLAIM`).
    void container.ready.then((registration) => registration.active?.postMessage({ type: 'CLAIM' }));
  });
}

/**
 * Start the mock API for this page: the page URL's switches are read once (the app rewrites the address later), the
 * local setting on every request; then sw.js is registered (on a first visit) and the promise resolves once it
 * controls the page, so no API request leaves before something answers it. Idempotent.
 */
export function startMockWorker(): Promise<void> {
  started ??= (async () => {
    const searches = pageSearches();
    const urlSpec = pageMockSpec(searches);
    serving = pageDatasetOption(searches);
    setApiRequestHeaders(() => {
      const headers: Record<string, string> = {};
      const spec = joinSpecs(urlSpec, readStoredSpec());
      if (spec !== '') headers[MOCK_SPEC_HEADER] = spec;
      if (serving === 'stress') headers[MOCK_DATASET_HEADER] = 'stress';
      return headers;
    });
    const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
    if (!container) throw new Error('This browser offers no service worker: the mock API cannot run.');
    // Registering an already registered worker is a no-op; the navigation checks for a new version by itself.
    if (!container.controller) await container.register(`${import.meta.env.BASE_URL}sw.js`);
    await controlled(container);
    // The first view's data files start loading in the worker now, while the app's code loads here.
    if (serving === 'default') container.controller?.postMessage({ type: 'MOCK_PREFETCH', search: searches[0] ?? '' });
  })();
  return started;
}

/** The dataset the page asks the mock API for (`default` before it has started). */
export function mockDataset(): DatasetName {
  return serving;
}

/**
 * Ask for another dataset from now on, without a reload (issue 14: the stress banner's "back to the real data"): the
 * next request names it. Requests already answered are the caller's to forget (the app resets its query cache).
 */
export async function switchMockDataset(dataset: DatasetName): Promise<void> {
  await startMockWorker();
  serving = dataset;
}
