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
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#8C6D1F', // dark ochre (darkened yellow for contrast on white)
  '#000000', // black
  '#6A3D9A', // purple
  '#B15928', // brown
  '#1F78B4', // mid blue
  '#33A02C', // green
] as const;

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
} as const;
