/**
 * The map's boundaries: one static file of the app (`public/geo/morocco-provinces.topo.json`, both levels,
 * ~24 kB gzip), fetched the first time a map is shown — never before the first chart — and kept for the
 * session. It is served with the app even when the data comes from a real API (`VITE_API_BASE_URL`), so its
 * URL is built from the app's base path, not the API's. Failures are `ApiError`s like the API's: the map panel
 * shows them with Retry while the chart and the table, which do not need the file, keep working.
 */
import { queryOptions } from '@tanstack/react-query';
import { MoroccoTopology } from '../contract/geo.ts';
import { fetchJson, trimBaseUrl } from './client.ts';
import { retryDelay, shouldRetry } from './queries.ts';

/** Path of the boundary file under the app's base path (Vite copies `public/` into the build). */
export const GEOMETRY_FILE = 'geo/morocco-provinces.topo.json';

/** How the boundary file is named in errors ("/geo/morocco-provinces.topo.json: HTTP 404 …"). */
export const GEOMETRY_ENDPOINT = `/${GEOMETRY_FILE}`;

/** Absolute URL of the boundary file: the app's origin and base path (`import.meta.env.BASE_URL`) + the file. */
export function geometryUrl(): string {
  const env = import.meta.env as Record<string, unknown> | undefined;
  const base = typeof env?.BASE_URL === 'string' ? env.BASE_URL : '/';
  const origin = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return `${trimBaseUrl(new URL(base, origin).href)}/${GEOMETRY_FILE}`;
}

/**
 * react-query options for the boundary topology, checked against `MoroccoTopology`. The file never changes
 * while the app runs: fresh and kept forever once loaded. Retries like the API's queries (not a bad file).
 */
export function geometryQuery() {
  return queryOptions({
    queryKey: ['geometry', GEOMETRY_FILE] as const,
    queryFn: ({ signal }) => fetchJson(geometryUrl(), GEOMETRY_ENDPOINT, MoroccoTopology, { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: shouldRetry,
    retryDelay,
  });
}
