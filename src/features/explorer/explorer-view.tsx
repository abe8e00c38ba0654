/**
 * The explorer: one indicator for the selected territories, as a chart (lines over time + a ranking
 * for one period), a tile map of the regions, or a table — the same selection in all three.
 * Catalogue and observations come from react-query; everything displayed is derived by pure transforms
 * (`buildChartModel`) so charts, table and exports agree.
 */
import { Suspense, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Indicator, Lang, Observation, Territory } from '../../contract/contract.ts';
import { indicatorsQuery, observationsQuery, territoriesQuery } from '../../api/queries.ts';
import { ErrorBoundary, PanelErrorFallback } from '../../ui/error-boundary.tsx';
import { CrashProbe } from '../../ui/crash-probe.tsx';
import { isChunkLoadError, lazyWithRetry } from '../../ui/lazy-retry.ts';
import { BAR_ROW_HEIGHT, RankedBarChart } from '../../charts/bar-chart.tsx';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { LineChart } from '../../charts/line-chart.tsx';
import { chartMessages } from '../../ui/messages.ts';
import { EmptyState, ErrorState, PanelSkeleton } from '../../ui/panel-states.tsx';
import { missingItems, type PointSource } from '../../charts/sources-panel.tsx';
import { TileMap, type TileValue } from '../../charts/tile-map.tsx';
import { translate } from '../../i18n/i18n.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { currentViewLink, updateView } from '../../state/url-sync.ts';
import { EXPLORER_TABS, type ExplorerTab } from '../../state/view-state.ts';
import { MAX_TERRITORIES } from '../../transforms/selection.ts';
import { useViewStore } from '../../state/view-store.ts';
import { buildChartModel, latestWithData } from '../../transforms/chart-model.ts';
import { applyMeasure } from '../../transforms/measures.ts';
import { distinctPeriods, periodsInRange } from '../../transforms/series.ts';
import { defaultIndicator, defaultTerritories } from '../../transforms/selection.ts';
import { summarizeChart } from '../../transforms/summary.ts';
import { buildLongRows } from '../../transforms/table.ts';
import { TerritoryFilter } from '../../ui/territory-filter/territory-filter.tsx';
import { IndicatorPicker, MeasureSwitch, PeriodSelect, TimeRange } from './controls.tsx';
import { errorText } from './error-text.ts';
import { explorerMessages } from './messages.ts';
import { DataTable } from './table-panel.tsx';
import { Tabs } from './tabs.tsx';
import { useElementWidth } from './use-element-width.ts';

// The export menu carries pptxgenjs, qrcode and fonts: loaded only when the explorer shows a chart,
// in its own chunk, so exports never weigh on the first load. lazyWithRetry: if that first load happens
// offline, Retry loads it once the network is back.
const ExportMenu = lazyWithRetry(
  () => import('../../export/ui/export-menu.tsx').then((m) => ({ default: m.ExportMenu })),
  'ExportMenu',
);
const PresentButton = lazyWithRetry(
  () => import('../../export/ui/present-button.tsx').then((m) => ({ default: m.PresentButton })),
  'PresentButton',
);

/** Height of the line chart; the skeleton uses the same so nothing jumps. */
export const LINE_CHART_HEIGHT = 360;

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

