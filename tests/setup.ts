/**
 * Setup of the `component` project (jsdom): testing-library's jest-dom matchers and cleanup, a
 * ResizeObserver stub, and the mock API (tests/setup-msw.ts: the MSW node server for every test, with
 * `onUnhandledRequest: 'error'`, overrides and fault specs reset after each test).
 * The `unit` project runs in node without this file.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import './setup-msw.ts';

// recharts measures with ResizeObserver, which jsdom lacks; charts are sized by props anyway.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  (globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;
}

// findBy… and waitFor wait for a condition and return as soon as it holds; their default limit of 1 s is a timing
// precondition a loaded CI machine breaks (ci42: the explorer's lazy map tab took longer to show its first tile).
// Every wait gets the 8 s the slow ones in this suite already asked for one by one.
configure({ asyncUtilTimeout: 8000 });

afterEach(() => {
  cleanup();
});
