/**
 * The chart or map of an embed (issue 17, item 5; the layout is src/app/embed.tsx). The same data path as the
 * explorer — its queries, its defaults for a link that names no territory, its one model (`useExplorerModel`) —
 * drawn by the same components (`ChartFrame` with `LineChart` or `RankedBarChart`, the explorer's `MapTab`), so an
 * embedded chart says what the explorer says: title, caption, status, sources and caveats. Only the lead chart
 * (`model.lead`: the line over time, or the ranking when the selection has one period) or, with `tab=map`, the map;
 * no filters, tabs or export menu. Loaded on demand: the app's first chunk does not carry the explorer.
 */
import { Suspense, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Lang } from '../contract/contract.ts';
import { indicatorsQuery, observationsQuery, territoriesQuery } from '../api/queries.ts';
import { apiErrorDetail } from '../i18n/api-error-text.ts';
import { useViewStore } from '../state/view-store.ts';
import { ChartFrame } from '../charts/chart-frame.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { BAR_ROW_HEIGHT, RankedBarChart } from '../charts/bar-chart.tsx';
import type { ExplorerData, ExplorerModel } from '../transforms/explorer-model.ts';
import { defaultIndicator, defaultTerritories } from '../transforms/selection.ts';
import { ErrorBoundary, PanelErrorFallback } from '../ui/error-boundary.tsx';
import { EmptyState, ErrorState, PanelSkeleton } from '../ui/panel-states.tsx';
import { lazyWithRetry } from '../ui/lazy-retry.ts';
import { missingUserIndicator } from '../user-data/ids.ts';
import { UserDataError } from '../user-data/error-core.ts';
import { userDataErrorText } from '../user-data/errors.ts';
import { useExplorerModel } from '../features/explorer/use-explorer-model.ts';
import { useElementWidth } from '../features/explorer/use-element-width.ts';
import { useChartEvents } from '../features/explorer/use-chart-events.ts';
import { errorText } from '../features/explorer/error-text.ts';
import { awaitingText } from '../features/explorer/controls.tsx';
import { rankingFrameProps } from '../features/explorer/ranking-frame.ts';
import { EMBED_PLACEHOLDER_HEIGHT } from './embed.tsx';

// As in the explorer: the map's code (d3-geo, topojson, ~20 kB gzip) only for an embedded map.
const MapTab = lazyWithRetry(
  () => import('../features/explorer/map-tab.tsx').then((m) => ({ default: m.MapTab })),
  'MapTab',
);

/**
 * Height of the line chart for a frame `width` px wide (pure): the explorer's 360 px in a wide frame, less in a
 * narrow one (a phone-wide frame keeps a chart wider than tall), never under 220 px where the axes need room.
 */
export function embedChartHeight(width: number): number {
  return Math.round(Math.min(EMBED_PLACEHOLDER_HEIGHT, Math.max(220, width * 0.62)));
}

/** The lead chart of the model, framed with its caption and sources. */
function LeadChart({ model, lang, width }: { model: ExplorerModel; lang: Lang; width: number }) {
  const { line, bar, lead } = model;
  // The line with its dated events, as in the explorer (issue 17): an embedded chart says what the full view says.
  const lineModel = useChartEvents(line.model);
  const unit = model.data.indicator.unit.code;
  if (lead.chart === 'ranking') {
    return (
      <ChartFrame id="embed-bar" {...rankingFrameProps(bar, lang)}>
        {bar.hasData ? (
          <RankedBarChart model={bar.model} unitCode={unit} width={width} />
        ) : (
          <EmptyState height={BAR_ROW_HEIGHT * 2} lang={lang} />
        )}
      </ChartFrame>
    );
  }
  const height = embedChartHeight(width);
  return (
    <ChartFrame
      id="embed-line"
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
    >
      {line.hasData ? (
        <LineChart model={lineModel} unitCode={unit} width={width} height={height} />
      ) : (
        <EmptyState height={height} lang={lang} />
      )}
    </ChartFrame>
  );
}

/** Props of {@link EmbedView}. */
export interface EmbedViewProps {
  lang: Lang;
  /** The link to the full view, placed under the chart (or under the message that replaces it). */
  fullView: ReactNode;
}

