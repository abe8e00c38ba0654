/**
 * Readiness of the data API. In mock mode the worker that answers it (sw.js in a build, MSW's on the dev server) must
 * control the page before any request, but the shell should paint first: views that fetch mount only once this says
 * `ready`.
 * With no promise registered (tests, real API) the API is ready at once.
 */
import { useSyncExternalStore } from 'react';

export type ApiReadiness = { status: 'pending' } | { status: 'ready' } | { status: 'failed'; message: string };

let current: ApiReadiness = { status: 'ready' };
const listeners = new Set<() => void>();

function emit(next: ApiReadiness): void {
  current = next;
  for (const l of listeners) l();
}

/** Register the promise that resolves when the API can be called (the mock worker has started). */
export function setApiReadyPromise(promise: Promise<unknown>): void {
  emit({ status: 'pending' });
  promise.then(
    () => emit({ status: 'ready' }),
    (error: unknown) => emit({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

/** Current readiness, re-rendering when it changes. */
export function useApiReadiness(): ApiReadiness {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}
