/**
 * State ⇄ URL. On load the query string is parsed into the view store; user changes push a history
 * entry (rapid ones, like the time slider or play, replace it); back/forward restore the state.
 * Once the catalogue is in, codes and ids are re-validated and dropped ones are shown as notices.
 * The document's `lang`/`dir` follow the language.
 */
import { useEffect } from 'react';
import { DIRECTIONS } from '../i18n/i18n.ts';
import { MAX_TERRITORIES } from '../transforms/selection.ts';
import {
  keepsUnknownIndicator,
  parseViewUrl,
  serializeViewUrl,
  type UrlNotice,
  type UrlVocabulary,
  type ViewState,
} from './view-state.ts';
import { selectViewState, useViewStore } from './view-store.ts';
import { usePreferences } from './preferences.ts';

/** How a change is recorded in the browser history. */
export type HistoryMode = 'push' | 'replace';

let pendingMode: HistoryMode = 'push';
let applyingFromUrl = false;

/**
 * Change the selection as a user action. `replace` for rapid changes (slider, play) so Back does not
 * step through every intermediate value.
 */
export function updateView(patch: Partial<ViewState>, mode: HistoryMode = 'push'): void {
  pendingMode = mode;
  useViewStore.getState().set(patch);
  pendingMode = 'push';
}

/**
 * Re-validate a parsed selection against the catalogue: unknown indicator or territory codes are
 * dropped (but an imported dataset's `user-…` id, see `keepsUnknownIndicator`), and more than `MAX_TERRITORIES`
 * are cut. Pure.
 */
export function validateAgainstVocabulary(
  state: ViewState,
  vocab: UrlVocabulary,
): { state: ViewState; notices: UrlNotice[] } {
  const notices: UrlNotice[] = [];
  const next: ViewState = { ...state, territories: [] };
  if (
    state.indicator !== null &&
    vocab.indicators &&
    !vocab.indicators.has(state.indicator) &&
    !keepsUnknownIndicator(state.indicator)
  ) {
    notices.push({ parameter: 'indicator', value: state.indicator, reason: 'unknown-value' });
    next.indicator = null;
  }
  if (state.mapRegion !== null && vocab.territories && !vocab.territories.has(state.mapRegion)) {
    notices.push({ parameter: 'region', value: state.mapRegion, reason: 'unknown-value' });
    next.mapRegion = null;
  }
  for (const code of state.territories) {
    if (vocab.territories && !vocab.territories.has(code)) {
      notices.push({ parameter: 'territories', value: code, reason: 'unknown-value' });
    } else if (next.territories.length >= MAX_TERRITORIES) {
      if (!notices.some((n) => n.reason === 'too-many'))
        notices.push({ parameter: 'territories', value: code, reason: 'too-many' });
    } else next.territories.push(code);
  }
  return { state: next, notices };
}

/** Query parameters owned by the view state; any other (`mock`…) is left in the URL untouched, but see PAGE_LOAD_PARAMS. */
const VIEW_PARAMS = new Set([
  'view',
  'indicator',
  'territories',
  'measure',
  'tab',
  'from',
  'to',
  'period',
  'level',
  'region',
  'status',
  'events',
  'lang',
]);

/**
 * Parameters that act once, on the page load that carries them, and are never written back: the address
 * bar drops them on the first render and no link the app builds (copy link, exports' link and QR) carries
 * them. `dataset` switches the mock API to the synthetic stress catalogue (issue 14 item 4): a shared link
 * or a reload must open the real data, so the switch is read from the navigation entry at start and lives
 * in the page only (src/app/dataset-mode.ts).
 */
export const PAGE_LOAD_PARAMS: ReadonlySet<string> = new Set(['dataset']);

/**
 * The address for a view state, keeping foreign parameters of `currentSearch` (the mock API's `mock`) so
 * that tools reading them later still see them, but none of {@link PAGE_LOAD_PARAMS}. Pure.
 */
export function viewSearch(state: ViewState, currentSearch: string): string {
  const own = serializeViewUrl(state);
  const foreign = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(currentSearch))
    if (!VIEW_PARAMS.has(k) && !PAGE_LOAD_PARAMS.has(k)) foreign.append(k, v);
  const extra = foreign.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  if (extra === '') return own;
  return own === '' ? `?${extra}` : `${own}&${extra}`;
}

function urlFor(state: ViewState): string {
  const search = viewSearch(state, window.location.search);
  return search === '' ? window.location.pathname : search;
}

/** Set `lang` and `dir` on the document. */
export function applyDocumentLanguage(lang: ViewState['lang']): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  // Only on a change: this runs on every store update, and writing `dir` on the root invalidates style.
  if (root.lang !== lang) root.lang = lang;
  if (root.dir !== DIRECTIONS[lang]) root.dir = DIRECTIONS[lang];
}

/**
 * A history write waiting for the next paint. Chromium's `history.pushState` took ~50–110 ms per click
 * on the stress view (issue 7, B2 profile): written inside the click it delayed the paint of the answer.
 * So the address bar follows one frame later (after the paint); two writes in that frame make one entry
 * (`push` wins over `replace`). A language change is written at once, since it is rare and tests
 * and assistive tools read it straight away.
 */
