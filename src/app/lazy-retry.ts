/**
 * Lazy components whose failed load can be retried without reloading the page (issue 8, items 4 and 6).
 *
 * Why not plain `React.lazy`: it calls its loader once and caches the result, a rejection included. A
 * view or the export menu first opened while the network is down would then fail for the rest of the
 * session, whatever "Retry" does, until a reload — losing what is on screen.
 *
 * Does the browser cache the failed module fetch too? The HTML spec used to keep a failed fetch in the
 * module map; measured in Chromium 156 (the project's browser; a small page importing the same URL
 * offline then online, a 503 then 200, a failed static dependency, a failed `<link rel=modulepreload>`):
 * calling the same `import()` again once the network is back fetches and succeeds every time. So no
 * cache-busting URL is needed (it would also duplicate a module that partly loaded) — retrying is only a
 * matter of calling the loader again, which is what this module arranges. tests/e2e/lazy-offline.test.ts
 * proves it on the built app.
 *
 * One thing the browser does keep: Vite loads a chunk's CSS with a `<link rel=stylesheet>` before the
 * module (`__vitePreload`), and skips any URL that already has a `<link>` in the page. A link that failed
 * offline stays in the DOM and never loads again, so a retried view would render unstyled. The failed
 * link is removed here ({@link forgetFailedStylesheet}) so that the retry adds a fresh one.
 *
 * When to call the loader again matters: after the import rejects, React re-renders the part to reach
 * the error boundary (sometimes more than once). Reloading on those renders would loop offline and never
 * show the error. So a failure stays final until an error boundary has shown it: the boundary calls
 * {@link ChunkLoadError.allowRetry} in `componentDidCatch` (src/app/error-boundary.tsx); after that, the
 * next render of the part — the boundary's Retry, a reset key change, or a remount — loads again.
 */
import { createElement, lazy, type ComponentType, type ReactNode } from 'react';

/** Vite's message when a chunk's CSS could not be loaded (its `__vitePreload` helper, seen in Vite 8 builds). */
const CSS_PRELOAD_FAILURE = /^Unable to preload CSS for (\S+)/;

/**
 * The error a lazy part throws to its error boundary when its code could not be loaded (network down,
 * server gone). Its message is the browser's (it names the chunk URL); `cause` is the original error.
 */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  readonly #allowRetry: () => void;

  constructor(cause: unknown, allowRetry: () => void) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.#allowRetry = allowRetry;
  }

  /**
   * Let the next render of the part call its loader again. Called by an error boundary once it shows
   * this error (see the module comment for why not earlier). Calling it twice is harmless.
   */
  allowRetry(): void {
    this.#allowRetry();
  }
}

/** Whether `error` is a failed load of a lazy part (as opposed to a bug while rendering). */
export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

/**
 * If `error` is Vite's "Unable to preload CSS for URL", remove the failed `<link rel=stylesheet>` of that
 * URL, so that the next load adds it again (Vite skips URLs that already have a link). Returns whether a
 * link was removed. Any other error is left alone.
 */
export function forgetFailedStylesheet(error: unknown, doc: Document | undefined = globalThis.document): boolean {
  const match = error instanceof Error ? CSS_PRELOAD_FAILURE.exec(error.message) : null;
  if (!match || !doc) return false;
  const href = match[1];
  let removed = false;
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    if (link.href === href) {
      link.remove();
      removed = true;
    }
  }
  return removed;
}

/**
 * Like `React.lazy(load)`, but a failed load is not cached: once an error boundary has shown the failure
 * (a {@link ChunkLoadError}), the next render calls `load` again. A successful load is kept for good.
 * Use it inside one of our `ErrorBoundary`s — a boundary that does not call `allowRetry` leaves the
 * failure final, as with `React.lazy`.
 *
 * @param load the dynamic import, e.g. `() => import('./x.tsx').then((m) => ({ default: m.X }))`.
 * @param displayName name shown in React's dev tools and warnings.
 */
export function lazyWithRetry<T extends (props: never) => ReactNode>(
  load: () => Promise<{ default: T }>,
  displayName = 'LazyWithRetry',
): T {
  type P = Parameters<T>[0];
  // T is typed like React.lazy's (any component); inside, it is rendered with its own props P.
  const loadComponent = load as unknown as () => Promise<{ default: ComponentType<P> }>;
  let attempt = 0;
  const makeLazy = () => {
    attempt += 1;
    const mine = attempt;
    return lazy(() =>
      loadComponent().catch((cause: unknown) => {
        forgetFailedStylesheet(cause);
        // Swap in a fresh React.lazy (which will call `load` on its first render) only for the attempt
        // that failed: a second boundary showing the same error must not start yet another attempt.
        throw new ChunkLoadError(cause, () => {
          if (attempt === mine) current = makeLazy();
        });
      }),
    );
  };
  let current = makeLazy();
  // The wrapper reads `current` at render time, so a retry renders the new lazy component. Its type
  // changes only after a failure, when nothing of the part was mounted: no state is lost.
  function LazyPart(props: P): ReactNode {
    return createElement(current, props);
  }
  LazyPart.displayName = displayName;
  // Same props as the loaded component (they are passed through untouched), as React.lazy's type says.
  return LazyPart as unknown as T;
}
