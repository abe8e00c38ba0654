/**
 * Setup for the jsdom project (unit + component tests).
 * The MSW node server (src/mocks/node.ts, the same handlers as the browser worker) runs for every test
 * with `onUnhandledRequest: 'error'`, so a test can never hit the network by accident; per-test
 * `server.use(...)` overrides and fault specs are reset after each test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../src/mocks/node.ts';
import { MOCK_STORAGE_KEY, setMockSpec } from '../src/mocks/faults.ts';

// recharts measures with ResizeObserver, which jsdom lacks; charts are sized by props anyway.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  (globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  setMockSpec('');
  globalThis.localStorage?.removeItem(MOCK_STORAGE_KEY);
});

afterAll(() => {
  server.close();
});
