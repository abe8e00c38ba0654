/**
 * The briefing as one PowerPoint deck (issue 17 item 1): one slide per saved view, in the briefing's order.
 *
 * - a view that kept its chart → a native, editable chart slide (pptx.ts's `addChartSlide`);
 * - a view that kept its map → the map slide (picture beside the table, pptx.ts's `addMapSlide`);
 * - any other view (compare, projects, overview, or a chart not kept) → a title slide: its name, the selection in
 *   words and an "Ouvrir la vue" link — never a blank slide.
 *
 * The saved view's name is each slide's title (the chart's own title moves to the caption). The speaker notes open
 * with the name, the status (and method) and the link, then carry what pptx.ts writes: every source with its link,
 * the caveats (qualified values and their notes), the data rows and the link back.
 *
 * `buildBriefingDeckSpec` is pure (unit-tested); `writeBriefingDeck` feeds it to pptxgenjs, imported on demand.
 */
import type PptxGenJS from 'pptxgenjs';
import type { Lang } from '../contract/contract.ts';
import type { ChartModel } from '../transforms/chart-types.ts';
import type { MapModel } from '../transforms/map-model.ts';
import { DIRECTIONS, defineMessages, translate } from '../i18n/i18n.ts';
import { exportedLine, methodLine, statusLabel } from './caption.ts';
import {
  addChartSlide,
  addMapSlide,
  buildDeckSpec,
  buildMapSlideSpec,
  deckBlob,
  MARGIN,
  newDeck,
  SLIDE_W,
  type MapSlideSpec,
  type SlideSpec,
  type TextBase,
} from './pptx.ts';
import { stripInvalidXmlChars } from './xml.ts';

const messages = defineMessages({
  deckTitle: { fr: 'Briefing Mouchir', ar: 'إحاطة مؤشر', en: 'Mouchir briefing' },
  statusNote: { fr: 'Statut : {status}', ar: 'الحالة: {status}', en: 'Status: {status}' },
  linkNote: { fr: 'Lien vers la vue : {link}', ar: 'رابط العرض: {link}', en: 'Link to the view: {link}' },
  openView: { fr: 'Ouvrir la vue', ar: 'فتح العرض', en: 'Open the view' },
  noSnapshot: {
    fr: 'Cette vue n’a pas de graphique enregistré : elle s’ouvre dans Mouchir avec le lien.',
    ar: 'لا يتضمن هذا العرض رسمًا بيانيًا محفوظًا: يُفتح في مؤشر عبر الرابط.',
    en: 'This view has no saved chart: it opens in Mouchir through the link.',
  },
});

/** One saved view of the briefing, as the deck needs it. */
export type BriefingDeckItem =
  | { kind: 'chart'; name: string; model: ChartModel }
  | {
      kind: 'map';
      name: string;
      map: MapModel;
      /** The map's title as shown (with its period). */
      title: string;
      link: string;
      synthetic?: boolean | undefined;
      /** PNG data URL of the composed map (`MAP_SLIDE_IMAGE`); `null` when it could not be drawn. */
      image: string | null;
    }
  | {
      kind: 'title';
      name: string;
      /** The selection in words, one line each ("Vue : Comparer", "Territoires : …"). */
      lines: string[];
      link: string;
    };

/** What one slide of the briefing deck shows. */
export type BriefingSlideSpec =
  | { kind: 'chart'; name: string; slide: SlideSpec }
  | { kind: 'map'; name: string; slide: MapSlideSpec; image: string }
  | {
      kind: 'title';
      name: string;
      lines: string[];
      link: string;
      openLabel: string;
      exported: string;
      notes: string;
    };

/** The whole briefing deck. */
export interface BriefingDeckSpec {
  lang: Lang;
  rtl: boolean;
  title: string;
  slides: BriefingSlideSpec[];
}

function clean(text: string): string {
  return stripInvalidXmlChars(text);
}

/** The head of a slide's notes: the view's name, its status (and method), its link. */
function notesHead(name: string, status: string, method: string | null, link: string, lang: Lang): string[] {
  return [
    clean(name),
    translate(messages, lang, 'statusNote', { status }),
    ...(method ? [clean(method)] : []),
    translate(messages, lang, 'linkNote', { link }),
    '',
  ];
}

