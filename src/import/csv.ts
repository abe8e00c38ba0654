/**
 * Delimited text (CSV, TSV, French Excel's `;`) into rows of cells (issue 15). RFC 4180 quoting (quotes doubled,
 * separators and line breaks inside quotes), CRLF, LF or CR line ends. Cells stay text: nothing is evaluated, a
 * `=SUM(A1)` label is that string. The separator is detected from the first lines (the one that splits them into
 * the same, largest number of cells) unless given. Limits are checked while reading, so a 10,000-column row or a
 * million rows stop at once with their code. Pure.
 */
import { IMPORT_LIMITS, ImportError, SEPARATORS, type ImportLimits, type Separator } from './types.ts';

/** The separator that splits the first lines most consistently (ties: `;`, then tab, then `,`). */
export function detectSeparator(text: string): Separator {
  const lines = firstLines(text, 30);
  let best: Separator = ',';
  let bestScore = -1;
  for (const sep of [';', '\t', ','] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    // The most common count among lines, and how many lines have it.
    const freq = new Map<number, number>();
    for (const c of nonZero) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeN = 0;
    for (const [c, k] of freq) if (k > modeN || (k === modeN && c > mode)) [mode, modeN] = [c, k];
    const score = (modeN / lines.length) * 1000 + Math.min(mode, 999);
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < n && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') out.push(line);
    start = end + 1;
  }
  return out;
}

function countOutsideQuotes(line: string, sep: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) n++;
  }
  return n;
}

export { SEPARATORS };

/**
 * Split delimited text into rows (every record, empty ones included as `[]`, so row `i` is spreadsheet row `i + 1`;
 * a final line break adds no row). Throws `too-many-columns` (params.row 1-based, params.columns, params.max) and
 * `too-many-rows` (params.max: data rows, the header excluded) as soon as a limit is passed.
 */
export function parseDelimited(
  text: string,
  separator: Separator,
  limits: Pick<ImportLimits, 'maxRows' | 'maxColumns'> = IMPORT_LIMITS,
): string[][] {
  const rows: string[][] = [];
  const sep = separator.charCodeAt(0);
  const n = text.length;
  const maxRecords = limits.maxRows + 1;
  let row: string[] = [];
  let i = 0;
  let lineStart = true;
  while (i < n) {
    // One field from i.
    let c = text.charCodeAt(i);
    let field: string;
    if (c === 34 /* " */) {
      let j = i + 1;
      let parts = '';
      let from = j;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          // Unclosed quote: the rest of the text is the field.
          parts += text.slice(from);
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          parts += text.slice(from, q + 1);
          j = q + 2;
          from = j;
          continue;
        }
        parts += text.slice(from, q);
        j = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept (lenient, as spreadsheets are).
      let k = j;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === sep || d === 10 || d === 13) break;
        k++;
      }
      field = k > j ? parts + text.slice(j, k) : parts;
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === sep || d === 10 || d === 13) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (row.length > limits.maxColumns) {
      throw new ImportError('too-many-columns', {
        row: rows.length + 1,
        columns: countFields(text, i, sep, row.length),
        max: limits.maxColumns,
      });
    }
    lineStart = false;
    if (i >= n) break;
    c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // End of record.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    if (rows.length > maxRecords) throw new ImportError('too-many-rows', { max: limits.maxRows });
    row = [];
    lineStart = true;
  }
  if (!lineStart) rows.push(row.length === 1 && row[0] === '' ? [] : row);
  if (rows.length > maxRecords) throw new ImportError('too-many-rows', { max: limits.maxRows });
  return rows;
}

/** How many fields the record holding position `from` has in all (for the error's params; bounded work). */
function countFields(text: string, from: number, sep: number, sofar: number): number {
  let n = sofar;
  const stop = Math.min(text.length, from + 5_000_000);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (c === sep) n++;
  }
  return n;
}
