import { beforeEach, describe, expect, it } from 'vitest';
import { configure, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { server } from '../../src/mocks/node.ts';
import { setMockSpec } from '../../src/mocks/faults.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { ProjectsView } from '../../src/features/projects/projects-view.tsx';
import { fixtureHandlers, renderWithClient, resetViewStore } from './overview-fixtures.tsx';

const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const TODAY = new Date('2026-11-26T00:00:00Z');

async function projectCard(title: string) {
  const heading = await screen.findByRole('heading', { level: 2, name: title });
  const article = heading.closest('article');
  if (!article) throw new Error('no article');
  return article;
}

// The CPU is shared with other suites: give queries more than the default second to settle.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  server.use(...fixtureHandlers());
  resetViewStore({ view: 'projects' });
});

describe('ProjectsView', () => {
  it('opens the Benslimane projects from the URL selection', async () => {
    resetViewStore({ view: 'projects', territories: ['MA-BES'] });
    renderWithClient(<ProjectsView today={TODAY} />);
    expect(await screen.findByText('2 projets affichés sur 4')).toBeInTheDocument();
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Grand Stade Hassan II', 'Benslimane, laboratoire territoire intelligent']);
    expect(screen.getByLabelText('Territoire')).toHaveValue('MA-BES');
  });

  it('shows capacity, budget, "not published" progress, milestones and the source of a stadium', async () => {
    renderWithClient(<ProjectsView today={TODAY} />);
    const stadium = await projectCard('Grand Stade Hassan II');
    const text = norm(stadium.textContent);
    // French groups thousands with a narrow no-break space (as HCP's French publications), never a dot.
    expect(stadium.textContent).toContain('115\u202f000 places');
    expect(text).toMatch(/500 M\s?€/);
    expect(text).toContain('Avancementnon publié');
    expect(within(stadium).queryByRole('progressbar')).toBeNull();
    expect(text).toContain('Début des travaux (fait)');
    expect(text).toContain('Livraison (à venir)');
    expect(text).toContain('En cours');
    expect(within(stadium).getByRole('link', { name: /Maroc Hebdo/ })).toHaveAttribute(
      'href',
      'https://www.maroc-hebdo.press.ma/',
    );
  });

  it('gives progress as a progressbar with aria values, and marks illustrative projects', async () => {
    renderWithClient(<ProjectsView today={TODAY} />);
    const lab = await projectCard('Benslimane, laboratoire territoire intelligent');
    const bar = within(lab).getByRole('progressbar', {
      name: 'Avancement de Benslimane, laboratoire territoire intelligent',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '20');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(lab).toHaveAttribute('data-status', 'illustrative');
    expect(within(lab).getByText(/Illustratif — ne pas citer/)).toBeInTheDocument();
    expect(within(lab).getByText(/valeurs de démonstration/)).toBeInTheDocument();
  });

  it('links to the indicators a project should move, for its territory', async () => {
    const user = userEvent.setup();
    renderWithClient(<ProjectsView today={TODAY} />);
    const stadium = await projectCard('Grand Stade Hassan II');
    const link = await within(stadium).findByRole('link', {
      name: 'Ouvrir Taux de chômage pour Benslimane dans l’explorateur',
    });
    expect(link.getAttribute('href')).toContain('indicator=unemployment');
    await user.click(link);
    const s = useViewStore.getState();
    expect([s.view, s.indicator, s.territories]).toEqual(['explorer', 'unemployment', ['MA-BES']]);
  });

  it('filters by status through the store (URL "status")', async () => {
    const user = userEvent.setup();
    renderWithClient(<ProjectsView today={TODAY} />);
    await user.selectOptions(await screen.findByLabelText('Statut du projet'), 'planned');
    expect(useViewStore.getState().projectStatus).toBe('planned');
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
        'Programme numérique de Casablanca',
        'Grand Stade de Marrakech',
      ]),
    );
  });

  it('a region shows the projects of its provinces', async () => {
    resetViewStore({ view: 'projects', territories: ['MA-06'] });
    renderWithClient(<ProjectsView today={TODAY} />);
    expect(await screen.findByText('3 projets affichés sur 4')).toBeInTheDocument();
  });

  it('draws a timeline: bars for dated projects, milestone marks and a today line', async () => {
    renderWithClient(<ProjectsView today={TODAY} />);
    const figure = (await screen.findByText(/Calendrier des projets, 2024–2029/)).closest('figure');
    if (!figure) throw new Error('no timeline');
    expect(figure.querySelectorAll('.mv-timeline__bar')).toHaveLength(3);
    expect(figure.querySelectorAll('.mv-timeline__milestone')).toHaveLength(2);
    expect(figure.querySelectorAll('[data-today="true"]')).toHaveLength(1);
    // The undated project says so in the row summary instead of drawing a bar.
    expect(norm(figure.textContent)).toContain('Grand Stade de Marrakech : dates non publiées, Planifié');
    // The legend names the illustrative status in the same words as the badges.
    expect(within(figure).getByText('hachures : Illustratif — ne pas citer')).toBeInTheDocument();
  });

  it('empty state with a way out', async () => {
    const user = userEvent.setup();
    resetViewStore({ view: 'projects', territories: ['MA-BES'], projectStatus: 'completed' });
    renderWithClient(<ProjectsView today={TODAY} />);
    expect(await screen.findByText('Aucun projet ne correspond à ces filtres.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(useViewStore.getState().territories).toEqual([]);
    expect(useViewStore.getState().projectStatus).toBeNull();
  });

  it('an error names the dataset and offers a retry', async () => {
    setMockSpec('malformed:projects');
    const user = userEvent.setup();
    renderWithClient(<ProjectsView today={TODAY} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Impossible de charger « projets ».');
    // What happened, in French: not the client's English technical message ("the response is not valid JSON").
    expect(alert.textContent).toContain('réponse illisible (JSON mal formé)');
    expect(alert.textContent).not.toMatch(/the response is not valid JSON/);
    setMockSpec('');
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Grand Stade Hassan II' })).toBeInTheDocument();
  });

  it('a failed refresh keeps the last good list, marked stale with its time, and a retry', async () => {
    const user = userEvent.setup();
    const { client } = renderWithClient(<ProjectsView today={TODAY} />);
    await projectCard('Grand Stade Hassan II');
    setMockSpec('malformed:projects');
    await client.refetchQueries({ queryKey: ['projects'] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-stale', 'true');
    expect(alert.textContent).toMatch(/Impossible de charger « projets »\..* · Données affichées du \d/);
    expect(alert.textContent).toContain('réponse illisible (JSON mal formé)');
    expect(screen.getByRole('heading', { level: 2, name: 'Grand Stade Hassan II' })).toBeInTheDocument();
    setMockSpec('');
    await user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('heading', { level: 2, name: 'Grand Stade Hassan II' })).toBeInTheDocument();
  });

  it('speaks Arabic', async () => {
    resetViewStore({ view: 'projects', lang: 'ar', territories: ['MA-BES'] });
    renderWithClient(<ProjectsView today={TODAY} />);
    expect(screen.getByRole('heading', { level: 1, name: 'المشاريع' })).toBeInTheDocument();
    const stadium = await projectCard('الملعب الكبير الحسن الثاني');
    expect(norm(stadium.textContent)).toContain('115.000 مقعد');
  });
});
