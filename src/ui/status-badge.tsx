/**
 * The data status badge: official / estimate / illustrative, always in words (never colour alone), one class
 * family (`.badge`, `.badge--<status>` in src/styles/global.css) and one wording (src/i18n/status-label.ts) for
 * every view.
 */
import type { DataStatus, Lang } from '../contract/contract.ts';
import { statusText, statusTitle } from '../i18n/status-label.ts';

/** A badge naming the status of the data shown. */
export function StatusBadge({ status, lang }: { status: DataStatus; lang: Lang }) {
  return (
    <span className={`badge badge--${status}`} title={statusTitle(status, lang)} data-status={status}>
      {/* A second, non-colour cue for the one status that must not be quoted. */}
      {status === 'illustrative' ? <span aria-hidden="true">⚠ </span> : null}
      {statusText(status, lang)}
    </span>
  );
}
