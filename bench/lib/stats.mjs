/**
 * Pure helpers of `npm run bench`: order statistics, budget verdicts and the printed table.
 * No I/O here, so tests/unit/bench-stats.test.ts can check every rule with small tables.
 */

/**
 * Value at quantile `q` (0…1) of a sample, by linear interpolation between closest ranks
 * (the "type 7" estimator of R and NumPy). `null` for an empty sample.
 *
 * @param {readonly number[]} values
 * @param {number} q
 * @returns {number | null}
 */
export function quantile(values, q) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const pos = (xs.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = /** @type {number} */ (xs[lo]);
  const b = /** @type {number} */ (xs[hi]);
  return a + (b - a) * (pos - lo);
}

/**
 * Median, p95, min, max and count of a sample.
 *
 * @param {readonly number[]} values
 * @returns {{ n: number, median: number | null, p95: number | null, min: number | null, max: number | null }}
 */
export function summarize(values) {
  const xs = values.filter((v) => Number.isFinite(v));
  return {
    n: xs.length,
    median: quantile(xs, 0.5),
    p95: quantile(xs, 0.95),
    min: xs.length ? Math.min(...xs) : null,
    max: xs.length ? Math.max(...xs) : null,
  };
}

/**
 * `a / b`, or `null` when either is missing or `b` is not positive.
 *
 * @param {number | null | undefined} a
 * @param {number | null | undefined} b
 * @returns {number | null}
 */
export function ratio(a, b) {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/**
 * Relative growth `(after - before) / before`, or `null`.
 *
 * @param {number | null | undefined} before
 * @param {number | null | undefined} after
 * @returns {number | null}
 */
export function growth(before, after) {
  const r = ratio(after, before);
  return r === null ? null : r - 1;
}

/**
 * Verdict of one figure against an upper-bound budget: PASS when `value <= max`, FAIL above it,
 * `n/a` when the figure could not be measured (never silently a pass).
 *
 * @param {number | null | undefined} value
 * @param {number | null | undefined} max  `null`/`undefined` = informative figure, no budget
 * @returns {'PASS' | 'FAIL' | 'n/a' | 'info'}
 */
export function verdict(value, max) {
  if (max === null || max === undefined) return value === null || value === undefined ? 'n/a' : 'info';
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return value <= max ? 'PASS' : 'FAIL';
}

/**
 * Format a figure with its unit for the table: ms without decimals, ratios with two, kB with one,
 * percentages with one; `—` when missing.
 *
 * @param {number | null | undefined} value
 * @param {'ms' | 'x' | 'kB' | '%' | 'n'} unit
 * @returns {string}
 */
export function formatValue(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'kB':
      return `${(value / 1000).toFixed(1)} kB`;
    case '%':
      return `${(value * 100).toFixed(1)} %`;
    default:
      return String(Math.round(value * 100) / 100);
  }
}

/**
 * @typedef {object} Row
 * @property {string} id       e.g. `B1`
 * @property {string} label    what is measured
 * @property {number | null} value   the headline figure (median, p95, ratio… as the label says)
 * @property {'ms' | 'x' | 'kB' | '%' | 'n'} unit
 * @property {number | null} [budget]  upper bound; absent = informative
 * @property {number | null} [min]     lower bound instead (a score: PASS when `value >= min`)
 * @property {'skip' | 'fail'} [status] `skip`: not run on purpose (e.g. in `--quick`), neither a failure nor a
 *   missing figure; `fail`: cannot be measured because the build lacks what it measures (e.g. no service
 *   worker) — a FAIL, not an n/a, so the bench's exit status stays 0 while the gap is visible
 * @property {string} [detail]  extra figures (median/p95, n, counterpart)
 */

/**
 * Add the formatted value, the budget and the verdict to each row.
 *
 * @param {readonly Row[]} rows
 * @returns {Array<Row & { shown: string, budgetShown: string, verdict: 'PASS' | 'FAIL' | 'n/a' | 'info' | 'skip' }>}
 */
export function judge(rows) {
  return rows.map((r) => {
    const hasMin = r.min !== null && r.min !== undefined;
    const budgetShown = hasMin
      ? `≥ ${formatValue(r.min, r.unit)}`
      : r.budget === null || r.budget === undefined
        ? ''
        : `≤ ${formatValue(r.budget, r.unit)}`;
    /** @type {'PASS' | 'FAIL' | 'n/a' | 'info' | 'skip'} */
    let v;
    if (r.status === 'skip') v = 'skip';
    else if (r.status === 'fail') v = 'FAIL';
    // A lower bound is an upper bound on the negated figure.
    else if (hasMin) v = verdict(r.value === null || r.value === undefined ? r.value : -r.value, -(r.min ?? 0));
    else v = verdict(r.value, r.budget);
    return { ...r, shown: r.status ? '—' : formatValue(r.value, r.unit), budgetShown, verdict: v };
  });
}

/**
 * A fixed-width text table (also valid Markdown), one line per row.
 *
 * @param {readonly Row[]} rows
 * @returns {string}
 */
export function renderTable(rows) {
  const judged = judge(rows);
  const header = ['', 'figure', 'value', 'budget', 'verdict', 'detail'];
  const lines = judged.map((r) => [r.id, r.label, r.shown, r.budgetShown, r.verdict, r.detail ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (/** @type {string[]} */ cells) =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/**
 * Counts of verdicts, for the last line and the exit status.
 *
 * @param {readonly Row[]} rows
 * @returns {{ pass: number, fail: number, missing: number, skipped: number }}
 */
export function tally(rows) {
  const judged = judge(rows);
  return {
    pass: judged.filter((r) => r.verdict === 'PASS').length,
    fail: judged.filter((r) => r.verdict === 'FAIL').length,
    missing: judged.filter((r) => r.verdict === 'n/a').length,
    skipped: judged.filter((r) => r.verdict === 'skip').length,
  };
}

/**
 * Latency of each interaction from Event Timing entries: the longest `duration` among the entries
 * sharing an `interactionId` (pointerdown, pointerup, click… of one click), as the INP metric
 * does. Entries without an interaction id (hover, scroll) are ignored.
 *
 * @param {ReadonlyArray<{ interactionId?: number, duration: number }>} entries
 * @returns {number[]}
 */
export function interactionLatencies(entries) {
  /** @type {Map<number, number>} */
  const byId = new Map();
  for (const e of entries) {
    const id = e.interactionId ?? 0;
    if (id <= 0) continue;
    byId.set(id, Math.max(byId.get(id) ?? 0, e.duration));
  }
  return [...byId.values()];
}

/**
 * Where an interaction's window starts: the first trusted input the page received (pointerdown or
 * keydown timestamps, page clock) at or after `from`, else `from`. Work before it (the bench
 * locating the control through Playwright's in-page queries) is not the app's response.
 *
 * @param {ReadonlyArray<number>} inputTimes
 * @param {number} from
 * @returns {number}
 */
export function interactionStart(inputTimes, from) {
  let first = Infinity;
  for (const t of inputTimes) if (t >= from && t < first) first = t;
  return first === Infinity ? from : first;
}

/**
 * Long tasks (> `threshold` ms) overlapping a time window.
 *
 * @param {ReadonlyArray<{ startTime: number, duration: number }>} tasks
 * @param {number} from
 * @param {number} to
 * @param {number} [threshold]
 * @returns {Array<{ startTime: number, duration: number }>}
 */
export function longTasksIn(tasks, from, to, threshold = 50) {
  return tasks.filter((t) => t.duration > threshold && t.startTime < to && t.startTime + t.duration > from);
}
