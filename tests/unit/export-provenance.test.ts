// @vitest-environment jsdom
/**
 * Provenance in every export (issue 14): qualified values ("≈ 10 M", "> 11 M") with footnote marks and footnotes in
 * the picture, each point's own source as a citation (publisher first) with the points it covers, the "+ n autres
 * sources dans le CSV" line when a picture has no room, the speaker notes listing every source then the qualified
 * points, the synthetic-data stamp on every export, and no English note in a French or Arabic export.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildCsv, buildMapCsv } from '../../src/export/csv.ts';
import { composeSvg, EXPORT_SIZES, type ComposeOptions } from '../../src/export/compose-svg.ts';
import { buildDeckSpec, buildMapSlideSpec, writeDeck, writeMapDeck } from '../../src/export/pptx.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { pointsText } from '../../src/export/provenance-text.ts';
import { footnotes, sourceGroups } from '../../src/transforms/provenance.ts';
import type { ChartModel } from '../../src/transforms/chart-types.ts';
import { lineModel, manySourcesModel, NOTES, provenanceModel, PROVENANCE_SOURCES } from './export-fixtures.ts';
import { composeMap, mapModel, mapOptions } from './export-map-fixtures.ts';

const OPTS: ComposeOptions = {
  ...EXPORT_SIZES['slide-16-9'],
  background: 'white',
  exportDate: '2026-12-05',
  fonts: [],
};
const DATE = '2026-12-05';
/** A 1×1 PNG for the map slide. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Intl's no-break spaces read as plain spaces in these assertions. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const texts = (doc: Document, cls: string) =>
  [...doc.querySelectorAll(`text.${cls}`)].map((t) => plain(t.textContent ?? ''));

/** Every text part of a written deck: slides, notes and charts. */
async function deckText(blob: Blob): Promise<{ slides: string; notes: string[]; all: string }> {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
  const read = async (n: string) => (await zip.file(n)?.async('string')) ?? '';
  const notesNames = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).sort();
  const notes = await Promise.all(
    notesNames.map(async (n) =>
      [...(await read(n)).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1] ?? '').join('\n'),
    ),
  );
  const slides = (await Promise.all(names.filter((n) => n.startsWith('ppt/slides/')).map(read))).join('\n');
  const all = (await Promise.all(names.map(read))).join('\n');
  return { slides, notes, all };
}

describe('footnotes (transforms/provenance.ts)', () => {
  it('gives each qualified point a mark, in order, and shares one mark between points with the same note', () => {
    const model = provenanceModel('fr');
    const { notes, marks } = footnotes(model);
    expect(notes.map((n) => [n.mark, n.qualifier, n.points.map((p) => p.period)])).toEqual([
      ['¹', 'approx', ['2022-12']],
      ['²', 'lower-bound', ['2024-03']],
    ]);
    expect(marks.size).toBe(2);
    const shared: ChartModel = {
      ...lineModel(),
      series: lineModel().series.map((s) => ({
        ...s,
        points: s.points.map((p) => ({ ...p, qualifier: 'computed' as const, note: 'Somme des provinces.' })),
      })),
    };
    const one = footnotes(shared);
    expect(one.notes).toHaveLength(1);
    expect(one.notes[0]?.points).toHaveLength(5); // the gap has no footnote
  });

  it('groups the sources with the points each covers, the indicator source first', () => {
    const groups = sourceGroups(provenanceModel('fr'));
    expect(groups.map((g) => [g.source.publisher, g.points.map((p) => p.period)])).toEqual([
      ['CNSS', ['2023-10']],
      ['Chef du gouvernement', ['2022-12']],
      ['CNSS (directeur général)', ['2024-03']],
    ]);
  });
});

