/**
 * Ids of the user's datasets (issue 15), free of zod and IndexedDB: the query layer (in the app's first chunk) and
 * the views import these to recognise an imported indicator without loading the user-data code.
 */

/** A dataset id: lower-case letters and digits, with single hyphens (the indicator id is `user-<id>`). */
export const DATASET_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Prefix of the indicator id of an imported dataset: `user-<id>`. Official ids never start with it. */
export const USER_INDICATOR_PREFIX = 'user-';

/** Name of the IndexedDB database that holds the datasets (src/user-data/store.ts). */
export const USER_DATA_DB_NAME = 'mouchir-user-data';

/** BroadcastChannel on which the store announces `{ id }` after every committed write, to the app's other tabs. */
export const USER_DATA_CHANNEL = 'mouchir-user-data';

/** The indicator id of a dataset: `user-<id>`. */
export function userIndicatorId(datasetId: string): string {
  return `${USER_INDICATOR_PREFIX}${datasetId}`;
}

/** Whether an indicator id names an imported dataset (whether or not this browser has it). */
export function isUserIndicatorId(indicatorId: string): boolean {
  return indicatorId.startsWith(USER_INDICATOR_PREFIX) && DATASET_ID_PATTERN.test(indicatorId.slice(5));
}

/** The dataset id of a `user-…` indicator id, or null for an official id. */
export function datasetIdOf(indicatorId: string): string | null {
  return isUserIndicatorId(indicatorId) ? indicatorId.slice(USER_INDICATOR_PREFIX.length) : null;
}

/**
 * Whether a view asks for an imported indicator this browser does not have (a shared link): `indicatorId` is a
 * `user-…` id and the loaded catalogue lacks it. The view then says so and offers to import the dataset's file,
 * instead of falling back to another indicator or drawing an empty chart.
 */
export function missingUserIndicator(indicatorId: string | null | undefined, catalogue: readonly { id: string }[]) {
  return !!indicatorId && isUserIndicatorId(indicatorId) && !catalogue.some((i) => i.id === indicatorId);
}
