/**
 * Loading, empty and error states of a panel, for every view. Each keeps the panel's height, so nothing jumps
 * when data arrives; errors are alerts with the API's message naming the dataset, and a retry. For a panel fed
 * by one query, `QueryState` (query-state.tsx) picks among them.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { chartMessages } from './messages.ts';

/** A fixed-height skeleton (`height` in px, or any CSS length). */
export function PanelSkeleton({ height, lang }: { height: number | string; lang: Lang }) {
  return (
    <div className="skeleton skeleton--panel" style={{ height }} aria-busy="true">
      <span className="visually-hidden">{translate(chartMessages, lang, 'loading')}</span>
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

/** An error with its message and a retry button (role=alert). */
export function ErrorState(props: { message: string; onRetry: () => void; lang: Lang; height?: number }) {
  return (
    <div className="state state--error" role="alert" style={props.height ? { minHeight: props.height } : undefined}>
      <p>{props.message}</p>
      <button type="button" className="button" onClick={props.onRetry}>
        {translate(chartMessages, props.lang, 'retry')}
      </button>
    </div>
  );
}
