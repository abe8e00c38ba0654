/**
 * The briefing (issue 17 item 1): which saved views it holds and in what order, what a view without a chart says,
 * and the one PowerPoint deck — one slide per view (native chart, map picture, or title slide), the saved view's
 * name as each slide's title, speaker notes with the status, the sources, the caveats and the link; read back from
 * the written .pptx.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildBriefingDeckSpec, writeBriefingDeck, type BriefingSlideSpec } from '../../src/export/briefing-deck.ts';
import { toPinnedMap } from '../../src/export/pins.ts';
import {
  briefingDeckItems,
  briefingSlides,
  briefingViews,
  describeView,
  viewLink,
} from '../../src/saved-views/briefing.ts';
import type { SavedView } from '../../src/saved-views/types.ts';
import { lineModel, NOTES, provenanceModel } from './export-fixtures.ts';
import { MAP_LINK, mapModel } from './export-map-fixtures.ts';

const BASE = 'https://mouchir.example/app/?view=overview&lang=fr#x';
const DATE = '2026-12-05';
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function view(id: string, overrides: Partial<SavedView> = {}): SavedView {
  return {
    id,
    name: `Vue ${id}`,
    query: 'view=compare&territories=MA-01,MA-04&lang=fr',
    createdAt: '2026-12-05T08:00:00.000Z',
    updatedAt: '2026-12-05T08:00:00.000Z',
    inBriefing: true,
    events: [],
    ...overrides,
  };
}

/** A chart view, a compare view (no chart kept), a view left out of the briefing, a map view. */
function fixture(): SavedView[] {
  return [
    view('chart', { name: 'Population des deux régions', model: provenanceModel('fr') }),
    view('compare', { name: 'Comparer Tanger et Oriental' }),
    view('out', { name: 'Pas dans le briefing', inBriefing: false, model: lineModel() }),
    view('map', {
      name: 'Chômage par province',
      query: 'view=explorer&indicator=unemployment-rate&tab=map&level=province&lang=fr',
      map: toPinnedMap(mapModel('fr'), { title: 'Taux de chômage (2024)', regions: null }),
    }),
  ];
}

function notesOf(s: BriefingSlideSpec): string {
  return s.kind === 'title' ? s.notes : s.slide.notes;
}

describe('briefing views and slides', () => {
  it('keeps the views in the briefing, in the list order', () => {
    expect(briefingViews(fixture()).map((v) => v.id)).toEqual(['chart', 'compare', 'map']);
  });

  it('gives a view without chart or map its selection in words and a link, never nothing', () => {
    const slides = briefingSlides(fixture(), 'fr', BASE);
    const compare = slides[1];
    expect(compare?.model).toBeUndefined();
    expect(compare?.map).toBeUndefined();
    expect(compare?.lines).toEqual([
      'Vue : Comparer',
      'Territoires : MA-01, MA-04',
      expect.stringMatching(/pas de graphique enregistré/),
    ]);
    expect(compare?.link).toBe('https://mouchir.example/app/?view=compare&territories=MA-01,MA-04&lang=fr');
    // A chart view links where its chart says; a map view without a chart model, to its query on the app's address.
    expect(slides[0]?.link).toBe(provenanceModel('fr').link);
    expect(slides[2]?.link).toBe(
      'https://mouchir.example/app/?view=explorer&indicator=unemployment-rate&tab=map&level=province&lang=fr',
    );
  });

  it('describes each kind of view in the page language', () => {
    expect(describeView('view=projects&status=completed&lang=fr', 'en')).toEqual([
      'View: Projects',
      'Project status: completed',
    ]);
    expect(describeView('?view=explorer&indicator=households&territories=MA-06&from=2014&to=2024', 'ar')[0]).toBe(
      'العرض: المستكشف',
    );
    expect(describeView('view=explorer&indicator=households&from=2014&to=2024', 'fr')).toContain(
      'Indicateur : households',
    );
    expect(viewLink('?view=overview', 'http://h/x/?a=1#h')).toBe('http://h/x/?view=overview');
  });
});

