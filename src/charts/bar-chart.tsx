/**
 * Ranked bar chart of territories for one period (recharts, horizontal bars, highest first).
 * In Arabic the value axis is mirrored (bars grow right-to-left) and names sit on the right.
 * Missing values are not drawn as zero: they are listed under the chart with their reason. A value carries its
 * qualifier ("≈ 10 M"); hovering a bar shows its note, confidence and own source (an SVG `<title>`).
 */
import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { Lang, Unit } from '../contract/contract.ts';
import { formatCompact } from '../i18n/format.ts';
import { rankItems } from '../transforms/rank.ts';
import { formatMeasured, isPercentValue, pointValueText } from '../transforms/value-format.ts';
import type { ChartModel, ChartPoint } from '../transforms/chart-types.ts';
import { pointAnnouncement } from './point-tip.tsx';
import { themedColor } from '../transforms/palette.ts';
import { textWidth, thinTicks, wrapText } from './text-layout.ts';
import { plainTick } from './axis-tick.tsx';
import { niceValueAxis, valueExtent } from './canvas-lines.ts';

/** Props of `RankedBarChart`: a model of kind `bar` (one period). */
export interface RankedBarChartProps {
  model: ChartModel;
  unitCode: Unit['code'];
  width: number;
}

/** Row height of a bar, so the chart height follows the number of territories. */
export const BAR_ROW_HEIGHT = 30;

/** Drawn height of a ranking of `rows` bars (the exports' "chart size" takes it). */
export function rankedBarHeight(rows: number): number {
  return Math.max(80, rows * BAR_ROW_HEIGHT + 40);
}

/** Font size of the chart's texts, in px. */
const FONT_SIZE = 12;
/** Tick line and gap between a name and the axis, in px (recharts' defaults: 6 + 2). */
const TICK_GAP = 8;
/** The value axis' labels: plain SVG text (./axis-tick.tsx), at least this far apart beyond the widest one. */
const VALUE_TICK = plainTick({ fill: 'var(--muted)', fontSize: FONT_SIZE });
const VALUE_LABEL_GAP = 12;

/**
 * Ranked rows (value present) of a bar model, highest first. Pure. Each row carries its bar's
 * `fill`: recharts draws a bar with its data entry's fill, so no `<Cell>` per bar is needed (with 75
 * provinces the cells cost ~0.1 s per redraw, issue 7 B2).
 */
export function rankedBarRows(model: Pick<ChartModel, 'series'>) {
  const items = model.series.map((s) => ({
    key: s.key,
    label: s.label,
    color: s.color,
    value: s.points[0]?.value ?? null,
    point: s.points[0],
  }));
  return rankItems(items)
    .filter((r) => r.rank !== null)
    .map((r) => ({ ...r.item, rank: r.rank, fill: themedColor(r.item.color) }));
}

/**
 * A territory name as one or two lines that fit `maxWidth` (the last one ellipsised), from the
 * width estimate of `text-layout.ts`. Pure.
 */
export function barLabelLines(label: string, maxWidth: number): string[] {
  return wrapText(label, Math.max(FONT_SIZE * 2, maxWidth), FONT_SIZE, 2);
}

/** What recharts passes to a custom axis tick (the part used here). */
interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  payload?: { value?: unknown };
}

/**
 * A territory name on the category axis, drawn as plain SVG text. Recharts' own `<Text>` measures
 * every word in the DOM and parses its CSS lengths on each render: with 75 names that was the
 * largest part of the long tasks after a click on the stress view (issue 7, B2).
 */
