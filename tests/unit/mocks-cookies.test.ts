/**
 * The browser build swaps `tough-cookie` for src/mocks/tough-cookie-stub.ts, a jar that keeps no cookies
 * (issue 7, B3). That is only sound while (1) no mock response sets a cookie and (2) MSW uses the package
 * the way the stub expects. Both are checked here, so an MSW upgrade or a handler that starts sending
 * `Set-Cookie` fails a test instead of silently losing cookies in the browser only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import '../setup-msw.ts';
import { setMockSpec } from '../../src/mocks/faults.ts';
import { Cookie, CookieJar, MemoryCookieStore } from '../../src/mocks/tough-cookie-stub.ts';

const BASE = 'http://localhost/api/v1';

afterEach(() => setMockSpec(''));

describe('the mock API sets no cookies', () => {
  it.each([
    ['', '/territories'],
    ['', '/indicators'],
    ['', '/observations?indicator=population&territory=MA'],
    ['', '/projects'],
    ['', '/openapi.json'],
    ['', '/observations'], // 400 problem
    ['', '/nowhere'], // 404 problem
    ['error:503', '/territories'],
    ['invalid', '/observations?indicator=population'],
    ['hostile', '/indicators'],
  ])('fault %j, GET %s: no Set-Cookie', async (spec, path) => {
    setMockSpec(spec);
    const res = await fetch(`${BASE}${path}`);
    await res.arrayBuffer();
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('MSW uses tough-cookie the way the stub expects', () => {
  // msw's exports map hides its internals: find the file from its package.json.
  const mswRoot = dirname(createRequire(import.meta.url).resolve('msw/package.json'));
  const files = ['lib/core/utils/cookieStore.mjs', 'lib/core/utils/cookieStore.js'].map((f) => join(mswRoot, f));
  const source = readFileSync(files[0] ?? '', 'utf8');

  it('imports Cookie, CookieJar and MemoryCookieStore, and nothing else, from tough-cookie', () => {
    const imported = /import\s*\{([^}]*)\}\s*from\s*"tough-cookie"/.exec(source)?.[1] ?? '';
    expect(
      imported
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual(['Cookie', 'CookieJar', 'MemoryCookieStore']);
    expect(source.match(/tough-cookie/g)).toHaveLength(1);
  });

  it.each([
    ['new MemoryCookieStore()'],
    ['this.#memoryStore.idx = '],
    ['new CookieJar(this.#memoryStore)'],
    ['this.#jar.getCookiesSync(url)'],
    ['await this.#jar.setCookie(cookieName, url)'],
    ['Cookie.fromJSON(rawCookie)'],
  ])('calls %s', (call) => {
    expect(source).toContain(call);
  });

  it('is the only file of msw that imports tough-cookie', () => {
    const lib = join(mswRoot, 'lib');
    const importers = ['core/index.mjs', 'browser/index.mjs', 'core/utils/request/getRequestCookies.mjs']
      .map((f) => join(lib, f))
      .filter((f) => readFileSync(f, 'utf8').includes('tough-cookie'));
    expect(importers).toEqual([]);
  });
});

describe('tough-cookie stub', () => {
  it('keeps no cookie and revives none, like an empty jar', async () => {
    const store = new MemoryCookieStore();
    store.idx = {};
    const jar = new CookieJar(store);
    expect(jar.getCookiesSync('http://localhost/api/v1/territories')).toEqual([]);
    await expect(jar.setCookie('session=abc; Path=/', 'http://localhost/')).resolves.toBeUndefined();
    expect(jar.getCookiesSync('http://localhost/')).toEqual([]);
    expect(store.idx).toEqual({});
    expect(Cookie.fromJSON({ key: 'session', value: 'abc', domain: 'localhost', path: '/' })).toBeNull();
  });
});
