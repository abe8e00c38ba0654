/**
 * An axis tick label drawn as one plain SVG `<text>` (issue 16, TBT). Recharts' default tick is its `<Text>`, which
 * measures every word of every label in the DOM (a hidden span and `getBoundingClientRect`, a forced layout each) on
 * the chart's first render: ~60 ms of the explorer's first chart at 4× CPU. Tick labels are one short line (a period,
 * a number), so nothing needs measuring; the axes that use this tick say `interval={0}` and choose their ticks
 * themselves (`thinTicks` in text-layout.ts), so recharts does not measure them either.
 */

/** What recharts passes to a custom tick function (the part used here). */
export interface AxisTickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  className?: string;
  index?: number;
  payload?: { value?: unknown };
  tickFormatter?: (value: never, index: number) => string;
}

/** Where recharts' `<Text>` puts a single line for each vertical anchor (its cap height is 0.71em). */
const DY: Record<NonNullable<AxisTickProps['verticalAnchor']>, string> = {
  start: '0.71em',
  middle: '0.355em',
  end: '0em',
};

/** A tick renderer for recharts' `tick` prop, drawing in `fill` at `fontSize` px. Create it once per style. */
export function plainTick({ fill, fontSize }: { fill: string; fontSize: number }) {
  return function PlainTick({
    x,
    y,
    textAnchor,
    verticalAnchor,
    className,
    index = 0,
    payload,
    tickFormatter,
  }: AxisTickProps) {
    const value = payload?.value;
    const text = tickFormatter ? tickFormatter(value as never, index) : String(value ?? '');
    return (
      <text
        x={Number(x ?? 0)}
        y={Number(y ?? 0)}
        dy={DY[verticalAnchor ?? 'start']}
        textAnchor={textAnchor ?? 'middle'}
        fill={fill}
        fontSize={fontSize}
        className={className ?? 'recharts-cartesian-axis-tick-value'}
      >
        {text}
      </text>
    );
  };
}
