/**
 * One KPI card of the overview. It fetches its own observations (the chosen territory and the country in one
 * request), so a card that fails shows its own error and retry while the others stay.
 */
import { useState, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Indicator, Lang } from '../../contract/contract.ts';
import { pick, plural, translate } from '../../i18n/i18n.ts';
import { qualifiedValue } from '../../i18n/provenance.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { buildKpi, type KpiModel, type KpiPoint } from '../../transforms/kpi.ts';
import { pointCaveat } from '../../transforms/value-format.ts';
import { serializeViewUrl } from '../../state/view-state.ts';
import { useShallow } from 'zustand/react/shallow';
import { selectViewState, useViewStore } from '../../state/view-store.ts';
import { updateView } from '../../state/url-sync.ts';
import { formatKpiChange, formatKpiNumber, formatKpiValue, formatRelative } from '../../transforms/kpi-text.ts';
import { EmptyState } from '../../ui/panel-states.tsx';
import { QueryState, datasetError } from '../../ui/query-state.tsx';
import { SourceLine } from '../../ui/source-line.tsx';
import { Sparkline } from '../../ui/sparkline.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { overviewMessages as m, overviewPlurals } from './messages.ts';
import { kpiQuery } from './first-queries.ts';

/**
 * Height every card state shares, so the grid does not jump when data arrives: the tallest card's height at each
 * width, kept by src/styles/skeleton.css (a CSS variable, since it depends on the width the prerendered HTML cannot
 * know; issue 16, CLS).
 */
export const CARD_MIN_HEIGHT = 'var(--mv-kpi-card-height)';

export interface KpiCardProps {
  indicator: Indicator;
  territory: string;
  territoryName: string;
  lang: Lang;
}

const ARROWS = { up: '▲', down: '▼', flat: '▬' } as const;

function DeltaLine({ model, lang }: { model: KpiModel; lang: Lang }) {
  const { delta, previous, indicator } = model;
  if (delta.reason === 'no-previous') return <p className="mv-delta">{translate(m, lang, 'noPrevious')}</p>;
  if (delta.reason === 'previous-missing' && previous)
    return (
      <p className="mv-delta">
        {translate(m, lang, 'previousMissing', { period: formatPeriod(previous.period, lang) })}
      </p>
    );
  if (delta.abs === null || delta.direction === null || !previous) return null;
  const words = translate(
    m,
    lang,
    delta.direction === 'up' ? 'changeUp' : delta.direction === 'down' ? 'changeDown' : 'changeFlat',
  );
  const abs = formatKpiChange(delta.abs, indicator.unit, lang);
  const period = formatPeriod(previous.period, lang);
  const text =
    delta.pct === null
      ? translate(m, lang, 'changeVsNoPct', { abs, period })
      : translate(m, lang, 'changeVs', { abs, pct: formatRelative(delta.pct, lang), period });
  const judged = delta.assessment === 'better' || delta.assessment === 'worse';
  return (
    <p className="mv-delta" data-assessment={delta.assessment ?? undefined}>
      <span aria-hidden="true" className="mv-delta__arrow">
        {ARROWS[delta.direction]}
      </span>{' '}
      <span>
        {translate(m, lang, 'changeLine', { words, text })}
        {judged ? ` — ${translate(m, lang, delta.assessment === 'better' ? 'better' : 'worse')}` : ''}
      </span>
    </p>
  );
}

function TargetBlock({ model, lang }: { model: KpiModel; lang: Lang }) {
  const tp = model.target;
  if (!tp) return null;
  const unit = model.indicator.unit;
  const statusKey =
    tp.status === 'achieved'
      ? 'targetAchieved'
      : tp.status === 'on-track'
        ? 'targetOnTrack'
        : tp.status === 'behind'
          ? 'targetBehind'
          : 'targetUnknown';
  const icon = tp.status === 'achieved' ? '✓' : tp.status === 'on-track' ? '↗' : tp.status === 'behind' ? '!' : '?';
  return (
    <div className="mv-target" data-target-status={tp.status}>
      <p>
        {translate(m, lang, 'target', {
          period: formatPeriod(tp.target.period, lang),
          value: formatKpiValue(tp.target.value, unit, lang),
        })}
        {tp.remaining !== null && tp.status !== 'achieved' ? (
          <> · {translate(m, lang, 'remaining', { value: formatKpiChange(tp.remaining, unit, lang) })}</>
        ) : null}
      </p>
      <p>
        <span className={`mv-pill mv-pill--${tp.status}`}>
          <span aria-hidden="true">{icon}</span> {translate(m, lang, statusKey)}
        </span>
      </p>
      {tp.expected !== null && tp.baseline?.value != null && model.latest ? (
        <p className="mv-small">
          {translate(m, lang, 'targetRule', {
            base: formatKpiNumber(tp.baseline.value, unit, lang),
            basePeriod: formatPeriod(tp.baseline.period, lang),
            expected: formatKpiNumber(tp.expected, unit, lang),
            period: formatPeriod(model.latest.period, lang),
          })}
        </p>
      ) : tp.reason === 'single-point' ? (
        <p className="mv-small">{translate(m, lang, 'targetSinglePoint')}</p>
      ) : null}
      <p className="mv-small">{translate(m, lang, 'targetSource', { publisher: tp.target.source.publisher })}</p>
    </div>
  );
}

