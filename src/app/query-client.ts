/**
 * The react-query client. Catalogue data changes rarely, so it stays fresh for minutes.
 * Errors that a retry cannot fix (invalid payload, malformed JSON, 4xx other than 408/429) fail at once,
 * so the error panel shows without a pointless wait; transient ones are retried once.
 */
import { QueryClient } from '@tanstack/react-query';

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

/** A new query client with the app's defaults. */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: options.retry === false ? false : (count, error) => count < 1 && isTransient(error),
        retryDelay: 600,
      },
    },
  });
}
