/**
 * The mock API in the browser: an MSW service worker serving the shared handlers.
 * Loaded with a dynamic `import()` by `src/main.tsx` only when no `VITE_API_BASE_URL` is configured,
 * so a real-API build never starts it (and the MSW chunk stays out of the first paint).
 */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.ts';
import { readUrlSpec, setMockSpec } from './faults.ts';

let started: Promise<void> | undefined;

/**
 * Register the worker at `<base>/mockServiceWorker.js` (so the app works from any sub-path) and resolve
 * once it controls the page. Idempotent. The page URL's `mock` parameter is captured here, once: MSW 2
 * resolves handlers in the page, so they read this module-level setting on every request.
 */
export function startMockWorker(): Promise<void> {
  started ??= (async () => {
    setMockSpec(readUrlSpec(window.location.search));
    const worker = setupWorker(...handlers);
    await worker.start({
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  })();
  return started;
}
