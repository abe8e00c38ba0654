/**
 * The saved views in their order (issue 17). STUB owned by the saved-views work; the briefing reads it.
 */
import type { SavedView } from './types.ts';

/** What the saved views list holds right now. */
export interface SavedViewsState {
  status: 'loading' | 'ready' | 'error';
  views: readonly SavedView[];
  /** Why the list could not be read (`status: 'error'`), in the page's language. */
  message?: string;
}

const EMPTY: SavedViewsState = { status: 'ready', views: [] };

/** The saved views, ordered (stub: none). */
export function useSavedViews(): SavedViewsState {
  return EMPTY;
}
