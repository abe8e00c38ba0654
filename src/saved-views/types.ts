/**
 * Saved views (issue 17): the shapes shared by the store, the panel, the briefing and the charts.
 * Owned by the saved-views work; the charts only read `UserEvent` (drawn as the user's own markers).
 *
 * A saved view keeps the view selection as its query string (the same string the URL holds, parsed by
 * src/state/url-sync.ts when opened), so opening one is navigating to it; it may also keep the chart it showed
 * when saved, so a briefing can play offline.
 *
 * Types only (no zod here): the explorer and the header import this file, and the runtime schemas (./schema.ts,
 * which pull in the chart model's schema) load with the store, not in the first chunk. `tests/unit/saved-views-file
 * .test.ts` checks that the schema's inferred type and these interfaces agree.
 */
import type { ChartModel } from '../transforms/chart-types.ts';
import type { PinnedMap } from '../export/pins.ts';

/** An event the user added to a saved view: always shown as theirs, never as an official date. */
export interface UserEvent {
  /** Stable id within its saved view. */
  id: string;
  /** The period it marks, in the contract's period syntax (`2024`, `2024-Q1`, `2024-03`). */
  period: string;
  /** What happened, in the user's words (plain text, never markup). */
  text: string;
  /** Optional link (http or https only). */
  link?: string;
}

/** A view saved under a name. */
export interface SavedView {
  id: string;
  /** The user's name for it: plain text (rendered as text; see `spreadsheetSafeText` before it reaches a sheet). */
  name: string;
  /**
   * The view's query string without the leading `?` (language included), in the canonical form
   * `serializeViewUrl` writes (foreign parameters dropped).
   */
  query: string;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /** Whether the briefing plays it (the briefing is the saved views in their order). */
  inBriefing: boolean;
  events: UserEvent[];
  /** The chart the view showed when last saved or opened, for offline playback (explorer views only). */
  model?: ChartModel | undefined;
  /** The map it showed, when saved from the map tab. */
  map?: PinnedMap | undefined;
}
