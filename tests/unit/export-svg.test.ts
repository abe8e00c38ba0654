// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { composeSvg, EXPORT_SIZES, type ComposeOptions } from '../../src/export/compose-svg.ts';
import { formatCompact } from '../../src/i18n/format.ts';
import { niceTicks, wrapText, textWidth } from '../../src/charts/text-layout.ts';
import { escapeXml } from '../../src/export/xml.ts';
import { HOSTILE, hostileModel, lineModel } from './export-fixtures.ts';

const OPTS: ComposeOptions = {
  ...EXPORT_SIZES['slide-16-9'],
  background: 'white',
  exportDate: '2026-11-26',
  fonts: [],
};

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const texts = (doc: Document, cls?: string) =>
  [...doc.querySelectorAll(cls ? `text.${cls}` : 'text')].map((t) => t.textContent ?? '');

describe('composeSvg', () => {
  it('matches the snapshot of a fixed view', () => {
    expect(composeSvg(lineModel(), OPTS)).toMatchSnapshot();
  });

  it('holds title, selection, legend, source, status, date and link as text', () => {
    const doc = parse(composeSvg(lineModel(), OPTS));
    const all = texts(doc).join('\n');
    expect(texts(doc, 'title')).toEqual(['Population légale']);
    expect(texts(doc, 'subtitle').join(' ')).toBe('Casablanca-Settat, Marrakech-Safi · 2004–2024 · valeur absolue');
    expect([...doc.querySelectorAll('.legend-item text')].map((t) => t.textContent)).toEqual([
      'Casablanca-Settat',
      'Marrakech-Safi',
    ]);
    expect(texts(doc, 'source')).toEqual(['Source : HCP, « RGPH 2024 », 17 déc. 2024']);
    expect(all).toContain('Officiel');
    expect(texts(doc, 'exported')).toEqual(['Exporté le 26 nov. 2026 depuis Mouchir']);
    expect(texts(doc, 'link')[0]).toBe(
      'mouchir.example/?view=explorer&indicator=population-legale&territories=MA-06,MA-07',
    );
    expect(doc.documentElement.getAttribute('width')).toBe('1920');
    expect(doc.querySelector('.qr path')?.getAttribute('d')?.length).toBeGreaterThan(100);
  });

  it('leaves a gap for a null value instead of drawing zero', () => {
    const doc = parse(composeSvg(lineModel(), OPTS));
    const paths = [...doc.querySelectorAll('.series path')].map((p) => p.getAttribute('d') ?? '');
    expect(paths[0]?.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(paths[1]?.match(/[ML]/g)).toEqual(['M', 'M']);
  });

  it('burns in the illustrative badge and the method', () => {
    const doc = parse(composeSvg(lineModel({ status: 'illustrative', method: 'Valeurs fictives' }), OPTS));
    expect(doc.querySelector('.status-badge text')?.textContent).toBe('Illustratif — ne pas citer');
    expect(texts(doc, 'method')).toEqual(['Méthode : Valeurs fictives']);
  });

  it('keeps hostile labels inert: one svg root, no script, texts intact', () => {
    const svg = composeSvg(hostileModel(), OPTS);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('svg')).toHaveLength(1);
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
    expect(doc.querySelectorAll('[onload]')).toHaveLength(0);
    const legend = [...doc.querySelectorAll('.legend-item text')].map((t) => t.textContent);
    expect(legend).toEqual([HOSTILE[0], HOSTILE[1]]);
    expect(doc.querySelector('title')?.textContent).toBe(`${HOSTILE[2]} ${HOSTILE[1]}`);
  });

  it('drops characters XML cannot carry', () => {
    const doc = parse(composeSvg(lineModel({ title: 'A\u0000B\u0008C\uD800D' }), OPTS));
    expect(doc.querySelector('title')?.textContent).toBe('ABCD');
  });

  it('mirrors the layout in Arabic: right-aligned text, time right to left, value axis on the right', () => {
    const ltr = parse(composeSvg(lineModel(), OPTS));
    const rtl = parse(composeSvg(lineModel({ lang: 'ar', dir: 'rtl', title: 'السكان القانونيون' }), OPTS));
    expect(rtl.documentElement.getAttribute('direction')).toBe('rtl');
    const x = (doc: Document, sel: string) => [...doc.querySelectorAll(sel)].map((e) => Number(e.getAttribute('x')));
    expect(x(ltr, 'text.title')[0]).toBeLessThan(960);
    expect(x(rtl, 'text.title')[0]).toBeGreaterThan(960);
    const [first, , last] = x(rtl, 'text.tick-x');
    expect(first).toBeGreaterThan(last ?? Infinity);
    for (const v of x(rtl, 'text.tick-y')) expect(v).toBeGreaterThan(1700);
    for (const v of x(ltr, 'text.tick-y')) expect(v).toBeLessThan(220);
  });

  it('draws a ranked bar chart with territory names and values, and a reason for missing bars', () => {
    const model = lineModel({ kind: 'bar', periods: ['2014'] });
    const doc = parse(composeSvg(model, { ...OPTS, ...EXPORT_SIZES.square }));
    expect(doc.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(texts(doc, 'tick-y')).toEqual(['Casablanca-Settat', 'Marrakech-Safi']);
    expect(texts(doc, 'missing')).toEqual(['non publié']);
    expect(texts(doc, 'value')).toEqual([formatCompact(6_861_739, 'fr')]);
    expect(texts(doc, 'value')[0]).toMatch(/^6,9\sM$/);
  });

  it('draws a ranking ranked, highest first, whatever the selection order (issue 13)', () => {
    const base = lineModel({ kind: 'bar', periods: ['2024'] });
    const doc = parse(
      composeSvg({ ...base, series: [...base.series].reverse() }, { ...OPTS, ...EXPORT_SIZES['slide-16-9'] }),
    );
    expect(texts(doc, 'tick-y')).toEqual(['Casablanca-Settat', 'Marrakech-Safi']);
  });

  it('says so when there is nothing to draw, and omits the background when transparent', () => {
    const doc = parse(composeSvg(lineModel({ series: [] }), { ...OPTS, background: 'transparent' }));
    expect(texts(doc, 'no-data')).toEqual(['Aucune donnée à afficher']);
    expect(doc.querySelector('svg > rect')).toBeNull();
  });

  it('embeds the fonts it is given, and ignores data that is not base64', () => {
    const svg = composeSvg(lineModel(), {
      ...OPTS,
      fontProbes: true,
      fonts: [
        { family: 'Noto Sans', weight: 400, data: 'AAAA' },
        { family: 'Noto Sans', weight: 600, data: "x');}</style><script>" },
      ],
    });
    expect(svg).toContain("src:url(data:font/woff2;base64,AAAA) format('woff2')");
    expect(svg.match(/@font-face/g)).toHaveLength(1);
    // One font probe (see png.ts) for the one valid face, none for the rejected one.
    expect(svg.match(/data-probe="\d"/g)).toEqual(['data-probe="0"']);
    expect(
      composeSvg(lineModel(), { ...OPTS, fonts: [{ family: 'Noto Sans', weight: 400, data: 'AAAA' }] }),
    ).not.toContain('data-probe');
  });
});

describe('text layout helpers', () => {
  it.each([
    [0, 100, 5, [0, 20, 40, 60, 80, 100]],
    [0, 7_688_967, 8, [0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6, 7e6, 8e6]],
    [-3.2, 4.1, 4, [-4, -2, 0, 2, 4, 6]],
    [0, 0.37, 4, [0, 0.1, 0.2, 0.3, 0.4]],
  ])('niceTicks(%s, %s, %s)', (min, max, count, expected) => {
    expect(niceTicks(min, max, count).ticks).toEqual(expected);
  });

  it('wraps to the line budget and ellipsises the rest', () => {
    const lines = wrapText('un deux trois quatre cinq six sept huit neuf dix', textWidth('un deux trois', 20), 20, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(wrapText('court', 500, 20, 2)).toEqual(['court']);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
