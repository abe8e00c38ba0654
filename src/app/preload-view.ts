/**
 * Start loading a view's code at startup (issue 7, B1).
 *
 * In mock mode the views mount only once the MSW worker controls the page (src/app/api-ready.ts), and
 * `React.lazy` starts a view's chunk only when it mounts — so the explorer's chunk (with recharts) used to
 * load *after* the worker, in series. Calling the same `import()` here at startup fetches it in parallel
 * with the worker; the lazy component in src/app/app.tsx then finds the module already loaded (an ES
 * module is fetched and evaluated once per URL). Only the data queries wait for the worker.
 */
import { noteFailedStylesheet } from '../ui/lazy-retry.ts';
import type { ViewName } from '../state/view-state.ts';

/** The dynamic import of each view's module: the same specifiers as the `lazy()` calls in app.tsx. */
export const VIEW_IMPORTS: Record<ViewName, () => Promise<unknown>> = {
  overview: () => import('../features/overview/overview-view.tsx'),
  explorer: () => import('../features/explorer/explorer-view.tsx'),
  compare: () => import('../features/compare/compare-view.tsx'),
  projects: () => import('../features/projects/projects-view.tsx'),
};

/**
 * Kick off the chunk of `view` without waiting for it. A failed preload (offline at startup) must not
 * poison the later mount: the lazy component calls its own `import()` when it mounts, and the browser
 * does not keep a failed module fetch (src/ui/lazy-retry.ts), so it simply tries again; its error
 * boundary reports a real failure. What does stick is Vite's memory of the chunk's failed stylesheet,
 * which it would not add again: it is noted here, and the mount puts it back (src/ui/lazy-retry.ts).
 */
export function preloadView(view: ViewName, imports: Record<ViewName, () => Promise<unknown>> = VIEW_IMPORTS): void {
  imports[view]().catch((error: unknown) => {
    noteFailedStylesheet(error);
  });
}
