/**
 * Events on the time axis (issue 17): the dated events of an indicator (`GET /events`) and the user's own events of
 * the saved view, placed on a line chart's time axis. Pure: no React, no store.
 *
 * Placement follows the axis, through the one period module (src/contract/period.ts):
 * - an axis of years only (a census series: 2014, 2024) places an event on the YEAR that contains it — `2022-12`
 *   falls on `2022`, and the list says so ("placé sur 2022 : axe annuel") so nobody reads December as January;
 * - an axis of quarters (and years) places it on its quarter; any other axis (months, or mixed periods on the
 *   numeric time axis the line chart draws) at its own period;
 * - an event whose axis position lies outside the chart's first and last period gets `axisPeriod: null`: it is
 *   listed under the chart as "outside the period shown", never drawn off the axis.
 * The user's events are merged in with `kind: 'user'` (drawn and listed as theirs); one with an invalid period is
 * dropped, and a link that is not http(s) is dropped (never rendered as a link).
 */
import type { IndicatorEvent, Lang } from '../contract/contract.ts';
import { formatPeriod as periodString, parsePeriod, periodStart } from '../contract/period.ts';
import { formatPeriod } from '../i18n/format.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatCitation } from '../i18n/provenance.ts';
import { statusText } from '../i18n/status-label.ts';
import { MAX_CHART_EVENTS, type ChartEvent, type ChartModel } from './chart-types.ts';

/** Words of the events, shared by the chart, its list and every export. */
export const eventMessages = defineMessages({
  events: { fr: 'Événements', ar: 'أحداث', en: 'Events' },
  eventsHeading: { fr: 'Événements :', ar: 'أحداث:', en: 'Events:' },
  outside: {
    fr: 'Hors de la période affichée :',
    ar: 'خارج الفترة المعروضة:',
    en: 'Outside the period shown:',
  },
  yours: { fr: 'Votre événement', ar: 'حدثك', en: 'Your event' },
  placedOnYear: {
    fr: 'placé sur {period} : axe annuel',
    ar: 'موضوع على {period}: محور سنوي',
    en: 'placed on {period}: yearly axis',
  },
  placedOnQuarter: {
    fr: 'placé sur {period} : axe trimestriel',
    ar: 'موضوع على {period}: محور فصلي',
    en: 'placed on {period}: quarterly axis',
  },
  source: { fr: 'source : {citation}', ar: 'المصدر: {citation}', en: 'source: {citation}' },
  link: { fr: 'lien : {url}', ar: 'الرابط: {url}', en: 'link: {url}' },
});

/** A user's event as the saved views keep it (structurally `UserEvent` of src/saved-views/types.ts). */
export interface UserEventInput {
  id: string;
  period: string;
  text: string;
  link?: string | undefined;
}

/** Inputs of {@link placeEvents}. */
export interface PlaceEventsInput {
  /** The chart's periods, sorted (`ChartModel.periods`). */
  periods: readonly string[];
  /** The indicator's events from the API. */
  events: readonly IndicatorEvent[];
  /** The user's own events for this view. */
  userEvents?: readonly UserEventInput[];
  lang: Lang;
}

type AxisGrain = 'year' | 'quarter' | 'other';

/** How coarse the axis is: years only, quarters (with or without years), or anything else. */
export function axisGrain(periods: readonly string[]): AxisGrain {
  let grain: AxisGrain = 'year';
  for (const p of periods) {
    const kind = parsePeriod(p)?.kind;
    if (kind === 'month' || kind === undefined) return 'other';
    if (kind === 'quarter') grain = 'quarter';
  }
  return periods.length === 0 ? 'other' : grain;
}

/** The period an event's date takes on an axis of that grain (never finer than the date itself). */
export function axisPeriodOf(date: string, grain: AxisGrain): string | null {
  const p = parsePeriod(date);
  if (!p) return null;
  if (grain === 'year' && p.kind !== 'year') return String(p.year).padStart(4, '0');
  if (grain === 'quarter' && p.kind === 'month')
    return periodString({ kind: 'quarter', year: p.year, quarter: Math.ceil(p.month / 3) });
  return date;
}

const SAFE_LINK = /^https?:\/\/[^\s]+$/i;

/**
 * Place the indicator's events and the user's on the chart's axis (see the module comment): sorted by date (the
 * official one first on the same date), each with `axisPeriod` (`null` outside the chart's range).
 */
