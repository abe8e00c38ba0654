/**
 * The placeholder of each view while its code or the API loads (issue 16, item 1): the view's own heading and the
 * skeleton blocks it shows itself while its queries are pending, in the same elements, classes and heights, so the
 * hand-over (shell → skeleton → view → data) moves nothing on the page.
 *
 * One component for two places: the app renders it while the mock worker starts and while a view's chunk loads
 * (src/app/app.tsx), and the build renders the app — hence this — into each view's HTML (src/prerender/shell.tsx,
 * scripts/build/prerender.mjs), so a reader sees it before any JavaScript runs and createRoot replaces it with
 * identical markup. It must render the same in Node and in the browser: no window, storage or media query here.
 *
 * The words come from each view's `head-messages.ts` (small, in the first chunk); a view's other messages and code
 * stay in its own chunk. The heights are the views' own (tests/unit/view-skeleton.test.ts compares them).
 */
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { updateView } from '../state/url-sync.ts';
import { EXPLORER_TABS, type ExplorerTab, type ViewName } from '../state/view-state.ts';
import { selectTab, useViewStore } from '../state/view-store.ts';
import { PanelSkeleton } from '../ui/panel-states.tsx';
import { overviewHeadMessages } from '../features/overview/head-messages.ts';
import { explorerHeadMessages } from '../features/explorer/head-messages.ts';
import { compareHeadMessages } from '../features/compare/head-messages.ts';
import { projectsHeadMessages } from '../features/projects/head-messages.ts';
import { Tabs } from '../features/explorer/tabs.tsx';
import { ExplorerChartSkeleton } from '../features/explorer/chart-skeleton.tsx';
// The views' styles (views.css), the placeholders' (skeleton.css) and the system's dark scheme before the app sets
// data-theme (system-theme.css) are in the HTML's first sheet, imported by src/main.tsx only (issue 16): the
// prerendered shell is laid out by the stylesheet linked in its head before any script runs.

/**
 * Heights (px, or a CSS length) of the views' loading blocks. Kept here rather than imported, since importing them would pull the
 * views into the first chunk; tests/unit/view-skeleton.test.ts checks they equal the views' constants.
 */
export const SKELETON_HEIGHTS = {
  /** A labelled select (src/ui/territory-select.tsx PICKER_HEIGHT): set per width by src/styles/skeleton.css. */
  picker: 'var(--mv-picker-height)',
  /** A KPI card (src/features/overview/kpi-card.tsx CARD_MIN_HEIGHT): set per width by src/styles/skeleton.css. */
  kpiCard: 'var(--mv-kpi-card-height)',
  /** The explorer's territory filter while the territories load. */
  explorerFilter: 420,
  /** The explorer's chart panel (LINE_CHART_HEIGHT + 160). */
  explorerPanel: 520,
  /** The explorer's line chart (LINE_CHART_HEIGHT), under the default chart's baked head. */
  explorerChart: 360,
  /** The compare table (QueryState height in compare-view.tsx). */
  compareTable: 320,
  /** The projects view's timeline and list. */
  projectsTimeline: 220,
  projectsList: 320,
} as const;

const TAB_KEYS: Record<ExplorerTab, 'tabChart' | 'tabMap' | 'tabTable'> = {
  chart: 'tabChart',
  map: 'tabMap',
  table: 'tabTable',
};

/**
 * The heading block the overview, compare and projects views open with (`<h1 id="<view>-title">` and its intro), as
 * the views draw it, so the placeholder's heading sits where the view's will.
 */
function ViewHead({ view, title, intro }: { view: 'overview' | 'compare' | 'projects'; title: string; intro: string }) {
  return (
    <div>
      <h1 id={`${view}-title`}>{title}</h1>
      <p className="mv-small">{intro}</p>
    </div>
  );
}

