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
import type { ChartModel, ChartSeries } from '../../src/transforms/chart-types.ts';
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

/** One stored pin of this model. */
function pin(model: ChartModel) {
  return { id: 'a', pinnedAt: '2026-11-26T00:00:00.000Z', model };
}

/** Stored data holding one pin of this model. */
function stored(model: ChartModel): string {
  return JSON.stringify({ version: 1, pins: [pin(model)] });
}

/** `count` copies of the fixture's first series, one per territory. */
function seriesOf(count: number): ChartSeries[] {
  const template = lineModel().series[0];
  if (!template) throw new Error('fixture has no series');
  return Array.from({ length: count }, (_, i) => ({ ...template, key: `T-${i}`, label: `Territoire ${i}` }));
}

/** `text` with `from` replaced; throws when `from` is absent, so a corrupt case cannot silently stay valid. */
function swap(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return text.replace(from, to);
}

describe('readPins', () => {
  const valid = stored(lineModel());
  it.each([
    ['nothing stored', null, 0, false],
    ['a valid list', valid, 1, false],
    ['not JSON', '{oops', 0, true],
    ['an older version', JSON.stringify({ version: 0, pins: [] }), 0, true],
    ['a model with a wrong field', swap(valid, '"kind":"line"', '"kind":"pie"'), 0, true],
    ['a hostile colour', swap(valid, '#0072B2', 'url(javascript:x)'), 0, true],
    ['an unknown missing reason', swap(valid, '"reason":"not-published"', '"reason":"zero"'), 0, true],
    ['an overlong period', swap(valid, '"period":"2014"', `"period":"${'2'.repeat(17)}"`), 0, true],
    ['more series than territories', stored(lineModel({ series: seriesOf(MAX_TERRITORIES + 1) })), 0, true],
    [
      'more pins than MAX_PINS',
      JSON.stringify({ version: 1, pins: Array(MAX_PINS + 1).fill(pin(lineModel())) }),
      0,
      true,
    ],
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
    const storage = memory(null);
    const pins = addPin([], lineModel({ series: seriesOf(MAX_TERRITORIES) }), now);
    expect(writePins(storage, pins)).toBe(true);
    const read = readPins(storage);
    expect(read.reset).toBe(false);
    expect(read.pins[0]?.model.series).toHaveLength(MAX_TERRITORIES);
  });
});
