/**
 * The canvas line layer (issue 7, B2): draws every series of a line chart with many lines on one
 * `<canvas>`, inside the recharts chart, so the axes, grid, reversed Arabic time axis, keyboard focus ring
 * and sizes stay recharts' own. It reads recharts' scales and plot area (`useXAxisScale`,
 * `useYAxisScale`, `usePlotArea`), sits in a `<foreignObject>` over the plot, draws at the device pixel
 * ratio, and redraws only when the series, the scales, the size or the theme change.
 *
 * Hover shows the values of the hovered period for the lines nearest the pointer (the nearest one
 * highlighted); the keyboard focus ring and the table tab give every value.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { Lang } from '../contract/contract.ts';
import { plural } from '../i18n/i18n.ts';
import { periodStart } from '../contract/period.ts';
import { canvasLinePlurals } from './canvas-line-messages.ts';
import { PointTip } from './point-tip.tsx';
import {
  deviceSize,
  drawSeries,
  nearestIndex,
  nearestSeries,
  resolveCssColor,
  runsToPath,
  seriesRuns,
  type PixelScale,
} from './canvas-lines.ts';
import type { ChartModel } from '../transforms/chart-types.ts';
import { themedColor } from '../transforms/palette.ts';

/** Width of a drawn line, CSS px: thinner than the SVG lines' 2 px, since there are many of them. */
const LINE_WIDTH = 1.5;
/** Lines listed in the hover card. */
const HOVER_LINES = 3;

/**
 * The 2D context, or null where there is none. jsdom (component tests) implements `getContext` only to
 * report "Not implemented" on its console and return null; skip the call there so tests stay quiet.
 */
function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  if (typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom')) return null;
  try {
    return canvas.getContext('2d');
  } catch {
    return null;
  }
}

/** Resolved canvas colours of the current theme: reading computed custom properties forces a style
 * recalculation, and 75 reads per repaint showed up in the B2 profile (~0.3 s over a run). */
const colourCache = new Map<string, string>();
let colourCacheTheme: string | undefined;

/** A palette colour (`var(--series-N, #hex)`) as the canvas needs it, cached per `data-theme`. */
function canvasColour(color: string, el: Element): string {
  const theme = document.documentElement.dataset.theme ?? '';
  if (theme !== colourCacheTheme) {
    colourCache.clear();
    colourCacheTheme = theme;
  }
  let resolved = colourCache.get(color);
  if (resolved === undefined) {
    const style = getComputedStyle(el);
    resolved = resolveCssColor(color, (name) => style.getPropertyValue(name));
    colourCache.set(color, resolved);
  }
  return resolved;
}

/** Bumps when `data-theme` on <html> changes, so the canvas repaints with the theme's series colours. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const mo = new MutationObserver(() => setVersion((v) => v + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => mo.disconnect();
  }, []);
  return version;
}

interface Hover {
  p: number;
  series: number[];
  /** Pointer position inside the plot, CSS px. */
  x: number;
  y: number;
}

/** Props of `CanvasLineLayer`. */
export interface CanvasLineLayerProps {
  model: Pick<ChartModel, 'series' | 'periods' | 'lang' | 'dir'>;
  /** Formats a value in the chart's unit and measure. */
  format: (value: number | null) => string;
}

/**
 * Every series of `model` drawn on a canvas over the plot area of the enclosing recharts chart.
 * Must be a child of a recharts cartesian chart. The canvas carries `data-series` (series in the model)
 * and, once painted, `data-lines` (series drawn) for tests and the bench.
 */
