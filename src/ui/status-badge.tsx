/** Data status badge: official / estimate / illustrative, always in words (never colour alone). */
import type { DataStatus, Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { chartMessages } from './messages.ts';

/** A badge naming the status of the data shown. */
export function StatusBadge({ status, lang }: { status: DataStatus; lang: Lang }) {
  return (
    <span
      className={`badge badge--${status}`}
      title={translate(chartMessages, lang, 'statusLabel', { status: translate(chartMessages, lang, status) })}
    >
      {translate(chartMessages, lang, status)}
    </span>
  );
}
