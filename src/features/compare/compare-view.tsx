/**
 * Compare: two or more territories side by side on the census indicators at their latest common period, with the
 * gap to the first (reference) territory and which one is better placed given the indicator's polarity (in words),
 * plus suggested peers (same level, closest population or value) added in one click.
 */
import { useQuery } from '@tanstack/react-query';
import type { DataStatus, Indicator, Lang, Observation, Territory } from '../../contract/contract.ts';
import { indicatorsQuery, observationsQuery, territoriesQuery } from '../../api/queries.ts';
import { pick, plural, translate } from '../../i18n/i18n.ts';
import { formatCompact, formatPeriod } from '../../i18n/format.ts';
import { qualifiedValue } from '../../i18n/provenance.ts';
import { pointCaveat } from '../../transforms/value-format.ts';
import { comparePeriod, gapBetween } from '../../transforms/kpi.ts';
import { worstStatus } from '../../transforms/chart-model.ts';
import { latestCensusYear, peersByPopulation, peersByValue, type Peer } from '../../transforms/peers.ts';
import { selectIndicator, selectLang, selectTerritories, useViewStore } from '../../state/view-store.ts';
import { updateView } from '../../state/url-sync.ts';
import { formatKpiChange, formatKpiValue, formatRelative } from '../../transforms/kpi-text.ts';
import { chartMessages as ui } from '../../ui/messages.ts';
import { EmptyState, ErrorState, PanelSkeleton } from '../../ui/panel-states.tsx';
import { QueryState, QueryStaleNotice, datasetError } from '../../ui/query-state.tsx';
import { SourceLine } from '../../ui/source-line.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { TerritorySelect } from '../../ui/territory-select.tsx';
import { CompareMap } from './compare-map.tsx';
import { compareMessages as m, comparePlurals } from './messages.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

/** Territories compared when the link names none: the two largest regions of the seed article. */
export const DEFAULT_COMPARE = ['MA-06', 'MA-07'] as const;
/** More columns than this make the table unreadable on a laptop. */
export const MAX_COMPARE = 6;

/**
 * The indicator of the peers panel and of the small map: the one chosen in the view when it is a census one,
 * else the first census rate with a "better" direction (population would repeat the population peers).
 */
export function peerIndicator(census: readonly Indicator[], chosen: string | null): Indicator | undefined {
  return census.find((i) => i.id === chosen) ?? census.find((i) => i.polarity !== 'neutral') ?? census[0];
}

function nameOf(code: string, byCode: ReadonlyMap<string, Territory>, lang: Lang): string {
  const t = byCode.get(code);
  return t ? pick(t.name, lang) : code;
}

