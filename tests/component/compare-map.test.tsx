/**
 * The compare view's small map (issue 13 item 6): the boundaries load only when the map is opened; the
 * compared territories are shown selected; a click, or Enter on the focused territory, adds or removes it from
 * the compare view's selection (the view store, so the URL); arrows move between territories (one tab stop).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../src/mocks/node.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { CompareView } from '../../src/features/compare/compare-view.tsx';
import { compareMapLevel } from '../../src/features/compare/compare-map.tsx';
import { fixtureHandlers, renderWithClient, resetViewStore, TERRITORIES } from './overview-fixtures.tsx';
import { geometryText } from '../geo-handler.ts';

configure({ asyncUtilTimeout: 8000 });

const GEO = '*/geo/morocco-provinces.topo.json';

/** Requests for the boundary file seen by the mock server. */
function watchGeometryRequests(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/geo/')) seen.push(request.url);
  });
  return seen;
}

const shapes = (container: HTMLElement) =>
  container.querySelectorAll<SVGPathElement>('.compare-map .choropleth path[role="button"]');
const shape = (container: HTMLElement, code: string) => {
  const el = container.querySelector<SVGPathElement>(`.compare-map path[role="button"][data-code="${code}"]`);
  if (!el) throw new Error(`no shape ${code}`);
  return el;
};

beforeEach(() => {
  server.events.removeAllListeners();
  server.use(...fixtureHandlers());
  resetViewStore({ view: 'compare' });
});

describe('compare map', () => {
  it('loads the boundaries only when opened, then shows the compared regions selected', async () => {
    const requests = watchGeometryRequests();
    const user = userEvent.setup();
    const { container } = renderWithClient(<CompareView />);
    await screen.findByRole('table', { name: /Casablanca-Settat · Marrakech-Safi/ });
    const toggle = await screen.findByRole('button', { name: 'Afficher la carte' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(requests).toEqual([]);
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(shapes(container)).toHaveLength(12));
    expect(requests).toHaveLength(1);
    expect(screen.getByRole('radio', { name: 'Régions' })).toBeChecked();
    expect(shape(container, 'MA-06')).toHaveAttribute('aria-pressed', 'true');
    expect(shape(container, 'MA-07')).toHaveAttribute('aria-pressed', 'true');
    expect(shape(container, 'MA-04')).toHaveAttribute('aria-pressed', 'false');
    // Coloured by the peers' indicator, with its source and status beside the map.
    expect(container.querySelector('.compare-map')?.textContent).toMatch(/Taux de chômage/);
  });

  it('a click adds a territory and a second click removes it: the view store (and so the URL) follows', async () => {
    const user = userEvent.setup();
    const { container } = renderWithClient(<CompareView />);
    await user.click(await screen.findByRole('button', { name: 'Afficher la carte' }));
    await waitFor(() => expect(shapes(container)).toHaveLength(12));
    await user.click(shape(container, 'MA-04'));
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07', 'MA-04']);
    await waitFor(() => expect(shape(container, 'MA-04')).toHaveAttribute('aria-pressed', 'true'));
    // The chip list shows it too.
    expect(container.querySelector('.mv-chip[data-territory="MA-04"]')).not.toBeNull();
    await user.click(shape(container, 'MA-07'));
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-04']);
  });

  it('keyboard: one tab stop, arrows move between territories, Enter adds or removes the focused one', async () => {
    const user = userEvent.setup();
    const { container } = renderWithClient(<CompareView />);
    await user.click(await screen.findByRole('button', { name: 'Afficher la carte' }));
    await waitFor(() => expect(shapes(container)).toHaveLength(12));
    const stops = [...shapes(container)].filter((s) => s.getAttribute('tabindex') === '0');
    expect(stops.map((s) => s.getAttribute('data-code'))).toEqual(['MA-06']);
    (stops[0] as SVGPathElement).focus();
    await user.keyboard('{ArrowUp}');
    const moved = document.activeElement?.getAttribute('data-code');
    expect(moved).toBeTruthy();
    expect(moved).not.toBe('MA-06');
    expect([...shapes(container)].filter((s) => s.getAttribute('tabindex') === '0')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07', moved]);
    await user.keyboard('{Enter}');
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07']);
  });

  it('the province level draws the 75 provinces; a province picked there joins the comparison', async () => {
    const user = userEvent.setup();
    const { container } = renderWithClient(<CompareView />);
    await user.click(await screen.findByRole('button', { name: 'Afficher la carte' }));
    await waitFor(() => expect(shapes(container)).toHaveLength(12));
    await user.click(screen.getByRole('radio', { name: 'Provinces' }));
    await waitFor(() => expect(shapes(container)).toHaveLength(75));
    await user.click(shape(container, 'MA-BES'));
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07', 'MA-BES']);
    expect(compareMapLevel(['MA-BES'], new Map(TERRITORIES.map((t) => [t.code, t])))).toBe('province');
    expect(compareMapLevel(['MA-06'], new Map(TERRITORIES.map((t) => [t.code, t])))).toBe('region');
  });

  it('a boundary file that fails shows the error with Retry, and the comparison table keeps working', async () => {
    let fail = true;
    server.use(
      http.get(GEO, () =>
        fail
          ? new HttpResponse('boom', { status: 500 })
          : new HttpResponse(geometryText(), { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<CompareView />);
    await user.click(await screen.findByRole('button', { name: 'Afficher la carte' }));
    const retry = await screen.findByRole('button', { name: /Réessayer/ });
    expect(container.querySelector('.compare-map')?.textContent).toMatch(/limites administratives/);
    expect(screen.getByRole('table', { name: /Casablanca-Settat · Marrakech-Safi/ })).toBeInTheDocument();
    fail = false;
    await user.click(retry);
    await waitFor(() => expect(shapes(container)).toHaveLength(12));
  });
});
