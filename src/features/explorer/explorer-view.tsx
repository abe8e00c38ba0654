/**
 * The explorer: one indicator for the selected territories, as a chart (lines over time + a ranking
 * for one period), a tile map of the regions, or a table — the same selection in all three.
 * Catalogue and observations come from react-query; everything displayed comes from one model built once per
 * change (`buildExplorerModel`, through `useExplorerModel`), so charts, map, table and exports agree and no tab
 * builds its own.
 */
import { Suspense, startTransition, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import { eventsQuery, indicatorsQuery, observationsQuery, territoriesQuery } from '../../api/queries.ts';
import { ErrorBoundary, PanelErrorFallback } from '../../ui/error-boundary.tsx';
import { CrashProbe } from '../../ui/crash-probe.tsx';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import { EmptyState, ErrorState, PanelSkeleton } from '../../ui/panel-states.tsx';
import { EXPLORER_LINE_ID, ExplorerChartSkeleton } from './chart-skeleton.tsx';
import { rankingFrameProps } from './ranking-frame.ts';
import { QueryStaleNotice, StaleNotice } from '../../ui/query-state.tsx';
import { TerritoryFilter } from '../../ui/territory-filter/territory-filter.tsx';
import { BAR_ROW_HEIGHT, RankedBarChart, rankedBarHeight } from '../../charts/bar-chart.tsx';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import { translate } from '../../i18n/i18n.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { updateView } from '../../state/url-sync.ts';
import { EXPLORER_TABS, type ExplorerTab } from '../../state/view-state.ts';
import { useViewStore } from '../../state/view-store.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import type { ExplorerData, ExplorerModel } from '../../transforms/explorer-model.ts';
import { periodRangeText } from '../../transforms/chart-model.ts';
import { defaultTerritories } from '../../transforms/selection.ts';
import { apiErrorDetail } from '../../i18n/api-error-text.ts';
import {
  IndicatorPicker,
  IndicatorsUnavailable,
  EventsToggle,
  MeasureSwitch,
  PeriodSelect,
  TimeRange,
  awaitingText,
} from './controls.tsx';
import { errorText } from './error-text.ts';
import { explorerMessages } from './messages.ts';
import { DataTable } from './table-panel.tsx';
import { Tabs } from './tabs.tsx';
import { Exports } from './exports.tsx';
import { useExplorerModel, useViewLink } from './use-explorer-model.ts';
import { useChartEvents } from './use-chart-events.ts';
import { useElementWidth } from './use-element-width.ts';
import { FilterSheet, selectionSummary, usePhoneLayout, useSheetLayout } from './filter-sheet.tsx';
import { ControlsFold } from './controls-fold.tsx';
import { explorerIndicator } from './first-queries.ts';
import { missingUserIndicator } from '../../user-data/ids.ts';
import { UserDataError } from '../../user-data/error-core.ts';
import { userDataErrorText } from '../../user-data/errors.ts';

// The map tab carries d3-geo, topojson-client and the boundary check (~20 kB gzip): loaded when a map is first
// shown, not before the explorer's first chart (bench B3 went from 1.49× to 1.63× while it was imported
// statically). lazyWithRetry: a first load that fails offline loads again on the panel's Retry.
const MapTab = lazyWithRetry(() => import('./map-tab.tsx').then((m) => ({ default: m.MapTab })), 'MapTab');

/** Height of the line chart; the skeleton uses the same so nothing jumps. */
export const LINE_CHART_HEIGHT = 360;
/** The ranking's frame around its bars (head, summary, sources), for its placeholder while it waits its turn. */
const BAR_FRAME_EXTRA = 160;

const TAB_KEYS: Record<ExplorerTab, 'tabChart' | 'tabMap' | 'tabTable'> = {
  chart: 'tabChart',
  map: 'tabMap',
  table: 'tabTable',
};

function PanelBoundary({
  lang,
  children,
  resetKeys,
}: {
  lang: Lang;
  children: ReactNode;
  resetKeys: readonly unknown[];
}) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      fallback={(error, reset) => <PanelErrorFallback lang={lang} error={error} onRetry={reset} />}
    >
      {children}
    </ErrorBoundary>
  );
}

