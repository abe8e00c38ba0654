/**
 * react-query `queryOptions` factories, one per endpoint. Each key holds every server-side parameter,
 * from general to specific (`['observations', indicator, territories sorted, from, to]`), so
 * `invalidateQueries({ queryKey: ['observations'] })` hits them all and equal selections share a cache
 * entry. Client-only options (per-capita, sort, downsampling) belong in `select`, never in the key.
 *
 * Two sources, one path (issue 15): the catalogue is the API's indicators followed by the user's imported ones, and
 * observations of a `user-…` id are read from this browser's IndexedDB (src/user-data/source.ts, loaded on demand
 * with `idb`), never requested from the API — in the mock build and against a real API alike. After a dataset is
 * saved, replaced, renamed or deleted, `refreshUserData` invalidates what showed it.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  EventsResponse,
  IndicatorsResponse,
  ObservationsResponse,
  ProjectsResponse,
  TerritoriesResponse,
  type ObservationsQuery,
} from '../contract/contract.ts';
import { USER_DATA_CHANNEL, USER_DATA_DB_NAME, isUserIndicatorId, userIndicatorId } from '../user-data/ids.ts';
import { ApiError, DEFAULT_TIMEOUT_MS, apiFetch } from './client.ts';

/** The data is published a few times a year: an hour without refetching is plenty fresh. */
export const STALE_TIME_MS = 60 * 60 * 1000;
/** Retries after the first failure, for failures worth retrying. */
export const MAX_RETRIES = 2;
/**
 * Retries after a timeout: one. A try that timed out already cost a whole `DEFAULT_TIMEOUT_MS`; with the
 * first back-off (1 s) the timeouts and retries fit `QUERY_BUDGET_MS` together (issue 16 item 6).
 */
export const MAX_TIMEOUT_RETRIES = 1;
/** Longest wait between retries, whatever Retry-After says (a user is looking at a spinner). */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Whether a failed query should be tried again: network failures, 5xx and 429 up to `MAX_RETRIES`, a timeout
 * up to `MAX_TIMEOUT_RETRIES` (the budget, `QUERY_BUDGET_MS`); never a 4xx (the request is wrong) nor a bad payload (it will be just as bad).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  switch (error.kind) {
    case 'network':
      return true;
    case 'timeout':
      return failureCount < MAX_TIMEOUT_RETRIES;
    case 'http':
      return error.status === 429 || (error.status !== undefined && error.status >= 500);
    case 'invalid-payload':
    case 'malformed-json':
      return false;
  }
}

/** Wait before retry number `failureCount`: Retry-After when the server gave one, else 1 s, 2 s, 4 s… */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined)
    return Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS);
  return Math.min(1000 * 2 ** Math.max(0, failureCount - 1), MAX_RETRY_DELAY_MS);
}

/**
 * Longest a query waits on an API that never answers before it shows the error with Retry: every try a timeout
 * (`DEFAULT_TIMEOUT_MS`), `MAX_TIMEOUT_RETRIES` retries, each after its back-off: 7 + 1 + 7 = 15 s (< 20 s, with room
 * for the page to load before the first request on a slow phone).
 */
export const QUERY_BUDGET_MS =
  (MAX_TIMEOUT_RETRIES + 1) * DEFAULT_TIMEOUT_MS +
  Array.from({ length: MAX_TIMEOUT_RETRIES }, (_, i) => retryDelay(i + 1, undefined)).reduce((a, b) => a + b, 0);

const common = { staleTime: STALE_TIME_MS, retry: shouldRetry, retryDelay } as const;

/** `GET /territories` → every territory. */
export function territoriesQuery() {
  return queryOptions({
    queryKey: ['territories'] as const,
    queryFn: async ({ signal }) => (await apiFetch('/territories', TerritoriesResponse, { signal })).data,
    ...common,
  });
}

/** The user-data source module, loaded once on first use (with `idb`): not in the first chunk. */
const userSource = () => import('../user-data/source.ts');

/**
 * Whether this browser may hold user datasets: false when there is no IndexedDB, or when it lists its databases
 * (`indexedDB.databases()`: Chromium, Firefox ≥ 126, Safari) and ours is not among them — then a visitor who never
 * imported anything loads none of the user-data code (nor `idb`) before the first chart. True when unsure.
 */
async function mayHaveUserData(): Promise<boolean> {
  try {
    const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) return false;
    if (typeof factory.databases !== 'function') return true;
    return (await factory.databases()).some((d) => d.name === USER_DATA_DB_NAME);
  } catch {
    return true;
  }
}

/**
 * The user's indicators, or none when their code or their storage cannot be read: the official catalogue
 * never fails because of the user's datasets (their views say what is missing, see `missingUserIndicator`).
 */
async function userIndicatorsOrNone() {
  try {
    if (!(await mayHaveUserData())) return [];
    return await (await userSource()).userIndicators();
  } catch (e) {
    console.warn('mouchir: the imported datasets could not be read', e);
    return [];
  }
}

/** `GET /indicators` → the indicator catalogue, then the user's imported indicators (category `imported`). */
export function indicatorsQuery() {
  return queryOptions({
    queryKey: ['indicators'] as const,
    queryFn: async ({ signal }) => {
      // Both at once: reading IndexedDB overlaps the request.
      const [official, own] = await Promise.all([
        apiFetch('/indicators', IndicatorsResponse, { signal }),
        userIndicatorsOrNone(),
      ]);
      return own.length === 0 ? official.data : [...official.data, ...own];
    },
    ...common,
  });
}