describe('the picture (SVG, and so the PNG and presentation slides)', () => {
  it('prints "≈ 10 M¹" and "> 11 M²" at the qualified points of a line, and the footnotes with their notes', () => {
    const doc = parse(composeSvg(provenanceModel('fr'), OPTS));
    expect(texts(doc, 'value-label')).toEqual(['≈ 10 M¹', '> 11 M²']);
    expect(doc.querySelectorAll('circle.inexact')).toHaveLength(2);
    // A long footnote wraps over two lines (split at a space).
    const fns = texts(doc, 'footnote').join(' ');
    expect(fns).toBe(
      `¹ ≈ 10 M (déc. 2022) — valeur approchée (« environ ») : ${NOTES.approx.fr} (confiance : deux sources concordantes) ` +
        `² > 11 M (mars 2024) — borne basse (« plus de ») : ${NOTES.lower.fr}`,
    );
  });

  it('lists each source as a citation, publisher first, with the points it covers', () => {
    const doc = parse(composeSvg(provenanceModel('fr'), OPTS));
    expect(texts(doc, 'source')).toEqual([
      'Source : CNSS, « Où en est le régime AMO Tadamon ? », 19 oct. 2023, via Médias24 — oct. 2023',
      'Source : Chef du gouvernement, « Déclaration devant le Parlement », 20 déc. 2022 — déc. 2022',
      'Source : CNSS (directeur général), « Bilan AMO Tadamon, mars 2024 », 15 mars 2024 — mars 2024',
    ]);
    // The page's link is printed once, at the foot: citations in the picture go without theirs.
    expect(doc.documentElement.textContent).not.toContain(PROVENANCE_SOURCES.approx.url);
  });

  it('prints the sign and the mark on a ranked bar', () => {
    const doc = parse(composeSvg(provenanceModel('fr', { kind: 'bar', periods: ['2024-03'] }), OPTS));
    expect(texts(doc, 'value')).toEqual(['> 11 M²']);
    expect(texts(doc, 'footnote').join(' ')).toContain('² > 11 M (mars 2024) — borne basse');
  });

  it('writes Arabic qualifiers, notes and citations right to left', () => {
    const doc = parse(composeSvg(provenanceModel('ar'), OPTS));
    expect(doc.documentElement.getAttribute('direction')).toBe('rtl');
    expect(texts(doc, 'value-label')).toEqual(['≈ 10 مليون¹', 'أكثر من 11 مليون²']);
    const fns = texts(doc, 'footnote').join('\n');
    expect(fns).toContain(NOTES.approx.ar);
    expect(fns).toContain('قيمة تقريبية');
    expect(texts(doc, 'source')[0]).toMatch(/^المصدر: \u2068CNSS\u2069، «\u2068Où en est/);
  });

  it('names the first sources and counts the others when they do not fit', () => {
    const doc = parse(composeSvg(manySourcesModel(9), OPTS));
    const sources = texts(doc, 'source');
    expect(sources.length).toBeGreaterThanOrEqual(2);
    expect(sources.length).toBeLessThan(9);
    expect(sources[0]).toBe('Source : Éditeur 1, « Publication 1 » — Région 1 : 2024');
    expect(texts(doc, 'source-more')).toEqual([`+ ${9 - sources.length} autres sources dans le CSV`]);
    // A small picture has less room, never none.
    const small = parse(composeSvg(manySourcesModel(9), { ...OPTS, width: 640, height: 360 }));
    expect(texts(small, 'source').length).toBeGreaterThanOrEqual(1);
    expect(texts(small, 'source-more')[0]).toMatch(/^\+ \d autres sources dans le CSV$/);
    const ar = parse(composeSvg(manySourcesModel(9, 'ar'), OPTS));
    expect(texts(ar, 'source-more')[0]).toMatch(/^\+ \d+ مصادر أخرى في ملف CSV$/);
  });

  it('keeps every footer line inside the picture and below the plot', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1080, 1080],
      [640, 360],
    ] as const) {
      const doc = parse(composeSvg(manySourcesModel(9), { ...OPTS, width: w, height: h }));
      const ys = [...doc.querySelectorAll('text.source, text.source-more, text.link')].map((t) =>
        Number(t.getAttribute('y')),
      );
      for (const y of ys) expect(y).toBeLessThanOrEqual(h);
      const plotBottom = Math.max(...[...doc.querySelectorAll('text.tick-x')].map((t) => Number(t.getAttribute('y'))));
      expect(Math.min(...ys)).toBeGreaterThan(plotBottom);
    }
  });
});

