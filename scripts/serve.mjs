#!/usr/bin/env node
/**
 * Static server for the production build (`npm start`, the e2e harness and the bench).
 *
 * Plain Node, no dependencies. Serves `dist/` (or `--root`) under an optional sub-path
 * (`--base /mouchir/`), with correct MIME types, cache headers and the security headers of
 * scripts/csp.mjs on every response. There is no SPA fallback: Mouchir keeps its views in the
 * query string, so an unknown path is a real 404.
 *
 * Usage: node scripts/serve.mjs [--root dist] [--base /] [--port 4173] [--host 127.0.0.1] [--api URL]
 * Env:   PORT, HOST, VITE_API_BASE_URL (only used for the CSP header when the build has no meta CSP).
 * The sites allowed to frame the app are not a server option: they are the build's (`MOUCHIR_FRAME_ANCESTORS` at
 * build time, recorded in index.html), so `npm start`, a static host's `_headers` and the build always agree.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { extractFrameAncestors, extractMetaCsp, parseCsp, securityHeaders, buildCsp } from './csp.mjs';
import { shellFile } from './build/shell-route.mjs';

/** MIME types of everything a Vite build of Mouchir can contain. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Vite names hashed files `name-<8+ chars of base64url>.ext`; those never change, so cache forever. */
const HASHED_RE = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
/** Files that must always be revalidated: the entry document and the service worker script. */
const NO_CACHE = new Set(['index.html', 'mockServiceWorker.js', 'sw.js']);

/** Text types worth compressing; fonts, images and wasm are already compressed or binary. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.csv', '.webmanifest']);
/** Below this, gzip's header costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Whether an `Accept-Encoding` header accepts gzip (and does not refuse it with `q=0`).
 *
 * @param {string | undefined} header
 * @returns {boolean}
 */
export function acceptsGzip(header) {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Encodings the server can send, in its order of preference when the client weighs them equally. */
const ENCODINGS = /** @type {const} */ (['br', 'gzip']);
/** Where `scripts/build/precompress.mjs` writes each encoding's copy, beside the file. */
const PRECOMPRESSED_SUFFIX = { br: '.br', gzip: '.gz' };

/**
 * The q-value of each coding named in an `Accept-Encoding` header (RFC 9110 §12.5.3), lower-cased; a malformed
 * q reads as 0 (refused), as a cautious server should.
 *
 * @param {string} header
 * @returns {Map<string, number>}
 */
function acceptedCodings(header) {
  /** @type {Map<string, number>} */
  const out = new Map();
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const name = coding.trim();
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value =
      q === undefined ? 1 : /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(q.slice(2)) ? Number(q.slice(2)) : 0;
    out.set(name, Math.max(out.get(name) ?? 0, value));
  }
  return out;
}

