/**
 * The react-query client. Catalogue data changes rarely, so it stays fresh for minutes.
 * Errors that a retry cannot fix (invalid payload, malformed JSON, 4xx other than 408/429) fail at once,
 * so the error panel shows without a pointless wait; transient ones are retried once.
 */
import { QueryClient, type QueryCache } from '@tanstack/react-query';

interface ErrorShape {
  kind?: unknown;
  status?: unknown;
}

/** Whether an error is worth one automatic retry. */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { kind, status } = error as ErrorShape;
  if (kind === 'invalid-payload' || kind === 'malformed-json') return false;
  if (kind === 'http' && typeof status === 'number') return status >= 500 || status === 408 || status === 429;
  return kind === 'network' || kind === 'timeout';
}

/**
 * Observations answers no component shows any more that are kept for going back (issue 7, B5). One
 * answer of the stress view is 11,616 rows (~2 MB of heap); react-query keeps an unobserved query for
 * its `gcTime` (see `OBSERVATIONS_GC_TIME_MS`), so an analyst flicking through indicators would pile
 * them up. The most recently left ones are kept (Back, or a second look, is instant); older ones go at
 * once and are fetched again if asked for.
 */
export const MAX_INACTIVE_OBSERVATIONS = 6;

/**
 * Keep at most `max` unobserved queries whose key starts with `prefix`: when one more loses its last
 * observer or is added, the least recently used beyond `max` are removed from the cache. Queries a
 * component still observes (even disabled) are never touched. Returns the unsubscribe function.
 */
export function boundInactiveQueries(cache: QueryCache, prefix: string, max: number): () => void {
  // Last time (a counter: Date.now() can repeat) each query was added, observed, left or updated.
  const lastUsed = new Map<string, number>();
  let clock = 0;
  let pruning = false;
  const prune = (): void => {
    if (pruning) return;
    pruning = true;
    try {
      // No observer at all (react-query's 'inactive' also counts disabled observers, which still hold it).
      const inactive = cache.findAll({ queryKey: [prefix], predicate: (q) => q.getObserversCount() === 0 });
      if (inactive.length <= max) return;
      inactive.sort((a, b) => (lastUsed.get(a.queryHash) ?? 0) - (lastUsed.get(b.queryHash) ?? 0));
      for (const query of inactive.slice(0, inactive.length - max)) cache.remove(query);
    } finally {
      pruning = false;
    }
  };
  return cache.subscribe((event) => {
    const { query } = event;
    if (query.queryKey[0] !== prefix) return;
    if (event.type === 'removed') {
      lastUsed.delete(query.queryHash);
      return;
    }
    lastUsed.set(query.queryHash, ++clock);
    if (event.type === 'added' || event.type === 'observerRemoved') prune();
  });
}

/** A new query client with the app's defaults. */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: options.retry === false ? false : (count, error) => count < 1 && isTransient(error),
        retryDelay: 600,
      },
    },
  });
  // Lives as long as the client: the subscription goes with the cache, nothing to unsubscribe.
  boundInactiveQueries(client.getQueryCache(), 'observations', MAX_INACTIVE_OBSERVATIONS);
  return client;
}
