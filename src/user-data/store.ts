/**
 * The user's datasets in IndexedDB (issue 15), through `idb`. Loaded on demand (the catalogue's first read, the
 * import dialog): nothing here is in the app's first chunk.
 *
 * Two object stores, written together: `meta` (a `DatasetMeta` per dataset: the list reads only these) and `rows`
 * (the raw figures of a dataset, one record, in columns: see `RowsRecord`). Every write — save, replace, rename, delete —
 * is ONE readwrite transaction over the stores it touches: if any request fails (storage full, the tab closes, the
 * browser aborts) the transaction aborts and nothing of it is kept; the previous version of a dataset is untouched.
 *
 * Failures are `UserDataError`s (./errors.ts): `unavailable` when the browser refuses storage, `quota` when it is
 * full, `not-found`, `invalid-dataset` for a dataset that breaks the rules below, `failed` otherwise.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod/mini';
import { isPeriod, periodKind } from '../contract/period.ts';
import { TerritoryCode, type Frequency, type TerritoryLevel } from '../contract/contract.ts';
import { UserDataError, storageError } from './error-core.ts';
import { USER_DATA_CHANNEL, USER_DATA_DB_NAME } from './ids.ts';
import {
  DatasetMeta,
  PartialText,
  userIndicatorId,
  type Dataset,
  type DatasetObservation,
  type NewDataset,
  type NewObservation,
} from './types.ts';

/** Name and version of the IndexedDB database. */
export const DB_NAME = USER_DATA_DB_NAME;
export const DB_VERSION = 1;

/** Most observations one dataset may hold (100 000 rows is the expected large case; 1 000 000 is refused earlier). */
export const MAX_OBSERVATIONS = 500_000;

/**
 * A dataset's figures as IndexedDB keeps them: columns, not one object per row. Writing 100 000 row objects costs
 * the page a ~100 ms structured clone (a long task); typed arrays clone as a copy of bytes. Each row points into the
 * distinct codes and periods; a null value is NaN (stored values are otherwise finite); the rare rows with a
 * qualifier, note or period label keep those fields aside.
 */
export interface RowsRecord {
  id: string;
  territories: string[];
  periods: string[];
  territory: Uint16Array;
  period: Uint32Array;
  value: Float64Array;
  extras: [number, RowExtras][];
}
type RowExtras = Pick<DatasetObservation, 'qualifier' | 'note' | 'periodLabel'>;

/** The row objects of a stored record (indicator `user-<id>`, status `imported`). */
export function decodeRows(rec: RowsRecord): DatasetObservation[] {
  const indicator = userIndicatorId(rec.id);
  const out: DatasetObservation[] = [];
  for (let i = 0; i < rec.value.length; i++) {
    const v = rec.value[i]!;
    out.push({
      indicator,
      territory: rec.territories[rec.territory[i]!]!,
      period: rec.periods[rec.period[i]!]!,
      value: Number.isNaN(v) ? null : v,
      status: 'imported',
    });
  }
  for (const [i, extras] of rec.extras) Object.assign(out[i]!, extras);
  return out;
}

interface UserDataSchema extends DBSchema {
  meta: { key: string; value: DatasetMeta };
  rows: { key: string; value: RowsRecord };
}

type Db = IDBPDatabase<UserDataSchema>;

let dbPromise: Promise<Db> | null = null;

/** Listeners told after every committed write (the query layer invalidates its caches). */
const listeners = new Set<(id: string) => void>();