describe('briefing deck spec', () => {
  const slides = briefingSlides(fixture(), 'fr', BASE);
  const spec = buildBriefingDeckSpec(briefingDeckItems(slides, new Map([[2, PNG]])), 'fr', DATE);

  it('has one slide per view in the briefing, of the right kind, named by the saved view', () => {
    expect(spec.slides.map((s) => s.kind)).toEqual(['chart', 'title', 'map']);
    expect(spec.slides.map((s) => s.name)).toEqual([
      'Population des deux régions',
      'Comparer Tanger et Oriental',
      'Chômage par province',
    ]);
    const chart = spec.slides[0];
    if (chart?.kind !== 'chart') throw new Error('expected a chart slide');
    // The saved name is the title; the chart's own title leads the caption.
    expect(chart.slide.title).toBe('Population des deux régions');
    expect(chart.slide.caption.startsWith(`${provenanceModel('fr').title} — `)).toBe(true);
  });

  it('opens every slide’s notes with the name, the status and the link, then every source and the caveats', () => {
    const model = provenanceModel('fr');
    const chartNotes = notesOf(spec.slides[0] as BriefingSlideSpec).split('\n');
    expect(chartNotes[0]).toBe('Population des deux régions');
    expect(chartNotes[1]).toMatch(/^Statut : /);
    expect(chartNotes).toContain(`Lien vers la vue : ${model.link}`);
    const text = chartNotes.join('\n');
    // Every source of the chart, with its link; the qualified value's caveat.
    for (const url of new Set(model.series.flatMap((s) => s.points.map((p) => (p.source ?? model.source).url))))
      expect(text).toContain(url);
    expect(text).toContain(NOTES.approx.fr);

    const mapNotes = notesOf(spec.slides[2] as BriefingSlideSpec);
    expect(mapNotes.split('\n')[1]).toMatch(/^Statut : /);
    expect(mapNotes).toContain(mapModel('fr').source.url);

    const titleNotes = notesOf(spec.slides[1] as BriefingSlideSpec);
    expect(titleNotes).toContain('Territoires : MA-01, MA-04');
    expect(titleNotes).toContain('https://mouchir.example/app/?view=compare&territories=MA-01,MA-04&lang=fr');
  });

  it('turns a map whose picture could not be drawn into a title slide with its title and source', () => {
    const noImage = buildBriefingDeckSpec(briefingDeckItems(slides, new Map()), 'fr', DATE);
    const map = noImage.slides[2];
    expect(map?.kind).toBe('title');
    if (map?.kind !== 'title') return;
    expect(map.lines[0]).toBe('Taux de chômage (2024)');
    expect(map.link).toBe(MAP_LINK.replace('https://mouchir.example/', 'https://mouchir.example/app/') + '&lang=fr');
  });

  it('is right to left in Arabic', () => {
    const ar = buildBriefingDeckSpec(briefingDeckItems(briefingSlides(fixture(), 'ar', BASE), new Map()), 'ar', DATE);
    expect(ar.rtl).toBe(true);
    expect(ar.title).toBe('إحاطة مؤشر');
  });
});

describe('writeBriefingDeck', () => {
  it('writes one .pptx: N slides, native charts for the chart views, notes with sources on each slide', async () => {
    const slides = briefingSlides(fixture(), 'fr', BASE);
    const spec = buildBriefingDeckSpec(briefingDeckItems(slides, new Map([[2, PNG]])), 'fr', DATE);
    const zip = await JSZip.loadAsync(await (await writeBriefingDeck(spec)).arrayBuffer());
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideFiles).toHaveLength(3);
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    const chartXml = await zip.file(charts[0] as string)?.async('string');
    expect(chartXml).toContain('<c:lineChart>');

    const slideXml = async (i: number) => (await zip.file(`ppt/slides/slide${i}.xml`)?.async('string')) ?? '';
    expect(await slideXml(1)).toContain('Population des deux régions');
    const title = await slideXml(2);
    expect(title).toContain('Comparer Tanger et Oriental');
    expect(title).toContain('Ouvrir la vue');
    expect(await slideXml(3)).toContain('<p:pic>');

    const notes = await Promise.all(
      [1, 2, 3].map(async (i) => (await zip.file(`ppt/notesSlides/notesSlide${i}.xml`)?.async('string')) ?? ''),
    );
    expect(notes[0]).toContain('Statut : ');
    expect(notes[0]).toContain(provenanceModel('fr').source.url);
    expect(notes[2]).toContain(mapModel('fr').source.url);
    expect(notes[1]).toContain('view=compare');
  });
});
