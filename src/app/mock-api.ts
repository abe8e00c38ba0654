/**
 * Which module runs the mock API's page side (mock mode: no `VITE_API_BASE_URL`). A production build answers the API
 * in its service worker and loads only ./mock-in-worker.ts here; the dev server has no sw.js and runs MSW in the page
 * (src/mocks/browser.ts). `import.meta.env.PROD` is replaced at build time, so each holds only its own import.
 */
import type { DatasetName } from '../mocks/dataset-option.ts';

/** What the app needs of the mock API's page side. */
export interface MockApi {
  /** Resolves once requests to the API are answered; rejects with a message when the mock cannot start. */
  startMockWorker(): Promise<void>;
  /** Serve another dataset from now on (the stress banner's "back to the real data"). */
  switchMockDataset(dataset: DatasetName): Promise<void>;
  /** The dataset served now. */
  mockDataset(): DatasetName;
}

/** Load the mock API's page side for this build. */
export function loadMockApi(): Promise<MockApi> {
  return import.meta.env.PROD ? import('./mock-in-worker.ts') : import('../mocks/browser.ts');
}

/**
 * Register the mock API's worker now, in a build (the dev server has none): its script carries the mock API (~50 kB
 * gzip) and must download, start and take control before the first API request, so it is asked for beside the app's
 * chunks rather than after them (on a slow network that chain is the explorer's largest paint). A page the worker
 * controls already skips this; failures are reported by ./mock-in-worker.ts, which registers again.
 */
export function registerMockWorkerEarly(): void {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!import.meta.env.PROD || !container || container.controller) return;
  container.register(`${import.meta.env.BASE_URL}sw.js`).catch(() => undefined);
}
