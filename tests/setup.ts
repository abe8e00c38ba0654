/**
 * Setup of the `component` project (jsdom): testing-library's jest-dom matchers and cleanup, a
 * ResizeObserver stub, and the mock API (tests/setup-msw.ts: the MSW node server for every test, with
 * `onUnhandledRequest: 'error'`, overrides and fault specs reset after each test).
 * The `unit` project runs in node without this file.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
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

afterEach(() => {
  cleanup();
});
