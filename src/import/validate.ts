/**
 * Every row checked (issue 15): the territory matched (ISO, HCP, name, or the caller's manual match), the period
 * read, the value parsed per the decimal style, then the rules — no negative count, a rate within 0–100, no
 * territory × period twice, an empty value kept as a gap only when the caller says so — and one frequency per
 * indicator (the rows of a minority frequency are rejected, each named). A row gives an `Observation`
 * (`status: 'imported'`) or a `RowReject` with its row number, column, value and reason code: never dropped
 * silently (only blank rows are skipped). Pure: the worker calls it, tests call it directly.
 */
import type { Frequency, Observation, TerritoryLevel } from '../contract/contract.ts';
import { comparePeriods, periodKind, periodStart, type PeriodKind } from '../contract/period.ts';
import { cellText } from './detect.ts';
import { GAP_NOTE } from './gap-note.ts';
import { parseNumber } from './numbers.ts';
import { toPeriod } from './periods.ts';
import type { Table } from './read.ts';
import { createMatcher } from './territories.ts';
import type {
  DecimalStyle,
  ImportIssue,
  ImportResult,
  ImportSettings,
  ImportTerritory,
  MatchKind,
  RejectReason,
  RowReject,
  TerritoryMatch,
  UnmatchedLabel,
} from './types.ts';

export { GAP_NOTE };

