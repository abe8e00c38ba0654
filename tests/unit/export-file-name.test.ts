import { describe, expect, it } from 'vitest';
import { exportFileName, slugify } from '../../src/export/file-name.ts';

describe('exportFileName', () => {
  it.each([
    [
      { indicatorId: 'population-legale', territories: ['MA-06', 'MA-07'], date: '2026-11-26', ext: 'png' as const },
      'mouchir_population-legale_ma-06-ma-07_2026-11-26.png',
    ],
    [
      {
        indicatorId: 'population-legale',
        territories: ['MA-06'],
        date: '2026-11-26',
        ext: 'csv' as const,
        suffix: 'complet',
      },
      'mouchir_population-legale_ma-06_2026-11-26_complet.csv',
    ],
    [
      {
        indicatorId: 'taux-chomage',
        territories: ['MA-01', 'MA-02', 'MA-03', 'MA-04'],
        date: '2026-01-02',
        ext: 'pptx' as const,
      },
      'mouchir_taux-chomage_4-territoires_2026-01-02.pptx',
    ],
    [
      { indicatorId: '', territories: [], date: 'bad', ext: 'svg' as const },
      'mouchir_graphique_tous-territoires_sans-date.svg',
    ],
    [
      { indicatorId: 'Éducation <script>', territories: ['../../etc'], date: '2026-11-26', ext: 'svg' as const },
      'mouchir_education-script_etc_2026-11-26.svg',
    ],
  ])('%j → %s', (input, expected) => {
    expect(exportFileName(input)).toBe(expected);
  });

  it('caps the length and stays ASCII', () => {
    const name = exportFileName({
      indicatorId: 'x'.repeat(500),
      territories: ['MA-06'],
      date: '2026-11-26',
      ext: 'png',
      suffix: 'y'.repeat(100),
    });
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('slugify', () => {
  it.each([
    ['Tanger-Tétouan-Al Hoceïma', 'tanger-tetouan-al-hoceima'],
    ['  --A__B--  ', 'a-b'],
    ['الدار البيضاء', ''],
    ['MA-06', 'ma-06'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