describe('the synthetic-data stamp (issue 14 item 4)', () => {
  it('stamps the chart picture with a band and a watermark, in the language', () => {
    const doc = parse(composeSvg(lineModel({ synthetic: true }), OPTS));
    expect(doc.querySelector('.synthetic-stamp text')?.textContent).toBe(
      'Données synthétiques — test de charge, pas des chiffres réels',
    );
    expect(doc.querySelector('.synthetic-watermark')?.textContent).toBe('DONNÉES SYNTHÉTIQUES');
    expect(doc.querySelector('desc')?.textContent).toMatch(/^Données synthétiques/);
    const ar = parse(composeSvg(lineModel({ synthetic: true, lang: 'ar', dir: 'rtl' }), OPTS));
    expect(ar.querySelector('.synthetic-stamp text')?.textContent).toContain('بيانات اصطناعية');
    expect(composeSvg(lineModel(), OPTS)).not.toContain('synthetic');
  });

  it('stamps the map picture, the map CSV and the map slide', async () => {
    const model = mapModel('fr', 'region');
    const { svg } = composeMap(model, mapOptions('fr', { synthetic: true }));
    expect(parse(svg).querySelector('.synthetic-stamp text')?.textContent).toContain('Données synthétiques');
    expect(buildMapCsv({ model, exportDate: DATE, link: 'https://x.example/', synthetic: true })).toContain(
      '# DONNÉES SYNTHÉTIQUES,"Données synthétiques — test de charge, pas des chiffres réels"',
    );
    const spec = buildMapSlideSpec(model, { exportDate: DATE, link: 'https://x.example/', synthetic: true });
    expect(spec.notes.startsWith('Données synthétiques')).toBe(true);
    const deck = await deckText(await writeMapDeck(spec, PNG));
    expect(deck.slides).toContain('Données synthétiques — test de charge, pas des chiffres réels');
  });

  it('stamps the deck: a band on the slide and the first line of its notes', async () => {
    const spec = buildDeckSpec([lineModel({ synthetic: true })], 'fr', DATE);
    expect(spec.slides[0]?.stamp).toBe('Données synthétiques — test de charge, pas des chiffres réels');
    const deck = await deckText(await writeDeck(spec));
    expect(deck.slides).toContain('Données synthétiques — test de charge, pas des chiffres réels');
    expect(deck.notes[0]?.startsWith('Données synthétiques')).toBe(true);
    const real = await deckText(await writeDeck(buildDeckSpec([lineModel()], 'fr', DATE)));
    expect(real.all).not.toContain('synthétiques');
  });
});

/** The provenance fixture with a plain note on `n` extra points before its "> 11 M" (more footnotes than fit). */
function crowdedModel(n: number): ChartModel {
  const base = provenanceModel('fr');
  const s = base.series[0];
  if (!s) throw new Error('fixture');
  const extra = Array.from({ length: n }, (_, i) => ({
    period: `2023-0${i + 1}`,
    value: 10_100_000 + i,
    status: 'official' as const,
    note: `Note simple ${i + 1}.`,
  }));
  const [first, ...rest] = s.points;
  return {
    ...base,
    periods: ['2022-12', ...extra.map((p) => p.period), '2023-10', '2024-03'],
    series: [{ ...s, points: [first!, ...extra, ...rest] }],
  };
}

describe('when not every footnote fits', () => {
  it('prints the qualified values first (slide and picture), and counts the others', () => {
    const model = crowdedModel(5);
    const slide = buildDeckSpec([model], 'fr', DATE).slides[0];
    expect(slide?.footnotes.map(plain)).toEqual([
      expect.stringMatching(/^¹ ≈ 10 M/),
      expect.stringMatching(/^⁷ > 11 M/),
      '+ 5 autres notes dans les notes du présentateur',
    ]);
    const doc = parse(composeSvg(model, { ...OPTS, width: 1080, height: 1080 }));
    const fns = texts(doc, 'footnote').join(' ');
    expect(fns).toContain('¹ ≈ 10 M');
    expect(fns).toContain('⁷ > 11 M');
    expect(texts(doc, 'footnote-more')[0]).toMatch(/^\+ \d autres notes dans le CSV$/);
  });
});

