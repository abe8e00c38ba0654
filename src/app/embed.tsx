/**
 * The embed layout (issue 17, item 5): `?embed=1` shows one chart or map of an explorer view — the same query
 * parameters as the explorer (`indicator`, `territories`, `measure`, `from`, `to`, `tab=map`, `level`, `region`,
 * `lang`) — with its caption, status, source line and caveats and a link to the full view, for another site's
 * `<iframe>`. No header, navigation, filters, footer or notices but those that say a parameter was wrong: a bad link
 * still gives a clear message inside the frame.
 *
 * Which sites may frame it is a build-time setting (`MOUCHIR_FRAME_ANCESTORS`, scripts/csp.mjs); the server answers
 * `?embed=1` with a page without the app's chrome (scripts/build/shell-route.mjs), so nothing flashes. This file is
 * in the first chunk and small; the chart and its model come with src/app/embed-view.tsx, loaded on demand.
 */
import { Suspense, useEffect } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { currentViewLink, updateView, useHistorySync } from '../state/url-sync.ts';
import { selectLang, selectView, selectViewState, useViewStore } from '../state/view-store.ts';
import { ErrorBoundary, PanelErrorFallback } from '../ui/error-boundary.tsx';
import { PanelSkeleton } from '../ui/panel-states.tsx';
import { lazyWithRetry } from '../ui/lazy-retry.ts';
import { useApiReadiness } from './api-ready.ts';
import { CatalogueCheck } from './catalogue-check.tsx';
import { useDocumentTitle } from './document-title.ts';
import { embedMessages } from './embed-messages.ts';
import { appMessages } from './messages.ts';
import { noticeLines } from './notices.tsx';
import { useThemeEffect } from './theme.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

const EmbedView = lazyWithRetry(() => import('./embed-view.tsx').then((m) => ({ default: m.EmbedView })), 'EmbedView');

/** Height of the placeholder while the chart's code, the API or the data load (the chart's own height). */
export const EMBED_PLACEHOLDER_HEIGHT = 360;

/**
 * Whether a page's query asks for the embed layout: `embed=1` exactly (the rule of scripts/build/shell-route.mjs,
 * which picks the page the server sends for it). Pure.
 */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

/**
 * The full view of an embed's address (pure): the same query without `embed`, as the explorer (an embed link that
 * names no view is the explorer's), so "Voir dans Mouchir" opens exactly what the frame shows, with the app around it.
 */
export function fullViewHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  if (!url.searchParams.has('view')) url.searchParams.set('view', 'explorer');
  url.hash = '';
  return url.href;
}

/**
 * Whether the browser refuses this document its storage: in a frame of another site when third-party cookies are
 * blocked, Chromium denies localStorage, IndexedDB, Cache Storage and service workers alike, so the mock API's worker
 * cannot start there (a build on a real API needs none of them to draw).
 */
export function storageDenied(): boolean {
  try {
    // The getter itself throws (SecurityError) when access is denied.
    return window.localStorage === null;
  } catch {
    return true;
  }
}

/** The "Voir dans Mouchir" link (a new tab: the frame stays as the host site placed it). */
export function FullViewLink({ lang, href }: { lang: Lang; href: string }) {
  return (
    <p className="embed__full">
      <a href={href} target="_blank" rel="noopener noreferrer" data-embed-full="true">
        {translate(embedMessages, lang, 'openFull')}
        <span className="visually-hidden"> {translate(embedMessages, lang, 'newTab')}</span>
      </a>
    </p>
  );
}

/** The parameters the app dropped from the link, said inside the frame (no dismiss button: nothing else to show). */
function ParameterNotices({ lang }: { lang: Lang }) {
  const notices = useViewStore((s) => s.notices);
  return (
    <div role="status" className="embed__notices">
      {notices.length > 0 ? (
        <div className="notice">
          <div>
            <strong>{translate(appMessages, lang, 'noticeTitle')}</strong>
            <ul>
              {noticeLines(notices, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The embed layout inside the app's providers. */
export function EmbedShell() {
  const lang = useViewStore(selectLang);
  const view = useViewStore(selectView);
  const readiness = useApiReadiness();
  // An embed link that names no view is the explorer's: say so in the store (and the address) once.
  const named = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('view');
  useEffect(() => {
    if (!named) updateView({ view: 'explorer' }, 'replace');
  }, [named]);
  useHistorySync();
  useThemeEffect();
  useDocumentTitle('explorer', lang);
  // The store's view (a map region opened in the frame included), as a string: a render only when it changes.
  const href = fullViewHref(useViewStore((s) => currentViewLink(selectViewState(s))));
  const explorer = view === 'explorer' || !named;

  let body;
  if (!explorer) {
    body = (
      <div className="state state--error" role="alert">
        <p>{translate(embedMessages, lang, 'wrongView')}</p>
      </div>
    );
  } else if (readiness.status === 'failed' && storageDenied()) {
    // Reloading would not help: the browser decides, the full view in its own tab works.
    body = (
      <div className="state state--error" role="alert" data-embed-storage-denied="true">
        <p>{translate(embedMessages, lang, 'storageBlocked')}</p>
      </div>
    );
  } else if (readiness.status === 'failed') {
    body = (
      <div className="state state--error" role="alert">
        <p>{translate(appMessages, lang, 'mockFailed', { message: readiness.message })}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {translate(appMessages, lang, 'reload')}
        </button>
      </div>
    );
  } else if (readiness.status === 'pending') {
    body = <PanelSkeleton height={EMBED_PLACEHOLDER_HEIGHT} lang={lang} />;
  } else {
    body = (
      <>
        <CatalogueCheck />
        <ErrorBoundary
          resetKeys={[]}
          fallback={(error, reset) => <PanelErrorFallback lang={lang} scope="view" error={error} onRetry={reset} />}
        >
          <Suspense fallback={<PanelSkeleton height={EMBED_PLACEHOLDER_HEIGHT} lang={lang} />}>
            <EmbedView lang={lang} fullView={<FullViewLink lang={lang} href={href} />} />
          </Suspense>
        </ErrorBoundary>
      </>
    );
  }
  return (
    <div className="embed" data-testid="embed-shell">
      <main id="main" className="embed__main" aria-label={translate(embedMessages, lang, 'label')}>
        <ParameterNotices lang={lang} />
        {body}
        {explorer && readiness.status === 'ready' ? null : <FullViewLink lang={lang} href={href} />}
      </main>
    </div>
  );
}
