/**
 * Post-build step 3 (see post-build.mjs, issue 16 item 2): a brotli (`.br`) and a gzip (`.gz`) copy beside every
 * compressible file of the build of at least 1 kB, so `npm start` (scripts/serve.mjs) sends the smallest encoding
 * the browser accepts without compressing anything while it serves — and any static host configured for
 * precompressed files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`) can do the same.
 *
 * Brotli is ~15 % smaller than gzip -9 on this build's JavaScript. Quality 11 costs ~3× the time of quality 10 for
 * ~2 % less, so files over 128 kB (the few large chunks, most of the bytes) get 10 and the rest 11: measured on the
 * mock build, 2.7 s of CPU at 11 everywhere → ~1.1 s, 436 → 439 kB. Files are compressed concurrently on libuv's
 * thread pool, so the whole step stays under its 2 s budget (every e2e build pays it). A copy that would not be
 * smaller than its source is not written (the server then sends the source).
 * Plain ESM, Node built-ins only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Extensions worth compressing: text. Fonts (woff2), images and wasm are compressed already. */
export const COMPRESSIBLE_EXTENSIONS = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.csv',
  '.webmanifest',
  '.xml',
]);

/** Below this, a compressed copy saves less than the extra header and file cost. */
export const PRECOMPRESS_MIN_BYTES = 1024;

/** Above this size a file gets brotli quality 10 instead of 11 (see the header comment). */
export const BROTLI_MAX_QUALITY_BYTES = 128 * 1024;

/**
 * The brotli quality for a file of `size` bytes.
 *
 * @param {number} size
 * @returns {number}
 */
export function brotliQualityFor(size) {
  return size > BROTLI_MAX_QUALITY_BYTES ? 10 : zlib.constants.BROTLI_MAX_QUALITY;
}

/** The suffixes of the copies, by `Content-Encoding` token. */
export const PRECOMPRESSED_SUFFIX = /** @type {const} */ ({ br: '.br', gzip: '.gz' });

/**
 * Whether a file (by name and size) gets precompressed copies.
 *
 * @param {string} name
 * @param {number} size
 * @returns {boolean}
 */
export function isPrecompressible(name, size) {
  return size >= PRECOMPRESS_MIN_BYTES && COMPRESSIBLE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/**
 * Every regular file under `dir` (absolute paths), dotfiles and existing `.br`/`.gz` copies excluded.
 *
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else if (entry.isFile() && !entry.name.endsWith('.br') && !entry.name.endsWith('.gz')) out.push(p);
  }
  return out;
}

/**
 * @typedef {object} PrecompressResult
 * @property {number} files        source files given copies
 * @property {number} rawBytes     their total size
 * @property {number} brBytes      total size of the `.br` copies written
 * @property {number} gzBytes      total size of the `.gz` copies written
 * @property {number} ms           wall time of the step
 */

/**
 * Write `<file>.br` and `<file>.gz` beside every compressible file of `dir` (≥ 1 kB), each only when smaller than
 * the file. Idempotent: run twice, the copies are rewritten from the same sources.
 *
 * @param {string} dir absolute build folder
 * @param {{ brotliQuality?: (size: number) => number }} [options] quality per file size (default `brotliQualityFor`)
 * @returns {Promise<PrecompressResult>}
 */
export async function precompressDir(dir, { brotliQuality = brotliQualityFor } = {}) {
  const started = performance.now();
  const result = { files: 0, rawBytes: 0, brBytes: 0, gzBytes: 0, ms: 0 };
  const files = await listFiles(dir);
  await Promise.all(
    files.map(async (file) => {
      const stat = await fs.stat(file);
      if (!isPrecompressible(file, stat.size)) return;
      const source = await fs.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(source.length),
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: 9 }),
      ]);
      result.files += 1;
      result.rawBytes += source.length;
      if (br.length < source.length) {
        await fs.writeFile(file + PRECOMPRESSED_SUFFIX.br, br);
        result.brBytes += br.length;
      }
      if (gz.length < source.length) {
        await fs.writeFile(file + PRECOMPRESSED_SUFFIX.gzip, gz);
        result.gzBytes += gz.length;
      }
    }),
  );
  result.ms = performance.now() - started;
  return result;
}

/**
 * The post-build step: precompress the whole build folder (mock and real-API builds alike).
 *
 * @param {import('./post-build.mjs').PostBuildContext} ctx
 * @returns {Promise<PrecompressResult>}
 */
export async function precompress(ctx) {
  return precompressDir(ctx.outDir);
}