/**
 * Tell the query layer a user dataset changed (saved, replaced, renamed, deleted, imported from a file): the
 * catalogue and that dataset's observations are refetched where shown and marked stale elsewhere.
 * @param datasetId the dataset's id (`abc123`, not `user-abc123`); omitted: every imported indicator.
 */
export async function refreshUserData(queryClient: QueryClient, datasetId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    queryClient.invalidateQueries({ queryKey: USER_DATASETS_KEY }),
    queryClient.invalidateQueries({
      queryKey: ['observations'],
      predicate: (q) => {
        const id = q.queryKey[1];
        return (
          typeof id === 'string' &&
          isUserIndicatorId(id) &&
          (datasetId === undefined || id === userIndicatorId(datasetId))
        );
      },
    }),
  ]);
}

/** Territory codes as the key and the request use them: deduplicated and sorted, `null` for "all". */
export function normaliseTerritories(territories: readonly string[] | undefined): string[] | null {
  if (!territories || territories.length === 0) return null;
  return [...new Set(territories)].sort();
}

/** The query string of `GET /observations` for a query (also used by exports to cite the request). */
export function observationsPath(query: ObservationsQuery): string {
  const params = new URLSearchParams({ indicator: query.indicator });
  const territories = normaliseTerritories(query.territories);
  if (territories) params.set('territory', territories.join(','));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  // Commas stay readable: codes never contain one, so there is nothing to escape.
  return `/observations?${params.toString().replaceAll('%2C', ',')}`;
}

/**
 * How long an observations answer no component shows stays cached (issue 7, B5): 2 minutes instead of
 * react-query's 5. An answer can be ~2 MB of rows (75 provinces × 132 months); going back to it within
 * 2 minutes is instant, later it is fetched again (a few ms from the mock, one request from a real API).
 * The client also caps how many such answers are kept at all (`MAX_INACTIVE_OBSERVATIONS`).
 */
export const OBSERVATIONS_GC_TIME_MS = 2 * 60_000;

/**
 * `GET /observations` → rows of one indicator for the territories and range. A `user-…` indicator is answered from
 * this browser's datasets with the same filtering (territories, range by src/contract/period.ts); a dataset this
 * browser lacks rejects with `UserDataError` kind `not-found` (never retried).
 */
export function observationsQuery(query: ObservationsQuery) {
  const territories = normaliseTerritories(query.territories);
  return queryOptions({
    queryKey: ['observations', query.indicator, territories, query.from ?? null, query.to ?? null] as const,
    queryFn: async ({ signal }) =>
      isUserIndicatorId(query.indicator)
        ? (await userSource()).userObservations({ ...query, territories: territories ?? undefined })
        : (await apiFetch(observationsPath(query), ObservationsResponse, { signal })).data,
    ...common,
    gcTime: OBSERVATIONS_GC_TIME_MS,
  });
}

/** `GET /projects` → projects in a territory (and inside it), or all. */
export function projectsQuery(query: { territory?: string | null } = {}) {
  const territory = query.territory ?? null;
  const path = territory ? `/projects?territory=${encodeURIComponent(territory)}` : '/projects';
  return queryOptions({
    queryKey: ['projects', territory] as const,
    queryFn: async ({ signal }) => (await apiFetch(path, ProjectsResponse, { signal })).data,
    ...common,
  });
}

/**
 * `GET /events?indicator=ID` → the dated events (programme launches, reforms, censuses) that concern an indicator,
 * by date, for its time axis (issue 17). An imported indicator (`user-…`) has none from the API: answered `[]` without
 * a request (the user's own events come from their saved view, src/saved-views/).
 */
export function eventsQuery(query: { indicator: string }) {
  return queryOptions({
    queryKey: ['events', query.indicator] as const,
    queryFn: async ({ signal }) =>
      isUserIndicatorId(query.indicator)
        ? []
        : (await apiFetch(`/events?indicator=${encodeURIComponent(query.indicator)}`, EventsResponse, { signal })).data,
    ...common,
  });
}

/** Key of the list of the user's datasets (`userDatasetsQuery`). */
export const USER_DATASETS_KEY = ['user-datasets'] as const;

/**
 * The user's datasets (`DatasetMeta[]`, most recent import first) for the import dialog's list, read from
 * IndexedDB (the store is loaded on first use). Invalidated by `refreshUserData`. Storage refused rejects with
 * `UserDataError` kind `unavailable` (not retried).
 */
export function userDatasetsQuery() {
  return queryOptions({
    queryKey: USER_DATASETS_KEY,
    queryFn: async () => (await import('../user-data/store.ts')).listDatasets(),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Keep this tab's queries in step with the user's datasets changed in another tab of the app (the store announces
 * every committed write on a BroadcastChannel). Call once with the app's query client; returns the unsubscribe.
 * Without BroadcastChannel it does nothing (the other tab's change shows on the next reload).
 */
export function watchUserData(queryClient: QueryClient): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(USER_DATA_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const id = (event.data as { id?: unknown } | null)?.id;
    void refreshUserData(queryClient, typeof id === 'string' ? id : undefined);
  };
  return () => channel.close();
}
