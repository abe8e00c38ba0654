/**
 * The default explorer's data, asked for as soon as the API is ready (issue 16, B10 and B1).
 *
 * The explorer asks for an indicator's observations once it knows the indicator, that is once the catalogue has
 * come back and the view's chunk has rendered: on a repeat visit offline at 4× CPU the observations went out
 * ~230 ms after the catalogue's answer, and the first chart waited for them. On the default view the build already
 * knows the indicator — it baked the chart's head from it (./baked-head.ts) — so its observations and events go out
 * beside the catalogue. The keys are the explorer's own (`observationsQuery`, `eventsQuery`), so the view finds the
 * answers in flight or in the cache and asks nothing twice.
 */
import type { QueryClient } from '@tanstack/react-query';
import { eventsQuery, observationsQuery } from '../../api/queries.ts';
import type { ViewState } from '../../state/view-state.ts';
import { bakedHeadFor } from './baked-head.ts';

/**
 * Prefetch the default explorer view's observations and events when `state` is that view in the baked head's
 * language; otherwise nothing. Returns the indicator asked for, or `null`.
 *
 * A head that named another indicator than the live catalogue's default would cost one unused request, never a
 * wrong chart: the explorer shows the indicator it picks from the catalogue, with that indicator's own query.
 */
export function prefetchDefaultExplorer(client: QueryClient, state: ViewState): string | null {
  const head = bakedHeadFor(state);
  if (!head) return null;
  void client.prefetchQuery(observationsQuery({ indicator: head.indicator }));
  // The default view shows the events (`DEFAULT_VIEW_STATE.events`), and asks for them beside the observations.
  void client.prefetchQuery(eventsQuery({ indicator: head.indicator }));
  return head.indicator;
}
