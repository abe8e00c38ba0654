/**
 * A tiny trend line for KPI cards: plain SVG (no recharts, so the landing view stays light), sized by props.
 * Missing values break the line (a gap, never a drop to zero). Time runs in the reading direction: left → right in
 * French and English, right → left in Arabic, like the projects timeline.
 */
import type { KpiPoint } from '../../transforms/kpi.ts';

export interface SparklineProps {
  points: readonly KpiPoint[];
  width: number;
  height: number;
  rtl: boolean;
  /** Accessible description (the card also states the figures in text). */
  label: string;
  color?: string;
}

/** Polyline segments between missing values, in SVG coordinates. Pure, exported for tests. */
export function sparklineSegments(
  points: readonly KpiPoint[],
  width: number,
  height: number,
  rtl: boolean,
  pad = 3,
): { x: number; y: number }[][] {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const n = points.length;
  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    const t = n === 1 ? 0.5 : i / (n - 1);
    const xFrac = rtl ? 1 - t : t;
    const yFrac = span === 0 ? 0.5 : (p.value - min) / span;
    current.push({ x: pad + xFrac * (width - 2 * pad), y: height - pad - yFrac * (height - 2 * pad) });
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

/** The sparkline itself. */
export function Sparkline({ points, width, height, rtl, label, color = 'currentColor' }: SparklineProps) {
  const segments = sparklineSegments(points, width, height, rtl);
  return (
    <svg
      className="mv-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-points={points.length}
    >
      {segments.map((seg, i) =>
        seg.length === 1 ? (
          <circle key={i} cx={seg[0]?.x} cy={seg[0]?.y} r={2.5} fill={color} />
        ) : (
          <polyline
            key={i}
            points={seg.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
            fill="none"
            stroke={color}
            strokeWidth={2}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ),
      )}
      {segments.length > 0
        ? (() => {
            // Mark the latest value so the eye finds "now".
            const last = segments[segments.length - 1];
            const p = last?.[last.length - 1];
            return p ? <circle cx={p.x} cy={p.y} r={3} fill={color} /> : null;
          })()
        : null}
    </svg>
  );
}