function CompareRow({
  indicator,
  codes,
  byCode,
  lang,
}: {
  indicator: Indicator;
  codes: readonly string[];
  byCode: ReadonlyMap<string, Territory>;
  lang: Lang;
}) {
  const q = useQuery(observationsQuery({ indicator: indicator.id, territories: codes }));
  const name = pick(indicator.name, lang);
  const errorMessage = datasetError('datasetObservations', lang, { name });
  const polarityText =
    indicator.polarity === 'higher-is-better'
      ? translate(m, lang, 'higherBetter')
      : indicator.polarity === 'lower-is-better'
        ? translate(m, lang, 'lowerBetter')
        : null;
  const period = q.data ? comparePeriod(q.data, indicator.id, codes) : null;
  const cells = new Map<string, Observation>();
  for (const o of q.data ?? []) if (o.period === period && o.indicator === indicator.id) cells.set(o.territory, o);
  const shown = [...cells.values()];
  const status: DataStatus = worstStatus(
    shown.map((o) => o.status),
    shown.length > 0 ? 'official' : indicator.status,
  );
  const refCode = codes[0] ?? '';
  const refValue = cells.get(refCode)?.value ?? null;

  return (
    <tr data-indicator={indicator.id}>
      <th scope="row">
        <span>{name}</span>
        {polarityText ? <span className="mv-small">{polarityText}</span> : null}
        <span className="mv-small">
          <StatusBadge status={status} lang={lang} />{' '}
          <SourceLine source={indicator.source} lang={lang} prefix={false} />
        </span>
        <QueryStaleNotice query={q} errorMessage={errorMessage} lang={lang} />
      </th>
      {q.data === undefined ? (
        // A table row cannot hold the ladder's wrapper: the skeleton or the error spans the row's cells.
        <td colSpan={codes.length + 1}>
          {q.error != null ? (
            <ErrorState message={errorMessage(q.error)} onRetry={() => void q.refetch()} lang={lang} />
          ) : (
            <PanelSkeleton height={48} lang={lang} />
          )}
        </td>
      ) : (
        <>
          <td>{period ? formatPeriod(period, lang) : translate(ui, lang, 'notPublished')}</td>
          {codes.map((code, i) => {
            const o = cells.get(code);
            const value = o?.value ?? null;
            if (value === null)
              return (
                <td key={code} data-territory={code}>
                  <span className="mv-small">
                    {period
                      ? translate(m, lang, 'notPublishedFor', { period: formatPeriod(period, lang) })
                      : translate(ui, lang, 'notPublished')}
                  </span>
                  {o?.note ? <span className="mv-small">{o.note[lang]}</span> : null}
                </td>
              );
            const gap = i === 0 ? null : gapBetween(value, refValue, indicator.polarity);
            return (
              <td key={code} data-territory={code}>
                <data value={value}>
                  {qualifiedValue(formatKpiValue(value, indicator.unit, lang), o?.qualifier, lang)}
                </data>
                {o ? <ObservationCaveat o={o} lang={lang} /> : null}
                {gap && gap.abs !== null ? (
                  <>
                    <span className="mv-small">
                      {gap.rel !== null
                        ? translate(m, lang, 'gap', {
                            abs: formatKpiChange(gap.abs, indicator.unit, lang),
                            rel: formatRelative(gap.rel, lang),
                          })
                        : translate(m, lang, 'gapNoRel', { abs: formatKpiChange(gap.abs, indicator.unit, lang) })}
                    </span>
                    <span className="mv-small mv-better" data-better={gap.better ?? undefined}>
                      {gap.better === 'a'
                        ? translate(m, lang, 'betterIs', { name: nameOf(code, byCode, lang) })
                        : gap.better === 'b'
                          ? translate(m, lang, 'betterIs', { name: nameOf(refCode, byCode, lang) })
                          : gap.better === 'equal'
                            ? translate(m, lang, 'equal')
                            : translate(m, lang, 'neutralPolarity')}
                    </span>
                  </>
                ) : null}
              </td>
            );
          })}
        </>
      )}
    </tr>
  );
}

/**
 * What the compare table says under a value besides the gap: the point's period in the source's words when
 * undated, its note with its confidence, and its own source when it differs from the indicator's.
 */
function ObservationCaveat({ o, lang }: { o: Observation; lang: Lang }) {
  const caveat = pointCaveat({ qualifier: o.qualifier, confidence: o.confidence, note: o.note?.[lang] ?? null }, lang);
  return (
    <>
      {o.periodLabel ? <span className="mv-small">{o.periodLabel[lang]}</span> : null}
      {caveat ? <span className="mv-small">{caveat}</span> : null}
      {o.source ? (
        <span className="mv-small">
          <SourceLine source={o.source} lang={lang} />
        </span>
      ) : null}
    </>
  );
}

function PeerButtons({
  peers,
  byCode,
  lang,
  onAdd,
  format,
}: {
  peers: readonly Peer[];
  byCode: ReadonlyMap<string, Territory>;
  lang: Lang;
  onAdd: (code: string) => void;
  format: (p: Peer) => string;
}) {
  if (peers.length === 0) return <p className="mv-small">{translate(m, lang, 'noPeers')}</p>;
  return (
    <ul className="mv-chips">
      {peers.map((p) => (
        <li key={p.code}>
          <button type="button" onClick={() => onAdd(p.code)} data-peer={p.code}>
            <span aria-hidden="true">+ </span>
            {translate(m, lang, 'addPeer', { name: nameOf(p.code, byCode, lang), value: format(p) })}
          </button>
        </li>
      ))}
    </ul>
  );
}

