/**
 * Sources panel of a chart: every source of the shown points as a citation (publisher, title, date, "via" a
 * republisher, then the link), each with the points it covers (`sourceGroups`, src/transforms/provenance.ts), then
 * the status, the method and the missing values with their reason. A disclosure (`<details>`), so it is one keypress
 * away and never in the way.
 */
import type { DataStatus, Lang, Source } from '../contract/contract.ts';
import { plural, translate } from '../i18n/i18n.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { MissingItem } from '../transforms/chart-types.ts';
import type { NamedPoint, SourceGroup } from '../transforms/provenance.ts';
import { chartMessages, uiPlurals } from '../ui/messages.ts';
import { StatusBadge } from '../ui/status-badge.tsx';
import { screenCitation } from '../ui/source-line.tsx';
import './sources-panel.css';

/** The list of missing values with their reason (shown under every chart that has gaps). */
export function MissingList({ items, lang, max = 8 }: { items: readonly MissingItem[]; lang: Lang; max?: number }) {
  if (items.length === 0) return null;
  return (
    <div className="missing">
      <p className="missing__title">{translate(chartMessages, lang, 'missing')}</p>
      <ul>
        {items.slice(0, max).map((m) => (
          <li key={`${m.name}-${m.period}`}>
            {translate(chartMessages, lang, 'missingItem', {
              name: m.name,
              period: formatPeriod(m.period, lang),
              reason: m.note
                ? `${translate(chartMessages, lang, m.reason)} — ${m.note}`
                : translate(chartMessages, lang, m.reason),
            })}
          </li>
        ))}
        {items.length > max ? <li>{plural(uiPlurals.moreItems, lang, items.length - max)}</li> : null}
      </ul>
    </div>
  );
}

/** Most territories named under one source; the others are counted. */
const MAX_COVERED_SERIES = 6;
/** Most periods named for one territory under one source. */
const MAX_COVERED_PERIODS = 8;

/** "Maroc : 2021, 2023 ; Rabat-Salé-Kénitra : 2024 et 3 autres territoires": the points a source covers. */
export function coveredPointsText(points: readonly NamedPoint[], lang: Lang): string {
  const bySeries = new Map<string, string[]>();
  for (const p of points) {
    let periods = bySeries.get(p.series);
    if (!periods) bySeries.set(p.series, (periods = []));
    periods.push(p.periodLabel ?? formatPeriod(p.period, lang));
  }
  const list = lang === 'ar' ? '، ' : ', ';
  const parts = [...bySeries].slice(0, MAX_COVERED_SERIES).map(([series, periods]) => {
    const shown = periods.slice(0, MAX_COVERED_PERIODS).join(list);
    const text = periods.length > MAX_COVERED_PERIODS ? `${shown}${list}…` : shown;
    return translate(chartMessages, lang, 'coveredSeries', { name: series, periods: text });
  });
  const more = bySeries.size - MAX_COVERED_SERIES;
  const text = parts.join(lang === 'ar' ? '؛ ' : lang === 'fr' ? ' ; ' : '; ');
  return more > 0 ? `${text} ${plural(uiPlurals.moreTerritories, lang, more)}` : text;
}

/** One source as a citation, the link last (as a link), the date it was read, and the points it covers. */
function Citation({ group, lang, alone }: { group: SourceGroup; lang: Lang; alone: boolean }) {
  const { source } = group;
  const t = (k: keyof typeof chartMessages) => translate(chartMessages, lang, k);
  return (
    <li className="sources__item">
      <p className="sources__citation">
        <cite>{screenCitation(source, lang)}</cite>
        {' — '}
        <a href={source.url} rel="noreferrer noopener" target="_blank" dir="ltr" className="sources__url">
          {source.url}
        </a>
      </p>
      <p className="sources__detail">
        {translate(chartMessages, lang, 'retrievedOn', { date: formatDate(source.retrieved, lang) })}
      </p>
      <p className="sources__detail">
        {group.indicatorSource ? <strong>{t('indicatorSource')} </strong> : null}
        {alone && group.indicatorSource
          ? t('coversAll')
          : translate(chartMessages, lang, 'covers', { points: coveredPointsText(group.points, lang) })}
      </p>
    </li>
  );
}

/** Props of {@link SourcesPanel}. */
export interface SourcesPanelProps {
  /** The indicator's source (listed alone when `sources` is not given). */
  source: Source;
  /** The sources of the shown points with the points each covers (`sourceGroups`), the indicator's first. */
  sources?: readonly SourceGroup[] | undefined;
  status: DataStatus;
  method: string;
  lang: Lang;
  missing?: readonly MissingItem[] | undefined;
}

/** The sources panel. */
export function SourcesPanel(props: SourcesPanelProps) {
  const { lang } = props;
  const t = (k: keyof typeof chartMessages) => translate(chartMessages, lang, k);
  const groups: readonly SourceGroup[] =
    props.sources && props.sources.length > 0
      ? props.sources
      : [{ source: props.source, indicatorSource: true, points: [] }];
  return (
    <details className="sources">
      <summary>{t('sources')}</summary>
      <ol className="sources__citations" aria-label={t('citations')}>
        {groups.map((g) => (
          <Citation
            key={`${g.indicatorSource ? 'indicator' : 'point'}|${g.source.url}|${g.source.title}`}
            group={g}
            lang={lang}
            alone={groups.length === 1}
          />
        ))}
      </ol>
      <dl className="sources__list">
        <dt>{t('status')}</dt>
        <dd>
          <StatusBadge status={props.status} lang={lang} />
        </dd>
        <dt>{t('method')}</dt>
        <dd>{props.method}</dd>
      </dl>
      {props.missing ? <MissingList items={props.missing} lang={lang} max={50} /> : null}
    </details>
  );
}
