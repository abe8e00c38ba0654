/**
 * "Mes données" in the import dialog (issue 15): the user's datasets listed with name, file, import date and rows;
 * open in the explorer, rename, re-import (the import tab names the dataset it will replace), export as a file,
 * delete after a confirmation, import a dataset file; store failures are alerts in the reader's language; names are
 * text. The store and the dataset-file module are mocked.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserDataError } from '../../src/user-data/errors.ts';
import type { DatasetMeta } from '../../src/user-data/types.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { captureDownloads, datasetMeta, fakeImportClient, openDialog } from './import-harness.tsx';

const fake = vi.hoisted(() => ({ current: null as { client: unknown } | null }));
const store = vi.hoisted(() => ({
  list: [] as DatasetMeta[],
  listDatasets: vi.fn(),
  renameDataset: vi.fn(),
  deleteDataset: vi.fn(),
  exportDatasetFile: vi.fn(),
  importDatasetFile: vi.fn(),
}));

vi.mock('../../src/import/client.ts', () => ({ createImportClient: () => fake.current?.client }));
vi.mock('../../src/user-data/store.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/user-data/store.ts')>()),
  listDatasets: store.listDatasets,
  renameDataset: store.renameDataset,
  deleteDataset: store.deleteDataset,
  saveDataset: vi.fn(),
  replaceDataset: vi.fn(),
  onUserDataChange: () => () => {},
}));
vi.mock('../../src/user-data/file.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/user-data/file.ts')>()),
  exportDatasetFile: store.exportDatasetFile,
  importDatasetFile: store.importDatasetFile,
}));

beforeEach(() => {
  fake.current = fakeImportClient();
  store.list = [
    datasetMeta(),
    datasetMeta({
      id: 'xss',
      name: { fr: '<script>alert(1)</script>', ar: 'مستفيدون' },
      fileName: '=cmd|calc.csv',
      rowCount: 1234,
      importedAt: '2026-11-30T10:00:00.000Z',
    }),
  ];
  store.listDatasets.mockImplementation(async () => store.list);
  store.renameDataset.mockImplementation(async (id: string, name: DatasetMeta['name']) => {
    store.list = store.list.map((d) => (d.id === id ? { ...d, name } : d));
    return store.list.find((d) => d.id === id);
  });
  store.deleteDataset.mockImplementation(async (id: string) => {
    store.list = store.list.filter((d) => d.id !== id);
  });
  store.exportDatasetFile.mockImplementation(async (id: string) => ({
    fileName: `mouchir_${id}.json`,
    blob: new Blob(['{"format":"mouchir-dataset"}'], { type: 'application/json' }),
  }));
});
afterEach(() => {
  vi.restoreAllMocks();
});

function row(dialog: HTMLElement, id: string): HTMLElement {
  const el = dialog.querySelector<HTMLElement>(`tr[data-dataset="${id}"]`);
  if (!el) throw new Error(`no row for ${id}`);
  return el;
}

describe('Mes données', () => {
  it('lists the datasets with name, file, import date and rows; names and file names stay text', async () => {
    const { dialog } = await openDialog('fr', 'datasets');
    expect(dialog).toHaveAccessibleName('Mes données');
    const table = await within(dialog).findByRole('table', { name: 'Vos jeux de données' });
    const first = row(dialog, 'benef25');
    expect(first).toHaveTextContent('Bénéficiaires 2025');
    expect(first).toHaveTextContent('beneficiaires_2025.csv');
    expect(first).toHaveTextContent('5 déc. 2026');
    const second = row(dialog, 'xss');
    expect(within(second).getByText('<script>alert(1)</script>')).toBeVisible();
    expect(second).toHaveTextContent('=cmd|calc.csv');
    expect(second).toHaveTextContent(/1\s?234/);
    expect(table.querySelector('script')).toBeNull();
  });

  it('shows each name in the reader’s language, falling back to a given one', async () => {
    const { dialog } = await openDialog('ar', 'datasets');
    await within(dialog).findByRole('table', { name: 'مجموعات بياناتك' });
    expect(row(dialog, 'xss')).toHaveTextContent('مستفيدون');
    expect(row(dialog, 'benef25')).toHaveTextContent('Bénéficiaires 2025');
  });

  it('opens a dataset in the explorer and closes the dialog', async () => {
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir « Bénéficiaires 2025 » dans l’explorateur' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useViewStore.getState()).toMatchObject({ view: 'explorer', indicator: 'user-benef25' });
  });

  it('renames a dataset in one or more languages', async () => {
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(within(dialog).getByRole('button', { name: 'Renommer « Bénéficiaires 2025 »' }));
    const field = within(row(dialog, 'benef25')).getByLabelText('Nom en français');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Aides 2025');
    await user.type(within(row(dialog, 'benef25')).getByLabelText('Nom en anglais'), 'Aid 2025');
    await user.click(within(row(dialog, 'benef25')).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(store.renameDataset).toHaveBeenCalledWith('benef25', { fr: 'Aides 2025', en: 'Aid 2025' }),
    );
    expect(await within(dialog).findByText('Renommé en « Aides 2025 ».')).toBeVisible();
    await waitFor(() => expect(row(dialog, 'benef25')).toHaveTextContent('Aides 2025'));
  });

  it('deletes only after a confirmation, which can be cancelled', async () => {
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer « Bénéficiaires 2025 »' }));
    expect(within(row(dialog, 'benef25')).getByText(/Supprimer « Bénéficiaires 2025 » de ce navigateur/)).toBeVisible();
    expect(within(row(dialog, 'benef25')).getByRole('button', { name: 'Oui, supprimer' })).toHaveFocus();
    await user.click(within(row(dialog, 'benef25')).getByRole('button', { name: 'Annuler' }));
    expect(store.deleteDataset).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer « Bénéficiaires 2025 »' }));
    await user.click(within(row(dialog, 'benef25')).getByRole('button', { name: 'Oui, supprimer' }));
    await waitFor(() => expect(store.deleteDataset).toHaveBeenCalledWith('benef25'));
    expect(await within(dialog).findByText('« Bénéficiaires 2025 » a été supprimé.')).toBeVisible();
    await waitFor(() => expect(dialog.querySelector('tr[data-dataset="benef25"]')).toBeNull());
    expect(row(dialog, 'xss')).toBeInTheDocument();
  });

  it('a failed delete is an alert in the reader’s language, and the dataset stays', async () => {
    store.deleteDataset.mockRejectedValue(new UserDataError('unavailable', 'SecurityError'));
    const { user, dialog } = await openDialog('en', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(within(dialog).getByRole('button', { name: 'Delete “Bénéficiaires 2025”' }));
    await user.click(within(row(dialog, 'benef25')).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() =>
      expect(dialog.querySelector('[data-datasets-error]')).toHaveTextContent(
        'This browser refuses to keep data (private browsing or blocked storage)',
      ),
    );
    expect(row(dialog, 'benef25')).toBeInTheDocument();
  });

  it('exports a dataset as a file', async () => {
    const files = captureDownloads();
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(
      within(dialog).getByRole('button', {
        name: 'Exporter « Bénéficiaires 2025 » en fichier (pour un autre navigateur)',
      }),
    );
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]?.name).toBe('mouchir_benef25.json');
    expect(await within(dialog).findByText('Fichier enregistré : mouchir_benef25.json')).toBeVisible();
  });

  it('imports a dataset file, and says why one is refused', async () => {
    store.importDatasetFile.mockResolvedValueOnce({
      meta: datasetMeta({ id: 'moved', name: { en: 'Moved' } }),
      replaced: false,
    });
    store.importDatasetFile.mockRejectedValueOnce(new UserDataError('invalid-file', 'not JSON'));
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    const input = within(dialog).getByLabelText('Importer un fichier de jeu de données Mouchir (.json)');
    await user.upload(input, new File(['{}'], 'moved.json', { type: 'application/json' }));
    expect(await within(dialog).findByText('« Moved » a été ajouté à vos données.')).toBeVisible();
    await user.upload(input, new File(['nope'], 'bad.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(dialog.querySelector('[data-datasets-error]')).toHaveTextContent(
        'Ce fichier n’est pas un jeu de données Mouchir lisible : rien n’a été importé.',
      ),
    );
  });

  it('re-import goes to the import tab, names the dataset it replaces and keeps its words', async () => {
    const { user, dialog } = await openDialog('fr', 'datasets');
    await within(dialog).findByRole('table');
    await user.click(
      within(dialog).getByRole('button', {
        name: 'Réimporter « Bénéficiaires 2025 » (remplacer par un nouveau fichier)',
      }),
    );
    expect(within(dialog).getByRole('tab', { name: 'Importer un fichier' })).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByText(/Ce fichier remplacera les données de « Bénéficiaires 2025 »/)).toBeVisible();
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'beneficiaires_2026.csv'));
    expect(await within(dialog).findByLabelText('Nom en français')).toHaveValue('Bénéficiaires 2025');
    expect(within(dialog).getByLabelText('Éditeur (organisme)')).toHaveValue('Conseil régional');
    expect(within(dialog).getByLabelText('Lien (page de la source)')).toHaveValue('https://example.org/suivi');
  });

  it('says when there is no dataset yet, and when storage cannot be read', async () => {
    store.list = [];
    const first = await openDialog('fr', 'datasets');
    expect(await within(first.dialog).findByText('Aucun jeu de données importé dans ce navigateur.')).toBeVisible();
    first.unmount();
    store.listDatasets.mockRejectedValue(new UserDataError('unavailable'));
    const second = await openDialog('fr', 'datasets');
    expect(await within(second.dialog).findByText(/Vos jeux de données n’ont pas pu être lus/)).toHaveTextContent(
      'Vos jeux de données n’ont pas pu être lus : Ce navigateur refuse de conserver des données',
    );
    expect(within(second.dialog).getByText(/Vos jeux de données n’ont pas pu être lus/)).toHaveAttribute(
      'role',
      'alert',
    );
  });
});
