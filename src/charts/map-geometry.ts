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
import { geoConicConformal, type GeoProjection } from 'd3-geo';
import { transform } from 'topojson-client';
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
/** Smallest and largest inset width, as a share of the map's width (it never takes more than half the height). */
const INSET_MIN_SHARE = 0.25;
const INSET_MAX_SHARE = 0.5;

/**
 * The inset's box in the top-left corner (the Atlantic, which the country leaves empty): as large as it can be,
 * with the axis's aspect ratio, without covering any point of the main map (a gap of `gap` px kept).
 * Binary search on the width; ~12 passes over the arcs' points, well under a millisecond.
 */
function insetBox(
  arcs: readonly Arc[],
  used: Iterable<number>,
  fit: Fit,
  aspect: number,
  width: number,
  height: number,
  margin: number,
): { w: number; h: number } {
  const gap = margin;
  const indices = [...used];
  const size = (w: number) => ({ w, h: Math.min(height / 2, w / aspect) });
  const free = (w: number): boolean => {
    const box = size(w);
    const right = margin + box.w + gap;
    const bottom = margin + box.h + gap;
    for (const index of indices) {
      const arc = arcs[index] as Arc;
      for (let i = 0; i < arc.length; i += 2) {
        const x = fit.k * (arc[i] as number) + fit.tx;
        if (x >= right) continue;
        if (fit.k * (arc[i + 1] as number) + fit.ty < bottom) return false;
      }
    }
    return true;
  };
  let lo = width * INSET_MIN_SHARE;
  let hi = width * INSET_MAX_SHARE;
  if (free(hi)) return size(Math.round(hi));
  if (!free(lo)) return size(Math.round(lo)); // no free corner at all (an odd box): the smallest, over the sea
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (free(mid)) lo = mid;
    else hi = mid;
  }
  return size(Math.floor(lo));
}

/** Properties of a geometry of the boundary file. */
type Props = { iso: string; name: string; region?: string };
/** One geometry of either object, as checked by `MoroccoTopology`. */
type TopoGeometry = {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  id: string;
  properties: Props;
};
/** Projected points of one arc, flat: x0, y0, x1, y1… (unit projection: scale 1, no translation). */
type Arc = Float64Array;
/** The affine step from the unit projection to the box: x' = k·x + tx, y' = k·y + ty. */
interface Fit {
  k: number;
  tx: number;
  ty: number;
}

/** Round to 0.1 px: enough for any screen or slide, and far fewer characters than full precision. */
function round1(value: number): number {
  const r = Math.round(value * 10) / 10;
  return r === 0 ? 0 : r; // no "-0"
}

/**
 * The conic conformal projection at scale 1 and no translation. d3's `fitExtent` only changes the scale and the
 * translation, which act on these coordinates as an affine map, so every point is projected once (here) and each
 * fit (the map, the inset) is a multiply-add. Cheaper than projecting through `geoPath` four times per shape
 * (path, bounds, centroid, area): the 75-province map went from ~45–120 ms to a few ms.
 */
function unitProjection(): GeoProjection {
  return geoConicConformal().parallels([24, 34]).rotate([8, 0]).scale(1).translate([0, 0]);
}

/**
 * Decode the quantised, delta-encoded arcs (topojson-client's `transform`, whose second argument — false at an
 * arc's first point — restarts the running position) and project their points once.
 */
function projectArcs(topo: MoroccoTopology): Arc[] {
  const projection = unitProjection();
  const decode = transform(topo.transform);
  return topo.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    for (let i = 0; i < arc.length; i++) {
      const p = projection(decode(arc[i] as [number, number], i > 0) as [number, number]) ?? [0, 0];
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    }
    return out;
  });
}

/** The polygons of a geometry as lists of rings of arc indices. */
function polygonsOf(g: TopoGeometry): number[][][] {
  return g.type === 'Polygon' ? [g.arcs as number[][]] : (g.arcs as number[][][]);
}

/** A ring's points (flat, unit projection) from its arcs; a negative index −i−1 is arc i reversed. */
function ringPoints(ring: readonly number[], arcs: readonly Arc[]): number[] {
  const out: number[] = [];
  for (const index of ring) {
    const arc = arcs[index < 0 ? ~index : index] as Arc;
    const n = arc.length / 2;
    // Consecutive arcs share their end point: skip the first point of each arc after the first.
    const skip = out.length > 0 ? 1 : 0;
    for (let j = skip; j < n; j++) {
      const at = index < 0 ? n - 1 - j : j;
      out.push(arc[2 * at] as number, arc[2 * at + 1] as number);
    }
  }
  return out;
}