/** The embedded chart or map of the view in the store. */
export function EmbedView({ lang, fullView }: EmbedViewProps) {
  const indicatorId = useViewStore((s) => s.indicator);
  const selectedState = useViewStore((s) => s.territories);
  const measureState = useViewStore((s) => s.measure);
  const tab = useViewStore((s) => s.tab);
  const mapLevel = useViewStore((s) => s.mapLevel);
  const { ref, width: frameWidth } = useElementWidth<HTMLDivElement>();
  // The chart frame's padding and border (src/app/embed.css), as the explorer subtracts its own.
  const width = Math.max(240, frameWidth - 26);

  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());
  const missingImported = indicatorsQ.data !== undefined && missingUserIndicator(indicatorId, indicatorsQ.data);
  const indicator = missingImported
    ? undefined
    : (indicatorsQ.data?.find((i) => i.id === indicatorId) ??
      (indicatorsQ.data ? defaultIndicator(indicatorsQ.data) : undefined));
  const observationsQ = useQuery({
    ...observationsQuery({ indicator: indicator?.id ?? '' }),
    enabled: indicator !== undefined,
  });
  const territoryIndex = useMemo(() => new Map((territoriesQ.data ?? []).map((x) => [x.code, x])), [territoriesQ.data]);
  const selected = useMemo(
    () =>
      selectedState.length > 0 || !indicator || !territoriesQ.data
        ? selectedState
        : defaultTerritories(indicator, territoriesQ.data, observationsQ.data),
    [selectedState, indicator, territoriesQ.data, observationsQ.data],
  );
  const measure = indicator && indicator.measures.includes(measureState) ? measureState : 'absolute';
  const data = useMemo<ExplorerData | null>(
    () =>
      indicator && territoriesQ.data && observationsQ.data
        ? { indicator, territories: territoriesQ.data, territoryIndex, observations: observationsQ.data }
        : null,
    [indicator, territoriesQ.data, territoryIndex, observationsQ.data],
  );
  const model = useExplorerModel(data, selected, measure);
  const skeleton = (awaiting?: string) => (
    <PanelSkeleton height={EMBED_PLACEHOLDER_HEIGHT} lang={lang} awaiting={awaiting} />
  );

  let body: ReactNode;
  if (territoriesQ.error && !territoriesQ.data) {
    body = (
      <ErrorState
        message={errorText('datasetTerritories', territoriesQ.error, lang)}
        onRetry={() => void territoriesQ.refetch()}
        lang={lang}
        detail={apiErrorDetail(territoriesQ.error)}
      />
    );
  } else if (indicatorsQ.error && !indicatorsQ.data) {
    body = (
      <ErrorState
        message={errorText('datasetIndicators', indicatorsQ.error, lang)}
        onRetry={() => void indicatorsQ.refetch()}
        lang={lang}
        detail={apiErrorDetail(indicatorsQ.error)}
      />
    );
  } else if (!territoriesQ.data || !indicatorsQ.data) {
    body = skeleton(awaitingText('catalogue', lang));
  } else if (missingImported) {
    // An imported indicator lives in the browser that imported it, never in another site's frame.
    body = (
      <div className="state state--empty" role="status" data-missing-imported="true">
        <p>{userDataErrorText(new UserDataError('not-found'), lang)}</p>
      </div>
    );
  } else if (!indicator) {
    body = <EmptyState lang={lang} />;
  } else if (observationsQ.error && !observationsQ.data) {
    body = (
      <ErrorState
        message={errorText('datasetObservations', observationsQ.error, lang)}
        onRetry={() => void observationsQ.refetch()}
        lang={lang}
        detail={apiErrorDetail(observationsQ.error)}
      />
    );
  } else if (!model) {
    body = skeleton(awaitingText('observations', lang));
  } else if (tab === 'map') {
    body = (
      <Suspense fallback={skeleton()}>
        <MapTab model={model} selected={selected} askedLevel={mapLevel} lang={lang} width={width} />
      </Suspense>
    );
  } else {
    body = <LeadChart model={model} lang={lang} width={width} />;
  }

  return (
    <div className="embed-view" ref={ref} data-embed-ready={model ? 'true' : undefined}>
      <ErrorBoundary
        resetKeys={[model]}
        fallback={(error, reset) => <PanelErrorFallback lang={lang} error={error} onRetry={reset} />}
      >
        {body}
      </ErrorBoundary>
      {fullView}
    </div>
  );
}
