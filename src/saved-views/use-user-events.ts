/**
 * The user's own events for the view on screen (issue 17): the events of every saved view whose query shows the
 * same selection as the current view (compared as normalised query strings, language aside: ./query.ts). The
 * explorer calls it and draws them as the user's markers (never as official dates).
 */
import { useMemo } from 'react';
import { selectViewState, useViewStore } from '../state/view-store.ts';
import { selectionKey, selectionKeyOfState } from './query.ts';
import type { UserEvent } from './types.ts';
import { useSavedViews } from './use-saved-views.ts';

const NONE: readonly UserEvent[] = [];

/** The events of `views` whose selection is `key` (in list order; an event in two matching views shows once). Pure. */
export function userEventsFor(
  views: readonly { query: string; events: readonly UserEvent[] }[],
  key: string,
): readonly UserEvent[] {
  const out: UserEvent[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (v.events.length === 0 || selectionKey(v.query) !== key) continue;
    for (const e of v.events) {
      const same = `${e.period}\u0000${e.text}\u0000${e.link ?? ''}`;
      if (seen.has(same)) continue;
      seen.add(same);
      out.push(e);
    }
  }
  return out.length === 0 ? NONE : out;
}

/** The user's events for the current view (stable array while nothing changes). */
export function useActiveUserEvents(): readonly UserEvent[] {
  const key = useViewStore((s) => selectionKeyOfState(selectViewState(s)));
  const { views } = useSavedViews();
  return useMemo(() => userEventsFor(views, key), [views, key]);
}
