/**
 * The user's own events for the view on screen (issue 17). STUB owned by the saved-views work: it will return the
 * events of the saved view(s) matching the current view selection. The explorer already calls it.
 */
import type { UserEvent } from './types.ts';

const NONE: readonly UserEvent[] = [];

/** The user's events for the current view (none yet). */
export function useActiveUserEvents(): readonly UserEvent[] {
  return NONE;
}
