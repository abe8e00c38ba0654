/**
 * Unverified claims attached to indicators (contract `Claim`, `verified: false`): quoted as said, with their
 * source and a visible "not verified" badge. They are text only: a claim is never turned into a number on a chart.
 */
import type { Indicator, Lang } from '../../contract/contract.ts';
import { pick, translate } from '../../i18n/i18n.ts';
import { overviewMessages as m } from './messages.ts';
import { SourceLine } from '../../ui/source-line.tsx';

/** The claims section; renders nothing when no indicator has claims. */
export function ClaimsSection({ indicators, lang }: { indicators: readonly Indicator[]; lang: Lang }) {
  const items = indicators.flatMap((ind) =>
    (ind.claims ?? []).map((claim, i) => ({ ind, claim, key: `${ind.id}-${i}` })),
  );
  if (items.length === 0) return null;
  return (
    <section className="mv-section" aria-labelledby="claims-heading">
      <h2 id="claims-heading">{translate(m, lang, 'claimsHeading')}</h2>
      <p className="mv-small">{translate(m, lang, 'claimsIntro')}</p>
      <ul className="mv-claims">
        {items.map(({ ind, claim, key }) => (
          <li key={key} className="mv-claim" data-verified="false">
            <span className="badge badge--unverified">
              <span aria-hidden="true">⚠ </span>
              {translate(m, lang, 'unverified')}
            </span>
            <figure>
              <blockquote lang={lang}>
                <p>{pick(claim.text, lang)}</p>
              </blockquote>
              <figcaption>
                <span className="mv-small">{translate(m, lang, 'claimAbout', { name: pick(ind.name, lang) })}</span>{' '}
                <SourceLine source={claim.source} lang={lang} />
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
