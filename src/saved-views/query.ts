/**
 * A saved view's query string (issue 17): the canonical form it is stored in, and the key that says whether the
 * view on screen is that saved view. Pure, no zod: the explorer's `useActiveUserEvents` calls it on every change.
 */
import { parseViewUrl, serializeViewUrl, type ViewState } from '../state/view-state.ts';

/** The query string of a view state as stored: `serializeViewUrl` without the leading `?`. */
export function queryOfState(state: ViewState): string {
  return serializeViewUrl(state).replace(/^\?/, '');
}

/** A stored (or imported) query string in canonical form: parsed, then written again (junk and foreign keys go). */
export function canonicalQuery(query: string): string {
  return queryOfState(parseViewUrl(query.startsWith('?') ? query : `?${query}`).state);
}

/**
 * The selection a view state shows, language aside: two views with the same key are the same view (the user's
 * events of a view saved in French show in Arabic too).
 */
export function selectionKeyOfState(state: ViewState): string {
  return queryOfState({ ...state, lang: 'fr' });
}

/** The selection key of a stored query string. */
export function selectionKey(query: string): string {
  return selectionKeyOfState(parseViewUrl(query.startsWith('?') ? query : `?${query}`).state);
}
