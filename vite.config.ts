import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { loadEnv, type Plugin } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAME_ANCESTORS_ENV, cspMetaTag, frameAncestorSources, frameAncestorsMetaTag } from './scripts/csp.mjs';
import { postBuild } from './scripts/build/post-build.mjs';
import { mockModuleSwap } from './scripts/build/mock-swaps.mjs';
import { DATA_FILE_PATHS } from './src/mocks/shipped-files-index.ts';
import { embedShells, staticHostHeaders } from './scripts/embed-build.mjs';

/**
 * Put the Content-Security-Policy of scripts/csp.mjs into the built index.html as a
 * `<meta http-equiv>`, so any static host serves the app under it (scripts/serve.mjs also sends
 * it as a header, plus frame-ancestors). Build only: the dev server needs inline scripts (React
 * refresh preamble, HMR) that the strict policy forbids. `VITE_API_BASE_URL` (env or .env file)
 * adds the API origin to connect-src.
 *
 * `MOUCHIR_FRAME_ANCESTORS` (environment or .env file; issue 17, embed) lists the sites allowed to show the app in
 * a frame. Browsers ignore frame-ancestors in a meta CSP, so the build records it in a second meta tag that
 * scripts/serve.mjs and the generated `_headers` (scripts/embed-build.mjs) turn into the header. An invalid value
 * fails the build at once, before anything is written.
 */
