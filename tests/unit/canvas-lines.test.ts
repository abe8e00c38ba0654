/**
 * The pure parts of the canvas line layer (src/charts/canvas-lines.ts): value axis, point → pixel
 * mapping with gaps, hit testing, CSS colour resolution and the drawing calls.
 */
import { describe, expect, it } from 'vitest';
import {
  CANVAS_LINE_THRESHOLD,
  deviceSize,
  drawSeries,
  drawsOnCanvas,
  nearestIndex,
  nearestSeries,
  niceStep,
  niceValueAxis,
  resolveCssColor,
  runsToPath,
  seriesRuns,
  valueExtent,
  type LineCanvasContext,
  type PixelScale,
} from '../../src/charts/canvas-lines.ts';
import { SOFT_MAX_TERRITORIES } from '../../src/transforms/selection.ts';

const series = (...rows: (number | null)[][]) => rows.map((values) => ({ points: values.map((value) => ({ value })) }));

describe('drawsOnCanvas', () => {
  it('switches above the territory filter’s soft limit, not at it', () => {
    expect(CANVAS_LINE_THRESHOLD).toBe(SOFT_MAX_TERRITORIES);
    expect(drawsOnCanvas(0)).toBe(false);
    expect(drawsOnCanvas(SOFT_MAX_TERRITORIES)).toBe(false);
    expect(drawsOnCanvas(SOFT_MAX_TERRITORIES + 1)).toBe(true);
    expect(drawsOnCanvas(75)).toBe(true);
  });
});

describe('valueExtent', () => {
  it.each([
    { name: 'all series, nulls skipped', input: series([3, null, 7], [null, -2, 5]), want: [-2, 7] },
    { name: 'one value', input: series([null, 4, null]), want: [4, 4] },
    { name: 'only gaps', input: series([null, null], []), want: null },
    { name: 'no series', input: series(), want: null },
    { name: 'non-finite values ignored', input: series([Number.NaN, 2, Number.POSITIVE_INFINITY]), want: [2, 2] },
  ])('$name', ({ input, want }) => {
    expect(valueExtent(input)).toEqual(want);
  });
});

describe('niceStep', () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.3, 2],
    [2, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [62_500, 100_000],
    [0.013, 0.02],
    [0, 1],
    [-5, 1],
  ])('%d → %d', (rough, want) => {
    expect(niceStep(rough)).toBeCloseTo(want, 12);
  });
});

describe('niceValueAxis', () => {
  it.each([
    {
      name: 'positive data starts at zero',
      extent: [12, 243_000] as [number, number],
      domain: [0, 300_000],
      ticks: [0, 100_000, 200_000, 300_000],
    },
    { name: 'percentages', extent: [8.2, 14.9] as [number, number], domain: [0, 15], ticks: [0, 5, 10, 15] },
    {
      name: 'negative data ends at zero',
      extent: [-37, -4] as [number, number],
      domain: [-40, 0],
      ticks: [-40, -30, -20, -10, 0],
    },
    { name: 'both signs', extent: [-3, 9] as [number, number], domain: [-5, 10], ticks: [-5, 0, 5, 10] },
    {
      name: 'small decimals without float noise',
      extent: [0.01, 0.07] as [number, number],
      domain: [0, 0.08],
      ticks: [0, 0.02, 0.04, 0.06, 0.08],
    },
    { name: 'no data', extent: null, domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] },
    { name: 'all zero', extent: [0, 0] as [number, number], domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] },
  ])('$name', ({ extent, domain, ticks }) => {
    const axis = niceValueAxis(extent);
    expect(axis.domain).toEqual(domain);
    expect(axis.ticks).toEqual(ticks);
  });

  it('always covers the data and zero, ticks evenly spaced from one end to the other, at most 6 ticks', () => {
    const extents: [number, number][] = [
      [1, 1],
      [3.3, 97.1],
      [-0.004, 0.002],
      [1_234, 98_765],
      [-512, 48],
      [7, 7.0001],
    ];
    for (const e of extents) {
      const { domain, ticks } = niceValueAxis(e);
      expect(domain[0]).toBeLessThanOrEqual(Math.min(0, e[0]));
      expect(domain[1]).toBeGreaterThanOrEqual(Math.max(0, e[1]));
      expect(ticks[0]).toBe(domain[0]);
      expect(ticks.at(-1)).toBe(domain[1]);
      expect(ticks.length).toBeLessThanOrEqual(6);
      const steps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0));
      for (const s of steps) expect(s).toBeCloseTo(steps[0] ?? 0, 9);
    }
  });
});