/**
 * The encoding to send for an `Accept-Encoding` header, among those the server `available`ly has for this file:
 * the highest q-value wins (`*` stands for any coding the header does not name), brotli before gzip on a tie, and
 * `identity` when nothing offered is acceptable or no header was sent (RFC 9110: a missing header means any coding
 * is acceptable, but an uncompressed answer is always safe for a client that did not ask).
 *
 * @param {string | undefined} header
 * @param {readonly ('br' | 'gzip')[]} available
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function negotiateEncoding(header, available) {
  if (!header) return 'identity';
  const accepted = acceptedCodings(header);
  const star = accepted.get('*');
  /** @type {'br' | 'gzip' | 'identity'} */
  let best = 'identity';
  let bestQ = 0;
  for (const coding of ENCODINGS) {
    if (!available.includes(coding)) continue;
    const q = accepted.get(coding) ?? (coding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? star ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/**
 * The precompressed copies of a file that are usable: written by the build (scripts/build/precompress.mjs) and not
 * older than the file itself (a file edited after the build must not be shadowed by a stale copy).
 *
 * @param {string} file
 * @param {fs.Stats} stat
 * @returns {{ br?: { file: string, size: number }, gzip?: { file: string, size: number } }}
 */
export function precompressedCopies(file, stat) {
  /** @type {{ br?: { file: string, size: number }, gzip?: { file: string, size: number } }} */
  const out = {};
  for (const coding of ENCODINGS) {
    const copy = file + PRECOMPRESSED_SUFFIX[coding];
    try {
      const s = fs.statSync(copy);
      if (s.isFile() && s.mtimeMs >= stat.mtimeMs) out[coding] = { file: copy, size: s.size };
    } catch {
      // No copy: the caller falls back to on-the-fly gzip or the file as is.
    }
  }
  return out;
}

/**
 * Whether a build path is one of the precompressed copies (`x.js.br` beside `x.js`): never served as itself —
 * those are another encoding of a file, not files of the app.
 *
 * @param {string} file absolute path
 * @returns {boolean}
 */
export function isPrecompressedCopy(file) {
  const suffix = file.endsWith('.br') ? '.br' : file.endsWith('.gz') ? '.gz' : null;
  return suffix !== null && fs.existsSync(file.slice(0, -suffix.length));
}

/**
 * Gzipped copies of the build's text files, made once per file version. The build is immutable
 * while served, so compressing ahead (see `warm`) keeps the first, cold page load — the one the
 * bench measures — from paying for compression.
 */
class GzipCache {
  /** @type {Map<string, { mtimeMs: number, size: number, body: Buffer }>} */
  #entries = new Map();

  /**
   * @param {string} file
   * @param {fs.Stats} stat
   * @returns {Buffer | null} the gzipped body, or null when the file is not worth compressing
   */
  get(file, stat) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase()) || stat.size < MIN_COMPRESS_BYTES) return null;
    const hit = this.#entries.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
    const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
    this.#entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
    return body;
  }

  /**
   * Compress every eligible file under `dir` now.
   *
   * @param {string} dir
   */
  warm(dir) {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.endsWith('.br') || e.name.endsWith('.gz')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) this.warm(p);
      else if (e.isFile()) {
        // A file the build precompressed is sent from its copies: no need to gzip it in memory too.
        const stat = fs.statSync(p);
        if (precompressedCopies(p, stat).gzip === undefined) this.get(p, stat);
      }
    }
  }
}

/**
 * Normalise a base path to `/…/` form: `mouchir` → `/mouchir/`, `` → `/`.
 *
 * @param {string | undefined} basePath
 * @returns {string}
 */
