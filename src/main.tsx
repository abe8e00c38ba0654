/**
 * Entry point. Renders the shell at once; in mock mode (no `VITE_API_BASE_URL`) the MSW worker starts
 * in parallel from its own chunk, and views that fetch wait for it (src/app/api-ready.ts), so the first
 * paint never waits on the worker. The current view's chunk starts loading at once too (src/app/preload-view.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ROOT_OPTIONS } from './app/root-options.ts';
// The fonts of the page's language only: Noto Sans everywhere, Noto Sans Arabic on Arabic pages (issue 16).
import './styles/fonts.css';
import './styles/global.css';
// After global.css: the print stylesheet (issue 17) overrides it at equal specificity.
import './styles/print.css';
import { App } from './app/app.tsx';
import { setApiReadyPromise } from './app/api-ready.ts';
import { createQueryClient } from './app/query-client.ts';
import { RootBoundary } from './app/root-fallback.tsx';
import { initViewFromUrl } from './state/url-sync.ts';
import { useViewStore } from './state/view-store.ts';
import { preloadView } from './app/preload-view.ts';
import { startServiceWorker } from './app/sw-register.ts';

const apiBase: unknown = import.meta.env.VITE_API_BASE_URL;
const mockApi = typeof apiBase !== 'string' || apiBase === '';
if (mockApi) {
  setApiReadyPromise(import('./mocks/browser.ts').then((m) => m.startMockWorker()));
}
// The offline copy and the "new version" prompt (issue 16); MSW registers sw.js itself in a mock-mode build.
startServiceWorker(!mockApi);

initViewFromUrl();
// Fetch the URL's view chunk now, in parallel with the worker, not after it (issue 7, B1).
preloadView(useViewStore.getState().view);

const container = document.getElementById('root');
if (container) {
  // How React reports caught and recovered errors: see src/app/root-options.ts.
  createRoot(container, ROOT_OPTIONS).render(
    <StrictMode>
      <RootBoundary>
        <App queryClient={createQueryClient()} />
      </RootBoundary>
    </StrictMode>,
  );
}
