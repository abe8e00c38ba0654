/**
 * Real-API mode: a small Node `http` server that serves API contract v1 over real HTTP by passing each
 * request to the very same MSW handlers (`getResponse`), so a `VITE_API_BASE_URL` build can be tested
 * against something that is not the service worker.
 *
 *   npx tsx scripts/api-server.ts --port 4311 [--host 127.0.0.1] [--latency 3000] [--error-rate 0.1]
 *                                 [--seed 42] [--mock error:observations]
 *
 * `--latency N` adds a random 0–N ms delay to every answer and `--error-rate R` turns a share R of them
 * into 500 problems (issue 8's race run: `--latency 3000 --error-rate 0.1`); both draw from a seeded
 * generator so a run can be replayed. `--mock` takes the same fault spec as the page's `?mock=`.
 * Answers carry `Access-Control-Allow-Origin: *` so a build served from another origin can call it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import type { Db } from '../src/mocks/db.ts';
import { parseFaultSpec, simulatedFailure, type Fault } from '../src/mocks/faults.ts';
import { createHandlers } from '../src/mocks/handlers.ts';
import { mulberry32 } from '../src/mocks/stress.ts';

/** Options of `startApiServer`. */
export interface ApiServerOptions {
  /** Port to listen on (Mouchir's API engineer uses 4310–4319); 0 picks a free one. */
  port: number;
  /** Interface to bind; default 127.0.0.1 (never exposed beyond the machine by default). */
  host?: string;
  /** Upper bound of a uniform random delay added to every answer, in ms. Default 0. */
  latencyMs?: number;
  /** Share of answers (0–1) replaced by a simulated 500 problem. Default 0. */
  errorRate?: number;
  /** Seed of the latency/error generator, so a flaky run can be replayed. Default 1. */
  seed?: number;
  /** Fault spec as in the page's `?mock=` (e.g. `error:observations`). Default none. */
  mock?: string;
  /** Database to serve (issue 7's stress dataset); default the shipped data files. */
  db?: () => Db;
}

/** A running server. */
export interface ApiServer {
  /** Base URL to give the client / `VITE_API_BASE_URL`, e.g. `http://127.0.0.1:4311`. */
  url: string;
  port: number;
  /** Replace the fault spec while running (e2e fault matrix in real-API mode). */
  setFaults(spec: string): void;
  /** Stop listening and drop open connections (including requests held by a `hang` fault). */
  close(): Promise<void>;
}

/** Headers every answer carries: any origin may read the API, and the client may read Retry-After. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

/** Seeded PRNG for jitter and coin flips: the same generator the stress dataset uses. */
export const seededRandom = mulberry32;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function toFetchRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // Bodies are never read (the API is GET-only; other methods get a 405 from the handlers).
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Start the server; resolves once it listens. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const random = seededRandom(options.seed ?? 1);
  const latencyMs = Math.max(0, options.latencyMs ?? 0);
  const errorRate = Math.min(1, Math.max(0, options.errorRate ?? 0));
  let faults: readonly Fault[] = parseFaultSpec(options.mock).faults;
  const handlers = createHandlers({ ...(options.db ? { db: options.db } : {}), faults: () => faults });

  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS);
        res.end();
        return;
      }
      // Draw both numbers for every request, so the sequence depends only on the request count.
      const wait = random() * latencyMs;
      const fail = random() < errorRate;
      if (wait > 0) await sleep(wait);
      if (fail) {
        await send(res, simulatedFailure(500));
        return;
      }
      const request = toFetchRequest(req, `http://${req.headers.host ?? `${host}:${options.port}`}`);
      const response =
        (await getResponse(handlers, request)) ??
        new Response(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      // A `network` fault: drop the connection without an answer, as a failing network would.
      if (response.type === 'error') {
        req.socket.destroy();
        return;
      }
      await send(res, response);
    })().catch((error: unknown) => {
      // A bug in a handler must not take the server down: answer 500 and log it for the developer.
      console.error('[api-server]', error);
      if (!res.headersSent) void send(res, simulatedFailure(500));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    setFaults(spec) {
      faults = parseFaultSpec(spec).faults;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** `--name value` pairs of argv. */
function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name?.startsWith('--')) out.set(name.slice(2), argv[i + 1] ?? '');
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const number = (name: string, fallback: number): number => {
    const v = args.get(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got ${JSON.stringify(v)}`);
    return n;
  };
  const api = await startApiServer({
    port: number('port', 4311),
    host: args.get('host') ?? '127.0.0.1',
    latencyMs: number('latency', 0),
    errorRate: number('error-rate', 0),
    seed: number('seed', 1),
    mock: args.get('mock') ?? '',
  });
  console.log(`Mouchir API (contract v1) on ${api.url}/api/v1/ — OpenAPI at ${api.url}/api/v1/openapi.json`);
  console.log(`Build the app against it: VITE_API_BASE_URL=${api.url} npm run build`);
  const stop = (): void => {
    void api.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