/** What statistical tables write for "no value": `-`, `–`, `..`, `...`, `n.d.`, `nd`, `n/a`, `NA`, `nc`, `s.o.`, `/`. */
export const MISSING = /^(?:[-–—/]|\.{2,3}|n\.?\s?d\.?|n\/a|na|nc|n\.c\.|s\.o\.?|#n\/a)$/i;

const FREQUENCY: Record<PeriodKind, Frequency> = { year: 'annual', quarter: 'quarterly', month: 'monthly' };

interface Candidate {
  obs: Observation;
  row: number;
  column: number;
  cell: string;
  kind: PeriodKind;
}

export function runImport(
  table: Table,
  headerRow: number,
  settings: ImportSettings,
  territories: readonly ImportTerritory[],
): ImportResult {
  const t0 = Date.now();
  const { mapping } = settings;
  const decimal: DecimalStyle = settings.decimal ?? 'dot';
  const header = table.rows[headerRow] ?? [];
  const headerOf = (c: number): string => cellText(header[c]);
  const matcher = createMatcher(territories);
  const levelOf = new Map(territories.map((t) => [t.code, t.level]));
  const manual = settings.territoryMatches ?? {};
  const rejects: RowReject[] = [];
  const reject = (row: number, column: number, value: string, reason: RejectReason, params?: RowReject['params']) =>
    rejects.push(
      params
        ? { row, column, header: headerOf(column), value, reason, params }
        : { row, column, header: headerOf(column), value, reason },
    );

  // Indicator column: which labels it has (one label means the caller's indicator).
  const indicatorCol = mapping.indicator ?? null;
  let singleIndicatorLabel: string | null = null;
  if (indicatorCol !== null) {
    const labels = new Set<string>();
    for (let r = headerRow + 1; r < table.rows.length && labels.size < 2; r++) {
      const row = table.rows[r]!;
      if (row.length > 0) labels.add(cellText(row[indicatorCol]).trim());
    }
    singleIndicatorLabel = labels.size === 1 ? [...labels][0]! : null;
  }

  const matches = new Map<string, TerritoryMatch>();
  const unmatched = new Map<string, UnmatchedLabel>();
  const periodCache = new Map<string | number, string | null>();
  const seen = new Map<string, number>();
  const candidates: Candidate[] = [];
  let rowsRead = 0;

  const territoryOf = (raw: string | number, row: number, column: number): string | null => {
    const label = cellText(raw).trim();
    if (label === '') {
      reject(row, column, '', 'empty-territory');
      return null;
    }
    let code: string | null = null;
    let by: MatchKind = 'manual';
    if (Object.hasOwn(manual, label)) {
      code = manual[label] ?? null;
      if (code === null) {
        reject(row, column, label, 'skipped-territory');
        return null;
      }
    } else {
      const m = matcher.match(typeof raw === 'number' ? raw : label);
      if (m) ({ code, by } = m);
    }
    if (code === null) {
      const u = unmatched.get(label) ?? { label, rowNumbers: [], rows: 0, suggestions: [] };
      if (u.rowNumbers.length < 20) u.rowNumbers.push(row);
      u.rows++;
      unmatched.set(label, u);
      reject(row, column, label, 'unknown-territory');
      return null;
    }
    const hit = matches.get(label);
    if (hit) hit.rows++;
    else matches.set(label, { label, code, by, rows: 1 });
    return code;
  };

  const periodOf = (raw: string | number): string | null => {
    let p = periodCache.get(raw);
    if (p === undefined) {
      p = toPeriod(raw);
      periodCache.set(raw, p);
    }
    return p;
  };

  const add = (
    indicator: string,
    territory: string,
    period: string,
    raw: string | number,
    row: number,
    column: number,
  ): void => {
    const text = cellText(raw).trim();
    let value: number | null;
    if (text === '' || MISSING.test(text)) {
      if (!settings.emptyAsGap) return void reject(row, column, text, 'empty-value');
      value = null;
    } else {
      value = parseNumber(raw, decimal);
      if (Number.isNaN(value)) return void reject(row, column, text, 'not-a-number', { decimal });
      if (settings.valueKind === 'count' && value < 0) return void reject(row, column, text, 'negative-count');
      if (settings.valueKind === 'rate' && (value < 0 || value > 100)) {
        return void reject(row, column, text, 'rate-out-of-range', { min: 0, max: 100 });
      }
    }
    const key = `${indicator}\u0000${territory}\u0000${period}`;
    const first = seen.get(key);
    if (first !== undefined) return void reject(row, column, text, 'duplicate', { firstRow: first });
    seen.set(key, row);
    const obs: Observation =
      value === null
        ? { indicator, territory, period, value, status: 'imported', note: { ...GAP_NOTE } }
        : { indicator, territory, period, value, status: 'imported' };
    candidates.push({ obs, row, column, cell: text, kind: periodKind(period)! });
  };

  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r]!;
    if (cells.length === 0) continue;
    let blank = true;
    for (const c of cells) {
      if (typeof c === 'number' || c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const row = r + 1;
    rowsRead++;
    let indicator = settings.indicator;
    if (indicatorCol !== null) {
      const label = cellText(cells[indicatorCol]).trim();
      const chosen =
        settings.indicators && Object.hasOwn(settings.indicators, label) ? settings.indicators[label] : undefined;
      if (chosen === null) {
        reject(row, indicatorCol, label, 'skipped-indicator');
        continue;
      }
      if (chosen !== undefined) indicator = chosen;
      else if (label !== singleIndicatorLabel) {
        reject(row, indicatorCol, label, 'unknown-indicator');
        continue;
      }
    }
    const territory = territoryOf(cells[mapping.territory] ?? '', row, mapping.territory);
    if (territory === null) continue;
    if (mapping.layout === 'long') {
      const rawPeriod = cells[mapping.period] ?? '';
      const period = periodOf(rawPeriod);
      if (period === null) {
        reject(row, mapping.period, cellText(rawPeriod), 'bad-period');
        continue;
      }
      add(indicator, territory, period, cells[mapping.value] ?? '', row, mapping.value);
    } else {
      for (const p of mapping.periods) add(indicator, territory, p.period, cells[p.column] ?? '', row, p.column);
    }
  }

  // One frequency per indicator: the most common period kind is kept; the other rows are rejected, each named.
  const issues: ImportIssue[] = [];
  const kindsBy = new Map<string, Map<PeriodKind, number>>();
  for (const c of candidates) {
    const k = kindsBy.get(c.obs.indicator) ?? new Map<PeriodKind, number>();
    k.set(c.kind, (k.get(c.kind) ?? 0) + 1);
    kindsBy.set(c.obs.indicator, k);
  }
  const keptKind = new Map<string, PeriodKind>();
  for (const [indicator, kinds] of kindsBy) {
    const order: PeriodKind[] = ['year', 'quarter', 'month'];
    const kept = order.reduce((a, b) => ((kinds.get(b) ?? 0) > (kinds.get(a) ?? 0) ? b : a));
    keptKind.set(indicator, kept);
    if (kinds.size > 1) {
      issues.push({
        code: 'mixed-frequency',
        params: { indicator, kinds: order.filter((k) => kinds.has(k)).join(','), kept },
      });
    }
  }
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const expected = keptKind.get(c.obs.indicator)!;
    if (c.kind === expected) kept.push(c);
    else if (mapping.layout === 'long') {
      const raw = cellText(table.rows[c.row - 1]![mapping.period]);
      reject(c.row, mapping.period, raw, 'mixed-frequency', { kind: c.kind, expected });
    } else reject(c.row, c.column, headerOf(c.column), 'mixed-frequency', { kind: c.kind, expected });
  }

  // Sorted by indicator, territory, period (contract order: single-frequency lists are chronological).
  const startOf = new Map<string, number>();
  for (const c of kept) if (!startOf.has(c.obs.period)) startOf.set(c.obs.period, periodStart(c.obs.period));
  kept.sort(
    (a, b) =>
      (a.obs.indicator < b.obs.indicator ? -1 : a.obs.indicator > b.obs.indicator ? 1 : 0) ||
      (a.obs.territory < b.obs.territory ? -1 : a.obs.territory > b.obs.territory ? 1 : 0) ||
      startOf.get(a.obs.period)! - startOf.get(b.obs.period)!,
  );
  rejects.sort((a, b) => a.row - b.row || a.column - b.column);

  const observations = kept.map((c) => c.obs);
  const frequencies: Record<string, Frequency> = {};
  for (const [indicator, kind] of keptKind) frequencies[indicator] = FREQUENCY[kind];
  const levelSets = new Map<string, Set<TerritoryLevel>>();
  const territoriesSeen = new Set<string>();
  const periodsSeen = new Set<string>();
  let gaps = 0;
  let suppressed = 0;
  const threshold = settings.smallCountThreshold ?? null;
  for (const o of observations) {
    const set = levelSets.get(o.indicator) ?? new Set<TerritoryLevel>();
    const level = levelOf.get(o.territory);
    if (level) set.add(level);
    levelSets.set(o.indicator, set);
    territoriesSeen.add(o.territory);
    periodsSeen.add(o.period);
    if (o.value === null) gaps++;
    else if (threshold !== null && settings.valueKind === 'count' && o.value < threshold) suppressed++;
  }
  const levels: ImportResult['levels'] = {};
  const levelOrder: TerritoryLevel[] = ['country', 'region', 'province'];
  for (const [indicator, set] of levelSets) levels[indicator] = levelOrder.filter((l) => set.has(l));
  const periods = [...periodsSeen].sort(comparePeriods);

  const unmatchedList = [...unmatched.values()].map((u) => ({ ...u, suggestions: matcher.suggest(u.label) }));
  if (unmatchedList.length > 0) issues.push({ code: 'unmatched-territories', params: { count: unmatchedList.length } });

  return {
    observations,
    frequencies,
    levels,
    rejects,
    matches: [...matches.values()],
    unmatched: unmatchedList,
    issues,
    stats: {
      rows: rowsRead,
      observations: observations.length,
      rejected: rejects.length,
      gaps,
      suppressed,
      territories: territoriesSeen.size,
      periods: periods.length,
      firstPeriod: periods[0] ?? null,
      lastPeriod: periods[periods.length - 1] ?? null,
      ms: Date.now() - t0,
    },
  };
}