function CategoryTick({ x, y, textAnchor, payload, maxWidth }: TickProps & { maxWidth: number }) {
  const lines = barLabelLines(String(payload?.value ?? ''), maxWidth);
  const cx = Number(x ?? 0);
  // Vertically centred on the bar: the first line moves up by half of the extra lines.
  const firstDy = `${(0.35 - ((lines.length - 1) * 1.1) / 2).toFixed(2)}em`;
  return (
    <text
      x={cx}
      y={Number(y ?? 0)}
      textAnchor={textAnchor ?? 'end'}
      fill="var(--text)"
      fontSize={FONT_SIZE}
      className="recharts-cartesian-axis-tick-value"
    >
      {lines.map((line, i) => (
        // The wrapped lines of one label never reorder, and two may read the same: their position is their identity.
        // oxlint-disable-next-line react/no-array-index-key -- see above
        <tspan key={i} x={cx} dy={i === 0 ? firstDy : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** What recharts passes to a bar's custom shape (the part used here). */
interface BarShapeProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  fill?: string;
  payload?: { value?: unknown; label?: unknown; point?: ChartPoint };
}

/**
 * One bar and its value at its end, as a plain rect and text: recharts' `<Rectangle>` and a
 * `<LabelList>` cost a component each per bar on every redraw (issue 7, B2). With a reversed axis
 * (Arabic) the width can be negative, and the value goes on the bar's left.
 */
function BarWithValue({
  x,
  y,
  width,
  height,
  fill,
  payload,
  rtl,
  format,
  lang,
}: BarShapeProps & { rtl: boolean; format: (v: number | null) => string; lang: Lang }) {
  const x0 = Number(x ?? 0);
  const w = Number(width ?? 0);
  const h = Number(height ?? 0);
  const top = Number(y ?? 0);
  const left = Math.min(x0, x0 + w);
  const value = payload?.value;
  const point = payload?.point;
  return (
    <g>
      {/* The hover tooltip of the bar: the value with its qualifier, the note, confidence and the point's source. */}
      {point ? <title>{pointAnnouncement(String(payload?.label ?? ''), point, format, lang)}</title> : null}
      <rect x={left} y={top} width={Math.abs(w)} height={h} fill={fill} className="bar-chart__bar" />
      <text
        x={rtl ? left - 6 : left + Math.abs(w) + 6}
        y={top + h / 2}
        dy="0.35em"
        textAnchor={rtl ? 'end' : 'start'}
        fill="var(--text)"
        fontSize={FONT_SIZE}
        className="bar-chart__value"
      >
        {typeof value === 'number' ? (point ? pointValueText(point, format, lang) : format(value)) : ''}
      </text>
    </g>
  );
}

function RankedBarChartView({ model, unitCode, width }: RankedBarChartProps) {
  const rtl = model.dir === 'rtl';
  const rows = useMemo(() => rankedBarRows(model), [model]);
  const axisWidth = Math.min(200, Math.round(width * 0.3));
  const tick = useMemo(() => (p: TickProps) => <CategoryTick {...p} maxWidth={axisWidth - TICK_GAP} />, [axisWidth]);
  const fmt = useCallback(
    (v: number | null) => formatMeasured(v, unitCode, model.measure, model.lang),
    [unitCode, model.measure, model.lang],
  );
  const shape = (p: BarShapeProps) => <BarWithValue {...p} rtl={rtl} format={fmt} lang={model.lang} />;
  const percent = isPercentValue(unitCode, model.measure);
  const valueText = useCallback(
    (v: number) => (percent ? fmt(v) : formatCompact(v, model.lang)),
    [percent, fmt, model.lang],
  );
  const height = rankedBarHeight(rows.length);
  // Room at the bars' end for the value, more when a value carries a qualifier ("≈ …", "أكثر من …").
  const qualified = rows.some((r) => r.point?.qualifier !== undefined);
  const end = qualified ? (model.lang === 'ar' ? 120 : 96) : 72;
  const margin = useMemo(() => ({ top: 8, bottom: 8, right: rtl ? 72 : end, left: rtl ? end : 72 }), [rtl, end]);
  // The value axis' ticks chosen here, not by recharts (issue 16, TBT): recharts measured each label in the DOM to drop
  // the ones that collide (~20 ms of the ranking's mount at 4× CPU). The same nice ticks as its default domain
  // (./canvas-lines.ts `niceValueAxis`), thinned by their estimated width like the line chart's time axis.
  const valueAxis = useMemo(() => niceValueAxis(valueExtent(model.series)), [model.series]);
  const plotWidth = Math.max(1, width - margin.left - margin.right - axisWidth);
  const valueTicks = useMemo(() => {
    const [lo, hi] = valueAxis.domain;
    const span = hi - lo || 1;
    const positions = valueAxis.ticks.map((t) => ((t - lo) / span) * plotWidth);
    let widest = 0;
    for (const t of valueAxis.ticks) widest = Math.max(widest, textWidth(valueText(t), FONT_SIZE));
    return thinTicks(positions, widest + VALUE_LABEL_GAP).map((i) => valueAxis.ticks[i] ?? lo);
  }, [valueAxis, plotWidth, valueText]);
  return (
    <div className="bar-chart">
      <BarChart width={width} height={height} data={rows} layout="vertical" margin={margin} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--grid)" horizontal={false} />
        <XAxis
          type="number"
          domain={valueAxis.domain}
          ticks={valueTicks}
          reversed={rtl}
          tickFormatter={valueText}
          stroke="var(--muted)"
          tick={VALUE_TICK}
          // Every tick given is drawn: `valueTicks` already leaves room between labels.
          interval={0}
        />
        <YAxis
          type="category"
          dataKey="label"
          orientation={rtl ? 'right' : 'left'}
          width={axisWidth}
          stroke="var(--muted)"
          tick={tick}
          interval={0}
        />
        <Bar dataKey="value" isAnimationActive={false} shape={shape} />
      </BarChart>
    </div>
  );
}

/** The ranked bar chart. Memoised: redrawn only when its model, unit or width changes (issue 7, B2). */
export const RankedBarChart = memo(RankedBarChartView);
