/**
 * Events on a line chart's time axis (issue 17): the markers drawn inside the recharts chart (`EventMarkers`, SVG
 * over the lines, whether the lines are SVG or the canvas layer) and the list under the chart (`EventList`).
 *
 * A marker is a vertical rule with a numbered badge at the top of the plot; the list gives each number its date, name
 * and source. Numbers, not names, sit on the plot: two events of the same month share a position, and names would
 * collide at 390 px. The list is the keyboard and screen-reader way in: each event on the axis is a button whose
 * focus or press highlights its marker (thicker rule, its name written on the plot) and is announced. Official events
 * are dashed rules with round badges; the user's own are dotted rules with square badges, and the list says
 * "Votre événement": told apart by shape and words, never by colour alone (colour-blind safe). Events outside the
 * chart's range are listed below, never drawn.
 */
import { usePlotArea, useXAxisScale } from 'recharts';
import type { Lang } from '../contract/contract.ts';
import { periodStart } from '../contract/period.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { fitText } from './text-layout.ts';
import type { ChartEvent } from '../transforms/chart-types.ts';
import {
  eventDateText,
  eventDetails,
  eventLine,
  eventMessages,
  eventsOffAxis,
  numberedEvents,
} from '../transforms/events.ts';
import './chart-events.css';

const messages = defineMessages({
  highlighted: {
    fr: 'Événement {n} marqué sur le graphique : {text}',
    ar: 'الحدث {n} مُبرز على المبيان: {text}',
    en: 'Event {n} marked on the chart: {text}',
  },
  listHelp: {
    fr: 'Choisir un événement le met en évidence sur le graphique.',
    ar: 'اختيار حدث يبرزه على المبيان.',
    en: 'Choosing an event highlights it on the chart.',
  },
  sourceLink: { fr: 'source', ar: 'المصدر', en: 'source' },
  userLink: { fr: 'lien', ar: 'الرابط', en: 'link' },
});

/** One position on the axis and the numbered events drawn there. */
interface MarkerGroup {
  t: number;
  items: { n: number; event: ChartEvent }[];
}

