/**
 * Colour-blind-safe categorical palette (Okabe & Ito 2008, reordered so the first colours
 * stay distinct in grey scale too) and the sequential ramp used by the map.
 * Colour never carries meaning alone: lines also get labels, and the map shows values in text.
 */
export const CATEGORICAL = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#B26F00', // orange (Okabe-Ito #E69F00 darkened: 2.2:1 on white is below the 3:1 for graphics)
  '#00838F', // teal (replaces sky blue #56B4E9, 2.3:1 on white)
  '#8C6D1F', // dark ochre (darkened yellow for contrast on white)
  '#000000', // black
  '#6A3D9A', // purple
  '#B15928', // brown
  '#1F78B4', // mid blue
  '#33A02C', // green
] as const;

/**
 * The same series in the dark theme, index for index: lighter hues, each ≥ 3:1 on the dark surface
 * (tests/unit/contrast.test.ts). Exports keep the light palette; the app paints through `--series-N`.
 */
export const CATEGORICAL_DARK = [
  '#56B4E9',
  '#E8793A',
  '#19B98A',
  '#D98BB7',
  '#E69F00',
  '#4FC3C9',
  '#C9A240',
  '#E8ECF1',
  '#B394DE',
  '#D4A373',
  '#6FA8DC',
  '#5CC255',
] as const;

/**
 * How the app paints a palette colour: `var(--series-N, hex)`, so the dark theme's stylesheet swaps in
 * `CATEGORICAL_DARK` without charts knowing the theme. Non-palette colours pass through.
 */
export function themedColor(color: string): string {
  const i = CATEGORICAL.findIndex((c) => c.toLowerCase() === color.toLowerCase());
  return i < 0 ? color : `var(--series-${i}, ${color})`;
}

/** Luminance of #rrggbb (WCAG 2.x). */
function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Text colour for a fill (map tiles): near-black or white, whichever contrasts more. */
export function readableTextOn(fill: string): '#1a1a1a' | '#ffffff' {
  const l = relativeLuminance(fill);
  const onWhite = 1.05 / (l + 0.05);
  const onDark = (l + 0.05) / (relativeLuminance('#1a1a1a') + 0.05);
  return onWhite >= onDark ? '#ffffff' : '#1a1a1a';
}

/** Colour of the i-th series; wraps around (the UI caps the number of lines). */
export function seriesColor(index: number): string {
  return CATEGORICAL[((index % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length] ?? '#0072B2';
}

/**
 * Sequential blues for the choropleth, light → dark (5 classes; ColorBrewer Blues, with the 4th class
 * taken from the 7-class ramp, #2171b5, because #3182bd reaches 4.5:1 with neither black nor white text).
 * Tile text: dark on the first three classes, white on the last two (all ≥ 5:1).
 */
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5', '#08519c'] as const;

/** Fill for "no data" on the map: a neutral grey, always paired with a hatch and a text label. */
export const NO_DATA_FILL = '#d9d9d9';

/** Badge colours per data status (text is always shown too). */
export const STATUS_COLORS = {
  official: { fg: '#0b5e2b', bg: '#e3f3e8' },
  estimate: { fg: '#6b4a00', bg: '#fdf0d2' },
  illustrative: { fg: '#8a1c1c', bg: '#fbe3e3' },
  // The user's own figures (issue 15): blue, a hue none of the three published statuses uses.
  imported: { fg: '#1d3f7a', bg: '#e4ecfa' },
} as const;
