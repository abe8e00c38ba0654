/**
 * The overview's first queries, asked for before the view renders (issue 16; src/app/prefetch-view.ts): each KPI
 * card asks for its indicator's observations once the catalogue is in and the view has rendered its cards — at 4×
 * CPU ~300–400 ms after the catalogue's answer. The prefetch asks for them as soon as the catalogue is in, under the
 * cards' own keys (`kpiQuery`, the territory from `overviewTerritory`), so the cards find them in flight or in the
 * cache and ask nothing twice.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Indicator, Territory } from '../../contract/contract.ts';
import { observationsQuery } from '../../api/queries.ts';
import type { ViewState } from '../../state/view-state.ts';
import { headlineIndicators } from '../../transforms/kpi.ts';

/**
 * The territory the overview shows for the view state's selection: its first code, the country by default, and the
 * country for a code the territories (once loaded) do not know.
 */
export function overviewTerritory(selected: readonly string[], territories: readonly Territory[] | undefined): string {
  const wanted = selected[0] ?? 'MA';
  return !territories || territories.some((t) => t.code === wanted) ? wanted : 'MA';
}

/** A KPI card's query: its indicator in the territory, with the country beside it to fall back on. */
export function kpiQuery(indicatorId: string, territory: string) {
  return observationsQuery({ indicator: indicatorId, territories: territory === 'MA' ? ['MA'] : [territory, 'MA'] });
}

/**
 * Prefetch the observations of the KPI cards the overview in `state` shows, once the catalogue is in: the first
 * `max` cards (the query client drops unobserved observations beyond its own bound, src/app/query-client.ts, and
 * would drop the first answers before their cards mount). Nothing for another view. Returns the indicators asked for.
 */
export function prefetchOverview(
  client: QueryClient,
  state: ViewState,
  catalogue: { territories: readonly Territory[]; indicators: readonly Indicator[] },
  max: number,
): string[] {
  if (state.view !== 'overview') return [];
  const territory = overviewTerritory(state.territories, catalogue.territories);
  const ids = headlineIndicators(catalogue.indicators)
    .slice(0, max)
    .map((i) => i.id);
  for (const id of ids) void client.prefetchQuery(kpiQuery(id, territory));
  return ids;
}
