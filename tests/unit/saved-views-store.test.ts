/**
 * The saved views' store and page state (issue 17), on fake-indexeddb: save, list in order, rename, move, delete,
 * events; imports all or nothing (past the limit nothing is added); records that fail validation are left out; the
 * old pins migrate once (then the key is gone) and unreadable pins raise the reset notice; the chart snapshot of a
 * saved view follows what the export menu draws; opening a saved view whose indicator is gone names it in a notice.
 */
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PINS_KEY } from '../../src/export/pins.ts';
import { MAX_VIEWS } from '../../src/saved-views/names.ts';
import {
  addUserEvent,
  deleteSavedView,
  dismissOpenNotice,
  ensureLoaded,
  importSavedViews,
  moveSavedView,
  openSavedView,
  removeUserEvent,
  renameSavedView,
  resetSavedViewsForTests,
  saveCurrentView,
  savedViewsSnapshot,
} from '../../src/saved-views/saved-views-state.ts';
import { addSavedViews, listSavedViews, SAVED_VIEWS_DB } from '../../src/saved-views/views-db.ts';
import { userEventsFor } from '../../src/saved-views/use-user-events.ts';
import { selectionKey } from '../../src/saved-views/query.ts';
import { validateAgainstVocabulary } from '../../src/state/url-sync.ts';
import { DEFAULT_VIEW_STATE } from '../../src/state/view-state.ts';
import { selectViewState, useViewStore } from '../../src/state/view-store.ts';
import { lineModel } from './export-fixtures.ts';
import { freshSavedViewsDb, savedView } from './saved-views-fixtures.ts';

/** A localStorage for node (the pins lived there). */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

beforeEach(async () => {
  resetSavedViewsForTests();
  await freshSavedViewsDb();
  globalThis.localStorage = memoryStorage();
  useViewStore
    .getState()
    .replace({ ...DEFAULT_VIEW_STATE, view: 'explorer', indicator: 'population', territories: ['MA-01', 'MA-06'] });
});
afterEach(() => resetSavedViewsForTests());

const names = () => savedViewsSnapshot().views.map((v) => v.name);

