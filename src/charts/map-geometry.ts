/**
 * The map's geometry: projects the boundary topology (src/contract/geo.ts) to SVG path strings for a box of
 * `width × height`. Pure (d3-geo + topojson-client, no React, no DOM), so the map component, the map exports
 * and the tests draw the very same paths. The caller memoises per (topology, options): projecting the 75
 * provinces takes a few milliseconds, and the result does not depend on the data, the period or the language.
 *
 * Conic conformal with standard parallels 24°N and 34°N, centred on 8°W: Morocco's extent from Lagouira
 * (20.8°N) to Tanger (35.9°N), with shapes kept as they are seen on Moroccan official maps. Geography is never
 * mirrored: the paths are the same in Arabic (the component mirrors legends and controls, not this).
 */
import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MoroccoTopology } from '../contract/geo.ts';
import type { MapLevel } from '../transforms/map-model.ts';

export type { MapLevel };

/** One territory drawn on the map. */
export interface MapShape {
  /** ISO code, e.g. `MA-06` or `MA-BES`. */
  code: string;
  /** Parent region code for a province, `null` for a region. */
  region: string | null;
  /** SVG path data in the box (coordinates rounded to 0.1 px). */
  d: string;
  /** Projected centroid (labels, keyboard navigation by direction). */
  centroid: [number, number];
  /** Projected bounding box `[[x0, y0], [x1, y1]]`. */
  bounds: [[number, number], [number, number]];
  /** Projected area in px² (the tiny ones are repeated in the inset). */
  area: number;
}

/** The inset: the Casablanca–Rabat axis re-projected larger in a corner box, so each prefecture can be seen and hit. */
export interface MapInset {
  shapes: MapShape[];
  /** The box, in the map's coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Path data of the box's frame (a rectangle), drawn under the inset shapes. */
  frame: string;
}

/** Everything needed to draw one map. */
export interface MapGeometry {
  level: MapLevel;
  width: number;
  height: number;
  /** One shape per territory of the level (for `regions`, only those regions' provinces). */
  shapes: MapShape[];
  /** Borders between regions (province level: drawn thicker over the province borders; region level: same as theirs). */
  regionBorders: string;
  /** The outline of what is drawn (the country, or the opened regions). */
  outline: string;
  /** The axis prefectures enlarged, at province level of the whole country; `null` otherwise. */
  inset: MapInset | null;
}

/** Options of `projectMap`. */
export interface ProjectMapOptions {
  level: MapLevel;
  width: number;
  height: number;
  /** Only the provinces of these regions (a region opened), fitted to them. Ignored at region level. */
  regions?: readonly string[];
  /** Whether to add the Casablanca–Rabat inset (province level, whole country). Default `true`. */
  inset?: boolean;
}

/**
 * Prefectures and provinces of the Casablanca–Rabat axis shown in the inset: the ones a few pixels wide on a
 * country map (Rabat, Salé, Skhirate-Témara, Mohammadia, Casablanca, Médiouna, Nouaceur), with Benslimane, which
 * lies between Skhirate-Témara and Mohammadia, so the inset is one piece of land.
 */
export const INSET_CODES: readonly string[] = [
  'MA-RAB',
  'MA-SAL',
  'MA-SKH',
  'MA-BES',
  'MA-MOH',
  'MA-CAS',
  'MA-MED',
  'MA-NOU',
];

/** Margin around the map, as a share of the shorter side: room for strokes and the focus ring. */
const MARGIN_SHARE = 0.02;
/** The inset's side as a share of the map's width and height; it sits in the top-left corner (the Atlantic). */
const INSET_SHARE = 0.3;

type Props = { iso: string; name: string; region?: string };
type TerritoryFeature = Feature<Polygon | MultiPolygon, Props>;

/** Round to 0.1 px: enough for any screen or slide, and half the characters of d3's default output. */
function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Path data with every number rounded to one decimal (d3-geo's `digits` would also do, but keeps `-0`). */
function roundPath(d: string | null): string {
  if (!d) return '';
  return d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => {
    const r = round1(Number(n));
    return Object.is(r, -0) ? '0' : String(r);
  });
}

/** The base projection (not yet fitted). */
function conicConformal(): GeoProjection {
  return geoConicConformal().parallels([24, 34]).rotate([8, 0]);
}

