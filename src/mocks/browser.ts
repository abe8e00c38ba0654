/**
 * The mock API in the page, on the dev server: MSW's own service worker forwards the API's requests to the shared
 * handlers, run here. Loaded by src/app/mock-api.ts only when no `VITE_API_BASE_URL` is configured, and only by the dev
 * server: a production build answers the API inside its own service worker instead (src/sw/mock-api.ts) and loads
 * src/app/mock-in-worker.ts in this module's place.
 */
import { setupWorker } from 'msw/browser';
import type { HttpHandler } from 'msw';
import { createHandlers, handlers } from './handlers.ts';
import { setMockSpec } from './faults.ts';
import { pageMockSpec } from './mock-switches.ts';
import { pageDatasetOption, pageSearches, type DatasetName } from './dataset-option.ts';

let started: Promise<void> | undefined;
let worker: ReturnType<typeof setupWorker> | undefined;
/** The dataset the worker's handlers serve now (set once they are installed). */
let serving: DatasetName = 'default';
/** The last switch asked for, so two quick calls end on the last one. */
let switching: Promise<void> = Promise.resolve();

/**
 * MSW's `worker.start` calls `registration.update()` on an existing registration without handling the
 * returned promise; when the update check fails (offline, or the server briefly gone) that surfaces as an
 * uncaught error in the page (found by tests/e2e/persistence.test.ts). The check is best-effort — the
 * worker in place keeps serving — so mark its failure handled, still returning the same promise.
 */
function quietRegistrationUpdates(): void {
  const proto = globalThis.ServiceWorkerRegistration?.prototype as
    (ServiceWorkerRegistration & { __mouchirQuietUpdate?: boolean }) | undefined;
  if (!proto || proto.__mouchirQuietUpdate) return;
  const update = proto.update;
  proto.update = function quietUpdate(this: ServiceWorkerRegistration) {
    const result = update.call(this);
    result.catch(() => undefined);
    return result;
  };
  proto.__mouchirQuietUpdate = true;
}

/**
 * Register the worker at `<base>/mockServiceWorker.js` (so the app works from any sub-path) and resolve
 * once it controls the page. Idempotent. The page URL's `mock` parameter is captured here, once: MSW 2
 * resolves handlers in the page, so they read this module-level setting on every request.
 */
export function startMockWorker(): Promise<void> {
  started ??= (async () => {
    quietRegistrationUpdates();
    const searches = pageSearches();
    setMockSpec(pageMockSpec(searches));
    // Issue 7: `?dataset=stress` serves the synthetic stress dataset instead of the shipped data — never both.
    // Generation is lazy per indicator (src/mocks/stress.ts); the generator is its own chunk, fetched only
    // then: the default view never loads it (issue 7, B3). Issue 14: only the URL the page was loaded with
    // counts (never localStorage), and src/app/dataset-mode.ts can switch back with switchMockDataset.
    const dataset = pageDatasetOption(searches);
    worker = setupWorker(...(await handlersFor(dataset)));
    serving = dataset;
    await worker.start({
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  })();
  return started;
}

/** The handlers serving one dataset (the stress generator's chunk is loaded only for `stress`). */
async function handlersFor(dataset: DatasetName): Promise<HttpHandler[]> {
  return dataset === 'stress' ? createHandlers({ db: (await import('./stress.ts')).stressDb }) : handlers;
}

/** The dataset the running worker serves (`default` before it has started). */
export function mockDataset(): DatasetName {
  return serving;
}

/**
 * Serve another dataset from now on, without a reload (issue 14: the stress banner's "back to the real
 * data"). Waits for the worker to have started (a switch asked during the start applies after it), then
 * replaces its handlers: MSW 2 resolves requests in the page, so the next request is answered from the new
 * dataset. Requests already answered are the caller's to forget (the app resets its query cache after this).
 */
export function switchMockDataset(dataset: DatasetName): Promise<void> {
  // A failed switch (the stress chunk could not load) must not block the next one.
  switching = switching
    .catch(() => undefined)
    .then(async () => {
      await startMockWorker();
      if (serving === dataset || !worker) return;
      const next = await handlersFor(dataset);
      worker.resetHandlers(...next);
      serving = dataset;
    });
  return switching;
}
