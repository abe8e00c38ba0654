/**
 * The mock API in the browser: an MSW service worker serving the shared handlers.
 * Loaded with a dynamic `import()` by `src/main.tsx` only when no `VITE_API_BASE_URL` is configured,
 * so a real-API build never starts it (and the MSW chunk stays out of the first paint).
 */
import { setupWorker } from 'msw/browser';
import { createHandlers, handlers } from './handlers.ts';
import { readUrlSpec, setMockSpec } from './faults.ts';
import { readDatasetOption } from './dataset-option.ts';
import { loadShippedFiles } from './shipped-files.ts';

let started: Promise<void> | undefined;

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
 * The query strings to read switches from: the current one and the one the page was loaded with. The
 * app normalises its address bar on first render (dropping parameters it does not know, such as `mock`
 * and `dataset`) and this module loads in its own chunk, possibly later; the navigation entry keeps the
 * URL as it was loaded, so the switches survive that race.
 */
function pageSearches(): string[] {
  const searches = [window.location.search];
  const navigation = performance.getEntriesByType('navigation')[0];
  if (navigation) {
    try {
      searches.push(new URL(navigation.name).search);
    } catch {
      // An unparsable entry name: the current URL alone will do.
    }
  }
  return searches;
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
    // Issue 7: `?dataset=stress` (or localStorage['mouchir.dataset']='stress') serves the synthetic stress
    // dataset instead of the shipped data — never both. Generation is lazy per indicator (src/mocks/stress.ts).
    // The generator is its own chunk, fetched only then: the default view never loads it (issue 7, B3).
    const stress = searches.some((search) => readDatasetOption(search, window.localStorage) === 'stress');
    const worker = setupWorker(...(stress ? createHandlers({ db: (await import('./stress.ts')).stressDb }) : handlers));
    // The data files (JSON assets in the production build) load in parallel with the worker start; both
    // must be done before the app's first request (issue 7, B1/B3). Non-API requests bypass the worker.
    await Promise.all([
      loadShippedFiles(),
      worker.start({
        serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
        quiet: true,
        onUnhandledRequest: 'bypass',
      }),
    ]);
  })();
  return started;
}
