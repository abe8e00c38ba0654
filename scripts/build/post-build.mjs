/**
 * Steps that run on the finished client build, in order (issue 16). A Vite plugin, so every `vite build`
 * (npm start, the e2e harness, the bench, CI) produces the same dist/:
 *
 * 0. priorities.mjs — index.html's scripts and data preloads at low priority, so the shell's stylesheet and fonts
 *    come first on a slow network;
 * 1. prerender.mjs — the app shell (header, navigation, the view's title and skeletons) written into the HTML
 *    of each view's entry URL, so the page paints before any JavaScript runs;
 * 2. service-worker.mjs — dist/sw.js, the offline cache of every file of this build (it imports the MSW worker
 *    in a mock-mode build: one service worker, one scope);
 * 3. precompress.mjs — `.br` and `.gz` beside every compressible file, which scripts/serve.mjs sends as they are.
 *
 * Order matters: the service worker lists the shells; the compressed copies are made of the final files and are
 * never listed in the worker's cache.
 */
import path from 'node:path';
import { lowerPriorities } from './priorities.mjs';
import { prerenderShells } from './prerender.mjs';
import { buildServiceWorker } from './service-worker.mjs';
import { precompress } from './precompress.mjs';

/**
 * @typedef {object} PostBuildContext
 * @property {string} root    the project root (absolute)
 * @property {string} outDir  the build's output folder (absolute)
 * @property {string} base    Vite's `base` (`./`)
 * @property {boolean} mock   true when the build serves the mock API (no VITE_API_BASE_URL)
 */

/** @returns {import('vite').Plugin} */
export function postBuild() {
  /** @type {PostBuildContext | null} */
  let ctx = null;
  return {
    name: 'mouchir-post-build',
    apply: 'build',
    configResolved(config) {
      const api = config.env.VITE_API_BASE_URL;
      ctx = {
        root: config.root,
        outDir: path.resolve(config.root, config.build.outDir),
        base: config.base,
        mock: !(typeof api === 'string' && api !== ''),
      };
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!ctx) return;
        await lowerPriorities(ctx);
        await prerenderShells(ctx);
        await buildServiceWorker(ctx);
        await precompress(ctx);
      },
    },
  };
}
