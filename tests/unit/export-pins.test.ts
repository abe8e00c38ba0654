import { describe, expect, it } from 'vitest';
import {
  addPin,
  isPinned,
  MAX_PINS,
  PINS_KEY,
  readPins,
  removePin,
  writePins,
  type PinStorage,
} from '../../src/export/pins.ts';
import { MAX_TERRITORIES } from '../../src/transforms/selection.ts';
import { lineModel } from './export-fixtures.ts';

function memory(initial: string | null): PinStorage & { value: string | null } {
  const s = {
    value: initial,
    getItem: (k: string) => (k === PINS_KEY ? s.value : null),
    setItem: (_k: string, v: string) => {
      s.value = v;
    },
    removeItem: () => {
      s.value = null;
    },
  };
  return s;
}

describe('readPins', () => {
  const valid = JSON.stringify({
    version: 1,
    pins: [{ id: 'a', pinnedAt: '2026-11-26T00:00:00.000Z', model: lineModel() }],
  });
  it.each([
    ['nothing stored', null, 0, false],
    ['a valid list', valid, 1, false],
    ['not JSON', '{oops', 0, true],
    ['an older version', JSON.stringify({ version: 0, pins: [] }), 0, true],
    ['a model with a wrong field', valid.replace('"kind":"line"', '"kind":"pie"'), 0, true],
    ['a hostile colour', valid.replace('#0072B2', 'url(javascript:x)'), 0, true],
  ])('%s', (_name, stored, count, reset) => {
    const storage = memory(stored);
    const read = readPins(storage);
    expect(read.pins).toHaveLength(count);
    expect(read.reset).toBe(reset);
    if (reset) expect(storage.value).toBeNull();
  });

  it('survives storage that throws', () => {
    const throwing: PinStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    expect(readPins(throwing)).toEqual({ pins: [], reset: false });
    expect(writePins(throwing, [])).toBe(false);
    expect(readPins(null)).toEqual({ pins: [], reset: false });
  });
});

describe('addPin / removePin', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('replaces a pin of the same view and keeps at most MAX_PINS, dropping the oldest', () => {
    let pins = addPin([], lineModel(), now);
    pins = addPin(pins, lineModel({ title: 'again' }), now);
    expect(pins).toHaveLength(1);
    expect(pins[0]?.model.title).toBe('again');
    for (let i = 0; i < MAX_PINS + 3; i++) pins = addPin(pins, lineModel({ link: `https://x.example/?i=${i}` }), now);
    expect(pins).toHaveLength(MAX_PINS);
    expect(pins[0]?.id).toBe('https://x.example/?i=3');
    expect(isPinned(pins, lineModel({ link: 'https://x.example/?i=5' }))).toBe(true);
    expect(isPinned(removePin(pins, 'https://x.example/?i=5'), lineModel({ link: 'https://x.example/?i=5' }))).toBe(
      false,
    );
  });

  it('round-trips through storage', () => {
    const storage = memory(null);
    const pins = addPin([], lineModel(), now);
    expect(writePins(storage, pins)).toBe(true);
    expect(readPins(storage).pins).toEqual(pins);
  });

  it('keeps a pin of every territory the selection allows (a 75-province chart was reset as corrupt)', () => {
    const base = lineModel();
    const template = base.series[0];
    if (!template) throw new Error('fixture has no series');
    const series = Array.from({ length: MAX_TERRITORIES }, (_, i) => ({
      ...template,
      key: `T-${i}`,
      label: `Territoire ${i}`,
    }));
    const storage = memory(null);
    const pins = addPin([], lineModel({ series }), now);
    expect(writePins(storage, pins)).toBe(true);
    const read = readPins(storage);
    expect(read.reset).toBe(false);
    expect(read.pins[0]?.model.series).toHaveLength(MAX_TERRITORIES);
  });
});
