/**
 * Line chart over time, one line per territory (recharts). Draws a `ChartModel`; sized by props.
 *
 * Right-to-left: in Arabic the time axis is reversed (earliest period on the right, time running
 * right-to-left in reading order) and the value axis sits on the right, where an Arabic reader starts.
 * This follows how Moroccan Arabic-language publications (HCP's Arabic editions) lay out time charts and
 * keeps the chart consistent with the mirrored page; the export engineer's composed SVG does the same.
 *
 * Keyboard: the plot is one focusable group; arrow keys move a focus ring across points (left/right in
 * visual direction, up/down across territories), Home/End jump, and an aria-live region announces
 * territory, period and value. Missing values are gaps (`connectNulls={false}`), never zero.
 *
 * Many lines (issue 7, B2): above `CANVAS_LINE_THRESHOLD` (the territory filter's soft limit, 12) the
 * series are drawn on a canvas inside the same recharts chart (`CanvasLineLayer`) instead of one SVG
 * `<Line>` each — mounting 75 recharts lines × 132 months took ~0.5–1 s. Axes, grid, RTL, focus ring,
 * legend and announcements are unchanged; the value axis then gets an explicit nice domain (recharts
 * derives it from `<Line>` children) and hover shows the nearest lines' values.
 *
 * Events (issue 17): `model.events` on the axis are drawn as numbered rules above the lines (SVG or canvas) and
 * listed under the legend, where each is a button that highlights its rule (src/charts/chart-events.tsx); events
 * outside the range are listed only.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  CartesianGrid,
  Line,
  LineChart as RLineChart,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
  type DotItemDotProps,
} from 'recharts';
import type { Lang, Unit } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { CanvasLineLayer } from './canvas-line-layer.tsx';
import { EventList, EventMarkers } from './chart-events.tsx';
import { drawsOnCanvas, niceValueAxis, valueExtent } from './canvas-lines.ts';
import { formatCompact, formatPeriod } from '../i18n/format.ts';
import { plainTick } from './axis-tick.tsx';
import { textWidth, thinTicks } from './text-layout.ts';
import { downsampleLttb, targetPointCount } from '../transforms/downsample.ts';
import { periodStart } from '../contract/period.ts';
import { formatMeasured, isPercentValue, pointPeriodText, pointValueText } from '../transforms/value-format.ts';
import { PointTip, pointAnnouncement } from './point-tip.tsx';
import type { ChartModel } from '../transforms/chart-types.ts';
import { chartMessages } from '../ui/messages.ts';
import { themedColor } from '../transforms/palette.ts';

/** Props of `LineChart`. */
export interface LineChartProps {
  model: ChartModel;
  unitCode: Unit['code'];
  width: number;
  height: number;
  /** Animation only for short series (and never when the user prefers reduced motion). */
  animate?: boolean;
}

type Row = { period: string; t: number } & Record<string, number | null | string>;

/**
 * Rows for recharts: one per period kept after downsampling (each series downsampled on its own with
 * LTTB, keeping gaps; the union of kept periods is drawn). Pure.
 */
export function lineChartRows(model: Pick<ChartModel, 'periods' | 'series'>, plotWidth: number): Row[] {
  const target = targetPointCount(plotWidth);
  let keep: Set<number> | null = null;
  if (model.periods.length > target) {
    keep = new Set<number>();
    for (const s of model.series) {
      const indexed = s.points.map((p, i) => ({ value: p.value, i }));
      for (const p of downsampleLttb(indexed, target, (q) => q.i)) keep.add(p.i);
    }
  }
  const rows: Row[] = [];
  model.periods.forEach((period, i) => {
    if (keep && !keep.has(i)) return;
    const row: Row = { period, t: periodStart(period) };
    for (const s of model.series) row[s.key] = s.points[i]?.value ?? null;
    rows.push(row);
  });
  return rows;
}

/**
 * A line's dots: hollow where the source does not give the number exactly (a qualifier: ≈, >, <, provisional,
 * computed, undated), filled otherwise — as the exported pictures draw them, so a reader sees on the line itself which
 * points to read with their note (the tooltip, table and announcements say what the qualifier is).
 */
