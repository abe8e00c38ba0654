/**
 * The default explorer's observations asked for beside the catalogue (issue 16, B10;
 * src/features/explorer/prefetch-default.ts): with the build's baked head, the observations and events of its
 * indicator go out at once, under the explorer's own keys — the view then draws from them and asks nothing twice —
 * and nothing is asked for any other selection or language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { server } from '../../src/mocks/node.ts';
import { createQueryClient } from '../../src/app/query-client.ts';
import { setBakedHead, type BakedHead } from '../../src/features/explorer/baked-head.ts';
import { prefetchDefaultExplorer } from '../../src/features/explorer/prefetch-default.ts';
import { ExplorerView } from '../../src/features/explorer/explorer-view.tsx';
import { useViewStore } from '../../src/state/view-store.ts';
import { start } from './explorer-harness.tsx';

const HEAD: BakedHead = {
  lang: 'fr',
  title: 'Taux de couverture AMO',
  subtitle: 'Maroc',
  status: 'official',
  source: 'Sources : test',
  denominatorNote: null,
  indicator: 'amo-coverage-rate',
};

/** The API paths (with their query) the mock server received, in order. */
function watchApi(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.includes('/api/')) seen.push(url.pathname.replace(/^.*\/api\/v1/, '') + url.search);
  });
  return seen;
}

beforeEach(() => server.events.removeAllListeners());
afterEach(() => setBakedHead(null));

describe('prefetchDefaultExplorer', () => {
  it("asks for the head's indicator at once; the explorer then draws from it without asking again", async () => {
    const seen = watchApi();
    start({});
    setBakedHead(HEAD);
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { retry: false, staleTime: 60_000 } });
    expect(prefetchDefaultExplorer(client, useViewStore.getState())).toBe('amo-coverage-rate');
    // Before any catalogue request: the observations and the events are already on their way.
    await waitFor(() =>
      expect(seen).toEqual(['/observations?indicator=amo-coverage-rate', '/events?indicator=amo-coverage-rate']),
    );
    render(
      <QueryClientProvider client={client}>
        <ExplorerView />
      </QueryClientProvider>,
    );
    await screen.findAllByRole('figure', { name: /Taux de couverture AMO/ }, { timeout: 8000 });
    await waitFor(() => expect(document.querySelector('figure.chart-frame[aria-busy]')).toBeNull());
    // The view asked for the catalogue only: the prefetched answers were under its own keys.
    expect(seen.filter((p) => p.startsWith('/observations'))).toHaveLength(1);
    expect(seen.filter((p) => p.startsWith('/events'))).toHaveLength(1);
    expect(seen).toContain('/indicators');
  });

  it('asks for nothing for another selection, another language or without a head', () => {
    const seen = watchApi();
    const client = createQueryClient();
    setBakedHead(HEAD);
    start({ indicator: 'unemployment-rate' });
    expect(prefetchDefaultExplorer(client, useViewStore.getState())).toBeNull();
    start({ lang: 'ar' });
    expect(prefetchDefaultExplorer(client, useViewStore.getState())).toBeNull();
    start({ view: 'overview' });
    expect(prefetchDefaultExplorer(client, useViewStore.getState())).toBeNull();
    setBakedHead(null);
    start({});
    expect(prefetchDefaultExplorer(client, useViewStore.getState())).toBeNull();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(seen).toEqual([]);
  });
});
