/**
 * Overview, the landing view: KPI cards of the headline indicators for the country or one chosen territory,
 * and the unverified claims quoted apart from the figures.
 */
import { useQuery } from '@tanstack/react-query';
import { indicatorsQuery, territoriesQuery } from '../../api/queries.ts';
import { pick, translate } from '../../i18n/i18n.ts';
import { headlineIndicators } from '../../transforms/kpi.ts';
import { selectLang, selectTerritories, useViewStore } from '../../state/view-store.ts';
import { updateView } from '../../state/url-sync.ts';
import { EmptyState, PanelSkeleton } from '../../ui/panel-states.tsx';
import { QueryState, datasetError } from '../../ui/query-state.tsx';
import { TerritoryPickerState, TerritorySelect } from '../../ui/territory-select.tsx';
import { overviewMessages as m } from './messages.ts';
import { CARD_MIN_HEIGHT, KpiCard } from './kpi-card.tsx';
import { ClaimsSection } from './claims.tsx';
import { overviewTerritory } from './first-queries.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

/** The overview view (lazy-loaded by the shell). */
export function OverviewView() {
  const lang = useViewStore(selectLang);
  const selected = useViewStore(selectTerritories);
  const territoriesQ = useQuery(territoriesQuery());
  const indicatorsQ = useQuery(indicatorsQuery());

  // One territory only: the first of the selection, the country by default or when the code is unknown.
  const territories = territoriesQ.data ?? [];
  const territory = overviewTerritory(selected, territoriesQ.data);
  const territoryEntry = territories.find((t) => t.code === territory);
  const territoryName = territoryEntry
    ? pick(territoryEntry.name, lang)
    : territory === 'MA'
      ? translate(m, lang, 'national')
      : territory;
  const headlines = indicatorsQ.data ? headlineIndicators(indicatorsQ.data) : [];

  return (
    <section className="mv-view" aria-labelledby="overview-title">
      <div className="mv-view__head">
        <div>
          <h1 id="overview-title">{translate(m, lang, 'title')}</h1>
          <p className="mv-small">{translate(m, lang, 'intro', { territory: territoryName })}</p>
        </div>
        <TerritoryPickerState query={territoriesQ} lang={lang}>
          {(all) => (
            <TerritorySelect
              id="overview-territory"
              label={translate(m, lang, 'pickerLabel')}
              territories={all}
              value={territory}
              lang={lang}
              onChange={(code) => updateView({ territories: code === 'MA' ? [] : [code] })}
            />
          )}
        </TerritoryPickerState>
      </div>

      <QueryState
        query={indicatorsQ}
        lang={lang}
        errorMessage={datasetError('datasetIndicators', lang)}
        loading={
          <div className="mv-grid">
            {[0, 1, 2, 3].map((i) => (
              // The first card names what the page waits for when it is slow; the other three stay quiet, so a
              // screen reader hears it once (issue 16 item 6).
              <PanelSkeleton
                key={i}
                height={CARD_MIN_HEIGHT}
                lang={lang}
                awaiting={i === 0 ? translate(m, lang, 'awaitingCatalogue') : undefined}
                quiet={i > 0}
              />
            ))}
          </div>
        }
      >
        {() =>
          headlines.length === 0 ? (
            <EmptyState lang={lang} message={translate(m, lang, 'noHeadlines')} />
          ) : (
            <div className="mv-grid" aria-label={translate(m, lang, 'kpisHeading')} role="list">
              {headlines.map((ind) => (
                <div role="listitem" key={`${ind.id}|${territory}`}>
                  <KpiCard indicator={ind} territory={territory} territoryName={territoryName} lang={lang} />
                </div>
              ))}
            </div>
          )
        }
      </QueryState>

      {indicatorsQ.data ? <ClaimsSection indicators={indicatorsQ.data} lang={lang} /> : null}
    </section>
  );
}
