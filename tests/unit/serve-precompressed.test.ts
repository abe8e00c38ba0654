// @vitest-environment node
/**
 * scripts/serve.mjs with the build's precompressed copies (issue 16 item 2): Accept-Encoding negotiation
 * (q-values, `br;q=0`, `*`, identity), the `.br`/`.gz` copy sent with Content-Encoding and Vary, the on-the-fly gzip
 * only for a file without copies, stale copies ignored, and copies never served as files of their own.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/build/precompress.mjs';
import { negotiateEncoding, startServer, type RunningServer } from '../../scripts/serve.mjs';

describe('negotiateEncoding', () => {
  const both = ['br', 'gzip'] as const;
  it.each([
    [undefined, both, 'identity'],
    ['', both, 'identity'],
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br', both, 'br'],
    ['BR', both, 'br'],
    ['br;q=0, gzip', both, 'gzip'],
    ['br; q=0 , gzip', both, 'gzip'],
    ['gzip;q=0, br;q=0', both, 'identity'],
    ['br;q=0.5, gzip;q=0.8', both, 'gzip'],
    ['br;q=0.8, gzip;q=0.8', both, 'br'],
    ['gzip;q=1.0, br;q=0.999', both, 'gzip'],
    ['*', both, 'br'],
    ['*;q=0.5, br;q=0', both, 'gzip'],
    ['*;q=0', both, 'identity'],
    ['gzip, *;q=0', both, 'gzip'],
    ['identity', both, 'identity'],
    ['deflate', both, 'identity'],
    ['x-gzip', both, 'gzip'],
    ['br;q=abc, gzip', both, 'gzip'],
    ['br;q=2, gzip', both, 'gzip'],
    ['gzip, deflate, br', ['gzip'] as const, 'gzip'],
    ['br', ['gzip'] as const, 'identity'],
    ['gzip, br', [] as const, 'identity'],
  ])('%j with %j → %s', (header, available, expected) => {
    expect(negotiateEncoding(header, available)).toBe(expected);
  });
});

function get(
  port: number,
  reqPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const BIG_JS = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "row ${i}" }`).join(', ')}];\n`;
const BIG_JSON = JSON.stringify({ data: Array.from({ length: 300 }, (_, i) => ({ code: `MA-${i}`, value: i })) });

describe('a server over a precompressed build', () => {
  let tmp = '';
  let srv: RunningServer;
  let root = '';

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-serve-pc-'));
    root = path.join(tmp, 'dist');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"></head></html>`);
    fs.writeFileSync(path.join(root, 'assets', 'big-AbCdEf12.js'), BIG_JS);
    fs.writeFileSync(path.join(root, 'assets', 'data-AbCdEf12.json'), BIG_JSON);
    fs.writeFileSync(path.join(root, 'assets', 'font-AbCdEf12.woff2'), Buffer.alloc(4096, 7));
    await precompressDir(root);
    // Made after the build step: no copies, so the server must gzip it itself.
    fs.writeFileSync(path.join(root, 'assets', 'late-AbCdEf12.js'), BIG_JS);
    // A copy that differs from what gzip would make on the fly, to tell the two paths apart.
    fs.writeFileSync(path.join(root, 'assets', 'data-AbCdEf12.json.gz'), zlib.gzipSync(BIG_JSON, { level: 1 }));
    srv = await startServer({ root, port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await srv.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('sends the brotli copy to a client that accepts br, with Content-Encoding, Vary and its length', async () => {
    const res = await get(srv.port, '/assets/big-AbCdEf12.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(BIG_JS) / 3);
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(BIG_JS);
  });

  it('sends the gzip copy (not a fresh gzip) when br is refused', async () => {
    const res = await get(srv.port, '/assets/data-AbCdEf12.json', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.equals(fs.readFileSync(path.join(root, 'assets', 'data-AbCdEf12.json.gz')))).toBe(true);
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(BIG_JSON);
  });

  it('sends the file as is to a client that accepts neither, still with Vary', async () => {
    const res = await get(srv.port, '/assets/big-AbCdEf12.js', { 'Accept-Encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.toString('utf8')).toBe(BIG_JS);
    const none = await get(srv.port, '/assets/big-AbCdEf12.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString('utf8')).toBe(BIG_JS);
  });

  it('gzips on the fly a file that has no copies', async () => {
    const res = await get(srv.port, '/assets/late-AbCdEf12.js', { 'Accept-Encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(BIG_JS);
  });

  it('ignores copies older than their file (a file changed after the build)', async () => {
    const file = path.join(root, 'assets', 'big-AbCdEf12.js');
    const changed = BIG_JS.replace('row 1"', 'row one"');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.br`, old, old);
    fs.utimesSync(`${file}.gz`, old, old);
    fs.writeFileSync(file, changed);
    const res = await get(srv.port, '/assets/big-AbCdEf12.js', { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(changed);
  });

  it('gives each encoding its own ETag and answers 304 to the matching one', async () => {
    const br = await get(srv.port, '/assets/data-AbCdEf12.json', { 'Accept-Encoding': 'br' });
    const gz = await get(srv.port, '/assets/data-AbCdEf12.json', { 'Accept-Encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await get(srv.port, '/assets/data-AbCdEf12.json', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
    const other = await get(srv.port, '/assets/data-AbCdEf12.json', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(br.headers.etag),
    });
    expect(other.status).toBe(200);
  });

  it('answers HEAD with the copy’s headers and no body', async () => {
    const res = await get(srv.port, '/assets/data-AbCdEf12.json', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBe(
      fs.statSync(path.join(root, 'assets', 'data-AbCdEf12.json.br')).size,
    );
    expect(res.body.length).toBe(0);
  });

  it('never serves a precompressed copy as a file of its own', async () => {
    for (const p of ['/assets/big-AbCdEf12.js.br', '/assets/data-AbCdEf12.json.gz']) {
      const res = await get(srv.port, p, { 'Accept-Encoding': 'gzip, br' });
      expect(res.status, p).toBe(404);
    }
  });

  it('leaves fonts alone (no copies, no encoding)', async () => {
    expect(fs.existsSync(path.join(root, 'assets', 'font-AbCdEf12.woff2.br'))).toBe(false);
    const res = await get(srv.port, '/assets/font-AbCdEf12.woff2', { 'Accept-Encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.length).toBe(4096);
  });
});
