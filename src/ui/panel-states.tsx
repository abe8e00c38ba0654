/**
 * Loading, empty and error states of a panel, for every view. Each keeps the panel's height, so nothing jumps
 * when data arrives; errors are alerts with the API's message naming the dataset, and a retry. For a panel fed
 * by one query, `QueryState` (query-state.tsx) picks among them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Lang } from '../contract/contract.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { technicalDetailMessages } from '../i18n/api-error-text.ts';
import { chartMessages } from './messages.ts';

/** After this long without data a skeleton says the data is slow, and what it waits for (issue 16 item 6). */
export const SLOW_LOADING_MS = 3_000;

/** Words of a slow skeleton (exported for tests). */
export const slowLoadingMessages = defineMessages({
  stillLoading: { fr: 'Chargement toujours en cours…', ar: 'لا يزال التحميل جاريًا…', en: 'Still loading…' },
  stillLoadingWhat: {
    fr: 'Chargement toujours en cours… En attente : {what}.',
    ar: 'لا يزال التحميل جاريًا… في انتظار: {what}.',
    en: 'Still loading… Waiting for {what}.',
  },
});

/** Whether `ms` have passed since the component mounted (a timer: the product's behaviour, not a test's wait). */
function useElapsed(ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setElapsed(true), ms);
    return () => window.clearTimeout(timer);
  }, [ms]);
  return elapsed;
}

/**
 * A fixed-height skeleton (`height` in px, or any CSS length). After `SLOW_LOADING_MS` without data it says so
 * in a polite live region ("Chargement toujours en cours… En attente : les observations de l'indicateur."),
 * the region being there from the start so screen readers announce the change.
 */
export function PanelSkeleton({
  height,
  lang,
  awaiting,
  quiet = false,
}: {
  height: number | string;
  lang: Lang;
  /** What is awaited, in the reader's language ("les observations de l'indicateur"); omitted: not named. */
  awaiting?: string;
  /** Never says it is slow: one of a group of skeletons whose first one speaks for all (the overview's cards). */
  quiet?: boolean;
}) {
  const slow = useElapsed(SLOW_LOADING_MS) && !quiet;
  return (
    <div className="skeleton skeleton--panel" style={{ height }} aria-busy="true">
      <span className="visually-hidden">{translate(chartMessages, lang, 'loading')}</span>
      <p className="skeleton__slow" role="status" aria-live="polite" data-slow-loading={slow ? 'true' : undefined}>
        {slow
          ? awaiting
            ? translate(slowLoadingMessages, lang, 'stillLoadingWhat', { what: awaiting })
            : translate(slowLoadingMessages, lang, 'stillLoading')
          : null}
      </p>
    </div>
  );
}

/** "Aucune donnée pour cette sélection", or the caller's own words and actions. */
export function EmptyState({
  height,
  lang,
  message,
  children,
}: {
  height?: number;
  lang: Lang;
  /** Replaces the default "no data for this selection". */
  message?: string;
  /** Actions under the message (e.g. "show the national figure"). */
  children?: ReactNode;
}) {
  return (
    <div className="state state--empty" style={height ? { minHeight: height } : undefined}>
      <p>{message ?? translate(chartMessages, lang, 'empty')}</p>
      {children}
    </div>
  );
}

/**
 * An error with its message and a retry button (role=alert); a technical detail (the validator's words, in
 * English: `apiErrorDetail`) goes behind a disclosure, out of the message the reader reads first.
 */
export function ErrorState(props: {
  message: string;
  onRetry: () => void;
  lang: Lang;
  height?: number | string;
  /** Technical detail, shown behind "Détail technique". */
  detail?: string | undefined;
}) {
  return (
    <div className="state state--error" role="alert" style={props.height ? { minHeight: props.height } : undefined}>
      <p>{props.message}</p>
      {props.detail ? (
        <details className="state__detail">
          <summary>{translate(technicalDetailMessages, props.lang, 'technicalDetail')}</summary>
          <code dir="ltr">{props.detail}</code>
        </details>
      ) : null}
      <button type="button" className="button" onClick={props.onRetry}>
        {translate(chartMessages, props.lang, 'retry')}
      </button>
    </div>
  );
}