/** Bounds in the unit projection of some arcs (their indices, sign ignored). */
function arcBounds(indices: Iterable<number>, arcs: readonly Arc[]): [[number, number], [number, number]] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const index of indices) {
    const arc = arcs[index < 0 ? ~index : index] as Arc;
    for (let i = 0; i < arc.length; i += 2) {
      const x = arc[i] as number;
      const y = arc[i + 1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** d3's `fitExtent`, on unit-projection bounds: the largest scale that fits, centred in the extent. */
function fitExtent(bounds: [[number, number], [number, number]], x0: number, y0: number, x1: number, y1: number): Fit {
  const [[bx0, by0], [bx1, by1]] = bounds;
  const w = x1 - x0;
  const h = y1 - y0;
  const k = Math.min(w / (bx1 - bx0 || 1), h / (by1 - by0 || 1));
  return { k, tx: x0 + (w - k * (bx1 + bx0)) / 2, ty: y0 + (h - k * (by1 + by0)) / 2 };
}

/** Every arc index (sign dropped) some geometries use. */
function arcsUsed(geometries: readonly TopoGeometry[]): Set<number> {
  const used = new Set<number>();
  for (const g of geometries)
    for (const polygon of polygonsOf(g)) for (const ring of polygon) for (const i of ring) used.add(i < 0 ? ~i : i);
  return used;
}

/** Points closer than this (px) to the last one kept are dropped from path data: invisible, and far fewer characters. */
const MIN_STEP_PX = 0.4;

/**
 * The arcs in the box's coordinates as path points ("x,y", rounded to 0.1 px), thinned to one point per
 * `MIN_STEP_PX` (ends always kept), made once per arc and fit: a border shared by two shapes is thinned once, so
 * both shapes draw the very same points and still meet exactly.
 */
function screenArcs(arcs: readonly Arc[], fit: Fit): (index: number) => string[] {
  const done = new Map<number, string[]>();
  return (index) => {
    let points = done.get(index);
    if (points) return points;
    const arc = arcs[index] as Arc;
    points = [];
    let lx = Infinity;
    let ly = Infinity;
    const last = arc.length - 2;
    for (let i = 0; i <= last; i += 2) {
      const x = round1(fit.k * (arc[i] as number) + fit.tx);
      const y = round1(fit.k * (arc[i + 1] as number) + fit.ty);
      if (i !== 0 && i !== last && Math.abs(x - lx) < MIN_STEP_PX && Math.abs(y - ly) < MIN_STEP_PX) continue;
      if (x === lx && y === ly) continue;
      points.push(`${x},${y}`);
      lx = x;
      ly = y;
    }
    done.set(index, points);
    return points;
  };
}

/** Path data of a closed ring from its arcs (a negative index −i−1 is arc i reversed). */
function ringPath(ring: readonly number[], screen: (index: number) => string[]): string {
  const out: string[] = [];
  for (const index of ring) {
    const points = screen(index < 0 ? ~index : index);
    const ordered = index < 0 ? [...points].reverse() : points;
    // Consecutive arcs share their end point: skip the first point of each arc after the first.
    for (let j = out.length > 0 ? 1 : 0; j < ordered.length; j++) out.push(ordered[j] as string);
  }
  return out.length > 0 ? `M${out.join('L')}Z` : '';
}

/** Project geometries to shapes: path data, bounds, area and area-weighted centroid, all in the box. */
function toShapes(geometries: readonly TopoGeometry[], arcs: readonly Arc[], fit: Fit, level: MapLevel): MapShape[] {
  const screen = screenArcs(arcs, fit);
  return geometries.map((g) => {
    const parts: string[] = [];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (const polygon of polygonsOf(g)) {
      polygon.forEach((ring, r) => {
        const unit = ringPoints(ring, arcs);
        const pts = new Float64Array(unit.length);
        for (let i = 0; i < unit.length; i += 2) {
          const x = fit.k * (unit[i] as number) + fit.tx;
          const y = fit.k * (unit[i + 1] as number) + fit.ty;
          pts[i] = x;
          pts[i + 1] = y;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
        let twice = 0;
        let sx = 0;
        let sy = 0;
        for (let i = 0; i < pts.length; i += 2) {
          const j = (i + 2) % pts.length;
          const xa = pts[i] as number;
          const ya = pts[i + 1] as number;
          const xb = pts[j] as number;
          const yb = pts[j + 1] as number;
          const cross = xa * yb - xb * ya;
          twice += cross;
          sx += (xa + xb) * cross;
          sy += (ya + yb) * cross;
        }
        // Exterior rings add, holes subtract, whatever their winding.
        const sign = (r === 0 ? 1 : -1) * (twice < 0 ? -1 : 1);
        area += (sign * twice) / 2;
        cx += sign * sx;
        cy += sign * sy;
        parts.push(ringPath(ring, screen));
      });
    }
    const centroid: [number, number] =
      area > 0 ? [round1(cx / (6 * area)), round1(cy / (6 * area))] : [round1((x0 + x1) / 2), round1((y0 + y1) / 2)];
    return {
      code: g.properties.iso,
      region: level === 'province' ? (g.properties.region ?? null) : null,
      d: parts.join(''),
      centroid,
      bounds: [
        [round1(x0), round1(y0)],
        [round1(x1), round1(y1)],
      ],
      area,
    };
  });
}

/**
 * Arcs of the regions for the borders: `between` those used by two different regions (both in view), else the
 * outline — arcs used by one region in view only (the coast and the land borders, or the edge of the opened
 * regions). Regions are dissolved from the provinces' arcs, so these line up exactly with province borders.
 */
function regionArcs(
  regions: readonly TopoGeometry[],
  inView: (code: string) => boolean,
): { between: number[]; outline: number[] } {
  const users = new Map<number, Set<string>>();
  for (const g of regions) {
    for (const polygon of polygonsOf(g)) {
      for (const ring of polygon) {
        for (const i of ring) {
          const index = i < 0 ? ~i : i;
          let set = users.get(index);
          if (!set) users.set(index, (set = new Set()));
          set.add(g.properties.iso);
        }
      }
    }
  }
  const between: number[] = [];
  const outline: number[] = [];
  for (const [index, codes] of users) {
    const shown = [...codes].filter(inView);
    if (shown.length === 0) continue;
    if (shown.length === 2) between.push(index);
    else outline.push(index);
  }
  return { between: between.sort((a, b) => a - b), outline: outline.sort((a, b) => a - b) };
}

/** Path data of some whole arcs (open lines). */
function arcsPath(indices: readonly number[], arcs: readonly Arc[], fit: Fit): string {
  const screen = screenArcs(arcs, fit);
  return indices.map((index) => `M${screen(index).join('L')}`).join('');
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
  const inView = (region: string) => wanted === null || wanted.has(region);

  const arcs = projectArcs(topo);
  const all = (level === 'region' ? topo.objects.regions : topo.objects.provinces).geometries as TopoGeometry[];
  const geometries = all.filter((g) => inView(level === 'region' ? g.properties.iso : (g.properties.region ?? '')));
  const fit = fitExtent(arcBounds(arcsUsed(geometries), arcs), margin, margin, width - margin, height - margin);
  const shapes = toShapes(geometries, arcs, fit, level);

  const { between, outline } = regionArcs(topo.objects.regions.geometries as TopoGeometry[], inView);
  const regionBorders = arcsPath(between, arcs, fit);
  const outlinePath = arcsPath(outline, arcs, fit);

  let inset: MapInset | null = null;
  if (level === 'province' && !opened && options.inset !== false) {
    const insetCodes = new Set(INSET_CODES);
    const insetGeometries = geometries.filter((g) => insetCodes.has(g.properties.iso));
    if (insetGeometries.length > 0) {
      const insetUsed = arcsUsed(insetGeometries);
      const [[bx0, by0], [bx1, by1]] = arcBounds(insetUsed, arcs);
      const aspect = Math.max(0.5, Math.min(2, (bx1 - bx0) / (by1 - by0 || 1)));
      const { w, h } = insetBox(arcs, arcsUsed(geometries), fit, aspect, width, height, margin);
      const x = margin;
      const y = margin;
      const pad = Math.max(4, Math.round(Math.min(w, h) * 0.06));
      const insetFit = fitExtent(arcBounds(insetUsed, arcs), x + pad, y + pad, x + w - pad, y + h - pad);
      inset = {
        shapes: toShapes(insetGeometries, arcs, insetFit, level),
        x,
        y,
        width: w,
        height: h,
        frame: rectPath(x, y, w, h),
      };
    }
  }

  return { level, width, height, shapes, regionBorders, outline: outlinePath, inset };
}