function Exports(props: {
  model: ChartModel;
  full?: ChartModel;
  lang: Lang;
  chartSize?: { width: number; height: number };
  present?: boolean;
}) {
  const { model, full, lang } = props;
  // Keyed on the series only (issue 7, B2): the model is re-created whenever the view's link changes,
  // but its series keep their identity, so 2 × 9,900 rows are not rebuilt on every click.
  const rows = useMemo(() => buildLongRows({ series: model.series }), [model.series]);
  const fullSeries = full?.series;
  const fullRows = useMemo(() => (fullSeries ? buildLongRows({ series: fullSeries }) : undefined), [fullSeries]);
  return (
    <ErrorBoundary
      // Code that could not be loaded (offline) says so, with a Retry; any other failure of the export
      // tools hides them and leaves the chart alone.
      fallback={(error, reset) =>
        isChunkLoadError(error) ? <PanelErrorFallback lang={lang} error={error} onRetry={reset} /> : null
      }
      resetKeys={[model]}
    >
      <Suspense fallback={<span className="muted">{translate(explorerMessages, lang, 'exportLoading')}</span>}>
        {props.present ? <PresentButton model={model} lang={lang} /> : null}
        <ExportMenu
          model={model}
          tableRows={rows}
          {...(fullRows ? { fullRows } : {})}
          {...(props.chartSize ? { chartSize: props.chartSize } : {})}
        />
      </Suspense>
    </ErrorBoundary>
  );
}

/** Per-point sources (dated announcements) among displayed observations. */
function pointSources(observations: readonly Observation[], model: ChartModel): PointSource[] {
  const shown = new Set(model.series.map((s) => s.key));
  const periods = new Set(model.periods);
  const names = new Map(model.series.map((s) => [s.key, s.label]));
  return observations
    .filter((o) => o.source && shown.has(o.territory) && periods.has(o.period))
    .slice(0, 30)
    .map((o) => ({
      period: o.period,
      territory: names.get(o.territory) ?? o.territory,
      source: o.source as NonNullable<Observation['source']>,
    }));
}

interface Loaded {
  indicator: Indicator;
  territories: Territory[];
  territoryIndex: Map<string, Territory>;
  observations: Observation[];
  selected: string[];
}

/**
 * Issue 7 (B2): the table tab is drawn in a background render. On mount (tab switch) the skeleton paints
 * first — `useDeferredValue(data, null)` starts from null — so the click is answered at once and the
 * table of up to 75 × 132 cells follows; on updates, the previous rows stay until the new render is ready.
 */
function DeferredTab({
  data: urgentData,
  lang,
  children,
}: {
  data: Loaded;
  lang: Lang;
  children: (data: Loaded) => ReactNode;
}) {
  const data = useDeferredValue<Loaded | null>(urgentData, null);
  if (!data) return <PanelSkeleton height={LINE_CHART_HEIGHT + 160} lang={lang} />;
  return <>{children(data)}</>;
}

