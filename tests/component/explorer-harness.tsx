/**
 * The explorer alone against the mock API, for the explorer's component tests: `start` puts a view in the store
 * (and resets the address), `renderExplorer` renders the view with a fresh query client that never retries.
 */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../src/app/query-client.ts';
import type { Lang } from '../../src/contract/contract.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { ExplorerView } from '../../src/features/explorer/explorer-view.tsx';

/** Start from the explorer with `patch` applied to the default view, and a clean address. */
export function start(patch: Partial<ViewState>): void {
  useViewStore.getState().replace({ ...DEFAULT_VIEW_STATE, view: 'explorer', ...patch }, []);
  window.history.replaceState(null, '', '/');
}

/** Render the explorer with its own query client (no retries, data fresh for a minute). */
export function renderExplorer(importEntry?: (lang: Lang) => ReactNode) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: 60_000 } });
  return render(
    <QueryClientProvider client={client}>
      <ExplorerView {...(importEntry ? { importEntry } : {})} />
    </QueryClientProvider>,
  );
}
