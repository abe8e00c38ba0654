/**
 * The seam between the export tools and the saved views (issue 17: "pins become saved views").
 *
 * The export tools (this zone) may not import src/saved-views (a zone above them), so the saved views plug in here
 * when they load (`connectSavedViews`, called by src/saved-views/saved-views-state.ts): the export menu then saves
 * the view on screen through the connected saver ("Enregistrer la vue") and reports the chart it draws (the snapshot
 * a saved view of this view keeps for offline playback). The old pins (localStorage `mouchir.pins.v1`) are moved into
 * the saved views once; when they were unreadable, `usePins().reset` says so and the export menu shows the notice.
 *
 * Before the saved views connect (their chunk loads just after the first render) the menu's save waits for them.
 */
import { useSyncExternalStore } from 'react';
import type { ChartModel } from '../../transforms/chart-types.ts';
import type { PinnedMap } from '../pins.ts';

/** What the saved views give the export tools. */
export interface SavedViewsConnection {
  /** Save the view on screen under `name`, with the chart (and map) it shows; resolves with whether it was stored. */
  save(input: { name: string; model: ChartModel; map?: PinnedMap | undefined }): Promise<boolean>;
  /** The export menu draws this chart (and map) for the view on screen: saved views of that view keep it. */
  rendered(model: ChartModel, map?: PinnedMap | undefined): void;
  /** Acknowledge the "stored pins were unreadable" notice. */
  dismissReset(): void;
}

/** Whether the old stored pins were unreadable and reset (the notice shows until dismissed). */
export interface PinsResetState {
  reset: boolean;
}

const CLEAN: PinsResetState = { reset: false };
const RESET: PinsResetState = { reset: true };
let state: PinsResetState = CLEAN;
let connection: SavedViewsConnection | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Plug the saved views in (once, when they load). */
export function connectSavedViews(next: SavedViewsConnection): void {
  connection = next;
  emit();
}

/** The saved views say whether the old stored pins were unreadable and reset. */
export function publishPinsReset(reset: boolean): void {
  const next = reset ? RESET : CLEAN;
  if (next === state) return;
  state = next;
  emit();
}

/** The connected saved views, or null before they load. */
export function useSavedViewsConnection(): SavedViewsConnection | null {
  return useSyncExternalStore(
    subscribe,
    () => connection,
    () => null,
  );
}

/** Acknowledge the reset notice. */
export const pinActions = {
  dismissReset(): void {
    connection?.dismissReset();
  },
};

/** Whether corrupt stored pins were reset (name kept from the pins era: the export menu reads `reset`). */
export function usePins(): PinsResetState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => CLEAN,
  );
}
