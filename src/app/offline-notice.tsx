/**
 * The offline notice (issue 16, item 4): while the browser is offline, says so and since when this build's offline
 * copy dates ("Hors ligne — données enregistrées le 5 déc. 2026, 04:30"), or that the copy is incomplete. One block
 * of the notices region (src/app/notices.tsx), which is a polite status region: calm, never an alert.
 */
import type { Lang } from '../contract/contract.ts';
import { LOCALES, translate } from '../i18n/i18n.ts';
import { appMessages } from './messages.ts';
import { offlineMessages } from './offline-messages.ts';
import { useOfflineState } from './sw-register.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

/** Date and time of the offline copy in the reader's language (Latin digits in Arabic, as everywhere). */
export function formatSavedAt(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** The notice's block, for an offline page (the caller decides when the page is offline). */
export function OfflineNotice({ lang }: { lang: Lang }) {
  const { savedAt, missing } = useOfflineState();
  const lead = savedAt !== null || (missing !== null && missing > 0);
  return (
    <div className="notice offline-notice" data-testid="offline-notice">
      <div>
        {savedAt ? (
          <p className="offline-notice__saved">
            {translate(offlineMessages, lang, 'savedAt', { date: formatSavedAt(savedAt, lang) })}
          </p>
        ) : missing !== null && missing > 0 ? (
          <p className="offline-notice__saved">{translate(offlineMessages, lang, 'incomplete')}</p>
        ) : null}
        {/* Said once: after a line that opens with "Hors ligne —", the sentence goes on without its own opening. */}
        <p>{lead ? translate(offlineMessages, lang, 'stillShown') : translate(appMessages, lang, 'offline')}</p>
      </div>
    </div>
  );
}
