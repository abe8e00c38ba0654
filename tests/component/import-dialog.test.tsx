/**
 * The import dialog, step by step (issue 15): the entry opens a modal dialog that says the data stays in this
 * browser and closes on Escape with focus back on the button; a file's preview shows the recognised columns, each
 * correctable; the rows step explains every reject in the reader's language (plural forms included); unmatched
 * names are matched from the list or skipped (and undone); the indicator form blocks the import until complete; the
 * dataset handed to the store is the worker's rows with the user's words; refused files and storage failures are
 * clear alerts; markup in names stays text. The worker client and the store are mocked; territories come from the
 * mock API.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../src/import/types.ts';
import { UserDataError } from '../../src/user-data/errors.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { captureDownloads, csvFile, datasetMeta, fakeImportClient, openDialog } from './import-harness.tsx';

const fake = vi.hoisted(() => ({
  current: null as ReturnType<typeof import('./import-harness.tsx').fakeImportClient> | null,
}));
const store = vi.hoisted(() => ({
  saveDataset: vi.fn(),
  replaceDataset: vi.fn(),
  listDatasets: vi.fn(async () => [] as unknown[]),
}));

vi.mock('../../src/import/client.ts', () => ({
  createImportClient: () => {
    if (!fake.current) throw new Error('no fake client');
    return fake.current.client;
  },
}));
vi.mock('../../src/user-data/store.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/user-data/store.ts')>()),
  saveDataset: store.saveDataset,
  replaceDataset: store.replaceDataset,
  listDatasets: store.listDatasets,
  renameDataset: vi.fn(),
  deleteDataset: vi.fn(),
  onUserDataChange: () => () => {},
}));

beforeEach(() => {
  fake.current = fakeImportClient();
  store.saveDataset.mockReset();
  store.replaceDataset.mockReset();
  store.listDatasets.mockReset();
  store.listDatasets.mockImplementation(async () => []);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Open the dialog and give it the French CSV; resolves once the rows step is shown. */
async function withFile(lang: 'fr' | 'ar' | 'en' = 'fr') {
  const opened = await openDialog(lang);
  const input = opened.dialog.querySelector<HTMLInputElement>('input[data-import-file]');
  if (!input) throw new Error('no file input');
  await opened.user.upload(input, csvFile());
  await within(opened.dialog).findByRole('table', { name: /Lignes rejetées|الأسطر المرفوضة|Rejected rows/ });
  return opened;
}

async function fillForm(
  user: ReturnType<typeof import('@testing-library/user-event').default.setup>,
  dialog: HTMLElement,
) {
  await user.type(within(dialog).getByLabelText('Nom en français'), 'Bénéficiaires <b>2025</b>');
  await user.type(within(dialog).getByLabelText('Unité (ex. bénéficiaires)'), 'bénéficiaires');
  await user.type(within(dialog).getByLabelText('Éditeur (organisme)'), 'Conseil régional');
  await user.type(within(dialog).getByLabelText('Titre'), 'Suivi des bénéficiaires');
  await user.type(within(dialog).getByLabelText('Lien (page de la source)'), 'https://example.org/suivi');
}

