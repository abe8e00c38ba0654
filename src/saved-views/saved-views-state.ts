/**
 * The saved views in the page (issue 17): one module-level copy of the list, read by `useSavedViews` (the header
 * entry, the panel, the briefing) and `useActiveUserEvents` (the charts), and the actions that change it.
 *
 * The IndexedDB store and the schemas (./views-db.ts, ./schema.ts, ./views-file.ts) are a lazy chunk: `ensureLoaded` imports
 * them on the first subscriber (the header's entry, just after the first render), migrates the old pins once, and
 * connects the export tools (src/export/ui/use-pins.ts). Writes run one after another (a queue), each one a single
 * IndexedDB transaction, then the list is read back: what the page shows is what is stored. Other tabs are told
 * through a BroadcastChannel and read the list again.
 */
import type { ChartModel } from '../transforms/chart-types.ts';
import type { PinnedMap, PinnedView } from '../export/pins.ts';
import { connectSavedViews, publishPinsReset } from '../export/ui/use-pins.ts';
import { parseViewUrl, type UrlNotice, type ViewState } from '../state/view-state.ts';
import { selectViewState, useViewStore } from '../state/view-store.ts';
import { cleanText, MAX_NAME } from './names.ts';
import { canonicalQuery, queryOfState, selectionKey, selectionKeyOfState } from './query.ts';
import type { SavedView, UserEvent } from './types.ts';

/** Why an action failed (the panel puts it into words). */
export type SavedViewsFailure = 'unavailable' | 'quota' | 'not-found' | 'too-many' | 'failed' | 'name-empty';

/** Outcome of an action. */
export type ActionResult = { ok: true; view?: SavedView } | { ok: false; kind: SavedViewsFailure };

/** A saved view opened with parts of it gone (unknown indicator, territory…): the notice names it. */
export interface OpenNotice {
  name: string;
  notices: UrlNotice[];
}

/** Everything the page knows of the saved views. */
export interface SavedViewsSnapshot {
  status: 'loading' | 'ready' | 'error';
  views: readonly SavedView[];
  /** Why the list could not be read (`status: 'error'`). */
  error?: SavedViewsFailure | undefined;
  /** Stored records that failed validation and were left out. */
  invalid: number;
  /** The old pins (localStorage) were unreadable and reset: the export menu says so once. */
  pinsReset: boolean;
  openNotice: OpenNotice | null;
}

type StoreModule = typeof import('./views-db.ts');
type FileModule = typeof import('./views-file.ts');

const CHANNEL = 'mouchir-saved-views';
const INITIAL: SavedViewsSnapshot = { status: 'loading', views: [], invalid: 0, pinsReset: false, openNotice: null };

let snapshot: SavedViewsSnapshot = INITIAL;
const listeners = new Set<() => void>();
let loading: Promise<{ store: StoreModule; file: FileModule }> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let channel: BroadcastChannel | null = null;
/** The chart the export menu draws for the view on screen, to keep with a view saved from the panel. */
let lastRendered: { key: string; model: ChartModel; map?: PinnedMap | undefined } | null = null;

function set(patch: Partial<SavedViewsSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  publishPinsReset(snapshot.pinsReset);
  for (const l of listeners) l();
}

/** Subscribe to changes (starts loading on the first subscriber). */
export function subscribeSavedViews(listener: () => void): () => void {
  listeners.add(listener);
  void ensureLoaded().catch(() => undefined);
  return () => listeners.delete(listener);
}

/** The current snapshot. */
export function savedViewsSnapshot(): SavedViewsSnapshot {
  return snapshot;
}

function failureOf(e: unknown, store?: StoreModule): SavedViewsFailure {
  return store ? store.savedViewsErrorKind(e) : 'failed';
}

/** A new random id (getRandomValues works outside secure contexts too). */
export function newId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** Read the list again from the store. */
async function reload(store: StoreModule): Promise<void> {
  try {
    const read = await store.listSavedViews();
    set({ status: 'ready', views: read.views, invalid: read.invalid, error: undefined });
  } catch (e) {
    set({ status: 'error', views: [], error: failureOf(e, store) });
  }
}

/** A pin (localStorage, before saved views) as a saved view. */
function viewOfPin(pin: PinnedView, now: string): SavedView {
  let query = '';
  try {
    query = canonicalQuery(new URL(pin.model.link).search);
  } catch {
    query = '';
  }
  return {
    id: newId(),
    name: cleanText(pin.map?.title ?? pin.model.title).slice(0, MAX_NAME) || pin.model.indicatorId || 'Vue',
    query,
    createdAt: pin.pinnedAt || now,
    updatedAt: now,
    inBriefing: true,
    events: [],
    model: pin.model,
    ...(pin.map ? { map: pin.map } : {}),
  };
}

