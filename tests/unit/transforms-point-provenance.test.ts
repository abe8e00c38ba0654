/**
 * How a point's provenance reads on screen (src/transforms/value-format.ts) and travels in the table rows
 * (src/transforms/table.ts): qualified values, period labels of undated points, the caveat line (note, then
 * confidence), and the row fields the CSV writes. Fixtures only.
 */
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/contract/contract.ts';
import type { ChartPoint } from '../../src/transforms/chart-types.ts';
import { buildLongRows, buildWideRows } from '../../src/transforms/table.ts';
import { formatMeasured, pointCaveat, pointPeriodText, pointValueText } from '../../src/transforms/value-format.ts';
import { summarizeChart } from '../../src/transforms/summary.ts';

const NNBSP = '\u202f';
const fmt = (lang: 'fr' | 'ar' | 'en') => (v: number | null) => formatMeasured(v, 'persons', 'absolute', lang);
const SRC: Source = {
  publisher: 'CNSS',
  title: 'Chiffres',
  url: 'https://example.org/',
  published: null,
  retrieved: '2025-01-01',
};

describe('pointValueText', () => {
  it.each([
    ['fr', 'approx', `≈ 10${NNBSP}000${NNBSP}000`],
    ['fr', 'lower-bound', `> 11${NNBSP}000${NNBSP}000`],
    ['en', 'upper-bound', '< 11,000,000'],
    ['ar', 'lower-bound', 'أكثر من 11.000.000'],
    ['ar', 'approx', '≈ 11.000.000'],
    ['fr', 'provisional', `11${NNBSP}000${NNBSP}000 (prov.)`],
    ['fr', 'undated', `11${NNBSP}000${NNBSP}000`],
  ] as const)('%s %s', (lang, qualifier, expected) => {
    const value = qualifier === 'approx' && lang === 'fr' ? 10_000_000 : 11_000_000;
    expect(pointValueText({ value, qualifier }, fmt(lang), lang)).toBe(expected);
  });

  it('a gap reads as the formatter says, never with a qualifier', () => {
    expect(pointValueText({ value: null, qualifier: 'approx' }, fmt('fr'), 'fr')).toBe('n.d.');
  });
});

describe('pointPeriodText', () => {
  it('prints the source’s words for an undated point, the period otherwise', () => {
    expect(pointPeriodText({ period: '2021', periodLabel: 'avant la réforme de 2022' }, 'fr')).toBe(
      'avant la réforme de 2022',
    );
    expect(pointPeriodText({ period: '2024-Q3' }, 'fr')).toBe('T3 2024');
  });
});

describe('pointCaveat', () => {
  it('the note (its full stop dropped), then the confidence', () => {
    expect(pointCaveat({ note: 'Valeur approchée.', qualifier: 'approx', confidence: 'two-reports' }, 'fr')).toBe(
      'Valeur approchée · deux sources concordantes',
    );
    expect(pointCaveat({ note: 'قيمة تقريبية.', confidence: 'one-report' }, 'ar')).toBe(
      'قيمة تقريبية · صفحة صحفية واحدة',
    );
  });

  it('a provisional or computed point without a note says what its mark means', () => {
    expect(pointCaveat({ qualifier: 'computed' }, 'fr')).toBe('calculé à partir de chiffres officiels');
    expect(pointCaveat({ qualifier: 'provisional', confidence: 'publication' }, 'en')).toBe(
      'provisional · official publication',
    );
  });

  it('nothing to say for a plain official point', () => {
    expect(pointCaveat({}, 'fr')).toBeNull();
    expect(pointCaveat({ confidence: 'publication' }, 'fr')).toBeNull();
    expect(pointCaveat({ confidence: 'derived' }, 'fr')).toBe('déduit de chiffres confirmés');
  });
});

describe('table rows carry the point provenance', () => {
  const points: ChartPoint[] = [
    {
      period: '2022',
      value: 10,
      status: 'official',
      qualifier: 'approx',
      note: 'n',
      confidence: 'two-reports',
      source: SRC,
    },
    { period: '2023', value: 11, status: 'official', periodLabel: 'fin novembre' },
    { period: '2024', value: 12, status: 'official' },
  ];
  const model = {
    periods: ['2022', '2023', '2024'],
    series: [{ key: 'MA', label: 'Maroc', color: '#000000', points }],
  };

  it('long rows (the CSV) get qualifier, note, confidence, period label and own source', () => {
    const rows = buildLongRows(model);
    expect(rows[0]).toMatchObject({ qualifier: 'approx', note: 'n', confidence: 'two-reports', source: SRC });
    expect(rows[1]).toMatchObject({ periodLabel: 'fin novembre' });
    expect(rows[2]).not.toHaveProperty('qualifier');
    expect(rows[2]).not.toHaveProperty('source');
  });

  it('wide rows (the table tab) keep the points', () => {
    expect(buildWideRows(model)[0]?.points).toBe(points);
  });
});

describe('the chart summary reads qualifiers and undated points', () => {
  it('"de 42,2 % (avant la réforme de 2022) à ≈ 88 % en juil. 2025" — never "en avant la réforme"', () => {
    const model = {
      kind: 'line' as const,
      lang: 'fr' as const,
      dir: 'ltr' as const,
      indicatorId: 'x',
      title: 'x',
      subtitle: '',
      unitLabel: '%',
      measure: 'absolute' as const,
      denominatorNote: null,
      periods: ['2021', '2025-07'],
      series: [
        {
          key: 'MA',
          label: 'Maroc',
          color: '#000000',
          points: [
            {
              period: '2021',
              value: 42.2,
              status: 'official' as const,
              qualifier: 'undated' as const,
              periodLabel: 'avant la réforme de 2022',
            },
            { period: '2025-07', value: 88, status: 'official' as const, qualifier: 'approx' as const },
          ],
        },
      ],
      source: SRC,
      status: 'official' as const,
      method: '',
      link: '',
    };
    expect(summarizeChart(model, 'percent')).toBe(
      `Maroc : de 42,2${NNBSP}% (avant la réforme de 2022) à ≈ 88${NNBSP}% en juil. 2025.`,
    );
  });
});