function PeersPanel({
  codes,
  territories,
  census,
  byCode,
  lang,
  onAdd,
}: {
  codes: readonly string[];
  territories: readonly Territory[];
  census: readonly Indicator[];
  byCode: ReadonlyMap<string, Territory>;
  lang: Lang;
  onAdd: (code: string) => void;
}) {
  const indicator = peerIndicator(census, useViewStore(selectIndicator));
  const ref = codes[0] ?? 'MA';
  // All territories: the value peers are looked for across the whole level.
  const q = useQuery({ ...observationsQuery({ indicator: indicator?.id ?? '' }), enabled: indicator !== undefined });
  const refTerritory = byCode.get(ref);
  const year = refTerritory ? latestCensusYear(refTerritory) : null;
  const byPop = peersByPopulation(territories, ref, { exclude: codes });
  const period = q.data && indicator ? comparePeriod(q.data, indicator.id, [ref]) : null;
  const values = new Map<string, number | null>();
  for (const o of q.data ?? []) if (o.period === period) values.set(o.territory, o.value);
  const byValue = indicator && period ? peersByValue(territories, values, ref, { exclude: codes }) : [];

  return (
    <section className="mv-section" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{translate(m, lang, 'peersHeading')}</h2>
      <p className="mv-small">{translate(m, lang, 'peersIntro', { name: nameOf(ref, byCode, lang) })}</p>
      <h3>{translate(m, lang, 'peersByPopulation', { year: year ?? '—' })}</h3>
      <PeerButtons
        peers={byPop}
        byCode={byCode}
        lang={lang}
        onAdd={onAdd}
        format={(p) => `${formatCompact(p.value, lang)} ${translate(m, lang, 'inhabitants')}`}
      />
      {indicator ? (
        <>
          <div className="mv-field">
            <label htmlFor="compare-peer-indicator">{translate(m, lang, 'peerIndicator')}</label>
            <select
              id="compare-peer-indicator"
              value={indicator.id}
              onChange={(e) => updateView({ indicator: e.target.value })}
            >
              {census.map((i) => (
                <option key={i.id} value={i.id}>
                  {pick(i.name, lang)}
                </option>
              ))}
            </select>
          </div>
          <h3>
            {translate(m, lang, 'peersByValue', {
              name: pick(indicator.name, lang),
              period: period ? formatPeriod(period, lang) : '—',
            })}
          </h3>
          <QueryState
            query={q}
            lang={lang}
            height={40}
            staleNotice={false}
            errorMessage={datasetError('datasetObservations', lang, { name: pick(indicator.name, lang) })}
          >
            {() => (
              <PeerButtons
                peers={byValue}
                byCode={byCode}
                lang={lang}
                onAdd={onAdd}
                format={(p) => formatKpiValue(p.value, indicator.unit, lang)}
              />
            )}
          </QueryState>
        </>
      ) : null}
    </section>
  );
}

