/** Types for bench/lib/stats.mjs (pure helpers of `npm run bench`). */
export type Unit = 'ms' | 'x' | 'kB' | '%' | 'n';
export type Verdict = 'PASS' | 'FAIL' | 'n/a' | 'info' | 'skip';
export interface Row {
  id: string;
  label: string;
  value: number | null;
  unit: Unit;
  budget?: number | null;
  /** Lower bound instead of `budget` (scores). */
  min?: number | null;
  /** `skip`: not run on purpose; `fail`: the build lacks what is measured (a FAIL, not an n/a). */
  status?: 'skip' | 'fail';
  detail?: string;
}
export interface Summary {
  n: number;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
}
export function quantile(values: readonly number[], q: number): number | null;
export function summarize(values: readonly number[]): Summary;
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null;
export function growth(before: number | null | undefined, after: number | null | undefined): number | null;
export function verdict(value: number | null | undefined, max: number | null | undefined): Verdict;
export function formatValue(value: number | null | undefined, unit: Unit): string;
export function judge(rows: readonly Row[]): Array<Row & { shown: string; budgetShown: string; verdict: Verdict }>;
export function renderTable(rows: readonly Row[]): string;
export function tally(rows: readonly Row[]): { pass: number; fail: number; missing: number; skipped: number };
export function interactionLatencies(entries: ReadonlyArray<{ interactionId?: number; duration: number }>): number[];
export function interactionStart(inputTimes: ReadonlyArray<number>, from: number): number;
export function longTasksIn(
  tasks: ReadonlyArray<{ startTime: number; duration: number }>,
  from: number,
  to: number,
  threshold?: number,
): Array<{ startTime: number; duration: number }>;
