/**
 * B3 helpers: gzipped size of every JavaScript file of a build, and which of them a page loaded
 * before its first chart (from the browser's resource timing / network log).
 * Sizes are gzip level 9 of the built bytes, the figure Vite prints and close to what a CDN sends.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * @typedef {{ file: string, raw: number, gzip: number }} JsFile
 * `file` is relative to the build folder, with `/` separators (e.g. `assets/index-abc123.js`).
 */

/**
 * Every `.js` file under `dir`, with raw and gzipped sizes, largest first.
 *
 * @param {string} dir
 * @returns {JsFile[]}
 */
export function listJs(dir) {
  /** @type {JsFile[]} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.mjs')) {
        const bytes = fs.readFileSync(full);
        out.push({
          file: path.relative(dir, full).split(path.sep).join('/'),
          raw: bytes.length,
          gzip: zlib.gzipSync(bytes, { level: 9 }).length,
        });
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort((a, b) => b.gzip - a.gzip);
}

/**
 * The files of a build that a list of loaded URLs refers to (matched on the end of the URL's
 * path, so any origin and sub-path works). Each file counts once, however often it was fetched.
 *
 * @param {readonly JsFile[]} files
 * @param {readonly string[]} urls
 * @returns {JsFile[]}
 */
export function filesLoaded(files, urls) {
  const paths = urls.map((u) => {
    try {
      return decodeURIComponent(new URL(u).pathname);
    } catch {
      return u.split('?')[0] ?? u;
    }
  });
  return files.filter((f) => paths.some((p) => p === `/${f.file}` || p.endsWith(`/${f.file}`)));
}

/**
 * Sum of gzipped (and raw) sizes.
 *
 * @param {readonly JsFile[]} files
 * @returns {{ gzip: number, raw: number, count: number }}
 */
export function totalSize(files) {
  return {
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    raw: files.reduce((s, f) => s + f.raw, 0),
    count: files.length,
  };
}