/**
 * Move the pins of `mouchir.pins.v1` into the saved views, once: written in one transaction, then the key is
 * removed. Unreadable pins are reset by `readPins` (which removes the key) and the notice is shown as before.
 */
async function migratePins(store: StoreModule): Promise<void> {
  const { browserStorage, readPins, PINS_KEY } = await import('../export/pins.ts');
  const storage = browserStorage();
  const read = readPins(storage);
  if (read.reset) set({ pinsReset: true });
  if (read.pins.length === 0) return;
  const now = new Date().toISOString();
  await store.addSavedViews(read.pins.map((p) => viewOfPin(p, now)));
  try {
    storage?.removeItem(PINS_KEY);
  } catch {
    // Left in place: the next load would migrate them again, so say nothing and move on.
  }
}

/** Load the store's chunk, migrate the pins, read the list, connect the export tools. Runs once. */
export function ensureLoaded(): Promise<{ store: StoreModule; file: FileModule }> {
  if (loading) return loading;
  const p = (async () => {
    const [store, file] = await Promise.all([import('./views-db.ts'), import('./views-file.ts')]);
    try {
      await migratePins(store);
    } catch {
      // Storage refused: the pins stay in localStorage for a later load; the list below reports the error.
    }
    await reload(store);
    connectSavedViews({
      save: async ({ name, model, map }) => (await saveCurrentView(name, { model, map })).ok,
      rendered,
      dismissReset: () => set({ pinsReset: false }),
    });
    try {
      channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
      channel?.addEventListener('message', () => void enqueue(() => reload(store)));
    } catch {
      channel = null;
    }
    return { store, file };
  })();
  loading = p;
  p.catch(() => {
    // The chunk did not load (offline first visit): say so; the next subscriber tries again.
    if (loading === p) loading = null;
    set({ status: 'error', error: 'failed' });
  });
  return p;
}

/** Run `task` after every earlier write (read-modify-write never interleaves). */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Run one write: load, write, read back, tell the other tabs. */
async function mutate(write: (store: StoreModule) => Promise<SavedView | undefined | void>): Promise<ActionResult> {
  let store: StoreModule | undefined;
  return enqueue(async () => {
    try {
      ({ store } = await ensureLoaded());
      const view = await write(store);
      await reload(store);
      channel?.postMessage('changed');
      return view ? { ok: true, view } : { ok: true };
    } catch (e) {
      if (store) await reload(store);
      return { ok: false, kind: failureOf(e, store) };
    }
  });
}

function find(id: string): SavedView | undefined {
  return snapshot.views.find((v) => v.id === id);
}

function currentState(): ViewState {
  return selectViewState(useViewStore.getState());
}

/** The chart (and map) the export menu last drew, if it is of the view on screen. */
export function renderedForCurrentView(): { model: ChartModel; map?: PinnedMap | undefined } | null {
  return lastRendered && lastRendered.key === selectionKeyOfState(currentState()) ? lastRendered : null;
}

/**
 * Save the view on screen under `name` (at the end of the list). `snapshot` is the chart (and map) it shows, when
 * known (the export menu gives it; the panel uses the last one the export menu drew for this view).
 */
export function saveCurrentView(
  name: string,
  chart: { model: ChartModel; map?: PinnedMap | undefined } | null = renderedForCurrentView(),
): Promise<ActionResult> {
  const clean = cleanText(name).slice(0, MAX_NAME);
  if (clean === '') return Promise.resolve({ ok: false, kind: 'name-empty' });
  const state = currentState();
  const now = new Date().toISOString();
  const view: SavedView = {
    id: newId(),
    name: clean,
    query: queryOfState(state),
    createdAt: now,
    updatedAt: now,
    inBriefing: true,
    events: [],
    ...(chart ? { model: chart.model } : {}),
    ...(chart?.map && state.tab === 'map' ? { map: chart.map } : {}),
  };
  return mutate(async (store) => {
    await store.addSavedViews([view]);
    return view;
  });
}

/** Change one stored view (re-read from the list, so a stale copy never overwrites a newer one). */
function change(id: string, patch: (v: SavedView) => SavedView, touch = true): Promise<ActionResult> {
  return mutate(async (store) => {
    const current = find(id);
    if (!current) throw new store.SavedViewsError('not-found', id);
    const next = { ...patch(current), ...(touch ? { updatedAt: new Date().toISOString() } : {}) };
    await store.putSavedView(next);
    return next;
  });
}

/** Rename a view. */
export function renameSavedView(id: string, name: string): Promise<ActionResult> {
  const clean = cleanText(name).slice(0, MAX_NAME);
  if (clean === '') return Promise.resolve({ ok: false, kind: 'name-empty' });
  return change(id, (v) => ({ ...v, name: clean }));
}

