/**
 * The one sparkline (issue 12 merged the chart kit's and the overview's): a tiny plain-SVG trend line for KPI
 * cards (no recharts, so the landing view stays light), no axes. Missing values break the line (a gap, never a
 * drop to zero); a value alone between gaps is a dot; the latest value is marked so the eye finds "now". Time runs
 * in the reading direction: left → right in French and English, right → left in Arabic (`rtl`), as in the line
 * chart and the projects timeline.
 */

/** A point of a sparkline, in SVG coordinates. */
export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * Runs of consecutive present values, in SVG coordinates (y grows downwards; a flat series sits mid-height).
 * Pure, exported for tests.
 */
export function sparklineSegments(
  values: readonly (number | null)[],
  width: number,
  height: number,
  rtl = false,
  pad = 2,
): SparkPoint[][] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [];
  const min = Math.min(...present);
  const span = Math.max(...present) - min;
  const n = values.length;
  const segments: SparkPoint[][] = [];
  let current: SparkPoint[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    const t = n === 1 ? 0.5 : i / (n - 1);
    const xFrac = rtl ? 1 - t : t;
    const yFrac = span === 0 ? 0.5 : (v - min) / span;
    current.push({ x: pad + xFrac * (width - 2 * pad), y: height - pad - yFrac * (height - 2 * pad) });
  });
  if (current.length > 0) segments.push(current);
  return segments;
}

/** Path `d` of a sparkline: one sub-path per run of present values (gaps stay gaps). Pure. */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  rtl = false,
  pad = 2,
): string {
  return sparklineSegments(values, width, height, rtl, pad)
    .map((seg) => seg.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''))
    .join('');
}

/** Props of `Sparkline`. */
export interface SparklineProps {
  values: readonly (number | null)[];
  width: number;
  height: number;
  /** Right-to-left: time runs from right to left. */
  rtl: boolean;
  /** Accessible description; omit when the figures are stated next to it (the sparkline is then hidden from AT). */
  label?: string;
  color?: string;
}

/** Padding that keeps the 3 px "now" dot inside the box. */
const PAD = 3;

/** The sparkline. */
export function Sparkline({ values, width, height, rtl, label, color = 'currentColor' }: SparklineProps) {
  const segments = sparklineSegments(values, width, height, rtl, PAD);
  const last = segments.at(-1)?.at(-1);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-points={values.length}
    >
      <path
        d={sparklinePath(values, width, height, rtl, PAD)}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      {segments
        .filter((seg) => seg.length === 1)
        .map(([p]) =>
          // A point's position is unique within one sparkline (x grows with the index), so it is a stable key.
          p ? <circle key={`${p.x},${p.y}`} cx={p.x} cy={p.y} r={2.5} fill={color} /> : null,
        )}
      {last ? <circle cx={last.x} cy={last.y} r={3} fill={color} data-latest="true" /> : null}
    </svg>
  );
}
