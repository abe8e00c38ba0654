/**
 * The briefing's actions (issue 17 item 1) with the saved views given by a stubbed `useSavedViews`: the count of
 * views in the briefing, the presentation of them in order (a chart slide with the saved name, a title slide for a
 * compare view with its selection and an "Ouvrir la vue" link, never blank), focus back on the button after Escape;
 * nothing to present when no view is in the briefing.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedViewsState } from '../../src/saved-views/use-saved-views.ts';
import type { SavedView } from '../../src/saved-views/types.ts';
import { lineModel } from '../unit/export-fixtures.ts';

vi.mock('../../src/export/fonts.ts', () => ({ loadExportFonts: async () => [], hasArabic: () => false }));

let state: SavedViewsState = { status: 'ready', views: [] };
vi.mock('../../src/saved-views/use-saved-views.ts', () => ({
  useSavedViews: () => state,
  failureText: (kind: string) => `failure: ${kind}`,
}));
const openSavedView = vi.fn();
const setInBriefing = vi.fn();
vi.mock('../../src/saved-views/saved-views-state.ts', () => ({
  openSavedView: (id: string) => openSavedView(id),
  setInBriefing: (id: string, on: boolean) => setInBriefing(id, on),
}));

const { BriefingActions } = await import('../../src/saved-views/ui/briefing-actions.tsx');
const { BriefingToggle } = await import('../../src/saved-views/ui/briefing-toggle.tsx');

function view(id: string, overrides: Partial<SavedView> = {}): SavedView {
  return {
    id,
    name: `Vue ${id}`,
    query: 'view=compare&territories=MA-01,MA-04&lang=fr',
    createdAt: '2026-12-05T08:00:00.000Z',
    updatedAt: '2026-12-05T08:00:00.000Z',
    inBriefing: true,
    events: [],
    ...overrides,
  };
}

beforeEach(() => {
  state = { status: 'ready', views: [] };
  openSavedView.mockReset();
  setInBriefing.mockReset();
});

describe('BriefingActions', () => {
  it('plays the views in the briefing in order: chart with its saved name, then a title slide', async () => {
    const user = userEvent.setup();
    state = {
      status: 'ready',
      views: [
        view('a', { name: 'Population de deux régions', query: 'view=explorer&lang=fr', model: lineModel() }),
        view('b', { name: 'Hors briefing', inBriefing: false, model: lineModel() }),
        view('c', { name: 'Tanger face à l’Oriental' }),
      ],
    };
    render(<BriefingActions lang="fr" />);
    const present = screen.getByRole('button', { name: 'Présenter le briefing (2)' });
    await user.click(present);
    const dialog = await screen.findByRole('dialog', { name: 'Mode présentation' });
    expect(dialog).toBeInTheDocument();
    expect(
      screen.getByText('Diapositive 1 sur 2 : Population de deux régions — Population légale'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('img')).toHaveAccessibleName(/^Population légale\./);

    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Diapositive 2 sur 2 : Tanger face à l’Oriental')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Tanger face à l’Oriental' })).toBeInTheDocument();
    expect(screen.getByText('Vue : Comparer')).toBeInTheDocument();
    expect(screen.getByText('Territoires : MA-01, MA-04')).toBeInTheDocument();
    const open = screen.getByRole('link', { name: 'Ouvrir la vue' });
    expect(new URL(open.getAttribute('href') ?? '').search).toBe('?view=compare&territories=MA-01,MA-04&lang=fr');
    expect(screen.queryByRole('img')).toBeNull();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(present).toHaveFocus());
  });

  it('opens the saved view in the app from its title slide, leaving the presentation', async () => {
    const user = userEvent.setup();
    state = { status: 'ready', views: [view('c', { name: 'Tanger face à l’Oriental' })] };
    render(<BriefingActions lang="fr" />);
    await user.click(screen.getByRole('button', { name: 'Présenter le briefing (1)' }));
    await user.click(await screen.findByRole('link', { name: 'Ouvrir la vue' }));
    expect(openSavedView).toHaveBeenCalledWith('c');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('prints one document, a page per view, then calls the browser’s print', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    state = {
      status: 'ready',
      views: [view('a', { name: 'Population', model: lineModel() }), view('c', { name: 'Tanger face à l’Oriental' })],
    };
    render(<BriefingActions lang="fr" />);
    await user.click(screen.getByRole('button', { name: 'Exporter le briefing (PDF)' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const doc = document.querySelector('.briefing-print');
    expect(doc?.getAttribute('data-briefing-print')).toBe('ready');
    expect(doc?.parentElement).toBe(document.body);
    expect(document.documentElement).toHaveClass('briefing-printing');
    const pages = [...document.querySelectorAll('.briefing-print__page')];
    expect(pages.map((p) => p.querySelector('h2')?.textContent)).toEqual(['Population', 'Tanger face à l’Oriental']);
    expect(pages[0]?.querySelector('img.briefing-print__image')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(pages[0]?.textContent).toContain('Statut : Officiel');
    expect(pages[0]?.textContent).toContain('Source : HCP');
    expect(pages[1]?.textContent).toContain('Vue : Comparer');
    expect(screen.getByRole('status')).toHaveTextContent('Briefing prêt à imprimer (2 pages)');
    // After the print, the page is the page again.
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(document.querySelector('.briefing-print')).toBeNull());
    expect(document.documentElement).not.toHaveClass('briefing-printing');
    print.mockRestore();
  });

  it('offers nothing to present or export when no view is in the briefing, and says why', () => {
    state = { status: 'ready', views: [view('a', { inBriefing: false })] };
    render(<BriefingActions lang="en" />);
    expect(screen.getByRole('button', { name: 'Present the briefing (0)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Export the briefing (PowerPoint)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Export the briefing (PDF)' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('No view in the briefing');
  });

  it('speaks Arabic, right to left, in the title slides', async () => {
    const user = userEvent.setup();
    state = { status: 'ready', views: [view('c', { name: 'مقارنة', query: 'view=projects&lang=ar' })] };
    render(<BriefingActions lang="ar" />);
    await user.click(screen.getByRole('button', { name: 'تقديم الإحاطة (1)' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('العرض: المشاريع')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'فتح العرض' })).toBeInTheDocument();
  });
});

describe('BriefingToggle', () => {
  it('puts a view in or out of the briefing and says so; a refused write says why', async () => {
    const user = userEvent.setup();
    const onMessage = vi.fn();
    let done: (r: { ok: true }) => void = () => undefined;
    setInBriefing.mockReturnValue(new Promise((resolve) => (done = resolve)));
    const { rerender } = render(
      <BriefingToggle view={view('a', { name: 'Ménages' })} lang="fr" onMessage={onMessage} />,
    );
    const box = screen.getByRole('checkbox', { name: /^Dans le briefing ?: Ménages$/ });
    expect(box).toBeChecked();
    await user.click(box);
    expect(setInBriefing).toHaveBeenCalledWith('a', false);
    // The choice shows at once, while it is written, and the box keeps the focus.
    expect(box).not.toBeChecked();
    expect(box).toHaveFocus();
    done({ ok: true });
    await waitFor(() =>
      expect(onMessage).toHaveBeenCalledWith({
        kind: 'ok',
        text: 'Vue « Ménages » retirée du briefing (elle reste enregistrée).',
      }),
    );
    rerender(
      <BriefingToggle view={view('a', { name: 'Ménages', inBriefing: false })} lang="fr" onMessage={onMessage} />,
    );
    setInBriefing.mockResolvedValue({ ok: false, kind: 'quota' });
    await user.click(screen.getByRole('checkbox', { name: /^Dans le briefing ?: Ménages$/ }));
    expect(setInBriefing).toHaveBeenLastCalledWith('a', true);
    await waitFor(() => expect(onMessage).toHaveBeenLastCalledWith({ kind: 'error', text: 'failure: quota' }));
    // Refused: the stored value is shown again.
    expect(screen.getByRole('checkbox', { name: /^Dans le briefing ?: Ménages$/ })).not.toBeChecked();
  });
});
