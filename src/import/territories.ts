/**
 * Territory labels of a file matched to Mouchir's 88 territories (issue 15): by ISO 3166-2 code (`MA-06`,
 * `ma-bes`, `MA06`), by HCP code (`06`, `06.141`, or the number 6.141 of a spreadsheet cell), or by name in
 * French, Arabic or English — case-, accent-, hyphen-, apostrophe- and space-insensitive, without the words
 * "Province de", "Préfecture de", "Région de", "إقليم", "عمالة", "جهة", and with Arabic letters normalised
 * (hamza forms of alef, tatweel, short vowels, the article "ال"). A name that fits two territories is left
 * unmatched (with both as suggestions) rather than guessed. Pure.
 */
import type { ImportTerritory, MatchKind } from './types.ts';

/** Words that only say what kind of territory follows ("Province de Béni Mellal"). */
const LATIN_KINDS =
  /^(?:la |le |l')?(?:province|prefecture|region|wilaya|commune|cercle)s?(?: d'arrondissements?)?(?: de la | de l'| du | des | de | d'| )/;
const ARABIC_KINDS = /^(?:إقليم|اقليم|عمالة|عماله|جهة|جهه|ولاية|ولايه)(?:\s+مقاطعات)?\s+/;

/** Common spellings of names whose usual forms differ by more than accents. */
const ALIASES: Record<string, string> = {
  tanger: 'tangerassilah',
  tangier: 'tangerassilah',
  marrakesh: 'marrakech',
  fes: 'fes',
  fez: 'fes',
  oriental: 'oriental',
  casa: 'casablanca',
  dakhla: 'ouededdahab',
};

/** A label reduced to what matching compares: lower case, no accents, no kind word, letters and digits only. */
export function normaliseName(label: string): string {
  let s = label.trim().toLowerCase().replace(/[’`´]/g, "'");
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // Latin kind words; the Arabic ones below.
  s = s.replace(LATIN_KINDS, '');
  s = s.replace(/^l'/, '');
  // Arabic: alef forms, alef maqsura, taa marbuta, tatweel, harakat.
  s = s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
  s = s.replace(ARABIC_KINDS, '');
  // The article ال at the start of each word (after a space or a hyphen).
  s = s.replace(/(^|[\s\-–—_/])ال(?=[\u0621-\u064A]{2})/g, '$1');
  s = s.replace(/[^\p{L}\p{N}]+/gu, '');
  return s;
}

/** An ISO code as written (`ma-06`, `MA06`, ` MA-BES `) in its canonical form, or `null`. */
export function normaliseIso(label: string): string | null {
  const s = label.trim();
  const m = /^ma([-_ ]?)([0-9a-z]{2,3})(?:[-_ ]?([0-9]{2}))?$/i.exec(s);
  if (!m) return /^ma$/i.test(s) ? 'MA' : null;
  // Without a separator only digits (`MA06`) or capitals (`MABES`): "Maroc" or "Mazagan" are names, not codes.
  if (m[1] === '' && !/^\d+$/.test(m[2]!) && s !== s.toUpperCase()) return null;
  return `MA-${m[2]!.toUpperCase()}${m[3] ? `-${m[3]}` : ''}`;
}

/** An HCP code as written (`6`, `06`, `6.141`, `06.141`) in HCP's form (`06`, `06.141`), or `null`. */
export function normaliseHcp(label: string | number): string | null {
  const s = typeof label === 'number' ? String(label) : label.trim();
  const m = /^(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(s);
  if (!m) return null;
  return m[2] === undefined ? m[1]!.padStart(2, '0') : `${m[1]!.padStart(2, '0')}.${m[2].padEnd(3, '0')}`;
}

export interface Matcher {
  match(label: string | number): { code: string; by: MatchKind } | null;
  suggest(label: string, n?: number): string[];
}

/** A matcher over a list of territories (the API's list: 88 of them). */
export function createMatcher(territories: readonly ImportTerritory[]): Matcher {
  const iso = new Map<string, string>();
  const hcp = new Map<string, string>();
  const names = new Map<string, Set<string>>();
  const addName = (key: string, code: string): void => {
    if (!key) return;
    const set = names.get(key) ?? new Set<string>();
    set.add(code);
    names.set(key, set);
  };
  for (const t of territories) {
    iso.set(t.code.toUpperCase(), t.code);
    if (t.hcpCode) hcp.set(t.hcpCode, t.code);
    for (const n of [t.name.fr, t.name.ar, t.name.en]) addName(normaliseName(n), t.code);
  }
  for (const [alias, target] of Object.entries(ALIASES)) {
    const codes = names.get(target);
    if (codes && !names.has(alias)) names.set(alias, codes);
  }
  const keys = [...names.keys()];
  const cache = new Map<string, { code: string; by: MatchKind } | null>();
  return {
    match(label) {
      const k = typeof label === 'number' ? `#${label}` : label;
      const hit = cache.get(k);
      if (hit !== undefined) return hit;
      let out: { code: string; by: MatchKind } | null = null;
      const isoCode = typeof label === 'string' ? normaliseIso(label) : null;
      if (isoCode && iso.has(isoCode)) out = { code: iso.get(isoCode)!, by: 'iso' };
      if (!out) {
        const h = normaliseHcp(label);
        if (h && hcp.has(h)) out = { code: hcp.get(h)!, by: 'hcp' };
      }
      if (!out && typeof label === 'string') {
        const codes = names.get(normaliseName(label));
        if (codes && codes.size === 1) out = { code: [...codes][0]!, by: 'name' };
      }
      cache.set(k, out);
      return out;
    },
    suggest(label, n = 5) {
      const key = normaliseName(label);
      if (!key) return [];
      const scored: { code: string; score: number }[] = [];
      const best = new Map<string, number>();
      for (const k of keys) {
        const score = k.includes(key) || key.includes(k) ? 0.9 + Math.min(k.length, key.length) / 1000 : dice(k, key);
        if (score < 0.3) continue;
        for (const code of names.get(k)!) if ((best.get(code) ?? 0) < score) best.set(code, score);
      }
      for (const [code, score] of best) scored.push({ code, score });
      scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
      return scored.slice(0, n).map((s) => s.code);
    },
  };
}

/** Sørensen–Dice similarity of two strings' letter pairs (0–1). */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const p = a.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const p = b.slice(i, i + 2);
    const k = pairs.get(p) ?? 0;
    if (k > 0) {
      common++;
      pairs.set(p, k - 1);
    }
  }
  return (2 * common) / (a.length + b.length - 2);
}