/**
 * A chart model with the view's link attached, for the exports (issue 7, B2): the model is built without
 * it, so a change that only alters the address (tab, period of the other chart…) rebuilds nothing and the
 * memoised charts do not redraw; this shallow copy is all a link change costs.
 */
function useLinked(model: ChartModel): ChartModel {
  const link = useViewLink();
  return useMemo(() => ({ ...model, link }), [model, link]);
}

/**
 * Issue 7 (B2): the table tab is drawn in a background render. On mount (tab switch) the skeleton paints
 * first — `useDeferredValue(model, null)` starts from null — so the click is answered at once and the
 * table of up to 75 × 132 cells follows; on updates, the previous rows stay until the new render is ready.
 */
function DeferredTab({
  model: urgentModel,
  lang,
  children,
}: {
  model: ExplorerModel;
  lang: Lang;
  children: (model: ExplorerModel) => ReactNode;
}) {
  const model = useDeferredValue<ExplorerModel | null>(urgentModel, null);
  if (!model) return <PanelSkeleton height={LINE_CHART_HEIGHT + 160} lang={lang} />;
  return <>{children(model)}</>;
}

/**
 * The chart tab's second chart (the ranking under the line): mounted after the first one, in a task of its own
 * (issue 16, TBT), with `fallback` in its place meanwhile. Recharts mounts a chart in one task that nothing can slice
 * (its store updates re-render synchronously); the line and the ranking together made the explorer's longest task on
 * a first load (~480 ms at 4× CPU). `defer` false (the ranking leads, alone): at once. Once mounted it stays, so a
 * change of selection redraws both in one render as before.
 */