export function CanvasLineLayer({ model, format }: CanvasLineLayerProps) {
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  const [hover, setHover] = useState<Hover | null>(null);
  const lang: Lang = model.lang;

  const xs = useMemo(() => (xScale ? model.periods.map((p) => xScale(periodStart(p))) : []), [model.periods, xScale]);
  const y: PixelScale | undefined = yScale;
  const runs = useMemo(
    () =>
      y
        ? model.series.map((s) =>
            seriesRuns(
              s.points.map((p) => p.value),
              xs,
              y,
            ),
          )
        : [],
    [model.series, xs, y],
  );

  const px = plot?.x ?? 0;
  const py = plot?.y ?? 0;
  const width = Math.max(0, plot?.width ?? 0);
  const height = Math.max(0, plot?.height ?? 0);

  // A layout effect: the new lines are on the canvas in the same frame as the new axes (no blank frame).
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0 || height === 0) return;
    const ctx = context2d(canvas);
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const size = deviceSize(width, height, dpr);
    if (canvas.width !== size.width) canvas.width = size.width;
    if (canvas.height !== size.height) canvas.height = size.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    // Scales give chart coordinates; the canvas starts at the plot's corner.
    ctx.setTransform(dpr, 0, 0, dpr, -px * dpr, -py * dpr);
    const drawn = drawSeries(
      ctx,
      model.series.map((s, i) => ({ runs: runs[i] ?? [], color: canvasColour(themedColor(s.color), canvas) })),
      LINE_WIDTH,
    );
    canvas.dataset.lines = String(drawn);
  }, [runs, model.series, px, py, width, height, theme]);

  if (!plot || !xScale || !yScale) return null;

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const cx = e.clientX - rect.left;
    const cy = e.clientY - rect.top;
    const p = nearestIndex(xs, cx + px);
    if (p < 0) return setHover(null);
    const series = nearestSeries(
      model.series.map((s) => s.points[p]?.value ?? null),
      yScale,
      cy + py,
      HOVER_LINES,
    );
    if (series.length === 0) return setHover(null);
    setHover((h) =>
      h && h.p === p && h.series.join() === series.join() && Math.abs(h.x - cx) < 24 && Math.abs(h.y - cy) < 24
        ? h
        : { p, series, x: cx, y: cy },
    );
  };

  const top = hover ? model.series[hover.series[0] ?? -1] : undefined;
  const topRuns = hover ? runs[hover.series[0] ?? -1] : undefined;
  const topValue = hover && top ? top.points[hover.p]?.value : undefined;
  const topY = topValue !== undefined && topValue !== null ? yScale(topValue) : undefined;
  const hoverX = hover ? xs[hover.p] : undefined;
  const period = hover ? model.periods[hover.p] : undefined;
  // The card sits on the side of the pointer with more room, inside the plot.
  const cardOnLeft = hover ? hover.x > width / 2 : false;

  return (
    <g className="line-canvas">
      <foreignObject x={px} y={py} width={width} height={height}>
        <div style={{ position: 'relative', width, height }}>
          <canvas
            ref={canvasRef}
            className="line-chart__canvas"
            data-series={model.series.length}
            aria-hidden="true"
            style={{ display: 'block', width, height }}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setHover(null)}
          />
        </div>
      </foreignObject>
      {top && topRuns ? (
        <g className="line-canvas__highlight" pointerEvents="none">
          <path
            d={runsToPath(topRuns)}
            fill="none"
            stroke={themedColor(top.color)}
            strokeWidth={3.5}
            strokeLinejoin="round"
          />
          {hoverX !== undefined && topY !== undefined ? (
            <circle cx={hoverX} cy={topY} r={5} fill={themedColor(top.color)} stroke="var(--surface)" strokeWidth={2} />
          ) : null}
        </g>
      ) : null}
      {hover && period ? (
        <foreignObject x={px} y={py} width={width} height={height} pointerEvents="none">
          <div style={{ position: 'relative', width, height, pointerEvents: 'none' }}>
            <div
              className="line-canvas__card"
              aria-hidden="true"
              style={{
                position: 'absolute',
                top: Math.max(0, Math.min(hover.y + 12, height - 120)),
                ...(cardOnLeft ? { right: width - hover.x + 12 } : { left: hover.x + 12 }),
                maxWidth: Math.max(160, width / 2 - 16),
                pointerEvents: 'none',
              }}
            >
              <PointTip
                model={model}
                periodIndex={hover.p}
                series={hover.series}
                format={format}
                highlightFirst
                footer={plural(canvasLinePlurals.hoverHint, lang, model.series.length)}
              />
            </div>
          </div>
        </foreignObject>
      ) : null}
    </g>
  );
}
