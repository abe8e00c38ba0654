/**
 * The preview (issue 15): which row is the header, what each column holds (territory, period, value, indicator,
 * or a WIDE layout with one column per period), how numbers are written, whether values look like counts or rates.
 * Every guess is only a proposal: the caller passes its own `ColumnMapping` to the run. Pure.
 */
import { guessDecimalStyle, parseNumber } from './numbers.ts';
import { toPeriod } from './periods.ts';
import type { Table } from './read.ts';
import { createMatcher, type Matcher } from './territories.ts';
import {
  PREVIEW_ROWS,
  type ColumnMapping,
  type ColumnRole,
  type DecimalStyle,
  type ImportIssue,
  type ImportTerritory,
  type Preview,
  type PreviewColumn,
  type ValueKind,
} from './types.ts';

const SAMPLE = 300;

const HINTS = {
  territory:
    /territ|provin|r[ée]gion|pr[ée]fect|wilaya|commune|iso|^code|^nom$|^name$|libell|إقليم|اقليم|جهة|عمالة|المجال|الإقليم/i,
  period: /p[ée]riode|ann[ée]e|^an$|year|date|mois|month|trimestre|quarter|السنة|الفترة|التاريخ|الشهر/i,
  value: /valeur|value|nombre|effectif|total|count|taux|rate|montant|b[ée]n[ée]ficiaires|القيمة|العدد/i,
  indicator: /indicateur|indicator|variable|mesure|s[ée]rie|المؤشر/i,
};

export function cellText(c: string | number | undefined): string {
  return c === undefined ? '' : typeof c === 'number' ? String(c) : c;
}

function nonEmpty(row: readonly (string | number)[]): number {
  let n = 0;
  for (const c of row) if (cellText(c).trim() !== '') n++;
  return n;
}

/** The header row: the first row with at least two cells and at least half as many as the rows below it. */
export function detectHeaderRow(rows: readonly (string | number)[][]): number {
  const widths = rows.slice(0, 60).map(nonEmpty);
  const sorted = [...widths].filter((w) => w > 0).sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const i = widths.findIndex((w) => w >= 2 && w >= typical / 2);
  return i >= 0
    ? i
    : Math.max(
        0,
        widths.findIndex((w) => w > 0),
      );
}

const FORMULA_START = /^[=+\-@]/;

/** Whether a row reads as data rather than a header: a territory, a period and a number in it. */
function looksLikeData(row: readonly (string | number)[], matcher: Matcher): boolean {
  let territory = false;
  let period = false;
  let number = false;
  for (const c of row) {
    if (!territory && matcher.match(c)) territory = true;
    else if (!period && toPeriod(c) !== null) period = true;
    else if (!Number.isNaN(parseNumber(c, 'comma')) || !Number.isNaN(parseNumber(c, 'dot'))) number = true;
  }
  return territory && period && number;
}

export function buildPreview(
  table: Table,
  options: { headerRow?: number; decimal?: DecimalStyle; territories?: readonly ImportTerritory[] },
): Preview {
  const rows = table.rows;
  const matcher = options.territories ? createMatcher(options.territories) : null;
  let headerRow = options.headerRow ?? detectHeaderRow(rows);
  // A file without a header: the first row already holds a territory, a period and a number.
  if (options.headerRow === undefined && matcher && looksLikeData(rows[headerRow] ?? [], matcher)) headerRow--;
  const header = rows[headerRow] ?? [];
  const data = rows.slice(headerRow + 1);
  const sample = data.slice(0, SAMPLE).filter((r) => r.length > 0);
  let width = header.length;
  for (const r of sample) width = Math.max(width, r.length);

  const issues: ImportIssue[] = [...table.issues];
  const columnsCells = Array.from({ length: width }, (_, c) => sample.map((r) => r[c] ?? ''));
  const valueCells = columnsCells.flat().filter((c) => typeof c === 'number' || /\d/.test(c));
  const decimal = options.decimal ?? guessDecimalStyle(valueCells, table.separator === ';' ? 'comma' : 'dot');

  const stats = columnsCells.map((cells, c) => columnStats(cellText(header[c]), cells, decimal, matcher));
  const headerPeriods = header.map((h) => (cellText(h).trim() === '' ? null : toPeriod(h)));
  const wideColumns = headerPeriods.flatMap((p, column) =>
    p !== null && stats[column]!.numeric >= 0.5 ? [{ column, period: p }] : [],
  );

  let mapping: ColumnMapping | null = null;
  const pick = (score: (i: number) => number, taken: number[]): number => {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < width; i++) {
      if (taken.includes(i)) continue;
      const s = score(i);
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    return best;
  };
  const territoryScore = (i: number): number => {
    const s = stats[i]!;
    if (headerPeriods[i]) return 0;
    const content = matcher ? s.matched : s.text * 0.5;
    return content + (s.hint.territory ? 0.6 : 0) - (s.numeric > 0.9 && !s.hint.territory ? 0.5 : 0);
  };
  if (wideColumns.length >= 2) {
    const periodCols = wideColumns.map((w) => w.column);
    const territory = pick(territoryScore, periodCols);
    const indicator = pick((i) => indicatorScore(stats[i]!), [...periodCols, territory]);
    if (territory >= 0) mapping = { layout: 'wide', territory, periods: wideColumns, indicator: nonNeg(indicator) };
  } else {
    const period = pick((i) => periodScore(stats[i]!), []);
    const territory = pick(territoryScore, [period]);
    const value = pick(
      (i) => (stats[i]!.numeric >= 0.5 ? stats[i]!.numeric + (stats[i]!.hint.value ? 1 : 0) + i / 1000 : 0),
      [period, territory],
    );
    const indicator = pick((i) => indicatorScore(stats[i]!), [period, territory, value]);
    const missing = [
      ...(territory < 0 ? ['territory'] : []),
      ...(period < 0 ? ['period'] : []),
      ...(value < 0 ? ['value'] : []),
    ];
    if (missing.length > 0) issues.push({ code: 'no-mapping', params: { missing: missing.join(',') } });
    else mapping = { layout: 'long', territory, period, value, indicator: nonNeg(indicator) };
  }

  const roles: ColumnRole[] = Array.from({ length: width }, () => 'ignored');
  const periodOf = new Map<number, string>();
  if (mapping) {
    roles[mapping.territory] = 'territory';
    if (mapping.indicator != null) roles[mapping.indicator] = 'indicator';
    if (mapping.layout === 'long') {
      roles[mapping.period] = 'period';
      roles[mapping.value] = 'value';
    } else
      for (const p of mapping.periods) {
        roles[p.column] = 'period-value';
        periodOf.set(p.column, p.period);
      }
  }
  const columns: PreviewColumn[] = roles.map((role, index) => ({
    index,
    header: cellText(header[index]),
    role,
    ...(periodOf.has(index) ? { period: periodOf.get(index)! } : {}),
  }));

  // Formula-like labels (kept as text) and ragged rows, over the whole file.
  let formulas = 0;
  let ragged = 0;
  const textCols = mapping ? [mapping.territory, ...(mapping.indicator != null ? [mapping.indicator] : [])] : [];
  for (const r of data) {
    if (r.length === 0) continue;
    if (r.length !== header.length && nonEmpty(r) > header.length) ragged++;
    for (const c of textCols) {
      const v = r[c];
      if (typeof v === 'string' && FORMULA_START.test(v) && Number.isNaN(parseNumber(v, decimal))) formulas++;
    }
  }
  for (const h of header) if (typeof h === 'string' && FORMULA_START.test(h)) formulas++;
  if (formulas > 0) issues.push({ code: 'formula-labels', params: { count: formulas } });
  if (ragged > 0) issues.push({ code: 'ragged-rows', params: { count: ragged } });

  const valueSample: number[] = [];
  if (mapping) {
    const cols = mapping.layout === 'long' ? [mapping.value] : mapping.periods.map((p) => p.column);
    for (const r of sample) for (const c of cols) valueSample.push(parseNumber(r[c] ?? '', decimal));
  }

  return {
    fileName: table.fileName,
    fileKind: table.fileKind,
    bytes: table.bytes,
    encoding: table.encoding,
    encodingDetected: table.encodingDetected,
    separator: table.separator,
    decimal,
    sheets: table.sheets,
    sheet: table.sheet,
    headerRow,
    columns,
    rows: data.slice(0, PREVIEW_ROWS).map((r) => Array.from({ length: width }, (_, i) => cellText(r[i]))),
    rowCount: countDataRows(data),
    mapping,
    valueKindGuess: guessValueKind(valueSample),
    issues,
  };
}

