/**
 * Failed requests of a page, without the ones its own navigations aborted.
 *
 * When a test navigates (`page.goto`) while the previous document still has requests in flight (the
 * overview's observation requests, say), Chromium cancels them and Playwright reports each as a
 * `requestfailed` with `net::ERR_ABORTED`. That is the navigation doing its job, not an error: under CPU
 * load more of them are still in flight, and a test that counted them failed at random (issue 12). Every
 * other failure still counts: an HTTP status ≥ 400, any other network error, and an `ERR_ABORTED` of a
 * request whose document is still the current one (an abort the app did not expect).
 *
 * Kept apart from harness.ts (type imports only) so the filter is unit-tested without a browser.
 */
import type { Frame, Page, Request } from 'playwright-core';

/** Error text Chromium gives a request cancelled before it finished. */
export const ABORTED = 'net::ERR_ABORTED';

/** One failed request as seen by {@link collectFailedRequests}. */
export interface RequestFailure {
  /** `net::…` error text, or `HTTP 404` for an answer with an error status. */
  error: string;
  url: string;
  /** Cross-document navigations of the request's frame before the request started. */
  startedInDocument: number;
}

/**
 * True when `failure` is a request its frame's own navigation cancelled: it failed with `net::ERR_ABORTED`
 * and the frame has loaded another document since the request started (`currentDocument` is that frame's
 * navigation count now). Pure, so the rule is unit-tested.
 */
export function isAbortedByOwnNavigation(failure: RequestFailure, currentDocument: number): boolean {
  return failure.error === ABORTED && currentDocument > failure.startedInDocument;
}

/** A live view of a page's failed requests. */
export interface FailedRequests {
  /** Failures that are real errors (own-navigation aborts left out), as `error url` lines. */
  real: () => string[];
  /** Every failure seen, own-navigation aborts included (for a diagnostic message). */
  all: () => RequestFailure[];
}

/**
 * Collect the page's failed requests from now on. A frame's document count goes up on each cross-document
 * navigation that commits (a `framenavigated` that follows a navigation request of that frame; a
 * `history.pushState` has none and aborts nothing). The filter is applied when `real()` is read, so an abort
 * reported before its navigation's `framenavigated` is judged once both are in: read it at the end of a test.
 * Requests of a service worker have no frame: they are judged as they are (never as own-navigation aborts).
 */
export function collectFailedRequests(page: Page): FailedRequests {
  const documents = new Map<Frame, number>();
  const navigating = new Set<Frame>();
  const started = new Map<Request, number>();
  const failures: Array<{ failure: RequestFailure; frame: Frame | null }> = [];
  const frameOf = (r: Request): Frame | null => {
    try {
      return r.frame();
    } catch {
      return null; // a service worker's request
    }
  };
  page.on('request', (r) => {
    const frame = frameOf(r);
    if (frame === null) return;
    started.set(r, documents.get(frame) ?? 0);
    if (r.isNavigationRequest()) navigating.add(frame);
  });
  page.on('framenavigated', (frame) => {
    if (!navigating.delete(frame)) return; // same-document (pushState, hash)
    documents.set(frame, (documents.get(frame) ?? 0) + 1);
  });
  const record = (r: Request, error: string): void => {
    const frame = frameOf(r);
    failures.push({
      failure: { error, url: r.url(), startedInDocument: started.get(r) ?? 0 },
      frame,
    });
  };
  page.on('requestfailed', (r) => record(r, r.failure()?.errorText ?? 'failed'));
  page.on('response', (r) => {
    if (r.status() >= 400) record(r.request(), `HTTP ${r.status()}`);
  });
  return {
    real: () =>
      failures
        .filter(
          ({ failure, frame }) =>
            frame === null || !isAbortedByOwnNavigation(failure, documents.get(frame) ?? failure.startedInDocument),
        )
        .map(({ failure }) => `${failure.error} ${failure.url}`),
    all: () => failures.map(({ failure }) => failure),
  };
}