/** y = 100 − 10·v (a plot 100 px high for values 0…10), like a recharts value scale. */
const yScale: PixelScale = (v) => 100 - 10 * v;

describe('seriesRuns (point → pixel, gaps kept)', () => {
  it.each([
    {
      name: 'a full series is one run',
      values: [0, 5, 10],
      xs: [0, 50, 100],
      want: [
        [
          { x: 0, y: 100 },
          { x: 50, y: 50 },
          { x: 100, y: 0 },
        ],
      ],
    },
    {
      name: 'a missing value splits the line, never drops to zero',
      values: [1, 2, null, 4, 5],
      xs: [0, 10, 20, 30, 40],
      want: [
        [
          { x: 0, y: 90 },
          { x: 10, y: 80 },
        ],
        [
          { x: 30, y: 60 },
          { x: 40, y: 50 },
        ],
      ],
    },
    {
      name: 'an isolated value is kept as a one-point run',
      values: [null, 3, null],
      xs: [0, 10, 20],
      want: [[{ x: 10, y: 70 }]],
    },
    {
      name: 'reversed (RTL) x pixels are used as given',
      values: [2, 4],
      xs: [200, 100],
      want: [
        [
          { x: 200, y: 80 },
          { x: 100, y: 60 },
        ],
      ],
    },
    {
      name: 'a period the x scale cannot place is a gap',
      values: [1, 2, 3],
      xs: [0, undefined, 20],
      want: [[{ x: 0, y: 90 }], [{ x: 20, y: 70 }]],
    },
    { name: 'only gaps', values: [null, null], xs: [0, 10], want: [] },
  ])('$name', ({ values, xs, want }) => {
    expect(seriesRuns(values, xs, yScale)).toEqual(want);
  });

  it('a value the y scale cannot place is a gap too', () => {
    const partial: PixelScale = (v) => (v > 5 ? undefined : v);
    expect(seriesRuns([1, 9, 2], [0, 1, 2], partial)).toEqual([[{ x: 0, y: 1 }], [{ x: 2, y: 2 }]]);
  });
});

describe('nearestIndex', () => {
  it.each([
    { xs: [0, 10, 20, 30], px: 12, want: 1 },
    { xs: [0, 10, 20, 30], px: 16, want: 2 },
    { xs: [0, 10, 20, 30], px: -50, want: 0 },
    { xs: [0, 10, 20, 30], px: 500, want: 3 },
    { xs: [30, 20, 10, 0], px: 2, want: 3 },
    { xs: [undefined, 10, undefined], px: 0, want: 1 },
    { xs: [], px: 3, want: -1 },
  ])('$xs at $px → $want', ({ xs, px, want }) => {
    expect(nearestIndex(xs, px)).toBe(want);
  });
});

describe('nearestSeries', () => {
  it.each([
    { name: 'closest first', values: [1, 5, 9], py: 52, count: 3, want: [1, 0, 2] },
    { name: 'cut to count', values: [1, 5, 9], py: 12, count: 2, want: [2, 1] },
    { name: 'missing values are never nearest', values: [null, 5, null], py: 0, count: 3, want: [1] },
    { name: 'ties keep series order', values: [4, 6], py: 50, count: 2, want: [0, 1] },
    { name: 'nothing to show', values: [null], py: 0, count: 3, want: [] },
  ])('$name', ({ values, py, count, want }) => {
    expect(nearestSeries(values, yScale, py, count)).toEqual(want);
  });
});

