/**
 * src/charts/map-geometry.ts on the real boundary file (public/geo): both levels project completely into the box,
 * the Casablanca–Rabat prefectures get their inset, an opened region fills the box, west stays left (never
 * mirrored) and the region borders are drawn from the provinces' own arcs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoConicConformal, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { INSET_CODES, projectMap, type MapShape } from '../../src/charts/map-geometry.ts';
import { MoroccoTopology } from '../../src/contract/geo.ts';

const FILE = path.resolve(import.meta.dirname, '../../public/geo/morocco-provinces.topo.json');
const topo = MoroccoTopology.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
const territories = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/territories.json'), 'utf8')) as {
    data: { code: string; level: string; parent: string | null }[];
  }
).data;

/** Every number of a path's data. */
function coordinates(d: string): number[][] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const pairs: number[][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
  return pairs;
}

function expectInside(shapes: readonly MapShape[], x0: number, y0: number, x1: number, y1: number): void {
  for (const s of shapes) {
    expect(s.d, s.code).toMatch(/^M/);
    const points = coordinates(s.d);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    // One assertion per shape (not per point): the extremes, with 0.1 px of rounding.
    expect([Math.min(...xs), Math.min(...ys)], s.code).toSatisfy(
      ([x, y]: number[]) => x! >= x0 - 0.1 && y! >= y0 - 0.1,
    );
    expect([Math.max(...xs), Math.max(...ys)], s.code).toSatisfy(
      ([x, y]: number[]) => x! <= x1 + 0.1 && y! <= y1 + 0.1,
    );
    expect(s.area, s.code).toBeGreaterThan(0);
  }
}

const byCode = (shapes: readonly MapShape[], code: string): MapShape => {
  const s = shapes.find((x) => x.code === code);
  if (!s) throw new Error(`no shape ${code}`);
  return s;
};

