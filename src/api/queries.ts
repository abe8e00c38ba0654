/**
 * react-query `queryOptions` factories, one per endpoint. Each key holds every server-side parameter,
 * from general to specific (`['observations', indicator, territories sorted, from, to]`), so
 * `invalidateQueries({ queryKey: ['observations'] })` hits them all and equal selections share a cache
 * entry. Client-only options (per-capita, sort, downsampling) belong in `select`, never in the key.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  IndicatorsResponse,
  ObservationsResponse,
  ProjectsResponse,
  TerritoriesResponse,
  type ObservationsQuery,
} from '../contract/contract.ts';
import { ApiError, apiFetch } from './client.ts';

/** The data is published a few times a year: an hour without refetching is plenty fresh. */
export const STALE_TIME_MS = 60 * 60 * 1000;
/** Retries after the first failure, for failures worth retrying. */
export const MAX_RETRIES = 2;
/** Longest wait between retries, whatever Retry-After says (a user is looking at a spinner). */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Whether a failed query should be tried again: network failures, timeouts, 5xx and 429 up to
 * `MAX_RETRIES`; never a 4xx (the request is wrong) nor a bad payload (it will be just as bad).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
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

const common = { staleTime: STALE_TIME_MS, retry: shouldRetry, retryDelay } as const;

/** `GET /territories` → every territory. */
export function territoriesQuery() {
  return queryOptions({
    queryKey: ['territories'] as const,
    queryFn: async ({ signal }) => (await apiFetch('/territories', TerritoriesResponse, { signal })).data,
    ...common,
  });
}

/** `GET /indicators` → the indicator catalogue. */
export function indicatorsQuery() {
  return queryOptions({
    queryKey: ['indicators'] as const,
    queryFn: async ({ signal }) => (await apiFetch('/indicators', IndicatorsResponse, { signal })).data,
    ...common,
  });
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

/** `GET /observations` → rows of one indicator for the territories and range. */
export function observationsQuery(query: ObservationsQuery) {
  const territories = normaliseTerritories(query.territories);
  return queryOptions({
    queryKey: ['observations', query.indicator, territories, query.from ?? null, query.to ?? null] as const,
    queryFn: async ({ signal }) => (await apiFetch(observationsPath(query), ObservationsResponse, { signal })).data,
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
