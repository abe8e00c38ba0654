/**
 * Pins include maps (issue 13 item 5): a pinned map stores what draws it again (its model, the region opened,
 * the title, the region labels) and survives the round trip through storage, validated; pins stored before maps
 * (a chart model alone) still load; a corrupt map resets the pins like any corrupt data.
 */
import { describe, expect, it } from 'vitest';
import {
  addMapPin,
  addPin,
  mapModelOfPin,
  mapPinId,
  pinId,
  PINS_KEY,
  readPins,
  toPinnedMap,
  writePins,
  type PinStorage,
} from '../../src/export/pins.ts';
import { lineModel } from './export-fixtures.ts';
import { mapModel, regionLabels } from './export-map-fixtures.ts';

function memoryStorage(initial: Record<string, string> = {}): PinStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const NOW = new Date('2026-12-04T23:00:00Z');

describe('map pins', () => {
  it('round-trips a province map through storage and draws the same model again', () => {
    const model = mapModel('ar');
    const chart = lineModel({ lang: 'ar', dir: 'rtl' });
    const stored = toPinnedMap(model, {
      title: 'معدل البطالة — 2024',
      regions: null,
      regionLabels: regionLabels('ar'),
    });
    const storage = memoryStorage();
    const pins = addMapPin(addPin([], chart, NOW), chart, stored, NOW);
    expect(pins.map((p) => p.id)).toEqual([pinId(chart), mapPinId(chart)]);
    expect(writePins(storage, pins)).toBe(true);

    const read = readPins(storage);
    expect(read.reset).toBe(false);
    expect(read.pins).toHaveLength(2);
    expect(read.pins[0]?.map).toBeUndefined();
    const map = read.pins[1]?.map;
    expect(map?.title).toBe('معدل البطالة — 2024');
    expect(map?.regions).toBeNull();
    expect(new Map(map?.regionLabels)).toEqual(regionLabels('ar'));
    const back = map ? mapModelOfPin(map) : null;
    expect(back?.data).toEqual(model.data);
    expect(back?.classes).toEqual(model.classes);
    expect({ ...back, data: null }).toEqual({ ...model, data: null });
  });

  it('keeps an opened region and replaces an earlier pin of the same map', () => {
    const chart = lineModel();
    const first = toPinnedMap(mapModel('fr'), { title: 'A', regions: ['MA-06'] });
    const second = toPinnedMap(mapModel('fr'), { title: 'B', regions: ['MA-06'] });
    const pins = addMapPin(addMapPin([], chart, first, NOW), chart, second, NOW);
    expect(pins).toHaveLength(1);
    expect(pins[0]?.map?.title).toBe('B');
    expect(pins[0]?.map?.regions).toEqual(['MA-06']);
  });

  it('still loads pins stored before maps could be pinned', () => {
    const chart = lineModel();
    const old = JSON.stringify({ version: 1, pins: [{ id: pinId(chart), pinnedAt: NOW.toISOString(), model: chart }] });
    const read = readPins(memoryStorage({ [PINS_KEY]: old }));
    expect(read.reset).toBe(false);
    expect(read.pins).toHaveLength(1);
    expect(read.pins[0]?.model.title).toBe(chart.title);
    expect(read.pins[0]?.map).toBeUndefined();
  });

  it('resets the pins when a stored map is corrupt', () => {
    const chart = lineModel();
    const stored = toPinnedMap(mapModel('fr'), { title: 'A', regions: null });
    const bad = { ...stored, model: { ...stored.model, classes: [{ index: 0, color: 'red' }] } };
    const storage = memoryStorage({
      [PINS_KEY]: JSON.stringify({
        version: 1,
        pins: [{ id: mapPinId(chart), pinnedAt: NOW.toISOString(), model: chart, map: bad }],
      }),
    });
    const read = readPins(storage);
    expect(read).toEqual({ pins: [], reset: true });
    expect(storage.data[PINS_KEY]).toBeUndefined();
  });
});
