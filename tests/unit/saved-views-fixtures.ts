/**
 * Shared by the saved-views tests (issue 17): a fresh IndexedDB per test (fake-indexeddb) and saved views.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { closeSavedViews } from '../../src/saved-views/views-db.ts';
import type { SavedView } from '../../src/saved-views/types.ts';

/** A new, empty IndexedDB for the store (closes the store's connection to the previous one). */
export async function freshSavedViewsDb(): Promise<void> {
  await closeSavedViews();
  globalThis.indexedDB = new IDBFactory();
}

/** A saved view (explorer chart of MA-01 and MA-06 unless overridden). */
export function savedView(overrides: Partial<SavedView> = {}): SavedView {
  return {
    id: 'v1',
    name: 'Population des régions',
    query: 'view=explorer&indicator=population&territories=MA-01,MA-06',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    inBriefing: true,
    events: [],
    ...overrides,
  };
}

/** The text of a saved-views file holding `views` (or anything as `views`), with `extra` fields on the envelope. */
export function fileText(views: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'mouchir-saved-views',
    version: 1,
    exportedAt: '2026-12-05T08:00:00Z',
    views,
    ...extra,
  });
}