function OverviewSkeleton({ lang }: { lang: Lang }) {
  const t = (key: keyof typeof overviewHeadMessages, vars?: Record<string, string>) =>
    translate(overviewHeadMessages, lang, key, vars);
  return (
    <section className="mv-view" aria-labelledby="overview-title" data-view-skeleton="overview">
      <div className="mv-view__head">
        <ViewHead view="overview" title={t('title')} intro={t('intro', { territory: t('national') })} />
        <PanelSkeleton height={SKELETON_HEIGHTS.picker} lang={lang} />
      </div>
      <div className="mv-grid">
        {[0, 1, 2, 3].map((i) => (
          // Only the first says it is slow, as in the view (src/features/overview/overview-view.tsx): heard once.
          <PanelSkeleton key={i} height={SKELETON_HEIGHTS.kpiCard} lang={lang} quiet={i > 0} />
        ))}
      </div>
    </section>
  );
}

function ExplorerSkeleton({ lang }: { lang: Lang }) {
  const tab = useViewStore(selectTab);
  const t = (key: keyof typeof explorerHeadMessages) => translate(explorerHeadMessages, lang, key);
  return (
    <div className="explorer" data-view-skeleton="explorer">
      <h1 className="view-title">{t('title')}</h1>
      <div className="explorer__layout">
        {/* At ≤ 900 px the view draws no side panel (its filter opens as a sheet): skeleton.css hides this one
            there, since the width is not known before the page is laid out. */}
        <aside className="explorer__side skeleton-side">
          <PanelSkeleton height={SKELETON_HEIGHTS.explorerFilter} lang={lang} />
        </aside>
        <div className="explorer__main">
          <div className="skeleton filter-summary-placeholder" aria-hidden="true" />
          <div className="explorer__controls" data-loading="" />
          <Tabs
            tabs={EXPLORER_TABS.map((k) => ({ key: k, label: t(TAB_KEYS[k]) }))}
            value={tab}
            onChange={(k) => updateView({ tab: k })}
            label={t('tabs')}
            idPrefix="explorer"
            rtl={lang === 'ar'}
          >
            <ExplorerChartSkeleton
              lang={lang}
              height={SKELETON_HEIGHTS.explorerPanel}
              bodyHeight={SKELETON_HEIGHTS.explorerChart}
            />
          </Tabs>
        </div>
      </div>
    </div>
  );
}

function CompareSkeleton({ lang }: { lang: Lang }) {
  const t = (key: keyof typeof compareHeadMessages) => translate(compareHeadMessages, lang, key);
  return (
    <section className="mv-view" aria-labelledby="compare-title" data-view-skeleton="compare">
      <ViewHead view="compare" title={t('title')} intro={t('intro')} />
      <div className="mv-toolbar">
        <div>
          <p className="mv-field">
            <strong>{t('selected')}</strong>
          </p>
          <div className="skeleton skeleton--chips" aria-hidden="true" />
        </div>
        <PanelSkeleton height={SKELETON_HEIGHTS.picker} lang={lang} />
      </div>
      <PanelSkeleton height={SKELETON_HEIGHTS.compareTable} lang={lang} />
    </section>
  );
}

function ProjectsSkeleton({ lang }: { lang: Lang }) {
  const t = (key: keyof typeof projectsHeadMessages) => translate(projectsHeadMessages, lang, key);
  return (
    <section className="mv-view" aria-labelledby="projects-title" data-view-skeleton="projects">
      <ViewHead view="projects" title={t('title')} intro={t('intro')} />
      <div className="mv-toolbar">
        <PanelSkeleton height={SKELETON_HEIGHTS.picker} lang={lang} />
        <div className="skeleton skeleton--field" aria-hidden="true" />
      </div>
      <PanelSkeleton height={SKELETON_HEIGHTS.projectsTimeline} lang={lang} />
      <PanelSkeleton height={SKELETON_HEIGHTS.projectsList} lang={lang} />
    </section>
  );
}

/** The placeholder of `view`, with its heading in `lang`. */
export function ViewSkeleton({ view, lang }: { view: ViewName; lang: Lang }) {
  switch (view) {
    case 'overview':
      return <OverviewSkeleton lang={lang} />;
    case 'explorer':
      return <ExplorerSkeleton lang={lang} />;
    case 'compare':
      return <CompareSkeleton lang={lang} />;
    case 'projects':
      return <ProjectsSkeleton lang={lang} />;
  }
}