function markerGroups(events: readonly ChartEvent[] | undefined): MarkerGroup[] {
  const groups = new Map<number, MarkerGroup>();
  for (const item of numberedEvents(events)) {
    const t = periodStart(item.event.axisPeriod ?? item.event.date);
    let g = groups.get(t);
    if (!g) groups.set(t, (g = { t, items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

/** Props of {@link EventMarkers}. */
export interface EventMarkersProps {
  events: readonly ChartEvent[] | undefined;
  /** The highlighted event's id, or `null`. */
  highlighted: string | null;
  rtl: boolean;
}

/**
 * The markers, drawn with recharts' own x scale (a child of the recharts chart, like the focus ring). Decorative
 * for assistive technology: the list under the chart carries the same content.
 */
export function EventMarkers({ events, highlighted, rtl }: EventMarkersProps) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  const groups = markerGroups(events);
  if (!xScale || !plot || groups.length === 0) return null;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  const activeGroup = groups.find((g) => g.items.some((i) => i.event.id === highlighted));
  const activeX = activeGroup ? xScale(activeGroup.t) : undefined;
  const activeItem = activeGroup?.items.find((i) => i.event.id === highlighted);
  const shown =
    activeItem && activeX !== undefined && Number.isFinite(activeX)
      ? { x: activeX, text: activeItem.event.label }
      : null;
  const drawn = groups.map((g) => {
    const x = xScale(g.t);
    if (x === undefined || !Number.isFinite(x)) return null;
    const user = g.items.every((i) => i.event.kind === 'user');
    const active = g === activeGroup;
    const text = g.items.map((i) => i.n).join(',');
    const w = Math.max(16, 8 + text.length * 7);
    return (
      <g
        key={g.t}
        className={`chart-event${user ? ' chart-event--user' : ''}${active ? ' chart-event--active' : ''}`}
        data-event-marker={g.items.map((i) => i.event.id).join(' ')}
      >
        <line x1={x} x2={x} y1={top} y2={bottom} className="chart-event__rule" />
        <rect x={x - w / 2} y={top - 19} width={w} height={16} rx={user ? 2 : 8} className="chart-event__badge" />
        <text x={x} y={top - 7} textAnchor="middle" className="chart-event__number">
          {text}
        </text>
      </g>
    );
  });
  // The highlighted event's name, on the side of the rule with more room (the svg is `direction: ltr`, see
  // global.css: anchors and x are visual, in both languages).
  const after = shown ? shown.x - plot.x < plot.width / 2 : true;
  return (
    <g className="chart-events-layer" aria-hidden="true" pointerEvents="none">
      {drawn}
      {shown ? (
        <text
          x={shown.x + (after ? 6 : -6)}
          y={top + 14}
          // With `direction="rtl"` an anchor's start is the text's right end: swap, so the text still lies on the roomy side.
          textAnchor={after !== rtl ? 'start' : 'end'}
          className="chart-event__label"
          direction={rtl ? 'rtl' : 'ltr'}
          paintOrder="stroke"
        >
          {fitText(
            shown.text,
            Math.max(40, after ? plot.x + plot.width - shown.x - 10 : shown.x - plot.x - 10),
            12,
            true,
          )}
        </text>
      ) : null}
    </g>
  );
}

/** Props of {@link EventList}. */
export interface EventListProps {
  events: readonly ChartEvent[] | undefined;
  lang: Lang;
  highlighted: string | null;
  onHighlight: (id: string | null) => void;
}

/**
 * The events under the chart: "Événements :" then each event on the axis as a button (its number, date, name; then
 * status, caveat and source with a link), the user's own marked "Votre événement"; then those outside the range.
 * A live region announces the highlighted one.
 */
export function EventList({ events, lang, highlighted, onHighlight }: EventListProps) {
  const on = numberedEvents(events);
  const off = eventsOffAxis(events);
  if (on.length === 0 && off.length === 0) return null;
  const active = on.find((i) => i.event.id === highlighted);
  return (
    <section className="chart-events" aria-label={translate(eventMessages, lang, 'events')} data-chart-events="">
      {on.length > 0 ? (
        <>
          <p className="chart-events__title">{translate(eventMessages, lang, 'eventsHeading')}</p>
          <p className="visually-hidden">{translate(messages, lang, 'listHelp')}</p>
          <ol className="chart-events__list">
            {on.map(({ n, event: e }) => {
              const details = eventDetails(e, lang, { url: false });
              const url = e.kind === 'user' ? e.link : e.source?.url;
              return (
                <li
                  key={e.id}
                  className={`chart-events__item${e.kind === 'user' ? ' chart-events__item--user' : ''}`}
                  data-event-id={e.id}
                >
                  <button
                    type="button"
                    className="chart-events__button"
                    aria-pressed={highlighted === e.id}
                    onClick={() => onHighlight(highlighted === e.id ? null : e.id)}
                    onFocus={() => onHighlight(e.id)}
                  >
                    <span className="chart-events__badge" aria-hidden="true">
                      {n}
                    </span>
                    {e.kind === 'user' ? (
                      <span className="chart-events__yours">{translate(eventMessages, lang, 'yours')}</span>
                    ) : null}
                    <span>
                      {eventDateText(e, lang)} — {e.label}
                    </span>
                  </button>
                  {e.kind === 'user' ? null : details ? (
                    <span className="chart-events__details"> ({details})</span>
                  ) : null}
                  {url ? (
                    <>
                      {' '}
                      <a href={url} target="_blank" rel="noopener noreferrer" className="chart-events__link">
                        {translate(messages, lang, e.kind === 'user' ? 'userLink' : 'sourceLink')}
                      </a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      {off.length > 0 ? (
        <>
          <p className="chart-events__title chart-events__title--off">{translate(eventMessages, lang, 'outside')}</p>
          <ul className="chart-events__off">
            {off.map((e) => (
              <li key={e.id} data-event-id={e.id} data-off-axis="">
                {eventLine(e, lang, { url: false })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {/* role="status" (a polite live region): the chart keeps the one aria-live="polite" region, its points' (tests find it so). */}
      <p className="visually-hidden" role="status" aria-atomic="true">
        {active
          ? translate(messages, lang, 'highlighted', {
              n: active.n,
              text: `${eventDateText(active.event, lang)} — ${active.event.label}`,
            })
          : ''}
      </p>
    </section>
  );
}