function SecondChart({ defer, fallback, children }: { defer: boolean; fallback: ReactNode; children: ReactNode }) {
  const [shown, setShown] = useState(!defer);
  useEffect(() => {
    if (shown) return;
    // A timer, not an animation frame: a page opened in a background tab gets no frames but must still draw it.
    const timer = setTimeout(() => startTransition(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, [shown]);
  return shown ? children : fallback;
}

/** The chart panel while it loads: with the default chart's head when the build baked it (./chart-skeleton.tsx). */
function ChartSkeleton({ lang, awaiting }: { lang: Lang; awaiting?: string }) {
  return (
    <ExplorerChartSkeleton
      lang={lang}
      height={LINE_CHART_HEIGHT + 160}
      bodyHeight={LINE_CHART_HEIGHT}
      awaiting={awaiting}
    />
  );
}

/**
 * The chart tab: the chart that leads (`model.lead`, issue 13) comes first and carries the exports and "Présenter".
 * With two periods or more, the line over time, then the ranking of one period; with a single period that has
 * values, the ranking alone (a line chart would be a column of dots), with a note saying why.
 */
function ChartTab({ model, lang, width }: { model: ExplorerModel; lang: Lang; width: number }) {
  const { bar, lead } = model;
  // The line with its events (issue 17): drawn and exported alike.
  const line = { ...model.line, model: useChartEvents(model.line.model) };
  const ranking = lead.chart === 'ranking';
  const linked = useLinked(line.model);
  const linkedBar = useLinked(bar.model);
  const unit = model.data.indicator.unit.code;
  const chartSize = useMemo(() => ({ width, height: LINE_CHART_HEIGHT }), [width]);
  const barRows = bar.model.series.length;
  const barSize = useMemo(() => ({ width, height: rankedBarHeight(barRows) }), [width, barRows]);
  const barPeriod = bar.model.periods[0] ?? null;
  const barPeriods = useMemo(() => (ranking ? [lead.period] : line.model.periods), [ranking, lead, line.model]);
  return (
    <div className="chart-tab">
      {ranking ? (
        <p className="chart-tab__lead muted" data-lead="ranking">
          {translate(explorerMessages, lang, 'singlePeriodLead', { period: formatPeriod(lead.period, lang) })}
        </p>
      ) : null}
      {model.periods.rangeIgnored ? (
        <p className="chart-tab__lead muted">{translate(explorerMessages, lang, 'rangeIgnored')}</p>
      ) : null}
      {ranking ? null : (
        <PanelBoundary lang={lang} resetKeys={[line.model]}>
          <CrashProbe name="explorer-line" />
          <ChartFrame
            id={EXPLORER_LINE_ID}
            title={line.model.title}
            subtitle={line.model.subtitle}
            status={line.model.status}
            source={line.model.source}
            method={line.model.method}
            lang={lang}
            summary={line.summary}
            denominatorNote={line.model.denominatorNote}
            missing={line.missing}
            sources={line.sources}
            actions={
              line.hasData ? (
                <Exports
                  model={linked}
                  rows={line.rows}
                  fullRows={model.full.rows}
                  lang={lang}
                  chartSize={chartSize}
                  present
                />
              ) : null
            }
          >
            {line.hasData ? (
              <LineChart model={line.model} unitCode={unit} width={width} height={LINE_CHART_HEIGHT} />
            ) : (
              <EmptyState height={LINE_CHART_HEIGHT} lang={lang} />
            )}
          </ChartFrame>
        </PanelBoundary>
      )}
      <SecondChart
        defer={!ranking}
        fallback={<PanelSkeleton height={rankedBarHeight(barRows) + BAR_FRAME_EXTRA} lang={lang} quiet />}
      >
        <PanelBoundary lang={lang} resetKeys={[bar.model]}>
          <ChartFrame
            id="explorer-bar"
            {...rankingFrameProps(bar, lang)}
            actions={
              <>
                <PeriodSelect
                  periods={barPeriods}
                  value={barPeriod}
                  onChange={(p) => updateView({ period: p })}
                  lang={lang}
                />
                {ranking && bar.hasData ? (
                  // The ranking leads: its exports, presentation and pin are the ranking's (bar) model.
                  <Exports
                    model={linkedBar}
                    rows={bar.rows}
                    fullRows={model.full.rows}
                    lang={lang}
                    chartSize={barSize}
                    present
                  />
                ) : null}
              </>
            }
          >
            {bar.hasData ? (
              <RankedBarChart model={bar.model} unitCode={unit} width={width} />
            ) : (
              <EmptyState height={BAR_ROW_HEIGHT * 2} lang={lang} />
            )}
          </ChartFrame>
        </PanelBoundary>
      </SecondChart>
    </div>
  );
}

function TableTab({ model, lang }: { model: ExplorerModel; lang: Lang }) {
  // The table's exports carry the events too (the CSV lists them after the data).
  const line = { ...model.line, model: useChartEvents(model.line.model) };
  const linked = useLinked(line.model);
  return (
    <PanelBoundary lang={lang} resetKeys={[line.model]}>
      <ChartFrame
        id="explorer-table"
        title={line.model.title}
        subtitle={line.model.subtitle}
        status={line.model.status}
        source={line.model.source}
        method={line.model.method}
        lang={lang}
        denominatorNote={line.model.denominatorNote}
        missing={line.missing}
        sources={line.sources}
        actions={line.hasData ? <Exports model={linked} rows={line.rows} lang={lang} /> : null}
      >
        {line.hasData ? (
          <DataTable model={line.model} unitCode={model.data.indicator.unit.code} />
        ) : (
          <EmptyState lang={lang} />
        )}
      </ChartFrame>
    </PanelBoundary>
  );
}

/** Props of {@link ExplorerView}. */
export interface ExplorerViewProps {
  /**
   * The import entry, from the app (a feature never imports another): shown next to the indicator picker, and as the
   * way to import the dataset of a shared link whose imported indicator this browser does not have.
   */
  importEntry?: (lang: Lang) => ReactNode;
}

/** The explorer view. */
export function ExplorerView({ importEntry }: ExplorerViewProps = {}) {
  const lang = useViewStore((s) => s.lang);
  const indicatorId = useViewStore((s) => s.indicator);
  const selectedState = useViewStore((s) => s.territories);
  const measureState = useViewStore((s) => s.measure);
  const tab = useViewStore((s) => s.tab);
  const period = useViewStore((s) => s.period);
  const mapLevel = useViewStore((s) => s.mapLevel);
  const eventsShown = useViewStore((s) => s.events);
  const t = (k: keyof typeof explorerMessages) => translate(explorerMessages, lang, k);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  // Issue 16 (3): where the side column would stack above the chart (≤ 900 px), the territory filter is a sheet opened
  // from a summary above the chart; on a phone (≤ 480 px) the controls fold too.
  const sheet = useSheetLayout();
  const phone = usePhoneLayout();
  // "Clear" must show an empty selection, not fall back to the defaults (which apply to a fresh link only).
  const [cleared, setCleared] = useState(false);
  // Issue 7 (B2): once shown, the chart tab stays mounted (hidden, see `explorer__kept-tab` below) while another tab
  // is open, so coming back re-shows it instead of mounting two charts, a 75-item legend and 75 bars
  // again. Not <Activity>: it re-runs every effect on show, and recharts re-registers its axes, bars and
  // cells from them (measured: back to the chart ~1.5–2× slower than with a plain hidden wrapper).
  const [chartShown, setChartShown] = useState(tab === 'chart');
  if (tab === 'chart' && !chartShown) setChartShown(true);

  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());
  // A link to an imported indicator this browser does not have (issue 15): say so and offer to import it, never
  // fall back to another indicator's chart.
  const missingImported = indicatorsQ.data !== undefined && missingUserIndicator(indicatorId, indicatorsQ.data);
  // The same choice as the prefetch before this render (./first-queries.ts), so both ask under one key.
  const indicator = indicatorsQ.data ? explorerIndicator(indicatorId, indicatorsQ.data) : undefined;
  const observationsQ = useQuery({
    ...observationsQuery({ indicator: indicator?.id ?? '' }),
    enabled: indicator !== undefined,
  });
  // The indicator's events (issue 17) asked for beside its observations, not after them: the line then usually draws
  // with its markers and list at once, instead of growing a list under it a moment later (a layout shift).
  useQuery({ ...eventsQuery({ indicator: indicator?.id ?? '' }), enabled: indicator !== undefined && eventsShown });

  const territoryIndex = useMemo(() => new Map((territoriesQ.data ?? []).map((x) => [x.code, x])), [territoriesQ.data]);
  const selected = useMemo(
    () =>
      selectedState.length > 0 || cleared || !indicator || !territoriesQ.data
        ? selectedState
        : defaultTerritories(indicator, territoriesQ.data, observationsQ.data),
    [selectedState, cleared, indicator, territoriesQ.data, observationsQ.data],
  );
  const measure = indicator && indicator.measures.includes(measureState) ? measureState : 'absolute';
  // One `data` object per change of its parts (issue 7, B2): a fresh object on every render would make
  // every change look like new query data and rebuild the whole model.
  const data = useMemo<ExplorerData | null>(
    () =>
      indicator && territoriesQ.data && observationsQ.data
        ? { indicator, territories: territoriesQ.data, territoryIndex, observations: observationsQ.data }
        : null,
    [indicator, territoriesQ.data, territoryIndex, observationsQ.data],
  );
  const model = useExplorerModel(data, selected, measure);
  // The "Événements" switch (issue 17), for a line only: it follows the play button when there is a time range.
  const eventsToggle =
    model && model.lead.chart === 'line' ? (
      <EventsToggle checked={eventsShown} onChange={(on) => updateView({ events: on })} lang={lang} />
    ) : null;

  const catalogueError = territoriesQ.error
    ? {
        dataset: 'datasetTerritories' as const,
        error: territoriesQ.error,
        updatedAt: territoriesQ.dataUpdatedAt,
        retry: () => void territoriesQ.refetch(),
      }
    : indicatorsQ.error
      ? {
          dataset: 'datasetIndicators' as const,
          error: indicatorsQ.error,
          updatedAt: indicatorsQ.dataUpdatedAt,
          retry: () => void indicatorsQ.refetch(),
        }
      : null;

  let body: ReactNode;
  if (catalogueError && !(territoriesQ.data && indicatorsQ.data)) {
    body =
      catalogueError.dataset === 'datasetIndicators' && territoriesQ.data ? (
        // The controls bar carries this error and its Retry (issue 16 item 6): no second alert here.
        <EmptyState
          lang={lang}
          height={LINE_CHART_HEIGHT}
          message={errorText(catalogueError.dataset, catalogueError.error, lang)}
        />
      ) : (
        <ErrorState
          message={errorText(catalogueError.dataset, catalogueError.error, lang)}
          onRetry={catalogueError.retry}
          lang={lang}
          height={LINE_CHART_HEIGHT}
          detail={apiErrorDetail(catalogueError.error)}
        />
      );
  } else if (!territoriesQ.data || !indicatorsQ.data) {
    body = <ChartSkeleton lang={lang} awaiting={awaitingText('catalogue', lang)} />;
  } else if (missingImported) {
    body = (
      <div
        className="state state--empty"
        role="status"
        data-missing-imported="true"
        style={{ minHeight: LINE_CHART_HEIGHT }}
      >
        <p>{userDataErrorText(new UserDataError('not-found'), lang)}</p>
        {importEntry ? <p>{importEntry(lang)}</p> : null}
      </div>
    );
  } else if (!indicator) {
    body = <EmptyState lang={lang} height={LINE_CHART_HEIGHT} />;
  } else if (observationsQ.error && !observationsQ.data) {
    body = (
      <ErrorState
        message={errorText('datasetObservations', observationsQ.error, lang)}
        onRetry={() => void observationsQ.refetch()}
        lang={lang}
        height={LINE_CHART_HEIGHT}
        detail={apiErrorDetail(observationsQ.error)}
      />
    );
  } else if (!observationsQ.data) {
    body = <ChartSkeleton lang={lang} awaiting={awaitingText('observations', lang)} />;
  } else if (model) {
    body = (
      <>
        {catalogueError ? (
          // A catalogue refresh failed with the catalogue still in memory: keep using it, say so (issue 8).
          <StaleNotice
            message={errorText(catalogueError.dataset, catalogueError.error, lang)}
            updatedAt={catalogueError.updatedAt}
            onRetry={catalogueError.retry}
            lang={lang}
          />
        ) : null}
        <QueryStaleNotice
          query={observationsQ}
          errorMessage={(e) => errorText('datasetObservations', e, lang)}
          lang={lang}
        />
        {chartShown ? (
          // Kept while another tab shows, with its rendering state: `content-visibility: hidden` (not
          // `display: none`) keeps the laid-out charts, so coming back does not lay out 75 lines and bars
          // again (issue 7, B2: "back to the chart" was the slowest interaction at 4× CPU). `inert` keeps it
          // out of the tab order and the accessibility tree meanwhile.
          <div
            className={tab === 'chart' ? undefined : 'explorer__kept-tab'}
            inert={tab !== 'chart'}
            data-kept-tab="chart"
          >
            <ChartTab model={model} lang={lang} width={Math.max(280, width - 34)} />
          </div>
        ) : null}
        {tab === 'map' ? (
          <PanelBoundary lang={lang} resetKeys={[]}>
            <Suspense fallback={<PanelSkeleton height={LINE_CHART_HEIGHT + 160} lang={lang} />}>
              <MapTab
                model={model}
                selected={selected}
                askedLevel={mapLevel}
                lang={lang}
                width={Math.max(280, width - 34)}
              />
            </Suspense>
          </PanelBoundary>
        ) : null}
        {tab === 'table' ? (
          <DeferredTab model={model} lang={lang}>
            {(m) => <TableTab model={m} lang={lang} />}
          </DeferredTab>
        ) : null}
      </>
    );
  } else {
    // The answer is in but its model is built in a deferred render (issue 7, B2): keep the skeleton meanwhile,
    // never a blank panel (tests/component/explorer-loading.test.tsx).
    body = <ChartSkeleton lang={lang} />;
  }

  const filter = territoriesQ.data ? (
    <PanelBoundary lang={lang} resetKeys={[territoriesQ.data]}>
      <TerritoryFilter
        territories={territoriesQ.data}
        selected={selected}
        onChange={(codes) => {
          setCleared(codes.length === 0);
          updateView({ territories: codes });
        }}
        lang={lang}
      />
    </PanelBoundary>
  ) : territoriesQ.error ? null : (
    <PanelSkeleton height={420} lang={lang} />
  );

  // On a phone the controls fold under this line (./controls-fold.tsx): the indicator, and the periods shown (worded as
  // in the chart's subtitle).
  const controlsSummary = [
    indicator?.name[lang],
    model && model.periods.shown.length > 0 ? periodRangeText(model.periods.shown, lang) : undefined,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');

  return (
    <div className="explorer">
      <CrashProbe name="explorer-view" />
      <h1 className="view-title">{t('title')}</h1>
      <div className="explorer__layout">
        {sheet ? null : <aside className="explorer__side">{filter}</aside>}
        <div className="explorer__main" ref={ref}>
          {sheet && territoriesQ.data ? (
            <FilterSheet summary={selectionSummary(selected, territoryIndex, lang)} lang={lang}>
              {filter}
            </FilterSheet>
          ) : territoriesQ.data || territoriesQ.error ? null : (
            // The summary's room while the territories load, shown at ≤ 900 px only (src/styles/skeleton.css), as in
            // the app's placeholder of this view (src/app/view-skeleton.tsx): the controls do not move when it comes.
            <div className="skeleton filter-summary-placeholder" aria-hidden="true" />
          )}
          {/* data-loading: the bar keeps the height it will have (src/styles/skeleton.css) until the chart's model is
              in; its rows arrive one by one (picker, then period) and would push the chart down twice. */}
          <div
            className="explorer__controls"
            data-loading={
              model === null && !missingImported && !catalogueError && !observationsQ.error && !indicatorsQ.error
                ? ''
                : undefined
            }
          >
            {!indicatorsQ.data && indicatorsQ.error ? (
              <IndicatorsUnavailable
                message={errorText('datasetIndicators', indicatorsQ.error, lang)}
                detail={apiErrorDetail(indicatorsQ.error)}
                onRetry={() => void indicatorsQ.refetch()}
                lang={lang}
              />
            ) : null}
            {/* Folded only once an indicator is shown: the catalogue's error above stays in sight, and a link to an
                imported indicator this browser lacks leaves the picker open to choose another. */}
            <ControlsFold phone={phone && indicator !== undefined} summary={controlsSummary} lang={lang}>
              {indicatorsQ.data && (indicator || missingImported) ? (
                <IndicatorPicker
                  indicators={indicatorsQ.data}
                  value={indicator?.id ?? ''}
                  onChange={(id) => updateView({ indicator: id, from: null, to: null, period: null })}
                  lang={lang}
                  extra={importEntry?.(lang)}
                />
              ) : null}
              {indicator ? (
                <MeasureSwitch
                  measures={indicator.measures}
                  value={measure}
                  onChange={(m) => updateView({ measure: m })}
                  // The note follows deferred inputs: hide it at once when the click switches to absolute values.
                  denominatorNote={measure === 'absolute' ? null : (model?.denominatorNote ?? null)}
                  lang={lang}
                />
              ) : null}
              {model && model.periods.selection.length > 1 ? (
                <TimeRange
                  after={eventsToggle}
                  // Only the periods the selection has (issue 13), showing the range actually applied.
                  periods={model.periods.selection}
                  from={model.periods.from === null ? null : (model.periods.shown[0] ?? null)}
                  to={model.periods.to === null ? null : (model.periods.shown.at(-1) ?? null)}
                  onRange={(f, tt) => updateView({ from: f, to: tt })}
                  playPeriods={model.periods.range}
                  period={period}
                  onPlayStep={(p) => updateView({ period: p }, 'replace')}
                  lang={lang}
                />
              ) : null}
              {model && model.periods.selection.length <= 1 ? eventsToggle : null}
            </ControlsFold>
          </div>
          <Tabs
            tabs={EXPLORER_TABS.map((k) => ({ key: k, label: t(TAB_KEYS[k]) }))}
            value={tab}
            onChange={(k) => updateView({ tab: k })}
            label={t('tabs')}
            idPrefix="explorer"
            rtl={lang === 'ar'}
          >
            {body}
          </Tabs>
        </div>
      </div>
    </div>
  );
}
