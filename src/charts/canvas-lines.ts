/**
 * Pure parts of the canvas line layer (issue 7, B2): above {@link CANVAS_LINE_THRESHOLD} lines the line
 * chart draws its series on one `<canvas>` instead of one recharts `<Line>` (an SVG path measured with
 * `getTotalLength`) per series, which made mounting 75 lines × 132 months cost ~0.5–1 s.
 *
 * Everything here is plain TypeScript (no React, no DOM): the value-axis domain and ticks (recharts
 * derives them from `<Line>` children, which the canvas mode no longer has), point → pixel mapping with
 * gaps kept as gaps, hit testing for hover, CSS colour resolution and the drawing itself against a
 * minimal 2D-context interface, so each is unit-tested with tables and a recording fake context.
 */
import { SOFT_MAX_TERRITORIES } from '../transforms/selection.ts';

/**
 * More lines than this are drawn on a canvas. The same number as the territory filter's soft limit
 * ("more than 12 lines: hard to read"): below it the chart keeps its SVG `<Line>`s (exports, e2e tests
 * and the bench read `path.recharts-line-curve`), above it drawing cost, not legibility, is what matters.
 */
export const CANVAS_LINE_THRESHOLD = SOFT_MAX_TERRITORIES;

/** Whether a chart of `seriesCount` lines uses the canvas layer. */
export function drawsOnCanvas(seriesCount: number): boolean {
  return seriesCount > CANVAS_LINE_THRESHOLD;
}

/** A value axis: its domain and the tick values from its start to its end, evenly spaced. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
}

/** Smallest and largest finite value over the series, or null when there is none. */
export function valueExtent(
  series: readonly { points: readonly { value: number | null }[] }[],
): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      const v = p.value;
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  // The small tolerance keeps 2.0000000001 (a float artefact of 0.1 × 20) from jumping to 2.5.
  const nice = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 2.5 + 1e-9 ? 2.5 : f <= 5 + 1e-9 ? 5 : 10;
  return nice * power;
}

/** Decimals needed to print multiples of `step` without float noise. */
function decimalsOf(step: number): number {
  let d = 0;
  while (d < 12 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-9 * 10 ** d) d++;
  return d;
}

/**
 * The value axis of a line chart: zero is always inside it (the baseline the SVG chart keeps through
 * recharts' default `[0, 'auto']` domain), and its ends are the nice ticks just outside the data, with
 * about `tickCount` ticks (recharts' default is 5). An empty chart gets `[0, 1]`.
 */
export function niceValueAxis(extent: [number, number] | null, tickCount = 5): ValueAxis {
  const lo = Math.min(0, extent?.[0] ?? 0);
  const hi = Math.max(0, extent?.[1] ?? 0);
  if (lo === hi) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const intervals = Math.max(1, tickCount - 1);
  let step = niceStep((hi - lo) / intervals);
  let start = Math.floor(lo / step) * step;
  let end = Math.ceil(hi / step) * step;
  // Rounding both ends out can need one interval more than asked: take the next nice step then.
  if (Math.round((end - start) / step) > intervals) {
    step = niceStep(step * 1.0001);
    start = Math.floor(lo / step) * step;
    end = Math.ceil(hi / step) * step;
  }
  const d = decimalsOf(step);
  const ticks: number[] = [];
  const n = Math.round((end - start) / step);
  for (let i = 0; i <= n; i++) ticks.push(Number((start + i * step).toFixed(d)));
  const first = ticks[0] ?? start;
  const last = ticks.at(-1) ?? end;
  return { domain: [first, last], ticks };
}

/** A point in pixels. */
export interface PixelPoint {
  x: number;
  y: number;
}

/** A scale from data to pixels, as recharts' `useXAxisScale`/`useYAxisScale` return. */
export type PixelScale = (value: number) => number | undefined;

/**
 * Pixel runs of one series: consecutive points with a value, split at every missing value (`null`) or
 * unmappable point, so a gap is drawn as a gap and never as a drop to zero. `xs[i]` is the pixel of
 * period i. A run of one point is kept (drawn as a dot), so an isolated value is not lost.
 */