/** Be told of every committed change (`id` of the dataset). Returns the unsubscribe function. */
export function onUserDataChange(listener: (id: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Other tabs of the app are told too (their catalogue must show the change): see `watchUserData` in src/api. */
let channel: BroadcastChannel | null | undefined;

function changed(id: string): void {
  for (const l of listeners) l(id);
  try {
    channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(USER_DATA_CHANNEL) : null;
    channel?.postMessage({ id });
  } catch {
    // No channel (old browser, closed): other tabs see the change on their next read.
  }
}

/** The open database (opened once; a failed open is retried on the next call). */
function db(): Promise<Db> {
  if (dbPromise) return dbPromise;
  const p = (async () => {
    if (typeof indexedDB === 'undefined' || indexedDB === null)
      throw new UserDataError('unavailable', 'IndexedDB is not available');
    try {
      const opened = await openDB<UserDataSchema>(DB_NAME, DB_VERSION, {
        upgrade(database) {
          if (!database.objectStoreNames.contains('meta')) database.createObjectStore('meta', { keyPath: 'id' });
          if (!database.objectStoreNames.contains('rows')) database.createObjectStore('rows', { keyPath: 'id' });
        },
        blocked() {},
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

/** Close the connection (tests swap the IndexedDB factory between cases; a page never needs this). */
export async function closeUserData(): Promise<void> {
  channel?.close();
  channel = undefined;
  const p = dbPromise;
  dbPromise = null;
  if (p) (await p.catch(() => null))?.close();
}

/** Every dataset's description, most recently imported first. */
export async function listDatasets(): Promise<DatasetMeta[]> {
  try {
    const all = await (await db()).getAll('meta');
    return all.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
  } catch (e) {
    throw storageError(e);
  }
}

/** One dataset's description, or null. */
export async function getDatasetMeta(id: string): Promise<DatasetMeta | null> {
  try {
    return (await (await db()).get('meta', id)) ?? null;
  } catch (e) {
    throw storageError(e);
  }
}

/** One dataset's description and its figures as stored (columns), or null: what the query layer indexes. */
export async function getDatasetRecord(id: string): Promise<{ meta: DatasetMeta; rows: RowsRecord } | null> {
  try {
    const tx = (await db()).transaction(['meta', 'rows'], 'readonly');
    const [meta, rows] = await Promise.all([tx.objectStore('meta').get(id), tx.objectStore('rows').get(id), tx.done]);
    if (!meta) return null;
    return { meta, rows: rows ?? { ...EMPTY_ROWS, id } };
  } catch (e) {
    throw storageError(e);
  }
}

const EMPTY_ROWS: RowsRecord = {
  id: '',
  territories: [],
  periods: [],
  territory: new Uint16Array(0),
  period: new Uint32Array(0),
  value: new Float64Array(0),
  extras: [],
};

/** One whole dataset (raw figures, before any small-count suppression), or null. */
export async function getDataset(id: string): Promise<Dataset | null> {
  const record = await getDatasetRecord(id);
  return record && { ...record.meta, observations: decodeRows(record.rows) };
}

/** Options of the writes (tests fix the clock and the id). */
export interface WriteOptions {
  /** Import date; default now. */
  now?: Date;
  /** The id of a new dataset; default a random one. */
  id?: string;
}

/** A new random dataset id: 10 characters of [a-z0-9] (getRandomValues works outside secure contexts too). */
export function newDatasetId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36]).join('');
}

/** The level of a territory code: `MA` country, `MA-nn` region, other codes provinces and prefectures. */
export function levelOfCode(code: string): TerritoryLevel {
  if (code === 'MA') return 'country';
  return /^MA-\d{2}$/.test(code) ? 'region' : 'province';
}

const PERIOD_FORMS: Record<Frequency, readonly string[]> = {
  census: ['year'],
  annual: ['year'],
  quarterly: ['quarter'],
  monthly: ['month'],
  irregular: ['year', 'quarter', 'month'],
};

/**
 * The dataset to store for `input`, checked and encoded in one pass (no row object is made): description by the
 * schema, every row (territory code, period of the dataset's frequency, finite value or null, a rate within 0–100, a
 * count ≥ 0, no territory-period twice). Only the contract's fields of a row are kept.
 * @throws UserDataError `invalid-dataset` naming the first problem, `too-large` over `MAX_OBSERVATIONS`.
 */
export function prepareDataset(input: NewDataset, id: string, importedAt: string): Prepared {
  const steps = prepareSteps(input, id, importedAt);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows checked between two yields to the page by `prepareDatasetSliced` (~2-6 ms of work each). */
export const PREPARE_SLICE_ROWS = 20_000;

/**
 * `prepareDataset` in slices, giving the page back between them (a 100 000-row import must cause no long task,
 * even on the first, not yet optimised run of the loop: ~80 ms measured cold in one go).
 */
export async function prepareDatasetSliced(input: NewDataset, id: string, importedAt: string): Promise<Prepared> {
  const steps = prepareSteps(input, id, importedAt);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

type Prepared = { meta: DatasetMeta; rows: RowsRecord };

/** The work of `prepareDataset`, yielding every `PREPARE_SLICE_ROWS` rows. */
function* prepareSteps(input: NewDataset, id: string, importedAt: string): Generator<void, Prepared, void> {
  const n = input.observations.length;
  if (n > MAX_OBSERVATIONS) throw new UserDataError('too-large', `${n} rows, at most ${MAX_OBSERVATIONS}`);
  const forms = PERIOD_FORMS[input.frequency];
  const levels = new Set<TerritoryLevel>();
  // 100 000 rows hold a few hundred distinct codes and periods: each is checked once, rows keep its index.
  const territoryIndex = new Map<string, number>();
  const periodIndex = new Map<string, number>();
  const rows: RowsRecord = {
    id,
    territories: [],
    periods: [],
    territory: new Uint16Array(n),
    period: new Uint32Array(n),
    value: new Float64Array(n),
    extras: [],
  };
  /** Period indexes seen per territory index: a territory-period twice is refused. */
  const seen: Set<number>[] = [];
  const isRate = input.kind === 'rate' && input.unit.code === 'percent';
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % PREPARE_SLICE_ROWS === 0) yield;
    const o: NewObservation = input.observations[i]!;
    let t = territoryIndex.get(o.territory);
    if (t === undefined) {
      if (!z.safeParse(TerritoryCode, o.territory).success)
        throw new UserDataError('invalid-dataset', `observations[${i}].territory: not a territory code`);
      if (rows.territories.length >= 0xffff) throw new UserDataError('too-large', 'more than 65 535 territories');
      t = rows.territories.push(o.territory) - 1;
      territoryIndex.set(o.territory, t);
      seen.push(new Set());
      levels.add(levelOfCode(o.territory));
    }
    let p = periodIndex.get(o.period);
    if (p === undefined) {
      if (!isPeriod(o.period) || !forms.includes(periodKind(o.period) ?? ''))
        throw new UserDataError('invalid-dataset', `observations[${i}].period: not a ${input.frequency} period`);
      p = rows.periods.push(o.period) - 1;
      periodIndex.set(o.period, p);
    }
    const v = o.value;
    if (v !== null) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new UserDataError('invalid-dataset', `observations[${i}].value: not a number`);
      if (input.kind === 'count' && v < 0)
        throw new UserDataError('invalid-dataset', `observations[${i}].value: a negative count`);
      if (isRate && (v < 0 || v > 100))
        throw new UserDataError('invalid-dataset', `observations[${i}].value: a rate outside 0–100`);
    }
    const periods = seen[t]!;
    if (periods.has(p))
      throw new UserDataError('invalid-dataset', `observations[${i}]: ${o.territory} ${o.period} twice`);
    periods.add(p);
    rows.territory[i] = t;
    rows.period[i] = p;
    rows.value[i] = v === null ? Number.NaN : v;
    if (o.qualifier !== undefined || o.note || o.periodLabel !== undefined) {
      const extras: RowExtras = {};
      if (o.qualifier !== undefined) extras.qualifier = o.qualifier;
      if (o.note) extras.note = o.note;
      if (o.periodLabel !== undefined) extras.periodLabel = o.periodLabel;
      rows.extras.push([i, extras]);
    }
  }
  const order = ['country', 'region', 'province'] as const;
  const meta = {
    id,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    unit: input.unit,
    kind: input.kind,
    source: input.source,
    fileName: input.fileName,
    importedAt,
    frequency: input.frequency,
    ...(input.kind === 'count' && input.smallCountThreshold !== undefined
      ? { smallCountThreshold: input.smallCountThreshold }
      : {}),
    levels: levels.size > 0 ? order.filter((l) => levels.has(l)) : input.levels,
    rowCount: n,
  };
  const checked = z.safeParse(DatasetMeta, meta);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UserDataError('invalid-dataset', `${issue?.path.join('.') || '(dataset)'}: ${issue?.message ?? ''}`);
  }
  return { meta: checked.data, rows };
}

/** The whole dataset `input` would be once stored (checked like a save; for files and tests). */
export function buildDataset(input: NewDataset, id: string, importedAt: string): Dataset {
  const { meta, rows } = prepareDataset(input, id, importedAt);
  return { ...meta, observations: decodeRows(rows) };
}

/** Write meta + rows in one transaction; the transaction is aborted on the first failure (nothing kept). */
async function writeDataset(
  { meta, rows }: { meta: DatasetMeta; rows: RowsRecord },
  mustExist: boolean,
): Promise<DatasetMeta> {
  const database = await db();
  const tx = database.transaction(['meta', 'rows'], 'readwrite');
  try {
    const metaStore = tx.objectStore('meta');
    if (mustExist && (await metaStore.count(meta.id)) === 0) throw new UserDataError('not-found', meta.id);
    await metaStore.put(meta);
    await tx.objectStore('rows').put(rows);
    await tx.done;
  } catch (e) {
    throw await failedWrite(tx, e);
  }
  changed(meta.id);
  return meta;
}

/**
 * End a failed write: abort its transaction (nothing of it is kept), wait until it is over, and say why. When the
 * browser aborted it, its pending requests fail with AbortError while the transaction's own error holds the cause
 * (QuotaExceededError when the disk is full): that cause wins.
 */
async function failedWrite(tx: { abort(): void; done: Promise<void>; error: DOMException | null }, e: unknown) {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser: nothing was committed either way.
  }
  await tx.done.catch(() => undefined);
  const cause = tx.error && tx.error.name !== 'AbortError' ? tx.error : e;
  return storageError(cause);
}

/** Save a newly imported dataset under a new id. One transaction: its description and its figures, or nothing. */
export async function saveDataset(input: NewDataset, options: WriteOptions = {}): Promise<DatasetMeta> {
  const id = options.id ?? newDatasetId();
  return writeDataset(await prepareDatasetSliced(input, id, (options.now ?? new Date()).toISOString()), false);
}

/**
 * Re-import: replace a dataset's description and figures, keeping its id (links and pins keep working). One
 * transaction: on failure the previous version stays whole.
 */
export async function replaceDataset(id: string, input: NewDataset, options: WriteOptions = {}): Promise<DatasetMeta> {
  return writeDataset(await prepareDatasetSliced(input, id, (options.now ?? new Date()).toISOString()), true);
}

/**
 * Store a dataset with its own id and import date (a dataset file read back, ./file.ts), replacing one with the same
 * id. Checked like a save; one transaction.
 */
export async function putDataset(dataset: NewDataset & { id: string; importedAt: string }): Promise<DatasetMeta> {
  return writeDataset(await prepareDatasetSliced(dataset, dataset.id, dataset.importedAt), false);
}

/** Rename a dataset (names in one to three languages). */
export async function renameDataset(id: string, name: PartialText): Promise<DatasetMeta> {
  const checked = z.safeParse(PartialText, name);
  if (!checked.success) throw new UserDataError('invalid-dataset', `name: ${checked.error.issues[0]?.message ?? ''}`);
  const database = await db();
  const tx = database.transaction('meta', 'readwrite');
  try {
    const meta = await tx.store.get(id);
    if (!meta) throw new UserDataError('not-found', id);
    const next = { ...meta, name: checked.data };
    await tx.store.put(next);
    await tx.done;
    changed(id);
    return next;
  } catch (e) {
    throw await failedWrite(tx, e);
  }
}

/** Delete a dataset, description and figures together. Deleting a missing one is not an error. */
export async function deleteDataset(id: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(['meta', 'rows'], 'readwrite');
  try {
    await Promise.all([tx.objectStore('meta').delete(id), tx.objectStore('rows').delete(id), tx.done]);
  } catch (e) {
    throw await failedWrite(tx, e);
  }
  changed(id);
}
