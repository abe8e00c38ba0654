/** The single-territory picker of the overview, compare and projects views, grouped by level. */
import type { ReactNode } from 'react';
import type { Lang, Territory } from '../contract/contract.ts';
import { pick, translate } from '../i18n/i18n.ts';
import { chartMessages as m } from './messages.ts';
import { QueryState, datasetError, type QueryLike } from './query-state.tsx';

/** Height of a labelled select, kept by its skeleton and its error so the toolbar does not jump. */
const PICKER_HEIGHT = 'var(--mv-picker-height)';

/**
 * Where a view's territory picker goes: a skeleton of the picker's height while the territories load, their
 * error with a retry, then the picker the view builds from them. A failed refresh keeps the picker quietly
 * (the territories barely change).
 */
export function TerritoryPickerState({
  query,
  lang,
  children,
}: {
  query: QueryLike<readonly Territory[]>;
  lang: Lang;
  children: (territories: readonly Territory[]) => ReactNode;
}) {
  return (
    <QueryState
      query={query}
      lang={lang}
      height={PICKER_HEIGHT}
      staleNotice={false}
      errorMessage={datasetError('datasetTerritories', lang)}
    >
      {children}
    </QueryState>
  );
}

/** Territories grouped for a `<select>`: the country, the regions, then each region's provinces. */
export function territoryGroups(
  territories: readonly Territory[],
  lang: Lang,
): { label: string; options: { code: string; label: string }[] }[] {
  const byName = (a: Territory, b: Territory) => pick(a.name, lang).localeCompare(pick(b.name, lang), lang);
  const country = territories.filter((t) => t.level === 'country');
  const regions = territories.filter((t) => t.level === 'region').sort((a, b) => (a.code < b.code ? -1 : 1));
  const groups = [
    {
      label: translate(m, lang, 'country'),
      options: country.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    },
    {
      label: translate(m, lang, 'regions'),
      options: regions.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    },
  ];
  for (const r of regions) {
    const provinces = territories.filter((t) => t.level === 'province' && t.parent === r.code).sort(byName);
    if (provinces.length === 0) continue;
    groups.push({
      label: translate(m, lang, 'provincesOf', { region: pick(r.name, lang) }),
      options: provinces.map((t) => ({ code: t.code, label: pick(t.name, lang) })),
    });
  }
  return groups.filter((g) => g.options.length > 0);
}

/** A labelled single-territory `<select>` grouped by level. */
export function TerritorySelect({
  id,
  label,
  territories,
  value,
  onChange,
  lang,
  allLabel,
  disabled,
}: {
  id: string;
  label: string;
  territories: readonly Territory[];
  value: string;
  onChange: (code: string) => void;
  lang: Lang;
  /** When given, a first option with value "" (e.g. "all territories"). */
  allLabel?: string;
  /** Codes shown but not selectable (e.g. already compared): they keep their group's structure. */
  disabled?: ReadonlySet<string>;
}) {
  return (
    <div className="mv-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {territoryGroups(territories, lang).map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.code} value={o.code} disabled={disabled?.has(o.code)}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
