/**
 * Setup for the jsdom project (unit + component tests).
 * The MSW node server is started in tests/setup-msw.ts (imported here once it exists) with
 * `onUnhandledRequest: 'error'`, so a test can never hit the network by accident.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

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