/** Move a view `delta` places (−1 up, +1 down), within the list. */
export function moveSavedView(id: string, delta: number): Promise<ActionResult> {
  return mutate(async (store) => {
    const ids = snapshot.views.map((v) => v.id);
    const from = ids.indexOf(id);
    if (from < 0) throw new store.SavedViewsError('not-found', id);
    const to = Math.max(0, Math.min(ids.length - 1, from + delta));
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    await store.setSavedViewsOrder(ids);
    return find(id);
  });
}

/** Put the views in this order (ids missing keep their relative order after these). */
export function reorderSavedViews(ids: readonly string[]): Promise<ActionResult> {
  return mutate(async (store) => {
    await store.setSavedViewsOrder(ids);
  });
}

/** Delete a view. */
export function deleteSavedView(id: string): Promise<ActionResult> {
  return mutate(async (store) => {
    const v = find(id);
    await store.deleteSavedView(id);
    return v;
  });
}

/** Whether the briefing plays this view. */
export function setInBriefing(id: string, inBriefing: boolean): Promise<ActionResult> {
  return change(id, (v) => ({ ...v, inBriefing }));
}

/** Add one event (already validated: ./events.ts `checkEvent`) to a view. */
export function addUserEvent(id: string, event: Omit<UserEvent, 'id'>): Promise<ActionResult> {
  return change(id, (v) => ({ ...v, events: [...v.events, { ...event, id: newId() }] }));
}

/** Remove one event of a view. */
export function removeUserEvent(id: string, eventId: string): Promise<ActionResult> {
  return change(id, (v) => ({ ...v, events: v.events.filter((e) => e.id !== eventId) }));
}

/**
 * Add the views of a file (./views-file.ts `readSavedViewsFile`), all or none, at the end: each gets a new id (a file
 * imported twice, or the same views in both browsers, never overwrites a view) — the rest is kept as in the file.
 */
export function importSavedViews(views: readonly SavedView[]): Promise<ActionResult> {
  return mutate(async (store) => {
    await store.addSavedViews(views.map((v) => ({ ...v, id: newId() })));
  });
}

/** The text and name of the export file of every saved view, in order. */
export async function exportSavedViewsFile(now = new Date()): Promise<{ text: string; fileName: string }> {
  const { file } = await ensureLoaded();
  return { text: file.serializeSavedViewsFile(snapshot.views, now), fileName: file.savedViewsFileName(now) };
}

/**
 * The export menu draws `model` (and `map`) for the view on screen: remember it (for a save from the panel), and
 * refresh the snapshot of the saved views of this view, so a briefing plays what was last seen. Nothing is written
 * when the stored chart is the same.
 */
function rendered(model: ChartModel, map?: PinnedMap): void {
  const state = currentState();
  const key = selectionKeyOfState(state);
  lastRendered = { key, model, map };
  const mapOfTab = state.tab === 'map' ? map : undefined;
  for (const v of snapshot.views) {
    if (selectionKey(v.query) !== key) continue;
    if (JSON.stringify(v.model) === JSON.stringify(model) && JSON.stringify(v.map) === JSON.stringify(mapOfTab))
      continue;
    void change(v.id, (cur) => ({ ...cur, model, map: mapOfTab }), false);
  }
}

/**
 * Open a saved view: navigate to its query (a history entry, like any user change), in the page's current
 * language. When the app then drops parts of it (an indicator or territory that no longer exists, see
 * `validateAgainstVocabulary` in src/state/url-sync.ts), `openNotice` names the saved view and what is gone.
 */
export function openSavedView(id: string): void {
  const view = find(id);
  if (!view) return;
  const store = useViewStore.getState();
  const parsed = parseViewUrl(`?${view.query}`);
  set({ openNotice: null });
  store.replace({ ...parsed.state, lang: store.lang }, parsed.notices);
  if (parsed.notices.length > 0) set({ openNotice: { name: view.name, notices: parsed.notices } });
  // The catalogue check runs on the next render (useVocabularyValidation): listen until it adds its notices, or
  // until the user moves on (a change of selection that brings no notice).
  const openedKey = selectionKeyOfState(selectViewState(useViewStore.getState()));
  const stop = useViewStore.subscribe((s, prev) => {
    if (s.notices !== prev.notices && s.notices.length > prev.notices.length) {
      set({ openNotice: { name: view.name, notices: s.notices } });
      stop();
    } else if (selectionKeyOfState(selectViewState(s)) !== openedKey) stop();
  });
}

/** Close the "opened with parts missing" notice. */
export function dismissOpenNotice(): void {
  set({ openNotice: null });
}

/** Tests: forget everything (a fresh page). */
export function resetSavedViewsForTests(): void {
  channel?.close();
  channel = null;
  loading = null;
  queue = Promise.resolve();
  lastRendered = null;
  snapshot = INITIAL;
}
