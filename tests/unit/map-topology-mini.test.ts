/**
 * The boundary check (src/contract/geo.ts) ships on `zod/mini`, but the unit project maps `zod/mini` to classic
 * `zod` (see tests/unit/contract-mini.test.ts). This loads it a second time on the real `zod/mini` and checks the
 * browser's build accepts the shipped file and reports the same issues (path and message) for broken ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as classicZod from 'zod';

type Geo = typeof import('../../src/contract/geo.ts');

const FILE = path.resolve(import.meta.dirname, '../../public/geo/morocco-provinces.topo.json');
const real = (): any => JSON.parse(fs.readFileSync(FILE, 'utf8'));

let classic: Geo;
let mini: Geo;

beforeAll(async () => {
  classic = await import('../../src/contract/geo.ts');
  vi.resetModules();
  classicZod.config({ jitless: undefined, localeError: undefined });
  vi.doMock('zod', () => vi.importActual('zod/v4/mini'));
  mini = await import('../../src/contract/geo.ts');
  vi.doUnmock('zod');
});

/** Issues as plain data: path and message. */
function issues(geo: Geo, input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = geo.MoroccoTopology.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const BROKEN: [string, (t: any) => void][] = [
  ['type', (t) => (t.type = 'x')],
  ['no regions', (t) => delete t.objects.regions],
  ['id missing', (t) => delete t.objects.provinces.geometries[2].id],
  ['bad code', (t) => (t.objects.provinces.geometries[2].properties.region = 'Casablanca')],
  ['id ≠ iso', (t) => (t.objects.regions.geometries[1].id = 'MA-03')],
  ['arc out of range', (t) => (t.objects.regions.geometries[0].arcs = [[[100000]]])],
  ['position not a pair', (t) => (t.arcs[4] = [[1], [2, 3]])],
];

describe('MoroccoTopology on zod/mini', () => {
  it('loads a distinct module on the real zod/mini', () => {
    expect(mini.MoroccoTopology).not.toBe(classic.MoroccoTopology);
  });

  it('accepts the shipped boundary file', () => {
    expect(issues(mini, real())).toEqual([]);
  });

  it.each(BROKEN)('reports the same issues as classic zod: %s', (_name, edit) => {
    const input = real();
    edit(input);
    const found = issues(mini, input);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(issues(classic, input));
  });
});
