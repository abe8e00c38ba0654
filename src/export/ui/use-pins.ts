/**
 * React binding of the pinned views: one module-level copy, shared by the export menu and the
 * "Présenter" button, kept in step across tabs through the `storage` event.
 */
import { useSyncExternalStore } from 'react';
import type { ChartModel } from '../../transforms/chart-types.ts';
import {
  addMapPin,
  addPin,
  browserStorage,
  PINS_KEY,
  readPins,
  removePin,
  writePins,
  type PinnedMap,
  type PinsRead,
} from '../pins.ts';

let state: PinsRead | null = null;
const listeners = new Set<() => void>();

function current(): PinsRead {
  if (state === null) state = readPins(browserStorage());
  return state;
}

function emit(next: PinsRead): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === PINS_KEY) emit(readPins(browserStorage()));
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Actions on the pinned views; each returns whether the list could be saved. */
export const pinActions = {
  pin(model: ChartModel): boolean {
    const pins = addPin(current().pins, model, new Date());
    emit({ pins, reset: false });
    return writePins(browserStorage(), pins);
  },
  /** Pin a map view: `model` is the view's chart model (link, language), `map` what draws the map. */
  pinMap(model: ChartModel, map: PinnedMap): boolean {
    const pins = addMapPin(current().pins, model, map, new Date());
    emit({ pins, reset: false });
    return writePins(browserStorage(), pins);
  },
  unpin(id: string): boolean {
    const pins = removePin(current().pins, id);
    emit({ pins, reset: false });
    return writePins(browserStorage(), pins);
  },
  clear(): boolean {
    emit({ pins: [], reset: false });
    return writePins(browserStorage(), []);
  },
  /** Acknowledge the "reset" notice. */
  dismissReset(): void {
    emit({ pins: current().pins, reset: false });
  },
  /** Re-read storage (tests, or after another part of the app wrote it). */
  reload(): void {
    emit(readPins(browserStorage()));
  },
};

/** The pinned views and whether corrupt stored data was reset. */
export function usePins(): PinsRead {
  return useSyncExternalStore(subscribe, current, current);
}
