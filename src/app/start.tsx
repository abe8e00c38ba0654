/**
 * The app's start, imported by the entry (src/main.tsx) once the prerendered shell is painted: renders the app over
 * the shell; in mock mode the mock API's page side (./mock-api.ts) makes sure the service worker that answers the API
 * controls the page, and views that fetch wait for it (src/app/api-ready.ts), so nothing on screen waits on the worker. The current view's chunk starts loading at once
 * too (src/app/preload-view.ts).
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ROOT_OPTIONS } from './root-options.ts';
import { App } from './app.tsx';
import { setApiReadyPromise } from './api-ready.ts';
import { createQueryClient } from './query-client.ts';
import { RootBoundary } from './root-fallback.tsx';
import { initViewFromUrl } from '../state/url-sync.ts';
import { useViewStore } from '../state/view-store.ts';
import { preloadView } from './preload-view.ts';
import { startServiceWorker } from './sw-register.ts';
import { captureBakedHead } from '../features/explorer/baked-head.ts';
import { warmDateFormats } from '../i18n/format.ts';
import { prefetchFirstQueries } from './prefetch-view.ts';
import type { MockApi } from './mock-api.ts';

/** The mock API's page side, being imported by the entry in mock mode (null with a real API). */
export type MockModule = Promise<MockApi> | null;

/**
 * Start the app over the prerendered shell. `mock` is the mock API's module, whose download the entry started beside
 * this chunk's (src/main.tsx): its worker starts as soon as both are here.
 */
export function startApp(mock: MockModule): void {
  const queryClient = createQueryClient();
  const ready = mock?.then((m) => m.startMockWorker());
  if (ready) setApiReadyPromise(ready);
  // The offline copy and the "new version" prompt (issue 16); in a mock-mode build the mock API's page side registers
  // sw.js itself, at once (./mock-in-worker.ts): the API is answered there.
  startServiceWorker(mock === null);

  initViewFromUrl();
  // Fetch the URL's view chunk now, in parallel with the worker, not after it (issue 7, B1).
  preloadView(useViewStore.getState().view);

  const container = document.getElementById('root');
  if (!container) return;
  // The default explorer chart's head the build baked into this page, read before React replaces the shell, so the
  // app draws it in the same place until the chart is in (src/features/explorer/baked-head.ts).
  captureBakedHead(container);
  // The view's first data asked for at once, not after the view's render with the catalogue (./prefetch-view.ts).
  // A failed start is the readiness's to report (./api-ready.ts).
  ready?.then(
    () => prefetchFirstQueries(queryClient, () => useViewStore.getState()),
    () => undefined,
  );
  // The page's first date formatter initialises ICU's calendar data (~60 ms at 4× CPU): in a task of its own, between
  // the slices of the transition below, not inside the render that first formats a date (src/i18n/format.ts).
  setTimeout(() => warmDateFormats(useViewStore.getState().lang), 0);
  // How React reports caught and recovered errors: see src/app/root-options.ts.
  const root = createRoot(container, ROOT_OPTIONS);
  // A transition, so React renders the app in slices that yield to the browser (issue 16, TBT): the prerendered
  // shell stays on screen meanwhile. Outside a transition the first render is one task.
  startTransition(() => {
    root.render(
      <StrictMode>
        <RootBoundary>
          <App queryClient={queryClient} />
        </RootBoundary>
      </StrictMode>,
    );
  });
}
