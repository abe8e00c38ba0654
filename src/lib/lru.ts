/**
 * A small least-recently-used map: bounded caches for things that are cheap to rebuild but heavy to
 * keep (issue 7, B5: generated stress indicators, serialised answers). A plain `Map` keeps insertion
 * order, so re-inserting on every read makes its first key the least recently used one.
 * Pure module: no React, no DOM.
 */

/** A `Map`-like cache holding at most `capacity` entries; reading or writing an entry makes it the newest. */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();
  /** Most entries kept; the least recently used one is dropped when a write would exceed it. */
  readonly capacity: number;

  /** @param capacity at least 1 (a cache of nothing would rebuild on every read). */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`LruMap capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  /** Number of entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, which becomes the most recently used; `undefined` when absent. */
  get(key: K): V | undefined {
    if (!this.#entries.has(key)) return undefined;
    const value = this.#entries.get(key) as V;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  /** Whether `key` is held (does not count as a use). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Store `value` as the most recently used entry, dropping the least recently used ones beyond `capacity`. */
  set(key: K, value: V): this {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
    return this;
  }

  /** The cached value for `key`, or `make()` stored and returned. */
  getOrCreate(key: K, make: () => V): V {
    if (this.#entries.has(key)) return this.get(key) as V;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** Remove `key`; whether it was there. */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Keys from least to most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
