/**
 * The views' first data asked for before the views render (issue 16; src/app/prefetch-view.ts and the explorer's and
 * overview's first-queries.ts): the default explorer's observations and events beside the catalogue (from the
 * build's baked head), any other explorer's and the overview's KPI cards' as soon as the catalogue is in — always
 * under the views' own keys, so that a view rendered afterwards draws from those answers and asks nothing twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { server } from '../../src/mocks/node.ts';
import { createQueryClient } from '../../src/app/query-client.ts';
import { prefetchFirstQueries } from '../../src/app/prefetch-view.ts';
import { setBakedHead, type BakedHead } from '../../src/features/explorer/baked-head.ts';
import { prefetchDefaultExplorer, prefetchExplorer } from '../../src/features/explorer/first-queries.ts';
import { ExplorerView } from '../../src/features/explorer/explorer-view.tsx';
import { OverviewView } from '../../src/features/overview/overview-view.tsx';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.ts';
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

/** The API paths (with their query, commas kept) the mock server received, in order. */
function watchApi(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.includes('/api/'))
      seen.push(url.pathname.replace(/^.*\/api\/v1/, '') + decodeURIComponent(url.search));
  });
  return seen;
}

function client(): QueryClient {
  const c = createQueryClient();
  c.setDefaultOptions({ queries: { retry: false, staleTime: 60_000 } });
  return c;
}

function renderWith(c: QueryClient, ui: ReactNode) {
  return render(<QueryClientProvider client={c}>{ui}</QueryClientProvider>);
}

const state = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...patch });
const count = (seen: string[], prefix: string) => seen.filter((p) => p.startsWith(prefix)).length;

beforeEach(() => server.events.removeAllListeners());
afterEach(() => setBakedHead(null));

describe('the default explorer (baked head)', () => {
  it("asks for the head's indicator at once; the explorer then draws from it without asking again", async () => {
    const seen = watchApi();
    start({});
    setBakedHead(HEAD);
    const c = client();
    expect(prefetchDefaultExplorer(c, useViewStore.getState())).toBe('amo-coverage-rate');
    // Before any catalogue request: the observations and the events are already on their way.
    await waitFor(() =>
      expect(seen).toEqual(['/observations?indicator=amo-coverage-rate', '/events?indicator=amo-coverage-rate']),
    );
    renderWith(c, <ExplorerView />);
    await screen.findAllByRole('figure', { name: /Taux de couverture AMO/ }, { timeout: 8000 });
    await waitFor(() => expect(document.querySelector('figure.chart-frame[aria-busy]')).toBeNull());
    // The view asked for the catalogue only: the prefetched answers were under its own keys.
    expect(count(seen, '/observations')).toBe(1);
    expect(count(seen, '/events')).toBe(1);
    expect(seen).toContain('/indicators');
  });

  it('asks for nothing for another selection, another language or without a head', () => {
    const seen = watchApi();
    const c = client();
    setBakedHead(HEAD);
    start({ indicator: 'unemployment-rate' });
    expect(prefetchDefaultExplorer(c, useViewStore.getState())).toBeNull();
    start({ lang: 'ar' });
    expect(prefetchDefaultExplorer(c, useViewStore.getState())).toBeNull();
    start({ view: 'overview' });
    expect(prefetchDefaultExplorer(c, useViewStore.getState())).toBeNull();
    setBakedHead(null);
    start({});
    expect(prefetchDefaultExplorer(c, useViewStore.getState())).toBeNull();
    expect(c.getQueryCache().getAll()).toHaveLength(0);
    expect(seen).toEqual([]);
  });
});

describe('prefetchFirstQueries', () => {
  it("asks for a shared explorer link's indicator once the catalogue is in; the view asks nothing twice", async () => {
    const seen = watchApi();
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    const c = client();
    await prefetchFirstQueries(c, () => useViewStore.getState());
    // The catalogue, then at once the indicator's observations and events — before any view has rendered.
    await waitFor(() => expect(count(seen, '/events')).toBe(1));
    expect(seen.slice(0, 2).sort()).toEqual(['/indicators', '/territories']);
    expect(seen.slice(2)).toEqual(['/observations?indicator=unemployment-rate', '/events?indicator=unemployment-rate']);
    renderWith(c, <ExplorerView />);
    await screen.findAllByRole('figure', { name: /Taux de chômage/ }, { timeout: 8000 });
    expect(count(seen, '/observations')).toBe(1);
    expect(count(seen, '/events')).toBe(1);
    expect(count(seen, '/indicators')).toBe(1);
  });

  it("asks for every KPI card's observations once the catalogue is in; the cards ask nothing twice", async () => {
    const seen = watchApi();
    start({ view: 'overview', territories: ['MA-06'] });
    const c = client();
    await prefetchFirstQueries(c, () => useViewStore.getState());
    const kpis = () => seen.filter((p) => p.startsWith('/observations'));
    await waitFor(() => expect(kpis().length).toBeGreaterThan(2));
    // The chosen region with the country beside it, as the cards ask.
    for (const p of kpis()) expect(p).toMatch(/^\/observations\?indicator=[a-z0-9-]+&territory=MA,MA-06$/);
    const asked = kpis().length;
    renderWith(c, <OverviewView />);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(asked));
    await waitFor(() => expect(document.querySelectorAll('.mv-kpi-value').length).toBeGreaterThan(0));
    expect(kpis()).toHaveLength(asked);
  });

  it('falls back to the country for a territory the catalogue does not know, as the overview does', async () => {
    const seen = watchApi();
    start({ view: 'overview', territories: ['MA-99'] });
    await prefetchFirstQueries(client(), () => useViewStore.getState());
    await waitFor(() => expect(count(seen, '/observations')).toBeGreaterThan(0));
    for (const p of seen.filter((x) => x.startsWith('/observations'))) expect(p).toMatch(/&territory=MA$/);
  });

  it('asks for nothing more when the catalogue fails: the views show that error themselves', async () => {
    server.use(http.get('*/api/v1/indicators', () => HttpResponse.json({ error: 'down' }, { status: 503 })));
    const seen = watchApi();
    start({ indicator: 'unemployment-rate' });
    await expect(prefetchFirstQueries(client(), () => useViewStore.getState())).resolves.toBeUndefined();
    expect(count(seen, '/observations')).toBe(0);
  });

  it('asks for nothing for a view without first queries, nor for an imported indicator this browser lacks', async () => {
    const seen = watchApi();
    start({ view: 'compare' });
    await prefetchFirstQueries(client(), () => useViewStore.getState());
    expect(count(seen, '/observations')).toBe(0);
    expect(prefetchExplorer(client(), state({ view: 'explorer', indicator: 'user-abc123' }), [])).toBeNull();
  });
});
