/**
 * Export and re-import of a dataset file (issue 15): the round trip, and refusals — malformed JSON, a foreign or
 * newer file, a huge one, a broken row — each a clear UserDataError with nothing written. Names with markup or
 * formulas come back exactly as typed (text).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isUserDataError, userDataErrorText, type UserDataError } from '../../src/user-data/errors.ts';
import {
  MAX_DATASET_FILE_BYTES,
  datasetFileName,
  datasetFileText,
  exportDatasetFile,
  importDatasetFile,
  parseDatasetFile,
} from '../../src/user-data/file.ts';
import { MAX_OBSERVATIONS, deleteDataset, getDataset, listDatasets, saveDataset } from '../../src/user-data/store.ts';
import { freshIndexedDb, newDataset } from './user-data-fixtures.ts';

beforeEach(freshIndexedDb);

async function rejection(p: Promise<unknown>): Promise<UserDataError> {
  try {
    await p;
  } catch (e) {
    if (isUserDataError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('dataset file', () => {
  it('round trip: export, delete, import back — same dataset, same id, suppression threshold kept', async () => {
    await saveDataset(newDataset({ smallCountThreshold: 10 }), { id: 'move1' });
    const before = await getDataset('move1');
    const { fileName, blob } = await exportDatasetFile('move1');
    expect(fileName).toBe('mouchir-donnees_beneficiaires-du-programme.json');
    expect(blob.type).toBe('application/json');
    const json = JSON.parse(await blob.text());
    expect(json).toMatchObject({ format: 'mouchir-dataset', version: 1 });
    expect(json.dataset.observations[0]).toEqual({ territory: 'MA-01', period: '2021', value: 5 });
    await deleteDataset('move1');
    const result = await importDatasetFile(blob);
    expect(result.replaced).toBe(false);
    expect(await getDataset('move1')).toEqual(before);
    // Importing it again replaces it (same dataset moved twice), still one dataset.
    expect((await importDatasetFile(await blob.text())).replaced).toBe(true);
    expect(await listDatasets()).toHaveLength(1);
  });

  it('markup and formula-like names come back exactly as typed', async () => {
    const name = { fr: '<b>Bénéf.</b><script>alert(1)</script>', en: '=HYPERLINK("http://x","y")', ar: '@SUM(A1)' };
    await saveDataset(newDataset({ name, unit: { code: 'count', label: { fr: '+1 & <i>' } } }), { id: 'odd' });
    const text = await (await exportDatasetFile('odd')).blob.text();
    await deleteDataset('odd');
    await importDatasetFile(text);
    const back = await getDataset('odd');
    expect(back?.name).toEqual(name);
    expect(back?.unit.label).toEqual({ fr: '+1 & <i>' });
    expect(datasetFileName({ id: 'odd', name })).toBe('mouchir-donnees_b-benef-b-script-alert-1-script.json');
    expect(datasetFileName({ id: 'odd', name: { ar: 'المستفيدون' } })).toBe('mouchir-donnees_odd.json');
  });

  it('refuses what is not a readable dataset file, writing nothing', async () => {
    await saveDataset(newDataset(), { id: 'earlier' });
    const good = JSON.parse(datasetFileText((await getDataset('earlier'))!));
    const variants: [string, string, RegExp][] = [
      ['{"format": "mouchir-dataset", "version": 1, ', 'invalid-file', /not JSON/],
      ['[]', 'invalid-file', /not a Mouchir dataset/],
      [JSON.stringify({ ...good, format: 'other' }), 'invalid-file', /not a Mouchir dataset/],
      [JSON.stringify({ ...good, version: 2 }), 'newer-version', /version 2/],
      [JSON.stringify({ ...good, version: '1' }), 'invalid-file', /version/],
      [
        JSON.stringify({
          ...good,
          dataset: { ...good.dataset, id: 'new2', observations: [{ territory: 'Rabat', period: '2024', value: 1 }] },
        }),
        'invalid-file',
        /dataset\.observations\[0\]\.territory/,
      ],
      [
        JSON.stringify({
          ...good,
          dataset: { ...good.dataset, id: 'new3', source: { ...good.dataset.source, url: 'javascript:alert(1)' } },
        }),
        'invalid-file',
        /dataset\.source\.url/,
      ],
      [
        JSON.stringify({
          ...good,
          dataset: {
            ...good.dataset,
            id: 'new4',
            observations: [good.dataset.observations[0], good.dataset.observations[0]],
          },
        }),
        'invalid-dataset',
        /twice/,
      ],
    ];
    for (const [text, kind, detail] of variants) {
      const e = await rejection(importDatasetFile(text));
      expect(e.kind, text.slice(0, 60)).toBe(kind);
      expect(e.detail).toMatch(detail);
    }
    expect((await listDatasets()).map((m) => m.id)).toEqual(['earlier']);
    expect(userDataErrorText(await rejection(importDatasetFile('x')), 'fr')).toBe(
      'Ce fichier n’est pas un jeu de données Mouchir lisible : rien n’a été importé.',
    );
  });

  it('refuses a huge file before reading it, and too many rows before checking them', async () => {
    const huge = { size: MAX_DATASET_FILE_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) };
    const e = await rejection(importDatasetFile(huge as unknown as Blob));
    expect(e.kind).toBe('too-large');
    expect(userDataErrorText(e, 'en')).toBe('This dataset is over the limits (more than 64 MB): nothing was imported.');
    const many = {
      format: 'mouchir-dataset',
      version: 1,
      dataset: { observations: { length: 0 } },
    };
    // A row array over the limit is refused on its length, before the schema walks it.
    const rowsText = `{"format":"mouchir-dataset","version":1,"dataset":{"observations":[${'0,'.repeat(MAX_OBSERVATIONS)}0]}}`;
    expect(() => parseDatasetFile(rowsText)).toThrow(/rows, at most/);
    expect(() => parseDatasetFile(JSON.stringify(many))).toThrow(/invalid-file/);
    expect(await listDatasets()).toEqual([]);
  });
});
