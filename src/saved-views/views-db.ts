/**
 * The saved views in IndexedDB (issue 17), through `idb`, like the user's datasets (src/user-data/store.ts).
 * Loaded on demand by ./saved-views-state.ts: nothing of it (nor the schemas) is in the app's first chunk.
 *
 * A database of its own, `mouchir-saved-views`, rather than a third store in `mouchir-user-data`: adding a store to
 * that database means a version upgrade, which an older tab of the app still holding it open would block (and its
 * `blocking` handler would close the user's datasets under it); and the two have separate lives (deleting "Mes
 * données" leaves the views, which then say their indicator is gone). Two object stores: `views` (one record per
 * saved view, keyed by id) and `order` (one record, the ids in the user's order). Every write is ONE readwrite
 * transaction over both: an import of 30 views, or a delete, is kept whole or not at all.
 *
 * Everything read back goes through the schema (./schema.ts): a record that does not validate is left out of the
 * list and counted, never trusted.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { z } from 'zod/mini';
import { MAX_VIEWS } from './names.ts';
import { SavedViewSchema } from './schema.ts';
import type { SavedView } from './types.ts';

/** Name and version of the IndexedDB database. */
export const SAVED_VIEWS_DB = 'mouchir-saved-views';
export const SAVED_VIEWS_DB_VERSION = 1;
const ORDER_KEY = 'order';

/** What went wrong with storage, for a message the user can act on. */
export type SavedViewsErrorKind = 'unavailable' | 'quota' | 'not-found' | 'too-many' | 'failed';

/** The one error of the store. */
export class SavedViewsError extends Error {
  override readonly name = 'SavedViewsError';
  readonly kind: SavedViewsErrorKind;
  constructor(kind: SavedViewsErrorKind, detail?: string, cause?: unknown) {
    super(detail ? `${kind}: ${detail}` : kind, cause === undefined ? undefined : { cause });
    this.kind = kind;
  }
}

/** The kind of a store failure (works across chunks: checks the name). */
export function savedViewsErrorKind(e: unknown): SavedViewsErrorKind {
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'SavedViewsError')
    return (e as SavedViewsError).kind;
  return 'failed';
}

function storageError(e: unknown, opening = false): SavedViewsError {
  if (e instanceof SavedViewsError) return e;
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') return new SavedViewsError('quota', message, e);
  if (name === 'SecurityError' || (opening && (name === 'InvalidStateError' || name === 'UnknownError')))
    return new SavedViewsError('unavailable', message, e);
  return new SavedViewsError('failed', message, e);
}

interface SavedViewsSchema extends DBSchema {
  views: { key: string; value: SavedView };
  order: { key: string; value: string[] };
}
type Db = IDBPDatabase<SavedViewsSchema>;

let dbPromise: Promise<Db> | null = null;

function db(): Promise<Db> {
  if (dbPromise) return dbPromise;
  const p = (async () => {
    if (typeof indexedDB === 'undefined' || indexedDB === null)
      throw new SavedViewsError('unavailable', 'IndexedDB is not available');
    try {
      const opened: Db = await openDB<SavedViewsSchema>(SAVED_VIEWS_DB, SAVED_VIEWS_DB_VERSION, {
        upgrade(database) {
          if (!database.objectStoreNames.contains('views')) database.createObjectStore('views', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('order')) database.createObjectStore('order');
        },
        // Another tab upgrades the schema: let it, and reopen on our next call.
        blocking() {
          opened.close();
          dbPromise = null;
        },
        terminated() {
          dbPromise = null;
        },
      });
      return opened;
    } catch (e) {
      throw storageError(e, true);
    }
  })();
  dbPromise = p;
  p.catch(() => {
    if (dbPromise === p) dbPromise = null;
  });
  return p;
}

/** Close the connection (tests swap the IndexedDB factory between cases). */
export async function closeSavedViews(): Promise<void> {
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p.catch(() => null))?.close();
}

/** The views as read: valid ones in the user's order, and how many records failed validation (left out). */
export interface SavedViewsRead {
  views: SavedView[];
  invalid: number;
}

/** Sort records by the stored order; ids missing from it go last, oldest first. Pure. */
export function orderViews(views: readonly SavedView[], order: readonly string[]): SavedView[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...views].sort((a, b) => {
    const ra = rank.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.id) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  });
}

/** Every saved view, in order. */
export async function listSavedViews(): Promise<SavedViewsRead> {
  try {
    const tx = (await db()).transaction(['views', 'order'], 'readonly');
    const [records, order] = await Promise.all([
      tx.objectStore('views').getAll(),
      tx.objectStore('order').get(ORDER_KEY),
      tx.done,
    ]);
    const views: SavedView[] = [];
    let invalid = 0;
    for (const r of records) {
      const parsed = z.safeParse(SavedViewSchema, r);
      if (parsed.success) views.push(parsed.data);
      else invalid++;
    }
    return { views: orderViews(views, order ?? []), invalid };
  } catch (e) {
    throw storageError(e);
  }
}

type ViewsStore = IDBPObjectStore<SavedViewsSchema, ('views' | 'order')[], 'views', 'readwrite'>;

/**
 * One readwrite transaction over both stores: `change` writes views and returns the new order, written with them.
 * If anything fails the transaction aborts and nothing of it is kept.
 */
async function write(change: (views: ViewsStore, order: string[]) => Promise<string[]>): Promise<void> {
  try {
    const tx = (await db()).transaction(['views', 'order'], 'readwrite');
    const orders = tx.objectStore('order');
    try {
      const order = (await orders.get(ORDER_KEY)) ?? [];
      const next = await change(tx.objectStore('views'), order);
      await orders.put(next, ORDER_KEY);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await tx.done.catch(() => undefined);
      throw e;
    }
    await tx.done;
  } catch (e) {
    throw storageError(e);
  }
}

/** Add views at the end of the list, all or none (refused whole past MAX_VIEWS). */
export async function addSavedViews(views: readonly SavedView[]): Promise<void> {
  await write(async (store, order) => {
    const count = await store.count();
    if (count + views.length > MAX_VIEWS)
      throw new SavedViewsError('too-many', `${count} + ${views.length} > ${MAX_VIEWS}`);
    for (const v of views) await store.put(v);
    const added = new Set(views.map((v) => v.id));
    return [...order.filter((id) => !added.has(id)), ...views.map((v) => v.id)];
  });
}

/** Replace a stored view (rename, events, chart snapshot); `not-found` if it was deleted meanwhile. */
export async function putSavedView(view: SavedView): Promise<void> {
  await write(async (store, order) => {
    if (!(await store.get(view.id))) throw new SavedViewsError('not-found', view.id);
    await store.put(view);
    return order;
  });
}

/** Delete a view (no error if it is already gone). */
export async function deleteSavedView(id: string): Promise<void> {
  await write(async (store, order) => {
    await store.delete(id);
    return order.filter((x) => x !== id);
  });
}

/** Store the user's order (ids not given keep their place after these). */
export async function setSavedViewsOrder(ids: readonly string[]): Promise<void> {
  await write(async (_store, order) => {
    const given = new Set(ids);
    return [...ids, ...order.filter((id) => !given.has(id))];
  });
}
