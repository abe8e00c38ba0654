/**
 * Post-build step 1 (see post-build.mjs): the app shell written into the HTML of each view's entry URL (issue 16,
 * item 1), so a reader sees the header, the navigation, the view's title and its skeletons before any JavaScript
 * runs, and the app takes it over without a flash or a layout shift.
 *
 * From the built index.html (its head: CSP meta, entry script, CSS, preloads) it writes one page per (view,
 * language) at scripts/build/shell-route.mjs's `shellPath` — `index.html` (overview, French) and
 * `shells/<view>-<lang>.html` — each with `<html lang dir>` of its language, the view's `<title>` and, inside
 * `#root`, the markup of src/prerender/shell.tsx: the real app rendered by React in Node, in the state of its first
 * client render (so it cannot drift from what the app draws). No browser is needed: `npm start` builds anywhere.
 *
 * The module is loaded with Vite's SSR module loader (a middleware-mode server with no HTTP listener, no HMR), which
 * compiles the TSX on demand and leaves node_modules to Node. The shells are served for a navigation's query string
 * by scripts/serve.mjs and the service worker; their asset URLs are relative to the page URL (the app's root), not
 * to shells/, so they are never opened at their own path.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createServer } from 'vite';
import { SHELL_LANGS, SHELL_PAGES, shellPath } from './shell-route.mjs';

const ENTRY = '/src/prerender/shell.tsx';

/** @param {string} s */
function escapeHtml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Web-font files (woff2, under assets/) of the shell's bold text (navigation, headings, buttons): Noto Sans 600. */
const LATIN_BOLD_RE = /^noto-sans-latin-600-normal-[\w-]+\.woff2$/;
/** The faces of an Arabic page's text: Noto Sans Arabic 400 and 600. */
const ARABIC_FONT_RE = /^noto-sans-arabic-arabic-(?:400|600)-normal-[\w-]+\.woff2$/;

/**
 * The font preloads of a language's pages, besides the Latin 400 face the build's index.html preloads for every page
 * (vite.config.ts): Noto Sans Latin 600 (13 kB), and on Arabic pages Noto Sans Arabic 400 and 600 — faces fetched
 * only where the page's language is Arabic (src/styles/fonts.css), which only the shells know before any script.
 * Without them the shell is first drawn in a fallback font whose other widths re-wrap the header and the phone's
 * navigation when the faces arrive: a layout shift of 0.04 measured at 1280 px in Arabic and at 390 px in French.
 *
 * @param {string} lang
 * @param {readonly string[]} assets the file names under assets/
 * @returns {string[]} `<link>` tags
 */
export function fontPreloads(lang, assets) {
  return assets
    .filter((f) => LATIN_BOLD_RE.test(f) || (lang === 'ar' && ARABIC_FONT_RE.test(f)))
    .sort()
    .reverse() // noto-sans-latin first: the face of most of the page
    .map((f) => `<link rel="preload" as="font" type="font/woff2" crossorigin="anonymous" href="./assets/${f}">`);
}

/**
 * The page of one shell from the built index.html. Pure (unit-tested).
 *
 * @param {string} template the built index.html
 * @param {{ html: string, title: string, lang: string, dir: string }} shell
 * @param {readonly string[]} [headTags] extra tags for the end of the head (this language's font preloads)
 * @returns {string}
 */
export function shellDocument(template, shell, headTags = []) {
  const htmlTag = /<html\b[^>]*>/i;
  const title = /<title>[\s\S]*?<\/title>/i;
  // `#root` empty (as Vite writes it) or holding a shell between the markers (this step already ran on the folder).
  const root = /<div id="root">(?:<!--shell-->[\s\S]*?<!--\/shell-->)?<\/div>/i;
  for (const [what, re] of /** @type {const} */ ([
    ['<html>', htmlTag],
    ['<title>', title],
    ['<div id="root"></div>', root],
  ])) {
    if (!re.test(template)) throw new Error(`prerender: the built index.html has no ${what}`);
  }
  return template
    .replace(htmlTag, `<html lang="${escapeHtml(shell.lang)}" dir="${escapeHtml(shell.dir)}">`)
    .replace(title, () => `<title>${escapeHtml(shell.title)}</title>`)
    .replace(root, () => `<div id="root"><!--shell-->${shell.html}<!--/shell--></div>`)
    .replace(/<!--shell-head-->[\s\S]*?<!--\/shell-head-->\n?/, '')
    .replace(
      /(\n?\s*)<\/head>/i,
      (_all, space) =>
        `${headTags.length > 0 ? `${space}<!--shell-head-->${headTags.join('')}<!--/shell-head-->` : ''}${space}</head>`,
    );
}

