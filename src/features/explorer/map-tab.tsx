/**
 * The explorer's map tab (issue 13): a choropleth of the regions or of the provinces, from the real boundaries.
 * The boundary file is fetched here, the first time the tab is shown (never before the first chart), through
 * the QueryState ladder: a skeleton while it loads, the panel's error with Retry if it fails — the chart and the
 * table do not need it and keep working. The values come from the explorer model's map part (level, territories,
 * period, measure); the boundaries add which shapes exist, and what matches neither way is listed under the map.
 *
 * The level switch, the opened region and the selection are the view's (URL): a click on the map adds or
 * removes the territory from the same selection as the chart.
 */
import { useCallback, useId, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import type { MoroccoTopology } from '../../contract/geo.ts';
import { geometryQuery } from '../../api/geo.ts';
import { ChartFrame } from '../../charts/chart-frame.tsx';
import { ChoroplethMap } from '../../charts/choropleth-map.tsx';
import { projectMap } from '../../charts/map-geometry.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { updateView } from '../../state/url-sync.ts';
import type { MapLevel } from '../../state/view-state.ts';
import type { ExplorerModel } from '../../transforms/explorer-model.ts';
import { buildMapModel, type MapListed } from '../../transforms/map-model.ts';
import { useViewLink } from './use-explorer-model.ts';
import { MAX_TERRITORIES } from '../../transforms/selection.ts';
import { ErrorBoundary, PanelErrorFallback } from '../../ui/error-boundary.tsx';
import { loadErrorText, QueryState } from '../../ui/query-state.tsx';
import { PeriodSelect } from './controls.tsx';
import { Exports } from './exports.tsx';
import { mapTabMessages } from './map-tab-messages.ts';

/** Widest the map is drawn (px): beyond it the country gets no more legible, only taller. */
export const MAP_MAX_WIDTH = 680;
/** Height of the map for its width: Morocco, Tanger to Lagouira, is about as tall as it is wide. */
export const MAP_ASPECT = 1.02;
/** A region opened: its provinces fill a wider, lower box. */
const OPENED_ASPECT = 0.8;

/** The map's size for the panel's width. Pure. */
export function mapSize(width: number, opened: boolean): { width: number; height: number } {
  const w = Math.max(280, Math.min(MAP_MAX_WIDTH, Math.round(width)));
  return { width: w, height: Math.round(w * (opened ? OPENED_ASPECT : MAP_ASPECT)) };
}

/** "Casablanca" for "Casablanca-Settat": the region's first name, for the labels on the map. Pure. */
export function shortRegionName(name: string): string {
  return name.split('-')[0]?.trim() || name;
}

/** Props of `MapTab`. */
export interface MapTabProps {
  model: ExplorerModel;
  /** The explorer's selection (codes, in order). */
  selected: readonly string[];
  /** The level the view asks for (the model may fall back to regions). */
  askedLevel: MapLevel;
  lang: Lang;
  /** Width of the panel's body, px. */
  width: number;
}

/** The map tab. */
export function MapTab({ model, selected, askedLevel, lang, width }: MapTabProps) {
  const { map } = model;
  const t = (k: keyof typeof mapTabMessages, vars?: Record<string, string>) => translate(mapTabMessages, lang, k, vars);
  const geometryQ = useQuery(geometryQuery());
  const regionName = map.openRegion ? (model.data.territoryIndex.get(map.openRegion)?.name[lang] ?? '') : '';
  const period = map.period ? formatPeriod(map.period, lang) : '';
  const title = map.openRegion
    ? t('titleOpened', { indicator: map.model.title, region: regionName, period })
    : t(map.level === 'province' ? 'titleProvinces' : 'titleRegions', { indicator: map.model.title, period });
  const hasMap = map.hasRegions || map.hasProvinces;

  return (
    <ErrorBoundary
      resetKeys={[map.model]}
      fallback={(error, reset) => <PanelErrorFallback lang={lang} error={error} onRetry={reset} />}
    >
      <ChartFrame
        id="explorer-map"
        title={title}
        subtitle={map.model.subtitle}
        status={map.model.status}
        source={map.model.source}
        method={map.model.method}
        lang={lang}
        summary={map.summary}
        denominatorNote={map.model.denominatorNote}
        sources={map.sources}
        actions={
          map.periods.length === 0 ? null : (
            // A stable hook for tests: the kept (hidden) chart tab has period selects too.
            <span data-map-period="true">
              <PeriodSelect
                periods={map.periods}
                value={map.period}
                onChange={(p) => updateView({ period: p })}
                lang={lang}
              />
            </span>
          )
        }
      >
        {hasMap ? (
          <>
            <MapToolbar model={model} askedLevel={askedLevel} lang={lang} />
            <QueryState
              query={geometryQ}
              errorMessage={(e) => loadErrorText(t('datasetBoundaries'), e, lang)}
              lang={lang}
              height={mapSize(width, map.openRegion !== null).height}
            >
              {(topo) => (
                <MapBody topo={topo} model={model} selected={selected} lang={lang} width={width} title={title} />
              )}
            </QueryState>
          </>
        ) : (
          <p className="state state--empty">{t('noMapData')}</p>
        )}
      </ChartFrame>
    </ErrorBoundary>
  );
}

/** Level switch (Régions / Provinces), "show the provinces of" a region, and the way back. */
function MapToolbar({ model, askedLevel, lang }: { model: ExplorerModel; askedLevel: MapLevel; lang: Lang }) {
  const { map } = model;
  const name = useId();
  const t = (k: keyof typeof mapTabMessages) => translate(mapTabMessages, lang, k);
  const levels: { level: MapLevel; label: string; enabled: boolean }[] = [
    { level: 'region', label: t('levelRegion'), enabled: map.hasRegions },
    { level: 'province', label: t('levelProvince'), enabled: map.hasProvinces },
  ];
  const shownLevel = map.openRegion ? askedLevel : map.level;
  return (
    <div className="map-tab__toolbar">
      <fieldset className="map-tab__level">
        <legend>{t('level')}</legend>
        <div className="measure-switch__options">
          {levels.map((l) => (
            <label key={l.level} className="radio">
              <input
                type="radio"
                name={name}
                value={l.level}
                checked={shownLevel === l.level}
                disabled={!l.enabled}
                onChange={() => updateView({ mapLevel: l.level, mapRegion: null })}
              />
              <span>{l.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {map.hasProvinces ? (
        map.openRegion ? (
          <button
            type="button"
            className="button button--quiet"
            data-map-back="true"
            onClick={() => updateView({ mapRegion: null })}
          >
            {t(askedLevel === 'province' ? 'backProvinces' : 'backRegions')}
          </button>
        ) : (
          <label className="field">
            <span>{t('openRegion')}</span>
            <select
              value=""
              data-map-open="true"
              onChange={(e) => {
                if (e.currentTarget.value !== '') updateView({ mapRegion: e.currentTarget.value });
              }}
            >
              <option value="">{t('openNone')}</option>
              {map.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name[lang]}
                </option>
              ))}
            </select>
          </label>
        )
      ) : null}
      {askedLevel === 'province' && !map.hasProvinces ? <p className="muted">{t('noProvinces')}</p> : null}
    </div>
  );
}

/** The map drawn once the boundaries are in: geometry and model memoised on what each depends on. */
function MapBody({
  topo,
  model,
  selected,
  lang,
  width,
  title,
}: {
  topo: MoroccoTopology;
  model: ExplorerModel;
  selected: readonly string[];
  lang: Lang;
  width: number;
  /** The panel's title (with the period): the exports' title too. */
  title: string;
}) {
  const { map, data } = model;
  const size = mapSize(width, map.openRegion !== null);
  // Projection depends on the level, the region opened and the size only: a period or measure change redraws
  // the fills, not the paths.
  const geometry = useMemo(
    () =>
      projectMap(topo, {
        level: map.level,
        width: size.width,
        height: size.height,
        ...(map.openRegion ? { regions: [map.openRegion] } : {}),
      }),
    [topo, map.level, map.openRegion, size.width, size.height],
  );
  const boundaryCodes = useMemo(() => new Set(geometry.shapes.map((s) => s.code)), [geometry]);
  const mapModel = useMemo(
    () =>
      buildMapModel({
        indicator: data.indicator,
        observations: data.observations,
        territoryIndex: data.territoryIndex,
        territories: map.territories,
        boundaryCodes,
        level: map.level,
        measure: model.selection.measure,
        period: map.period,
        lang,
      }),
    [data, map, boundaryCodes, model.selection.measure, lang],
  );
  const regionLabels = useMemo(
    () =>
      map.openRegion ? undefined : new Map(map.regions.map((r) => [r.code, shortRegionName(r.name[lang])] as const)),
    [map.regions, map.openRegion, lang],
  );
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const toggle = useCallback(
    (code: string) => {
      const next = selectedSet.has(code) ? selected.filter((c) => c !== code) : [...selected, code];
      updateView({ territories: next.slice(0, MAX_TERRITORIES) });
    },
    [selected, selectedSet],
  );
  const open = useCallback((code: string | null) => updateView({ mapRegion: code }), []);
  // The exports (issue 13 item 5): the map as shown — its model, the boundaries, the region opened, the title
  // and labels — with the view's link; the chart model gives the menu its language and the pin its link.
  const link = useViewLink();
  const linked = useMemo(() => ({ ...map.model, link }), [map.model, link]);
  const exported = useMemo(
    () => ({
      model: mapModel,
      topo,
      regions: map.openRegion ? [map.openRegion] : null,
      title,
      regionLabels,
    }),
    [mapModel, topo, map.openRegion, title, regionLabels],
  );
  return (
    <>
      <div className="map-tab__exports" data-map-exports="true">
        <Exports model={linked} lang={lang} chartSize={size} map={exported} present />
      </div>
      <ChoroplethMap
        geometry={geometry}
        model={mapModel}
        selected={selectedSet}
        onToggle={toggle}
        onOpenRegion={map.hasProvinces ? open : undefined}
        openRegion={map.openRegion}
        regionLabels={regionLabels}
        lang={lang}
      />
      <Unmatched model={mapModel.withoutBoundary} titleKey="withoutBoundary" lang={lang} />
      <Unmatched model={mapModel.withoutData} titleKey="withoutData" lang={lang} />
    </>
  );
}

/** A list under the map: territories that could not be drawn, or drawn without a value, each with its reason. */
function Unmatched({
  model,
  titleKey,
  lang,
}: {
  model: readonly MapListed[];
  titleKey: 'withoutBoundary' | 'withoutData';
  lang: Lang;
}) {
  if (model.length === 0) return null;
  return (
    <div className="map-tab__unmatched" data-map-unmatched={titleKey}>
      <p className="missing__title">
        {translate(mapTabMessages, lang, titleKey)} ({model.length})
      </p>
      <ul>
        {model.map((m) => (
          <li key={m.code}>{translate(mapTabMessages, lang, 'listedItem', { name: m.name, reason: m.reason })}</li>
        ))}
      </ul>
    </div>
  );
}
