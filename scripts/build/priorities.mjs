/**
 * Post-build step (see post-build.mjs), before the shells are written from index.html: the app's scripts and the
 * mock's data preloads are fetched at low priority, so the prerendered shell's stylesheet and fonts get a slow
 * network first (issue 16, B9).
 *
 * Why: the HTML paints the shell without any script (prerender.mjs), and module scripts never block rendering, but
 * Chromium fetches a parser-inserted module script, its `modulepreload`s and a `preload as="fetch"` at high priority,
 * beside the stylesheet. On a phone's slow 4G that splits the bandwidth between ~140 kB gzip of JavaScript and JSON
 * and the ~40 kB the first paint needs, and Lighthouse's simulation counts every high-priority request of the head as
 * render-blocking: FCP 1.6 s with them, 0.77 s with `fetchpriority="low"` (node .tmp/lh-one runs on the same build,
 * overview and explorer, 07:54 UTC). The stylesheet and the font preloads keep their priority.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Tags of index.html's head that get `fetchpriority="low"`: the entry script, its modulepreloads, JSON preloads. */
const LOW_PRIORITY_TAGS = [
  /<script\b(?=[^>]*\btype="module")[^>]*>/gi,
  /<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi,
  /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="fetch")[^>]*>/gi,
];

/**
 * index.html with `fetchpriority="low"` on its module scripts, modulepreloads and fetch preloads (a tag that already
 * says a priority is left as it is). Pure (unit-tested); running it twice changes nothing more.
 *
 * @param {string} html
 * @returns {string}
 */
export function lowerScriptPriorities(html) {
  let out = html;
  for (const re of LOW_PRIORITY_TAGS) {
    out = out.replace(re, (tag) =>
      /\bfetchpriority=/i.test(tag) ? tag : tag.replace(/^<(script|link)\b/i, '<$1 fetchpriority="low"'),
    );
  }
  return out;
}

/**
 * The step: rewrite the build's index.html (the shells are made from it next).
 *
 * @param {import('./post-build.mjs').PostBuildContext} ctx
 * @returns {Promise<void>}
 */
export async function lowerPriorities(ctx) {
  const file = path.join(ctx.outDir, 'index.html');
  await fs.writeFile(file, lowerScriptPriorities(await fs.readFile(file, 'utf8')));
}
