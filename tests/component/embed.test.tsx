/**
 * The embed layout (issue 17, item 5) against the mock API: `?embed=1` renders the app as one captioned chart (or
 * map) of the explorer's view with its sources and a "Voir dans Mouchir" link to the full view, and nothing of the
 * app's chrome; a view that cannot be embedded says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/app/app.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';
import { fullViewHref, isEmbedSearch } from '../../src/app/embed.tsx';
import { embedChartHeight } from '../../src/app/embed-view.tsx';
import { initViewFromUrl } from '../../src/state/url-sync.ts';

/** Open the app at `search` (the address and the store, as main.tsx does). */
function openAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  initViewFromUrl(search);
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: 60_000 } });
  return render(<App queryClient={client} />);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('embed helpers', () => {
  it('reads embed=1 only', () => {
    expect(isEmbedSearch('?embed=1&view=explorer')).toBe(true);
    expect(isEmbedSearch('?embed=true')).toBe(false);
    expect(isEmbedSearch('?view=explorer')).toBe(false);
  });

  it('the full view is the same address without embed, as the explorer', () => {
    expect(fullViewHref('https://m.example/app/?embed=1&indicator=population&tab=map#x')).toBe(
      'https://m.example/app/?indicator=population&tab=map&view=explorer',
    );
    expect(fullViewHref('https://m.example/?view=explorer&embed=1&lang=ar')).toBe(
      'https://m.example/?view=explorer&lang=ar',
    );
  });

  it('sizes the line chart to the frame', () => {
    expect(embedChartHeight(1200)).toBe(360);
    expect(embedChartHeight(500)).toBe(310);
    expect(embedChartHeight(200)).toBe(220);
  });
});

describe('?embed=1', () => {
  it('shows the chart with caption, status and sources, the link to the full view, and no app chrome', async () => {
    const { container } = openAt('?embed=1&view=explorer&indicator=unemployment-rate&territories=MA-06,MA-07');
    const figure = await screen.findByRole(
      'figure',
      { name: /Taux de chômage.*Casablanca-Settat et Marrakech-Safi/ },
      { timeout: 8000 },
    );
    await waitFor(() => expect(container.querySelectorAll('path.recharts-line-curve')).toHaveLength(2));
    expect(within(figure).getAllByText('Officiel').length).toBeGreaterThan(0);
    expect(within(figure).getByText(/Source/, { selector: '.chart-frame__source' })).toBeInTheDocument();
    expect(within(figure).getByText('Sources et méthode')).toBeInTheDocument();
    // One chart only (no ranking under it), no header, navigation, tabs, filters, export menu or footer.
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    expect(container.querySelector('header, nav, footer, [role="tablist"], .chart-frame__actions')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    const link = screen.getByRole('link', { name: /Voir dans Mouchir/ });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toMatch(/noopener/);
    const href = new URL(link.getAttribute('href') ?? '');
    expect(href.searchParams.has('embed')).toBe(false);
    expect(href.searchParams.get('indicator')).toBe('unemployment-rate');
    expect(href.searchParams.get('territories')).toBe('MA-06,MA-07');
  });

  it('the embedded line carries its dated events, as the explorer (issue 17): AMO generalised in December 2022', async () => {
    const { container } = openAt('?embed=1&view=explorer&indicator=amo-coverage-rate&territories=MA');
    const list = await waitFor(
      () => {
        const found = container.querySelector('[data-chart-events]');
        expect(found).not.toBeNull();
        return found as HTMLElement;
      },
      { timeout: 8000 },
    );
    expect(list.textContent).toMatch(/déc\. 2022.*AMO/);
    expect(container.querySelector('[data-event-marker]')).not.toBeNull();
  });

  it('tab=map shows the map', async () => {
    openAt('?embed=1&view=explorer&indicator=population&tab=map');
    await screen.findByRole('figure', { name: /population/i }, { timeout: 8000 });
    await waitFor(() => expect(document.querySelector('#explorer-map-caption')).not.toBeNull(), { timeout: 8000 });
    expect(document.querySelector('#embed-line-caption')).toBeNull();
  });

  it('a bad parameter is said inside the frame; a view that cannot be embedded says so', async () => {
    const first = openAt('?embed=1&view=explorer&indicator=population&measure=nope');
    await waitFor(() => expect(document.querySelector('.embed__notices')?.textContent).toMatch(/measure=nope/));
    first.unmount();
    openAt('?embed=1&view=compare');
    expect(await screen.findByRole('alert')).toHaveTextContent(/seuls le graphique et la carte de l’explorateur/);
    expect(screen.getByRole('link', { name: /Voir dans Mouchir/ })).toBeInTheDocument();
    expect(document.querySelector('header, nav')).toBeNull();
  });
});
