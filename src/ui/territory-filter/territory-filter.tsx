/**
 * Searchable multi-select over country → regions → provinces, as a list of labelled checkboxes
 * (fully keyboard-operable with native semantics). Choosing a region narrows the province list; quick
 * picks; removable chips (button, Delete or Backspace); a cap with a clear message.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Lang, Territory } from '../../contract/contract.ts';
import { plural, translate } from '../../i18n/i18n.ts';
import { MAX_TERRITORIES, SOFT_MAX_TERRITORIES } from '../../transforms/selection.ts';
import { filterMessages, filterPlurals } from './messages.ts';
import { pickCodes, toggleCode, visibleTerritories } from './search.ts';

/** Props of `TerritoryFilter`. */
export interface TerritoryFilterProps {
  territories: readonly Territory[];
  /** Selected codes, in selection order. */
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  lang: Lang;
  /** Most territories selectable at once. */
  cap?: number;
  /** Beyond this many, a visible note says the chart gets hard to read (the selection is still allowed). */
  softLimit?: number;
}

/** The territory filter. */
export function TerritoryFilter({
  territories,
  selected,
  onChange,
  lang,
  cap = MAX_TERRITORIES,
  softLimit = SOFT_MAX_TERRITORIES,
}: TerritoryFilterProps) {
  const t = (k: keyof typeof filterMessages, vars?: Record<string, string | number>) =>
    translate(filterMessages, lang, k, vars);
  const id = useId();
  const [query, setQuery] = useState('');
  const [region, setRegion] = useState<string | null>(null);
  const [capMessage, setCapMessage] = useState<'cap' | 'capCut' | null>(null);
  const byCode = useMemo(() => new Map(territories.map((x) => [x.code, x])), [territories]);
  const regions = useMemo(() => territories.filter((x) => x.level === 'region'), [territories]);
  const provinces = useMemo(() => territories.filter((x) => x.level === 'province'), [territories]);
  const visible = useMemo(() => visibleTerritories(territories, query, region), [territories, query, region]);
  const selectedSet = new Set(selected);
  const atCap = selected.length >= cap;

  const toggle = (code: string) => {
    const r = toggleCode(selected, code, cap);
    setCapMessage(r.capped ? 'cap' : null);
    if (!r.capped) onChange(r.selected);
  };
  const pick = (codes: string[]) => {
    const r = pickCodes(codes, cap);
    setCapMessage(r.capped ? 'capCut' : null);
    onChange(r.selected);
  };
  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, code: string) => {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      toggle(code);
    }
  };

  const group = (title: string, list: Territory[]) =>
    list.length === 0 ? null : (
      <fieldset className="territory-filter__group">
        <legend>{title}</legend>
        <ul>
          {list.map((x) => {
            const checked = selectedSet.has(x.code);
            return (
              <li key={x.code}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={checked}
                    aria-disabled={!checked && atCap ? true : undefined}
                    onChange={() => toggle(x.code)}
                  />
                  <span>{x.name[lang]}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );

  const regionName = region ? byCode.get(region)?.name[lang] : undefined;
  return (
    <section className="territory-filter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('title')}
      </h2>
      <div className="chips" aria-label={t('selected', { n: selected.length, max: cap })} role="group">
        <p className="chips__title">{t('selected', { n: selected.length, max: cap })}</p>
        {selected.length === 0 ? <p className="muted">{t('none')}</p> : null}
        <ul>
          {selected.map((code) => {
            const name = byCode.get(code)?.name[lang] ?? code;
            return (
              <li key={code}>
                <button
                  type="button"
                  className="chip"
                  aria-label={t('remove', { name })}
                  onClick={() => toggle(code)}
                  onKeyDown={(e) => onChipKey(e, code)}
                >
                  <span>{name}</span>
                  <span aria-hidden="true" className="chip__x">
                    ×
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <p role="status" className={capMessage ? 'cap-message' : 'visually-hidden'}>
        {capMessage ? plural(filterPlurals[capMessage], lang, cap) : ''}
      </p>
      {selected.length > softLimit && softLimit < cap ? (
        <p className="cap-message soft-limit-message">{plural(filterPlurals.softLimit, lang, softLimit)}</p>
      ) : null}
      <div className="quick-picks" role="group" aria-label={t('quickPicks')}>
        <button type="button" className="button button--small" onClick={() => pick(regions.map((r) => r.code))}>
          {t('pickAllRegions')}
        </button>
        <button type="button" className="button button--small" onClick={() => pick(provinces.map((p) => p.code))}>
          {t('pickAllProvinces')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={region === null}
          onClick={() =>
            pick(territories.filter((x) => x.level === 'province' && x.parent === region).map((x) => x.code))
          }
        >
          {regionName ? t('pickProvincesOf', { region: regionName }) : t('pickProvinces')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => pick([])}>
          {t('clear')}
        </button>
      </div>
      <label className="field">
        <span>{t('search')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <label className="field">
        <span>{t('region')}</span>
        <select
          value={region ?? ''}
          onChange={(e) => setRegion(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">{t('allRegionsOption')}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <div className="territory-filter__list">
        {group(t('country'), visible.country)}
        {group(t('regions'), visible.regions)}
        {group(t('provinces'), visible.provinces)}
        {visible.country.length + visible.regions.length + visible.provinces.length === 0 ? (
          <p className="muted">{t('noMatch')}</p>
        ) : null}
      </div>
    </section>
  );
}
