/**
 * axe on the import dialog (issue 15 "axe reports nothing on the import dialog in fr, ar and en"), in jsdom: the
 * empty dialog, the dialog with a file read (preview, rejects, unmatched names, the form with its errors shown), a
 * refused file, and "Mes données". Colour contrast needs layout: the Chromium e2e (tests/e2e/import.test.ts) runs
 * the full audit on the built app.
 */
import { waitFor, within } from '@testing-library/react';
import { beforeEach, describe, it, vi } from 'vitest';
import { ImportError } from '../../src/import/types.ts';
import { csvFile, datasetMeta, expectAxeClean, fakeImportClient, openDialog } from './import-harness.tsx';

const fake = vi.hoisted(() => ({
  current: null as ReturnType<typeof import('./import-harness.tsx').fakeImportClient> | null,
}));
vi.mock('../../src/import/client.ts', () => ({ createImportClient: () => fake.current?.client }));
vi.mock('../../src/user-data/store.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/user-data/store.ts')>()),
  listDatasets: async () => [datasetMeta(), datasetMeta({ id: 'other', name: { ar: 'مستفيدون' } })],
  onUserDataChange: () => () => {},
}));

beforeEach(() => {
  fake.current = fakeImportClient();
});

describe.each(['fr', 'ar', 'en'] as const)('import dialog in %s', (lang) => {
  it('has no axe violation: empty, then with a file read and the form errors shown', async () => {
    const { user, dialog } = await openDialog(lang);
    await expectAxeClean(dialog);
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, csvFile());
    await waitFor(() => {
      if (!dialog.querySelector('[data-rejects]') || !dialog.querySelector('[data-unmatched]'))
        throw new Error('not yet');
    });
    await user.click(dialog.querySelector<HTMLButtonElement>('[data-import-submit]') as HTMLButtonElement);
    await waitFor(() => {
      if (!dialog.querySelector('[data-blocking]')) throw new Error('no problems shown');
    });
    await expectAxeClean(dialog);
  });

  it('has no axe violation with a refused file', async () => {
    const { user, dialog } = await openDialog(lang);
    if (fake.current) fake.current.state.failLoad = new ImportError('binary');
    const input = dialog.querySelector<HTMLInputElement>('input[data-import-file]') as HTMLInputElement;
    await user.upload(input, new File(['\u0000\u0001'], 'x.csv'));
    await within(dialog).findByRole('alert');
    await expectAxeClean(dialog);
  });

  it('has no axe violation on Mes données, with a rename form and a delete confirmation open', async () => {
    const { user, dialog } = await openDialog(lang, 'datasets');
    await within(dialog).findByRole('table');
    await expectAxeClean(dialog);
    const rows = dialog.querySelectorAll('tr[data-dataset]');
    const buttons = (i: number) => within(rows[i] as HTMLElement).getAllByRole('button');
    await user.click(buttons(0)[1] as HTMLElement); // rename
    await user.click(buttons(1).at(-1) as HTMLElement); // delete → confirmation
    await expectAxeClean(dialog);
  });
});
