/**
 * Territory search: accent-insensitive in French ("meknes" finds "Fès-Meknès"), tolerant of Arabic
 * diacritics and alef/yaa/taa-marbuta variants, matching fr, ar and en names and the code. Pure.
 */
import type { Territory } from '../../contract/contract.ts';

/** Normalise a text for matching: lower case, no Latin accents, no Arabic tashkeel, unified letter variants. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // tashkeel, superscript alef, tatweel
    .replace(/[\u0622\u0623\u0625]/g, '\u0627') // آ أ إ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/[’'`\-‐–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

/** Whether a territory matches a query (every word of the query must be found in one of its names). */
export function matchesTerritory(t: Pick<Territory, 'name' | 'code' | 'short'>, query: string): boolean {
  const q = normalizeForSearch(query);
  if (q === '') return true;
  const haystack = normalizeForSearch([t.name.fr, t.name.ar, t.name.en, t.code, t.short ?? ''].join(' | '));
  return q.split(' ').every((word) => haystack.includes(word));
}

/** The territories offered in the list: country, regions and the provinces of `region` (all when `null`). */
export function visibleTerritories(
  territories: readonly Territory[],
  query: string,
  region: string | null,
): { country: Territory[]; regions: Territory[]; provinces: Territory[] } {
  const matching = territories.filter((t) => matchesTerritory(t, query));
  return {
    country: matching.filter((t) => t.level === 'country'),
    regions: matching.filter((t) => t.level === 'region'),
    provinces: matching.filter((t) => t.level === 'province' && (region === null || t.parent === region)),
  };
}

/** Add or remove a code, respecting a cap. Returns the new list and whether the cap refused an addition. Pure. */
export function toggleCode(
  selected: readonly string[],
  code: string,
  cap: number,
): { selected: string[]; capped: boolean } {
  if (selected.includes(code)) return { selected: selected.filter((c) => c !== code), capped: false };
  if (selected.length >= cap) return { selected: [...selected], capped: true };
  return { selected: [...selected, code], capped: false };
}

/** Replace the selection by a quick pick, cut to the cap. Pure. */
export function pickCodes(codes: readonly string[], cap: number): { selected: string[]; capped: boolean } {
  return { selected: codes.slice(0, cap), capped: codes.length > cap };
}
