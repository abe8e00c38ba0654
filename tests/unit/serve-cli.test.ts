// @vitest-environment node
/**
 * `npm start`'s contract as a process: `node scripts/serve.mjs` prints
 * "Mouchir is running at <url>" and serves there; without a build it exits 1 with a hint;
 * bad options exit 2. Ports 4321–4322 (the infra range).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server as mockServer } from '../../src/mocks/node.ts';

// tests/setup.ts routes every request through the MSW node server; this file talks to a real one.
beforeAll(() => mockServer.close());
afterAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));

const SCRIPT = path.resolve('scripts/serve.mjs');
let tmp = '';
let child: ChildProcess | undefined;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-serve-cli-'));
  fs.mkdirSync(path.join(tmp, 'dist'));
  fs.writeFileSync(path.join(tmp, 'dist', 'index.html'), '<!doctype html><title>Mouchir test</title>');
});

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Start the CLI and resolve with the first stdout line. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, [SCRIPT, ...args], { cwd: tmp, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl !== -1) resolve(out.slice(0, nl));
    });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) => reject(new Error(`serve exited ${String(code)}: ${err}`)));
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url.replace('localhost', '127.0.0.1'), (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('node scripts/serve.mjs', () => {
  it.each([
    [['--port', '4321'], {}, 'http://localhost:4321/'],
    [['--base', 'mouchir'], { PORT: '4322' }, 'http://localhost:4322/mouchir/'],
  ])('%j (env %j) prints "Mouchir is running at %s" and serves it', async (args, env, url) => {
    const line = await startCli(args, env);
    expect(line).toBe(`Mouchir is running at ${url}`);
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Mouchir test</title>');
  });

  it.each([
    [['--root', 'nowhere'], 1, /index\.html not found; run `npm run build` first/],
    [['--port', 'x'], 2, /invalid port/],
    [['--what', '1'], 2, /unknown option --what/],
  ])('%j exits %i with a message', (args, code, message) => {
    const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: tmp, encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});
