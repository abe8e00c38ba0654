/**
 * Hand-built ChartModels for the export tests (the app's `buildChartModel` is not needed:
 * exports only read the model). Includes a gap, a negative value and hostile labels.
 */
import type { ChartModel } from '../../src/transforms/chart-types.ts';

export const SOURCE = {
  publisher: 'HCP',
  title: 'RGPH 2024',
  url: 'https://www.hcp.ma/',
  published: '2024-12-17',
  retrieved: '2025-01-10',
} as const;

export const LINK = 'https://mouchir.example/?view=explorer&indicator=population-legale&territories=MA-06,MA-07';

/** Two regions, three censuses, one missing value: the snapshot view. */
export function lineModel(overrides: Partial<ChartModel> = {}): ChartModel {
  return {
    kind: 'line',
    lang: 'fr',
    dir: 'ltr',
    indicatorId: 'population-legale',
    title: 'Population légale',
    subtitle: 'Casablanca-Settat, Marrakech-Safi · 2004–2024 · valeur absolue',
    unitLabel: 'habitants',
    measure: 'absolute',
    denominatorNote: null,
    periods: ['2004', '2014', '2024'],
    series: [
      {
        key: 'MA-06',
        label: 'Casablanca-Settat',
        color: '#0072B2',
        points: [
          { period: '2004', value: 6_000_000, status: 'official' },
          { period: '2014', value: 6_861_739, status: 'official' },
          { period: '2024', value: 7_688_967, status: 'official' },
        ],
      },
      {
        key: 'MA-07',
        label: 'Marrakech-Safi',
        color: '#D55E00',
        points: [
          { period: '2004', value: 4_000_000, status: 'official' },
          { period: '2014', value: null, reason: 'not-published', status: 'official' },
          { period: '2024', value: 4_892_393, status: 'official' },
        ],
      },
    ],
    source: { ...SOURCE },
    status: 'official',
    method: '',
    link: LINK,
    ...overrides,
  };
}

/**
 * The same two regions with values in 2024 only, like provinces before the 2014 census: a line of one period, which
 * the exports, presentation and pins draw as the ranking of 2024 (issue 13).
 */
export function oneCensusLineModel(overrides: Partial<ChartModel> = {}): ChartModel {
  const base = lineModel(overrides);
  return {
    ...base,
    series: base.series.map((s) => ({
      ...s,
      points: s.points.map((p) =>
        p.period === '2024' ? p : { period: p.period, value: null, reason: 'not-published', status: p.status },
      ),
    })),
  };
}

/** Labels a hostile data file could carry. */
export const HOSTILE = [
  '=HYPERLINK("http://evil.example","x")',
  '<script>alert(1)</script>',
  '</svg><svg onload=alert(1)>',
  'A & B "q" \'s\'',
] as const;

/** The line model with hostile territory names, title and source. */
export function hostileModel(): ChartModel {
  const base = lineModel({ status: 'illustrative', method: '-2+3 <b>method</b>' });
  return {
    ...base,
    title: `${HOSTILE[2]} ${HOSTILE[1]}`,
    subtitle: HOSTILE[0],
    source: { ...SOURCE, publisher: HOSTILE[3], title: '@SUM(A1:A9)' },
    series: base.series.map((s, i) => ({ ...s, label: HOSTILE[i] ?? s.label })),
  };
}
