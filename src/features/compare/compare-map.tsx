/**
 * The compare view's small map (issue 13 item 6): pick the compared territories on the map as well as from the
 * list. It is the explorer's choropleth (src/charts/choropleth-map.tsx) — one tab stop, arrows between
 * territories, Enter/Space or click to add or remove one — drawn for the compare view's own selection (its
 * chips and the URL's `territories`), coloured by the indicator the peers panel uses, at its latest period.
 *
 * The boundary file is fetched only when the user opens the map (a button beside the list): the comparison
 * table never waits for it, and a failed file shows the panel's error with Retry while the table keeps working.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Indicator, Lang, Territory } from '../../contract/contract.ts';
import type { MoroccoTopology } from '../../contract/geo.ts';
import { geometryQuery } from '../../api/geo.ts';
import { observationsQuery } from '../../api/queries.ts';
import { ChoroplethMap } from '../../charts/choropleth-map.tsx';
import { projectMap, type MapLevel } from '../../charts/map-geometry.ts';
import { pick, translate } from '../../i18n/i18n.ts';
import { buildMapModel } from '../../transforms/map-model.ts';
import { loadErrorText, QueryState, datasetError } from '../../ui/query-state.tsx';
import { SourceLine } from '../../ui/source-line.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { compareMessages as m } from './messages.ts';
import './compare-map.css';

/** Size the small map is drawn at (px); the svg scales down to narrower screens (viewBox). */
export const COMPARE_MAP_SIZE = { width: 420, height: 428 } as const;

/** Level the map opens at: the reference territory's (a province shows the provinces), regions otherwise. Pure. */
export function compareMapLevel(codes: readonly string[], byCode: ReadonlyMap<string, Territory>): MapLevel {
  return byCode.get(codes[0] ?? '')?.level === 'province' ? 'province' : 'region';
}

/** Props of `CompareMap`. */
export interface CompareMapProps {
  /** The compared territories, in order (the first is the reference). */
  codes: readonly string[];
  territories: readonly Territory[];
  /** The indicator that colours the map (the peers panel's). */
  indicator: Indicator;
  /** Add or remove a territory (the view enforces its maximum). */
  onToggle: (code: string) => void;
  lang: Lang;
}

/** "Choose on the map" button and, once opened, the map with its level switch. */
export function CompareMap(props: CompareMapProps) {
  const [open, setOpen] = useState(false);
  const { lang } = props;
  return (
    <section className="mv-section compare-map" aria-labelledby="compare-map-heading">
      <div className="compare-map__head">
        <h2 id="compare-map-heading">{translate(m, lang, 'mapHeading')}</h2>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="compare-map-body"
          data-compare-map-toggle="true"
          onClick={() => setOpen((o) => !o)}
        >
          {translate(m, lang, open ? 'mapHide' : 'mapShow')}
        </button>
      </div>
      {/* Mounted only when open: the boundary query starts on the first opening, never before. */}
      <div id="compare-map-body">{open ? <CompareMapBody {...props} /> : null}</div>
    </section>
  );
}

function CompareMapBody({ codes, territories, indicator, onToggle, lang }: CompareMapProps) {
  const byCode = useMemo(() => new Map(territories.map((t) => [t.code, t])), [territories]);
  const [level, setLevel] = useState<MapLevel>(() => compareMapLevel(codes, byCode));
  const geometryQ = useQuery(geometryQuery());
  // Every territory's value (the peers panel asks the same query: react-query shares it).
  const valuesQ = useQuery(observationsQuery({ indicator: indicator.id }));
  const name = pick(indicator.name, lang);
  return (
    <>
      <fieldset className="compare-map__level">
        <legend>{translate(m, lang, 'mapLevel')}</legend>
        {(['region', 'province'] as const).map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="compare-map-level" value={l} checked={level === l} onChange={() => setLevel(l)} />
            <span>{translate(m, lang, l === 'region' ? 'mapRegions' : 'mapProvinces')}</span>
          </label>
        ))}
      </fieldset>
      <QueryState
        query={geometryQ}
        lang={lang}
        height={COMPARE_MAP_SIZE.height}
        errorMessage={(e) => loadErrorText(translate(m, lang, 'mapBoundaries'), e, lang)}
      >
        {(topo) => (
          <QueryState
            query={valuesQ}
            lang={lang}
            height={COMPARE_MAP_SIZE.height}
            staleNotice={false}
            errorMessage={datasetError('datasetObservations', lang, { name })}
          >
            {(observations) => (
              <DrawnMap
                topo={topo}
                level={level}
                codes={codes}
                byCode={byCode}
                indicator={indicator}
                observations={observations}
                onToggle={onToggle}
                lang={lang}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function DrawnMap({
  topo,
  level,
  codes,
  byCode,
  indicator,
  observations,
  onToggle,
  lang,
}: {
  topo: MoroccoTopology;
  level: MapLevel;
  codes: readonly string[];
  byCode: ReadonlyMap<string, Territory>;
  indicator: Indicator;
  observations: Parameters<typeof buildMapModel>[0]['observations'];
  onToggle: (code: string) => void;
  lang: Lang;
}) {
  const geometry = useMemo(() => projectMap(topo, { level, ...COMPARE_MAP_SIZE }), [topo, level]);
  const model = useMemo(() => {
    const boundaryCodes = new Set(geometry.shapes.map((s) => s.code));
    const levelCodes = [...byCode.values()].filter((t) => t.level === level).map((t) => t.code);
    return buildMapModel({
      indicator,
      observations,
      territoryIndex: byCode,
      territories: levelCodes,
      boundaryCodes,
      level,
      measure: 'absolute',
      period: null,
      lang,
    });
  }, [geometry, byCode, level, indicator, observations, lang]);
  const selected = useMemo(() => new Set(codes), [codes]);
  return (
    <div className="compare-map__map" data-compare-map={level}>
      <p className="mv-small">
        {model.title} · {model.subtitle} <StatusBadge status={model.status} lang={lang} />{' '}
        <SourceLine source={model.source} lang={lang} prefix={false} />
      </p>
      <ChoroplethMap geometry={geometry} model={model} selected={selected} onToggle={onToggle} lang={lang} />
    </div>
  );
}
