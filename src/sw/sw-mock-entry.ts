/**
 * sw.js of a mock-mode build (scripts/build/service-worker.mjs): the offline copy (./sw.ts, whose listeners come
 * first) and the mock API (./mock-api.ts) in one worker, one scope.
 */
// First: MSW needs a localStorage as it loads (./memory-storage.ts).
import './memory-storage.ts';
import { fetchBuildFile, sw } from './sw.ts';
import { isMockApiRequest, mockApiResponse, prefetchMockData, readDataFilesWith } from './mock-api.ts';

readDataFilesWith(fetchBuildFile);

sw.addEventListener('fetch', (event) => {
  if (!isMockApiRequest(event.request.url, sw.registration.scope)) return;
  event.respondWith(mockApiResponse(event.request));
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; search?: unknown } | null;
  // The page's first view, sent as it starts (src/mocks/sw-mock.ts): its data files load while the app's code does.
  if (data?.type === 'MOCK_PREFETCH' && typeof data.search === 'string') prefetchMockData(data.search);
});
