/**
 * Options of the React root (src/main.tsx): how React reports errors it did not leave uncaught.
 *
 * - `onCaughtError`: React 19 logs every error an error boundary caught with console.error; our boundaries
 *   already show it in the page and log a warning (src/ui/error-boundary.tsx), so a contained panel failure is
 *   not an uncaught error (found by tests/e2e/faults-boundary.test.ts).
 * - `onRecoverableError`: when a component throws during a concurrent render (the explorer draws its charts
 *   from deferred values), React renders the root again synchronously before it gives up, and reports the
 *   first throw as "error #520: there was an error during concurrent rendering but React was able to
 *   recover". By default that goes to `reportError`, i.e. an uncaught page error, although the page is fine:
 *   the synchronous render either succeeded or let a boundary show the panel's error. It is logged as a
 *   warning instead, with its cause, so it stays visible to a developer without reading as a crash (a CI run
 *   under load failed faults-boundary's "no page error" check on exactly this).
 *
 * Uncaught errors keep React's default (they reach the root boundary and the console).
 */
import type { RootOptions } from 'react-dom/client';

/** Errors a boundary caught: already shown in the page and warned about by the boundary. */
function ignoreCaughtError(): void {
  return undefined;
}

/** Errors React recovered from by re-rendering: a warning with the cause, never a page error. */
export function warnRecoverableError(error: unknown, info?: { componentStack?: string | undefined }): void {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  console.warn('Mouchir: React recovered from an error during a concurrent render:', cause, info?.componentStack ?? '');
}

/** The options main.tsx passes to `createRoot`. */
export const ROOT_OPTIONS: RootOptions = {
  onCaughtError: ignoreCaughtError,
  onRecoverableError: warnRecoverableError,
};
