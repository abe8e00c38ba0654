/**
 * The app shell of one (view, language), rendered at build time (issue 16, item 1): scripts/build/prerender.mjs
 * loads this module through Vite in Node and writes what it returns into each view's HTML, so the page paints
 * before any JavaScript runs.
 *
 * It renders the real app — header, navigation, notices, the view's skeleton (src/app/view-skeleton.tsx), footer —
 * in the state of its first client render while the mock worker starts (API readiness pending, no query data,
 * no stored preferences), so createRoot replacing this markup draws the same page. Nothing here may reach the
 * network, storage or the DOM: React's server renderer runs no effects.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient } from '@tanstack/react-query';
import type { Lang } from '../contract/contract.ts';
import { DIRECTIONS } from '../i18n/i18n.ts';
import { App } from '../app/app.tsx';
import { setApiReadyPromise } from '../app/api-ready.ts';
import { documentTitle } from '../app/document-title.ts';
import { DEFAULT_VIEW_STATE, type ViewName } from '../state/view-state.ts';
import { useViewStore } from '../state/view-store.ts';
import { USE_MOCK_API } from '../api/client.ts';
import { setBakedHead } from '../features/explorer/baked-head.ts';
import { bakeExplorerHead } from './bake-explorer-head.ts';

/** What the build writes for one (view, language). */
export interface RenderedShell {
  /** The markup that goes inside `#root`. */
  html: string;
  /** The page's `<title>`. */
  title: string;
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /**
   * Whether the page's largest paint is in the shell itself — the overview's intro, the default explorer's baked
   * chart head — so the app waits for that paint before loading (the build makes the view preloads inert, which
   * src/app/first-paint.ts `paintsFirst` reads). Otherwise the largest paint waits for the data, and the app starts
   * at once.
   */
  paintsFirst: boolean;
}

// As in the browser before the mock worker is up: every view shows its skeleton, no view mounts or fetches.
setApiReadyPromise(new Promise<never>(() => {}));

/**
 * Render the shell of `page` in `lang`: a view, or `explorer-default` (scripts/build/shell-route.mjs
 * `DEFAULT_EXPLORER`), the explorer's default view with its chart's head baked in from the build's data — in a
 * mock-API build only, whose data are the build's own.
 */
export function renderShell(page: ViewName | 'explorer-default', lang: Lang): RenderedShell {
  const view: ViewName = page === 'explorer-default' ? 'explorer' : page;
  const head = page === 'explorer-default' && USE_MOCK_API ? bakeExplorerHead(lang) : null;
  setBakedHead(head);
  const state = { ...DEFAULT_VIEW_STATE, view, lang };
  useViewStore.getState().replace(state);
  // On the server, zustand's hook reads the store's *initial* state (its server snapshot), never the current one;
  // here the server render is the page, so that object must hold this (view, language). zustand never writes to
  // it (each update makes a new state object), and this module runs at build time only.
  Object.assign(useViewStore.getInitialState(), state);
  // A fresh client per page, retries off: nothing is fetched on the server, and no state leaks between pages.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  const html = renderToStaticMarkup(<App queryClient={queryClient} />);
  setBakedHead(null);
  return {
    html,
    title: documentTitle(view, lang),
    lang,
    dir: DIRECTIONS[lang],
    paintsFirst: view === 'overview' || head !== null,
  };
}
