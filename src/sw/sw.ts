/**
 * The service worker (issue 16, item 4): keeps every file of this build in Cache Storage so the app opens, draws
 * and exports with the network off after a first visit. In a mock-mode build the same worker also answers the mock
 * API (src/sw/sw-mock-entry.ts, src/sw/mock-api.ts): one worker, one scope. Bundled into `dist/sw.js` by
 * scripts/build/service-worker.mjs, which injects the manifest below.
 *
 * - Precached files are answered cache-first (a repeat visit reads nothing from the network); a navigation to the app
 *   is answered with the prerendered shell of its query (scripts/build/shell-route.mjs), else index.html. A file
 *   missing from the cache (refused, cleared, quota) goes to the network, so a damaged cache costs speed, not the app.
 * - Our fetch listener runs before the mock API's and stops the event for what it answers; it leaves the API's
 *   requests (never files of the build) to the next listener.
 * - Filling the cache never decides whether the worker installs: a first install activates at once (the mock API must
 *   answer, and a first visit must not wait for the whole build to download) and fills when the page asks
 *   (`OFFLINE_STATUS`, sent after the page's load); an update fills during its install (it waits anyway) so that,
 *   once the reader accepts it, the new version is whole. Each file is stored on its own, so one refused file or a
 *   full quota leaves the others; what is missing is counted and reported. A revisioned file is stored only if its
 *   bytes hash to the manifest's revision: a server already on a newer deployment never gets mixed into this one.
 * - A waiting update never takes over on its own: the page shows "new version" and posts `SKIP_WAITING` on Reload.
 *
 * workbox-precaching keeps the manifest → cache-key bookkeeping (revision keys, the cleanup of entries of older
 * builds on activation, of older workbox caches); the fill loop is ours because workbox's install stops at the first
 * failed file and must run inside the install event.
 */
import { PrecacheController } from 'workbox-precaching/PrecacheController.js';
import { cleanupOutdatedCaches } from 'workbox-precaching/cleanupOutdatedCaches.js';
import { navigationShellUrl, noCopyPage, revisionOf, type OfflineStatus } from './routes.ts';

declare const __PRECACHE_MANIFEST__: { url: string; revision: string | null }[];
declare const __BUILD_ID__: string;

/** The few service-worker types we use (the project's TypeScript lib is DOM, not WebWorker). */
export interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
export interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
export interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
  readonly source: { postMessage(message: unknown): void } | null;
}
export interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** This worker's global scope (src/sw/sw-mock-entry.ts adds the mock API's listeners to it). */
export const sw = self as unknown as ServiceWorkerScope;
const BUILD = __BUILD_ID__;
/** This worker's own bookkeeping: one status entry per build. */
const META_CACHE = 'mouchir-offline';
const statusKey = (build: string) => new URL(`__offline-status/${build}`, sw.registration.scope).href;

const precache = new PrecacheController();
precache.addToCacheList(__PRECACHE_MANIFEST__);
cleanupOutdatedCaches();
/** Absolute URL → expected revision (null for hashed names). */
const REVISIONS = new Map(__PRECACHE_MANIFEST__.map((e) => [new URL(e.url, sw.location.href).href, e.revision]));
const realSkipWaiting = sw.skipWaiting.bind(sw);

async function readStatus(): Promise<OfflineStatus | null> {
  try {
    const hit = await (await caches.open(META_CACHE)).match(statusKey(BUILD));
    return hit ? ((await hit.json()) as OfflineStatus) : null;
  } catch {
    return null;
  }
}

async function writeStatus(status: OfflineStatus): Promise<void> {
  try {
    const body = JSON.stringify(status);
    await (
      await caches.open(META_CACHE)
    ).put(statusKey(BUILD), new Response(body, { headers: { 'content-type': 'application/json' } }));
  } catch {
    // Quota or storage refused: the status is then recomputed on the next fill.
  }
}

/** Fetch one file of the manifest and store it under its cache key; throws when it cannot be stored as this build's. */
async function store(cache: Cache, url: string, cacheKey: string): Promise<void> {
  const revision = REVISIONS.get(url) ?? null;
  // A hashed file the page has just loaded is reused from the HTTP cache (no second download on a phone's data);
  // anything else comes from the network without being written to the HTTP cache too (4 MB kept twice otherwise,
  // and a copy there would outlive a cleared offline copy). Revisioned files always from the network: the HTTP cache
  // may hold another deployment's index.html.
  const cached = revision
    ? undefined
    : await fetch(url, { cache: 'only-if-cached', mode: 'same-origin', credentials: 'same-origin' }).catch(
        () => undefined,
      );
  const response = cached?.ok ? cached : await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok || response.type === 'opaque') throw new Error(`${url}: HTTP ${response.status}`);
  if (revision) {
    const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
    if (revisionOf(digest) !== revision) throw new Error(`${url}: not this build's file`);
  }
  await cache.put(cacheKey, response);
}

