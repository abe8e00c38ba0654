/**
 * Which prerendered HTML answers a navigation (issue 16, item 1). Shared by `npm start` (scripts/serve.mjs)
 * and the service worker (src/sw/), so the server and the offline cache always pick the same shell.
 *
 * Views and languages live in the query string (`?view=explorer&lang=ar`), never in the path, so one URL
 * path serves every view: the build writes the overview in French as `index.html` (what any static host
 * serves) and every other (view, language) as `shells/<view>-<lang>.html`. A query naming no or an unknown
 * view or language falls back to the defaults, exactly as the app does (src/state/view-state.ts).
 * Plain ESM, no dependencies.
 */

/** The views and languages the build prerenders; keep in step with VIEWS and LANGS in src/. */
export const SHELL_VIEWS = ['overview', 'explorer', 'compare', 'projects'];
export const SHELL_LANGS = ['fr', 'ar', 'en'];

/**
 * The page of the explorer's default view, a bare `?view=explorer` (`isDefaultQuery`): the same as the explorer's
 * shell plus the default line chart's head, which the build computes from its own data
 * (src/features/explorer/baked-head.ts). Any other explorer query gets the plain explorer shell.
 */
export const DEFAULT_EXPLORER = 'explorer-default';

/** Every prerendered page: the views' shells and the explorer's default view. */
export const SHELL_PAGES = [...SHELL_VIEWS, DEFAULT_EXPLORER];

/**
 * Whether a query names nothing but the view and the language: the view's default selection, the same for every
 * reader. Any other parameter, even one the app would drop as unknown, may change what the view draws.
 *
 * @param {URLSearchParams} params
 * @returns {boolean}
 */
export function isDefaultQuery(params) {
  return [...params.keys()].every((key) => key === 'view' || key === 'lang');
}

/**
 * The file (relative to the build root, `/` separators) of the shell for a (page, language): a view of
 * `SHELL_VIEWS` or `DEFAULT_EXPLORER`.
 *
 * @param {string} view
 * @param {string} lang
 * @returns {string}
 */
export function shellPath(view, lang) {
  return view === 'overview' && lang === 'fr' ? 'index.html' : `shells/${view}-${lang}.html`;
}

/**
 * The page of an embedded chart (`?embed=1`, issue 17 item 5) in a language: the built index.html with an empty
 * `#root` (scripts/embed-build.mjs), never a prerendered view, whose header and navigation would flash inside the
 * host site's frame before the app replaces them with the embed layout.
 *
 * @param {string} lang
 * @returns {string}
 */
export function embedShellPath(lang) {
  return `shells/embed-${SHELL_LANGS.includes(lang) ? lang : 'fr'}.html`;
}

/**
 * Whether a query asks for the embed layout: `embed=1` exactly, as src/app/embed-mode.ts reads it.
 *
 * @param {URLSearchParams} params
 * @returns {boolean}
 */
export function isEmbedQuery(params) {
  return params.get('embed') === '1';
}

/**
 * The shell file for a navigation's query string (`?view=…&lang=…`, with or without `?`).
 *
 * @param {string} search
 * @returns {string}
 */
export function shellFile(search) {
  const params = new URLSearchParams(search);
  const view = params.get('view') ?? 'overview';
  const lang = params.get('lang') ?? 'fr';
  if (isEmbedQuery(params)) return embedShellPath(lang);
  const page = !SHELL_VIEWS.includes(view)
    ? 'overview'
    : view === 'explorer' && isDefaultQuery(params)
      ? DEFAULT_EXPLORER
      : view;
  return shellPath(page, SHELL_LANGS.includes(lang) ? lang : 'fr');
}