describe('saved views store', () => {
  it('saves the view on screen, lists in order, renames, moves and deletes', async () => {
    await ensureLoaded();
    expect(savedViewsSnapshot().status).toBe('ready');
    const a = await saveCurrentView('  Une  ');
    expect(a.ok && a.view?.query).toBe('view=explorer&indicator=population&territories=MA-01,MA-06');
    useViewStore.getState().set({ view: 'compare' });
    await saveCurrentView('Deux');
    useViewStore.getState().set({ view: 'explorer', tab: 'map' });
    await saveCurrentView('Trois');
    expect(names()).toEqual(['Une', 'Deux', 'Trois']);
    const [one, two, three] = savedViewsSnapshot().views;
    await moveSavedView(three!.id, -1);
    expect(names()).toEqual(['Une', 'Trois', 'Deux']);
    await moveSavedView(one!.id, -1); // already first: stays
    expect(names()).toEqual(['Une', 'Trois', 'Deux']);
    await renameSavedView(two!.id, 'Comparaison');
    expect(names()).toEqual(['Une', 'Trois', 'Comparaison']);
    expect(await renameSavedView(two!.id, '   ')).toEqual({ ok: false, kind: 'name-empty' });
    await deleteSavedView(one!.id);
    expect(names()).toEqual(['Trois', 'Comparaison']);
    // What the page shows is what is stored.
    expect((await listSavedViews()).views.map((v) => v.name)).toEqual(['Trois', 'Comparaison']);
  });

  it('adds and removes user events, and finds them for the view on screen (language aside)', async () => {
    await ensureLoaded();
    const r = await saveCurrentView('AMO');
    const id = r.ok ? r.view!.id : '';
    await addUserEvent(id, { period: '2022-12', text: 'Généralisation', link: 'https://www.cnss.ma/' });
    const view = savedViewsSnapshot().views[0]!;
    expect(view.events).toMatchObject([{ period: '2022-12', text: 'Généralisation' }]);
    const key = selectionKey(`${view.query}&lang=ar`);
    expect(userEventsFor(savedViewsSnapshot().views, key)).toHaveLength(1);
    expect(userEventsFor(savedViewsSnapshot().views, selectionKey('view=compare'))).toHaveLength(0);
    await removeUserEvent(id, view.events[0]!.id);
    expect(savedViewsSnapshot().views[0]!.events).toEqual([]);
  });

  it('imports all or nothing: past the limit nothing is added and the list is untouched', async () => {
    await ensureLoaded();
    await saveCurrentView('Mienne');
    const file = Array.from({ length: MAX_VIEWS }, (_, i) => savedView({ id: `f${i}`, name: `F${i}` }));
    expect(await importSavedViews(file)).toEqual({ ok: false, kind: 'too-many' });
    expect(names()).toEqual(['Mienne']);
    expect(await importSavedViews(file.slice(0, 3))).toEqual({ ok: true });
    expect(names()).toEqual(['Mienne', 'F0', 'F1', 'F2']);
    // Imported again: new ids, nothing overwritten.
    await importSavedViews(file.slice(0, 1));
    expect(names()).toEqual(['Mienne', 'F0', 'F1', 'F2', 'F0']);
    expect(new Set(savedViewsSnapshot().views.map((v) => v.id)).size).toBe(5);
  });

  it('leaves out stored records that fail validation', async () => {
    await addSavedViews([savedView({ id: 'good' })]);
    const db = await openDB(SAVED_VIEWS_DB);
    await db.put('views', { id: 'bad', name: 42 });
    db.close();
    const read = await listSavedViews();
    expect(read.views.map((v) => v.id)).toEqual(['good']);
    expect(read.invalid).toBe(1);
  });

  it('migrates the stored pins once, then removes the key; they list as pins for the present button', async () => {
    const model = lineModel();
    localStorage.setItem(
      PINS_KEY,
      JSON.stringify({ version: 1, pins: [{ id: model.link, pinnedAt: '2026-11-01T00:00:00.000Z', model }] }),
    );
    await ensureLoaded();
    expect(localStorage.getItem(PINS_KEY)).toBeNull();
    const [view] = savedViewsSnapshot().views;
    expect(view).toMatchObject({ name: model.title, model, inBriefing: true });
    expect(view!.query).toBe(new URL(model.link).search.slice(1).replace(/%2C/g, ','));
    expect(savedViewsSnapshot().pinsReset).toBe(false);
  });

  it('reports unreadable stored pins (and removes them)', async () => {
    localStorage.setItem(PINS_KEY, '{"version":1,"pins":[{"id":1}]');
    await ensureLoaded();
    expect(savedViewsSnapshot().pinsReset).toBe(true);
    expect(localStorage.getItem(PINS_KEY)).toBeNull();
    expect(savedViewsSnapshot().views).toEqual([]);
  });

  it('opening a saved view whose indicator is gone names the view in a notice', async () => {
    await ensureLoaded();
    await importSavedViews([
      savedView({ name: 'Ancienne vue', query: 'view=explorer&indicator=retired-one&territories=MA-01' }),
    ]);
    openSavedView(savedViewsSnapshot().views[0]!.id);
    expect(useViewStore.getState().indicator).toBe('retired-one');
    // What useVocabularyValidation does once the catalogue is in.
    const store = useViewStore.getState();
    const checked = validateAgainstVocabulary(selectViewState(store), {
      indicators: new Set(['population']),
      territories: new Set(['MA-01']),
    });
    store.replace(checked.state, [...store.notices, ...checked.notices]);
    expect(savedViewsSnapshot().openNotice).toEqual({
      name: 'Ancienne vue',
      notices: [{ parameter: 'indicator', value: 'retired-one', reason: 'unknown-value' }],
    });
    dismissOpenNotice();
    expect(savedViewsSnapshot().openNotice).toBeNull();
  });

  it('opens in the page language, whatever the language it was saved in', async () => {
    await ensureLoaded();
    await importSavedViews([savedView({ query: 'view=compare&territories=MA-01&lang=ar' })]);
    useViewStore.getState().set({ lang: 'en' });
    openSavedView(savedViewsSnapshot().views[0]!.id);
    expect(useViewStore.getState()).toMatchObject({ view: 'compare', territories: ['MA-01'], lang: 'en' });
    expect(savedViewsSnapshot().openNotice).toBeNull();
  });
});
