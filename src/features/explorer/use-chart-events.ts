/**
 * The explorer's line with its events (issue 17): the indicator's dated events (`GET /events`) and the user's own
 * events of the saved view (`useActiveUserEvents`), placed on the line's time axis by src/transforms/events.ts, unless
 * the reader turned events off (`events=0`). The chart and every export read the returned model, so a download has
 * exactly the markers on screen. A failed or pending events query draws the chart without events (never an error
 * panel: events only explain the figures).
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { eventsQuery } from '../../api/queries.ts';
import { useActiveUserEvents } from '../../saved-views/use-user-events.ts';
import { useViewStore } from '../../state/view-store.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { placeEvents, withEvents } from '../../transforms/events.ts';

/** `model` (a line) with its events, or without any when they are off; the same object while nothing changed. */
export function useChartEvents(model: ChartModel): ChartModel {
  const shown = useViewStore((s) => s.events);
  const userEvents = useActiveUserEvents();
  const line = model.kind === 'line';
  const eventsQ = useQuery({ ...eventsQuery({ indicator: model.indicatorId }), enabled: shown && line });
  const official = eventsQ.data;
  return useMemo(() => {
    if (!shown || !line) return withEvents(model, null);
    const placed = placeEvents({ periods: model.periods, events: official ?? [], userEvents, lang: model.lang });
    return withEvents(model, placed);
  }, [model, shown, line, official, userEvents]);
}
