/**
 * The loading / error / stale ladder of a panel fed by one react-query result, in one place so every view
 * says the same thing the same way (issue 12): no data yet → a fixed-height skeleton; no data and an error →
 * the error with a retry; data and an error (a refresh failed) → the data stays, under a stale notice that says
 * since when it is shown and offers a retry.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../contract/contract.ts';
import { LOCALES, translate } from '../i18n/i18n.ts';
import { apiErrorDetail, apiErrorText } from '../i18n/api-error-text.ts';
import { ErrorState, PanelSkeleton } from './panel-states.tsx';
import { chartMessages } from './messages.ts';

/** The parts of a react-query result the ladder reads (a `UseQueryResult<T>` fits). */
export interface QueryLike<T> {
  data: T | undefined;
  /** `null` when the last fetch succeeded. */
  error: unknown;
  /** When the data shown was fetched (ms since the epoch). */
  dataUpdatedAt: number;
  refetch: () => unknown;
}

/**
 * "Impossible de charger « territoires ». erreur HTTP 500 — …": the dataset named, then what happened in the
 * reader's language. Pure.
 */
export function loadErrorText(dataset: string, error: unknown, lang: Lang): string {
  return `${translate(chartMessages, lang, 'loadError', { dataset })} ${apiErrorText(error, lang)}`;
}

/** Datasets the views load, named in their errors (keys of the UI kit's messages). */
export type DatasetKey = 'datasetTerritories' | 'datasetIndicators' | 'datasetObservations' | 'datasetProjects';

/**
 * The `errorMessage` of a query loading one of the views' datasets, e.g.
 * `datasetError('datasetObservations', lang, { name })` → "Impossible de charger « observations : Chômage ». …".
 */
export function datasetError(
  dataset: DatasetKey,
  lang: Lang,
  vars?: Record<string, string>,
): (error: unknown) => string {
  return (error) => loadErrorText(translate(chartMessages, lang, dataset, vars), error, lang);
}

/** The date and time data was fetched, short, in the reader's locale ("04/12/2026 22:58"). Pure. */
export function formatUpdatedAt(updatedAt: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(updatedAt);
}

/** Props of `StaleNotice`. */
export interface StaleNoticeProps {
  /** What failed, naming the dataset (e.g. from `loadErrorText`). */
  message: string;
  /** When the data still shown was fetched (react-query's `dataUpdatedAt`). */
  updatedAt: number;
  onRetry: () => void;
  lang: Lang;
}

/** A refresh failed while older data is still shown: keep it, say since when, offer a retry (role=alert). */
export function StaleNotice({ message, updatedAt, onRetry, lang }: StaleNoticeProps) {
  return (
    <div className="state state--stale" role="alert" data-stale="true">
      <p>
        {message} · {translate(chartMessages, lang, 'stale', { time: formatUpdatedAt(updatedAt, lang) })}{' '}
        <button type="button" className="button button--small" onClick={onRetry}>
          {translate(chartMessages, lang, 'retry')}
        </button>
      </p>
    </div>
  );
}

/** Whether a query holds data and its last refresh failed (the stale case). */
export function isStale(query: QueryLike<unknown>): boolean {
  return query.data !== undefined && query.error != null;
}

/** The stale notice of one query, or nothing when it is not stale. */
export function QueryStaleNotice<T>({
  query,
  errorMessage,
  lang,
}: {
  query: QueryLike<T>;
  /** The error in words, naming the dataset. */
  errorMessage: (error: unknown) => string;
  lang: Lang;
}) {
  if (!isStale(query)) return null;
  return (
    <StaleNotice
      message={errorMessage(query.error)}
      updatedAt={query.dataUpdatedAt}
      onRetry={() => void query.refetch()}
      lang={lang}
    />
  );
}

/** Props of `QueryState`. */
export interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** The error in words, naming the dataset (e.g. `(e) => loadErrorText(name, e, lang)`). */
  errorMessage: (error: unknown) => string;
  lang: Lang;
  /** Height kept by the skeleton and the error (px, or a CSS length), so nothing jumps when data arrives. */
  height?: number | string;
  /** Shown while loading instead of the default skeleton (e.g. a grid of card skeletons). */
  loading?: ReactNode;
  /** What the default skeleton names when the data is slow ("les observations de l'indicateur"). */
  awaiting?: string;
  /** Whether to show the stale notice above the data (default true; false when the caller shows it elsewhere). */
  staleNotice?: boolean;
  /** The panel itself, given the data. */
  children: (data: T) => ReactNode;
}

/** The whole ladder for one query: skeleton, error with retry, or the data (under a stale notice if need be). */
export function QueryState<T>({
  query,
  errorMessage,
  lang,
  height = 120,
  loading,
  awaiting,
  staleNotice = true,
  children,
}: QueryStateProps<T>) {
  if (query.data === undefined) {
    if (query.error != null)
      return (
        <ErrorState
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
          lang={lang}
          height={height}
          detail={apiErrorDetail(query.error)}
        />
      );
    return loading ?? <PanelSkeleton height={height} lang={lang} awaiting={awaiting} />;
  }
  return (
    <>
      {staleNotice ? <QueryStaleNotice query={query} errorMessage={errorMessage} lang={lang} /> : null}
      {children(query.data)}
    </>
  );
}
