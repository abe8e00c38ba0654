/**
 * The page's side of the service worker (src/sw/sw.ts, issue 16 item 4): registration in a real-API build (a
 * mock-mode build registers the same `sw.js` at once, for the mock API it answers: src/app/mock-api.ts and
 * mock-in-worker.ts), the state of the offline copy, and the "new version" flow.
 *
 * - After the page's `load`, it asks the active worker to complete the offline copy (`OFFLINE_STATUS`): the first
 *   visit's own files load first, the rest of the build follows; the answer says since when the copy is whole, or
 *   how many files are missing. `<html data-offline-ready="<ISO time>">` marks a whole copy (e2e and bench wait on it), `data-offline-missing="<n>"` an
 *   incomplete one.
 * - A worker of a new deployment that has installed waits; the page shows the prompt (src/app/update-prompt.tsx).
 *   Accepting posts `SKIP_WAITING` to it and reloads the page once, when it takes control, so the page never runs
 *   old and new files together. Only that reload: the first install's `clients.claim()` changes the controller too.
 *
 * Production builds only: the dev server has no `sw.js`.
 */
import { useSyncExternalStore } from 'react';

/** What the page knows of the offline copy and of a waiting update. */
export interface OfflineState {
  /** When this build's files were all stored (ISO time), null when not (yet) known to be whole. */
  savedAt: string | null;
  /** Files of the build not stored, when the worker reported (null before any report, or without a worker). */
  missing: number | null;
  /** A new version is installed and waits for the reader's reload. */
  updateReady: boolean;
}

let state: OfflineState = { savedAt: null, missing: null, updateReady: false };
const listeners = new Set<() => void>();
let waiting: ServiceWorker | null = null;
let reloading = false;

function set(patch: Partial<OfflineState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The offline copy's state and a waiting update, for components. */
export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

/** Accept the waiting version: it takes over and the page reloads once under it. */
export function applyUpdate(): void {
  if (!waiting) {
    // Another tab accepted it already: the new version controls this page, which only has to load it.
    window.location.reload();
    return;
  }
  reloading = true;
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/** The worker's report (`{ type: 'OFFLINE_STATUS', savedAt, missing }`), checked: it crosses a boundary. */
function onMessage(event: MessageEvent): void {
  const data = event.data as { type?: unknown; savedAt?: unknown; missing?: unknown } | null;
  if (data?.type !== 'OFFLINE_STATUS') return;
  const savedAt = typeof data.savedAt === 'string' && !Number.isNaN(Date.parse(data.savedAt)) ? data.savedAt : null;
  const missing = typeof data.missing === 'number' ? data.missing : null;
  const root = document.documentElement.dataset;
  if (savedAt) root.offlineReady = savedAt;
  else delete root.offlineReady;
  if (!savedAt && missing !== null) root.offlineMissing = String(missing);
  else delete root.offlineMissing;
  set({ savedAt, missing });
}

function watchWaiting(registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker | null) => {
    // A waiting worker while a page is controlled is an update; without a controller it is the first install.
    if (!worker || !navigator.serviceWorker.controller) return;
    waiting = worker;
    set({ updateReady: true });
  };
  const follow = (installing: ServiceWorker | null) => {
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(registration.waiting ?? installing);
    });
  };
  offer(registration.waiting);
  // The navigation's own update check may have found the new version before this script ran.
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
}

/** Once the page has loaded. */
function whenLoaded(run: () => void): void {
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
}

/** Once the page has loaded and is idle (the first chart's data comes through the same worker): off its path. */
function whenSettled(run: () => void): void {
  whenLoaded(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 500);
  });
}

/**
 * Start the page's side of the offline copy. `register` is true in a real-API build (in a mock build the mock API's
 * page side has registered sw.js already).
 * Never throws: without a worker the app works online as before.
 */
export function startServiceWorker(register: boolean): void {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!import.meta.env.PROD || !container) return;
  // A label given at build time (VITE_BUILD_LABEL), so a test can tell which deployment the page runs.
  const label: unknown = import.meta.env.VITE_BUILD_LABEL;
  if (typeof label === 'string' && label !== '') document.documentElement.dataset.build = label;
  container.addEventListener('message', onMessage);
  const hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (reloading) {
      reloading = false;
      window.location.reload();
    } else if (hadController) {
      // The reader accepted the new version in another tab: this page still runs the old files, whose copy the new
      // worker has just dropped; offer the reload here too rather than let a later chunk fail.
      waiting = null;
      set({ updateReady: true });
    }
  });
  if (register) {
    whenLoaded(() => {
      container.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
    });
  }
  void container.ready.then((registration) => {
    watchWaiting(registration);
    whenSettled(() => registration.active?.postMessage({ type: 'OFFLINE_STATUS' }));
  });
}
