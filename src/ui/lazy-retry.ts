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
 * What does stick is Vite's handling of a chunk's CSS: `__vitePreload` adds a `<link rel=stylesheet>`
 * before importing the module, and remembers every CSS URL it has tried (its memo keeps the key even after
 * a failure), so it never adds a link for that URL again. A view whose stylesheet failed offline would
 * load unstyled on retry (seen in tests/e2e/lazy-offline.test.ts). So a failed stylesheet is noted
 * ({@link noteFailedStylesheet}) and every load through {@link lazyWithRetry} first puts the noted
 * stylesheets back ({@link restoreFailedStylesheets}) — what Vite would have done — and fails the same
 * way if they still cannot load.
 *
 * When to call the loader again matters: after the import rejects, React re-renders the part to reach
 * the error boundary (sometimes more than once). Reloading on those renders would loop offline and never
 * show the error. So a failure stays final until an error boundary has shown it: the boundary calls
 * {@link ChunkLoadError.allowRetry} in `componentDidCatch` (src/ui/error-boundary.tsx); after that, the
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

/** URLs of chunk stylesheets that failed to load (shared by every lazy part, like Vite's memo). */
const failedStylesheets = new Set<string>();

/**
 * If `error` is Vite's "Unable to preload CSS for URL", note that URL so the next load through
 * {@link lazyWithRetry} adds its stylesheet again. Returns whether it was such an error.
 */
export function noteFailedStylesheet(error: unknown): boolean {
  const match = error instanceof Error ? CSS_PRELOAD_FAILURE.exec(error.message) : null;
  if (!match?.[1]) return false;
  failedStylesheets.add(match[1]);
  return true;
}

/** The noted failed stylesheet URLs (for tests and diagnostics). */
export function failedStylesheetUrls(): string[] {
  return [...failedStylesheets];
}

/** The restores in flight, by stylesheet URL: parts retried together wait for one link (see below). */
const restoring = new Map<string, Promise<void>>();

/** Replace the failed `<link>` of `href` with a fresh one; resolves when it loads, rejects like Vite if it fails. */
function restoreStylesheet(doc: Document, href: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    for (const old of doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
      if (old.href === href) old.remove();
    }
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = '';
    link.href = href;
    link.addEventListener('load', () => {
      failedStylesheets.delete(href);
      resolve();
    });
    link.addEventListener('error', () => reject(new Error(`Unable to preload CSS for ${href}`)));
    doc.head.append(link);
  });
}

/**
 * Put back the noted failed stylesheets, as Vite would have: replace each failed `<link>` with a fresh one
 * and wait until it loads. Rejects with Vite's own message if one still fails (it stays noted), so the
 * caller fails as the first attempt did. Resolves at once when nothing failed.
 *
 * Callers at the same time share one restore per URL: two parts retried together (or a part and a preload) each
 * ask, and a second restore that replaced the first one's link would leave the first waiting for a `load` that never
 * comes, or put a new, still-loading link under a view the first had already shown.
 */
export async function restoreFailedStylesheets(doc: Document | undefined = globalThis.document): Promise<void> {
  if (!doc || failedStylesheets.size === 0) return;
  await Promise.all(
    [...failedStylesheets].map((href) => {
      let restore = restoring.get(href);
      if (!restore) {
        restore = restoreStylesheet(doc, href).finally(() => restoring.delete(href));
        restoring.set(href, restore);
      }
      return restore;
    }),
  );
}

/** A lazy part of {@link lazyWithRetry}: the component, and a way to load its code before it first renders. */
export type LazyPart<T> = T & {
  /**
   * Load the part's code now (a view's chunk at startup, src/app/preload-view.ts); once it is in, the part renders
   * at once instead of suspending. Never rejects: a failed load is noted, and the part's first render tries again.
   */
  preload: () => Promise<void>;
};

/**
 * A thenable already fulfilled with `value` that calls back in the same tick. `React.lazy` reads a module from it
 * without suspending (it looks at the payload right after calling `then`), where a resolved promise would still
 * call back a microtask later and make the part suspend once.
 */
function fulfilled<V>(value: V): Promise<V> {
  const thenable = {
    // oxlint-disable-next-line unicorn/no-thenable -- a thenable is the point: React.lazy's protocol, see above
    then(onFulfilled?: (v: V) => unknown) {
      onFulfilled?.(value);
      return thenable;
    },
  };
  // React.lazy's type asks for a Promise; it only ever calls `then` (and sets `status`/`value`) on it.
  return thenable as unknown as Promise<V>;
}

/**
 * Like `React.lazy(load)`, but a failed load is not cached: once an error boundary has shown the failure
 * (a {@link ChunkLoadError}), the next render calls `load` again. A successful load is kept for good, and once it is
 * in — loaded by {@link LazyPart.preload} or by an earlier render — the part no longer suspends when it mounts.
 * Why that matters (issue 16): a part that suspends shows its boundary's fallback, and React keeps a fallback it has
 * shown for at least 300 ms before it reveals the content; the explorer then mounted ~300 ms late, with the data that
 * had arrived meanwhile, its controls and its chart in one long task.
 * Use it inside one of our `ErrorBoundary`s — a boundary that does not call `allowRetry` leaves the
 * failure final, as with `React.lazy`.
 *
 * @param load the dynamic import, e.g. `() => import('../app/x.tsx').then((m) => ({ default: m.X }))`.
 * @param displayName name shown in React's dev tools and warnings.
 */
export function lazyWithRetry<T extends (props: never) => ReactNode>(
  load: () => Promise<{ default: T }>,
  displayName = 'LazyWithRetry',
): LazyPart<T> {
  type P = Parameters<T>[0];
  type Module = { default: ComponentType<P> };
  // T is typed like React.lazy's (any component); inside, it is rendered with its own props P.
  const loadComponent = load as unknown as () => Promise<Module>;
  let loaded: Module | undefined;
  // The load in flight, shared by a preload and a first render; forgotten when it fails, so the next one tries again.
  let loading: Promise<Module> | undefined;
  const loadOnce = (): Promise<Module> => {
    loading ??= restoreFailedStylesheets()
      .then(() => loadComponent())
      .then(
        (module) => {
          loaded = module;
          return module;
        },
        (cause: unknown) => {
          loading = undefined;
          throw cause;
        },
      );
    return loading;
  };
  let attempt = 0;
  const makeLazy = () => {
    attempt += 1;
    const mine = attempt;
    return lazy(() =>
      loaded
        ? fulfilled(loaded)
        : loadOnce().catch((cause: unknown) => {
            noteFailedStylesheet(cause);
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
  LazyPart.preload = (): Promise<void> =>
    loadOnce().then(
      () => undefined,
      (cause: unknown) => {
        noteFailedStylesheet(cause);
      },
    );
  // Same props as the loaded component (they are passed through untouched), as React.lazy's type says.
  return LazyPart as unknown as LazyPart<T>;
}
