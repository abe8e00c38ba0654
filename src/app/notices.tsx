/**
 * Notices: URL parameters that were dropped, and stored preferences that were reset.
 * A status region (not an alert): the page works, the user is told what was ignored. Dismissible.
 */
import { useSyncExternalStore } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import type { UrlNotice } from '../state/view-state.ts';
import { useViewStore } from '../state/view-store.ts';
import { usePreferences } from '../state/preferences.ts';
import { appMessages } from './messages.ts';
import { OfflineNotice } from './offline-notice.tsx';

/** Human text of one dropped URL parameter. Pure. */
export function noticeText(notice: UrlNotice, lang: Lang): string {
  const reason =
    notice.reason === 'unknown-value'
      ? notice.parameter === 'territories' || notice.parameter === 'indicator'
        ? 'reasonUnknownCode'
        : 'reasonUnknownValue'
      : notice.reason === 'malformed'
        ? 'reasonMalformed'
        : notice.reason === 'too-many'
          ? 'reasonTooMany'
          : 'reasonDuplicate';
  return translate(appMessages, lang, 'noticeItem', {
    param: notice.parameter,
    value: notice.value.length > 60 ? `${notice.value.slice(0, 60)}…` : notice.value,
    reason: translate(appMessages, lang, reason),
  });
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser says it is online (react-query pauses and resumes fetches on the same events). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * The lines of the "address corrected" notice, each said once: a URL repeating a code three times gives two
 * identical "duplicate" notices, and the same sentence twice tells the reader nothing more. Each line is then its
 * own stable key.
 */
export function noticeLines(notices: readonly UrlNotice[], lang: Lang): string[] {
  return [...new Set(notices.map((n) => noticeText(n, lang)))];
}

/** The banner of notices under the header. */
export function Notices({ lang }: { lang: Lang }) {
  const online = useOnline();
  const notices = useViewStore((s) => s.notices);
  const dismiss = useViewStore((s) => s.dismissNotices);
  const problem = usePreferences((s) => s.problem);
  const dismissProblem = usePreferences((s) => s.dismissProblem);
  return (
    <div role="status" className="notices">
      {notices.length > 0 ? (
        <div className="notice">
          <div>
            <strong>{translate(appMessages, lang, 'noticeTitle')}</strong>
            <ul>
              {noticeLines(notices, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            {translate(appMessages, lang, 'noticeDismiss')}
          </button>
        </div>
      ) : null}
      {online ? null : <OfflineNotice lang={lang} />}
      {problem ? (
        <div className="notice">
          <p>{translate(appMessages, lang, problem === 'corrupt' ? 'prefsCorrupt' : 'prefsOutdated')}</p>
          <button type="button" className="button button--quiet" onClick={dismissProblem}>
            {translate(appMessages, lang, 'noticeDismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
