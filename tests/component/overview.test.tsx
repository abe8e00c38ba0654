import { beforeEach, describe, expect, it } from 'vitest';
import { configure, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../src/mocks/node.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { OverviewView } from '../../src/features/overview/overview-view.tsx';
import { fixtureHandlers, renderWithClient, resetViewStore } from './overview-fixtures.tsx';

// Intl output uses narrow no-break spaces in French ("88 %"): compare with spaces normalised.
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function card(name: RegExp) {
  const link = await screen.findByRole('link', { name });
  const article = link.closest('article');
  if (!article) throw new Error('card without article');
  return article;
}

// The CPU is shared with other suites: give queries more than the default second to settle.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  server.use(...fixtureHandlers());
  resetViewStore();
});

describe('OverviewView', () => {
  it('shows one card per headline indicator, in headline order, as articles with headings', async () => {
    renderWithClient(<OverviewView />);
    expect(screen.getByRole('heading', { level: 1, name: 'Vue d’ensemble' })).toBeInTheDocument();
    await screen.findByRole('link', { name: /Couverture AMO/ });
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles.slice(0, 3)).toEqual(['Couverture AMO', 'Taux de chômage', 'Accès à internet (démo)']);
    expect(screen.getAllByRole('article')).toHaveLength(3);
  });

  it('reads a KPI: value, period, change with words, target status and its source', async () => {
    renderWithClient(<OverviewView />);
    const amo = await card(/Couverture AMO/);
    await waitFor(() => expect(norm(within(amo).getByText(/^88/).textContent)).toBe('88 %'));
    const text = norm(amo.textContent);
    expect(text).toContain('Période : 2025');
    // 67.1 → 88: +20.9 points, +31.1 %; higher is better → improvement, said in words next to the arrow.
    expect(text).toContain('En hausse : +20,9 pts (+31,1 %) par rapport à 2024 — amélioration');
    expect(text).toContain('Objectif 2030 : 100 %');
    expect(within(amo).getByText('En bonne voie')).toBeInTheDocument();
    expect(within(amo).getByRole('link', { name: /Chef du gouvernement/ })).toHaveAttribute(
      'href',
      'https://www.cg.gov.ma/',
    );
    expect(within(amo).getByText('Officiel')).toBeInTheDocument();
    const spark = within(amo).getByRole('img');
    expect(norm(spark.getAttribute('aria-label'))).toBe('Évolution de 42 % (2021) à 88 % (2025), 3 périodes');
  });

  it('says when a change is a deterioration (lower is better)', async () => {
    renderWithClient(<OverviewView />);
    const unemployment = await card(/Taux de chômage/);
    await waitFor(() => expect(norm(unemployment.textContent)).toContain('21,3 %'));
    expect(norm(unemployment.textContent)).toContain('En hausse : +5,1 pts (+31,5 %) par rapport à 2014 — dégradation');
  });

  it('badges illustrative cards', async () => {
    renderWithClient(<OverviewView />);
    const demo = await card(/Accès à internet/);
    await waitFor(() => expect(norm(demo.textContent)).toContain('84 %'));
    expect(demo).toHaveAttribute('data-status', 'illustrative');
    expect(within(demo).getByText(/Illustratif — ne pas citer/)).toBeInTheDocument();
  });

  it('for a territory without data, says so and offers the national figure', async () => {
    resetViewStore({ territories: ['MA-BES'] });
    const user = userEvent.setup();
    renderWithClient(<OverviewView />);
    const amo = await card(/Couverture AMO/);
    expect(await within(amo).findByText('Pas de donnée publiée pour Benslimane.')).toBeInTheDocument();
    await user.click(within(amo).getByRole('button', { name: 'Afficher le chiffre national' }));
    expect(norm(amo.textContent)).toContain('88 %');
    expect(norm(amo.textContent)).toContain('Chiffre national (Maroc), faute de donnée pour Benslimane.');
    // The province's own figure still shows where it exists.
    const unemployment = await card(/Taux de chômage/);
    await waitFor(() => expect(norm(unemployment.textContent)).toContain('17,5 %'));
  });

  it('changes territory with the labelled picker (limited to one)', async () => {
    const user = userEvent.setup();
    renderWithClient(<OverviewView />);
    const picker = await screen.findByLabelText('Territoire affiché');
    expect(picker).toHaveValue('MA');
    await user.selectOptions(picker, 'MA-06');
    expect(useViewStore.getState().territories).toEqual(['MA-06']);
  });

  it('opens the indicator in the explorer when a card is clicked', async () => {
    resetViewStore({ territories: ['MA-06'] });
    const user = userEvent.setup();
    renderWithClient(<OverviewView />);
    const link = await screen.findByRole('link', { name: /Taux de chômage/ });
    expect(link.getAttribute('href')).toContain('view=explorer');
    await user.click(link);
    const s = useViewStore.getState();
    expect([s.view, s.indicator, s.territories]).toEqual(['explorer', 'unemployment', ['MA-06']]);
  });

  it('shows unverified claims as quotes with their source, never as figures', async () => {
    renderWithClient(<OverviewView />);
    const heading = await screen.findByRole('heading', { name: 'Déclarations non vérifiées' });
    const section = heading.closest('section');
    if (!section) throw new Error('no claims section');
    expect(
      within(section).getByText('Tous les Marocains sont désormais couverts.').closest('blockquote'),
    ).not.toBeNull();
    expect(within(section).getByText('Non vérifié')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: /Mouchir \(démonstration\)/ })).toBeInTheDocument();
  });

  it('one failing card shows its own error and retry; the others stay', async () => {
    let failures = 1;
    server.use(
      http.get('*/api/v1/observations', ({ request }) => {
        if (new URL(request.url).searchParams.get('indicator') === 'unemployment' && failures > 0) {
          failures -= 1;
          return new HttpResponse('{"data": [', { status: 200, headers: { 'Content-Type': 'application/json' } });
        }
        return undefined;
      }),
    );
    const user = userEvent.setup();
    renderWithClient(<OverviewView />);
    const unemployment = await card(/Taux de chômage/);
    const alert = await within(unemployment).findByRole('alert');
    expect(alert.textContent).toContain('Impossible de charger « observations : Taux de chômage ».');
    const amo = await card(/Couverture AMO/);
    await waitFor(() => expect(norm(amo.textContent)).toContain('88 %'));
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(norm(unemployment.textContent)).toContain('21,3 %'));
    expect(within(unemployment).queryByRole('alert')).toBeNull();
  });

  it('a failed refresh of a card keeps its figure, marked stale', async () => {
    const { client } = renderWithClient(<OverviewView />);
    const amo = await card(/Couverture AMO/);
    await waitFor(() => expect(norm(amo.textContent)).toContain('88 %'));
    server.use(
      http.get(
        '*/api/v1/observations',
        () => new HttpResponse('{"da', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    await client.refetchQueries({ queryKey: ['observations'] });
    const alert = await within(amo).findByRole('alert');
    expect(alert).toHaveAttribute('data-stale', 'true');
    expect(alert.textContent).toContain('Impossible de charger « observations : Couverture AMO ».');
    expect(alert.textContent).toMatch(/Données affichées du \d/);
    expect(norm(amo.textContent)).toContain('88 %');
  });

  it('a failing catalogue shows an alert naming it', async () => {
    server.use(http.get('*/api/v1/indicators', () => HttpResponse.json({ data: [{ id: 42 }] })));
    renderWithClient(<OverviewView />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('catalogue des indicateurs');
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });

  it('speaks Arabic with Latin digits', async () => {
    resetViewStore({ lang: 'ar' });
    renderWithClient(<OverviewView />);
    expect(screen.getByRole('heading', { level: 1, name: 'نظرة عامة' })).toBeInTheDocument();
    const amo = await card(/التغطية الصحية الإجبارية/);
    await waitFor(() => expect(amo.textContent).toMatch(/88/));
    expect(within(amo).getByText('على المسار الصحيح')).toBeInTheDocument();
    expect(amo.textContent).not.toMatch(/[٠-٩]/);
  });
});
