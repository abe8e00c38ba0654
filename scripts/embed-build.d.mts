/** Types for scripts/embed-build.mjs (the embed shells and the static hosts' `_headers`). */
import type { Plugin } from 'vite';
/** The embed page of one language from the built index.html. */
export function embedShellDocument(template: string, lang: string, assets: readonly string[]): string;
/** The `_headers` file (Netlify / Cloudflare Pages format) of a build, from its index.html. */
export function headersFile(indexHtml: string): string;
/** Vite plugin writing `shells/embed-<lang>.html` before the post-build steps. */
export function embedShells(): Plugin;
/** Vite plugin writing `_headers` after the post-build steps. */
export function staticHostHeaders(): Plugin;
