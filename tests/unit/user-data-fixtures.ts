/**
 * Shared by the user-data tests: a small imported dataset (beneficiaries per region and year) and a fresh, empty
 * IndexedDB per test (fake-indexeddb installs the IndexedDB globals in node; each test gets its own factory).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeUserData } from '../../src/user-data/store.ts';
import type { NewDataset, NewObservation } from '../../src/user-data/types.ts';

/** A new, empty IndexedDB for the store (closes the store's connection to the previous one). */
export async function freshIndexedDb(): Promise<void> {
  await closeUserData();
  globalThis.indexedDB = new IDBFactory();
}

/** Rows of `territories` × `periods`, value = index + 5 (so the first rows are small counts). */
export function rows(territories: readonly string[], periods: readonly string[]): NewObservation[] {
  const out: NewObservation[] = [];
  let i = 0;
  for (const territory of territories) for (const period of periods) out.push({ territory, period, value: i++ + 5 });
  return out;
}

/** A count dataset of beneficiaries, annual, regions MA-01 and MA-06, 2021–2024. */
export function newDataset(overrides: Partial<NewDataset> = {}): NewDataset {
  return {
    name: { fr: 'Bénéficiaires du programme' },
    unit: { code: 'persons', label: { fr: 'personnes' } },
    kind: 'count',
    source: {
      publisher: 'Conseil régional',
      title: 'Bilan 2025',
      published: '2025-01-31',
      url: 'https://example.ma/bilan-2025',
    },
    fileName: 'beneficiaires_2025.xlsx',
    frequency: 'annual',
    levels: ['region'],
    observations: rows(['MA-01', 'MA-06'], ['2021', '2022', '2023', '2024']),
    ...overrides,
  };
}
