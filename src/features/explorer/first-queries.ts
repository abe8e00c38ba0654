/**
 * The explorer's first queries, asked for before the view renders (issue 16, B10 and B1; src/app/prefetch-view.ts).
 *
 * The explorer asks for an indicator's observations once it knows the indicator, that is once the catalogue has
 * come back and the view has rendered with it: on a repeat visit offline at 4× CPU the observations went out
 * ~230 ms after the catalogue's answer, and the first chart waited for them. Two ways round that:
 * - on the default view the build already knows the indicator — it baked the chart's head from it
 *   (./baked-head.ts) — so its observations and events go out beside the catalogue (`prefetchDefaultExplorer`);
 * - on any other view, they go out as soon as the catalogue is in, before the view's render (`prefetchExplorer`).
 * The keys are the view's own (`observationsQuery`, `eventsQuery`, the indicator from `explorerIndicator`), so the
 * view finds the answers in flight or in the cache and asks nothing twice.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Indicator } from '../../contract/contract.ts';
import { eventsQuery, observationsQuery } from '../../api/queries.ts';
import type { ViewState } from '../../state/view-state.ts';
import { defaultIndicator } from '../../transforms/selection.ts';
import { isUserIndicatorId, missingUserIndicator } from '../../user-data/ids.ts';
import { bakedHeadFor } from './baked-head.ts';

/**
 * The indicator the explorer shows for `indicatorId` (the view state's) once the catalogue is in: that indicator,
 * or the default one for a fresh link or an unknown id; `undefined` for an imported indicator this browser lacks
 * (the view then offers to import it, never another indicator's chart) or an empty catalogue.
 */
export function explorerIndicator(indicatorId: string | null, catalogue: readonly Indicator[]): Indicator | undefined {
  if (missingUserIndicator(indicatorId, catalogue)) return undefined;
  return catalogue.find((i) => i.id === indicatorId) ?? defaultIndicator(catalogue);
}

/** Ask for one indicator's observations, and its events when shown, as the explorer does. */
function prefetchIndicator(client: QueryClient, indicatorId: string, events: boolean): void {
  void client.prefetchQuery(observationsQuery({ indicator: indicatorId }));
  if (events) void client.prefetchQuery(eventsQuery({ indicator: indicatorId }));
}

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
  // The default view shows its events (`DEFAULT_VIEW_STATE.events`).
  prefetchIndicator(client, head.indicator, state.events);
  return head.indicator;
}

/**
 * Prefetch what the explorer in `state` asks for once the catalogue is in: its indicator's observations and events.
 * Nothing for another view, nor for an imported indicator (read from this browser's storage, not the API). Returns
 * the indicator asked for, or `null`.
 */
export function prefetchExplorer(
  client: QueryClient,
  state: ViewState,
  catalogue: readonly Indicator[],
): string | null {
  if (state.view !== 'explorer') return null;
  const indicator = explorerIndicator(state.indicator, catalogue);
  if (!indicator || isUserIndicatorId(indicator.id)) return null;
  prefetchIndicator(client, indicator.id, state.events);
  return indicator.id;
}
