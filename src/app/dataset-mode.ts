/**
 * Synthetic mode (issue 14 item 4): whether this page shows the mock API's synthetic stress catalogue
 * (`?dataset=stress`, issue 7), and the one-click way back to the real data.
 *
 * - The switch is read once, from the address the page was loaded with, and only in mock mode (no
 *   `VITE_API_BASE_URL`): never from localStorage, and an old stored `mouchir.dataset` is removed. The address
 *   bar and every link drop the parameter (src/state/url-sync.ts `PAGE_LOAD_PARAMS`), so a reload or a shared
 *   link opens the real data.
 * - {@link returnToRealData} switches the running mock worker back to the shipped data, keeps the view as far as
 *   it is valid (see {@link viewForRealData}), empties the query cache and bumps {@link DatasetMode.generation},
 *   which the app uses as the key of the view subtree: every component mounts again on the real answers, so no
 *   synthetic figure survives in the cache, in a component's state or in a memoised model.
 */
import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import {
  clearStoredDatasetOption,
  isStressIndicatorId,
  pageDatasetOption,
  pageSearches,
  type DatasetName,
} from '../mocks/dataset-option.ts';
import { flushHistoryWrite, updateView } from '../state/url-sync.ts';
import type { ViewState } from '../state/view-state.ts';
import { selectViewState, useViewStore } from '../state/view-store.ts';

export interface DatasetMode {
  /** What the data API serves this page. */
  dataset: DatasetName;
  /** Bumped when the data source changes under the page: the key of everything that shows data. */
  generation: number;
  /** A switch back to the real data is under way. */
  switching: boolean;
}

/** Whether the app runs on the mock API (no real API configured at build time). */
export function isMockApi(apiBase: unknown): boolean {
  return typeof apiBase !== 'string' || apiBase === '';
}

/** The dataset a page starts on: the stress catalogue only with the mock API and the switch in its address. */
export function initialDataset(searches: readonly string[], apiBase: unknown): DatasetName {
  return isMockApi(apiBase) ? pageDatasetOption(searches) : 'default';
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const apiBase = (import.meta.env as Record<string, unknown> | undefined)?.VITE_API_BASE_URL;
// Module start (src/main.tsx imports the app before its first render): read the switch before the address
// bar is normalised, and forget what an older build stored.
clearStoredDatasetOption(browserStorage());
let current: DatasetMode = { dataset: initialDataset(pageSearches(), apiBase), generation: 0, switching: false };
const listeners = new Set<() => void>();

function emit(next: DatasetMode): void {
  current = next;
  for (const l of listeners) l();
}

/** The current mode (outside React). */
export function datasetMode(): DatasetMode {
  return current;
}

/** The current mode, re-rendering when it changes. */
export function useDatasetMode(): DatasetMode {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => current,
  );
}

/**
 * The view to show on the real data, from one on the stress catalogue. Pure. Kept: the view, territories
 * (real codes in both), measure, tab, map level and region, language, project filter. Dropped: a synthetic
 * indicator (the default indicator then applies) and the time selection, which was chosen among the
 * synthetic series' months.
 */
export function viewForRealData(state: ViewState): ViewState {
  return {
    ...state,
    indicator: state.indicator !== null && isStressIndicatorId(state.indicator) ? null : state.indicator,
    from: null,
    to: null,
    period: null,
  };
}

/** What {@link returnToRealData} needs from the mock API's page side (./mock-api.ts). */
export interface MockSwitch {
  switchMockDataset(dataset: DatasetName): Promise<void>;
}

/**
 * Leave the stress catalogue for the real data, in place. If the worker cannot be switched (it failed to
 * start), the page is loaded again on the same view without the switch instead.
 */
export async function returnToRealData(
  queryClient: QueryClient,
  // Dynamic, so that ./mock-api.ts stays in the entry's chunk (src/main.tsx imports it) and out of the app's.
  loadMock: () => Promise<MockSwitch> = () => import('./mock-api.ts').then((m) => m.loadMockApi()),
): Promise<void> {
  if (current.dataset !== 'stress' || current.switching) return;
  emit({ ...current, switching: true });
  const next = viewForRealData(selectViewState(useViewStore.getState()));
  try {
    const mock = await loadMock();
    await mock.switchMockDataset('default');
  } catch {
    flushHistoryWrite();
    updateView(next, 'replace');
    flushHistoryWrite();
    window.location.reload();
    return;
  }
  updateView(next, 'replace');
  // Removing a query cancels its fetch; the views mount again (new generation) and ask the real data.
  queryClient.clear();
  emit({ dataset: 'default', generation: current.generation + 1, switching: false });
}