describe('map exports: each territory its qualifier and its own source', () => {
  function qualifiedMap() {
    const model = mapModel('fr', 'region');
    const first = [...model.data.values()].find((d) => d.value !== null);
    if (!first) throw new Error('fixture');
    model.data.set(first.code, {
      ...first,
      qualifier: 'approx',
      note: 'Valeur arrondie par la source.',
      source: { ...PROVENANCE_SOURCES.approx },
    });
    return { model, first };
  }

  it('CSV rows, the slide table and notes, and the picture cite it', () => {
    const { model, first } = qualifiedMap();
    const csv = plain(buildMapCsv({ model, exportDate: DATE, link: 'https://x.example/' }));
    expect(csv).toMatch(/# Source 1\/2,"HCP/);
    expect(csv).toContain(
      `# Source 2/2,"Chef du gouvernement, « Déclaration devant le Parlement », 20 déc. 2022 — https://cg.example/2022-12 — ${first.name} : 2024"`,
    );
    const row = csv.split('\r\n').find((l) => l.startsWith(`${first.name},${first.code},`)) ?? '';
    expect(row).toContain('valeur approchée');
    expect(row).toContain('Valeur arrondie par la source.');
    expect(row).toContain('Chef du gouvernement, « Déclaration');

    const spec = buildMapSlideSpec(model, { exportDate: DATE, link: 'https://x.example/' });
    expect(spec.table.rows.flat().map(plain)).toContain(`≈ ${plain(first.valueText)} ¹`);
    expect(spec.notes.startsWith('HCP')).toBe(true);
    expect(spec.notes).toContain('Chef du gouvernement, « Déclaration devant le Parlement »');
    expect(spec.notes).toContain('¹ ≈');
    expect(spec.source).toMatch(/^Source : HCP.* · Source : Chef du gouvernement/);

    const { svg } = composeMap(model, mapOptions('fr'));
    const sources = texts(parse(svg), 'source').join(' ');
    expect(sources).toContain('Source : Chef du gouvernement, « Déclaration devant le Parlement »');
  });
});

describe('a withheld value with its bound (import: small counts masked)', () => {
  it('reads its note instead of a bare reason on the ranking, in the notes and in the CSV', () => {
    const base = manySourcesModel(3);
    const masked: ChartModel = {
      ...base,
      series: base.series.map((s, i) =>
        i === 2
          ? {
              ...s,
              points: [
                {
                  period: '2024',
                  value: null,
                  reason: 'not-published' as const,
                  status: 'imported' as const,
                  qualifier: 'upper-bound' as const,
                  note: '< 10 (petit effectif masqué)',
                },
              ],
            }
          : s,
      ),
    };
    expect(texts(parse(composeSvg(masked, OPTS)), 'missing')).toEqual(['< 10 (petit effectif masqué)']);
    expect(buildDeckSpec([masked], 'fr', DATE).slides[0]?.notes).toContain(
      'Région 3 (MA-03) · 2024 · — (< 10 (petit effectif masqué))',
    );
    const csv = buildCsv({ model: masked, variant: 'displayed', exportDate: DATE });
    expect(csv).toContain(
      'Région 3,MA-03,2024,,,borne haute (« moins de »),importé,non publié,< 10 (petit effectif masqué),',
    );
  });
});

describe('pointsText', () => {
  const named = (series: string, period: string) => ({
    series,
    period,
    point: { period, value: 1, status: 'official' as const },
  });
  it('lists a few points by territory, and counts many territories by period', () => {
    expect(pointsText([named('Rabat', '2014'), named('Rabat', '2024'), named('Salé', '2024')], 'fr')).toBe(
      'Rabat : 2014, 2024 ; Salé : 2024',
    );
    const many = Array.from({ length: 75 }, (_, i) => named(`P${i}`, '2024'));
    expect(pointsText(many, 'fr')).toBe('2024 (75 territoires)');
    expect(pointsText(many, 'ar')).toBe('2024 (75 مجالا ترابيا)');
    expect(pointsText(many.slice(0, 11), 'ar')).toBe('2024 (11 مجالا ترابيا)');
    expect(pointsText(many.slice(0, 3), 'fr', 2)).toBe('P0 : 2024 ; P1 : 2024 (+ 1)');
  });
});

describe('the deck (PowerPoint)', () => {
  it('lays the footnotes between the chart and the source line, without overlap', async () => {
    const zip = await JSZip.loadAsync(
      await (await writeDeck(buildDeckSpec([crowdedModel(5)], 'fr', DATE))).arrayBuffer(),
    );
    const xml = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    const inch = 914_400;
    // Each shape or frame: its text (if any) and its vertical extent in inches.
    const boxes = [...xml.matchAll(/<p:(sp|graphicFrame)>([\s\S]*?)<\/p:\1>/g)].map((m) => {
      const body = m[2] ?? '';
      const y = Number(/<a:off x="\d+" y="(\d+)"/.exec(body)?.[1]) / inch;
      const h = Number(/<a:ext cx="\d+" cy="(\d+)"/.exec(body)?.[1]) / inch;
      return { kind: m[1], text: [...body.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(' '), y, h };
    });
    const chart = boxes.find((b) => b.kind === 'graphicFrame');
    const notes = boxes.find((b) => b.text.startsWith('¹'));
    const source = boxes.find((b) => b.text.startsWith('Source'));
    if (!chart || !notes || !source) throw new Error('missing shape');
    expect(chart.y + chart.h).toBeLessThanOrEqual(notes.y + 1e-6);
    expect(notes.y + notes.h).toBeLessThanOrEqual(source.y + 1e-6);
    expect(notes.text).toContain('⁷');
  });

  it('lists every source in the notes, publisher first, with the points it covers, then the qualified points', () => {
    const notes = plain(buildDeckSpec([provenanceModel('fr')], 'fr', DATE).slides[0]?.notes ?? '');
    const lines = notes.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'CNSS, « Où en est le régime AMO Tadamon ? », 19 oct. 2023, via Médias24 — https://medias24.example/amo-tadamon — oct. 2023',
      'Chef du gouvernement, « Déclaration devant le Parlement », 20 déc. 2022 — https://cg.example/2022-12 — déc. 2022',
      'CNSS (directeur général), « Bilan AMO Tadamon, mars 2024 », 15 mars 2024 — https://cnss.example/2024-03 — mars 2024',
    ]);
    expect(notes).toContain('Valeurs qualifiées et notes :');
    expect(notes).toContain(`¹ ≈ 10 M (déc. 2022) — valeur approchée (« environ ») : ${NOTES.approx.fr}`);
    expect(notes).toContain(`² > 11 M (mars 2024) — borne basse (« plus de ») : ${NOTES.lower.fr}`);
    expect(notes).toContain(`Maroc (MA) · déc. 2022 · ≈ ${plain(formatNumber(10_000_000, 'fr', 2))} ¹`);
    expect(notes).toContain(`Maroc (MA) · mars 2024 · > ${plain(formatNumber(11_000_000, 'fr', 2))} ²`);
  });

  it('starts the notes of a census chart with its publisher (HCP)', () => {
    const notes = buildDeckSpec([lineModel()], 'fr', DATE).slides[0]?.notes ?? '';
    expect(notes.startsWith('HCP, « RGPH 2024 », 17 déc. 2024 — https://www.hcp.ma/')).toBe(true);
  });

  it('marks the qualified categories, prints the footnotes under the chart and cites publisher first', async () => {
    const spec = buildDeckSpec([provenanceModel('fr')], 'fr', DATE);
    const slide = spec.slides[0];
    expect(slide?.chart.series[0]?.labels).toEqual(['déc. 2022 ¹', 'oct. 2023', 'mars 2024 ²']);
    expect(slide?.footnotes.map(plain)).toEqual([
      `¹ ≈ 10 M (déc. 2022) — valeur approchée (« environ ») : ${NOTES.approx.fr} (confiance : deux sources concordantes)`,
      `² > 11 M (mars 2024) — borne basse (« plus de ») : ${NOTES.lower.fr}`,
    ]);
    expect(slide?.source).toBe(
      'Source : CNSS, « Où en est le régime AMO Tadamon ? », 19 oct. 2023, via Médias24 — oct. 2023 · + 2 autres sources dans les notes du présentateur',
    );
    const deck = await deckText(await writeDeck(spec));
    expect(plain(deck.slides)).toContain('≈ 10 M (déc. 2022)');
    expect(plain(deck.slides)).toContain('&gt; 11 M (mars 2024)');
    expect(plain(deck.notes[0] ?? '')).toMatch(/^CNSS, « Où en est/);
  });
});

