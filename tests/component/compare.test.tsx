import { beforeEach, describe, expect, it } from 'vitest';
import { configure, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../src/mocks/node.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { CompareView } from '../../src/features/compare/compare-view.tsx';
import { fixtureHandlers, renderWithClient, resetViewStore } from './overview-fixtures.tsx';

const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function row(indicator: string) {
  const table = await screen.findByRole('table');
  await waitFor(() =>
    expect(table.querySelector(`tr[data-indicator="${indicator}"] td[data-territory]`)).not.toBeNull(),
  );
  const tr = table.querySelector(`tr[data-indicator="${indicator}"]`);
  if (!(tr instanceof HTMLElement)) throw new Error(`no row ${indicator}`);
  return tr;
}

function cell(tr: HTMLElement, territory: string): string {
  return norm(tr.querySelector(`td[data-territory="${territory}"]`)?.textContent);
}

// The CPU is shared with other suites: give queries more than the default second to settle.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  server.use(...fixtureHandlers());
  resetViewStore({ view: 'compare' });
});

describe('CompareView', () => {
  it('compares Casablanca-Settat and Marrakech-Safi by default on the census indicators', async () => {
    renderWithClient(<CompareView />);
    const table = await screen.findByRole('table', { name: /Casablanca-Settat · Marrakech-Safi/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => norm(h.textContent));
    expect(headers).toEqual(['Indicateur', 'Période', 'Casablanca-Settat (référence)', 'Marrakech-Safi']);
    // Only census indicators are rows: the AMO series and the illustrative one are not.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.querySelector('span')?.textContent),
    ).toEqual(['Taux de chômage', 'Taux d’analphabétisme']);
  });

  it('shows values, the gap (absolute and relative) and who is better placed, in words', async () => {
    renderWithClient(<CompareView />);
    const tr = await row('unemployment');
    expect(cell(tr, 'MA-06')).toBe('18,8 %');
    // 20.8 − 18.8 = +2 pts, +10.6 % of 18.8; lower is better → Casablanca-Settat.
    expect(cell(tr, 'MA-07')).toBe('20,8 %Écart : +2 pts (+10,6 %)Mieux placé : Casablanca-Settat');
    expect(norm(tr.textContent)).toContain('plus bas = mieux');
    expect(norm(tr.textContent)).toContain('2024');
  });

  it('suggests peers by population and by value, added in one click', async () => {
    const user = userEvent.setup();
    renderWithClient(<CompareView />);
    const section = (await screen.findByRole('heading', { name: 'Territoires comparables suggérés' })).closest(
      'section',
    );
    if (!section) throw new Error('no peers section');
    // Casablanca-Settat 7.69 M: Rabat-Salé-Kénitra 5.13 M, Fès-Meknès 4.47 M, Tanger-Tétouan-Al Hoceima 4.03 M.
    const byPop = within(section)
      .getAllByRole('button')
      .filter((b) => b.closest('ul') === section.querySelector('ul'))
      .map((b) => b.getAttribute('data-peer'));
    expect(byPop).toEqual(['MA-04', 'MA-03', 'MA-01']);
    // Unemployment 18.8: Tanger 19.6 (0.8), Rabat 19.8 (1.0), Fès 23.3 (4.5); Marrakech is already compared.
    await waitFor(() => expect(section.querySelectorAll('ul')[1]?.querySelectorAll('button')).toHaveLength(3));
    const byValue = [...(section.querySelectorAll('ul')[1]?.querySelectorAll('button') ?? [])].map((b) =>
      b.getAttribute('data-peer'),
    );
    expect(byValue).toEqual(['MA-01', 'MA-04', 'MA-03']);
    await user.click(within(section).getAllByRole('button', { name: /Ajouter Rabat-Salé-Kénitra/ })[0] as HTMLElement);
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07', 'MA-04']);
  });

  it('changes the indicator used for value peers', async () => {
    const user = userEvent.setup();
    renderWithClient(<CompareView />);
    await user.selectOptions(await screen.findByLabelText('Indicateur pour les pairs'), 'illiteracy');
    expect(useViewStore.getState().indicator).toBe('illiteracy');
  });

  it('adds with the labelled picker and removes with a labelled button', async () => {
    const user = userEvent.setup();
    resetViewStore({ view: 'compare', territories: ['MA-06', 'MA-07'] });
    renderWithClient(<CompareView />);
    await user.selectOptions(await screen.findByLabelText('Ajouter un territoire'), 'MA-BES');
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-07', 'MA-BES']);
    await user.click(screen.getByRole('button', { name: 'Retirer Marrakech-Safi' }));
    expect(useViewStore.getState().territories).toEqual(['MA-06', 'MA-BES']);
  });

  it('shows "not published" rather than a number when a territory has no value', async () => {
    resetViewStore({ view: 'compare', territories: ['MA-06', 'MA-BES'] });
    renderWithClient(<CompareView />);
    const tr = await row('illiteracy');
    expect(cell(tr, 'MA-BES')).toBe('non publié pour 2024');
  });

  it('one failing row shows its own alert and retry; the other rows stay', async () => {
    server.use(
      http.get('*/api/v1/observations', ({ request }) =>
        new URL(request.url).searchParams.get('indicator') === 'illiteracy'
          ? HttpResponse.json({ data: [{ indicator: 'illiteracy', value: 'x' }] })
          : undefined,
      ),
    );
    renderWithClient(<CompareView />);
    const tr = await row('unemployment');
    expect(cell(tr, 'MA-06')).toBe('18,8 %');
    const table = screen.getByRole('table');
    const bad = table.querySelector('tr[data-indicator="illiteracy"]') as HTMLElement;
    const alert = await within(bad).findByRole('alert');
    expect(alert.textContent).toContain('observations : Taux d’analphabétisme');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});
