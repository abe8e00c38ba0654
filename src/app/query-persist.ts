/**
 * The real API's last answers kept in this browser (issue 16 item 4): react-query's cache persisted to IndexedDB
 * through `@tanstack/react-query-persist-client`, so a reload with the API out of reach still draws the last
 * figures, marked as not refreshed with their time (./query-persist-provider.tsx).
 *
 * Only in a build with `VITE_API_BASE_URL`: the mock build's data ships with the app and its offline copy is the
 * service worker's cache, so keeping it twice would only cost storage.
 *
 * What is kept: each successful answer of the official API (territories, indicators, observations, projects), data
 * and fetch time only — never an error, never a query in flight, never the user's imported datasets (they live in
 * their own database, src/user-data/: `user-…` observations and the dataset list are skipped, and the catalogue is
 * kept without its imported entries). What comes back is checked like an answer from the network: the shape of
 * each record, then its data against the contract's schema for its endpoint; whatever fails is dropped with a
 * console warning and fetched again. Storage that throws (refused, full, cleared mid-session) never reaches the page:
 * the app goes on with the network.
 */
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import type { DehydratedState, Query } from '@tanstack/react-query';
import { z } from 'zod/mini';
import {
  IndicatorsResponse,
  ObservationsResponse,
  ProjectsResponse,
  TerritoriesResponse,
} from '../contract/contract.ts';
import { API_BASE_URL } from '../api/client.ts';
import { USER_DATASETS_KEY } from '../api/queries.ts';
import { isUserIndicatorId } from '../user-data/ids.ts';

/** IndexedDB database, object store and key of the persisted client (one record: the whole kept cache). */
export const PERSIST_DB_NAME = 'mouchir-query-cache';
export const PERSIST_STORE = 'clients';
export const PERSIST_KEY = 'api';