/** The compare view (lazy-loaded by the shell). */
export function CompareView() {
  const lang = useViewStore(selectLang);
  const selected = useViewStore(selectTerritories);
  const chosenIndicator = useViewStore(selectIndicator);
  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());
  const codes = selected.length > 0 ? selected.slice(0, MAX_COMPARE) : [...DEFAULT_COMPARE];
  const territories = territoriesQ.data ?? [];
  const byCode = new Map(territories.map((t) => [t.code, t]));
  const census = (indicatorsQ.data ?? []).filter((i) => i.category === 'census');
  const names = codes.map((c) => nameOf(c, byCode, lang));

  const setCodes = (next: string[]) => updateView({ territories: next });
  const add = (code: string) => {
    if (code === '' || codes.includes(code) || codes.length >= MAX_COMPARE) return;
    setCodes([...codes, code]);
  };
  const remove = (code: string) => setCodes(codes.filter((c) => c !== code));
  const mapIndicator = peerIndicator(census, chosenIndicator);

  return (
    <section className="mv-view" aria-labelledby="compare-title">
      <div>
        <h1 id="compare-title">{translate(m, lang, 'title')}</h1>
        <p className="mv-small">{translate(m, lang, 'intro')}</p>
      </div>

      {territoriesQ.isError && !territoriesQ.data ? (
        <ErrorState
          message={datasetError('datasetTerritories', lang)(territoriesQ.error)}
          onRetry={() => void territoriesQ.refetch()}
          lang={lang}
        />
      ) : null}

      <div className="mv-toolbar">
        <div>
          <p id="compare-selected" className="mv-field">
            <strong>{translate(m, lang, 'selected')}</strong>
          </p>
          <ul className="mv-chips" aria-labelledby="compare-selected">
            {codes.map((code, i) => (
              <li key={code} className="mv-chip" data-territory={code}>
                <span>
                  {nameOf(code, byCode, lang)}
                  {i === 0 ? <span className="mv-small"> ({translate(m, lang, 'reference')})</span> : null}
                </span>
                <button
                  type="button"
                  onClick={() => remove(code)}
                  aria-label={translate(m, lang, 'remove', { name: nameOf(code, byCode, lang) })}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        {territoriesQ.data ? (
          codes.length >= MAX_COMPARE ? (
            <p className="mv-notice" role="status">
              {plural(comparePlurals.tooMany, lang, MAX_COMPARE)}
            </p>
          ) : (
            <TerritorySelect
              id="compare-add"
              label={translate(m, lang, 'add')}
              territories={territories}
              disabled={new Set(codes)}
              value=""
              lang={lang}
              allLabel={translate(m, lang, 'addPlaceholder')}
              onChange={add}
            />
          )
        ) : territoriesQ.isPending ? (
          <PanelSkeleton height={58} lang={lang} />
        ) : null}
      </div>

      {territoriesQ.data && mapIndicator ? (
        <CompareMap
          codes={codes}
          territories={territories}
          indicator={mapIndicator}
          onToggle={(code) => (codes.includes(code) ? remove(code) : add(code))}
          lang={lang}
        />
      ) : null}

      {codes.length < 2 ? (
        <p className="mv-notice" role="status">
          {translate(m, lang, 'needTwo')}
        </p>
      ) : null}

      <QueryState query={indicatorsQ} lang={lang} height={320} errorMessage={datasetError('datasetIndicators', lang)}>
        {() =>
          census.length === 0 ? (
            <EmptyState lang={lang} message={translate(m, lang, 'noCensus')} />
          ) : (
            // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable), so it takes
            // tabIndex=0 with a role and a name, as the ARIA practices do for a scrolling table.
            // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a focusable scroll region is interactive
            <div className="mv-table-wrap" tabIndex={0} role="region" aria-labelledby="compare-caption">
              <table className="mv-table">
                <caption id="compare-caption">
                  {translate(m, lang, 'tableCaption', { names: names.join(' · ') })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{translate(m, lang, 'indicator')}</th>
                    <th scope="col">{translate(m, lang, 'period')}</th>
                    {codes.map((code, i) => (
                      <th scope="col" key={code}>
                        {nameOf(code, byCode, lang)}
                        {i === 0 ? <span className="mv-small"> ({translate(m, lang, 'reference')})</span> : null}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {census.map((ind) => (
                    <CompareRow key={ind.id} indicator={ind} codes={codes} byCode={byCode} lang={lang} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>

      {territoriesQ.data && census.length > 0 && codes.length < MAX_COMPARE ? (
        <PeersPanel codes={codes} territories={territories} census={census} byCode={byCode} lang={lang} onAdd={add} />
      ) : null}
    </section>
  );
}
