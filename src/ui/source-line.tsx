/** The source of a card or row: "Source : HCP, 17 déc. 2024", linked to the source. */
import type { Lang, Source } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatDate } from '../i18n/format.ts';
import { chartMessages as m } from './messages.ts';

/** "Source : HCP, 17 déc. 2024" as a link to the source; `prefix={false}` drops "Source :". */
export function SourceLine({ source, lang, prefix = true }: { source: Source; lang: Lang; prefix?: boolean }) {
  // In Arabic a French publisher ("HCP (conférence … 2024), via Yabiladi") followed by Arabic text got its
  // parentheses and lines scrambled by the bidi algorithm: isolate it (FSI … PDI) so it reads as one run.
  const publisher = lang === 'ar' ? `\u2068${source.publisher}\u2069` : source.publisher;
  const text =
    source.published !== null
      ? translate(m, lang, 'sourceLine', { publisher, date: formatDate(source.published, lang) })
      : translate(m, lang, 'sourceUndated', { publisher, date: formatDate(source.retrieved, lang) });
  return (
    <span className="mv-source">
      {prefix ? `${translate(m, lang, 'sourcePrefix')} ` : null}
      <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
        {text}
      </a>
    </span>
  );
}