function nonNeg(i: number): number | null {
  return i >= 0 ? i : null;
}

function countDataRows(data: readonly (string | number)[][]): number {
  let end = data.length;
  while (end > 0 && data[end - 1]!.length === 0) end--;
  return end;
}

interface ColumnStats {
  numeric: number;
  /** Cells that read as periods, and those of them that are only numbers read as Excel serial dates. */
  period: number;
  serial: number;
  matched: number;
  text: number;
  distinct: number;
  hint: Record<keyof typeof HINTS, boolean>;
}

function columnStats(
  header: string,
  cells: readonly (string | number)[],
  decimal: DecimalStyle,
  matcher: Matcher | null,
): ColumnStats {
  const filled = cells.filter((c) => cellText(c).trim() !== '');
  const n = Math.max(1, filled.length);
  let numeric = 0;
  let period = 0;
  let serial = 0;
  let matched = 0;
  let text = 0;
  const distinct = new Set<string>();
  for (const c of filled) {
    const num = parseNumber(c, decimal);
    if (!Number.isNaN(num)) numeric++;
    else text++;
    if (toPeriod(c) !== null) {
      period++;
      if (SERIAL_LIKE.test(cellText(c))) serial++;
    }
    if (matcher?.match(c)) matched++;
    distinct.add(cellText(c));
  }
  return {
    numeric: numeric / n,
    period: period / n,
    serial: serial / n,
    matched: matched / n,
    text: text / n,
    distinct: distinct.size,
    hint: {
      territory: HINTS.territory.test(header),
      period: HINTS.period.test(header),
      value: HINTS.value.test(header),
      indicator: HINTS.indicator.test(header),
    },
  };
}

/** Numbers that read as periods only as Excel serial dates (20000–80000): counts may look the same. */
const SERIAL_LIKE = /^\d{5}(\.\d+)?$/;

/**
 * How much a column looks like the period column: years, months, quarters and dates written as such beat columns of
 * bare numbers that read as Excel serial dates (a column of counts between 20,000 and 80,000 does too); among
 * those, a header that says "date", "mois"… decides.
 */
function periodScore(s: ColumnStats): number {
  const hint = s.hint.period ? 1 : 0;
  const strong = s.period - s.serial;
  if (strong >= 0.6) return 3 + strong + hint;
  if (s.period >= 0.6) return s.period + hint;
  return 0;
}

function indicatorScore(s: ColumnStats): number {
  if (s.hint.indicator && s.text > 0.5) return 2;
  return 0;
}

/** Counts: non-negative integers; rates: 0–100 with at least one decimal; else other. */
export function guessValueKind(values: readonly number[]): ValueKind {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 'count';
  if (finite.every((v) => v >= 0 && Number.isInteger(v))) return 'count';
  if (finite.every((v) => v >= 0 && v <= 100)) return 'rate';
  return 'other';
}
