/**
 * The app: providers, header, notices, the current view (lazy-loaded so only its code loads), footer.
 * Views that fetch mount only once the API is ready (mock worker started), so the shell paints first.
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Lang } from '../contract/contract.ts';
import { watchUserData } from '../api/queries.ts';
import { translate } from '../i18n/i18n.ts';
import { updateView, useHistorySync } from '../state/url-sync.ts';
import type { ViewName } from '../state/view-state.ts';
import { selectLang, selectView, useViewStore } from '../state/view-store.ts';
import { useApiReadiness } from './api-ready.ts';
import { ErrorBoundary, PanelErrorFallback } from '../ui/error-boundary.tsx';
import { Header } from './header.tsx';
import { ImportEntry } from '../features/import/index.ts';
import { CompareView, ExplorerView, OverviewView, ProjectsView } from './preload-view.ts';
import { appMessages } from './messages.ts';
import { Notices } from './notices.tsx';
import { PersistedDataNotice, QueryProvider } from './query-persist-provider.tsx';
import { useDatasetMode } from './dataset-mode.ts';
import { SyntheticBanner } from './synthetic-banner.tsx';
import { UpdatePrompt } from './update-prompt.tsx';
import { useThemeEffect } from './theme.ts';
import { ViewSkeleton } from './view-skeleton.tsx';
import { useDocumentTitle } from './document-title.ts';
import { PrintStamp } from '../ui/print-stamp.tsx';
import { CatalogueCheck } from './catalogue-check.tsx';
import { EmbedShell, isEmbedSearch } from './embed.tsx';

// The views' lazy components live with their preload (./preload-view.ts): a preloaded view mounts without suspending.
const VIEW_COMPONENTS: Record<ViewName, () => ReactNode> = {
  overview: () => <OverviewView />,
  // Issue 15: the import entry next to the indicator picker, and for a shared link to imported figures this browser
  // lacks (features may not import each other, so the app hands it down).
  explorer: () => (
    <ExplorerView importEntry={(lang) => <ImportEntry lang={lang} className="button--small button--quiet" />} />
  ),
  compare: () => <CompareView />,
  projects: () => <ProjectsView />,
};

function CurrentView({ lang }: { lang: Lang }) {
  const view = useViewStore(selectView);
  const readiness = useApiReadiness();
  useDocumentTitle(view, lang);
  if (readiness.status === 'failed') {
    return (
      <div className="state state--error" role="alert">
        <p>{translate(appMessages, lang, 'mockFailed', { message: readiness.message })}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {translate(appMessages, lang, 'reload')}
        </button>
      </div>
    );
  }
  // The view's own placeholder, the same markup as the prerendered shell (issue 16): nothing moves on take-over.
  if (readiness.status === 'pending') return <ViewSkeleton view={view} lang={lang} />;
  return (
    <>
      <CatalogueCheck />
      <ErrorBoundary
        resetKeys={[view]}
        fallback={(error, reset) => (
          <PanelErrorFallback
            lang={lang}
            scope="view"
            error={error}
            onRetry={reset}
            onBack={
              view === 'overview'
                ? undefined
                : () => {
                    reset();
                    updateView({ view: 'overview' });
                  }
            }
          />
        )}
      >
        <Suspense fallback={<ViewSkeleton view={view} lang={lang} />}>{VIEW_COMPONENTS[view]()}</Suspense>
      </ErrorBoundary>
    </>
  );
}

/** The shell inside the providers. */
function Shell() {
  const lang = useViewStore(selectLang);
  // Bumped when the data source changes under the page (src/app/dataset-mode.ts): the view mounts again.
  const { generation } = useDatasetMode();
  useHistorySync();
  useThemeEffect();
  return (
    <div className="app" data-testid="app-shell">
      <a className="skip-link" href="#main">
        {translate(appMessages, lang, 'skip')}
      </a>
      <SyntheticBanner lang={lang} />
      <Header lang={lang} />
      <Notices lang={lang} />
      <PersistedDataNotice lang={lang} />
      <main id="main" className="main" tabIndex={-1}>
        <CurrentView key={generation} lang={lang} />
      </main>
      {/* On paper, for views whose charts carry no stamp of their own (issue 17). */}
      <PrintStamp lang={lang} page />
      <footer className="footer">
        <p>{translate(appMessages, lang, 'footer')}</p>
      </footer>
      <UpdatePrompt lang={lang} />
    </div>
  );
}

/**
 * The whole app, given its query client (tests pass one with retries off). `?embed=1` (issue 17) renders one chart
 * or map of the explorer for another site's frame instead of the app (src/app/embed.tsx); read once, at load: the
 * embed never becomes the app in place (its link to the full view opens a new page).
 */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const [embed] = useState(() => typeof window !== 'undefined' && isEmbedSearch(window.location.search));
  // Issue 15: datasets imported or deleted in another tab refresh this one (a BroadcastChannel listener only).
  useEffect(() => watchUserData(queryClient), [queryClient]);
  // `<html data-app="running">`: the app has replaced the prerendered shell, whose markup is the same (issue 16), and
  // its API can be called (the mock worker has started, or failed to and says so). How a script (the e2e harness's
  // openApp) tells the running app from the shell painted before it. A passive effect, so it runs after its children's
  // — the address bar's normalisation by useHistorySync included: once the worker controls the page at load, the API
  // is ready in the first commit, and a layout effect here marked the app running before the address was final (a
  // test that read the URL then saw it rewritten; ci41).
  const apiStatus = useApiReadiness().status;
  useEffect(() => {
    if (apiStatus !== 'pending') document.documentElement.dataset.app = 'running';
  }, [apiStatus]);
  return <QueryProvider client={queryClient}>{embed ? <EmbedShell /> : <Shell />}</QueryProvider>;
}