export function seriesRuns(
  values: readonly (number | null)[],
  xs: readonly (number | undefined)[],
  y: PixelScale,
): PixelPoint[][] {
  const runs: PixelPoint[][] = [];
  let run: PixelPoint[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const px = xs[i];
    const py = v === null || v === undefined || !Number.isFinite(v) ? undefined : y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push({ x: px, y: py });
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Index of the x nearest to `px` (xs may run either way: the Arabic axis is reversed), or -1. */
export function nearestIndex(xs: readonly (number | undefined)[], px: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x === undefined) continue;
    const d = Math.abs(x - px);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * The series nearest to the pointer's `py` at one period, closest first, at most `count`: indexes into
 * `valuesAt` (the value of each series at that period; missing values are skipped).
 */
export function nearestSeries(
  valuesAt: readonly (number | null)[],
  y: PixelScale,
  py: number,
  count: number,
): number[] {
  const found: { i: number; d: number }[] = [];
  valuesAt.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const yy = y(v);
    if (yy === undefined || !Number.isFinite(yy)) return;
    found.push({ i, d: Math.abs(yy - py) });
  });
  found.sort((a, b) => a.d - b.d || a.i - b.i);
  return found.slice(0, Math.max(0, count)).map((f) => f.i);
}

/**
 * A colour a canvas can use. `themedColor` paints through CSS variables (`var(--series-3, #CC79A7)`),
 * which a 2D context does not understand: read the variable (`read` returns its computed value, '' when
 * unset) and fall back to the literal after the comma. Other colours pass through.
 */
export function resolveCssColor(color: string, read: (name: string) => string): string {
  const m = /^\s*var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*?))?\s*\)\s*$/.exec(color);
  if (!m) return color;
  const value = read(m[1] ?? '').trim();
  return value !== '' ? value : (m[2] ?? '').trim() || '#000000';
}

/** Canvas size in device pixels for a CSS size at a device pixel ratio (at least 1 × 1). */
export function deviceSize(cssWidth: number, cssHeight: number, dpr: number): { width: number; height: number } {
  const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
  return { width: Math.max(1, Math.round(cssWidth * ratio)), height: Math.max(1, Math.round(cssHeight * ratio)) };
}

/** What the drawing needs of a 2D context (a subset of `CanvasRenderingContext2D`, faked in tests). */
export interface LineCanvasContext {
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  lineCap: CanvasLineCap;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  stroke(): void;
  fill(): void;
}

/** One series to draw: its pixel runs and its resolved colour. */
export interface DrawnSeries {
  runs: PixelPoint[][];
  color: string;
}

/**
 * Draw series in order (later ones on top): each run as one polyline, a run of a single point as a dot
 * of the line's width. Coordinates are CSS pixels; the caller scales the context for the pixel ratio.
 * Returns how many series drew at least one point.
 */
export function drawSeries(ctx: LineCanvasContext, series: readonly DrawnSeries[], lineWidth: number): number {
  let drawn = 0;
  ctx.lineWidth = lineWidth;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const s of series) {
    if (s.runs.length === 0) continue;
    drawn++;
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    let lines = false;
    for (const run of s.runs) {
      const [first, ...rest] = run;
      if (!first || rest.length === 0) continue;
      if (!lines) ctx.beginPath();
      lines = true;
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
    }
    if (lines) ctx.stroke();
    for (const run of s.runs) {
      const only = run.length === 1 ? run[0] : undefined;
      if (!only) continue;
      ctx.beginPath();
      ctx.arc(only.x, only.y, lineWidth, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  return drawn;
}

/** SVG path data of pixel runs (the line highlighted on hover); single-point runs are left out. */
export function runsToPath(runs: readonly PixelPoint[][]): string {
  return runs
    .filter((r) => r.length > 1)
    .map((r) => r.map((p, i) => `${i === 0 ? 'M' : 'L'}${Number(p.x.toFixed(1))},${Number(p.y.toFixed(1))}`).join(''))
    .join('');
}
