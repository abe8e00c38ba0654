/**
 * Error boundaries: one around the whole app (never a white screen), one per view and one per panel,
 * so a failing chart never blanks the rest of the page. The way back keeps the URL state.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { isChunkLoadError } from './lazy-retry.ts';
import { chartMessages } from './messages.ts';

/** Props of `ErrorBoundary`. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Renders the fallback; `reset` clears the error and renders the children again. */
  fallback: (error: Error, reset: () => void) => ReactNode;
  /** When any of these change, a caught error is cleared (e.g. the user picked another indicator). */
  resetKeys?: readonly unknown[];
}

interface ErrorBoundaryState {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

/** A generic error boundary (React still needs a class for this). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    const a = props.resetKeys ?? [];
    const b = state.keys ?? [];
    const changed = a.length !== b.length || a.some((k, i) => !Object.is(k, b[i]));
    if (changed) return { keys: props.resetKeys, error: state.error && changed ? null : state.error };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Logged as a warning, not an error: the fallback already tells the user, and e2e tests treat
    // console errors as failures of the page, which a contained panel failure is not.
    console.warn('[mouchir] caught by error boundary:', error.message, info.componentStack ?? '');
    // A part whose code failed to load (offline) may load on the next render — Retry, a reset key or a
    // remount — now that the failure is on screen (src/ui/lazy-retry.ts explains why not earlier).
    if (isChunkLoadError(error)) error.allowRetry();
  }

  reset = (): void => this.setState({ error: null });

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, this.reset);
    return this.props.children;
  }
}

/** Message key of a fallback: code that could not be loaded (offline?) or an error while rendering. */
function fallbackMessage(error: Error, scope: 'panel' | 'view'): keyof typeof chartMessages {
  if (isChunkLoadError(error)) return scope === 'view' ? 'viewLoadError' : 'panelLoadError';
  return scope === 'view' ? 'viewError' : 'panelError';
}

/**
 * Fallback of a panel: the message and a retry, role=alert. Code that could not be loaded says so (and
 * that the network may be down) instead of the browser's message with a chunk URL.
 */
export function PanelErrorFallback(props: {
  lang: Lang;
  error: Error;
  onRetry: () => void;
  scope?: 'panel' | 'view';
  onBack?: () => void;
}) {
  const { lang } = props;
  return (
    <div className="state state--error" role="alert">
      <p>
        {translate(chartMessages, lang, fallbackMessage(props.error, props.scope ?? 'panel'), {
          message: props.error.message,
        })}
      </p>
      <div className="state__actions">
        <button type="button" className="button" onClick={props.onRetry}>
          {translate(chartMessages, lang, 'retry')}
        </button>
        {props.onBack ? (
          <button type="button" className="button button--quiet" onClick={props.onBack}>
            {translate(chartMessages, lang, 'backToOverview')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
