/**
 * The shape of the boundary file the maps draw (`public/geo/morocco-provinces.topo.json`, ODbL 1.0, see
 * `public/geo/README.md`): a quantised TopoJSON topology with two GeometryCollections over the same arcs,
 * `provinces` (75) and `regions` (12, dissolved from the provinces). Not part of the data API: the file is a
 * static asset of the app, but it crosses the network like the API's answers, so it is checked the same way
 * and a malformed file becomes a clear `invalid-payload` error instead of a map drawn wrong.
 *
 * The check covers what the map code relies on (ids, properties, arc indices, the transform), not every
 * coordinate's range: positions are delta-encoded integers, and a wrong one draws a wrong line, not a crash.
 */
import { z } from 'zod/mini';
// Importing contract.ts first also sets zod's config (jitless, English messages) before any schema here is built.
import { TerritoryCode } from './contract.ts';

/** Arc indices of one ring (a negative index −i−1 means arc i reversed). */
const Ring = z.array(z.number().check(z.int()));

/** Rings of one polygon: the exterior, then any holes. */
const PolygonArcs = z.array(Ring).check(z.minLength(1));

/** A feature's geometry and its keys: `id` is the ISO code, repeated in `properties.iso`. */
function territoryGeometry<P extends z.core.$ZodShape>(properties: P) {
  // Plain objects rather than `extend`: the unit tests run these schemas on classic zod (vite.config.ts).
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), arcs: PolygonArcs, id: TerritoryCode, properties: z.object(properties) }),
    z.object({
      type: z.literal('MultiPolygon'),
      arcs: z.array(PolygonArcs).check(z.minLength(1)),
      id: TerritoryCode,
      properties: z.object(properties),
    }),
  ]);
}

const RegionProperties = { iso: TerritoryCode, name: z.string().check(z.minLength(1)) };
const ProvinceProperties = { ...RegionProperties, region: TerritoryCode };

/** Two numbers: a TopoJSON position or the transform's scale/translate. */
const Pair = z.tuple([z.number(), z.number()]);

/** A GeometryCollection of territories, each with `id` equal to `properties.iso` and no code twice. */
function collection<G extends z.ZodMiniType<{ id: string; properties: { iso: string } }>>(geometry: G) {
  return z.object({ type: z.literal('GeometryCollection'), geometries: z.array(geometry).check(z.minLength(1)) }).check(
    z.refine((c) => c.geometries.every((g) => g.id === g.properties.iso), {
      message: 'every geometry needs id equal to properties.iso',
    }),
    z.refine((c) => new Set(c.geometries.map((g) => g.id)).size === c.geometries.length, {
      message: 'a territory code appears twice',
    }),
  );
}

/** The boundary topology of Morocco: `provinces` and `regions` over shared, quantised arcs. */
export const MoroccoTopology = z
  .object({
    type: z.literal('Topology'),
    bbox: z.optional(z.array(z.number())),
    transform: z.object({ scale: Pair, translate: Pair }),
    objects: z.object({
      provinces: collection(territoryGeometry(ProvinceProperties)),
      regions: collection(territoryGeometry(RegionProperties)),
    }),
    arcs: z.array(z.array(Pair).check(z.minLength(2))).check(z.minLength(1)),
  })
  .check(
    z.refine(
      (t) => {
        const n = t.arcs.length;
        const ok = (ring: readonly number[]) => ring.every((i) => (i < 0 ? ~i : i) < n);
        const rings = (g: { type: string; arcs: number[][] | number[][][] }): number[][] =>
          g.type === 'Polygon' ? (g.arcs as number[][]) : (g.arcs as number[][][]).flat();
        return [...t.objects.provinces.geometries, ...t.objects.regions.geometries].every((g) => rings(g).every(ok));
      },
      { message: 'a geometry refers to an arc the topology does not have' },
    ),
  );
/** The boundary topology of Morocco, as checked by `MoroccoTopology`. */
export type MoroccoTopology = z.infer<typeof MoroccoTopology>;
