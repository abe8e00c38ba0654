/**
 * The user-data modules ship on `zod/mini`, but the unit project maps `zod/mini` to classic `zod` (vite.config.ts).
 * This file loads them on the real `zod/mini` (as tests/unit/contract-mini.test.ts does for the contract) and runs the
 * paths that use schemas: checking a dataset, writing and reading a dataset file, the refusals' messages. A
 * classic-only method slipping into src/user-data fails here.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newDataset } from './user-data-fixtures.ts';

type Store = typeof import('../../src/user-data/store.ts');
type File = typeof import('../../src/user-data/file.ts');
type Types = typeof import('../../src/user-data/types.ts');
let store: Store;
let file: File;
let types: Types;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock('zod', () => vi.importActual('zod/v4/mini'));
  store = await import('../../src/user-data/store.ts');
  file = await import('../../src/user-data/file.ts');
  types = await import('../../src/user-data/types.ts');
});
afterAll(() => {
  vi.doUnmock('zod');
  vi.resetModules();
});

describe('user-data on the real zod/mini', () => {
  it('is really mini (no classic chaining methods on the schemas)', () => {
    expect('optional' in types.PartialText).toBe(false);
  });

  it('checks a dataset, writes its file and reads it back', () => {
    const ds = store.buildDataset(newDataset({ name: { en: ' Beneficiaries ' } }), 'mini1', '2026-12-05T00:00:00.000Z');
    expect(ds.name).toEqual({ en: 'Beneficiaries' });
    const back = file.parseDatasetFile(file.datasetFileText(ds));
    expect(back.observations).toHaveLength(8);
    expect(back.source.url).toBe('https://example.ma/bilan-2025');
  });

  it('refuses with the same messages', () => {
    expect(() => store.buildDataset(newDataset({ name: {} }), 'm2', '2026-12-05T00:00:00.000Z')).toThrow(
      'invalid-dataset: name: give at least one language',
    );
    const ds = store.buildDataset(newDataset(), 'm3', '2026-12-05T00:00:00.000Z');
    const bad = JSON.parse(file.datasetFileText(ds));
    bad.dataset.source.url = 'ftp://x';
    expect(() => file.parseDatasetFile(JSON.stringify(bad))).toThrow(/invalid-file: dataset\.source\.url: /);
    bad.exportedAt = 'yesterday';
    expect(() => file.parseDatasetFile(JSON.stringify(bad))).toThrow(/exportedAt: Invalid ISO datetime/);
  });
});