/** A KPI point's value with its unit and qualifier: "≈ 10 M personnes", "أكثر من 11 مليون شخص". */
function kpiPointValue(point: KpiPoint & { value: number }, unit: KpiModel['indicator']['unit'], lang: Lang): string {
  return qualifiedValue(formatKpiValue(point.value, unit, lang), point.qualifier, lang);
}

/** A KPI point's period: the source's own words for an undated point. */
function kpiPointPeriod(point: KpiPoint, lang: Lang): string {
  return point.periodLabel?.[lang] ?? formatPeriod(point.period, lang);
}

/** The body of a card for one model (the chosen territory's, or the national fallback). */
function CardBody({ model, lang }: { model: KpiModel; lang: Lang }) {
  const { latest, indicator, series } = model;
  if (!latest || latest.value === null) return null;
  const published = series.filter((p) => p.value !== null);
  const first = published[0];
  const rtl = lang === 'ar';
  const value = latest.value;
  const caveat = pointCaveat(
    {
      qualifier: latest.qualifier,
      confidence: latest.confidence,
      note: latest.note?.[lang] ?? null,
      periodLabel: latest.periodLabel?.[lang],
    },
    lang,
  );
  return (
    <>
      <p className="mv-kpi-value">
        <data value={value}>{kpiPointValue({ ...latest, value }, indicator.unit, lang)}</data>
      </p>
      <p className="mv-kpi-period">{translate(m, lang, 'latestPeriod', { period: kpiPointPeriod(latest, lang) })}</p>
      <DeltaLine model={model} lang={lang} />
      {series.length > 1 && first && first.value !== null ? (
        <Sparkline
          values={series.map((p) => p.value)}
          width={220}
          height={40}
          rtl={rtl}
          color="var(--mv-accent, #0072B2)"
          label={plural(overviewPlurals.sparkline, lang, series.length, {
            first: kpiPointValue({ ...first, value: first.value }, indicator.unit, lang),
            firstPeriod: kpiPointPeriod(first, lang),
            last: kpiPointValue({ ...latest, value }, indicator.unit, lang),
            lastPeriod: kpiPointPeriod(latest, lang),
          })}
        />
      ) : null}
      <TargetBlock model={model} lang={lang} />
      {caveat ? <p className="mv-small">{translate(m, lang, 'note', { note: caveat })}</p> : null}
    </>
  );
}

/** A KPI card: value, period, change, sparkline, target, source and status; opens the explorer. */
export function KpiCard({ indicator, territory, territoryName, lang }: KpiCardProps) {
  // The prefetch's key too (./first-queries.ts): a card finds its answer in flight when the app asked first.
  const query = useQuery(kpiQuery(indicator.id, territory));
  const [national, setNational] = useState(false);
  const viewState = useViewStore(useShallow(selectViewState));
  const name = pick(indicator.name, lang);
  const headingId = `kpi-${indicator.id}`;

  const own = query.data ? buildKpi(indicator, query.data, territory) : null;
  const hasOwn = own?.latest != null;
  const showNational = !hasOwn && national && territory !== 'MA';
  const model = showNational && query.data ? buildKpi(indicator, query.data, 'MA') : own;
  const shownTerritory = showNational ? 'MA' : territory;

  const href =
    serializeViewUrl({ ...viewState, view: 'explorer', indicator: indicator.id, territories: [shownTerritory] }) || '?';
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser open a new tab for modified clicks; a plain click changes the view in place.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    updateView({ view: 'explorer', indicator: indicator.id, territories: [shownTerritory] });
  };

  return (
    <article
      className="mv-card mv-kpi"
      aria-labelledby={headingId}
      style={{ minBlockSize: CARD_MIN_HEIGHT }}
      data-indicator={indicator.id}
      data-status={model?.status ?? indicator.status}
    >
      <header className="mv-card__header">
        <h2 id={headingId} className="mv-card__title">
          <a
            href={href}
            onClick={open}
            className="mv-stretched"
            aria-label={translate(m, lang, 'openInExplorer', { name })}
          >
            {name}
          </a>
        </h2>
        <StatusBadge status={model?.status ?? indicator.status} lang={lang} />
      </header>
      <QueryState
        query={query}
        lang={lang}
        height={180}
        errorMessage={datasetError('datasetObservations', lang, { name })}
        awaiting={translate(m, lang, 'awaitingObservations', { name })}
      >
        {() =>
          model && (hasOwn || showNational) ? (
            <>
              {showNational ? (
                <p className="mv-notice">
                  {translate(m, lang, 'showingNational', { territory: territoryName })}{' '}
                  <button type="button" className="mv-linklike mv-raised" onClick={() => setNational(false)}>
                    {translate(m, lang, 'backToTerritory', { territory: territoryName })}
                  </button>
                </p>
              ) : null}
              <CardBody model={model} lang={lang} />
            </>
          ) : (
            <EmptyState lang={lang} message={translate(m, lang, 'noDataFor', { territory: territoryName })}>
              {territory !== 'MA' ? (
                <button type="button" className="mv-raised" onClick={() => setNational(true)}>
                  {translate(m, lang, 'showNational')}
                </button>
              ) : null}
            </EmptyState>
          )
        }
      </QueryState>
      <footer className="mv-card__footer mv-raised">
        <SourceLine source={model?.source ?? indicator.source} lang={lang} />
      </footer>
    </article>
  );
}