describe('ImportEntry and the dialog shell', () => {
  it('opens a labelled modal dialog saying the data stays here; Escape closes it and focus returns', async () => {
    const { user, dialog } = await openDialog('fr');
    expect(dialog).toHaveAccessibleName('Importer des données');
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveTextContent('Vos données restent dans ce navigateur');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(within(dialog).getByRole('tab', { name: 'Importer un fichier' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Importer des données' })).toHaveFocus();
  });

  it('mirrors in Arabic: dir=rtl on the dialog, its words in Arabic, and the arrows move between tabs by sight', async () => {
    const { user, dialog } = await openDialog('ar');
    expect(dialog).toHaveAttribute('dir', 'rtl');
    expect(dialog).toHaveAccessibleName('استيراد بيانات');
    const importTab = within(dialog).getByRole('tab', { name: 'استيراد ملف' });
    importTab.focus();
    await user.keyboard('{ArrowLeft}');
    expect(within(dialog).getByRole('tab', { name: 'بياناتي' })).toHaveFocus();
    expect(within(dialog).getByRole('tab', { name: 'بياناتي' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('the import journey', () => {
  it('previews the first rows with the recognised role of each column, correctable with a select', async () => {
    const { user, dialog } = await withFile();
    expect(fake.current?.state.loads[0]).toEqual({ fileName: 'beneficiaires_2025.csv' });
    const role = (column: string) => within(dialog).getByRole('combobox', { name: `Rôle de la colonne « ${column} »` });
    expect(role('Province')).toHaveDisplayValue('Territoire');
    expect(role('Année')).toHaveDisplayValue('Période');
    expect(role('Bénéficiaires')).toHaveDisplayValue('Valeur');
    expect(role('Commentaire')).toHaveDisplayValue('Ignorer');
    // How it was read: the detected encoding is the select's value.
    expect(within(dialog).getByRole('combobox', { name: 'Encodage' })).toHaveValue('windows-1252');
    // The first run used the guessed mapping.
    expect(fake.current?.state.runs.at(-1)?.mapping).toEqual({
      layout: 'long',
      territory: 0,
      period: 1,
      value: 2,
      indicator: null,
    });
    // Swapping value and comment: the run follows the user's choice.
    await user.selectOptions(role('Bénéficiaires'), 'ignored');
    expect(await within(dialog).findByText('Aucune colonne « Valeur » : choisissez-la dans l’aperçu.')).toBeVisible();
    await user.selectOptions(role('Commentaire'), 'value');
    await waitFor(() =>
      expect(fake.current?.state.runs.at(-1)?.mapping).toEqual({
        layout: 'long',
        territory: 0,
        period: 1,
        value: 3,
        indicator: null,
      }),
    );
  });

  it('re-reads the file in another encoding when asked', async () => {
    const { user, dialog } = await withFile();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Encodage' }), 'utf-8');
    await waitFor(() => expect(fake.current?.state.rereads.at(-1)).toMatchObject({ encoding: 'utf-8' }));
  });

  it('explains every rejected row (row, column, value, reason in French) and counts with plural forms', async () => {
    const { dialog } = await withFile();
    const summary = dialog.querySelector('.import-summary');
    expect(summary).toHaveTextContent('3 lignes valides');
    expect(summary).toHaveTextContent('4 lignes rejetées');
    const table = within(dialog).getByRole('table', { name: 'Lignes rejetées' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('6');
    expect(rows[1]).toHaveTextContent('Bénéficiaires');
    expect(rows[1]).toHaveTextContent('abc');
    expect(rows[1]).toHaveTextContent('pas un nombre (séparateur décimal attendu : virgule (12,5))');
    expect(rows[2]).toHaveTextContent('effectif négatif');
    expect(rows[3]).toHaveTextContent('=SUM(A1:A3)');
    expect(rows[3]).toHaveTextContent('territoire inconnu');
    expect(within(dialog).getByText(/gardés comme du texte, jamais calculés/)).toBeVisible();
  });

  it('words the rejects and counts in Arabic with its plural forms', async () => {
    const { dialog } = await withFile('ar');
    const summary = dialog.querySelector('.import-summary');
    expect(summary).toHaveTextContent('3 أسطر صالحة');
    expect(summary).toHaveTextContent('4 أسطر مرفوضة');
    expect(summary).toHaveTextContent('الدورية: سنوية');
    expect(within(dialog).getByRole('table', { name: 'الأسطر المرفوضة' })).toHaveTextContent('عدد سالب');
  });

  it('lists the unmatched name, matches it from the searchable list, and can undo or skip it', async () => {
    const { user, dialog } = await withFile();
    const item = dialog.querySelector<HTMLElement>('[data-unmatched="Atlantis"]');
    if (!item) throw new Error('Atlantis is not listed');
    expect(within(dialog).getByText('1 nom non reconnu')).toBeVisible();
    const search = within(item).getByRole('searchbox', { name: 'Rechercher un territoire pour « Atlantis »' });
    await user.type(search, 'benslim');
    const select = within(item).getByRole('combobox', { name: 'Territoire pour « Atlantis »' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Benslimane (MA-BES)']);
    await user.click(within(item).getByRole('button', { name: /Territoire pour « Atlantis » : Benslimane/ }));
    await waitFor(() => expect(fake.current?.state.runs.at(-1)?.territoryMatches).toEqual({ Atlantis: 'MA-BES' }));
    await waitFor(() => expect(dialog.querySelector('[data-unmatched="Atlantis"]')).toBeNull());
    expect(dialog.querySelector('[data-chosen="Atlantis"]')).toHaveTextContent('→ Benslimane (MA-BES)');
    // Undo: the name is back in the list.
    await user.click(within(dialog).getByRole('button', { name: 'Annuler : Atlantis' }));
    await waitFor(() => expect(dialog.querySelector('[data-unmatched="Atlantis"]')).not.toBeNull());
    // Skip: its rows are rejected with that reason.
    const again = dialog.querySelector<HTMLElement>('[data-unmatched="Atlantis"]');
    if (!again) throw new Error('Atlantis is not listed again');
    await user.click(within(again).getByRole('button', { name: 'Ignorer ces lignes' }));
    await waitFor(() => expect(fake.current?.state.runs.at(-1)?.territoryMatches).toEqual({ Atlantis: null }));
    expect(await within(dialog).findByText('territoire ignoré à votre demande')).toBeVisible();
  });

  it('blocks the import until the names are resolved and the indicator described, saying what is missing', async () => {
    const { user, dialog } = await withFile();
    await user.click(within(dialog).getByRole('button', { name: 'Importer les 3 lignes valides' }));
    const alert = await within(dialog).findByText('À compléter avant l’import :', { selector: '[data-blocking] p' });
    const list = alert.parentElement as HTMLElement;
    expect(list).toHaveTextContent('Choisissez un territoire ou « Ignorer » pour chaque nom non reconnu.');
    expect(list).toHaveTextContent('Donnez un nom dans au moins une langue.');
    expect(list).toHaveTextContent('Indiquez l’éditeur.');
    expect(list).toHaveTextContent('Indiquez le lien de la source');
    expect(store.saveDataset).not.toHaveBeenCalled();
    expect(within(dialog).getByLabelText('Éditeur (organisme)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('imports the valid rows: the store gets the worker rows with the user’s words, then the explorer opens', async () => {
    store.saveDataset.mockImplementation(async () =>
      datasetMeta({ id: 'abc123', name: { fr: 'Bénéficiaires <b>2025</b>' } }),
    );
    const { user, dialog } = await withFile();
    const item = dialog.querySelector<HTMLElement>('[data-unmatched="Atlantis"]') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Ignorer ces lignes' }));
    await waitFor(() => expect(dialog.querySelector('[data-unmatched="Atlantis"]')).toBeNull());
    await fillForm(user, dialog);
    await user.type(within(dialog).getByLabelText('Seuil des petits effectifs (facultatif)'), '10');
    await user.click(within(dialog).getByRole('button', { name: 'Importer les 3 lignes valides' }));
    await waitFor(() => expect(store.saveDataset).toHaveBeenCalledTimes(1));
    const saved = store.saveDataset.mock.calls[0]?.[0];
    expect(saved).toMatchObject({
      name: { fr: 'Bénéficiaires <b>2025</b>' },
      unit: { code: 'count', label: { fr: 'bénéficiaires' } },
      kind: 'count',
      source: { publisher: 'Conseil régional', title: 'Suivi des bénéficiaires', url: 'https://example.org/suivi' },
      fileName: 'beneficiaires_2025.csv',
      frequency: 'annual',
      levels: ['province'],
      smallCountThreshold: 10,
    });
    expect(saved.observations).toHaveLength(3);
    expect(saved.observations[0]).toEqual({ territory: 'MA-BEM', period: '2024', value: 1234 });
    // Success, with the name as text (no <b> element made from it).
    const done = await within(dialog).findByRole('heading', {
      name: '« Bénéficiaires <b>2025</b> » importé : 4 lignes.',
    });
    expect(done).toHaveFocus();
    expect(dialog.querySelector('b')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir dans l’explorateur' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useViewStore.getState()).toMatchObject({ view: 'explorer', indicator: 'user-abc123', tab: 'chart' });
  });

  it('says how many values the small-count threshold will mask', async () => {
    const { user, dialog } = await withFile();
    const threshold = within(dialog).getByLabelText('Seuil des petits effectifs (facultatif)');
    await user.type(threshold, '20');
    await waitFor(() => expect(fake.current?.state.runs.at(-1)?.smallCountThreshold).toBe(20));
    expect(await within(dialog).findByText(/1 valeur sous le seuil/)).toHaveTextContent(
      '1 valeur sous le seuil s’affichera « < 20 » (exclue des sommes et des ratios).',
    );
  });

  it('re-imports into the same dataset: the store replaces it by id', async () => {
    store.replaceDataset.mockImplementation(async (id: string) => datasetMeta({ id }));
    store.listDatasets.mockImplementation(async () => [datasetMeta()]);
    const { user, dialog } = await openDialog('fr', 'datasets');
    await user.click(
      await within(dialog).findByRole('button', {
        name: 'Réimporter « Bénéficiaires 2025 » (remplacer par un nouveau fichier)',
      }),
    );
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, csvFile('beneficiaires_2026.csv'));
    await within(dialog).findByRole('table', { name: 'Lignes rejetées' });
    const item = dialog.querySelector<HTMLElement>('[data-unmatched="Atlantis"]') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Ignorer ces lignes' }));
    await waitFor(() => expect(dialog.querySelector('[data-unmatched="Atlantis"]')).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: 'Importer les 3 lignes valides' }));
    await waitFor(() => expect(store.replaceDataset).toHaveBeenCalledTimes(1));
    expect(store.replaceDataset.mock.calls[0]?.[0]).toBe('benef25');
    expect(store.replaceDataset.mock.calls[0]?.[1]).toMatchObject({ fileName: 'beneficiaires_2026.csv' });
    expect(store.saveDataset).not.toHaveBeenCalled();
  });

  it('says a rate is 0–100 and sends it as a rate with a percent unit', async () => {
    store.saveDataset.mockImplementation(async () => datasetMeta());
    const { user, dialog } = await withFile();
    await user.click(within(dialog).getByRole('radio', { name: 'Taux (0 à 100 %)' }));
    await waitFor(() => expect(fake.current?.state.runs.at(-1)?.valueKind).toBe('rate'));
    expect(within(dialog).queryByLabelText('Seuil des petits effectifs (facultatif)')).toBeNull();
  });

  it('a refused file is a clear alert, and says earlier datasets are untouched', async () => {
    const { user, dialog } = await openDialog('fr');
    if (fake.current) fake.current.state.failLoad = new ImportError('zip-bomb', { max: 200 * 1024 * 1024 });
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['PK'], 'bombe.xlsx'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Fichier refusé : une fois décompressé, le classeur dépasserait 200 Mo : lecture arrêtée.',
    );
    expect(alert).toHaveTextContent('Vos jeux de données précédents sont intacts.');
    // The worker that read it is ended; the next file gets a fresh one.
    expect(fake.current?.state.disposed).toBe(1);
  });

  it.each([
    ['binary', {}, 'ce n’est ni un texte (CSV, TSV) ni un classeur Excel (XLSX).'],
    ['not-xlsx', {}, 'c’est une archive zip mais pas un classeur Excel (XLSX).'],
    ['too-large', { bytes: 104857600, max: 52428800 }, 'le fichier pèse 100 Mo, la limite est 50 Mo.'],
    ['too-many-rows', { max: 500000 }, 'plus de 500'],
    ['too-many-columns', { row: 1, columns: 10000, max: 2000 }, 'la ligne 1 a 10'],
  ] as const)('refuses a %s file with its reason', async (code, params, text) => {
    const { user, dialog } = await openDialog('fr');
    if (fake.current) fake.current.state.failLoad = new ImportError(code, params);
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'f.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(text);
  });

  it('a long read can be stopped: the worker is cancelled, no refusal is shown, another file can be chosen', async () => {
    const { user, dialog } = await openDialog('fr');
    if (fake.current) fake.current.state.hangLoad = true;
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'enorme.csv'));
    expect(await within(dialog).findByText('Lecture de « enorme.csv »…')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Arrêter la lecture' }));
    await waitFor(() => expect(within(dialog).queryByText('Lecture de « enorme.csv »…')).toBeNull());
    expect(fake.current?.state.cancelled).toBe(1);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(input).toBeEnabled();
  });

  it('words a refusal in Arabic, sizes in Arabic units', async () => {
    const { user, dialog } = await openDialog('ar');
    if (fake.current) fake.current.state.failLoad = new ImportError('too-large', { bytes: 104857600, max: 52428800 });
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['x'], 'f.csv'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('ملف مرفوض: حجم الملف 100 ميغابايت، والحد الأقصى 50 ميغابايت.');
    expect(alert).toHaveTextContent('مجموعات بياناتك السابقة سليمة.');
  });

  it('storage full: a clear alert, nothing lost, the form kept to try again', async () => {
    store.saveDataset.mockRejectedValue(new UserDataError('quota', 'QuotaExceededError'));
    const { user, dialog } = await withFile();
    const item = dialog.querySelector<HTMLElement>('[data-unmatched="Atlantis"]') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Ignorer ces lignes' }));
    await waitFor(() => expect(dialog.querySelector('[data-unmatched="Atlantis"]')).toBeNull());
    await fillForm(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Importer les 3 lignes valides' }));
    const alert = await waitFor(() => {
      const el = dialog.querySelector('[data-save-error]');
      if (!el) throw new Error('no save error yet');
      return el;
    });
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('L’espace de stockage de ce navigateur est plein : rien n’a été enregistré.');
    expect(alert).toHaveTextContent('Vos jeux de données précédents sont intacts.');
    expect(within(dialog).getByLabelText('Nom en français')).toHaveValue('Bénéficiaires <b>2025</b>');
  });

  it('downloads the rejected rows as a CSV whose formula-like cells are neutralised', async () => {
    const files = captureDownloads();
    const { user, dialog } = await withFile();
    await user.click(within(dialog).getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }));
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toBe('beneficiaires_2025_rejets.csv');
    const text = await files[0]!.blob.text();
    expect(text.split('\r\n')[0]).toBe('Ligne,Colonne,En-tête,Valeur,Raison,Détails');
    expect(text).toContain('6,C,Bénéficiaires,abc,"pas un nombre (séparateur décimal attendu : virgule (12,5))"');
    expect(text).not.toMatch(/(^|,)=SUM/m);
    expect(text).toContain("'=SUM(A1:A3)");
  });

  it('shows markup and formulas from the file as text, never as elements', async () => {
    const { dialog } = await withFile();
    expect(within(dialog).getByText('<img src=x onerror=alert(1)>')).toBeVisible();
    expect(within(dialog).getByText('=HYPERLINK("x")')).toBeVisible();
    expect(dialog.querySelector('img')).toBeNull();
  });

  it('isolates the file’s text with its own direction: Arabic right to left, formulas and numbers left to right', async () => {
    const { dialog } = await withFile('ar');
    for (const el of within(dialog).getAllByText('الرباط')) expect(el).toHaveAttribute('dir', 'rtl');
    expect(within(dialog).getByText('=SUM(A1:A3)')).toHaveAttribute('dir', 'ltr');
    expect(within(dialog).getByText('-4')).toHaveAttribute('dir', 'ltr');
    expect(within(dialog).getAllByText('Béni Mellal')[0]).toHaveAttribute('dir', 'ltr');
  });

  it('ends the worker when the dialog closes', async () => {
    const { user, dialog } = await withFile();
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.current?.state.disposed).toBeGreaterThanOrEqual(1);
  });

  it('accepts a dropped file', async () => {
    const { dialog } = await openDialog('fr');
    const zone = dialog.querySelector('[data-drop-zone]') as HTMLElement;
    await act(async () => {
      fireEvent.drop(zone, { dataTransfer: { files: [csvFile()] } });
    });
    expect(await within(dialog).findByRole('table', { name: 'Lignes rejetées' })).toBeVisible();
    expect(fake.current?.state.loads).toEqual([{ fileName: 'beneficiaires_2025.csv' }]);
  });
});
