/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) that keeps gaps.
 * Long monthly series on a narrow chart would draw several points per pixel; LTTB keeps the visual shape
 * with ~2 points per pixel. Each run of non-null points is downsampled on its own, and the null points
 * that separate runs are kept, so a gap never disappears. Pure.
 */

export interface XYPoint {
  value: number | null;
}

/** Target number of points for a chart of `widthPx` (about 2 per pixel). */
export function targetPointCount(widthPx: number): number {
  return Math.max(3, Math.floor(widthPx * 2));
}

function lttbRun<P extends XYPoint>(run: readonly P[], threshold: number, xOf: (p: P) => number): P[] {
  if (threshold >= run.length || threshold < 3) return [...run];
  const out: P[] = [];
  const bucketSize = (run.length - 2) / (threshold - 2);
  let a = 0;
  out.push(run[0] as P);
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = Math.floor((i + 1) * bucketSize) + 1;
    const avgEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, run.length);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      const p = run[j] as P;
      avgX += xOf(p);
      avgY += p.value as number;
    }
    const n = Math.max(1, avgEnd - avgStart);
    avgX /= n;
    avgY /= n;
    const rangeStart = Math.floor(i * bucketSize) + 1;
    const rangeEnd = Math.floor((i + 1) * bucketSize) + 1;
    const pa = run[a] as P;
    let maxArea = -1;
    let chosen = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const p = run[j] as P;
      const area = Math.abs(
        (xOf(pa) - avgX) * ((p.value as number) - (pa.value as number)) -
          (xOf(pa) - xOf(p)) * (avgY - (pa.value as number)),
      );
      if (area > maxArea) {
        maxArea = area;
        chosen = j;
      }
    }
    out.push(run[chosen] as P);
    a = chosen;
  }
  out.push(run[run.length - 1] as P);
  return out;
}

/**
 * Downsample `points` (in x order) to about `threshold` points, keeping every gap.
 * `xOf` gives a point's x (defaults to its index).
 */
export function downsampleLttb<P extends XYPoint>(
  points: readonly P[],
  threshold: number,
  xOf: (p: P, index: number) => number = (_p, i) => i,
): P[] {
  if (points.length <= threshold) return [...points];
  const indexOf = new Map<P, number>();
  points.forEach((p, i) => indexOf.set(p, i));
  const x = (p: P) => xOf(p, indexOf.get(p) ?? 0);
  const out: P[] = [];
  let current: P[] = [];
  const nonNull = points.filter((p) => p.value !== null).length;
  const ratio = nonNull === 0 ? 1 : Math.max(3, threshold) / nonNull;
  const flush = () => {
    if (current.length > 0) {
      out.push(...lttbRun(current, Math.max(3, Math.round(current.length * ratio)), x));
      current = [];
    }
  };
  for (const p of points) {
    if (p.value === null) {
      flush();
      out.push(p);
    } else current.push(p);
  }
  flush();
  return out;
}
