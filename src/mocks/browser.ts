/**
 * The mock API in the browser: an MSW service worker serving the shared handlers.
 * Loaded with a dynamic `import()` by `src/main.tsx` only when no `VITE_API_BASE_URL` is configured,
 * so a real-API build never starts it (and the MSW chunk stays out of the first paint).
 */
import { setupWorker } from 'msw/browser';
import type { HttpHandler } from 'msw';
import { createHandlers, handlers } from './handlers.ts';
import { readUrlSpec, setMockSpec } from './faults.ts';
import { pageDatasetOption, pageSearches, type DatasetName } from './dataset-option.ts';
import { prefetchFirstView } from './shipped-files.ts';

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

/** The `mock` fault spec of the page URL (see faults.ts). */
function pageMockSpec(searches: readonly string[]): string {
  return [...new Set(searches.map(readUrlSpec).filter((s) => s !== ''))].join(',');
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
    // Issue 16: the data files (JSON assets in the production build) are fetched when a request first needs them
    // (the handlers await them), not all before the worker answers; the first view's own files start loading now,
    // in parallel with the worker start. Non-API requests bypass the worker.
    if (dataset === 'default') prefetchFirstView(searches[0] ?? '');
    await worker.start({
      // Production builds: sw.js, the offline cache that imports the MSW worker (one worker, one scope — issue 16,
      // src/sw/sw.ts). The dev server has no sw.js and uses MSW's own worker.
      serviceWorker: { url: `${import.meta.env.BASE_URL}${import.meta.env.PROD ? 'sw.js' : 'mockServiceWorker.js'}` },
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
