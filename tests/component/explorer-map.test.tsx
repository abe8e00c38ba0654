/**
 * The explorer's map tab (issue 13) against the mock API and the real boundary file: the boundaries are fetched
 * only once the tab is shown; the province map with the region selected, the level switch, opening a region and
 * the way back (all in the view state, so in the URL); a click toggles the same selection as the chart; a
 * boundary file that fails shows the panel's error with Retry while the chart keeps working; a territory without
 * a boundary is listed under the map with its reason.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../src/mocks/node.ts';
import { serializeViewUrl } from '../../src/state/view-state.ts';
import { selectViewState, useViewStore } from '../../src/state/view-store.ts';
import { geometryText } from '../geo-handler.ts';
import { renderExplorer, start } from './explorer-harness.tsx';

const GEO = '*/geo/morocco-provinces.topo.json';

/** Requests for the boundary file seen by the mock server. */
function watchGeometryRequests(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/geo/')) seen.push(request.url);
  });
  return seen;
}

const mapShapes = (container: HTMLElement) =>
  container.querySelectorAll<SVGPathElement>('.choropleth path[role="button"]');

beforeEach(() => {
  server.events.removeAllListeners();
  start({});
});

describe('explorer map tab', () => {
  it('fetches the boundaries only when the map is shown, then draws the 12 regions', async () => {
    const requests = watchGeometryRequests();
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    const { container } = renderExplorer();
    expect(
      (await screen.findAllByRole('figure', { name: /Taux de chômage/ }, { timeout: 8000 })).length,
    ).toBeGreaterThan(0);
    expect(requests).toEqual([]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Carte' }));
    await waitFor(() => expect(mapShapes(container)).toHaveLength(12), { timeout: 8000 });
    expect(requests).toHaveLength(1);
    expect(screen.getByRole('figure', { name: /Taux de chômage — régions, 2024/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Régions' })).toBeChecked();
  });

  it('province level with Casablanca-Settat selected; a click on Benslimane adds it to the selection', async () => {
    start({ indicator: 'unemployment-rate', territories: ['MA-06'], tab: 'map', mapLevel: 'province' });
    const { container } = renderExplorer();
    await waitFor(() => expect(mapShapes(container)).toHaveLength(75), { timeout: 8000 });
    expect(screen.getByRole('radio', { name: 'Provinces' })).toBeChecked();
    const bes = container.querySelector('path[role="button"][data-code="MA-BES"]') as SVGPathElement;
    expect(bes.getAttribute('aria-label')).toMatch(/^Benslimane : .+ \(2024\)$/);
    expect(bes).toHaveAttribute('aria-pressed', 'false');
    const user = userEvent.setup();
    await user.click(bes);
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-BES']);
    await waitFor(() =>
      expect(container.querySelector('path[role="button"][data-code="MA-BES"]')).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    // The attribution of the boundaries is under the map.
    expect(screen.getByRole('link', { name: 'openstreetmap.org/copyright' })).toBeInTheDocument();
  });

  it('the level switch, opening a region and the way back are in the view state (and so the URL)', async () => {
    start({ indicator: 'unemployment-rate', territories: ['MA-06'], tab: 'map' });
    const { container } = renderExplorer();
    await waitFor(() => expect(mapShapes(container)).toHaveLength(12), { timeout: 8000 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Provinces' }));
    expect(useViewStore.getState().mapLevel).toBe('province');
    await waitFor(() => expect(mapShapes(container)).toHaveLength(75));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voir les provinces de' }), 'MA-06');
    expect(useViewStore.getState().mapRegion).toBe('MA-06');
    expect(serializeViewUrl(selectViewState(useViewStore.getState()))).toContain('level=province&region=MA-06');
    await waitFor(() => expect(mapShapes(container)).toHaveLength(9));
    expect(screen.getByRole('figure', { name: /provinces de Casablanca-Settat/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Toutes les provinces' }));
    expect(useViewStore.getState().mapRegion).toBeNull();
    await waitFor(() => expect(mapShapes(container)).toHaveLength(75));
  });

  it('a boundary file that fails shows the error with Retry; the chart keeps working; Retry draws the map', async () => {
    let fail = true;
    server.use(
      http.get(GEO, () =>
        fail
          ? new HttpResponse('nope', { status: 503 })
          : new HttpResponse(geometryText(), { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    start({ indicator: 'unemployment-rate', territories: ['MA-06'], tab: 'map' });
    const { container } = renderExplorer();
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert.textContent).toMatch(/limites administratives/);
    // The chart tab does not need the file.
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Graphique' }));
    expect((await screen.findAllByRole('figure', { name: /Taux de chômage/ })).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('tab', { name: 'Carte' }));
    const retry = await screen.findByRole('button', { name: 'Réessayer' }, { timeout: 8000 });
    fail = false;
    await user.click(retry);
    await waitFor(() => expect(mapShapes(container)).toHaveLength(12), { timeout: 8000 });
  });

  it('a territory with data but no boundary is listed under the map with its reason, never dropped', async () => {
    const topo = JSON.parse(geometryText()) as {
      objects: { provinces: { geometries: { id: string }[] } };
    };
    topo.objects.provinces.geometries = topo.objects.provinces.geometries.filter((g) => g.id !== 'MA-BES');
    server.use(http.get(GEO, () => HttpResponse.json(topo)));
    start({ indicator: 'unemployment-rate', territories: ['MA-06'], tab: 'map', mapLevel: 'province' });
    const { container } = renderExplorer();
    await waitFor(() => expect(mapShapes(container)).toHaveLength(74), { timeout: 8000 });
    const listed = container.querySelector('[data-map-unmatched="withoutBoundary"]') as HTMLElement;
    expect(listed).not.toBeNull();
    expect(within(listed).getByText(/^Benslimane : pas de limite/)).toBeInTheDocument();
  });
});
