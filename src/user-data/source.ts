/**
 * The second data source of the query layer (issue 15): the user's datasets answer the catalogue and the
 * observations of `user-…` ids from IndexedDB, in this browser, never over the network. `src/api/queries.ts` imports
 * this module dynamically (with `idb`), so it stays out of the app's first chunk.
 */
import type { Indicator, Observation, ObservationsQuery } from '../contract/contract.ts';
import { UserDataError, isUserDataError } from './error-core.ts';
import { indexRecord, queryRecord, toIndicator, type RecordIndex } from './indicator.ts';
import { getDatasetRecord, listDatasets, onUserDataChange } from './store.ts';
import { datasetIdOf } from './ids.ts';

/**
 * The user's indicators for the catalogue, most recently imported first. Storage the browser refuses (private
 * mode, no IndexedDB) means no user indicators, not a broken catalogue: official figures must still show.
 */
export async function userIndicators(): Promise<Indicator[]> {
  try {
    return (await listDatasets()).map(toIndicator);
  } catch (e) {
    if (isUserDataError(e, 'unavailable')) return [];
    throw e;
  }
}

/** The last dataset read, suppressed and indexed (ranges of the same dataset do not read IndexedDB again). */
let cached: { id: string; index: RecordIndex } | null = null;
/** Bumped on every write, so a read that overlapped a write is not cached. */
let generation = 0;
onUserDataChange(() => {
  generation++;
  cached = null;
});

/**
 * The observations of an imported indicator for a query, filtered like the API filters them.
 * @throws UserDataError `not-found` when this browser lacks the dataset (a shared link), `unavailable` when storage
 * is refused.
 */
export async function userObservations(query: ObservationsQuery): Promise<Observation[]> {
  const id = datasetIdOf(query.indicator);
  if (id === null) throw new UserDataError('not-found', query.indicator);
  let index = cached?.id === id ? cached.index : null;
  if (!index) {
    const before = generation;
    const record = await getDatasetRecord(id);
    if (!record) throw new UserDataError('not-found', query.indicator);
    index = indexRecord(record.meta, record.rows);
    if (generation === before) cached = { id, index };
  }
  return queryRecord(index, query);
}
