// @vitest-environment node
/**
 * scripts/serve.mjs answers a navigation with the prerendered shell of its view and language (issue 16, item 1):
 * `/`, `/index.html` and the base path pick `shellFile(query)`'s file, with `no-cache` and the security headers;
 * a missing shell falls back to index.html; other paths are untouched.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFor, startServer } from '../../scripts/serve.mjs';
import { SHELL_LANGS, SHELL_PAGES, shellPath } from '../../scripts/build/shell-route.mjs';

describe('documentFor', () => {
  const all = () => true;
  it.each([
    ['index.html', '', 'index.html'],
    ['index.html', '?view=explorer&lang=ar', 'shells/explorer-default-ar.html'],
    ['index.html', '?view=explorer&lang=ar&measure=per-capita', 'shells/explorer-ar.html'],
    ['index.html', '?lang=en', 'shells/overview-en.html'],
    ['index.html', '?view=projects', 'shells/projects-fr.html'],
    ['index.html', '?view=overview&lang=fr&territories=MA-06', 'index.html'],
    ['index.html', '?view=nope&lang=xx', 'index.html'],
    ['assets/app.js', '?view=explorer', 'assets/app.js'],
    ['favicon.svg', '?lang=ar', 'favicon.svg'],
  ])('%s%s → %s', (rel, search, expected) => {
    expect(documentFor(rel, search, all)).toBe(expected);
  });

  it('falls back to index.html when the shell is missing', () => {
    expect(documentFor('index.html', '?view=explorer&lang=ar', () => false)).toBe('index.html');
  });
});

function get(
  port: number,
  reqPath: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath }, (res) => {
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

describe.each(['/', '/mouchir/'])('serving the shells under %s', (base) => {
  let dir = '';
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-serve-shell-'));
    fs.mkdirSync(path.join(dir, 'shells'));
    for (const view of SHELL_PAGES)
      for (const lang of SHELL_LANGS)
        // projects-en is left out: its request must fall back to index.html.
        if (!(view === 'projects' && lang === 'en'))
          fs.writeFileSync(path.join(dir, shellPath(view, lang)), `<!doctype html><p>shell ${view} ${lang}</p>`);
    server = await startServer({ root: dir, basePath: base, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['', 'overview fr'],
    ['index.html', 'overview fr'],
    ['?view=explorer&lang=ar', 'explorer-default ar'],
    ['?view=explorer', 'explorer-default fr'],
    ['?view=explorer&lang=ar&tab=map', 'explorer ar'],
    ['?lang=en&view=explorer&indicator=amo', 'explorer en'],
    ['index.html?view=compare&lang=en&territories=MA-01,MA-02', 'compare en'],
    ['?lang=ar', 'overview ar'],
    ['?view=projects&lang=en', 'overview fr'],
    ['?view=%3Cscript%3E', 'overview fr'],
  ])('%s answers the shell of %s', async (suffix, expected) => {
    const res = await get(server.port, `${base}${suffix}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`shell ${expected}`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives each shell its own validator, so a cached overview never answers for the explorer', async () => {
    const a = await get(server.port, `${base}?view=explorer&lang=ar`);
    const b = await get(server.port, `${base}?view=compare&lang=fr`);
    expect(a.headers.etag).toBeDefined();
    expect(a.body).not.toBe(b.body);
  });

  it('leaves other files alone', async () => {
    const res = await get(server.port, `${base}shells/explorer-ar.html?view=compare&lang=fr`);
    expect(res.body).toContain('shell explorer ar');
  });
});
