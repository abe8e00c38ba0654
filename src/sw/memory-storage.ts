/**
 * A `localStorage` for the service worker, in memory, installed before MSW loads (src/sw/sw-mock-entry.ts imports this
 * first). MSW's cookie store insists on one in any browser-like global (msw/src/core/utils/cookieStore.ts: "Failed to
 * create a CookieStore"), and a worker has none. Our handlers set no cookies (tests/unit/mocks-cookies.test.ts), so
 * nothing is ever kept here; and the mock's fault switch reads it as empty: the page sends its own setting with each
 * request instead (src/mocks/mock-switches.ts).
 */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  [name: string]: unknown;

  get length(): number {
    return this.#items.size;
  }
  clear(): void {
    this.#items.clear();
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
}

if (typeof globalThis.localStorage === 'undefined') {
  Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
}
