/**
 * Defaults of the explorer's selection, derived from the catalogue. Pure.
 */
import type { Indicator, Observation, Territory } from '../contract/contract.ts';

/**
 * Lines a chart shows comfortably: beyond this soft limit the territory filter says the chart becomes
 * hard to read and suggests the map or the table — but lets the analyst go on (issue 7).
 */
export const SOFT_MAX_TERRITORIES = 12;

/**
 * Hard cap of the selection: every territory (country + 12 regions + 75 provinces = 88), so "all the
 * provinces" of a monthly series fits on one chart (issue 7's stress case); the filter refuses more.
 */
export const MAX_TERRITORIES = 88;

/** The default explorer indicator: the first headline indicator (lowest `headline`), else the first one. */
export function defaultIndicator(indicators: readonly Indicator[]): Indicator | undefined {
  const headlines = indicators.filter((i) => i.headline !== undefined);
  headlines.sort((a, b) => (a.headline ?? 0) - (b.headline ?? 0));
  return headlines[0] ?? indicators[0];
}

/** Codes of the 12 regions, in catalogue order. */
export function regionCodes(territories: readonly Territory[]): string[] {
  return territories.filter((t) => t.level === 'region').map((t) => t.code);
}

/**
 * Default territories for an indicator: the country when the indicator has country data, else all regions
 * (else whatever territories have data).
 */
export function defaultTerritories(
  indicator: Indicator,
  territories: readonly Territory[],
  observations?: readonly Observation[],
): string[] {
  const country = territories.find((t) => t.level === 'country');
  const hasCountry = observations
    ? observations.some((o) => o.territory === country?.code && o.value !== null)
    : indicator.levels.includes('country');
  if (country && hasCountry) return [country.code];
  const regions = regionCodes(territories);
  if (regions.length > 0 && indicator.levels.includes('region')) return regions;
  if (observations) return [...new Set(observations.map((o) => o.territory))].slice(0, 12);
  return regions;
}

/** Indicators grouped by category, in first-seen category order. */
export function groupByCategory(indicators: readonly Indicator[]): [Indicator['category'], Indicator[]][] {
  const groups = new Map<Indicator['category'], Indicator[]>();
  for (const i of indicators) {
    const list = groups.get(i.category) ?? [];
    list.push(i);
    groups.set(i.category, list);
  }
  return [...groups.entries()];
}