/** A title slide for a view without a picture or chart to show. */
function titleSlide(
  name: string,
  lines: readonly string[],
  link: string,
  lang: Lang,
  exportDate: string,
): BriefingSlideSpec {
  const cleanLines = lines.map(clean);
  return {
    kind: 'title',
    name: clean(name),
    lines: cleanLines,
    link,
    openLabel: translate(messages, lang, 'openView'),
    exported: exportedLine(exportDate, lang),
    notes: [
      clean(name),
      ...cleanLines,
      '',
      translate(messages, lang, 'noSnapshot'),
      translate(messages, lang, 'linkNote', { link }),
    ].join('\n'),
  };
}

/** What goes on each slide of the briefing, one per item, in order. Pure. */
export function buildBriefingDeckSpec(
  items: readonly BriefingDeckItem[],
  lang: Lang,
  exportDate: string,
): BriefingDeckSpec {
  const slides = items.map((item): BriefingSlideSpec => {
    if (item.kind === 'chart') {
      const m = item.model;
      const [base] = buildDeckSpec([m], m.lang, exportDate).slides;
      if (!base) return titleSlide(item.name, [m.title], m.link, lang, exportDate);
      // The saved view's name is the slide's title; the chart's own title leads the caption.
      const slide: SlideSpec = {
        ...base,
        title: clean(item.name),
        caption: [base.title, base.caption].filter((t) => t !== '').join(' — '),
        notes: [...notesHead(item.name, base.status.text, methodLine(m), m.link, m.lang), base.notes].join('\n'),
      };
      return { kind: 'chart', name: clean(item.name), slide };
    }
    if (item.kind === 'map') {
      const base = buildMapSlideSpec(item.map, {
        exportDate,
        link: item.link,
        title: item.title,
        synthetic: item.synthetic,
      });
      if (item.image === null) {
        return titleSlide(item.name, [base.title, base.caption, base.source], item.link, lang, exportDate);
      }
      const slide: MapSlideSpec = {
        ...base,
        title: clean(item.name),
        caption: [base.title, base.caption].filter((t) => t !== '').join(' — '),
        notes: [
          ...notesHead(item.name, statusLabel(item.map.status, item.map.lang), null, item.link, item.map.lang),
          base.notes,
        ].join('\n'),
      };
      return { kind: 'map', name: clean(item.name), slide, image: item.image };
    }
    return titleSlide(item.name, item.lines, item.link, lang, exportDate);
  });
  return { lang, rtl: DIRECTIONS[lang] === 'rtl', title: translate(messages, lang, 'deckTitle'), slides };
}

/** A title slide: the name large, the selection under it, "Ouvrir la vue" linked, the export date at the foot. */
function addTitleSlide(pptx: PptxGenJS, s: Extract<BriefingSlideSpec, { kind: 'title' }>, text: TextBase): void {
  const slide = pptx.addSlide();
  const w = SLIDE_W - 2 * MARGIN;
  slide.addText(s.name, {
    ...text,
    x: MARGIN,
    y: 1.6,
    w,
    h: 1.2,
    fontSize: 36,
    bold: true,
    color: '1A1A1A',
    fit: 'shrink',
  });
  if (s.lines.length > 0)
    slide.addText(s.lines.join('\n'), {
      ...text,
      x: MARGIN,
      y: 3.0,
      w,
      h: 2.0,
      fontSize: 18,
      color: '444444',
      valign: 'top',
      fit: 'shrink',
    });
  slide.addText(s.openLabel, {
    ...text,
    x: MARGIN,
    y: 5.3,
    w,
    h: 0.5,
    fontSize: 18,
    color: '005A8E',
    hyperlink: { url: s.link, tooltip: s.link },
  });
  slide.addText(s.exported, { ...text, x: MARGIN, y: 6.88, w, h: 0.4, fontSize: 11, color: '555555' });
  slide.addNotes(s.notes);
}

/** Write the briefing deck with pptxgenjs (loaded on demand). */
export async function writeBriefingDeck(spec: BriefingDeckSpec): Promise<Blob> {
  const { pptx, text } = await newDeck(spec);
  for (const s of spec.slides) {
    if (s.kind === 'chart') addChartSlide(pptx, s.slide, text, spec.rtl);
    else if (s.kind === 'map') addMapSlide(pptx, s.slide, s.image, text);
    else addTitleSlide(pptx, s, text);
  }
  return deckBlob(pptx);
}
