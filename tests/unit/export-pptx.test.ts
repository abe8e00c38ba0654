// @vitest-environment jsdom
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/i18n/format.ts';
import { buildDeckSpec, valueFormatCode, writeDeck } from '../../src/export/pptx.ts';
import { HOSTILE, hostileModel, lineModel } from './export-fixtures.ts';

describe('buildDeckSpec', () => {
  it('makes one slide per model with title, caption, source, status and native chart data', () => {
    const spec = buildDeckSpec(
      [lineModel(), lineModel({ title: 'Deuxième', status: 'illustrative', method: 'Démo' })],
      'fr',
      '2026-11-26',
    );
    expect(spec.rtl).toBe(false);
    expect(spec.slides).toHaveLength(2);
    const [a, b] = spec.slides;
    expect(a?.title).toBe('Population légale');
    expect(a?.caption).toBe('Casablanca-Settat, Marrakech-Safi · 2004–2024 · valeur absolue');
    expect(a?.source).toBe('Source : HCP, « RGPH 2024 », 17 déc. 2024');
    expect(a?.status).toMatchObject({ text: 'Officiel', badge: false });
    expect(a?.chart).toEqual({
      type: 'line',
      colors: ['0072B2', 'D55E00'],
      formatCode: '#,##0',
      series: [
        { name: 'Casablanca-Settat', labels: ['2004', '2014', '2024'], values: [6_000_000, 6_861_739, 7_688_967] },
        { name: 'Marrakech-Safi', labels: ['2004', '2014', '2024'], values: [4_000_000, null, 4_892_393] },
      ],
    });
    expect(b?.status).toMatchObject({ text: 'Illustratif — ne pas citer', badge: true });
    expect(b?.method).toBe('Méthode : Démo');
  });

  it('puts the data table and the link back in the speaker notes', () => {
    const notes = buildDeckSpec([lineModel()], 'fr', '2026-11-26').slides[0]?.notes ?? '';
    expect(notes).toContain('Marrakech-Safi (MA-07) · 2014 · — (non publié)');
    expect(notes).toContain(`Casablanca-Settat (MA-06) · 2024 · ${formatNumber(7_688_967, 'fr', 2)}`);
    expect(notes).toContain(`Lien vers la vue : ${lineModel().link}`);
  });

  it('turns a ranked bar chart into categories = territories, one series per period', () => {
    const chart = buildDeckSpec([lineModel({ kind: 'bar', periods: ['2024'] })], 'fr', '2026-11-26').slides[0]?.chart;
    expect(chart).toMatchObject({
      type: 'bar',
      series: [{ name: '2024', labels: ['Casablanca-Settat', 'Marrakech-Safi'], values: [7_688_967, 4_892_393] }],
    });
  });

  it('lists a ranking highest first, as on the screen (issue 13)', () => {
    const base = lineModel({ kind: 'bar', periods: ['2024'] });
    const chart = buildDeckSpec([{ ...base, series: [...base.series].reverse() }], 'fr', '2026-11-26').slides[0]?.chart;
    expect(chart?.series[0]).toMatchObject({
      labels: ['Casablanca-Settat', 'Marrakech-Safi'],
      values: [7_688_967, 4_892_393],
    });
  });

  it('is right to left in Arabic, with quarter labels in Arabic', () => {
    const spec = buildDeckSpec([lineModel({ lang: 'ar', dir: 'rtl', periods: ['2024-Q1'] })], 'ar', '2026-11-26');
    expect(spec.rtl).toBe(true);
    expect(spec.slides[0]?.chart.series[0]?.labels).toEqual(['ر1 2024']);
    expect(spec.slides[0]?.source).toMatch(/^المصدر: HCP، «RGPH 2024»، 17/);
  });
});

async function unzip(blob: Blob): Promise<JSZip> {
  return JSZip.loadAsync(await blob.arrayBuffer());
}

describe('valueFormatCode', () => {
  it.each([
    [[7_688_967, null, 4_000_000], '#,##0'],
    [[62.8, 70.1], '#,##0.0'],
    [[12, 15], '#,##0'],
    [[1234.5, 2000], '#,##0'],
    [[null], '#,##0'],
  ])('%j → %s', (values, expected) => {
    expect(valueFormatCode(values)).toBe(expected);
  });
});

describe('writeDeck', () => {
  it('writes a valid pptx with a native chart part holding the values, and the source on the slide', async () => {
    const spec = buildDeckSpec([lineModel(), lineModel({ kind: 'bar', periods: ['2024'] })], 'fr', '2026-11-26');
    const zip = await unzip(await writeDeck(spec));
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2);
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(2);
    const chartXml = (await Promise.all(charts.map((n) => zip.file(n)?.async('string')))).join('');
    for (const v of ['6861739', '7688967', '4892393']) expect(chartXml).toContain(`<c:v>${v}</c:v>`);
    expect(chartXml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(chartXml).toContain('formatCode="#,##0"');
    const slide1 = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(slide1).toContain('Source : HCP, « RGPH 2024 », 17 déc. 2024');
    expect(slide1).toContain('Population légale');
    const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBeGreaterThanOrEqual(2);
  });

  it('escapes hostile labels: every part stays well-formed XML', async () => {
    const zip = await unzip(await writeDeck(buildDeckSpec([hostileModel()], 'fr', '2026-11-26')));
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
    let sawLabel = false;
    for (const n of parts) {
      const xml = (await zip.file(n)?.async('string')) ?? '';
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      expect(doc.getElementsByTagName('parsererror'), n).toHaveLength(0);
      expect(doc.getElementsByTagName('script'), n).toHaveLength(0);
      if (xml.includes('&lt;script&gt;alert(1)&lt;/script&gt;')) sawLabel = true;
    }
    expect(sawLabel).toBe(true);
    expect(HOSTILE[1]).toBe('<script>alert(1)</script>');
  });

  it('sets the presentation right to left in Arabic', async () => {
    const zip = await unzip(
      await writeDeck(buildDeckSpec([lineModel({ lang: 'ar', dir: 'rtl' })], 'ar', '2026-11-26')),
    );
    expect(await zip.file('ppt/presentation.xml')?.async('string')).toContain('rtl="1"');
    expect(await zip.file('ppt/slides/slide1.xml')?.async('string')).toContain('rtl="1"');
  });
});
