/**
 * Sources panel of a chart: publisher, title, link, dates, method, status, per-point sources and
 * missing-value reasons. A disclosure (`<details>`), so it is one keypress away and never in the way.
 */
import type { DataStatus, Lang, Source } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { MissingItem, PointSource } from '../transforms/chart-types.ts';
import { chartMessages } from '../ui/messages.ts';
import { StatusBadge } from '../ui/status-badge.tsx';

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
        {items.length > max ? <li>… (+{items.length - max})</li> : null}
      </ul>
    </div>
  );
}

/** The sources panel. */
export function SourcesPanel(props: {
  source: Source;
  status: DataStatus;
  method: string;
  lang: Lang;
  pointSources?: readonly PointSource[];
  missing?: readonly MissingItem[];
}) {
  const { source, lang } = props;
  const t = (k: keyof typeof chartMessages) => translate(chartMessages, lang, k);
  return (
    <details className="sources">
      <summary>{t('sources')}</summary>
      <dl className="sources__list">
        <dt>{t('publisher')}</dt>
        <dd>{source.publisher}</dd>
        <dt>{t('titleLabel')}</dt>
        <dd>{source.title}</dd>
        <dt>{t('link')}</dt>
        <dd>
          <a href={source.url} rel="noreferrer noopener" target="_blank" dir="ltr">
            {source.url}
          </a>
        </dd>
        <dt>{t('published')}</dt>
        <dd>{source.published ? formatDate(source.published, lang) : t('notGiven')}</dd>
        <dt>{t('retrieved')}</dt>
        <dd>{formatDate(source.retrieved, lang)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <StatusBadge status={props.status} lang={lang} />
        </dd>
        <dt>{t('method')}</dt>
        <dd>{props.method}</dd>
      </dl>
      {props.pointSources && props.pointSources.length > 0 ? (
        <>
          <p className="sources__subtitle">{t('pointSources')}</p>
          <ul>
            {props.pointSources.map((p) => (
              <li key={`${p.territory}-${p.period}-${p.source.url}`}>
                {formatPeriod(p.period, lang)} · {p.territory} —{' '}
                <a href={p.source.url} rel="noreferrer noopener" target="_blank">
                  {p.source.publisher}, {p.source.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.missing ? <MissingList items={props.missing} lang={lang} max={50} /> : null}
    </details>
  );
}