/** Answers older than this are not shown at all (a week: the data is published a few times a year). */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** At most one write per this delay: the cache changes in bursts (a view's queries land together). */
export const PERSIST_THROTTLE_MS = 1000;

/** Bumped by hand when the kept record's own shape changes (the data's shape follows the build, below). */
const FORMAT_VERSION = 1;

/**
 * The build's identity: a new deployment never reads what an older one kept. The URL of this module's chunk carries
 * its content hash in a production build (`assets/index-AbC123.js`), and that chunk holds the contract's schemas and
 * the query keys, so it changes whenever the kept shape can; the API's address is part of it too (another API,
 * other answers).
 */
export function buildBuster(moduleUrl: string = import.meta.url, apiBase: string = API_BASE_URL): string {
  const file = moduleUrl.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return `${FORMAT_VERSION}|${file}|${apiBase}`;
}

/** The schema of the data of each persisted endpoint (the query key's first element). */
const DATA_SCHEMAS: Record<string, z.ZodMiniType> = {
  territories: TerritoriesResponse,
  indicators: IndicatorsResponse,
  observations: ObservationsResponse,
  projects: ProjectsResponse,
};

/** Whether a query may be kept: an official endpoint with data, not the user's datasets. */
export function shouldPersistQuery(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  const [endpoint, id] = query.queryKey;
  if (query.state.data === undefined) return false;
  if (typeof endpoint !== 'string' || !(endpoint in DATA_SCHEMAS)) return false;
  if (endpoint === USER_DATASETS_KEY[0]) return false;
  if (endpoint === 'observations' && (typeof id !== 'string' || isUserIndicatorId(id))) return false;
  return true;
}

/** The catalogue without the user's imported indicators (they are read from their own database on each load). */
function withoutUserData(endpoint: string, data: unknown): unknown {
  if (endpoint !== 'indicators' || !Array.isArray(data)) return data;
  return data.filter(
    (i) => !(typeof i === 'object' && i !== null && isUserIndicatorId(String((i as { id?: unknown }).id))),
  );
}

type DehydratedQuery = DehydratedState['queries'][number];

/**
 * The state a kept answer is restored with: success, no error, and invalidated, so the view shows it at once
 * and asks the API again behind it (the answer may be days old; `staleTime` counts from the page that fetched it).
 */
function restoredState(data: unknown, dataUpdatedAt: number): DehydratedQuery['state'] {
  return {
    data,
    dataUpdateCount: 1,
    dataUpdatedAt,
    error: null,
    errorUpdateCount: 0,
    errorUpdatedAt: 0,
    fetchFailureCount: 0,
    fetchFailureReason: null,
    fetchMeta: null,
    isInvalidated: true,
    status: 'success',
    fetchStatus: 'idle',
  };
}

/** One kept answer as stored: key, hash, data and its fetch time — nothing of the query's errors or flags. */
interface StoredQuery {
  queryKey: readonly unknown[];
  queryHash: string;
  dataUpdatedAt: number;
  data: unknown;
}

/** The record in IndexedDB. */
interface StoredClient {
  buster: string;
  timestamp: number;
  queries: StoredQuery[];
}

const StoredQuerySchema = z.object({
  queryKey: z.array(z.unknown()),
  queryHash: z.string(),
  dataUpdatedAt: z.number(),
  data: z.unknown(),
});
const StoredClientSchema = z.object({
  buster: z.string(),
  timestamp: z.number(),
  queries: z.array(z.unknown()),
});

/** Keep only what may be kept, data and time only (pure). */
export function toStored(client: PersistedClient): StoredClient {
  const queries: StoredQuery[] = [];
  for (const q of client.clientState.queries) {
    const endpoint = q.queryKey[0];
    if (!shouldPersistQuery(q) || typeof endpoint !== 'string') continue;
    queries.push({
      queryKey: q.queryKey,
      queryHash: q.queryHash,
      dataUpdatedAt: q.state.dataUpdatedAt,
      data: withoutUserData(endpoint, q.state.data),
    });
  }
  return { buster: client.buster, timestamp: client.timestamp, queries };
}

/**
 * A kept record back as a `PersistedClient`, each answer checked: a record of the wrong shape gives `undefined`
 * (nothing restored), an answer whose key is not kept or whose data breaks the contract is dropped alone. The
 * data restored is the schema's output, as a fetch would give it. Pure apart from the warnings.
 */
export function fromStored(value: unknown): PersistedClient | undefined {
  if (value === undefined) return undefined; // nothing kept yet
  const record = z.safeParse(StoredClientSchema, value);
  if (!record.success) {
    console.warn('mouchir: the kept API answers are not readable; they are dropped', record.error.issues[0]);
    return undefined;
  }
  const queries: DehydratedQuery[] = [];
  let dropped = 0;
  for (const item of record.data.queries) {
    const q = z.safeParse(StoredQuerySchema, item);
    const endpoint = q.success ? q.data.queryKey[0] : undefined;
    const schema = typeof endpoint === 'string' ? DATA_SCHEMAS[endpoint] : undefined;
    if (!q.success || !schema || !shouldPersistQuery({ queryKey: q.data.queryKey, state: q.data as never })) {
      dropped++;
      continue;
    }
    const checked = z.safeParse(schema, { data: q.data.data });
    if (!checked.success || !Number.isFinite(q.data.dataUpdatedAt)) {
      dropped++;
      continue;
    }
    queries.push({
      queryKey: q.data.queryKey,
      queryHash: q.data.queryHash,
      state: restoredState((checked.data as { data: unknown }).data, q.data.dataUpdatedAt),
      dehydratedAt: record.data.timestamp,
    });
  }
  if (dropped > 0) console.warn(`mouchir: ${dropped} kept API answer(s) did not pass the contract; dropped`);
  for (const q of queries) restoredAnswers.set(q.queryHash, q.state.dataUpdatedAt);
  return {
    buster: record.data.buster,
    timestamp: record.data.timestamp,
    clientState: { mutations: [], queries },
  };
}

/**
 * Answers this page restored from storage (query hash → when they were fetched). A query still showing one of
 * them — its `dataUpdatedAt` equals the kept time — has not been refreshed by this page.
 */
export const restoredAnswers = new Map<string, number>();

/** Options of `createIdbPersister`. */
export interface PersisterOptions {
  /** Defaults to `PERSIST_THROTTLE_MS`. */
  throttleMs?: number;
}

/**
 * A react-query `Persister` over IndexedDB (through `idb`, loaded on first use). Writes are throttled (the last
 * state wins); every failure is caught: a read that throws restores nothing, a write that throws (quota, storage
 * cleared, connection closed) is warned about once and the connection reopened on the next write.
 */
export function createIdbPersister(options: PersisterOptions = {}): Persister & { flush: () => Promise<void> } {
  const throttleMs = options.throttleMs ?? PERSIST_THROTTLE_MS;
  let dbPromise: Promise<import('idb').IDBPDatabase> | null = null;
  let warned = false;
  let pending: PersistedClient | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const open = (): Promise<import('idb').IDBPDatabase> => {
    if (dbPromise) return dbPromise;
    const p = (async () => {
      if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('IndexedDB is not available');
      const { openDB } = await import('idb');
      const db = await openDB(PERSIST_DB_NAME, 1, {
        upgrade(database) {
          if (!database.objectStoreNames.contains(PERSIST_STORE)) database.createObjectStore(PERSIST_STORE);
        },
        // Another tab upgrades, or the site's data is being cleared (a deletion waits for open connections):
        // let it go, and reopen (recreating the store) on the next write.
        blocking() {
          db.close();
          dbPromise = null;
        },
        terminated() {
          dbPromise = null;
        },
      });
      return db;
    })();
    dbPromise = p;
    p.catch(() => {
      if (dbPromise === p) dbPromise = null;
    });
    return p;
  };

  const warnOnce = (what: string, e: unknown): void => {
    if (warned) return;
    warned = true;
    console.warn(`mouchir: could not ${what} the kept API answers (the app goes on with the network)`, e);
  };

  const write = async (client: PersistedClient): Promise<void> => {
    try {
      const db = await open();
      await db.put(PERSIST_STORE, toStored(client), PERSIST_KEY);
    } catch (e) {
      // Quota, a cleared or closed database: drop the connection so the next write reopens (and recreates) it.
      dbPromise = null;
      warnOnce('save', e);
    }
  };

  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const client = pending;
    pending = null;
    if (client) writing = writing.then(() => write(client));
    return writing;
  };

  return {
    persistClient(client) {
      pending = client;
      if (timer === null) timer = setTimeout(() => void flush(), throttleMs);
    },
    async restoreClient() {
      try {
        const db = await open();
        return fromStored(await db.get(PERSIST_STORE, PERSIST_KEY));
      } catch (e) {
        dbPromise = null;
        warnOnce('read', e);
        return undefined;
      }
    },
    async removeClient() {
      pending = null;
      try {
        const db = await open();
        await db.delete(PERSIST_STORE, PERSIST_KEY);
      } catch (e) {
        dbPromise = null;
        warnOnce('remove', e);
      }
    },
    flush,
  };
}
