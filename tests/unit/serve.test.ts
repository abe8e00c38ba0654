// @vitest-environment node
/**
 * scripts/serve.mjs: path mapping (incl. traversal), cache policy, CLI parsing, and a real
 * server on an ephemeral port checked over raw HTTP (headers, MIME types, 404/400/405/304).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp, cspMetaTag, parseCsp } from '../../scripts/csp.mjs';
import {
  acceptsGzip,
  cacheControl,
  normaliseBase,
  parseArgs,
  resolveRequestPath,
  startServer,
  type RunningServer,
} from '../../scripts/serve.mjs';
import { server as mockServer } from '../../src/mocks/node.ts';

// tests/setup.ts intercepts every outgoing request with the MSW node server ('error' on unhandled);
// these tests talk to a real local server over raw HTTP, so interception is paused for this file
// and restored for the setup's own teardown.
beforeAll(() => mockServer.close());
afterAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));

const ROOT = path.resolve('/srv/mouchir-dist');

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['mouchir', '/mouchir/'],
    ['/mouchir', '/mouchir/'],
    ['/mouchir/', '/mouchir/'],
    ['//a/b//', '/a/b/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('resolveRequestPath', () => {
  it.each([
    ['/', '/', { kind: 'file', rel: 'index.html' }],
    ['/index.html', '/', { kind: 'file', rel: 'index.html' }],
    ['/assets/index-AbC123_-.js', '/', { kind: 'file', rel: 'assets/index-AbC123_-.js' }],
    ['/assets/a%20b.js', '/', { kind: 'file', rel: 'assets/a b.js' }],
    ['/sub/', '/', { kind: 'file', rel: 'sub/index.html' }],
    ['/mouchir/', '/mouchir/', { kind: 'file', rel: 'index.html' }],
    ['/mouchir/mockServiceWorker.js', '/mouchir/', { kind: 'file', rel: 'mockServiceWorker.js' }],
    ['/mouchir', '/mouchir/', { kind: 'redirect', location: '/mouchir/' }],
    ['/', '/mouchir/', { kind: 'redirect', location: '/mouchir/' }],
    ['/index.html', '/mouchir/', { kind: 'not-found' }],
    ['/mouchirx/index.html', '/mouchir/', { kind: 'not-found' }],
    ['/../etc/passwd', '/', { kind: 'bad-request' }],
    ['/assets/../../etc/passwd', '/', { kind: 'bad-request' }],
    ['/%2e%2e/etc/passwd', '/', { kind: 'bad-request' }],
    ['/%2E%2E%2Fetc%2Fpasswd', '/', { kind: 'bad-request' }],
    ['/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/', { kind: 'bad-request' }],
    ['/mouchir/..%2f..%2fpackage.json', '/mouchir/', { kind: 'bad-request' }],
    ['/..%5c..%5cpackage.json', '/', { kind: 'bad-request' }],
    ['/index.html%00.js', '/', { kind: 'bad-request' }],
    ['/%E0%A4%A', '/', { kind: 'bad-request' }],
    ['/./index.html', '/', { kind: 'bad-request' }],
    ['/.git/config', '/', { kind: 'not-found' }],
    ['/.env', '/', { kind: 'not-found' }],
    ['/assets/.hidden', '/', { kind: 'not-found' }],
  ] as const)('%s under %s → %o', (raw, basePath, expected) => {
    const r = resolveRequestPath(raw, { root: ROOT, basePath });
    expect(r).toMatchObject(expected);
    if (r.kind === 'file') {
      expect(r.file.startsWith(ROOT + path.sep)).toBe(true);
      expect(r.file).toBe(path.join(ROOT, r.rel));
    }
  });
});

describe('cacheControl', () => {
  it.each([
    ['index.html', 'no-cache'],
    ['sub/index.html', 'no-cache'],
    ['mockServiceWorker.js', 'no-cache'],
    // The offline cache's worker (issue 16): a stale sw.js would hide a new deployment from the update check.
    ['sw.js', 'no-cache'],
    ['assets/index-DMywJDC_.js', 'public, max-age=31536000, immutable'],
    ['assets/noto-sans-arabic-latin-400-normal-BgpWz4Ls.woff2', 'public, max-age=31536000, immutable'],
    ['assets/plain.js', 'public, max-age=3600'],
    ['favicon.svg', 'public, max-age=3600'],
    ['index-DMywJDC_.js', 'public, max-age=3600'],
  ])('%s → %s', (rel, expected) => {
    expect(cacheControl(rel)).toBe(expected);
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['deflate, br', false],
    ['*', true],
    ['identity', false],
  ])('%j → %j', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('parseArgs', () => {
  it.each([
    [[], {}, { root: 'dist', basePath: '/', port: 4173, host: '127.0.0.1', apiBaseUrl: null }],
    [['--port', '4321', '--base', 'mouchir'], {}, { port: 4321, basePath: '/mouchir/' }],
    [['--port=4322', '--root=.tmp/d'], { PORT: '9999' }, { port: 4322, root: '.tmp/d' }],
    [[], { PORT: '4323', HOST: '0.0.0.0' }, { port: 4323, host: '0.0.0.0' }],
    [['--api', 'http://127.0.0.1:4328'], {}, { apiBaseUrl: 'http://127.0.0.1:4328' }],
    [[], { VITE_API_BASE_URL: 'https://api.example' }, { apiBaseUrl: 'https://api.example' }],
  ])('%j with env %j', (argv, env, expected) => {
    expect(parseArgs(argv, env)).toMatchObject(expected);
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--nope', 'x']], [['stray']], [['--port']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseArgs(argv, {})).toThrow();
    },
  );
});

/** A raw GET that does not normalise `..` the way fetch/URL would. */
function rawRequest(
  port: number,
  reqPath: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Like rawRequest, but keeps the body as bytes (to check gzip). */
function rawBytes(
  port: number,
  reqPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const BIG_JS = `export const rows = [${Array.from({ length: 500 }, (_, i) => `{ id: ${i}, name: "row ${i}" }`).join(', ')}];\n`;

describe.each([
  { label: 'at /', basePath: '/', prefix: '/' },
  { label: 'under /mouchir/', basePath: '/mouchir/', prefix: '/mouchir/' },
])('a running server $label', ({ basePath, prefix }) => {
  let tmp = '';
  let srv: RunningServer;
  const API = 'http://127.0.0.1:4328';

  beforeAll(async () => {
    // The server root is a subfolder so that a secret next to it proves traversal is blocked.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-serve-'));
    const root = path.join(tmp, 'dist');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'TOP-SECRET');
    fs.writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><html><head><meta charset="utf-8">${cspMetaTag({ apiBaseUrl: API })}</head><body></body></html>`,
    );
    fs.writeFileSync(path.join(root, 'mockServiceWorker.js'), 'self.addEventListener("fetch", () => {});');
    fs.writeFileSync(path.join(root, 'assets', 'index-AbCdEf12.js'), 'export {};');
    fs.writeFileSync(path.join(root, 'assets', 'font-AbCdEf12.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    fs.writeFileSync(path.join(root, 'assets', 'big-AbCdEf12.js'), BIG_JS);
    fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(root, 'data.json'), '{"data":[]}');
    srv = await startServer({ root, basePath, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await srv.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each([
    ['', 'text/html; charset=utf-8', 'no-cache'],
    ['index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['mockServiceWorker.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['assets/index-AbCdEf12.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['assets/font-AbCdEf12.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
    ['favicon.svg', 'image/svg+xml', 'public, max-age=3600'],
    ['data.json', 'application/json; charset=utf-8', 'public, max-age=3600'],
  ])('serves %j as %s with %s', async (file, type, cache) => {
    const r = await rawRequest(srv.port, prefix + file);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['cache-control']).toBe(cache);
  });

  it('prints a URL ending in the base path', () => {
    expect(srv.url).toBe(`http://localhost:${srv.port}${prefix}`);
  });

  it.each(['', 'missing.js', 'assets/missing-AbCdEf12.js'])(
    'sends security headers (on %j, even a 404)',
    async (file) => {
      const r = await rawRequest(srv.port, prefix + file);
      // The header reuses the build's meta policy (so the API origin is allowed) and adds frame-ancestors.
      expect(r.headers['content-security-policy']).toBe(
        `${buildCsp({ apiBaseUrl: API, forMeta: true })}; frame-ancestors 'none'`,
      );
      expect(parseCsp(String(r.headers['content-security-policy'])).get('script-src')).toEqual(["'self'"]);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['permissions-policy']).toContain('camera=()');
    },
  );

  it.each(['missing.js', 'assets/', 'nope/index.html'])(
    '404s on %j without falling back to index.html',
    async (file) => {
      const r = await rawRequest(srv.port, prefix + file);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('<!doctype html>');
    },
  );

  it.each([
    '../secret.txt',
    '../../secret.txt',
    'assets/../../secret.txt',
    '%2e%2e/secret.txt',
    '%2e%2e%2fsecret.txt',
    '..%2f..%2fsecret.txt',
    '..%5csecret.txt',
    'index.html%00',
  ])('refuses traversal %j', async (attack) => {
    const r = await rawRequest(srv.port, prefix + attack);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('TOP-SECRET');
  });

  it('gzips text files when asked, with Vary, and sends small or binary files as they are', async () => {
    const big = await rawBytes(srv.port, `${prefix}assets/big-AbCdEf12.js`, { 'Accept-Encoding': 'gzip, br' });
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(big.body).toString('utf8')).toBe(BIG_JS);
    expect(Number(big.headers['content-length'])).toBe(big.body.length);
    expect(big.body.length).toBeLessThan(BIG_JS.length / 4);

    const plain = await rawBytes(srv.port, `${prefix}assets/big-AbCdEf12.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(BIG_JS);
    expect(plain.headers.etag).not.toBe(big.headers.etag);

    const small = await rawBytes(srv.port, `${prefix}assets/index-AbCdEf12.js`, { 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    const font = await rawBytes(srv.port, `${prefix}assets/font-AbCdEf12.woff2`, { 'Accept-Encoding': 'gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await rawRequest(srv.port, prefix, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await rawRequest(srv.port, prefix, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it("points /favicon.ico (always asked at the root) to the build's favicon.svg", async () => {
    const r = await rawRequest(srv.port, '/favicon.ico');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(`${prefix}favicon.svg`);
    const icon = await rawRequest(srv.port, String(r.headers.location));
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('revalidates with ETag', async () => {
    const first = await rawRequest(srv.port, `${prefix}favicon.svg`);
    const etag = String(first.headers.etag);
    const second = await rawRequest(srv.port, `${prefix}favicon.svg`, 'GET', { 'If-None-Match': etag });
    expect(second.status).toBe(304);
  });

  it('keeps the query string when redirecting to the base path', async () => {
    if (basePath === '/') {
      const r = await rawRequest(srv.port, '/assets?x=1');
      expect(r.status).toBe(301);
      expect(r.headers.location).toBe('/assets/?x=1');
      return;
    }
    const r = await rawRequest(srv.port, '/mouchir?view=explorer&territories=MA-06');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/mouchir/?view=explorer&territories=MA-06');
  });
});
