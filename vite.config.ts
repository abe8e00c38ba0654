import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspMetaTag } from './scripts/csp.mjs';

/**
 * Put the Content-Security-Policy of scripts/csp.mjs into the built index.html as a
 * `<meta http-equiv>`, so any static host serves the app under it (scripts/serve.mjs also sends
 * it as a header, plus frame-ancestors). Build only: the dev server needs inline scripts (React
 * refresh preamble, HMR) that the strict policy forbids. `VITE_API_BASE_URL` (env or .env file)
 * adds the API origin to connect-src.
 */
function cspMeta(): Plugin {
  let apiBaseUrl: string | null = null;
  return {
    name: 'mouchir-csp-meta',
    apply: 'build',
    configResolved(config) {
      const v: unknown = config.env.VITE_API_BASE_URL;
      apiBaseUrl = typeof v === 'string' && v !== '' ? v : null;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Right after <meta charset>, before any <link>/<script>, so the policy covers them all.
        const tag = cspMetaTag({ apiBaseUrl });
        return /<meta\s+charset[^>]*>/i.test(html)
          ? html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n    ${tag}`)
          : html.replace(/<head>/i, `<head>\n    ${tag}`);
      },
    },
  };
}

/**
 * One config for the app build and for vitest.
 * `base: './'` makes every asset URL relative, so `dist/` works from any static
 * server and any sub-folder (e.g. /mouchir/) without rewrites; views live in the
 * query string, never in the path.
 */
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
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
