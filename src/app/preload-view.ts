/**
 * The views' lazy components, and the start of a view's code at startup (issue 7, B1; issue 16).
 *
 * In mock mode the views mount only once the MSW worker controls the page (src/app/api-ready.ts), and
 * `React.lazy` starts a view's chunk only when it mounts — so the explorer's chunk (with recharts) used to
 * load *after* the worker, in series. `preloadView` starts the current view's chunk at startup, in parallel with the
 * worker; once it is in, the view's lazy component renders at once when the API is ready instead of suspending
 * (src/ui/lazy-retry.ts `LazyPart.preload`): a suspended view showed its placeholder for React's 300 ms at least.
 * Only the data queries wait for the worker.
 */
import { lazyWithRetry, type LazyPart } from '../ui/lazy-retry.ts';
import type { ViewName } from '../state/view-state.ts';

// lazyWithRetry, not React.lazy: a view first opened offline loads on Retry once the network is back.
export const OverviewView = lazyWithRetry(
  () => import('../features/overview/overview-view.tsx').then((m) => ({ default: m.OverviewView })),
  'OverviewView',
);
export const ExplorerView = lazyWithRetry(
  () => import('../features/explorer/explorer-view.tsx').then((m) => ({ default: m.ExplorerView })),
  'ExplorerView',
);
export const CompareView = lazyWithRetry(
  () => import('../features/compare/compare-view.tsx').then((m) => ({ default: m.CompareView })),
  'CompareView',
);
export const ProjectsView = lazyWithRetry(
  () => import('../features/projects/projects-view.tsx').then((m) => ({ default: m.ProjectsView })),
  'ProjectsView',
);

/** What `preloadView` needs of a view's lazy component. */
type Preloadable = Pick<LazyPart<unknown>, 'preload'>;

/** Each view's lazy component (rendered by src/app/app.tsx), by name: what `preloadView` loads. */
export const VIEW_PARTS: Record<ViewName, Preloadable> = {
  overview: OverviewView,
  explorer: ExplorerView,
  compare: CompareView,
  projects: ProjectsView,
};

/**
 * Start the code of `view` without waiting for it. A failed preload (offline at startup) does not poison the later
 * mount: the lazy component loads again when it mounts, and its error boundary reports a real failure
 * (src/ui/lazy-retry.ts, which also puts back a chunk's stylesheet that failed meanwhile).
 */
export function preloadView(view: ViewName, parts: Record<ViewName, Preloadable> = VIEW_PARTS): void {
  void parts[view].preload();
}
