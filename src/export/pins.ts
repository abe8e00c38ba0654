/**
 * Views pinned for presentation mode, persisted in localStorage under a versioned key — until issue 17: pins became
 * saved views (src/saved-views, IndexedDB). The saved views read the stored pins once with `readPins`, move them in
 * and remove the key (src/saved-views/saved-views-state.ts); the writers below are kept for that migration's tests
 * and for the stored shape of a map (`PinnedMapSchema`, `toPinnedMap`, `mapModelOfPin`), which saved views reuse.
 *
 * A pin stores the ChartModel itself (a few kB), so a presentation plays back exactly what was
 * pinned, offline and without refetching. Everything read back is validated with the model's own schema
 * (src/transforms/chart-types.ts, bounds included): corrupt or outdated data is removed and reported, never
 * trusted and never a crash.
 */
import { z } from 'zod/mini';
import { DataStatus, LANGS, Source } from '../contract/contract.ts';
import { leadingModel } from '../transforms/chart-lead.ts';
import { ChartModelSchema, MissingReasonSchema, type ChartModel } from '../transforms/chart-types.ts';
import type { MapModel } from '../transforms/map-model.ts';

/** Storage key; bump the version when the stored shape changes (old data is then reset). */
export const PINS_KEY = 'mouchir.pins.v1';
/** Most pins kept; the oldest are dropped first. */
export const MAX_PINS = 24;

/** Most territories a stored map holds (75 provinces today; room for a finer file). */
const MAX_MAP_TERRITORIES = 200;
const colour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/));
const Listed = z.object({ code: z.string(), name: z.string(), reason: z.string() });

/**
 * A map as stored in a pin: the `MapModel` with its `data` map as a list (JSON has no Map), the region opened,
 * the title as shown and the region labels — everything to draw it again with the boundary file, which is not
 * stored (a static file of the app, fetched again when the pin is presented).
 */
export const PinnedMapSchema = z.object({
  title: z.string(),
  /** Regions opened (their provinces only), `null` for the whole country. */
  regions: z.nullable(z.array(z.string()).check(z.maxLength(12))),
  regionLabels: z.array(z.tuple([z.string(), z.string()])).check(z.maxLength(MAX_MAP_TERRITORIES)),
  model: z.object({
    level: z.enum(['region', 'province']),
    lang: z.enum(LANGS),
    indicatorId: z.string(),
    period: z.nullable(z.string()),
    classes: z
      .array(
        z.object({
          index: z.number(),
          from: z.number(),
          to: z.number(),
          color: colour,
          colorDark: colour,
          label: z.string(),
        }),
      )
      .check(z.maxLength(12)),
    noData: z.object({ label: z.string(), count: z.number() }),
    data: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          value: z.nullable(z.number()),
          reason: z.optional(MissingReasonSchema),
          valueText: z.string(),
          status: DataStatus,
          period: z.nullable(z.string()),
          note: z.optional(z.nullable(z.string())),
          classIndex: z.nullable(z.number()),
        }),
      )
      .check(z.maxLength(MAX_MAP_TERRITORIES)),
    withoutBoundary: z.array(Listed).check(z.maxLength(MAX_MAP_TERRITORIES)),
    withoutData: z.array(Listed).check(z.maxLength(MAX_MAP_TERRITORIES)),
    title: z.string(),
    subtitle: z.string(),
    unitLabel: z.string(),
    status: DataStatus,
    source: Source,
    attribution: z.string(),
  }),
});
/** A map as stored in a pin. */
export type PinnedMap = z.infer<typeof PinnedMapSchema>;

// `map` is optional: pins stored before maps could be pinned (a chart model alone) still load, unchanged.
const PinSchema = z.object({
  id: z.string().check(z.minLength(1)),
  pinnedAt: z.string(),
  model: ChartModelSchema,
  map: z.optional(PinnedMapSchema),
});
const StoredPinsSchema = z.object({ version: z.literal(1), pins: z.array(PinSchema).check(z.maxLength(MAX_PINS)) });

/** One pinned view. */
export interface PinnedView {
  /** The view's link: pinning the same view again replaces it. */
  id: string;
  /** ISO timestamp. */
  pinnedAt: string;
  /** The chart (for a map pin: the view's chart model, which gives the link, language and direction). */
  model: ChartModel;
  /** Present when the pinned view is a map: it is presented as the map picture. */
  map?: PinnedMap | undefined;
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

/** The stored form of a map (`data` as a list, labels as pairs). */
export function toPinnedMap(
  model: MapModel,
  view: { title: string; regions: readonly string[] | null; regionLabels?: ReadonlyMap<string, string> | undefined },
): PinnedMap {
  return {
    title: view.title,
    regions: view.regions === null ? null : [...view.regions],
    regionLabels: [...(view.regionLabels ?? new Map<string, string>())],
    model: { ...model, data: [...model.data.values()] },
  };
}

/** The map model of a stored map (its `data` back into a Map by code). */
export function mapModelOfPin(map: PinnedMap): MapModel {
  return { ...map.model, data: new Map(map.model.data.map((d) => [d.code, d])) };
}

/** Identity of a pinned map: its view's link, marked, so the chart of the same view can be pinned too. */
export function mapPinId(model: ChartModel): string {
  return `map:${pinId(model)}`;
}

/**
 * Pin a map view (replacing an earlier pin of the same map): `model` is the view's chart model (link,
 * language), `map` what draws the map again.
 */
export function addMapPin(pins: readonly PinnedView[], model: ChartModel, map: PinnedMap, now: Date): PinnedView[] {
  const id = mapPinId(model);
  const rest = pins.filter((p) => p.id !== id);
  return [...rest, { id, pinnedAt: now.toISOString(), model, map }].slice(-MAX_PINS);
}
