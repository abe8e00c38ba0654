// @vitest-environment jsdom
/**
 * src/export/compose-map-svg.ts: the composed map image carries every territory (hatched when it has no value,
 * through a pattern defined in the file), the region borders and the inset, the legend's ranges in the unit and
 * the no-data count, the title with the period, the status badge, the source and the boundaries' attribution in
 * fr/ar/en, the export date and the QR code; Arabic mirrors the layout (legend on the left, right to left) and
 * never the geography; hostile names stay well-formed XML.
 */
import { describe, expect, it } from 'vitest';
import { INSET_CODES } from '../../src/charts/map-geometry.ts';
import { mapExportTitle } from '../../src/export/compose-map-svg.ts';
import { statusText } from '../../src/i18n/status-label.ts';
import { boundaryAttribution, NO_DATA_PATTERN } from '../../src/transforms/map-model.ts';
import { composeMap, mapModel, mapOptions, provinceCodes, regionCodes } from './export-map-fixtures.ts';

const LANGS = ['fr', 'ar', 'en'] as const;

/** Values of one attribute over the elements matching a tag and class. */
function attrs(svg: string, re: RegExp): string[] {
  return [...svg.matchAll(re)].map((m) => m[1] as string);
}

describe('composeMapSvg', () => {
  it('draws every province of the boundary file once, plus the axis prefectures again in the inset', () => {
    const model = mapModel('fr');
    const { svg, geometry } = composeMap(model, mapOptions('fr'));
    const codes = attrs(svg, /<path class="territory" data-code="([^"]+)"/g);
    expect(geometry.shapes).toHaveLength(75);
    expect(new Set(codes)).toEqual(new Set(provinceCodes));
    expect(codes).toHaveLength(75 + INSET_CODES.length);
    // Each path is the projected shape itself.
    for (const s of geometry.shapes) expect(svg).toContain(`data-code="${s.code}" d="${s.d}"`);
    expect(svg).toContain('class="region-borders"');
    expect(svg).toContain('class="inset"');
  });

  it('fills a territory with its class colour, or the hatching defined in the file when it has no value', () => {
    const model = mapModel('fr');
    const { svg } = composeMap(model, mapOptions('fr'));
    expect(svg).toContain(`<pattern id="${NO_DATA_PATTERN.id}"`);
    expect(svg).toContain(`fill="${NO_DATA_PATTERN.light.background}"`);
    for (const d of model.data.values()) {
      const fill = new RegExp(`data-code="${d.code}" d="[^"]*" fill="([^"]+)"`).exec(svg)?.[1];
      if (d.classIndex === null) expect(fill).toBe(`url(#${NO_DATA_PATTERN.id})`);
      else expect(fill).toBe(model.classes[d.classIndex]?.color);
    }
    expect(model.noData.count).toBeGreaterThan(0);
  });

  it('puts each class range in the unit and "no data" with its count in the legend', () => {
    const model = mapModel('fr');
    const { svg } = composeMap(model, mapOptions('fr'));
    const legend = /<g class="legend">(.*?)<\/g><line/s.exec(svg)?.[1] ?? '';
    expect(model.classes.length).toBe(5);
    for (const c of model.classes) {
      expect(c.label).toMatch(/%/);
      expect(legend).toContain(c.label.replace(/'/g, '&apos;'));
      expect(legend).toContain(`fill="${c.color}"`);
    }
    expect(legend).toContain(`Pas de données (${model.noData.count})`);
    expect(legend).toContain(`url(#${NO_DATA_PATTERN.id})`);
    expect(legend).toContain('Légende (%)');
  });

  it.each(LANGS)('burns in title with period, status, source, attribution, date and QR code (%s)', (lang) => {
    const model = mapModel(lang);
    const { svg } = composeMap(model, mapOptions(lang));
    expect(mapExportTitle(model)).toContain('2024');
    expect(svg).toContain(`class="title">${mapExportTitle(model)}`);
    expect(svg).toContain(statusText(model.status, lang));
    expect(svg).toContain('class="status-badge"');
    expect(svg).toMatch(/class="source">[^<]*(Source|المصدر)[^<]*Haut-Commissariat au Plan/);
    const attribution = attrs(svg, /class="attribution">([^<]*)</g).join(' ');
    expect(attribution.replace(/&apos;/g, "'")).toContain(boundaryAttribution(lang).slice(0, 30));
    expect(attribution).toContain('OpenStreetMap');
    expect(attribution).toContain('ODbL');
    expect(svg).toContain('class="exported"');
    expect(svg).toContain('class="qr"');
    expect(svg).toContain(`xml:lang="${lang}"`);
  });

  it('keeps the attribution whole on the smallest slide (square)', () => {
    const model = mapModel('fr', 'region');
    const { svg, geometry } = composeMap(model, mapOptions('fr', { width: 1080, height: 1080 }));
    expect(geometry.shapes.map((s) => s.code).sort()).toEqual([...regionCodes].sort());
    expect(svg).not.toContain('class="region-borders"');
    const attribution = attrs(svg, /class="attribution">([^<]*)</g)
      .join(' ')
      .replace(/&apos;/g, "'");
    expect(attribution).toContain('via geoBoundaries');
    expect(attribution).not.toContain('…');
  });

  it('mirrors the layout in Arabic (legend on the left, right to left) but never the geography', () => {
    const fr = composeMap(mapModel('fr'), mapOptions('fr'));
    const ar = composeMap(mapModel('ar'), mapOptions('ar'));
    expect(ar.svg).toContain('direction="rtl"');
    expect(ar.svg).toContain('<g class="map" direction="ltr"');
    // The same paths, at the same place: the map is not mirrored.
    const transform = (svg: string) => /<g class="map" direction="ltr" transform="([^"]+)"/.exec(svg)?.[1] ?? '';
    const frX = Number(/translate\(([\d.]+)/.exec(transform(fr.svg))?.[1]);
    const arX = Number(/translate\(([\d.]+)/.exec(transform(ar.svg))?.[1]);
    expect(ar.geometry.shapes.map((s) => s.d)).toEqual(fr.geometry.shapes.map((s) => s.d));
    expect(transform(ar.svg)).not.toContain('scale(-');
    // Layout mirrored: the map moves to the right, the legend's swatches to the left of the page.
    expect(arX).toBeGreaterThan(frX);
    const swatchX = (svg: string) => Number(/<g class="legend-class"><rect x="([\d.]+)"/.exec(svg)?.[1] ?? Number.NaN);
    expect(swatchX(ar.svg)).toBeLessThan(1920 / 2);
    expect(swatchX(fr.svg)).toBeGreaterThan(1920 / 2);
    // The inset's title starts at its right edge in Arabic, inside the frame.
    const frame = /<g class="inset"><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(ar.svg);
    const titleX = Number(/class="inset-title" x="([\d.]+)"/.exec(ar.svg)?.[1]);
    expect(titleX).toBeGreaterThan(Number(frame?.[1]) + Number(frame?.[2]) / 2);
    expect(titleX).toBeLessThanOrEqual(Number(frame?.[1]) + Number(frame?.[2]));
    // Arabic legend text and ranges.
    expect(ar.svg).toContain('المفتاح (%)');
    expect(ar.svg).toContain('لا توجد بيانات');
  });

  it('is well-formed XML whatever the names hold', () => {
    const model = mapModel('fr');
    const first = model.data.values().next().value;
    if (first) model.data.set(first.code, { ...first, name: `<script>alert("x")</script> & ']]>` });
    const { svg } = composeMap({ ...model, title: 'A < B & "C"' }, mapOptions('fr', { title: 'A < B & "C" — 2024' }));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('title')?.textContent).toBe('A < B & "C" — 2024');
    expect(svg).not.toContain('<script>');
  });

  it('matches the snapshot of the 12-region map (paths left out)', () => {
    const { svg } = composeMap(mapModel('fr', 'region'), mapOptions('fr'));
    expect(svg.replace(/ d="[^"]*"/g, ' d="…"').replace(/<g class="qr".*?<\/g>/, '<g class="qr"/>')).toMatchSnapshot();
  });
});
