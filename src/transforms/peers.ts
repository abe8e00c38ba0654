/**
 * Suggested peers for the compare view. Pure: no React, no network.
 *
 * A peer is a territory of the same level (region with regions, province with provinces) that is close to the
 * reference territory either in population (same census year) or in value on the chosen indicator.
 * Ties are broken by code so suggestions are stable from one render to the next.
 */
import type { Territory } from '../contract/contract.ts';

/** One suggestion, with the figure that made it close. */
export interface Peer {
  code: string;
  /** |peer − reference| on the figure used. */
  distance: number;
  /** The peer's own figure (population or indicator value). */
  value: number;
}

export interface PeerOptions {
  /** How many suggestions, at most. Default 3. */
  count?: number;
  /** Codes never suggested (e.g. the territories already compared). The reference itself is always excluded. */
  exclude?: Iterable<string>;
}

/** Latest census year with a population for this territory, or `null`. */
export function latestCensusYear(t: Territory): string | null {
  const years = Object.keys(t.population).sort();
  return years.length > 0 ? (years[years.length - 1] ?? null) : null;
}

function closest(
  reference: string,
  candidates: readonly { code: string; value: number }[],
  refValue: number,
  options: PeerOptions,
): Peer[] {
  const count = options.count ?? 3;
  const exclude = new Set(options.exclude ?? []);
  exclude.add(reference);
  return candidates
    .filter((c) => !exclude.has(c.code) && Number.isFinite(c.value))
    .map((c) => ({ code: c.code, value: c.value, distance: Math.abs(c.value - refValue) }))
    .sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .slice(0, Math.max(0, count));
}

/**
 * Territories of the same level as `reference` with the closest population, at the reference's latest census
 * year (candidates without a figure for that year are left out, never treated as 0).
 */
export function peersByPopulation(
  territories: readonly Territory[],
  reference: string,
  options: PeerOptions = {},
): Peer[] {
  const ref = territories.find((t) => t.code === reference);
  if (!ref) return [];
  const year = latestCensusYear(ref);
  const refPop = year === null ? undefined : ref.population[year];
  if (year === null || refPop === undefined) return [];
  const candidates: { code: string; value: number }[] = [];
  for (const t of territories) {
    const pop = t.population[year];
    if (t.level === ref.level && pop !== undefined) candidates.push({ code: t.code, value: pop });
  }
  return closest(reference, candidates, refPop, options);
}

/**
 * Territories of the same level as `reference` with the closest value on one indicator, for one period.
 * `values` maps territory code → value (`null` = not published, left out).
 */
export function peersByValue(
  territories: readonly Territory[],
  values: ReadonlyMap<string, number | null>,
  reference: string,
  options: PeerOptions = {},
): Peer[] {
  const ref = territories.find((t) => t.code === reference);
  const refValue = values.get(reference);
  if (!ref || refValue === undefined || refValue === null) return [];
  const candidates: { code: string; value: number }[] = [];
  for (const t of territories) {
    const v = values.get(t.code);
    if (t.level === ref.level && v !== undefined && v !== null) candidates.push({ code: t.code, value: v });
  }
  return closest(reference, candidates, refValue, options);
}
