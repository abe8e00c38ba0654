/**
 * The saved views in their order (issue 17), for React: the header entry, the panel and the briefing read it.
 * The first component that calls it starts loading the store (a lazy chunk, see ./saved-views-state.ts).
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { savedViewsMessages } from './messages.ts';
import { MAX_VIEWS } from './names.ts';
import { savedViewsSnapshot, subscribeSavedViews, type SavedViewsFailure } from './saved-views-state.ts';
import type { SavedView } from './types.ts';
import { useViewStore } from '../state/view-store.ts';

/** What the saved views list holds right now. */
export interface SavedViewsState {
  status: 'loading' | 'ready' | 'error';
  views: readonly SavedView[];
  /** Why the list could not be read (`status: 'error'`), in the page's language. */
  message?: string;
}

/** The sentence for a failure, in `lang`. */
export function failureText(kind: SavedViewsFailure, lang: Lang): string {
  const key = (
    {
      unavailable: 'errUnavailable',
      quota: 'errQuota',
      'not-found': 'errNotFound',
      'too-many': 'errTooMany',
      failed: 'errFailed',
      'name-empty': 'nameEmpty',
    } as const
  )[kind];
  return translate(savedViewsMessages, lang, key, { max: MAX_VIEWS });
}

const cache = new WeakMap<object, Map<Lang, SavedViewsState>>();

/** The saved views, ordered, with their loading status. */
export function useSavedViews(): SavedViewsState {
  const snap = useSyncExternalStore(subscribeSavedViews, savedViewsSnapshot, savedViewsSnapshot);
  const lang = useViewStore((s) => s.lang);
  // One stable object per snapshot and language, so consumers' memos hold.
  let byLang = cache.get(snap);
  if (!byLang) cache.set(snap, (byLang = new Map()));
  let state = byLang.get(lang);
  if (!state) {
    state =
      snap.status === 'error'
        ? { status: 'error', views: snap.views, message: failureText(snap.error ?? 'failed', lang) }
        : { status: snap.status, views: snap.views };
    byLang.set(lang, state);
  }
  return state;
}