function ChartTab({ data: urgentData, lang, width }: { data: Loaded; lang: Lang; width: number }) {
  // Issue 7 (B2): the charts follow the selection as deferred values. A click first paints what it
  // touched (checkbox, radio, chips) with the memoised charts unchanged; React then redraws the charts
  // in an interruptible background render, so 75 recharts lines do not hold up the click's paint.
  const data = useDeferredValue(urgentData);
  const measure = useDeferredValue(useViewStore((s) => s.measure));
  const from = useDeferredValue(useViewStore((s) => s.from));
  const to = useDeferredValue(useViewStore((s) => s.to));
  const period = useDeferredValue(useViewStore((s) => s.period));
  const view = useViewStore((s) => s);
  const link = currentViewLink(view);
  const common = {
    indicator: data.indicator,
    observations: data.observations,
    territoryIndex: data.territoryIndex,
    territories: data.selected,
    measure,
    from,
    to,
    lang,
    link,
  };
  // Issue 7 (B2): the models are built without the link, so a change that only alters the address (tab,
  // period of the other chart…) does not rebuild 75 series nor redraw the memoised charts; the link is
  // attached by a cheap shallow copy for the frame and the exports, which need it.
  const lineBase = useMemo(
    () => buildChartModel({ ...common, link: '', kind: 'line' }),
    [data, measure, from, to, lang],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const barBase = useMemo(
    () => buildChartModel({ ...common, link: '', kind: 'bar', period }),
    [data, measure, from, to, period, lang],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const fullBase = useMemo(
    () => buildChartModel({ ...common, link: '', kind: 'line', from: null, to: null }),
    [data, measure, lang],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const line = useMemo(() => ({ ...lineBase, link }), [lineBase, link]);
  const bar = useMemo(() => ({ ...barBase, link }), [barBase, link]);
  const full = useMemo(() => ({ ...fullBase, link }), [fullBase, link]);
  const unit = data.indicator.unit.code;
  const hasData = useMemo(() => lineBase.series.some((s) => s.points.some((p) => p.value !== null)), [lineBase]);
  const lineSummary = useMemo(() => summarizeChart(lineBase, unit), [lineBase, unit]);
  const barSummary = useMemo(() => summarizeChart(barBase, unit), [barBase, unit]);
  const lineMissing = useMemo(() => missingItems(lineBase), [lineBase]);
  const barMissing = useMemo(() => missingItems(barBase), [barBase]);
  const linePointSources = useMemo(() => pointSources(data.observations, lineBase), [data.observations, lineBase]);
  const chartSize = useMemo(() => ({ width, height: LINE_CHART_HEIGHT }), [width]);
  const barPeriods = line.periods;
  return (
    <div className="chart-tab">
      <PanelBoundary lang={lang} resetKeys={[lineBase]}>
        <CrashProbe name="explorer-line" />
        <ChartFrame
          id="explorer-line"
          title={line.title}
          subtitle={line.subtitle}
          status={line.status}
          source={line.source}
          method={line.method}
          lang={lang}
          summary={lineSummary}
          denominatorNote={line.denominatorNote}
          missing={lineMissing}
          pointSources={linePointSources}
          actions={hasData ? <Exports model={line} full={full} lang={lang} chartSize={chartSize} present /> : null}
        >
          {hasData ? (
            <LineChart model={lineBase} unitCode={unit} width={width} height={LINE_CHART_HEIGHT} />
          ) : (
            <EmptyState height={LINE_CHART_HEIGHT} lang={lang} />
          )}
        </ChartFrame>
      </PanelBoundary>
      <PanelBoundary lang={lang} resetKeys={[barBase]}>
        <ChartFrame
          id="explorer-bar"
          title={translate(explorerMessages, lang, 'rankedTitle', {
            indicator: bar.title,
            period: bar.periods[0] ? formatPeriod(bar.periods[0], lang) : '',
          })}
          subtitle={bar.subtitle}
          status={bar.status}
          source={bar.source}
          method={bar.method}
          lang={lang}
          summary={barSummary}
          denominatorNote={bar.denominatorNote}
          missing={barMissing}
          actions={
            <PeriodSelect
              periods={barPeriods}
              value={bar.periods[0] ?? null}
              onChange={(p) => updateView({ period: p })}
              lang={lang}
            />
          }
        >
          {bar.series.some((s) => s.points[0]?.value !== null && s.points[0] !== undefined) ? (
            <RankedBarChart model={barBase} unitCode={unit} width={width} />
          ) : (
            <EmptyState height={BAR_ROW_HEIGHT * 2} lang={lang} />
          )}
        </ChartFrame>
      </PanelBoundary>
    </div>
  );
}

function MapTab({ data, lang }: { data: Loaded; lang: Lang }) {
  const measure = useViewStore((s) => s.measure);
  const from = useViewStore((s) => s.from);
  const to = useViewStore((s) => s.to);
  const periodState = useViewStore((s) => s.period);
  const regions = useMemo(() => data.territories.filter((t) => t.level === 'region'), [data.territories]);
  const regionCodes = useMemo(() => new Set(regions.map((r) => r.code)), [regions]);
  const regionObs = useMemo(
    () => data.observations.filter((o) => regionCodes.has(o.territory)),
    [data.observations, regionCodes],
  );
  const periods = useMemo(() => periodsInRange(distinctPeriods(regionObs), from, to), [regionObs, from, to]);
  const period = periodState && periods.includes(periodState) ? periodState : latestWithData(regionObs, periods);
  const values = useMemo(() => {
    const m = new Map<string, TileValue>();
    for (const o of regionObs) {
      if (o.period !== period) continue;
      const measured = applyMeasure(o.value, measure, data.territoryIndex.get(o.territory), o.period);
      m.set(
        o.territory,
        measured.reason
          ? { value: null, reason: measured.reason }
          : { value: measured.value, ...(o.value === null ? { reason: 'not-published' as const } : {}) },
      );
    }
    return m;
  }, [regionObs, period, measure, data.territoryIndex]);
  const model = useMemo(
    () =>
      buildChartModel({
        kind: 'bar',
        indicator: data.indicator,
        observations: regionObs,
        territoryIndex: data.territoryIndex,
        territories: regions.map((r) => r.code),
        measure,
        from,
        to,
        period,
        lang,
        link: currentViewLink(),
      }),
    [data, regionObs, regions, measure, from, to, period, lang],
  );
  const selected = new Set(data.selected);
  const toggle = (code: string) => {
    const next = selected.has(code) ? data.selected.filter((c) => c !== code) : [...data.selected, code];
    updateView({ territories: next.slice(0, MAX_TERRITORIES) });
  };
  return (
    <PanelBoundary lang={lang} resetKeys={[model]}>
      <ChartFrame
        id="explorer-map"
        title={
          period
            ? translate(explorerMessages, lang, 'mapTitle', {
                indicator: model.title,
                period: formatPeriod(period, lang),
              })
            : model.title
        }
        subtitle={model.subtitle}
        status={model.status}
        source={model.source}
        method={model.method}
        lang={lang}
        summary={regionObs.length === 0 ? undefined : summarizeChart(model, data.indicator.unit.code)}
        denominatorNote={model.denominatorNote}
        actions={
          periods.length === 0 ? null : (
            <PeriodSelect periods={periods} value={period} onChange={(p) => updateView({ period: p })} lang={lang} />
          )
        }
      >
        {regionObs.length === 0 ? (
          <p className="state state--empty">{translate(explorerMessages, lang, 'regionsOnly')}</p>
        ) : (
          <>
            <p className="muted">{translate(explorerMessages, lang, 'mapNote')}</p>
            <TileMap
              regions={regions}
              values={values}
              period={period}
              selected={selected}
              onToggle={toggle}
              lang={lang}
              unitCode={data.indicator.unit.code}
              measure={measure}
            />
          </>
        )}
      </ChartFrame>
    </PanelBoundary>
  );
}

function TableTab({ data, lang }: { data: Loaded; lang: Lang }) {
  const measure = useViewStore((s) => s.measure);
  const from = useViewStore((s) => s.from);
  const to = useViewStore((s) => s.to);
  const model = useMemo(
    () =>
      buildChartModel({
        kind: 'line',
        indicator: data.indicator,
        observations: data.observations,
        territoryIndex: data.territoryIndex,
        territories: data.selected,
        measure,
        from,
        to,
        lang,
        link: currentViewLink(),
      }),
    [data, measure, from, to, lang],
  );
  const hasData = model.series.some((s) => s.points.some((p) => p.value !== null));
  return (
    <PanelBoundary lang={lang} resetKeys={[model]}>
      <ChartFrame
        id="explorer-table"
        title={model.title}
        subtitle={model.subtitle}
        status={model.status}
        source={model.source}
        method={model.method}
        lang={lang}
        denominatorNote={model.denominatorNote}
        missing={missingItems(model)}
        actions={hasData ? <Exports model={model} lang={lang} /> : null}
      >
        {hasData ? <DataTable model={model} unitCode={data.indicator.unit.code} /> : <EmptyState lang={lang} />}
      </ChartFrame>
    </PanelBoundary>
  );
}

/** The explorer view. */
export function ExplorerView() {
  const lang = useViewStore((s) => s.lang);
  const indicatorId = useViewStore((s) => s.indicator);
  const selectedState = useViewStore((s) => s.territories);
  const measureState = useViewStore((s) => s.measure);
  const tab = useViewStore((s) => s.tab);
  const from = useViewStore((s) => s.from);
  const to = useViewStore((s) => s.to);
  const period = useViewStore((s) => s.period);
  const t = (k: keyof typeof explorerMessages) => translate(explorerMessages, lang, k);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  // "Clear" must show an empty selection, not fall back to the defaults (which apply to a fresh link only).
  const [cleared, setCleared] = useState(false);
  // Issue 7 (B2): once shown, the chart tab stays mounted (display:none via `hidden`) while another tab
  // is open, so coming back re-shows it instead of mounting two charts, a 75-item legend and 75 bars
  // again. Not <Activity>: it re-runs every effect on show, and recharts re-registers its axes, bars and
  // cells from them (measured: back to the chart ~1.5–2× slower than with a plain hidden wrapper).
  const [chartShown, setChartShown] = useState(tab === 'chart');
  if (tab === 'chart' && !chartShown) setChartShown(true);

  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());
  const indicator =
    indicatorsQ.data?.find((i) => i.id === indicatorId) ??
    (indicatorsQ.data ? defaultIndicator(indicatorsQ.data) : undefined);
  const observationsQ = useQuery({
    ...observationsQuery({ indicator: indicator?.id ?? '' }),
    enabled: indicator !== undefined,
  });

  const territoryIndex = useMemo(() => new Map((territoriesQ.data ?? []).map((x) => [x.code, x])), [territoriesQ.data]);
  const selected = useMemo(
    () =>
      selectedState.length > 0 || cleared || !indicator || !territoriesQ.data
        ? selectedState
        : defaultTerritories(indicator, territoriesQ.data, observationsQ.data),
    [selectedState, cleared, indicator, territoriesQ.data, observationsQ.data],
  );
  const measure = indicator && indicator.measures.includes(measureState) ? measureState : 'absolute';
  const allPeriods = useMemo(() => distinctPeriods(observationsQ.data ?? []), [observationsQ.data]);
  const rangePeriods = useMemo(() => periodsInRange(allPeriods, from, to), [allPeriods, from, to]);
  // Issue 7 (B2): the note costs a whole chart model (75 series × 132 months with the measure applied):
  // built from deferred inputs, in a background render, not in the frame that answers the click.
  const noteInputs = useDeferredValue(useMemo(() => ({ selected, measure, from, to }), [selected, measure, from, to]));
  const denominator = useMemo(() => {
    if (!indicator || !observationsQ.data || noteInputs.measure === 'absolute') return null;
    return buildChartModel({
      kind: 'line',
      indicator,
      observations: observationsQ.data,
      territoryIndex,
      territories: noteInputs.selected,
      measure: noteInputs.measure,
      from: noteInputs.from,
      to: noteInputs.to,
      lang,
      link: '',
    }).denominatorNote;
  }, [indicator, observationsQ.data, territoryIndex, noteInputs, lang]);

  // One `data` object per change of its parts (issue 7, B2): a fresh object on every render used to
  // invalidate every memoised model below, so any click rebuilt all series of the chart.
  const data = useMemo<Loaded | null>(
    () =>
      indicator && territoriesQ.data && observationsQ.data
        ? { indicator, territories: territoriesQ.data, territoryIndex, observations: observationsQ.data, selected }
        : null,
    [indicator, territoriesQ.data, territoryIndex, observationsQ.data, selected],
  );

  const catalogueError = territoriesQ.error
    ? { dataset: 'datasetTerritories' as const, error: territoriesQ.error, retry: () => void territoriesQ.refetch() }
    : indicatorsQ.error
      ? { dataset: 'datasetIndicators' as const, error: indicatorsQ.error, retry: () => void indicatorsQ.refetch() }
      : null;

  let body: ReactNode;
  if (catalogueError && !(territoriesQ.data && indicatorsQ.data)) {
    body = (
      <ErrorState
        message={errorText(catalogueError.dataset, catalogueError.error, lang)}
        onRetry={catalogueError.retry}
        lang={lang}
        height={LINE_CHART_HEIGHT}
      />
    );
  } else if (!territoriesQ.data || !indicatorsQ.data) {
    body = <PanelSkeleton height={LINE_CHART_HEIGHT + 160} lang={lang} />;
  } else if (!indicator) {
    body = <EmptyState lang={lang} height={LINE_CHART_HEIGHT} />;
  } else if (observationsQ.error && !observationsQ.data) {
    body = (
      <ErrorState
        message={errorText('datasetObservations', observationsQ.error, lang)}
        onRetry={() => void observationsQ.refetch()}
        lang={lang}
        height={LINE_CHART_HEIGHT}
      />
    );
  } else if (!observationsQ.data) {
    body = <PanelSkeleton height={LINE_CHART_HEIGHT + 160} lang={lang} />;
  } else if (data) {
    body = (
      <>
        {catalogueError ? (
          // A catalogue refresh failed with the catalogue still in memory: keep using it, say so (issue 8).
          <p className="state state--stale" role="alert">
            {errorText(catalogueError.dataset, catalogueError.error, lang)} ·{' '}
            {translate(chartMessages, lang, 'stale', {
              time: new Date(
                catalogueError.dataset === 'datasetTerritories'
                  ? territoriesQ.dataUpdatedAt
                  : indicatorsQ.dataUpdatedAt,
              ).toLocaleTimeString(lang === 'ar' ? 'ar-MA' : lang),
            })}{' '}
            <button type="button" className="button button--small" onClick={catalogueError.retry}>
              {translate(chartMessages, lang, 'retry')}
            </button>
          </p>
        ) : null}
        {observationsQ.error ? (
          <p className="state state--stale" role="alert">
            {errorText('datasetObservations', observationsQ.error, lang)} ·{' '}
            {translate(chartMessages, lang, 'stale', {
              time: new Date(observationsQ.dataUpdatedAt).toLocaleTimeString(lang === 'ar' ? 'ar-MA' : lang),
            })}{' '}
            <button type="button" className="button button--small" onClick={() => void observationsQ.refetch()}>
              {translate(chartMessages, lang, 'retry')}
            </button>
          </p>
        ) : null}
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
            <ChartTab data={data} lang={lang} width={Math.max(280, width - 34)} />
          </div>
        ) : null}
        {tab === 'map' ? <MapTab data={data} lang={lang} /> : null}
        {tab === 'table' ? (
          <DeferredTab data={data} lang={lang}>
            {(d) => <TableTab data={d} lang={lang} />}
          </DeferredTab>
        ) : null}
      </>
    );
  }

  return (
    <div className="explorer">
      <CrashProbe name="explorer-view" />
      <h1 className="view-title">{t('title')}</h1>
      <div className="explorer__layout">
        <aside className="explorer__side">
          {territoriesQ.data ? (
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
          )}
        </aside>
        <div className="explorer__main" ref={ref}>
          <div className="explorer__controls">
            {indicatorsQ.data && indicator ? (
              <IndicatorPicker
                indicators={indicatorsQ.data}
                value={indicator.id}
                onChange={(id) => updateView({ indicator: id, from: null, to: null, period: null })}
                lang={lang}
              />
            ) : null}
            {indicator ? (
              <MeasureSwitch
                measures={indicator.measures}
                value={measure}
                onChange={(m) => updateView({ measure: m })}
                // The note follows deferred inputs: hide it at once when the click switches to absolute values.
                denominatorNote={measure === 'absolute' ? null : denominator}
                lang={lang}
              />
            ) : null}
            {allPeriods.length > 1 ? (
              <TimeRange
                periods={allPeriods}
                from={from}
                to={to}
                onRange={(f, tt) => updateView({ from: f, to: tt })}
                playPeriods={rangePeriods}
                period={period}
                onPlayStep={(p) => updateView({ period: p }, 'replace')}
                lang={lang}
              />
            ) : null}
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