describe('resolveCssColor', () => {
  const vars: Record<string, string> = { '--series-3': ' #D98BB7 ', '--empty': '' };
  const read = (name: string) => vars[name] ?? '';
  it.each([
    { color: 'var(--series-3, #CC79A7)', want: '#D98BB7' },
    { color: 'var(--series-9, #6A3D9A)', want: '#6A3D9A' },
    { color: 'var(--empty,#123456)', want: '#123456' },
    { color: 'var(--missing)', want: '#000000' },
    { color: '#0072B2', want: '#0072B2' },
    { color: 'rgb(1 2 3)', want: 'rgb(1 2 3)' },
  ])('$color → $want', ({ color, want }) => {
    expect(resolveCssColor(color, read)).toBe(want);
  });
});

describe('deviceSize', () => {
  it.each([
    { w: 758, h: 302, dpr: 1, want: { width: 758, height: 302 } },
    { w: 758, h: 302, dpr: 2, want: { width: 1516, height: 604 } },
    { w: 100.4, h: 50.6, dpr: 1.5, want: { width: 151, height: 76 } },
    { w: 0, h: 0, dpr: 2, want: { width: 1, height: 1 } },
    { w: 10, h: 10, dpr: Number.NaN, want: { width: 10, height: 10 } },
  ])('$w×$h @$dpr', ({ w, h, dpr, want }) => {
    expect(deviceSize(w, h, dpr)).toEqual(want);
  });
});

describe('runsToPath', () => {
  it('one subpath per run of two or more points; single points are left to the dot', () => {
    expect(
      runsToPath([
        [
          { x: 0, y: 1.25 },
          { x: 10, y: 2 },
        ],
        [{ x: 20, y: 3 }],
        [
          { x: 30, y: 4 },
          { x: 40.04, y: 5 },
        ],
      ]),
    ).toBe('M0,1.3L10,2M30,4L40,5');
    expect(runsToPath([])).toBe('');
  });
});

/** A 2D context that records what is drawn. */
function recordingContext() {
  const calls: string[] = [];
  const ctx: LineCanvasContext = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 0,
    lineJoin: 'miter',
    lineCap: 'butt',
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => calls.push(`M${x},${y}`),
    lineTo: (x, y) => calls.push(`L${x},${y}`),
    arc: (x, y, r) => calls.push(`arc${x},${y},${r}`),
    stroke: () => calls.push(`stroke ${String(ctx.strokeStyle)} ${ctx.lineWidth}`),
    fill: () => calls.push(`fill ${String(ctx.fillStyle)}`),
  };
  return { ctx, calls };
}

describe('drawSeries', () => {
  it('strokes each run in its colour, lifts the pen at gaps, dots isolated points, counts drawn series', () => {
    const { ctx, calls } = recordingContext();
    const drawn = drawSeries(
      ctx,
      [
        {
          color: '#111',
          runs: [
            [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
            [
              { x: 3, y: 3 },
              { x: 4, y: 4 },
            ],
          ],
        },
        { color: '#222', runs: [] },
        { color: '#333', runs: [[{ x: 5, y: 5 }]] },
      ],
      1.5,
    );
    expect(drawn).toBe(2);
    expect(calls).toEqual([
      'begin',
      'M0,0',
      'L1,1',
      'M3,3',
      'L4,4',
      'stroke #111 1.5',
      'begin',
      'arc5,5,1.5',
      'fill #333',
    ]);
    expect(ctx.lineJoin).toBe('round');
  });

  it('draws nothing for no series', () => {
    const { ctx, calls } = recordingContext();
    expect(drawSeries(ctx, [], 2)).toBe(0);
    expect(calls).toEqual([]);
  });
});
