/**
 * Small parts shared by the overview, compare and projects views: data-status badge, source line, error box with
 * retry, fixed-size skeleton and the single-territory picker. Kept here (not in src/charts/) because they are about
 * cards and lists, not charts.
 */
import type { ReactNode } from 'react';
import type { DataStatus, Lang, Source, Territory } from '../../contract/contract.ts';
import { LOCALES, pick, translate } from '../../i18n/i18n.ts';
import { apiErrorText } from '../../i18n/api-error-text.ts';
import { formatDate } from '../../i18n/format.ts';
import { STATUS_COLORS } from '../../transforms/palette.ts';
import { commonMessages } from './messages.ts';

const STATUS_KEY = {
  official: 'statusOfficial',
  estimate: 'statusEstimate',
  illustrative: 'statusIllustrative',
} as const;

/** The status in words, in a language. */
export function statusText(status: DataStatus, lang: Lang): string {
  return translate(commonMessages, lang, STATUS_KEY[status]);
}

/** Data status as a badge: text always, colour only as a second cue. */
export function StatusBadge({ status, lang }: { status: DataStatus; lang: Lang }) {
  const c = STATUS_COLORS[status];
  const text = statusText(status, lang);
  return (
    <span
      className={`mv-badge mv-badge--${status}`}
      style={{ color: c.fg, backgroundColor: c.bg }}
      title={translate(commonMessages, lang, 'statusLabel', { status: text })}
      data-status={status}
    >
      {status === 'illustrative' ? '⚠ ' : ''}
      {text}
    </span>
  );
}

/** "Source : HCP, 17 déc. 2024" as a link to the source. */
export function SourceLine({ source, lang, prefix = true }: { source: Source; lang: Lang; prefix?: boolean }) {
  // In Arabic a French publisher ("HCP (conférence … 2024), via Yabiladi") followed by Arabic text got its
  // parentheses and lines scrambled by the bidi algorithm: isolate it (FSI … PDI) so it reads as one run.
  const publisher = lang === 'ar' ? `\u2068${source.publisher}\u2069` : source.publisher;
  const text =
    source.published !== null
      ? translate(commonMessages, lang, 'sourceLine', {
          publisher,
          date: formatDate(source.published, lang),
        })
      : translate(commonMessages, lang, 'sourceUndated', {
          publisher,
          date: formatDate(source.retrieved, lang),
        });
  return (
    <span className="mv-source">
      {prefix ? `${translate(commonMessages, lang, 'source')} ` : null}
      <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
        {text}
      </a>
    </span>
  );
}

/** Error state of one panel: names the dataset, says what happened in the reader's language, offers a retry. */
export function QueryError({
  dataset,
  error,
  onRetry,
  lang,
}: {
  dataset: string;
  error: unknown;
  onRetry: () => void;
  lang: Lang;
}) {
  const detail = apiErrorText(error, lang);
  return (
    <div role="alert" className="mv-error">
      <p>
        <strong>{translate(commonMessages, lang, 'loadError', { dataset })}</strong> <span>{detail}</span>
      </p>
      <button type="button" onClick={onRetry}>
        {translate(commonMessages, lang, 'retry')}
      </button>
    </div>
  );
}

/**
 * A refresh failed but earlier data is still there: keep showing it, say it is stale and since when, offer a retry.
 */
export function StaleNotice({
  dataset,
  error,
  updatedAt,
  onRetry,
  lang,
}: {
  dataset: string;
  error: unknown;
  updatedAt: number;
  onRetry: () => void;
  lang: Lang;
}) {
  const time = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(updatedAt);
  const detail = apiErrorText(error, lang);
  return (
    <div role="alert" className="mv-error mv-error--stale" data-stale="true">
      <p>
        <strong>{translate(commonMessages, lang, 'stale', { dataset, time })}</strong> <span>{detail}</span>
      </p>
      <button type="button" onClick={onRetry}>
        {translate(commonMessages, lang, 'retry')}
      </button>
    </div>
  );
}

/** The parts of a react-query result the stale notice needs. */
interface RefetchableQuery {
  isError: boolean;
  data: unknown;
  error: unknown;
  dataUpdatedAt: number;
  refetch: () => unknown;
}

/**
 * The stale notice for one query: shown only when a refresh failed while earlier data is still on screen.
 * One place for the rule, so every panel marks stale data the same way.
 */
export function StaleQueryNotice({ query, dataset, lang }: { query: RefetchableQuery; dataset: string; lang: Lang }) {
  if (!query.isError || query.data === undefined) return null;
  return (
    <StaleNotice
      lang={lang}
      dataset={dataset}
      error={query.error}
      updatedAt={query.dataUpdatedAt}
      onRetry={() => void query.refetch()}
    />
  );
}

/** A fixed-size placeholder, so nothing jumps when the data arrives. */
export function Skeleton({ height, lang, children }: { height: number | string; lang: Lang; children?: ReactNode }) {
  return (
    <div className="mv-skeleton" style={{ blockSize: height }} aria-busy="true">
      <span className="mv-visually-hidden">{translate(commonMessages, lang, 'loading')}</span>
      {children}
    </div>
  );
}

/** Territories grouped for a `<select>`: the country, the regions, then each region's provinces. */
export function territoryGroups(
  territories: readonly Territory[],
  lang: Lang,
): { label: string; options: { code: string; label: string }[] }[] {
  const byName = (a: Territory, b: Territory) => pick(a.name, lang).localeCompare(pick(b.name, lang), lang);
  const country = territories.filter((t) => t.level === 'country');
  const regions = territories.filter((t) => t.level === 'region').sort((a, b) => (a.code < b.code ? -1 : 1));
  const groups = [
    {
      label: translate(commonMessages, lang, 'country'),
      options: country.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    },
    {
      label: translate(commonMessages, lang, 'regions'),
      options: regions.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    },
  ];
  for (const r of regions) {
    const provinces = territories.filter((t) => t.level === 'province' && t.parent === r.code).sort(byName);
    if (provinces.length === 0) continue;
    groups.push({
      label: translate(commonMessages, lang, 'provincesOf', { region: pick(r.name, lang) }),
      options: provinces.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    });
  }
  return groups.filter((g) => g.options.length > 0);
}

/** A labelled single-territory `<select>` grouped by level. */
export function TerritorySelect({
  id,
  label,
  territories,
  value,
  onChange,
  lang,
  allLabel,
  disabled,
}: {
  id: string;
  label: string;
  territories: readonly Territory[];
  value: string;
  onChange: (code: string) => void;
  lang: Lang;
  /** When given, a first option with value "" (e.g. "all territories"). */
  allLabel?: string;
  /** Codes shown but not selectable (e.g. already compared): they keep their group's structure. */
  disabled?: ReadonlySet<string>;
}) {
  return (
    <div className="mv-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {territoryGroups(territories, lang).map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.code} value={o.code} disabled={disabled?.has(o.code)}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
