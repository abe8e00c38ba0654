/**
 * Numbers as people type them (issue 15), per the chosen style:
 * - `comma` (French Excel): decimal comma; thousands grouped by a space, a no-break space (U+00A0), a narrow
 *   no-break space (U+202F) or a dot (`1 234,5`, `1.234.567,25`);
 * - `dot`: decimal point; thousands grouped by a comma or those spaces (`1,234.5`, `1 234.5`).
 * A leading `+`/`-` (or the minus sign U+2212) and a trailing `%` are read; a group must have three digits, so
 * `1.5` is not a number in the `comma` style (it is 1.5 or 1500 depending on who typed it: the row is rejected with
 * `not-a-number` and the user switches the style). Returns `NaN` for anything else. Pure.
 */
import type { DecimalStyle } from './types.ts';

const SPACES = /[\s\u00A0\u202F\u2007]/g;
const COMMA_STYLE = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const DOT_STYLE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const PLAIN = /^[+-]?\d+$/;

/** The number a cell means, or `NaN`. Numbers (XLSX numeric cells) pass through. */
export function parseNumber(cell: string | number, style: DecimalStyle): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  let s = cell.trim();
  if (s === '') return NaN;
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  s = s.replace(/^\u2212/, '-');
  // Spaces group thousands in both styles: "1 234" — but only as groups of three.
  if (/[\s\u00A0\u202F\u2007]/.test(s)) {
    if (!/^[+-]?\d{1,3}([\s\u00A0\u202F\u2007]\d{3})+([.,]\d+)?$/.test(s)) return NaN;
    s = s.replace(SPACES, '');
  }
  if (PLAIN.test(s)) return Number(s);
  if (style === 'comma') {
    if (!COMMA_STYLE.test(s)) return NaN;
    return Number(s.replace(/\./g, '').replace(',', '.'));
  }
  if (!DOT_STYLE.test(s)) return NaN;
  return Number(s.replace(/,/g, ''));
}

/**
 * Which style the value cells of a file use: `comma` when some cell has a decimal comma (`12,5`) or dot-grouped
 * thousands (`1.234,5`), `dot` when some has a decimal point; `fallback` when nothing tells.
 */
export function guessDecimalStyle(cells: Iterable<string | number>, fallback: DecimalStyle): DecimalStyle {
  let comma = 0;
  let dot = 0;
  let seen = 0;
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const s = c.trim().replace(SPACES, '');
    if (/^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$|^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) comma++;
    else if (/^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$|^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) dot++;
    else if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) comma++;
    if (++seen > 2_000) break;
  }
  if (comma > dot) return 'comma';
  if (dot > comma) return 'dot';
  return fallback;
}
