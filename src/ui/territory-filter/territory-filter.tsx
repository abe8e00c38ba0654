/**
 * Searchable multi-select over country → regions → provinces, as a list of labelled checkboxes
 * (native semantics). Choosing a region narrows the province list; quick picks; removable chips (button,
 * Delete or Backspace); a cap with a clear message.
 *
 * The list is ONE tab stop (issue 16): a roving tabindex over the checkboxes, in a labelled group. One
 * checkbox has tabIndex 0 (the last one focused while it is still shown, else the first checked one shown,
 * else the first shown), the others -1; ArrowDown/ArrowUp move across the groups, Home/End go to the ends,
 * PageDown/PageUp jump 10, a letter goes to the next territory whose name starts with it, Space toggles
 * (native). Up and down in every direction, so RTL works the same. Native checkboxes rather than an ARIA
 * listbox: screen readers announce "checkbox, checked" and the group legends everywhere, whereas
 * multi-select listboxes with grouped options are announced unevenly (aria-selected vs checked).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang, Territory } from '../../contract/contract.ts';
import { plural, translate } from '../../i18n/i18n.ts';
import { MAX_TERRITORIES, SOFT_MAX_TERRITORIES } from '../../transforms/selection.ts';
import { filterMessages, filterPlurals } from './messages.ts';
import { normalizeForSearch, pickCodes, toggleCode, visibleTerritories } from './search.ts';

/** Where a key moves the roving focus in a list of `count` items from `index`, or null for a key it ignores. */
export function rovingTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(index + 10, count - 1);
    case 'PageUp':
      return Math.max(index - 10, 0);
    default:
      return null;
  }
}

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
  // The roving tab stop: always one of the territories shown, whatever the search or the region.
  const [active, setActive] = useState<string | null>(null);
  const boxes = useRef(new Map<string, HTMLInputElement>());
  const shown = [...visible.country, ...visible.regions, ...visible.provinces];
  const rovingCode =
    shown.find((x) => x.code === active)?.code ?? shown.find((x) => selectedSet.has(x.code))?.code ?? shown[0]?.code;

  const focusBox = (code: string) => {
    setActive(code);
    boxes.current.get(code)?.focus();
  };
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>, code: string) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const index = shown.findIndex((x) => x.code === code);
    if (index < 0) return;
    let next = rovingTarget(e.key, index, shown.length);
    if (next === null && e.key.length === 1 && e.key !== ' ') {
      // Type-ahead: the next territory (after the focused one, wrapping) whose name starts with the letter.
      const letter = normalizeForSearch(e.key);
      if (letter === '') return;
      for (let step = 1; step <= shown.length; step++) {
        const i = (index + step) % shown.length;
        if (normalizeForSearch(shown[i]?.name[lang] ?? '').startsWith(letter)) {
          next = i;
          break;
        }
      }
      if (next === null) return;
    }
    if (next === null) return;
    e.preventDefault();
    const to = shown[next];
    if (to) focusBox(to.code);
  };

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
                    ref={(el) => {
                      if (el) boxes.current.set(x.code, el);
                      else boxes.current.delete(x.code);
                    }}
                    data-code={x.code}
                    tabIndex={x.code === rovingCode ? 0 : -1}
                    onFocus={() => setActive(x.code)}
                    onKeyDown={(e) => onBoxKey(e, x.code)}
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
      <div className="territory-filter__list" role="group" aria-label={t('list')} aria-describedby={`${id}-keys`}>
        <p id={`${id}-keys`} className="visually-hidden">
          {t('listKeys')}
        </p>
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
