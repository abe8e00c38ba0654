/**
 * Runtime schemas of a saved view and a user event (zod/mini, issue 17): what the store reads back and what an
 * imported file must hold. Everything read from IndexedDB or a file goes through them; nothing is trusted.
 *
 * Names and event texts are plain text: control and bidirectional-override characters are removed (they could
 * reorder what a reader sees), whitespace is collapsed, and the result must be 1–120 (names) or 1–300 (texts)
 * characters. Markup or formula-like text is kept as text: React renders it as text, and `spreadsheetSafeText`
 * (./names.ts) neutralises it before it reaches a spreadsheet cell.
 */
import { z } from 'zod/mini';
import { isPeriod } from '../contract/period.ts';
import { PinnedMapSchema } from '../export/pins.ts';
import { ChartModelSchema } from '../transforms/chart-types.ts';
import { cleanText, isHttpLink, MAX_EVENT_TEXT, MAX_NAME } from './names.ts';
import type { SavedView, UserEvent } from './types.ts';

/** Most events one saved view holds. */
export const MAX_EVENTS = 50;
/** Longest query string kept (the URL parser looks at no longer value either). */
export const MAX_QUERY = 4_000;
/** Longest link of an event. */
export const MAX_LINK = 2_000;

const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id of letters, digits, - or _'));
const IsoTime = z.string().check(
  z.maxLength(40),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date'),
);

/** A text cleaned of control characters, then 1…max characters. */
const cleaned = (max: number) =>
  z
    .pipe(
      z.string().check(z.maxLength(max * 4)),
      z.transform((s: string) => cleanText(s)),
    )
    .check(z.minLength(1, 'empty after cleaning'), z.maxLength(max));

/** Runtime schema of a {@link UserEvent}. */
export const UserEventSchema = z.object({
  id: Id,
  period: z.string().check(z.refine(isPeriod, 'expected a period like 2024, 2024-Q1 or 2024-03')),
  text: cleaned(MAX_EVENT_TEXT),
  link: z.optional(z.string().check(z.maxLength(MAX_LINK), z.refine(isHttpLink, 'expected an http or https link'))),
});

/** Runtime schema of a {@link SavedView}. */
export const SavedViewSchema = z.object({
  id: Id,
  name: cleaned(MAX_NAME),
  query: z.string().check(z.maxLength(MAX_QUERY)),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  inBriefing: z.boolean(),
  events: z.array(UserEventSchema).check(z.maxLength(MAX_EVENTS)),
  model: z.optional(ChartModelSchema),
  map: z.optional(PinnedMapSchema),
});

// The interfaces of ./types.ts (imported where zod must not load) and the schema agree both ways.
type Parsed = z.output<typeof SavedViewSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check only. */
export const SCHEMA_MATCHES_TYPES: Same<Parsed, SavedView> & Same<z.output<typeof UserEventSchema>, UserEvent> = true;