/** The words of the English notes that the French note does not have (what a leak would show). */
function englishOnlyWords(): string[] {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const out = new Set<string>();
  for (const n of Object.values(NOTES)) {
    const fr = words(n.fr);
    for (const w of words(n.en)) if (!fr.has(w)) out.add(w);
  }
  return [...out];
}

describe('no English in a French or Arabic export (issue 14 item 3)', () => {
  const english = englishOnlyWords();
  it('has English words to look for', () => {
    expect(english).toEqual(expect.arrayContaining(['about', 'according', 'government', 'parliament', 'than']));
  });

  it.each(['fr', 'ar'] as const)(
    'CSV, SVG, slide, notes and chart parts carry no English note word (%s)',
    async (lang) => {
      const models = [
        provenanceModel(lang),
        provenanceModel(lang, { kind: 'bar', periods: ['2024-03'] }),
        provenanceModel(lang, { synthetic: true }),
      ];
      const outputs: [string, string][] = [];
      for (const m of models) {
        outputs.push(['csv', buildCsv({ model: m, variant: 'displayed', exportDate: DATE })]);
        outputs.push(['svg', composeSvg(m, OPTS)]);
        outputs.push(['svg small', composeSvg(m, { ...OPTS, width: 800, height: 450 })]);
      }
      const spec = buildDeckSpec(models, lang, DATE);
      outputs.push(['deck spec', JSON.stringify(spec)]);
      outputs.push(['pptx', (await deckText(await writeDeck(spec))).all]);
      for (const [what, text] of outputs) {
        // The notes in the model's language are there…
        expect(text, what).toContain(lang === 'fr' ? 'Près de dix millions' : 'حوالي عشرة ملايين');
        // …and no word of the English ones (word boundaries: "about" would match inside nothing French).
        for (const w of english) expect(text.toLowerCase(), `${what}: ${w}`).not.toMatch(new RegExp(`\\b${w}\\b`));
      }
    },
  );
});
