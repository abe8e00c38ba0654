/**
 * Post-build step (see post-build.mjs): `dist/sw.js`, the service worker that keeps this build for offline use
 * (issue 16, item 4) and, in a mock-mode build, answers the mock API. `src/sw/sw.ts` (a real-API build) or
 * `src/sw/sw-mock-entry.ts` (a mock-mode build: the same plus the mock API) is bundled with rolldown (already installed
 * through Vite 8) into one classic script (iife, no code splitting: a service worker may not `import()`), with
 * this build's precache manifest injected as a constant.
 *
 * The manifest lists every file of the build the app may need offline: the HTML (index.html and the prerendered
 * shells), the scripts, styles, fonts, data files and map boundaries. Not listed: `sw.js` itself, MSW's own worker
 * script (the dev server's: a build's mock API runs inside sw.js), dotfiles, and the `.br`/`.gz` copies precompress.mjs
 * makes after this step (a Cache Storage entry holds the decoded body anyway). Vite's hashed files under `assets/`
 * get revision null (their name changes with their content); every other file gets a hash of its content, so a new
 * deployment replaces exactly the files that changed and the worker's byte-compare update check sees a new sw.js
 * whenever any file changed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';
import { mockModuleSwap } from './mock-swaps.mjs';

/** Vite's hashed file names (`name-<8+ chars of base64url>.ext`), the same rule as scripts/serve.mjs. */
const HASHED_RE = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
/** Files of the build that are never precached (see the module comment). */
const NOT_PRECACHED = new Set(['sw.js', 'mockServiceWorker.js']);

/**
 * @typedef {object} PrecacheEntry
 * @property {string} url            relative to the build root, `/` separators (`assets/app-Ab12Cd34.js`)
 * @property {string | null} revision null for a hashed file, else a hash of its content
 */

/**
 * Every file under `dir`, relative, sorted (so the manifest, hence sw.js, is the same for the same build).
 *
 * @param {string} dir
 * @param {string} [prefix]
 * @returns {string[]}
 */
function listFiles(dir, prefix = '') {
  /** @type {string[]} */
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out.sort();
}

/**
 * The precache manifest of a finished build folder.
 *
 * @param {string} outDir absolute build folder
 * @returns {PrecacheEntry[]}
 */
export function precacheManifest(outDir) {
  return listFiles(outDir)
    .filter((rel) => !NOT_PRECACHED.has(rel) && !/\.(br|gz)$/.test(rel))
    .map((rel) => ({
      url: rel,
      revision:
        rel.startsWith('assets/') && HASHED_RE.test(rel)
          ? null
          : crypto
              .createHash('sha256')
              .update(fs.readFileSync(path.join(outDir, rel)))
              .digest('hex')
              .slice(0, 16),
    }));
}

/**
 * The id of a build: a hash of its manifest (hashed names included), so two builds with any different file have
 * different ids. The worker names its bookkeeping after it.
 *
 * @param {PrecacheEntry[]} manifest
 * @returns {string}
 */
export function buildId(manifest) {
  return crypto.createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
}

/**
 * The mock API's modules in the worker: the same swaps as the app's build (./mock-swaps.mjs), and each data file's
 * `?url` import (src/mocks/shipped-files.browser.ts) resolved to the hashed asset the app's build emitted for it
 * (vite.config.ts `browserMock()`), as a URL relative to sw.js, which sits at the build's root.
 *
 * @param {import('./post-build.mjs').PostBuildContext} ctx
 * @returns {import('rolldown').Plugin}
 */
function mockApiModules(ctx) {
  const swap = mockModuleSwap(ctx.root);
  const assets = fs.readdirSync(path.join(ctx.outDir, 'assets'));
  const PREFIX = '\0mouchir-data-url:';
  return {
    name: 'mouchir-sw-mock-api',
    resolveId(source, importer) {
      if (importer && source.endsWith('.json?url'))
        return PREFIX + path.basename(source.slice(0, -'?url'.length), '.json');
      return swap(source, importer);
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      const found = assets.filter((f) => new RegExp(`^${name}-[A-Za-z0-9_-]{8,}\\.json$`).test(f));
      if (found.length !== 1)
        throw new Error(`sw.js: expected one emitted asset for data file ${name}.json, found ${found.length}`);
      return `export default new URL(${JSON.stringify(`assets/${found[0]}`)}, self.location.href).href;`;
    },
  };
}

/**
 * Bundle src/sw/sw.ts into `<outDir>/sw.js` with this build's manifest.
 *
 * @param {import('./post-build.mjs').PostBuildContext} ctx
 * @returns {Promise<void>}
 */
export async function buildServiceWorker(ctx) {
  const manifest = precacheManifest(ctx.outDir);
  await build({
    // A mock-mode build's worker also answers the API (src/sw/sw-mock-entry.ts); a real-API build's only keeps the copy.
    input: path.join(ctx.root, ctx.mock ? 'src/sw/sw-mock-entry.ts' : 'src/sw/sw.ts'),
    platform: 'browser',
    logLevel: 'warn',
    plugins: ctx.mock ? [mockApiModules(ctx)] : [],
    transform: {
      define: {
        // workbox reads process.env.NODE_ENV to drop its development logging.
        'process.env.NODE_ENV': JSON.stringify('production'),
        __PRECACHE_MANIFEST__: JSON.stringify(manifest),
        __BUILD_ID__: JSON.stringify(buildId(manifest)),
        // What Vite gives the app's modules, for the mock API's (src/mocks/db.ts skips re-validating the data files in a
        // build: npm run data:check and the unit tests validate them).
        'import.meta.env': JSON.stringify({ PROD: true, DEV: false, MODE: 'production', BASE_URL: ctx.base }),
      },
    },
    output: {
      file: path.join(ctx.outDir, 'sw.js'),
      format: 'iife',
      codeSplitting: false,
      minify: true,
      sourcemap: false,
    },
  });
}