function seriesDot(color: string, qualified: ReadonlySet<string>): (props: DotItemDotProps) => ReactNode {
  return function SeriesDot(props: DotItemDotProps) {
    const { cx, cy, index } = props;
    if (typeof cx !== 'number' || typeof cy !== 'number') return null;
    const period = (props.payload as Row | undefined)?.period;
    const hollow = period !== undefined && qualified.has(period);
    return (
      <circle
        key={`dot-${index}`}
        cx={cx}
        cy={cy}
        r={3}
        fill={hollow ? 'var(--surface)' : color}
        stroke={color}
        strokeWidth={hollow ? 1.5 : 0}
        data-qualified={hollow ? 'true' : undefined}
      />
    );
  };
}

// Stable props for recharts (issue 7, B2): recharts copies axis and grid props into its store, and a
// fresh object or function on each render re-dispatches them and re-renders the chart synchronously.
const MARGIN = { top: 20, right: 24, bottom: 8, left: 24 };
const TICK_FONT_SIZE = 12;
/** Both axes' labels as plain SVG text: no DOM measuring on the first render (src/charts/axis-tick.tsx). */
const AXIS_TICK = plainTick({ fill: 'var(--muted)', fontSize: TICK_FONT_SIZE });
/** The value axis's width (its labels are drawn inside it). */
const VALUE_AXIS_WIDTH = 64;
/** The least room between two time labels' centres: the widest label plus this gap, and never under 70 px. */
const TIME_LABEL_GAP = 16;
const TIME_LABEL_MIN_DISTANCE = 70;
/** No vertical grid lines: also skips recharts measuring every x tick label again for the grid. */
const NO_VERTICAL_LINES = (): number[] => [];
const DATA_EXTENT: ['dataMin', 'dataMax'] = ['dataMin', 'dataMax'];

let firstChartMarked = false;

/** What counts as a drawn chart: a recharts line path, or a line canvas once painted (`data-lines`). */
const DRAWN_LINES_SELECTOR = 'path.recharts-line-curve, canvas.line-chart__canvas[data-lines]';

