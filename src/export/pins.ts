/**
 * Views pinned for presentation mode, persisted in localStorage under a versioned key.
 * A pin stores the ChartModel itself (a few kB), so a presentation plays back exactly what was
 * pinned, offline and without refetching. Everything read back is validated with the model's own schema
 * (src/transforms/chart-types.ts, bounds included): corrupt or outdated data is removed and reported, never
 * trusted and never a crash.
 */
import { z } from 'zod/mini';
import { leadingModel } from '../transforms/chart-lead.ts';
import { ChartModelSchema, type ChartModel } from '../transforms/chart-types.ts';

/** Storage key; bump the version when the stored shape changes (old data is then reset). */
export const PINS_KEY = 'mouchir.pins.v1';
/** Most pins kept; the oldest are dropped first. */
export const MAX_PINS = 24;

const PinSchema = z.object({ id: z.string().check(z.minLength(1)), pinnedAt: z.string(), model: ChartModelSchema });
const StoredPinsSchema = z.object({ version: z.literal(1), pins: z.array(PinSchema).check(z.maxLength(MAX_PINS)) });

/** One pinned view. */
export interface PinnedView {
  /** The view's link: pinning the same view again replaces it. */
  id: string;
  /** ISO timestamp. */
  pinnedAt: string;
  model: ChartModel;
}

/** What was read: the pins, and whether unreadable stored data had to be reset. */
export interface PinsRead {
  pins: PinnedView[];
  reset: boolean;
}

/** The part of `Storage` used here (injectable in tests; `null` when storage is unavailable). */
export type PinStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or `null` (private mode, sandboxed frames, tests without DOM). */
export function browserStorage(): PinStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Read and validate the pins. Corrupt or outdated data is removed and `reset` is true. */
export function readPins(storage: PinStorage | null): PinsRead {
  if (!storage) return { pins: [], reset: false };
  let raw: string | null;
  try {
    raw = storage.getItem(PINS_KEY);
  } catch {
    return { pins: [], reset: false };
  }
  if (raw === null) return { pins: [], reset: false };
  try {
    const parsed = StoredPinsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { pins: parsed.data.pins, reset: false };
  } catch {
    // Not JSON: handled as corrupt below.
  }
  try {
    storage.removeItem(PINS_KEY);
  } catch {
    // Nothing more we can do; the caller still shows the notice.
  }
  return { pins: [], reset: true };
}

/** Write the pins; returns false when storage refused (quota, private mode). */
export function writePins(storage: PinStorage | null, pins: readonly PinnedView[]): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PINS_KEY, JSON.stringify({ version: 1, pins: pins.slice(-MAX_PINS) }));
    return true;
  } catch {
    return false;
  }
}

/** Identity of a pinned view: its link (or indicator + territories when there is no link). */
export function pinId(model: ChartModel): string {
  return model.link || `${model.indicatorId}|${model.series.map((s) => s.key).join(',')}`;
}

/**
 * Pin a view (replacing an earlier pin of the same link); the oldest pins go past MAX_PINS. What is stored is the
 * chart that fits the data (`leadingModel`, issue 13): a line whose values fall on one period is pinned as its
 * ranking.
 */
export function addPin(pins: readonly PinnedView[], model: ChartModel, now: Date): PinnedView[] {
  const id = pinId(model);
  const rest = pins.filter((p) => p.id !== id);
  return [...rest, { id, pinnedAt: now.toISOString(), model: leadingModel(model) }].slice(-MAX_PINS);
}

/** Remove one pin. */
export function removePin(pins: readonly PinnedView[], id: string): PinnedView[] {
  return pins.filter((p) => p.id !== id);
}

/** Whether this model's view is pinned. */
export function isPinned(pins: readonly PinnedView[], model: ChartModel): boolean {
  const id = pinId(model);
  return pins.some((p) => p.id === id);
}
