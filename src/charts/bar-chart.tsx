/**
 * Ranked bar chart of territories for one period (recharts, horizontal bars, highest first).
 * In Arabic the value axis is mirrored (bars grow right-to-left) and names sit on the right.
 * Missing values are not drawn as zero: they are listed under the chart with their reason.
 */
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { Unit } from '../api/contract.ts';
import { formatCompact } from '../i18n/format.ts';
import { rankItems } from '../transforms/rank.ts';
import { formatMeasured, isPercentValue } from '../transforms/value-format.ts';
import type { ChartModel } from './chart-model.ts';
import { themedColor } from './palette.ts';

/** Props of `RankedBarChart`: a model of kind `bar` (one period). */
export interface RankedBarChartProps {
  model: ChartModel;
  unitCode: Unit['code'];
  width: number;
}

/** Row height of a bar, so the chart height follows the number of territories. */
export const BAR_ROW_HEIGHT = 30;

/** Ranked rows (value present) of a bar model. Pure. */
export function rankedBarRows(model: Pick<ChartModel, 'series'>) {
  const items = model.series.map((s) => ({ key: s.key, label: s.label, color: s.color, value: s.points[0]?.value ?? null }));
  return rankItems(items)
    .filter((r) => r.rank !== null)
    .map((r) => ({ ...r.item, rank: r.rank }));
}

function RankedBarChartView({ model, unitCode, width }: RankedBarChartProps) {
  const rtl = model.dir === 'rtl';
  const rows = rankedBarRows(model);
  const fmt = (v: number) => formatMeasured(v, unitCode, model.measure, model.lang);
  const percent = isPercentValue(unitCode, model.measure);
  const height = Math.max(80, rows.length * BAR_ROW_HEIGHT + 40);
  return (
    <div className="bar-chart">
      <BarChart
        width={width}
        height={height}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 72, bottom: 8, left: 72 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="var(--grid)" horizontal={false} />
        <XAxis
          type="number"
          reversed={rtl}
          tickFormatter={(v: number) => (percent ? fmt(v) : formatCompact(v, model.lang))}
          stroke="var(--muted)"
          tick={{ fill: 'var(--muted)', fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="label"
          orientation={rtl ? 'right' : 'left'}
          width={Math.min(200, Math.round(width * 0.3))}
          stroke="var(--muted)"
          tick={{ fill: 'var(--text)', fontSize: 12 }}
          interval={0}
        />
        <Bar dataKey="value" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.key} fill={themedColor(r.color)} />
          ))}
          <LabelList
            dataKey="value"
            content={(p) => {
              // Drawn by hand: with a reversed axis recharts' 'left'/'right' positions land on the names.
              const x = Number(p.x ?? 0);
              const w = Number(p.width ?? 0);
              const y = Number(p.y ?? 0) + Number(p.height ?? 0) / 2;
              const edge = rtl ? Math.min(x, x + w) - 6 : Math.max(x, x + w) + 6;
              return (
                <text x={edge} y={y} dy="0.35em" textAnchor={rtl ? 'end' : 'start'} fill="var(--text)" fontSize={12}>
                  {typeof p.value === 'number' ? fmt(p.value) : ''}
                </text>
              );
            }}
          />
        </Bar>
      </BarChart>
    </div>
  );
}

/** The ranked bar chart. Memoised: redrawn only when its model, unit or width changes (issue 7, B2). */
export const RankedBarChart = memo(RankedBarChartView);
