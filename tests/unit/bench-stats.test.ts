/**
 * Pure helpers of `npm run bench` (bench/lib/stats.mjs, bench/lib/bundle.mjs): the numbers the
 * bench prints must be right before they are compared with budgets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatValue,
  growth,
  interactionLatencies,
  interactionStart,
  judge,
  longTasksIn,
  quantile,
  ratio,
  renderTable,
  summarize,
  tally,
  verdict,
} from '../../bench/lib/stats.mjs';
import { filesLoaded, listJs, totalSize } from '../../bench/lib/bundle.mjs';

describe('quantile (linear interpolation, type 7)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.95, 7],
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 9.55],
    [[10, 20], 0, 10],
    [[10, 20], 1, 20],
    [[10, 20], 2, 20], // clamped
    [[5, Number.NaN, 15], 0.5, 10], // non-finite values are ignored
  ])('%j at %f → %s', (xs, q, expected) => {
    const got = quantile(xs, q);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });

  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    quantile(xs, 0.5);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('gives n, median, p95, min and max', () => {
    expect(summarize([40, 10, 30, 20])).toEqual({ n: 4, median: 25, p95: 38.5, min: 10, max: 40 });
  });
  it('is all null for no sample', () => {
    expect(summarize([])).toEqual({ n: 0, median: null, p95: null, min: null, max: null });
  });
});

describe('ratio, growth, verdict', () => {
  it.each([
    [110, 100, 1.1],
    [50, 200, 0.25],
    [1, 0, null],
    [null, 1, null],
    [1, undefined, null],
    [Number.NaN, 1, null],
  ])('ratio(%s, %s) = %s', (a, b, r) => {
    const got = ratio(a, b);
    if (r === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(r, 10);
  });

  it.each([
    [100, 105, 0.05],
    [100, 90, -0.1],
    [0, 5, null],
    [null, 5, null],
  ])('growth(%s, %s) = %s', (a, b, g) => {
    const got = growth(a, b);
    if (g === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(g, 10);
  });

  it.each([
    [1.1, 1.1, 'PASS'], // the budget itself passes: budgets are "≤"
    [1.11, 1.1, 'FAIL'],
    [0, 0, 'PASS'],
    [1, 0, 'FAIL'],
    [null, 1.1, 'n/a'], // an unmeasured figure never passes silently
    [Number.NaN, 100, 'n/a'],
    [3, null, 'info'],
    [null, undefined, 'n/a'],
  ] as const)('verdict(%s, %s) = %s', (v, max, expected) => {
    expect(verdict(v, max)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [123.6, 'ms', '124 ms'],
    [1.104, 'x', '1.10×'],
    [194_512, 'kB', '194.5 kB'],
    [0.0345, '%', '3.5 %'],
    [3, 'n', '3'],
    [null, 'ms', '—'],
  ] as const)('%s %s → %s', (v, unit, text) => {
    expect(formatValue(v, unit)).toBe(text);
  });
});

describe('table', () => {
  const rows = [
    { id: 'B1', label: 'first chart ratio', value: 1.25, unit: 'x' as const, budget: 1.1 },
    { id: 'B3', label: 'initial JS ratio', value: 1.05, unit: 'x' as const, budget: 1.2, detail: 'app 200 kB' },
    { id: 'B4', label: 'PNG 75 lines', value: 700, unit: 'ms' as const },
    { id: 'B2', label: 'p95', value: null, unit: 'ms' as const, budget: 100 },
  ];

  it('puts each figure beside its budget and verdict', () => {
    expect(judge(rows).map((r) => [r.shown, r.budgetShown, r.verdict])).toEqual([
      ['1.25×', '≤ 1.10×', 'FAIL'],
      ['1.05×', '≤ 1.20×', 'PASS'],
      ['700 ms', '', 'info'],
      ['—', '≤ 100 ms', 'n/a'],
    ]);
    expect(tally(rows)).toEqual({ pass: 1, fail: 1, missing: 1, skipped: 0 });
  });

  it('judges scores against a lower bound, and keeps skipped and build-gap rows apart from missing ones', () => {
    const more = [
      { id: 'B9', label: 'score ok', value: 97, unit: 'n' as const, min: 95 },
      { id: 'B9', label: 'score at the bound', value: 95, unit: 'n' as const, min: 95 },
      { id: 'B9', label: 'score low', value: 72, unit: 'n' as const, min: 95 },
      { id: 'B9', label: 'score missing', value: null, unit: 'n' as const, min: 95 },
      { id: 'B9', label: 'quick', value: null, unit: 'n' as const, min: 95, status: 'skip' as const },
      { id: 'B10', label: 'no sw', value: null, unit: 'ms' as const, budget: 1000, status: 'fail' as const },
    ];
    expect(judge(more).map((r) => [r.shown, r.budgetShown, r.verdict])).toEqual([
      ['97', '≥ 95', 'PASS'],
      ['95', '≥ 95', 'PASS'],
      ['72', '≥ 95', 'FAIL'],
      ['—', '≥ 95', 'n/a'],
      ['—', '≥ 95', 'skip'],
      ['—', '≤ 1000 ms', 'FAIL'],
    ]);
    expect(tally(more)).toEqual({ pass: 2, fail: 2, missing: 1, skipped: 1 });
  });

  it('renders a Markdown table with one line per row plus header and rule', () => {
    const text = renderTable(rows);
    const lines = text.split('\n');
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines[0]).toMatch(/^\| +\| figure +\| value +\| budget +\| verdict +\| detail +\|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
    expect(lines[2]).toContain('| B1 | first chart ratio');
    expect(lines[3]).toContain('app 200 kB');
    // Every line has the same width, so the table lines up in a terminal.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('interactionLatencies (Event Timing → one latency per interaction)', () => {
  it('takes the longest entry of each interaction and ignores entries without an id', () => {
    const entries = [
      { interactionId: 7, duration: 24, name: 'pointerdown' },
      { interactionId: 7, duration: 56, name: 'click' },
      { interactionId: 7, duration: 40, name: 'pointerup' },
      { interactionId: 9, duration: 120, name: 'keydown' },
      { interactionId: 0, duration: 300, name: 'pointerover' },
      { duration: 500, name: 'mousemove' },
    ];
    expect(interactionLatencies(entries).sort((a, b) => a - b)).toEqual([56, 120]);
  });
  it('is empty when nothing crossed the threshold', () => {
    expect(interactionLatencies([])).toEqual([]);
  });
});

describe('interactionStart', () => {
  it.each([
    [[], 100, 100], // no input recorded: the window starts where the bench started acting
    [[130, 120], 100, 120], // the first input at or after the start
    [[90, 150], 100, 150], // an input before the start belongs to the previous interaction
    [[100], 100, 100],
  ])('inputs %j from %i → %i', (inputs, from, start) => {
    expect(interactionStart(inputs, from)).toBe(start);
  });
});

describe('longTasksIn', () => {
  const tasks = [
    { startTime: 0, duration: 80 }, // ends at 80: overlaps a window starting at 50
    { startTime: 100, duration: 50 }, // exactly 50 ms: not a long task by the > 50 rule
    { startTime: 200, duration: 51 },
    { startTime: 400, duration: 120 }, // after the window
  ];
  it.each([
    [50, 300, [80, 51]],
    [81, 300, [51]],
    [0, 10, [80]],
    [520, 600, []], // the last task ends at 520
    [519, 600, [120]],
  ])('window %i–%i → %j', (from, to, durations) => {
    expect(longTasksIn(tasks, from, to).map((t) => t.duration)).toEqual(durations);
  });
});

describe('bundle sizes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bundle-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'assets'));
  const big = 'export const a = ' + JSON.stringify('x'.repeat(5000)) + ';\n';
  const small = 'console.log(1);\n';
  fs.writeFileSync(path.join(dir, 'assets/index-AbCd1234.js'), big);
  fs.writeFileSync(path.join(dir, 'assets/lazy-ZZZZ9999.js'), small);
  fs.writeFileSync(path.join(dir, 'assets/style-XYZ12345.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'mockServiceWorker.js'), small);

  it('lists every JS file with raw and gzip-9 sizes, largest first, CSS left out', () => {
    const files = listJs(dir);
    expect(files[0]?.file).toBe('assets/index-AbCd1234.js');
    expect(files.map((f) => f.file).sort()).toEqual([
      'assets/index-AbCd1234.js',
      'assets/lazy-ZZZZ9999.js',
      'mockServiceWorker.js',
    ]);
    const index = files.find((f) => f.file === 'assets/index-AbCd1234.js');
    expect(index?.raw).toBe(Buffer.byteLength(big));
    expect(index?.gzip).toBe(zlib.gzipSync(Buffer.from(big), { level: 9 }).length);
    expect(index?.gzip).toBeLessThan(index?.raw ?? 0);
  });

  it('matches loaded URLs at any origin and sub-path, once per file', () => {
    const files = listJs(dir);
    const loaded = filesLoaded(files, [
      'http://127.0.0.1:4360/mouchir/assets/index-AbCd1234.js',
      'http://127.0.0.1:4360/mouchir/assets/index-AbCd1234.js?v=2',
      'http://127.0.0.1:4360/api/v1/territories',
      'http://127.0.0.1:4360/assets/other-00000000.js',
    ]);
    expect(loaded.map((f) => f.file)).toEqual(['assets/index-AbCd1234.js']);
    expect(totalSize(loaded)).toEqual({ gzip: loaded[0]?.gzip, raw: Buffer.byteLength(big), count: 1 });
  });

  it('is empty for a missing folder', () => {
    expect(listJs(path.join(dir, 'nope'))).toEqual([]);
    expect(totalSize([])).toEqual({ gzip: 0, raw: 0, count: 0 });
  });
});