let filling: Promise<OfflineStatus> | null = null;

/** Store every file of the manifest not stored yet (a few at a time), and record the outcome. Never rejects. */
function fill(): Promise<OfflineStatus> {
  filling ??= (async () => {
    const entries = [...precache.getURLsToCacheKeys()];
    let missing = 0;
    try {
      const cache = await caches.open(precache.strategy.cacheName);
      // One listing instead of a lookup per file: a whole copy is checked in a few ms on every visit.
      const present = new Set((await cache.keys()).map((r) => r.url));
      const absent = entries.filter(([, cacheKey]) => !present.has(cacheKey));
      let next = 0;
      const lane = async () => {
        while (next < absent.length) {
          const [url, cacheKey] = absent[next++] as [string, string];
          try {
            await store(cache, url, cacheKey);
          } catch {
            missing += 1;
          }
        }
      };
      await Promise.all([lane(), lane(), lane(), lane()]);
    } catch {
      missing = entries.length; // Cache Storage refused altogether
    }
    const before = await readStatus();
    const status: OfflineStatus = {
      build: BUILD,
      // Keep the first completion time: it says since when this build's data is kept, not when it was last checked.
      savedAt: missing > 0 ? null : (before?.savedAt ?? new Date().toISOString()),
      missing,
      total: entries.length,
    };
    await writeStatus(status);
    return status;
  })().finally(() => {
    filling = null;
  });
  return filling;
}

/**
 * The cached response for a cache key, or the network's for the request (a missing entry must not break the app).
 * A navigation neither can answer gets a page saying what is missing instead of the browser's error page.
 */
async function cacheFirst(request: Request, cacheKey: string): Promise<Response> {
  try {
    const hit = await (await caches.open(precache.strategy.cacheName)).match(cacheKey);
    if (hit) return hit;
  } catch {
    // Cache Storage unavailable: the network decides.
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode !== 'navigate') throw error;
    return new Response(noCopyPage(new URL(request.url).search), {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}

/**
 * A file of this build by its URL: from the offline copy when it is stored there, else from the network. For the mock
 * API's data files (src/sw/mock-api.ts): a worker's own `fetch` does not pass through its fetch listener, so without
 * this the mock would answer nothing offline.
 */
export async function fetchBuildFile(url: string, init: RequestInit): Promise<Response> {
  const cacheKey = precache.getCacheKeyForURL(new URL(url, sw.location.href).href);
  if (cacheKey !== undefined) {
    try {
      const hit = await (await caches.open(precache.strategy.cacheName)).match(cacheKey);
      if (hit) return hit;
    } catch {
      // Cache Storage unavailable: the network decides.
    }
  }
  return fetch(url, init);
}

sw.addEventListener('install', (event) => {
  // An update: fill before it can take over, so the accepted version is whole. A first install: at once (see top).
  if (sw.registration.active) event.waitUntil(fill());
});

sw.addEventListener('activate', (event) => {
  // Drop the entries of older builds (workbox), and their statuses; take control of the open pages.
  void precache.activate(event);
  event.waitUntil(
    (async () => {
      try {
        const meta = await caches.open(META_CACHE);
        for (const key of await meta.keys()) if (key.url !== statusKey(BUILD)) await meta.delete(key);
      } catch {
        // Nothing to clean, or storage refused.
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = request.mode === 'navigate' ? navigationShellUrl(request.url, sw.registration.scope) : request.url;
  if (url === null) return;
  const cacheKey =
    precache.getCacheKeyForURL(url) ??
    (request.mode === 'navigate'
      ? precache.getCacheKeyForURL(new URL('index.html', sw.registration.scope).href)
      : undefined);
  if (cacheKey === undefined) return; // not a file of this build: the API (the mock's listener) or the network
  event.respondWith(cacheFirst(request, cacheKey));
  event.stopImmediatePropagation();
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') {
    // The reader accepted the new version (src/app/update-prompt.tsx); the page reloads on controllerchange.
    event.waitUntil(realSkipWaiting());
  } else if (data?.type === 'CLAIM') {
    // A page this active worker does not control (a hard reload bypasses workers) and that needs it: the mock API's
    // page (src/mocks/sw-mock.ts) asks, as the first install's claim would have done.
    event.waitUntil(sw.clients.claim());
  } else if (data?.type === 'OFFLINE_STATUS') {
    event.waitUntil(
      fill().then((status) => {
        event.source?.postMessage({ type: 'OFFLINE_STATUS', ...status });
      }),
    );
  }
});
