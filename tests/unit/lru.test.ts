/** The bounded cache behind issue 7's B5 fixes: least recently used entries go first, never more than capacity. */
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lib/lru.ts';

type Op = ['set', string, number] | ['get', string] | ['delete', string];

describe('LruMap', () => {
  it.each<[string, number, Op[], string[]]>([
    [
      'keeps up to capacity in insertion order',
      3,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['set', 'c', 3],
      ],
      ['a', 'b', 'c'],
    ],
    [
      'drops the oldest beyond capacity',
      2,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['set', 'c', 3],
      ],
      ['b', 'c'],
    ],
    [
      'a read makes an entry the newest',
      2,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['get', 'a'],
        ['set', 'c', 3],
      ],
      ['a', 'c'],
    ],
    [
      'a rewrite makes an entry the newest',
      2,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['set', 'a', 9],
        ['set', 'c', 3],
      ],
      ['a', 'c'],
    ],
    [
      'reading a missing key changes nothing',
      2,
      [
        ['set', 'a', 1],
        ['get', 'z'],
        ['set', 'b', 2],
      ],
      ['a', 'b'],
    ],
    [
      'delete frees a slot',
      2,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['delete', 'a'],
        ['set', 'c', 3],
      ],
      ['b', 'c'],
    ],
    [
      'capacity 1 holds the last one',
      1,
      [
        ['set', 'a', 1],
        ['set', 'b', 2],
        ['get', 'a'],
      ],
      ['b'],
    ],
  ])('%s', (_name, capacity, ops, keys) => {
    const lru = new LruMap<string, number>(capacity);
    for (const op of ops) {
      if (op[0] === 'set') lru.set(op[1], op[2]);
      else if (op[0] === 'get') lru.get(op[1]);
      else lru.delete(op[1]);
    }
    expect([...lru.keys()]).toEqual(keys);
    expect(lru.size).toBe(keys.length);
  });

  it('never holds more than its capacity, however many keys go through it', () => {
    const lru = new LruMap<number, number>(5);
    for (let i = 0; i < 1000; i++) lru.set(i, i);
    expect(lru.size).toBe(5);
    expect([...lru.keys()]).toEqual([995, 996, 997, 998, 999]);
  });

  it('getOrCreate builds once while cached, again after eviction', () => {
    const lru = new LruMap<string, object>(1);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = lru.getOrCreate('a', make);
    expect(lru.getOrCreate('a', make)).toBe(first);
    lru.getOrCreate('b', make);
    expect(lru.getOrCreate('a', make)).not.toBe(first);
    expect(made).toBe(3);
  });

  it('keeps falsy values', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('zero', 0);
    expect(lru.get('zero')).toBe(0);
    expect(lru.has('zero')).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects capacity %s', (capacity) => {
    expect(() => new LruMap(capacity)).toThrow(RangeError);
  });
});
