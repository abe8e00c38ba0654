import { describe, expect, it } from 'vitest';
import { ABORTED, isAbortedByOwnNavigation, type RequestFailure } from '../e2e/request-failures.ts';

const failure = (error: string, startedInDocument: number): RequestFailure => ({
  error,
  url: 'http://127.0.0.1:4000/mouchir/api/v1/observations?indicator=x',
  startedInDocument,
});

describe('isAbortedByOwnNavigation (the e2e filter of failed requests)', () => {
  it('excuses an ERR_ABORTED request whose frame has loaded another document since it started', () => {
    expect(isAbortedByOwnNavigation(failure(ABORTED, 1), 2)).toBe(true);
    expect(isAbortedByOwnNavigation(failure(ABORTED, 0), 3)).toBe(true);
  });

  it('counts an ERR_ABORTED request of the current document: nothing navigated it away', () => {
    expect(isAbortedByOwnNavigation(failure(ABORTED, 2), 2)).toBe(false);
  });

  it('counts every other failure, navigation or not', () => {
    for (const error of ['net::ERR_FAILED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_BLOCKED_BY_CSP', 'HTTP 404']) {
      expect(isAbortedByOwnNavigation(failure(error, 0), 1)).toBe(false);
      expect(isAbortedByOwnNavigation(failure(error, 1), 1)).toBe(false);
    }
  });
});