export function placeEvents(input: PlaceEventsInput): ChartEvent[] {
  const { periods, lang } = input;
  const grain = axisGrain(periods);
  const first = periods[0];
  const last = periods.at(-1);
  const lo = first !== undefined && parsePeriod(first) ? periodStart(first) : null;
  const hi = last !== undefined && parsePeriod(last) ? periodStart(last) : null;
  const place = (date: string): string | null => {
    const at = axisPeriodOf(date, grain);
    if (at === null || lo === null || hi === null) return null;
    const t = periodStart(at);
    // The line chart puts a period at its first month: the axis runs from the first period's start to the last's.
    return t >= lo && t <= hi ? at : null;
  };
  const out: (ChartEvent & { order: number })[] = [];
  for (const e of input.events) {
    if (!parsePeriod(e.date)) continue;
    const placed: ChartEvent & { order: number } = {
      id: e.id,
      kind: 'official',
      date: e.date,
      axisPeriod: place(e.date),
      label: e.name[lang],
      status: e.status,
      source: e.source,
      order: 0,
    };
    if (e.day) placed.day = e.day;
    if (e.note) placed.note = e.note[lang];
    out.push(placed);
  }
  for (const u of input.userEvents ?? []) {
    const text = u.text.trim().slice(0, 500);
    if (!parsePeriod(u.period) || text === '') continue;
    const placed: ChartEvent & { order: number } = {
      id: `user-${u.id}`.slice(0, 200),
      kind: 'user',
      date: u.period,
      axisPeriod: place(u.period),
      label: text,
      order: 1,
    };
    if (u.link && u.link.length <= 2000 && SAFE_LINK.test(u.link)) placed.link = u.link;
    out.push(placed);
  }
  out.sort(
    (a, b) =>
      periodStart(a.date) - periodStart(b.date) || a.order - b.order || (a.day ?? '').localeCompare(b.day ?? ''),
  );
  return out.slice(0, MAX_CHART_EVENTS).map(({ order: _order, ...e }) => e);
}

/**
 * The model with its events (a line chart only; a bar chart has no time axis). `null`/empty events give the model
 * without the field, so a chart with events turned off exports none.
 */
export function withEvents(model: ChartModel, events: readonly ChartEvent[] | null): ChartModel {
  if (model.kind !== 'line' || !events || events.length === 0) {
    if (model.events === undefined) return model;
    const { events: _e, ...rest } = model;
    return rest;
  }
  return { ...model, events: [...events] };
}

/** The events drawn on the axis (those inside the chart's range). */
export function eventsOnAxis(events: readonly ChartEvent[] | undefined): ChartEvent[] {
  return (events ?? []).filter((e) => e.axisPeriod !== null);
}

/** The events outside the chart's range (listed, never drawn). */
export function eventsOffAxis(events: readonly ChartEvent[] | undefined): ChartEvent[] {
  return (events ?? []).filter((e) => e.axisPeriod === null);
}

/** "déc. 2022", and "(placé sur 2022 : axe annuel)" when the axis is coarser than the date. */
export function eventDateText(e: ChartEvent, lang: Lang): string {
  const date = formatPeriod(e.date, lang);
  if (e.axisPeriod === null || e.axisPeriod === e.date) return date;
  const key = parsePeriod(e.axisPeriod)?.kind === 'quarter' ? 'placedOnQuarter' : 'placedOnYear';
  return `${date} (${translate(eventMessages, lang, key, { period: formatPeriod(e.axisPeriod, lang) })})`;
}

/** Options of {@link eventLine}. */
export interface EventLineOptions {
  /** End the source citation with its link (default true). */
  url?: boolean;
}

/**
 * What follows an event's name, in parentheses: the status and caveat of an event that is not official, then its source
 * ("source : CNSS, « … », 19 oct. 2023, via Médias24 — https://…"); the user's link for theirs. Empty when nothing.
 */
export function eventDetails(e: ChartEvent, lang: Lang, options: EventLineOptions = {}): string {
  if (e.kind === 'user') return e.link ? translate(eventMessages, lang, 'link', { url: e.link }) : '';
  const parts: string[] = [];
  if (e.status && e.status !== 'official') parts.push(statusText(e.status, lang));
  if (e.note) parts.push(e.note);
  if (e.source)
    parts.push(
      translate(eventMessages, lang, 'source', {
        citation: formatCitation(e.source, lang, { url: options.url !== false }),
      }),
    );
  return parts.join(lang === 'ar' ? '؛ ' : lang === 'fr' ? ' ; ' : '; ');
}

/**
 * One event as a line of text, the same on screen, in pictures, spreadsheets and slides:
 * "déc. 2022 — Généralisation de l’AMO… (source : CNSS, « … », via Médias24 — https://…)", with the status and caveat
 * of an event that is not official, and "Votre événement · mars 2024 — …" for the user's own.
 */
export function eventLine(e: ChartEvent, lang: Lang, options: EventLineOptions = {}): string {
  const head = `${eventDateText(e, lang)} — ${e.label}`;
  const details = eventDetails(e, lang, options);
  const line = details ? `${head} (${details})` : head;
  return e.kind === 'user' ? `${translate(eventMessages, lang, 'yours')} · ${line}` : line;
}

/** Events on the axis numbered 1, 2… in date order (the number on each marker and in every list). */
export function numberedEvents(events: readonly ChartEvent[] | undefined): { n: number; event: ChartEvent }[] {
  return eventsOnAxis(events).map((event, i) => ({ n: i + 1, event }));
}