/** Features of one object of the topology, as GeoJSON. */
function features(topo: MoroccoTopology, object: 'provinces' | 'regions'): TerritoryFeature[] {
  const t = topo as unknown as Topology<{ provinces: GeometryCollection<Props>; regions: GeometryCollection<Props> }>;
  return (feature(t, t.objects[object]) as FeatureCollection<Polygon | MultiPolygon, Props>).features;
}

/** Project features to shapes with a fitted projection. */
function toShapes(list: readonly TerritoryFeature[], projection: GeoProjection, level: MapLevel): MapShape[] {
  const path = geoPath(projection);
  return list.map((f) => {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const [cx, cy] = path.centroid(f);
    return {
      code: f.properties.iso,
      region: level === 'province' ? (f.properties.region ?? null) : null,
      d: roundPath(path(f)),
      centroid: [round1(cx), round1(cy)],
      bounds: [
        [round1(x0), round1(y0)],
        [round1(x1), round1(y1)],
      ],
      area: path.area(f),
    };
  });
}

/** A closed rectangle as path data. */
function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${round1(x)},${round1(y)}H${round1(x + width)}V${round1(y + height)}H${round1(x)}Z`;
}

/**
 * Project the boundaries to SVG path data for a `width × height` box.
 *
 * - `level: 'region'`: the 12 regions; `'province'`: the 75 provinces and prefectures, or with `regions` only
 *   those regions' provinces, fitted to them (a region opened).
 * - `regionBorders`: the borders between two regions, from the provinces' own arcs, so they line up exactly
 *   with the province borders they are drawn over.
 * - `inset` (province level, whole country, on by default): the Casablanca–Rabat axis enlarged in the
 *   top-left corner, over the Atlantic, where the country leaves the box empty.
 */
export function projectMap(topo: MoroccoTopology, options: ProjectMapOptions): MapGeometry {
  const { level, width, height } = options;
  const margin = Math.max(2, Math.round(Math.min(width, height) * MARGIN_SHARE));
  const opened = level === 'province' && options.regions !== undefined && options.regions.length > 0;
  const wanted = opened ? new Set(options.regions) : null;

  const list = features(topo, level === 'region' ? 'regions' : 'provinces').filter(
    (f) => wanted === null || wanted.has(f.properties.region ?? ''),
  );
  const collection: FeatureCollection<Polygon | MultiPolygon, Props> = { type: 'FeatureCollection', features: list };
  const projection = conicConformal().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    collection,
  );
  const path = geoPath(projection);
  const shapes = toShapes(list, projection, level);

  const t = topo as unknown as Topology<{ provinces: GeometryCollection<Props>; regions: GeometryCollection<Props> }>;
  const inView = (g: { properties?: Props }) => wanted === null || wanted.has(g.properties?.iso ?? '');
  // Region borders: arcs shared by two different regions, both in view. The outline: arcs on one side only
  // (the coast and the land borders), or, with regions opened, also the edge against a region not shown.
  const regionBorders = roundPath(
    path(mesh(t, t.objects.regions, (a, b) => a !== b && inView(a as never) && inView(b as never))),
  );
  const outline = roundPath(
    path(
      mesh(t, t.objects.regions, (a, b) => (a === b ? inView(a as never) : inView(a as never) !== inView(b as never))),
    ),
  );

  let inset: MapInset | null = null;
  if (level === 'province' && !opened && options.inset !== false) {
    const insetCodes = new Set(INSET_CODES);
    const insetFeatures = list.filter((f) => insetCodes.has(f.properties.iso));
    if (insetFeatures.length > 0) {
      const w = Math.round(width * INSET_SHARE);
      const h = Math.round(height * INSET_SHARE);
      const x = margin;
      const y = margin;
      const pad = Math.max(4, Math.round(Math.min(w, h) * 0.06));
      const insetProjection = conicConformal().fitExtent(
        [
          [x + pad, y + pad],
          [x + w - pad, y + h - pad],
        ],
        { type: 'FeatureCollection', features: insetFeatures },
      );
      inset = {
        shapes: toShapes(insetFeatures, insetProjection, level),
        x,
        y,
        width: w,
        height: h,
        frame: rectPath(x, y, w, h),
      };
    }
  }

  return { level, width, height, shapes, regionBorders, outline, inset };
}
