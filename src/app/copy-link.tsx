/**
 * "Copy link": the clipboard API where allowed; otherwise the link is shown, selected, for manual copy.
 */
import { useRef, useState } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { currentViewLink } from '../state/url-sync.ts';
import { appMessages } from './messages.ts';

/** The copy-link button with its fallback. */
export function CopyLink({ lang }: { lang: Lang }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'fallback'; link: string }>({
    kind: 'idle',
  });
  const inputRef = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const link = currentViewLink();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setState({ kind: 'copied' });
      window.setTimeout(() => setState((s) => (s.kind === 'copied' ? { kind: 'idle' } : s)), 2500);
    } catch {
      setState({ kind: 'fallback', link });
      window.setTimeout(() => inputRef.current?.select(), 0);
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        {translate(appMessages, lang, 'copyLink')}
      </button>
      <span role="status" className="copy-link__status">
        {state.kind === 'copied' ? translate(appMessages, lang, 'copied') : ''}
        {state.kind === 'fallback' ? translate(appMessages, lang, 'copyFallback') : ''}
      </span>
      {state.kind === 'fallback' ? (
        <span className="copy-link__fallback">
          <label>
            <span className="visually-hidden">{translate(appMessages, lang, 'linkLabel')}</span>
            <input ref={inputRef} readOnly value={state.link} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" className="button button--quiet" onClick={() => setState({ kind: 'idle' })}>
            {translate(appMessages, lang, 'close')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
