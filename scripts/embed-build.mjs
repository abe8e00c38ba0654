/**
 * Build steps of the embed (issue 17, item 5), two Vite plugins registered in vite.config.ts around the post-build
 * steps of scripts/build/post-build.mjs:
 *
 * - `embedShells` — before them: `shells/embed-<lang>.html`, the page that answers `?embed=1` (chosen by
 *   scripts/build/shell-route.mjs for scripts/serve.mjs and the service worker). It is the built index.html with its
 *   `#root` still empty — taken before the prerender step writes the overview's header and navigation into it — so a
 *   chart embedded in another site never flashes the app's chrome. Written first so the service worker lists it.
 * - `staticHostHeaders` — after them: `_headers`, the security headers of scripts/csp.mjs (CSP with this build's
 *   `frame-ancestors`, X-Frame-Options agreeing with it) in the format Netlify and Cloudflare Pages read, for hosts
 *   that cannot run scripts/serve.mjs. Written last so it is neither precached by the service worker nor compressed.
 *
 * Plain ESM: the shells are written from the same pure helpers as the prerendered ones.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { extractFrameAncestors, extractMetaCsp, parseCsp, securityHeaders, buildCsp } from './csp.mjs';
import { SHELL_LANGS, embedShellPath } from './build/shell-route.mjs';
import { fontPreloads, shellDocument } from './build/prerender.mjs';

/** Direction of each language's page (src/i18n: Arabic is right to left). */
const DIRECTIONS = /** @type {Record<string, 'ltr' | 'rtl'>} */ ({ fr: 'ltr', ar: 'rtl', en: 'ltr' });

/**
 * The embed page of one language from the built index.html (pure): its head as is, `<html lang dir>` of the
 * language, and an empty `#root` the app fills with the embed layout.
 *
 * @param {string} template the built index.html, before the prerender step
 * @param {string} lang
 * @param {readonly string[]} assets file names under assets/ (for the language's font preloads)
 * @returns {string}
 */
export function embedShellDocument(template, lang, assets) {
  return shellDocument(
    template,
    { html: '', title: 'Mouchir', lang, dir: DIRECTIONS[lang] ?? 'ltr' },
    fontPreloads(lang, assets),
  );
}

/**
 * The `_headers` file of a build (Netlify / Cloudflare Pages format): every path gets the headers scripts/serve.mjs
 * sends, with the CSP the build embedded plus the `frame-ancestors` it records.
 *
 * @param {string} indexHtml the built index.html
 * @returns {string}
 */
export function headersFile(indexHtml) {
  const meta = extractMetaCsp(indexHtml);
  const sources = extractFrameAncestors(indexHtml);
  const base = meta ?? buildCsp({ forMeta: true });
  const policy = parseCsp(base).has('frame-ancestors') ? base : `${base}; frame-ancestors ${sources.join(' ')}`;
  const lines = Object.entries(securityHeaders({ policy })).map(([k, v]) => `  ${k}: ${v}`);
  return `# Written by the build (scripts/embed-build.mjs): the headers of scripts/serve.mjs for static hosts.\n/*\n${lines.join('\n')}\n`;
}

/** @returns {{ outDir: string | null }} */
function buildContext() {
  return { outDir: null };
}

/**
 * Vite plugin: the embed shells (see the module comment).
 *
 * @returns {import('vite').Plugin}
 */
export function embedShells() {
  const ctx = buildContext();
  return {
    name: 'mouchir-embed-shells',
    apply: 'build',
    configResolved(config) {
      ctx.outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler() {
        if (!ctx.outDir) return;
        const template = await fs.readFile(path.join(ctx.outDir, 'index.html'), 'utf8');
        const assets = await fs.readdir(path.join(ctx.outDir, 'assets')).catch(() => []);
        await fs.mkdir(path.join(ctx.outDir, 'shells'), { recursive: true });
        for (const lang of SHELL_LANGS) {
          await fs.writeFile(path.join(ctx.outDir, embedShellPath(lang)), embedShellDocument(template, lang, assets));
        }
      },
    },
  };
}

/**
 * Vite plugin: `_headers` for static hosts (see the module comment).
 *
 * @returns {import('vite').Plugin}
 */
export function staticHostHeaders() {
  const ctx = buildContext();
  return {
    name: 'mouchir-static-host-headers',
    apply: 'build',
    configResolved(config) {
      ctx.outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (!ctx.outDir) return;
        const html = await fs.readFile(path.join(ctx.outDir, 'index.html'), 'utf8');
        await fs.writeFile(path.join(ctx.outDir, '_headers'), headersFile(html));
      },
    },
  };
}
