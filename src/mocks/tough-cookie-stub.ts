/**
 * A stand-in for `tough-cookie` in the browser build of the mock API (swapped in by vite.config.ts's
 * `browserMock()` plugin; it also keeps out `tldts`, the public-suffix list tough-cookie pulls). Node and vitest
 * keep the real package.
 *
 * MSW 2.15 uses it in one place, its cookie store (msw/src/core/utils/cookieStore.ts): a `CookieJar`
 * over a `MemoryCookieStore` whose `idx` is restored from and saved to localStorage, so that cookies a
 * *mocked* response sets (`Set-Cookie` in a handler's response) reach the `cookies` of later mocked
 * requests. Our handlers set no cookies (tests/unit/mocks-cookies.test.ts keeps it so), so the jar here
 * holds nothing: `getCookiesSync` finds none, `setCookie` keeps none, and a stored index is never revived.
 * The real package costs ~26 kB raw (plus its public-suffix lookup) in the chunk loaded before the first
 * chart (issue 7, B3). Cookies the browser itself holds still reach handlers through `document.cookie`,
 * which MSW reads separately.
 */

/** The part of a cookie MSW touches. This stub never creates one. */
export class Cookie {
  key = '';
  value = '';
  domain: string | null = null;
  path: string | null = null;

  /** MSW revives stored cookies with this; `null` means "skip", so nothing is revived. */
  static fromJSON(_json: unknown): Cookie | null {
    return null;
  }

  toJSON(): Record<string, string | null> {
    return { key: this.key, value: this.value, domain: this.domain, path: this.path };
  }

  toString(): string {
    return `${this.key}=${this.value}`;
  }
}

/** tough-cookie's in-memory index: domain → path → key → cookie. */
export type MemoryCookieStoreIndex = Record<string, Record<string, Record<string, Cookie>>>;

/** The store MSW hands to the jar and reads `idx` from when persisting. */
export class MemoryCookieStore {
  idx: MemoryCookieStoreIndex = {};
}

/** A jar that keeps no cookies (see the module comment for why that is enough here). */
export class CookieJar {
  constructor(readonly store: MemoryCookieStore = new MemoryCookieStore()) {}

  /** Cookies to send to `url`: none. */
  getCookiesSync(_url: string): Cookie[] {
    return [];
  }

  /** Store a `Set-Cookie` value from a mocked response: not kept. */
  setCookie(_cookie: string, _url: string): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}