describe('projectMap', () => {
  it('draws the 12 regions inside the box, keyed like territories.json', () => {
    const g = projectMap(topo, { level: 'region', width: 600, height: 700 });
    expect(g.shapes.map((s) => s.code).sort()).toEqual(
      territories
        .filter((t) => t.level === 'region')
        .map((t) => t.code)
        .sort(),
    );
    expect(g.shapes.every((s) => s.region === null)).toBe(true);
    expectInside(g.shapes, 0, 0, 600, 700);
    expect(g.inset).toBeNull();
    expect(g.outline).toMatch(/^M/);
  });

  it('draws the 75 provinces with their parent region, inside the box, with region borders over them', () => {
    const g = projectMap(topo, { level: 'province', width: 800, height: 800 });
    const provinces = territories.filter((t) => t.level === 'province');
    expect(g.shapes).toHaveLength(75);
    for (const p of provinces) expect(byCode(g.shapes, p.code).region).toBe(p.parent);
    expectInside(g.shapes, 0, 0, 800, 800);
    expect(coordinates(g.regionBorders).length).toBeGreaterThan(100);
    const border = coordinates(g.regionBorders);
    expect(border.every(([x, y]) => x! >= 0 && x! <= 800 && y! >= 0 && y! <= 800)).toBe(true);
  });

  it('rounds coordinates to one decimal and thins them, keeping the DOM and the exports small', () => {
    const g = projectMap(topo, { level: 'province', width: 800, height: 800 });
    const all = g.shapes.map((s) => s.d).join('') + g.regionBorders + g.outline;
    expect(all.match(/\.\d{2,}/g)).toBeNull();
    expect(all).not.toMatch(/-0[,LMZ]/);
    // Deterministic (not a timing): 204,407 characters when written; full precision would be ~4× that.
    expect(all.length).toBeLessThan(230_000);
  });

  it('puts the Casablanca–Rabat prefectures in an inset box that overlaps no territory of the main map', () => {
    const g = projectMap(topo, { level: 'province', width: 800, height: 800 });
    const inset = g.inset;
    expect(inset).not.toBeNull();
    if (!inset) return;
    expect(inset.shapes.map((s) => s.code).sort()).toEqual([...INSET_CODES].sort());
    expectInside(inset.shapes, inset.x, inset.y, inset.x + inset.width, inset.y + inset.height);
    for (const code of ['MA-RAB', 'MA-CAS', 'MA-MOH', 'MA-MED']) {
      // A few pixels on the country map, a shape one can see and click in the inset.
      expect(byCode(g.shapes, code).area).toBeLessThan(100);
      expect(byCode(inset.shapes, code).area).toBeGreaterThan(250);
    }
    for (const s of g.shapes) {
      const [[x0, y0]] = s.bounds;
      const clear = x0 >= inset.x + inset.width || y0 >= inset.y + inset.height;
      expect(clear, s.code).toBe(true);
    }
    expect(inset.frame).toMatch(/^M[\d.]+,[\d.]+H[\d.]+V[\d.]+H[\d.]+Z$/);
    expect(projectMap(topo, { level: 'province', width: 800, height: 800, inset: false }).inset).toBeNull();
  });

  it.each([
    [800, 800],
    [680, 694],
    [280, 286],
    [1200, 675],
    [400, 600],
    [600, 400],
  ])('at %i × %i the inset covers no point of the main map and enlarges the prefectures', (width, height) => {
    const g = projectMap(topo, { level: 'province', width, height });
    const inset = g.inset;
    if (!inset) throw new Error('no inset');
    const inside = g.shapes.flatMap((s) =>
      coordinates(s.d).filter(([x, y]) => x! < inset.x + inset.width && y! < inset.y + inset.height),
    );
    expect(inside).toEqual([]);
    expect(inset.width).toBeGreaterThanOrEqual(Math.floor(width * 0.25));
    expect(inset.height).toBeLessThanOrEqual(height / 2);
    for (const code of INSET_CODES) {
      expect(byCode(inset.shapes, code).area / byCode(g.shapes, code).area, code).toBeGreaterThan(4);
    }
  });

  it('fits an opened region to the box and draws only its provinces', () => {
    const g = projectMap(topo, { level: 'province', width: 600, height: 400, regions: ['MA-06'] });
    const wanted = territories.filter((t) => t.parent === 'MA-06').map((t) => t.code);
    expect(g.shapes.map((s) => s.code).sort()).toEqual(wanted.sort());
    expectInside(g.shapes, 0, 0, 600, 400);
    const x0 = Math.min(...g.shapes.map((s) => s.bounds[0][0]));
    const x1 = Math.max(...g.shapes.map((s) => s.bounds[1][0]));
    const y0 = Math.min(...g.shapes.map((s) => s.bounds[0][1]));
    const y1 = Math.max(...g.shapes.map((s) => s.bounds[1][1]));
    // Fitted: it fills the box along one side at least (the margin is 2 % of the shorter side).
    expect(Math.max((x1 - x0) / 600, (y1 - y0) / 400)).toBeGreaterThan(0.9);
    expect(g.inset).toBeNull();
    // Benslimane, the keyboard target, is big enough to click once the region is open.
    expect(byCode(g.shapes, 'MA-BES').area).toBeGreaterThan(1000);
  });

  it('keeps west on the left and north at the top (geography is never mirrored)', () => {
    const g = projectMap(topo, { level: 'region', width: 600, height: 700 });
    const oriental = byCode(g.shapes, 'MA-02'); // the north-east
    const dakhla = byCode(g.shapes, 'MA-12'); // the south-west
    const tanger = byCode(g.shapes, 'MA-01'); // the north
    expect(dakhla.centroid[0]).toBeLessThan(oriental.centroid[0]);
    expect(tanger.centroid[1]).toBeLessThan(dakhla.centroid[1]);
  });

  it('agrees with d3-geo geoPath + fitExtent (the recipe of shared/geo) on every shape', () => {
    // projectMap projects each arc once and fits with an affine step; this is the straightforward way.
    const t = topo as unknown as Topology<{ provinces: GeometryCollection<{ iso: string }> }>;
    const fc = feature(t, t.objects.provinces) as FeatureCollection<Polygon | MultiPolygon, { iso: string }>;
    const margin = 16; // 2 % of 800
    const projection = geoConicConformal()
      .parallels([24, 34])
      .rotate([8, 0])
      .fitExtent(
        [
          [margin, margin],
          [800 - margin, 800 - margin],
        ],
        fc,
      );
    const path = geoPath(projection);
    const g = projectMap(topo, { level: 'province', width: 800, height: 800 });
    for (const f of fc.features) {
      const s = byCode(g.shapes, f.properties.iso);
      const area = path.area(f);
      expect(Math.abs(s.area - area) / area, s.code).toBeLessThan(0.01);
      const [cx, cy] = path.centroid(f);
      expect(Math.hypot(s.centroid[0] - cx, s.centroid[1] - cy), s.code).toBeLessThan(0.5);
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      expect(Math.abs(s.bounds[0][0] - x0) + Math.abs(s.bounds[0][1] - y0), s.code).toBeLessThan(0.5);
      expect(Math.abs(s.bounds[1][0] - x1) + Math.abs(s.bounds[1][1] - y1), s.code).toBeLessThan(0.5);
    }
  });
});
