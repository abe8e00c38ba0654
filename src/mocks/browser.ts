/**
 * The mock API in the browser: an MSW service worker serving the shared handlers.
 * Loaded with a dynamic `import()` by `src/main.tsx` only when no `VITE_API_BASE_URL` is configured,
 * so a real-API build never starts it (and the MSW chunk stays out of the first paint).
 */
import { setupWorker } from 'msw/browser';
import { createHandlers, handlers } from './handlers.ts';
import { readUrlSpec, setMockSpec } from './faults.ts';
import { readDatasetOption, stressDb } from './stress.ts';

let started: Promise<void> | undefined;

/**
 * The `mock` parameter the page was opened with. The app normalises its address bar on first render
 * (dropping parameters it does not know) and this module loads in its own chunk, possibly later; the
 * navigation entry keeps the URL as it was loaded, so the switch survives that race.
 */
function pageMockSpec(): string {
  const navigation = performance.getEntriesByType('navigation')[0];
  const specs = [readUrlSpec(window.location.search)];
  if (navigation) {
    try {
      specs.push(readUrlSpec(new URL(navigation.name).search));
    } catch {
      // An unparsable entry name: the current URL alone will do.
    }
  }
  return [...new Set(specs.filter((s) => s !== ''))].join(',');
}

/**
 * Register the worker at `<base>/mockServiceWorker.js` (so the app works from any sub-path) and resolve
 * once it controls the page. Idempotent. The page URL's `mock` parameter is captured here, once: MSW 2
 * resolves handlers in the page, so they read this module-level setting on every request.
 */
export function startMockWorker(): Promise<void> {
  started ??= (async () => {
    setMockSpec(pageMockSpec());
    // Issue 7: `?dataset=stress` (or localStorage['mouchir.dataset']='stress') serves the synthetic stress
    // dataset instead of the shipped data — never both. Generation is lazy per indicator (src/mocks/stress.ts).
    const stress = readDatasetOption(window.location.search, window.localStorage) === 'stress';
    const worker = setupWorker(...(stress ? createHandlers({ db: stressDb }) : handlers));
    await worker.start({
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  })();
  return started;
}