let pendingWrite: { state: ViewState; mode: HistoryMode } | null = null;

function writeHistory(state: ViewState, mode: HistoryMode): void {
  const url = urlFor(state);
  if (mode === 'replace') window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

/** Write the pending history entry now, if any (before another write, so the order is kept). */
export function flushHistoryWrite(): void {
  const pending = pendingWrite;
  pendingWrite = null;
  if (pending) writeHistory(pending.state, pending.mode);
}

function scheduleHistoryWrite(state: ViewState, mode: HistoryMode, immediate: boolean): void {
  const merged: HistoryMode = pendingWrite?.mode === 'push' || mode === 'push' ? 'push' : 'replace';
  const wasPending = pendingWrite !== null;
  pendingWrite = { state, mode: merged };
  if (immediate || typeof requestAnimationFrame !== 'function') {
    flushHistoryWrite();
    return;
  }
  // rAF runs just before the paint; the timeout after it runs once the frame is out.
  if (!wasPending) requestAnimationFrame(() => setTimeout(flushHistoryWrite, 0));
}

/**
 * Load the selection from the current URL into the store (before the first render).
 * Without a `lang` parameter the remembered language wins over the default; with one, it is remembered.
 */
export function initViewFromUrl(search: string = window.location.search): void {
  const parsed = parseViewUrl(search);
  const hasLang = new URLSearchParams(search).has('lang') && !parsed.notices.some((n) => n.parameter === 'lang');
  const remembered = usePreferences.getState().lang;
  const state = !hasLang && remembered ? { ...parsed.state, lang: remembered } : parsed.state;
  // A link that names its language is a choice too: remember it. Otherwise `?lang=fr` (the default, which the
  // address bar then drops) opened in French and a reload came back in the last remembered language.
  if (hasLang) usePreferences.getState().setLang(state.lang);
  applyingFromUrl = true;
  useViewStore.getState().replace(state, parsed.notices);
  applyingFromUrl = false;
  applyDocumentLanguage(state.lang);
}

/** The absolute link to the current view, as shared (copy link, exports' link and QR): never a page-load switch. */
export function currentViewLink(state: ViewState = selectViewState(useViewStore.getState())): string {
  const url = new URL(window.location.href);
  url.search = viewSearch(state, url.search);
  url.hash = '';
  return url.toString();
}

/**
 * Keep store and URL in step for the app's lifetime. `vocab` is the catalogue once loaded
 * (`undefined` before), used to drop unknown codes with a notice.
 */
export function useUrlSync(vocab: UrlVocabulary | undefined): void {
  useHistorySync();
  useVocabularyValidation(vocab);
}

/** Store → URL (push or replace), URL → store on back/forward, document language. Mount once. */
export function useHistorySync(): void {
  useEffect(() => {
    let previous = serializeViewUrl(selectViewState(useViewStore.getState()));
    // Normalise the address bar once (drops ignored parameters) without a new history entry.
    const normalised = viewSearch(selectViewState(useViewStore.getState()), window.location.search);
    if (normalised !== window.location.search)
      window.history.replaceState(null, '', urlFor(selectViewState(useViewStore.getState())));
    let previousLang = selectViewState(useViewStore.getState()).lang;
    const unsubscribe = useViewStore.subscribe((s) => {
      const state = selectViewState(s);
      applyDocumentLanguage(state.lang);
      usePreferences.getState().setLang(state.lang);
      const langChanged = state.lang !== previousLang;
      previousLang = state.lang;
      const next = serializeViewUrl(state);
      if (next === previous || applyingFromUrl) {
        previous = next;
        return;
      }
      previous = next;
      scheduleHistoryWrite(state, pendingMode, langChanged);
    });
    const onPop = () => {
      // The address bar now rules: a write still waiting from just before Back is dropped.
      pendingWrite = null;
      const parsed = parseViewUrl(window.location.search);
      applyingFromUrl = true;
      useViewStore.getState().replace(parsed.state, parsed.notices);
      applyingFromUrl = false;
      previous = serializeViewUrl(parsed.state);
      applyDocumentLanguage(parsed.state.lang);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}

/** Drop unknown codes and ids once the catalogue is in, with a notice; re-checked after every change. */
export function useVocabularyValidation(vocab: UrlVocabulary | undefined): void {
  const indicator = useViewStore((s) => s.indicator);
  const territories = useViewStore((s) => s.territories);
  const mapRegion = useViewStore((s) => s.mapRegion);
  useEffect(() => {
    if (!vocab) return;
    const store = useViewStore.getState();
    const { state, notices } = validateAgainstVocabulary(selectViewState(store), vocab);
    if (notices.length === 0) return;
    applyingFromUrl = true;
    store.replace(state, [...store.notices, ...notices].slice(0, 20));
    applyingFromUrl = false;
    flushHistoryWrite();
    window.history.replaceState(null, '', urlFor(state));
  }, [vocab, indicator, territories, mapRegion]);
}
