/**
 * A sparkline for KPI cards: a tiny SVG path, no axes, gaps kept. Plain SVG (no recharts) so
 * cards stay light. Decorative by default: the card states the values in text.
 */

/** Path `d` of a sparkline; each run of non-null values is its own sub-path (gaps stay gaps). Pure. */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 2): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = pad + i * step;
    const y = height - pad - ((v - min) / span) * (height - 2 * pad);
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Props of `Sparkline`. */
export interface SparklineProps {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  color?: string;
  /** Accessible name; omit when the numbers are stated next to it (then the sparkline is hidden from AT). */
  label?: string;
  /** Mirror for right-to-left (time runs right-to-left, as in the line chart). */
  rtl?: boolean;
}

/** The sparkline. */
export function Sparkline({
  values,
  width = 120,
  height = 32,
  color = 'var(--accent)',
  label,
  rtl = false,
}: SparklineProps) {
  const d = sparklinePath(values, width, height);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path
        d={d}
        fill="none"
        stroke={color}
        strokeWidth={2}
        transform={rtl ? `translate(${width},0) scale(-1,1)` : undefined}
      />
    </svg>
  );
}