export function normaliseBase(basePath) {
  const trimmed = (basePath ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Cache-Control for a served file path (relative to the root, with `/` separators).
 *
 * @param {string} relPath
 * @returns {string}
 */
export function cacheControl(relPath) {
  const name = relPath.split('/').pop() ?? '';
  if (NO_CACHE.has(name) || name.endsWith('.html')) return 'no-cache';
  if (relPath.startsWith('assets/') && HASHED_RE.test(name)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * Map a request path to a file under `root`, or a reason it cannot be served.
 * Pure except for nothing: it does not touch the disk, so it is unit-testable on its own.
 * Rejects anything that decodes to a path outside `root` (`..`, `%2e%2e`, `%2f`, backslashes,
 * NUL bytes), which is the whole path-traversal defence.
 *
 * @param {string} rawPath request pathname (no query), still percent-encoded
 * @param {{ root: string, basePath: string }} options `root` absolute, `basePath` normalised
 * @returns {{ kind: 'file', file: string, rel: string } | { kind: 'redirect', location: string } | { kind: 'not-found' } | { kind: 'bad-request' }}
 */
export function resolveRequestPath(rawPath, { root, basePath }) {
  if (rawPath === basePath.slice(0, -1) && basePath !== '/') return { kind: 'redirect', location: basePath };
  if (basePath !== '/' && rawPath === '/') return { kind: 'redirect', location: basePath };
  if (!rawPath.startsWith(basePath)) return { kind: 'not-found' };
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath.slice(basePath.length));
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-request' };
  let rel = segments.filter((s) => s !== '').join('/');
  if (rel === '' || decoded.endsWith('/')) rel = rel === '' ? 'index.html' : `${rel}/index.html`;
  // Dotfiles (.env, .git) are never part of a build; refuse them rather than leak them.
  if (rel.split('/').some((s) => s.startsWith('.'))) return { kind: 'not-found' };
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return { kind: 'bad-request' };
  return { kind: 'file', file, rel };
}

/**
 * The file that answers a request for `rel` (issue 16, item 1): the entry document (`/`, `/index.html` under the
 * base path) is the prerendered shell of the view and language its query string names (scripts/build/prerender.mjs,
 * chosen by scripts/build/shell-route.mjs like the service worker does), or index.html when that shell is missing
 * (a build made before the shells existed); any other path is itself.
 *
 * @param {string} rel the resolved path, relative to the root
 * @param {string} search the query string (`?view=explorer&lang=ar`, or '')
 * @param {(rel: string) => boolean} exists whether a file of the build exists
 * @returns {string}
 */
export function documentFor(rel, search, exists) {
  if (rel !== 'index.html') return rel;
  const shell = shellFile(search);
  return shell !== rel && exists(shell) ? shell : rel;
}

/**
 * The CSP header for a build: the policy the build embedded in its index.html (so the header can
 * never contradict the meta tag), plus `frame-ancestors`, which only works as a header: the origins the build
 * allows to embed it (`MOUCHIR_FRAME_ANCESTORS`, recorded in index.html by vite.config.ts), `'none'` by default.
 * Falls back to the policy computed from `apiBaseUrl` when the build has no meta CSP.
 *
 * @param {string} root
 * @param {string | null | undefined} apiBaseUrl
 * @returns {string}
 */
export function policyForRoot(root, apiBaseUrl) {
  let html = '';
  try {
    html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  } catch {
    return buildCsp({ apiBaseUrl });
  }
  // Throws on a recorded value that is not a list of origins (a hand-edited build): better no server than one
  // that lets any site frame the app.
  const frameAncestors = extractFrameAncestors(html).join(' ');
  if (apiBaseUrl) return buildCsp({ apiBaseUrl, frameAncestors });
  const meta = extractMetaCsp(html);
  if (meta === null) return buildCsp({ frameAncestors });
  return parseCsp(meta).has('frame-ancestors') ? meta : `${meta}; frame-ancestors ${frameAncestors}`;
}

/** Files of a build that configure a static host and are not part of the app (Netlify does not serve them either). */
const HOST_CONFIG_FILES = new Set(['_headers']);

/**
 * Create (not start) the static server.
 *
 * @param {{ root?: string, basePath?: string, apiBaseUrl?: string | null }} [options]
 * @returns {http.Server}
 */
export function createServer({ root = 'dist', basePath = '/', apiBaseUrl = null } = {}) {
  const absRoot = path.resolve(root);
  const base = normaliseBase(basePath);
  // Read once at start: the build does not change under a running server.
  const headers = securityHeaders({ policy: policyForRoot(absRoot, apiBaseUrl) });
  const gzip = new GzipCache();
  gzip.warm(absRoot);

  return http.createServer((req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const send = (
      /** @type {number} */ status,
      /** @type {string} */ body,
      /** @type {Record<string,string>} */ extra = {},
    ) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = q === -1 ? '' : rawUrl.slice(q);
    // Browsers ask for /favicon.ico (at the origin's root, whatever the base path) when a document
    // declares no icon (an SVG or text file opened on its own); the build's icon is favicon.svg, so
    // point there instead of answering 404 (which Chromium reports as a console error).
    if (pathname === '/favicon.ico' && !fs.existsSync(path.join(absRoot, 'favicon.ico'))) {
      send(301, 'Moved\n', { Location: `${base}favicon.svg` });
      return;
    }
    const resolved = resolveRequestPath(pathname, { root: absRoot, basePath: base });
    const target =
      resolved.kind === 'file' && resolved.rel === 'index.html'
        ? (() => {
            const rel = documentFor(resolved.rel, query, (r) => fs.existsSync(path.join(absRoot, r)));
            return { ...resolved, rel, file: path.join(absRoot, rel) };
          })()
        : resolved;
    if (target.kind === 'redirect') {
      send(301, `Moved to ${target.location}\n`, { Location: target.location + query });
      return;
    }
    if (target.kind === 'bad-request') {
      send(400, 'Bad Request\n');
      return;
    }
    if (target.kind === 'not-found' || (target.kind === 'file' && HOST_CONFIG_FILES.has(target.rel))) {
      send(404, 'Not Found\n');
      return;
    }
    fs.stat(target.file, (err, stat) => {
      if (err || !stat.isFile()) {
        // A directory without trailing slash: redirect so relative asset URLs resolve inside it.
        if (!err && stat.isDirectory()) {
          send(301, 'Moved\n', { Location: `${pathname}/${query}` });
          return;
        }
        send(404, 'Not Found\n');
        return;
      }
      if (isPrecompressedCopy(target.file)) {
        send(404, 'Not Found\n');
        return;
      }
      const ext = path.extname(target.file).toLowerCase();
      // Issue 16: the build's brotli/gzip copies when the client accepts one; on-the-fly gzip only for a file
      // without copies (a build made before precompress.mjs existed, or a file under 1 kB); else the file as is.
      const copies = COMPRESSIBLE.has(ext) ? precompressedCopies(target.file, stat) : {};
      const acceptEncoding = req.headers['accept-encoding'];
      const hasCopies = copies.br !== undefined || copies.gzip !== undefined;
      const encoding = hasCopies
        ? negotiateEncoding(acceptEncoding, /** @type {('br' | 'gzip')[]} */ (Object.keys(copies)))
        : 'identity';
      const copy = encoding === 'identity' ? undefined : copies[encoding];
      const gz =
        !hasCopies && COMPRESSIBLE.has(ext) && negotiateEncoding(acceptEncoding, ['gzip']) === 'gzip'
          ? gzip.get(target.file, stat)
          : null;
      const suffix = copy ? `-${encoding}` : gz ? '-gz' : '';
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${suffix}"`;
      /** @type {Record<string, string>} */
      const common = {
        'Content-Type': MIME_TYPES[/** @type {keyof typeof MIME_TYPES} */ (ext)] ?? 'application/octet-stream',
        'Cache-Control': cacheControl(target.rel),
        ETag: etag,
        'Last-Modified': stat.mtime.toUTCString(),
      };
      if (COMPRESSIBLE.has(ext)) common.Vary = 'Accept-Encoding';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, common);
        res.end();
        return;
      }
      if (copy) {
        res.writeHead(200, { ...common, 'Content-Encoding': encoding, 'Content-Length': String(copy.size) });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        const stream = fs.createReadStream(copy.file);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
        return;
      }
      if (gz) {
        res.writeHead(200, { ...common, 'Content-Encoding': 'gzip', 'Content-Length': String(gz.length) });
        res.end(req.method === 'HEAD' ? undefined : gz);
        return;
      }
      res.writeHead(200, { ...common, 'Content-Length': String(stat.size) });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(target.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    });
  });
}

/**
 * Start the server and resolve once it listens.
 *
 * @param {{ root?: string, basePath?: string, apiBaseUrl?: string | null, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, server: http.Server, close: () => Promise<void> }>}
 */
export async function startServer({ port = 4173, host = '127.0.0.1', ...options } = {}) {
  const server = createServer(options);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${actualPort}${normaliseBase(options.basePath)}`;
  return {
    url,
    port: actualPort,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Parse CLI arguments (`--key value` or `--key=value`).
 *
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ root: string, basePath: string, port: number, host: string, apiBaseUrl: string | null }}
 */
export function parseArgs(argv, env) {
  /** @type {Record<string, string>} */
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq !== -1) opts[arg.slice(2, eq)] = arg.slice(eq + 1);
    else {
      const value = argv[i + 1];
      if (value === undefined) throw new Error(`missing value for ${arg}`);
      opts[arg.slice(2)] = value;
      i++;
    }
  }
  const known = new Set(['root', 'base', 'port', 'host', 'api']);
  for (const k of Object.keys(opts)) if (!known.has(k)) throw new Error(`unknown option --${k}`);
  const port = Number(opts.port ?? env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${opts.port ?? env.PORT}`);
  return {
    root: opts.root ?? 'dist',
    basePath: normaliseBase(opts.base),
    port,
    host: opts.host ?? env.HOST ?? '127.0.0.1',
    apiBaseUrl: opts.api ?? env.VITE_API_BASE_URL ?? null,
  };
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`serve: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(args.root, 'index.html'))) {
    console.error(`serve: ${path.resolve(args.root)}/index.html not found; run \`npm run build\` first.`);
    process.exit(1);
  }
  const { url, close } = await startServer(args);
  console.log(`Mouchir is running at ${url}`);
  const stop = () => void close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
