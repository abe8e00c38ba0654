/**
 * The mock API for a test file: the MSW node server (src/mocks/node.ts, the same handlers as the browser
 * worker) listens with `onUnhandledRequest: 'error'`, so a test can never hit the network by accident;
 * per-test `server.use(...)` overrides and fault specs are reset after each test. Runs in node and jsdom.
 *
 * The `component` project loads it for every file (tests/setup.ts). In the `unit` project (node) a file that
 * calls the API imports it: `import '../setup-msw.ts';` — pure files skip the server's start-up.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../src/mocks/node.ts';
import { MOCK_STORAGE_KEY, setMockSpec } from '../src/mocks/faults.ts';
import { geometryHandler } from './geo-handler.ts';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // The map's boundary file is a static file of the app, not the mock API: served from public/geo (issue 13).
  server.use(geometryHandler);
});

afterEach(() => {
  server.resetHandlers();
  server.use(geometryHandler);
  setMockSpec('');
  globalThis.localStorage?.removeItem(MOCK_STORAGE_KEY);
});

afterAll(() => {
  server.close();
});
