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

/** Notes of the provenance fixture in the three languages (the model carries one; the English must never leak). */
export const NOTES = {
  approx: {
    fr: 'Près de dix millions d’assurés et ayants droit, selon le chef du gouvernement devant le Parlement.',
    ar: 'حوالي عشرة ملايين مؤمن وذوي الحقوق حسب رئيس الحكومة أمام البرلمان.',
    en: 'About ten million insured persons and dependants, according to the Head of government before Parliament.',
  },
  lower: {
    fr: 'Plus de onze millions de bénéficiaires, selon le directeur de la CNSS en mars.',
    ar: 'أكثر من أحد عشر مليون مستفيد حسب مدير الصندوق في مارس.',
    en: 'More than eleven million beneficiaries, stated by the CNSS director in March.',
  },
} as const;

/** The sources of the provenance fixture: the indicator's (a republished census) and two points' own. */
export const PROVENANCE_SOURCES = {
  indicator: {
    publisher: 'CNSS',
    title: 'Où en est le régime AMO Tadamon ?',
    url: 'https://medias24.example/amo-tadamon',
    published: '2023-10-19',
    retrieved: '2026-11-26',
    via: [{ name: 'Médias24', url: 'https://medias24.example/' }],
  },
  approx: {
    publisher: 'Chef du gouvernement',
    title: 'Déclaration devant le Parlement',
    url: 'https://cg.example/2022-12',
    published: '2022-12-20',
    retrieved: '2026-11-26',
  },
  lower: {
    publisher: 'CNSS (directeur général)',
    title: 'Bilan AMO Tadamon, mars 2024',
    url: 'https://cnss.example/2024-03',
    published: '2024-03-15',
    retrieved: '2026-11-26',
  },
} as const;

/**
 * AMO Tadamon-like national series in `lang`: "≈ 10 M" (2022-12, approx, its own source), a plain point on the
 * indicator's source (2023-10), and "> 11 M" (2024-03, lower bound, its own source), with notes in `lang`.
 */
export function provenanceModel(lang: 'fr' | 'ar' | 'en' = 'fr', overrides: Partial<ChartModel> = {}): ChartModel {
  const base = lineModel({
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    indicatorId: 'amo-tadamon-beneficiaries',
    title: lang === 'ar' ? 'المستفيدون من «أمو تضامن»' : 'Bénéficiaires de l’AMO Tadamon',
    subtitle: lang === 'ar' ? 'المغرب · 2022–2024' : 'Maroc · 2022–2024',
    unitLabel: lang === 'ar' ? 'أشخاص' : 'personnes',
    periods: ['2022-12', '2023-10', '2024-03'],
    source: { ...PROVENANCE_SOURCES.indicator, via: [...PROVENANCE_SOURCES.indicator.via] },
    ...overrides,
  });
  return {
    ...base,
    series: [
      {
        key: 'MA',
        label: lang === 'ar' ? 'المغرب' : 'Maroc',
        color: '#0072B2',
        points: [
          {
            period: '2022-12',
            value: 10_000_000,
            status: 'official',
            qualifier: 'approx',
            note: NOTES.approx[lang],
            confidence: 'two-reports',
            source: { ...PROVENANCE_SOURCES.approx },
          },
          { period: '2023-10', value: 10_300_000, status: 'official' },
          {
            period: '2024-03',
            value: 11_000_000,
            status: 'official',
            qualifier: 'lower-bound',
            note: NOTES.lower[lang],
            source: { ...PROVENANCE_SOURCES.lower },
          },
        ],
      },
    ],
    ...(overrides.series ? { series: overrides.series } : {}),
  };
}

/** A ranking of `n` regions in 2024, each value from its own source (more sources than a picture can list). */
export function manySourcesModel(n = 8, lang: 'fr' | 'ar' = 'fr'): ChartModel {
  const base = lineModel({ kind: 'bar', periods: ['2024'], lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
  return {
    ...base,
    series: Array.from({ length: n }, (_, i) => ({
      key: `MA-${String(i + 1).padStart(2, '0')}`,
      label: `Région ${i + 1}`,
      color: '#0072B2',
      points: [
        {
          period: '2024',
          value: 1000 * (n - i),
          status: 'official' as const,
          source: {
            publisher: `Éditeur ${i + 1}`,
            title: `Publication ${i + 1}`,
            url: `https://source${i + 1}.example/`,
            published: null,
            retrieved: '2026-11-26',
          },
        },
      ],
    })),
  };
}