/** Mark `mouchir:first-chart` once the first line (path or painted canvas) is in the DOM (read by `npm run bench`). */
function useFirstChartMark(container: React.RefObject<HTMLDivElement | null>, hasData: boolean): void {
  useEffect(() => {
    if (firstChartMarked || !hasData || typeof performance === 'undefined') return;
    let frame = 0;
    let tries = 0;
    const check = () => {
      if (firstChartMarked) return;
      if (container.current?.querySelector(DRAWN_LINES_SELECTOR)) {
        firstChartMarked = true;
        performance.mark('mouchir:first-chart');
        return;
      }
      if (++tries < 120) frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [container, hasData]);
}

function FocusRing({
  period,
  value,
  color,
  label,
  rtl,
}: {
  period: string;
  value: number | null;
  color: string;
  label: string;
  rtl: boolean;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  // The time axis is numeric (months since year 0), so irregular periods sit at their true distance.
  const x = xScale(periodStart(period));
  const y = value === null ? yScale(0) : yScale(value);
  if (x === undefined || y === undefined) return null;
  return (
    <g className="focus-ring" pointerEvents="none">
      <circle cx={x} cy={y} r={8} fill="none" stroke="var(--focus)" strokeWidth={3} />
      <circle cx={x} cy={y} r={4} fill={value === null ? 'var(--surface)' : color} stroke={color} />
      <text
        x={x}
        y={Math.max(14, y - 14)}
        textAnchor="middle"
        className="focus-ring__label"
        direction={rtl ? 'rtl' : 'ltr'}
        paintOrder="stroke"
      >
        {label}
      </text>
    </g>
  );
}

function LineChartView({ model, unitCode, width, height, animate = false }: LineChartProps) {
  const lang: Lang = model.lang;
  const rtl = model.dir === 'rtl';
  const helpId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ s: number; p: number } | null>(null);
  const [highlightedEvent, setHighlightedEvent] = useState<string | null>(null);
  // Recharts' tooltip mounts when a pointer first comes over the plot, not with the chart (issue 16, TBT): on mount
  // it measures its box in the DOM — a forced layout of the page in the chart's first task, ~20 ms at 4× CPU — and
  // re-renders with each of recharts' mount passes. The keyboard has its own focus ring and live region (below).
  const [pointerSeen, setPointerSeen] = useState(false);
  const canvas = drawsOnCanvas(model.series.length);
  // The canvas draws from the model itself: its rows carry only the time key (for the x axis and ticks).
  const rows = useMemo<Row[]>(
    () =>
      canvas ? model.periods.map((period) => ({ period, t: periodStart(period) })) : lineChartRows(model, width - 80),
    [canvas, model, width],
  );
  // The value axis's ticks are ours on both paths: the canvas draws its own lines, and recharts' own ticks step by
  // multiples of 0.05 × 10^k (0, 9.5, 19, 28.5, 38 million for the population), where a reader expects 0, 10, 20…
  const valueAxis = useMemo(() => niceValueAxis(valueExtent(model.series)), [model.series]);
  // One dot renderer per series, kept with the model (recharts re-dispatches a prop that changes identity).
  const dots = useMemo(
    () =>
      new Map(
        model.series.map((s) => {
          const qualified = new Set(s.points.filter((p) => p.qualifier && p.value !== null).map((p) => p.period));
          return [s.key, seriesDot(themedColor(s.color), qualified)] as const;
        }),
      ),
    [model.series],
  );
  const timeDomain = useMemo<[number, number] | null>(() => {
    if (!canvas || rows.length === 0) return null;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      lo = Math.min(lo, r.t);
      hi = Math.max(hi, r.t);
    }
    return [lo, hi];
  }, [canvas, rows]);
  const periodOfKey = useMemo(() => new Map(rows.map((r) => [r.t, r.period])), [rows]);
  // Labels spaced by the widest one (estimated, not measured) plus a gap, at least 70 px apart, first and last always.
  const ticks = useMemo(() => {
    const all = rows.map((r) => r.t);
    const first = all[0];
    const lastT = all.at(-1);
    if (first === undefined || lastT === undefined) return [];
    const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right - VALUE_AXIS_WIDTH);
    const span = lastT - first || 1;
    const positions = all.map((t) => ((t - first) / span) * plotWidth);
    let widest = 0;
    for (const r of rows) widest = Math.max(widest, textWidth(formatPeriod(r.period, lang), TICK_FONT_SIZE));
    const distance = Math.max(TIME_LABEL_MIN_DISTANCE, widest + TIME_LABEL_GAP);
    return thinTicks(positions, distance).map((i) => all[i] ?? first);
  }, [rows, width, lang]);
  const measure = model.measure;
  const fmt = useCallback((v: number | null) => formatMeasured(v, unitCode, measure, lang), [unitCode, measure, lang]);
  const percent = isPercentValue(unitCode, measure);
  const timeTick = useCallback((t: number) => formatPeriod(periodOfKey.get(t) ?? '', lang), [periodOfKey, lang]);
  const valueTick = useCallback((v: number) => (percent ? fmt(v) : formatCompact(v, lang)), [percent, fmt, lang]);
  useFirstChartMark(containerRef, model.series.length > 0 && model.periods.length > 0);

  // Keep the focus inside the model when the selection changes.
  const seriesCount = model.series.length;
  const periodCount = model.periods.length;
  const current = focus && focus.s < seriesCount && focus.p < periodCount ? focus : null;
  const focusSeries = current ? model.series[current.s] : undefined;
  const focusPoint = current && focusSeries ? focusSeries.points[current.p] : undefined;
  const announcement = focusSeries && focusPoint ? pointAnnouncement(focusSeries.label, focusPoint, fmt, lang) : '';
  const periodIndex = useMemo(() => new Map(model.periods.map((p, i) => [p, i])), [model.periods]);
  const allSeries = useMemo(() => model.series.map((_, i) => i), [model.series]);
  const tooltipContent = useCallback(
    ({ active, label }: { active?: boolean; label?: unknown }) => {
      if (!active) return null;
      const index = periodIndex.get(periodOfKey.get(Number(label)) ?? '');
      return index === undefined ? null : (
        <PointTip model={model} periodIndex={index} series={allSeries} format={fmt} />
      );
    },
    [periodIndex, periodOfKey, model, allSeries, fmt],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (seriesCount === 0 || periodCount === 0) return;
    const base = current ?? { s: 0, p: periodCount - 1 };
    // On a reversed (RTL) axis, the right arrow goes back in time: keys follow what the eye sees.
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = base;
    if (e.key === forward) next = { s: base.s, p: current ? Math.min(periodCount - 1, base.p + 1) : base.p };
    else if (e.key === backward) next = { s: base.s, p: current ? Math.max(0, base.p - 1) : base.p };
    else if (e.key === 'ArrowUp') next = { s: current ? (base.s - 1 + seriesCount) % seriesCount : 0, p: base.p };
    else if (e.key === 'ArrowDown') next = { s: current ? (base.s + 1) % seriesCount : 0, p: base.p };
    else if (e.key === 'Home') next = { s: base.s, p: 0 };
    else if (e.key === 'End') next = { s: base.s, p: periodCount - 1 };
    else if (e.key === 'Escape') {
      setFocus(null);
      return;
    } else return;
    e.preventDefault();
    setFocus(next);
  };

  return (
    <div className="line-chart">
      {/* The plot is one keyboard stop whose arrow keys move a focus ring across points, announced in the
          live region below (the WAI-ARIA pattern for a data chart): a focusable group with a key handler. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keyboard-navigable chart, see above */}
      <div
        ref={containerRef}
        className="line-chart__plot"
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the chart's single tab stop, see above
        tabIndex={0}
        role="group"
        aria-label={translate(chartMessages, lang, 'pointsHelp')}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        onBlur={() => setFocus(null)}
        onPointerEnter={pointerSeen ? undefined : () => setPointerSeen(true)}
      >
        <RLineChart width={width} height={height} data={rows} margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--grid)" vertical={false} verticalCoordinatesGenerator={NO_VERTICAL_LINES} />
          <XAxis
            dataKey="t"
            type="number"
            scale="linear"
            domain={timeDomain ?? DATA_EXTENT}
            // With no <Line> children recharts resolves an explicit domain only when overflow is allowed
            // (nothing overflows: both domains are computed from every point of the model).
            allowDataOverflow={timeDomain !== null}
            ticks={ticks}
            reversed={rtl}
            tickFormatter={timeTick}
            stroke="var(--muted)"
            tick={AXIS_TICK}
            // Every tick given is drawn: `ticks` above already leaves room between labels.
            interval={0}
          />
          <YAxis
            domain={valueAxis.domain}
            ticks={valueAxis.ticks}
            type="number"
            allowDataOverflow
            orientation={rtl ? 'right' : 'left'}
            tickFormatter={valueTick}
            stroke="var(--muted)"
            tick={AXIS_TICK}
            interval={0}
            width={VALUE_AXIS_WIDTH}
          />
          {canvas || !pointerSeen ? null : (
            // The card is ours (PointTip): each value with its qualifier, note, confidence and own source.
            <Tooltip content={tooltipContent} wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }} />
          )}
          {canvas ? <CanvasLineLayer model={model} format={fmt} /> : null}
          {canvas
            ? null
            : model.series.map((s) => (
                <Line
                  key={s.key}
                  type="linear"
                  dataKey={s.key}
                  name={s.label}
                  stroke={themedColor(s.color)}
                  strokeWidth={2}
                  dot={rows.length <= 40 ? (dots.get(s.key) ?? false) : false}
                  activeDot={{ r: 5 }}
                  connectNulls={false}
                  // Off by default: recharts' line animation freezes half-drawn when the width changes mid-way
                  // (panel resize, font load), and large series must not animate anyway.
                  isAnimationActive={animate && rows.length * model.series.length < 300}
                />
              ))}
          <EventMarkers events={model.events} highlighted={highlightedEvent} rtl={rtl} />
          {focusSeries && focusPoint ? (
            <FocusRing
              period={focusPoint.period}
              value={focusPoint.value}
              color={themedColor(focusSeries.color)}
              label={
                focusPoint.value === null
                  ? translate(chartMessages, lang, 'noData')
                  : pointValueText(focusPoint, fmt, lang)
              }
              rtl={rtl}
            />
          ) : null}
        </RLineChart>
      </div>
      <p id={helpId} className="visually-hidden">
        {translate(chartMessages, lang, 'pointsHelp')}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <ul className="legend" aria-label={translate(chartMessages, lang, 'legend')}>
        {model.series.map((s) => {
          const last = [...s.points].reverse().find((p) => p.value !== null);
          return (
            <li key={s.key} className="legend__item">
              <span className="legend__swatch" style={{ background: themedColor(s.color) }} aria-hidden="true" />
              <span>{s.label}</span>
              {last ? (
                <span className="legend__value">
                  {pointValueText(last, fmt, lang)} ({pointPeriodText(last, lang)})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <EventList events={model.events} lang={lang} highlighted={highlightedEvent} onHighlight={setHighlightedEvent} />
    </div>
  );
}

/**
 * The line chart with its legend and keyboard navigation. Memoised (issue 7, B2): with 75 lines a
 * recharts redraw costs hundreds of ms, so it redraws only when its model, unit or size changes — the
 * caller keeps the model's identity stable while the data and selection are unchanged.
 */
export const LineChart = memo(LineChartView);
