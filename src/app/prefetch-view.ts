/**
 * The current view's first data, asked for as soon as the mock API is ready (issue 16: B10, B1, and the overview's
 * KPI figures), not when the view has rendered with the catalogue.
 *
 * A view asks for its data in its render: the explorer's observations once the catalogue names its indicator, the
 * overview's KPI cards once the catalogue names the headlines. Each of those waited for the catalogue's answer, then
 * for the view's chunk and its render — at 4× CPU 230 ms (explorer) to 300–400 ms (overview) between the catalogue's
 * answer and the next request. Here the default explorer's observations go out at once (the build baked its
 * indicator), and every other first request as soon as the catalogue is in, under the views' own keys
 * (src/features/explorer/first-queries.ts, src/features/overview/first-queries.ts): the views find their answers
 * in flight or in the cache, and nothing is asked twice.
 *
 * A failure is the views' to show: the catalogue's error panels and Retry are theirs, so a failed prefetch does
 * nothing. Only in mock mode (src/app/start.tsx): a real API's persisted answers are restored by their provider first.
 */
import type { QueryClient } from '@tanstack/react-query';
import { indicatorsQuery, territoriesQuery } from '../api/queries.ts';
import { prefetchDefaultExplorer, prefetchExplorer } from '../features/explorer/first-queries.ts';
import { prefetchOverview } from '../features/overview/first-queries.ts';
import type { ViewState } from '../state/view-state.ts';
import { MAX_INACTIVE_OBSERVATIONS } from './query-client.ts';

/** Prefetch the first queries of the view in `getState()` (read again once the catalogue is in). Never rejects. */
export async function prefetchFirstQueries(client: QueryClient, getState: () => ViewState): Promise<void> {
  prefetchDefaultExplorer(client, getState());
  let catalogue;
  try {
    const [territories, indicators] = await Promise.all([
      client.fetchQuery(territoriesQuery()),
      client.fetchQuery(indicatorsQuery()),
    ]);
    catalogue = { territories, indicators };
  } catch {
    return;
  }
  // The reader may have moved on meanwhile: the view now on screen.
  const state = getState();
  prefetchExplorer(client, state, catalogue.indicators);
  prefetchOverview(client, state, catalogue, MAX_INACTIVE_OBSERVATIONS);
}