/** The view preloads of the built index.html (vite.config.ts `preloadHints`), live or made inert. */
const VIEW_PRELOADS =
  /<!--view-preloads-->([\s\S]*?)<!--\/view-preloads-->|<template data-view-preloads>([\s\S]*?)<\/template>/;

/**
 * A shell with its view preloads live (`<!--view-preloads-->…<!--/view-preloads-->`: the browser fetches them at once)
 * or inert (inside `<template data-view-preloads>`, whose content a browser never fetches). The shells whose largest
 * paint is their own (`paintsFirst`: the overview's intro, the default explorer's baked chart head) make them inert,
 * and the entry, seeing the template, waits for that paint before importing the same files (src/main.tsx). Pure;
 * either form in, either form out, so running the step twice changes nothing.
 *
 * @param {string} html
 * @param {boolean} live
 * @returns {string}
 */
export function withViewPreloads(html, live) {
  return html.replace(VIEW_PRELOADS, (_all, a, b) => {
    const tags = a ?? b ?? '';
    return live
      ? `<!--view-preloads-->${tags}<!--/view-preloads-->`
      : `<template data-view-preloads>${tags}</template>`;
  });
}

/**
 * Render every shell with `render(page, lang)` (every page of shell-route.mjs `SHELL_PAGES`) and write it into
 * `outDir`.
 *
 * @param {string} outDir
 * @param {string} template
 * @param {(page: string, lang: string) => { html: string, title: string, lang: string, dir: string, paintsFirst: boolean }} render
 * @returns {Promise<string[]>} the files written (relative to outDir)
 */
export async function writeShells(outDir, template, render) {
  /** @type {string[]} */
  const written = [];
  await fs.mkdir(path.join(outDir, 'shells'), { recursive: true });
  const assets = await fs.readdir(path.join(outDir, 'assets')).catch(() => []);
  for (const page of SHELL_PAGES) {
    for (const lang of SHELL_LANGS) {
      const file = shellPath(page, lang);
      const shell = render(page, lang);
      await fs.writeFile(
        path.join(outDir, file),
        withViewPreloads(shellDocument(template, shell, fontPreloads(lang, assets)), !shell.paintsFirst),
      );
      written.push(file);
    }
  }
  return written;
}

/**
 * Load src/prerender/shell.tsx in Node through Vite.
 *
 * @param {string} root
 * @returns {Promise<{ renderShell: (page: string, lang: string) => { html: string, title: string, lang: string, dir: string, paintsFirst: boolean }, close: () => Promise<void> }>}
 */
export async function loadShellRenderer(root) {
  const vite = await createServer({
    root,
    // Not the project's config: its plugins are the browser build's (CSP meta, mock swaps, this very step).
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    mode: 'production',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = await vite.ssrLoadModule(ENTRY);
    return { renderShell: mod.renderShell, close: () => vite.close() };
  } catch (error) {
    await vite.close();
    throw error;
  }
}

/**
 * The step. A failure fails the build: a page without its shell would still work, but silently slower.
 *
 * @param {import('./post-build.mjs').PostBuildContext} ctx
 * @returns {Promise<void>}
 */
export async function prerenderShells(ctx) {
  const template = await fs.readFile(path.join(ctx.outDir, 'index.html'), 'utf8');
  const renderer = await loadShellRenderer(ctx.root);
  try {
    await writeShells(ctx.outDir, template, renderer.renderShell);
  } finally {
    await renderer.close();
  }
}
