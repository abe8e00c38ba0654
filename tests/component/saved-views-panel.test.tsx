/**
 * The saved-views entry and panel in jsdom (issue 17): the count in the header, saving the view on screen (default
 * name, announced), the user events editor (each field's problem said next to it, then added, listed as the user's,
 * removed), a bad file refused with its message and the list untouched, rename by keyboard, and the export menu's
 * chart refreshing the snapshot of the saved view on screen.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../src/export/ui/export-menu.tsx';
import {
  ensureLoaded,
  importSavedViews,
  renameSavedView,
  resetSavedViewsForTests,
  savedViewsSnapshot,
} from '../../src/saved-views/saved-views-state.ts';
import { closeSavedViews } from '../../src/saved-views/views-db.ts';
import { SavedViewsEntry } from '../../src/saved-views/ui/saved-views-entry.tsx';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { lineModel } from '../unit/export-fixtures.ts';
import { savedView } from '../unit/saved-views-fixtures.ts';

vi.mock('../../src/export/fonts.ts', () => ({ loadExportFonts: async () => [], hasArabic: () => false }));

beforeEach(async () => {
  resetSavedViewsForTests();
  await closeSavedViews();
  globalThis.indexedDB = new IDBFactory();
  useViewStore.getState().replace({ ...DEFAULT_VIEW_STATE, view: 'compare', territories: ['MA-01'] });
});
afterEach(() => {
  resetSavedViewsForTests();
  vi.restoreAllMocks();
});

async function openPanel() {
  const user = userEvent.setup();
  render(<SavedViewsEntry lang="fr" />);
  await user.click(await screen.findByRole('button', { name: 'Vues enregistrées (0)' }));
  const dialog = await screen.findByRole('dialog', { name: 'Vues enregistrées' });
  return { user, dialog };
}

describe('saved views panel', () => {
  it('saves the view on screen under its default name, announced, and counts it in the header', async () => {
    const { user, dialog } = await openPanel();
    const field = within(dialog).getByRole('textbox', { name: 'Nom de la vue' });
    expect(field).toHaveValue('Comparer');
    expect(field).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await within(dialog).findByText('Vue « Comparer » enregistrée.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: 'Vues enregistrées (1)', hidden: true })).toBeInTheDocument();
    const item = within(dialog).getByRole('listitem');
    expect(item).toHaveTextContent('Comparer · enregistrée le');
    expect(item).toHaveTextContent('affichée');
    expect(savedViewsSnapshot().views[0]).toMatchObject({ query: 'view=compare&territories=MA-01', inBriefing: true });
    // B's "Dans le briefing" checkbox sits in each item and speaks through the panel's live region.
    await user.click(within(item).getByRole('checkbox', { name: /^Dans le briefing/ }));
    await waitFor(() => expect(savedViewsSnapshot().views[0]!.inBriefing).toBe(false));
    expect(await within(dialog).findByText(/^Vue « Comparer » retirée du briefing/)).toHaveAttribute('role', 'status');
  });

  it('edits the user events: problems said per field, then added, listed as theirs, removed', async () => {
    await act(() => ensureLoaded());
    await act(() => importSavedViews([savedView({ name: 'AMO', query: 'view=compare&territories=MA-01' })]));
    const user = userEvent.setup();
    render(<SavedViewsEntry lang="fr" />);
    await user.click(await screen.findByRole('button', { name: 'Vues enregistrées (1)' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Mes événements (0)' }));
    const period = within(dialog).getByRole('textbox', { name: /^Période/ });
    const text = within(dialog).getByRole('textbox', { name: 'Ce qui s’est passé' });
    const link = within(dialog).getByRole('textbox', { name: /^Lien/ });
    await user.type(period, '2022-13');
    await user.type(link, 'javascript:alert(1)');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter l’événement' }));
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(period).toHaveAccessibleDescription('Période invalide : écrivez 2023, 2023-Q4 ou 2023-12.');
    expect(text).toHaveAccessibleDescription('Décrivez l’événement.');
    expect(link).toHaveAccessibleDescription('Le lien doit être une adresse complète en http:// ou https://.');
    expect(period).toHaveFocus();
    expect(savedViewsSnapshot().views[0]!.events).toEqual([]);

    await user.clear(period);
    await user.type(period, '2022-12');
    await user.type(text, 'Généralisation de l’AMO');
    await user.clear(link);
    await user.type(link, 'https://www.cnss.ma/');
    await user.click(within(dialog).getByRole('button', { name: 'Ajouter l’événement' }));
    expect(await within(dialog).findByText('Événement ajouté à « AMO ».')).toBeInTheDocument();
    expect(savedViewsSnapshot().views[0]!.events).toMatchObject([
      { period: '2022-12', text: 'Généralisation de l’AMO', link: 'https://www.cnss.ma/' },
    ]);
    const listed = within(dialog).getByText('mon événement').closest('li')!;
    expect(listed).toHaveTextContent('2022-12');
    expect(within(listed).getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(within(dialog).getByRole('button', { name: 'Mes événements (1)' })).toBeInTheDocument();
    await user.click(within(listed).getByRole('button', { name: /^Retirer/ }));
    expect(await within(dialog).findByText('Événement retiré.')).toBeInTheDocument();
    expect(savedViewsSnapshot().views[0]!.events).toEqual([]);
  });

  it('refuses a bad file with its message and leaves the list untouched', async () => {
    await act(() => ensureLoaded());
    await act(() => importSavedViews([savedView({ name: 'Gardée' })]));
    const user = userEvent.setup();
    render(<SavedViewsEntry lang="fr" />);
    await user.click(await screen.findByRole('button', { name: 'Vues enregistrées (1)' }));
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['{"format":"mouchir-saved-views",'], 'cut.json')] } });
    const alert = await within(dialog).findByText(/n’est pas du JSON lisible/);
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Rien n’a été importé.');
    expect(savedViewsSnapshot().views.map((v) => v.name)).toEqual(['Gardée']);
  });

  it('renames by keyboard; Escape in the field leaves the rename, not the panel', async () => {
    await act(() => ensureLoaded());
    await act(() => importSavedViews([savedView({ name: 'Avant' })]));
    const user = userEvent.setup();
    render(<SavedViewsEntry lang="fr" />);
    await user.click(await screen.findByRole('button', { name: 'Vues enregistrées (1)' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Renommer' }));
    const field = within(dialog).getByRole('textbox', { name: 'Nouveau nom de « Avant »' });
    expect(field).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(dialog).queryByRole('textbox', { name: /Nouveau nom/ })).not.toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Renommer' }));
    await user.keyboard('{Control>}a{/Control}Après{Enter}');
    expect(await within(dialog).findByText('Vue renommée « Après ».')).toBeInTheDocument();
    expect(savedViewsSnapshot().views[0]!.name).toBe('Après');
  });
});

describe('chart snapshot', () => {
  it('a saved view on screen keeps the chart the export menu draws', async () => {
    await act(() => ensureLoaded());
    useViewStore.getState().replace({ ...DEFAULT_VIEW_STATE, view: 'explorer', territories: ['MA-01'] });
    await act(() => importSavedViews([savedView({ query: 'view=explorer&territories=MA-01&lang=ar' })]));
    expect(savedViewsSnapshot().views[0]!.model).toBeUndefined();
    const { rerender } = render(<ExportMenu model={lineModel()} />);
    await waitFor(() => expect(savedViewsSnapshot().views[0]!.model?.title).toBe(lineModel().title));
    rerender(<ExportMenu model={lineModel({ title: 'Nouveau titre' })} />);
    await waitFor(() => expect(savedViewsSnapshot().views[0]!.model?.title).toBe('Nouveau titre'));
    // Another view's chart leaves it alone.
    act(() => useViewStore.getState().set({ view: 'compare' }));
    rerender(<ExportMenu model={lineModel({ title: 'Autre vue' })} />);
    // Writes run in order: once a later write is done, any snapshot write queued before it is done too.
    await act(() => renameSavedView(savedViewsSnapshot().views[0]!.id, 'Plus tard'));
    expect(savedViewsSnapshot().views[0]).toMatchObject({ name: 'Plus tard', model: { title: 'Nouveau titre' } });
  });
});
