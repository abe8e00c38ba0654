/**
 * The one place the explorer builds its model: `buildExplorerModel` called once per change of the query data
 * or of the selection, from store selectors (never the whole store, so the tab or the link changing does not
 * rebuild anything).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Measure } from '../../contract/contract.ts';
import { currentViewLink } from '../../state/url-sync.ts';
import { selectViewState, useViewStore, type ViewStore } from '../../state/view-store.ts';
import { buildExplorerModel, type ExplorerData, type ExplorerModel } from '../../transforms/explorer-model.ts';

interface Inputs {
  data: ExplorerData;
  territories: readonly string[];
  measure: Measure;
  from: string | null;
  to: string | null;
  period: string | null;
  lang: ViewStore['lang'];
  mapLevel: ViewStore['mapLevel'];
  mapRegion: string | null;
}

/**
 * The explorer's model, or `null` until the data are there. `territories` and `measure` are the view's
 * resolved ones (defaults applied, a measure the indicator does not offer replaced by absolute values).
 *
 * Issue 7 (B2): the model follows the selection as a deferred value. A click first paints what it touched
 * (checkbox, radio, chips) with the memoised charts unchanged; React then builds the model and redraws the
 * charts in an interruptible background render, so 75 recharts lines do not hold up the click's paint.
 * The previous model is passed to the builder so the parts a change does not touch keep their identity.
 */
export function useExplorerModel(
  data: ExplorerData | null,
  territories: readonly string[],
  measure: Measure,
): ExplorerModel | null {
  const from = useViewStore((s) => s.from);
  const to = useViewStore((s) => s.to);
  const period = useViewStore((s) => s.period);
  const lang = useViewStore((s) => s.lang);
  const mapLevel = useViewStore((s) => s.mapLevel);
  const mapRegion = useViewStore((s) => s.mapRegion);
  const urgent = useMemo<Inputs | null>(
    () => (data ? { data, territories, measure, from, to, period, lang, mapLevel, mapRegion } : null),
    [data, territories, measure, from, to, period, lang, mapLevel, mapRegion],
  );
  const inputs = useDeferredValue(urgent);
  // The last build and what it was built from, kept in state (not a ref read during render): when the inputs
  // change, the model is built once and stored by a render-phase update, the pattern React documents for
  // "information from previous renders".
  const [built, setBuilt] = useState<{ inputs: Inputs; model: ExplorerModel } | null>(null);
  if (!inputs) return null;
  if (built?.inputs === inputs) return built.model;
  const { data: d, ...selection } = inputs;
  const model = buildExplorerModel(d, selection, built?.model);
  setBuilt({ inputs, model });
  return model;
}

/** The link back to the current view, from a selector returning a string (a render only when it changes). */
export function useViewLink(): string {
  return useViewStore((s) => currentViewLink(selectViewState(s)));
}
