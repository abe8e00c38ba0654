/**
 * Step 4 of the import: which name of the file was matched to which territory, and the names that matched nothing,
 * each to match from a searchable list of the 88 territories or to skip. Nothing is dropped silently: a name stays
 * listed until the user chose. A choice can be undone.
 */
import { useId, useState } from 'react';
import type { Lang, Territory } from '../../contract/contract.ts';
import { formatNumber } from '../../i18n/format.ts';
import { pick, plural, translate } from '../../i18n/i18n.ts';
import type { TerritoryMatch, UnmatchedLabel } from '../../import/types.ts';
import { matchesTerritory } from '../../ui/territory-filter/search.ts';
import { FileText } from './file-text.tsx';
import { importMessages as m, importPlurals as p } from './messages.ts';

type Matches = Record<string, string | null>;

function territoryLabel(code: string, byCode: ReadonlyMap<string, Territory>, lang: Lang): string {
  const t = byCode.get(code);
  return t ? `${pick(t.name, lang)} (${code})` : code;
}

/** One name that matched nothing: search, choose, match — or skip. */
function UnmatchedRow({
  item,
  territories,
  byCode,
  lang,
  onChoose,
}: {
  item: UnmatchedLabel;
  territories: readonly Territory[];
  byCode: ReadonlyMap<string, Territory>;
  lang: Lang;
  onChoose: (code: string | null) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [code, setCode] = useState(item.suggestions[0] ?? '');
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const matching = territories.filter((x) => matchesTerritory(x, query));
  const suggestions = item.suggestions.filter((c) => matching.some((x) => x.code === c));
  const levels: { key: 'country' | 'regions' | 'provinces'; list: Territory[] }[] = [
    { key: 'country', list: matching.filter((x) => x.level === 'country') },
    { key: 'regions', list: matching.filter((x) => x.level === 'region') },
    {
      key: 'provinces',
      list: matching
        .filter((x) => x.level === 'province')
        .sort((a, b) => pick(a.name, lang).localeCompare(pick(b.name, lang), lang)),
    },
  ];
  const selected = matching.some((x) => x.code === code) ? code : (matching[0]?.code ?? '');
  return (
    <li className="import-unmatched__item" data-unmatched={item.label}>
      <p className="import-unmatched__label">
        {/* The label as written in the file: React writes it as text (markup and formulas stay inert). */}
        <FileText text={item.label} />{' '}
        <span className="muted">
          {t(item.rowNumbers.length > 0 ? 'rowsAt' : 'rowsOnly', {
            rows: plural(p.rows, lang, item.rows, { n: formatNumber(item.rows, lang, 0) }),
            list: item.rowNumbers.slice(0, 5).join(lang === 'ar' ? '، ' : ', '),
          })}
        </span>
      </p>
      <div className="import-unmatched__controls">
        <label className="field" htmlFor={`${id}-q`}>
          <span>{t('search')}</span>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            aria-label={t('searchFor', { name: item.label })}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <label className="field" htmlFor={`${id}-s`}>
          <span>{t('colTerritory')}</span>
          <select
            id={`${id}-s`}
            value={selected}
            aria-label={t('matchFor', { name: item.label })}
            onChange={(e) => setCode(e.currentTarget.value)}
          >
            {suggestions.length > 0 ? (
              <optgroup label="★">
                {suggestions.map((c) => (
                  <option key={`s-${c}`} value={c}>
                    {territoryLabel(c, byCode, lang)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {levels
              .filter((g) => g.list.length > 0)
              .map((g) => (
                <optgroup key={g.key} label={t(g.key)}>
                  {g.list.map((x) => (
                    <option key={x.code} value={x.code}>
                      {`${pick(x.name, lang)} (${x.code})`}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </label>
        <div className="import-actions">
          <button
            type="button"
            className="button button--small"
            disabled={!selected}
            onClick={() => onChoose(selected)}
            aria-label={`${t('matchFor', { name: item.label })} : ${selected ? territoryLabel(selected, byCode, lang) : ''}`}
          >
            {t('matchedTo', { territory: selected ? territoryLabel(selected, byCode, lang) : '' })}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => onChoose(null)}>
            {t('skip')}
          </button>
        </div>
      </div>
    </li>
  );
}

/** Step 4: matched names, the user's own choices (with undo) and the names left to match or skip. */
export function TerritoriesStep({
  matches,
  unmatched,
  choices,
  territories,
  lang,
  onChoose,
  onUndo,
}: {
  matches: readonly TerritoryMatch[];
  unmatched: readonly UnmatchedLabel[];
  /** The user's choices so far: label → code, or null (skipped). */
  choices: Matches;
  territories: readonly Territory[];
  lang: Lang;
  onChoose: (label: string, code: string | null) => void;
  onUndo: (label: string) => void;
}) {
  const id = useId();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const byCode = new Map(territories.map((x) => [x.code, x]));
  const automatic = matches.filter((x) => x.by !== 'manual');
  const chosen = Object.entries(choices);
  return (
    <section className="import-section" aria-labelledby={`${id}-h`} data-step="territories">
      <h3 id={`${id}-h`} className="import-section__title">
        {t('stepTerritories')}
      </h3>
      <p data-matched={automatic.length}>
        {plural(p.matched, lang, automatic.length, { n: formatNumber(automatic.length, lang, 0) })}
        {unmatched.length > 0 ? (
          <>
            {' · '}
            <strong data-unmatched-count={unmatched.length}>
              {plural(p.unmatched, lang, unmatched.length, { n: formatNumber(unmatched.length, lang, 0) })}
            </strong>
          </>
        ) : null}
      </p>
      {automatic.length > 0 ? (
        <details className="import-details">
          <summary>{t('showMatches')}</summary>
          <div className="import-scroll">
            <table className="import-table">
              <caption className="visually-hidden">{t('matchedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colTerritory')}</th>
                  <th scope="col">{t('colRows')}</th>
                </tr>
              </thead>
              <tbody>
                {automatic.map((x) => (
                  <tr key={x.label}>
                    <td>
                      <FileText text={x.label} />
                    </td>
                    <td>{territoryLabel(x.code, byCode, lang)}</td>
                    <td className="import-num">{formatNumber(x.rows, lang, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {chosen.length > 0 ? (
        <ul className="import-chosen">
          {chosen.map(([label, code]) => (
            <li key={label} data-chosen={label}>
              <FileText text={label} />{' '}
              {code === null ? (
                <span className="muted">({t('skipped')})</span>
              ) : (
                <span>{t('matchedTo', { territory: territoryLabel(code, byCode, lang) })}</span>
              )}{' '}
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`${t('undo')} : ${label}`}
                onClick={() => onUndo(label)}
              >
                {t('undo')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {unmatched.length > 0 ? (
        <div className="import-unmatched">
          <h4 className="import-subtitle">{t('unmatchedTitle')}</h4>
          <p className="muted">{t('unmatchedHelp')}</p>
          <ul className="import-unmatched__list">
            {unmatched.map((item) => (
              <UnmatchedRow
                key={item.label}
                item={item}
                territories={territories}
                byCode={byCode}
                lang={lang}
                onChoose={(code) => onChoose(item.label, code)}
              />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