function cspMeta(): Plugin {
  let apiBaseUrl: string | null = null;
  let frameAncestors: string | null = null;
  return {
    name: 'mouchir-csp-meta',
    apply: 'build',
    configResolved(config) {
      const v: unknown = config.env.VITE_API_BASE_URL;
      apiBaseUrl = typeof v === 'string' && v !== '' ? v : null;
      // Not a VITE_ variable (those are compiled into the client code): read it from the environment and the .env
      // files the way Vite would, without exposing it.
      const fromFiles = config.mode ? loadEnv(config.mode, config.envDir || config.root, FRAME_ANCESTORS_ENV) : {};
      const fa: unknown = config.env[FRAME_ANCESTORS_ENV] ?? fromFiles[FRAME_ANCESTORS_ENV];
      frameAncestors = typeof fa === 'string' ? fa : null;
      frameAncestorSources(frameAncestors);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Right after <meta charset>, before any <link>/<script>, so the policy covers them all.
        const tag = `${cspMetaTag({ apiBaseUrl })}\n    ${frameAncestorsMetaTag(frameAncestors)}`;
        return /<meta\s+charset[^>]*>/i.test(html)
          ? html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n    ${tag}`)
          : html.replace(/<head>/i, `<head>\n    ${tag}`);
      },
    },
  };
}

/**
 * The mock API's browser builds (issue 7, B3; issue 16). Build only — vitest, tsx and the dev server keep the real
 * modules and serve the mock from the page.
 * - Its modules, lighter: MSW's cookie store and the data files as JavaScript swapped out (scripts/build/mock-swaps.mjs,
 *   shared with the service worker's build, which carries the mock API of a production build).
 * - The data files as hashed JSON assets (`assets/<name>-<hash>.json`) in a mock-mode build: the mock API in sw.js
 *   fetches them (src/mocks/shipped-files.browser.ts, whose `?url` imports the worker's build resolves to these), the
 *   HTML preloads the catalogue's two (`preloadHints`), and the offline copy keeps them all.
 * A plugin rather than `resolve.alias`, because the `test` block below extends this config and must not see the swaps.
 */
function browserMock(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const swap = mockModuleSwap(root);
  let mock = true;
  return {
    name: 'mouchir-browser-mock',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      const v: unknown = config.env.VITE_API_BASE_URL;
      mock = !(typeof v === 'string' && v !== '');
    },
    buildStart() {
      if (!mock) return;
      for (const rel of Object.values(DATA_FILE_PATHS)) {
        this.emitFile({
          type: 'asset',
          name: path.basename(rel),
          originalFileName: rel,
          source: fs.readFileSync(path.join(root, rel)),
        });
      }
    },
    resolveId(source, importer) {
      return swap(source, importer);
    },
  };
}

/**
 * Preload hints in the built HTML (issue 7, B1; issue 16).
 * - Every build: `<link rel="preload" as="font">` for Noto Sans Latin 400, the face of almost every glyph of every first
 *   view (numbers and Latin text in Arabic pages too); the other faces load when text uses them (each prerendered
 *   shell preloads its language's, scripts/build/prerender.mjs), the Arabic face only in Arabic pages.
 * - Between `<!--view-preloads-->` markers: `<link rel="modulepreload">` for the app's start chunk and its static
 *   imports and, in a mock-mode build, for the mock API's chunk, and `<link rel="preload" as="fetch">` for the two data
 *   files every view asks for first (territories and the indicator catalogue). The explorer, compare and projects
 *   shells keep them: their largest paint waits for data, so the app's chain starts at once (src/main.tsx does not wait
 *   for their first paint either). The overview's shells turn them into an inert `<template>`
 *   (scripts/build/prerender.mjs): its largest paint is the shell's intro, and anything fetched before that paint
 *   only competes with the style sheet and fonts (src/main.tsx waits for the paint, then imports the same files).
 */
function preloadHints(): Plugin {
  let mock = true;
  return {
    name: 'mouchir-preload-hints',
    apply: 'build',
    configResolved(config) {
      const v: unknown = config.env.VITE_API_BASE_URL;
      mock = !(typeof v === 'string' && v !== '');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const link = (attrs: string) => `<link ${attrs}>`;
        const font: string[] = [];
        const view: string[] = [];
        // The start chunk's static graph (src/app/start.tsx, imported by the entry after its wait).
        const start = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app/start.tsx'),
        );
        const graph = new Set<string>();
        const visit = (fileName: string) => {
          const c = bundle[fileName];
          if (!c || c.type !== 'chunk' || c.isEntry || graph.has(fileName)) return;
          graph.add(fileName);
          for (const dep of c.imports) visit(dep);
        };
        if (start) visit(start.fileName);
        for (const fileName of graph) view.push(link(`rel="modulepreload" crossorigin href="./${fileName}"`));
        for (const item of Object.values(bundle)) {
          if (item.type === 'asset' && /^assets\/noto-sans-latin-400-normal-[\w-]+\.woff2$/.test(item.fileName)) {
            font.push(
              link(`rel="preload" as="font" type="font/woff2" crossorigin="anonymous" href="./${item.fileName}"`),
            );
          }
          if (!mock) continue;
          if (item.type === 'chunk' && item.facadeModuleId?.endsWith('/src/app/mock-in-worker.ts')) {
            view.push(link(`rel="modulepreload" crossorigin href="./${item.fileName}"`));
          }
          if (item.type === 'asset' && /^assets\/(territories|indicators)-[\w-]+\.json$/.test(item.fileName)) {
            view.push(link(`rel="preload" as="fetch" crossorigin="anonymous" href="./${item.fileName}"`));
          }
        }
        const block = `<!--view-preloads-->${view.join('')}<!--/view-preloads-->`;
        return html.replace(
          /(\s*)<\/head>/i,
          (_all, space: string) => `${space}${font.join('')}${space}${block}${space}</head>`,
        );
      },
    },
  };
}

/**
 * The contract ships on zod/mini, but unit tests introspect its schemas with classic zod's classes
 * (tests/unit/api-docs.test.ts walks ZodObject shapes), which mini schemas are not instances of. Same
 * core, checks, messages and JSON Schema; tests/unit/contract-mini.test.ts runs the real zod/mini path.
 */
const zodClassicForTests = { alias: [{ find: /^zod\/mini$/, replacement: 'zod' }] };

/**
 * One config for the app build and for vitest.
 * `base: './'` makes every asset URL relative, so `dist/` works from any static
 * server and any sub-folder (e.g. /mouchir/) without rewrites; views live in the
 * query string, never in the path.
 */
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta(), browserMock(), preloadHints(), embedShells(), postBuild(), staticHostHeaders()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The app's start (src/main.tsx imports it after the overview's first paint) and everything it imports
          // statically, in one chunk: without this group rolldown splits the modules it shares with the lazy views
          // into ~25 small chunks (34 → 59 files before the first chart, +14 kB gzip of per-file overhead, and a
          // slower offline start: each file is one more service-worker fetch).
          // Vite's preload helper stays out of it: the entry itself uses the helper, and an entry importing the start
          // chunk statically would load and run it before the overview's first paint (LCP 1.1 → 1.8 s).
          groups: [
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 2 },
            { name: 'start', test: /\/src\/app\/start\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  // Module workers (issue 15): the import worker's `import('./xlsx.ts')` stays a separate chunk, loaded only for a
  // workbook; the default iife format inlines it into the worker. Every browser the build targets (es2022) has them.
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        resolve: zodClassicForTests,
        test: {
          // Pure logic in node: no DOM, no mock server unless the file asks. A file that needs the DOM says
          // `// @vitest-environment jsdom` on its first line; one that calls the mock API imports
          // tests/setup-msw.ts. Setting up jsdom and MSW for every file cost most of this step's time.
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        resolve: zodClassicForTests,
        test: {
          // Rendered components: jsdom, testing-library (jest-dom matchers, cleanup) and the MSW node server.
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
