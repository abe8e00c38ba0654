/**
 * PowerPoint export. `buildDeckSpec` (pure, unit-tested) decides what goes on each slide; `writeDeck`
 * feeds it to pptxgenjs, imported dynamically so its ~400 kB never weigh on the first page load.
 *
 * Each chart becomes a native, editable PowerPoint chart carrying its data (series = territories,
 * categories = periods, values = displayed values, nulls as gaps), with title, selection, source and
 * status on the slide, and the data table plus the link back in the speaker notes.
 */
import type PptxGenJS from 'pptxgenjs';
import type { Lang } from '../contract/contract.ts';
import type { ChartModel, ChartPoint } from '../transforms/chart-types.ts';
import type { MapModel } from '../transforms/map-model.ts';
import { STATUS_COLORS } from '../transforms/palette.ts';
import { buildLongRows, buildMapRows, type LongRow } from '../transforms/table.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { DIRECTIONS, LOCALES, defineMessages, translate } from '../i18n/i18n.ts';
import { qualifiedValue } from '../i18n/provenance.ts';
import { footnotes, mapAsSeries, sourceGroups } from '../transforms/provenance.ts';
import { eventDateText, eventLine, eventMessages, eventsOffAxis, eventsOnAxis } from '../transforms/events.ts';
import { exportedLine, methodLine, needsStatusBadge, reasonLabel, selectionCaption, statusLabel } from './caption.ts';
import { composeSvg } from './compose-svg.ts';
import { STAMP_COLOR } from './svg-frame.ts';
import {
  footnoteTexts,
  groupText,
  markedValue,
  moreNotesText,
  notesHeading,
  pickFirst,
  sourceLines,
  syntheticStamp,
} from './provenance-text.ts';
import { hasArabic, loadExportFonts } from './fonts.ts';
import { svgToPng } from './png.ts';
import { finiteValues, rankedSeries, valueAt } from './values.ts';
import { stripInvalidXmlChars } from './xml.ts';

const messages = defineMessages({
  deckTitle: {
    fr: 'Mouchir — indicateurs territoriaux',
    ar: 'مؤشر — المؤشرات الترابية',
    en: 'Mouchir — territorial indicators',
  },
  notesData: { fr: 'Données affichées ({unit}) :', ar: 'البيانات المعروضة ({unit}):', en: 'Displayed data ({unit}):' },
  notesLink: { fr: 'Lien vers la vue : {link}', ar: 'رابط العرض: {link}', en: 'Link to the view: {link}' },
  imageSlide: { fr: '{title} (image)', ar: '{title} (صورة)', en: '{title} (image)' },
  mapImage: { fr: 'Carte : {title}', ar: 'خريطة: {title}', en: 'Map: {title}' },
  colTerritory: { fr: 'Territoire', ar: 'المجال الترابي', en: 'Territory' },
  colValue: { fr: 'Valeur ({unit})', ar: 'القيمة ({unit})', en: 'Value ({unit})' },
  notesBoundaries: { fr: 'Limites : {text}', ar: 'الحدود: {text}', en: 'Boundaries: {text}' },
});

/** One native chart series. */
export interface DeckSeries {
  name: string;
  labels: string[];
  /** `null` is written as an empty cell and drawn as a gap. */
  values: (number | null)[];
}

/** Everything one slide shows. */
export interface SlideSpec {
  title: string;
  caption: string;
  unit: string;
  /** The source line: citations, publisher first ("Source : HCP, « RGPH 2024 », 17 déc. 2024"), the rest counted. */
  source: string;
  sourceUrl: string;
  /** The synthetic-data stamp across the top of the slide, when the figures are the stress catalogue's. */
  stamp: string | null;
  /** Footnotes under the chart ("¹ ≈ 10 M (déc. 2022) — valeur approchée : …"); the rest in the notes. */
  footnotes: string[];
  status: { text: string; fg: string; bg: string; badge: boolean };
  method: string | null;
  exported: string;
  chart: { type: 'line' | 'bar'; series: DeckSeries[]; colors: string[]; formatCode: string };
  notes: string;
  link: string;
}

export interface DeckSpec {
  lang: Lang;
  rtl: boolean;
  title: string;
  slides: SlideSpec[];
}

/** Text for pptxgenjs: it escapes XML entities itself, but not characters XML cannot carry. */
function clean(text: string): string {
  return stripInvalidXmlChars(text);
}

/**
 * Number format of the value axis: grouped thousands, one decimal only when values need it
 * (PowerPoint otherwise prints 7688967 or 62.8000001).
 */
export function valueFormatCode(values: readonly (number | null)[]): string {
  const nums = finiteValues(values);
  const max = Math.max(0, ...nums.map(Math.abs));
  const fractional = nums.some((v) => !Number.isInteger(v));
  return fractional && max < 1000 ? '#,##0.0' : '#,##0';
}

function chartOf(model: ChartModel): SlideSpec['chart'] {
  const all = model.series.flatMap((s) => s.points.map((p) => p.value));
  return { ...chartData(model), formatCode: valueFormatCode(all) };
}

/** Footnote marks of a set of points, in mark order ("¹²"): the chart's category labels carry them. */
function marksOf(points: readonly (ChartPoint | undefined)[], marks: ReadonlyMap<ChartPoint, string>): string {
  const found = new Set<string>();
  for (const p of points) {
    const m = p && p.value !== null ? marks.get(p) : undefined;
    if (m) found.add(m);
  }
  return found.size === 0 ? '' : ` ${[...found].join('')}`;
}

function chartData(model: ChartModel): Omit<SlideSpec['chart'], 'formatCode'> {
  // A native chart cannot print "≈" in one data label: the categories of qualified points carry their footnote
  // marks ("déc. 2022 ¹"), and the footnotes under the chart give the qualified value and the note.
  const { marks } = footnotes(model);
  if (model.kind === 'bar') {
    // A ranked bar chart reads territory by territory: categories = territories (in ranking order, as on the
    // screen), one series per period.
    const ranked = rankedSeries(model);
    const labels = ranked.map((s) => clean(s.label) + marksOf(s.points, marks));
    const series = model.periods.map((period) => ({
      name: clean(formatPeriod(period, model.lang)),
      labels,
      values: ranked.map((s) => valueAt(s, period)),
    }));
    return { type: 'bar', series, colors: [model.series[0]?.color ?? '#0072B2'].map((c) => c.replace('#', '')) };
  }
  const labels = model.periods.map(
    (p) =>
      clean(formatPeriod(p, model.lang)) +
      marksOf(
        model.series.map((s) => s.points.find((q) => q.period === p)),
        marks,
      ),
  );
  return {
    type: 'line',
    series: model.series.map((s) => ({
      name: clean(s.label),
      labels,
      values: model.periods.map((period) => valueAt(s, period)),
    })),
    colors: model.series.map((s) => s.color.replace('#', '')),
  };
}

/**
 * One data row of the speaker notes: "Benslimane (MA-BES) · 2024 · 12,3", a qualified value with its sign and mark
 * ("Maroc (MA) · déc. 2022 · ≈ 10 000 000 ¹"), or the reason it is missing.
 */
function noteRow(r: LongRow, lang: Lang, point?: ChartPoint, mark?: string): string {
  const value =
    r.value === null
      ? `— (${point?.qualifier && point.note ? point.note : reasonLabel(r.reason ?? 'not-published', lang)})`
      : markedValue(formatNumber(r.value, lang, 2), point, lang, mark ? ` ${mark}` : '');
  return `${clean(r.territory)} (${r.territoryCode}) · ${formatPeriod(r.period, lang)} · ${value}`;
}

/**
 * The speaker notes: every source as a citation with its link and the points it covers, the main source first (a
 * census chart's notes start with "HCP"); then the qualified points with their notes; then title, selection, the
 * data rows (qualified values with their marks) and the link back. A synthetic model's notes open with the stamp.
 */
function notesOf(model: ChartModel): string {
  const lang = model.lang;
  const groups = sourceGroups(model);
  const lines: string[] = [];
  if (model.synthetic) lines.push(syntheticStamp(lang), '');
  for (const g of groups) lines.push(clean(groupText(g, model, groups.length > 1, { url: true, maxPoints: 200 })));
  const fns = footnoteTexts(model);
  if (fns.lines.length > 0) lines.push('', notesHeading(lang), ...fns.lines.map(clean));
  // Events on the time axis (issue 17): a native chart cannot hold markers, so the notes list them all, sources
  // with their links, and the slide names them under the chart (`slideEvents`).
  if (model.events && model.events.length > 0) {
    lines.push('', translate(eventMessages, lang, 'eventsHeading'));
    for (const e of eventsOnAxis(model.events)) lines.push(clean(eventLine(e, lang)));
    for (const e of eventsOffAxis(model.events))
      lines.push(clean(`${translate(eventMessages, lang, 'outside')} ${eventLine(e, lang)}`));
  }
  lines.push(
    '',
    clean(model.title),
    clean(selectionCaption(model)),
    '',
    translate(messages, lang, 'notesData', { unit: clean(model.unitLabel) }),
  );
  // The same rows as the table tab and the CSV (one row builder).
  const points = new Map<string, ChartPoint>();
  for (const s of model.series) for (const p of s.points) points.set(`${s.key}\u0000${p.period}`, p);
  for (const r of buildLongRows(model)) {
    const p = points.get(`${r.territoryCode}\u0000${r.period}`);
    lines.push(noteRow(r, lang, p, p ? fns.marks.get(p) : undefined));
  }
  lines.push('', translate(messages, lang, 'notesLink', { link: model.link }));
  return lines.join('\n');
}

/** Most footnotes printed under a slide's chart (the notes list them all). */
const SLIDE_FOOTNOTES = 3;

/** The footnotes under a slide's chart: the first ones, then "+ n autres notes" (all in the notes). */
function slideFootnotes(model: ChartModel): string[] {
  const fns = footnoteTexts(model);
  const all = fns.lines.map(clean);
  if (all.length <= SLIDE_FOOTNOTES) return all;
  // The qualified values' footnotes first ("≈ 10 M", "> 11 M"), in mark order.
  const shown = pickFirst(all, SLIDE_FOOTNOTES - 1, (_, i) => fns.qualified[i] === true);
  return [...shown, moreNotesText(all.length - shown.length, model.lang, 'notes')];
}

/**
 * The events under a slide's chart, one line: "Événements : déc. 2022 — Généralisation de l’AMO… · …" (dates and
 * names; the sources are in the notes). None when the chart has no event on its axis.
 */
export function slideEvents(model: ChartModel): string[] {
  const on = eventsOnAxis(model.events);
  if (on.length === 0) return [];
  const lang = model.lang;
  const items = on.map(
    (e) =>
      `${e.kind === 'user' ? `${translate(eventMessages, lang, 'yours')} · ` : ''}${eventDateText(e, lang)} — ${e.label}`,
  );
  return [clean(`${translate(eventMessages, lang, 'eventsHeading')} ${items.join(' · ')}`)];
}

/** The slide's source line: the first two citations (with their points when several), the others counted. */
function slideSource(model: ChartModel): string {
  const { lines, moreText } = sourceLines(model, 2, 'notes', { maxPoints: 3 });
  return clean([...lines, ...(moreText ? [moreText] : [])].join(' · '));
}

/** What goes on each slide, one per model. Pure. */
export function buildDeckSpec(models: readonly ChartModel[], lang: Lang, exportDate: string): DeckSpec {
  return {
    lang,
    rtl: DIRECTIONS[lang] === 'rtl',
    title: translate(messages, lang, 'deckTitle'),
    slides: models.map((m) => {
      const c = STATUS_COLORS[m.status];
      return {
        title: clean(m.title),
        caption: clean(selectionCaption(m)),
        unit: clean(m.unitLabel),
        source: slideSource(m),
        sourceUrl: (sourceGroups(m)[0]?.source ?? m.source).url,
        stamp: m.synthetic ? syntheticStamp(m.lang) : null,
        footnotes: [...slideEvents(m), ...slideFootnotes(m)],
        status: {
          text: statusLabel(m.status, m.lang),
          fg: c.fg.replace('#', ''),
          bg: c.bg.replace('#', ''),
          badge: needsStatusBadge(m.status),
        },
        method: methodLine(m) === null ? null : clean(methodLine(m) ?? ''),
        exported: exportedLine(exportDate, m.lang),
        chart: chartOf(m),
        notes: notesOf(m),
        link: m.link,
      };
    }),
  };
}

/** Slide geometry (LAYOUT_WIDE, inches). */
export const SLIDE_W = 13.333;
export const MARGIN = 0.45;

/** What the title, badge, caption and foot of a slide show (a chart's or a map's). */
export type SlideFrame = Pick<
  SlideSpec,
  'title' | 'caption' | 'source' | 'sourceUrl' | 'status' | 'method' | 'exported' | 'stamp'
> & {
  /** A line under the source (the map's boundary attribution). */
  extra?: string | undefined;
};
/** The text options every run shares (direction, alignment, language, face). */
export type TextBase = { rtlMode: boolean; align: 'right' | 'left'; lang: string; fontFace: string };

/** Title, status badge (non-official figures) and selection at the top of a slide. */
export function slideHead(slide: PptxGenJS.Slide, s: SlideFrame, text: TextBase): void {
  const rtl = text.rtlMode;
  const contentW = SLIDE_W - 2 * MARGIN;
  if (s.stamp) {
    // The synthetic-data stamp (issue 14 item 4): a red band across the top edge, above the title.
    slide.addText(s.stamp, {
      ...text,
      x: 0,
      y: 0,
      w: SLIDE_W,
      h: 0.28,
      fontSize: 12,
      bold: true,
      color: 'FFFFFF',
      fill: { color: STAMP_COLOR.replace('#', '') },
      align: 'center',
      valign: 'middle',
    });
  }
  const badgeW = s.status.badge ? 3.1 : 0;
  slide.addText(s.title, {
    ...text,
    x: rtl ? MARGIN + badgeW : MARGIN,
    y: 0.3,
    w: contentW - badgeW,
    h: 0.75,
    fontSize: 26,
    bold: true,
    color: '1A1A1A',
    valign: 'top',
    fit: 'shrink',
  });
  if (s.status.badge) {
    slide.addText(s.status.text, {
      ...text,
      x: rtl ? MARGIN : SLIDE_W - MARGIN - badgeW + 0.1,
      y: 0.35,
      w: badgeW - 0.1,
      h: 0.45,
      fontSize: 12,
      bold: true,
      color: s.status.fg,
      fill: { color: s.status.bg },
      line: { color: s.status.fg, width: 1 },
      align: 'center',
      valign: 'middle',
    });
  }
  slide.addText(s.caption, {
    ...text,
    x: MARGIN,
    y: 1.05,
    w: contentW,
    h: 0.5,
    fontSize: 14,
    color: '555555',
    valign: 'top',
  });
}

/** Source (linked, except in RTL), then status, method or attribution and export date at the foot of a slide. */
export function slideFoot(slide: PptxGenJS.Slide, s: SlideFrame, text: TextBase): void {
  const contentW = SLIDE_W - 2 * MARGIN;
  // No hyperlink run in RTL: LibreOffice lays a linked mixed-direction paragraph out garbled (the URL
  // stays in the notes).
  slide.addText(s.source, {
    ...text,
    x: MARGIN,
    y: 6.4,
    w: contentW,
    h: 0.45,
    fontSize: 11,
    color: '333333',
    valign: 'top',
    fit: 'shrink',
    ...(text.rtlMode ? {} : { hyperlink: { url: s.sourceUrl } }),
  });
  const foot = [s.status.text, s.method, s.extra ?? null, s.exported]
    .filter((t): t is string => t !== null)
    .join(' · ');
  slide.addText(foot, {
    ...text,
    x: MARGIN,
    y: 6.88,
    w: contentW,
    h: 0.4,
    fontSize: 11,
    color: s.status.badge ? s.status.fg : '555555',
    fit: 'shrink',
  });
}

/** A wide (16:9) deck in the language's direction, and the text options of its runs. */
export async function newDeck(
  spec: Pick<DeckSpec, 'lang' | 'rtl' | 'title'>,
): Promise<{ pptx: PptxGenJS; text: TextBase }> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = spec.rtl;
  pptx.title = spec.title;
  pptx.company = 'Mouchir';
  const text: TextBase = {
    rtlMode: spec.rtl,
    align: spec.rtl ? 'right' : 'left',
    lang: LOCALES[spec.lang],
    fontFace: 'Arial',
  };
  return { pptx, text };
}

/** The written deck as a Blob. */
export async function deckBlob(pptx: PptxGenJS): Promise<Blob> {
  const out = await pptx.write({ outputType: 'blob' });
  if (out instanceof Blob) return out;
  return new Blob([out as ArrayBuffer], {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}

/**
 * Write the deck with pptxgenjs. `images[i]`, when given, is a PNG data URL of slide i's composed
 * image, added as an extra slide right after its native chart.
 */
export async function writeDeck(spec: DeckSpec, images: readonly (string | null)[] = []): Promise<Blob> {
  const { pptx, text } = await newDeck(spec);
  spec.slides.forEach((s, i) => {
    addChartSlide(pptx, s, text, spec.rtl);
    const image = images[i];
    if (image) {
      const imgSlide = pptx.addSlide();
      // The composed image already carries title, source, status and QR: it fills the slide.
      imgSlide.addImage({
        data: image,
        x: 0,
        y: 0,
        w: SLIDE_W,
        h: 7.5,
        altText: translate(messages, spec.lang, 'imageSlide', { title: s.title }),
      });
      imgSlide.addNotes(s.notes);
    }
  });
  return deckBlob(pptx);
}

/**
 * Add one slide with the native chart of `s` (title, badge, caption, chart, footnotes, source, foot, notes).
 * Shared by `writeDeck` and the briefing deck (src/export/briefing-deck.ts).
 */
export function addChartSlide(pptx: PptxGenJS, s: SlideSpec, text: TextBase, rtl: boolean): void {
  const contentW = SLIDE_W - 2 * MARGIN;
  // Arabic: time runs right to left and the value axis sits on the right (reversed category axis).
  // pptxgenjs writes any orientation it is given, but its types only list 'minMax'.
  const reversed = { catAxisOrientation: 'maxMin' } as unknown as Pick<PptxGenJS.IChartOpts, 'catAxisOrientation'>;
  const reversedVal = { valAxisOrientation: 'maxMin' } as unknown as Pick<PptxGenJS.IChartOpts, 'valAxisOrientation'>;
  const slide = pptx.addSlide();
  slideHead(slide, s, text);
  const isBar = s.chart.type === 'bar';
  // The footnotes sit between the chart and the source line; the chart gives up their height.
  // About 150 characters of 10 pt Arial per line across the slide; room for every line, at most 1.4 in.
  const fnLines = s.footnotes.reduce((n, t) => n + Math.max(1, Math.ceil(t.length / 150)), 0);
  const fnH = s.footnotes.length === 0 ? 0 : Math.min(1.4, 0.08 + 0.19 * fnLines);
  const opts: PptxGenJS.IChartOpts = {
    x: MARGIN,
    y: 1.6,
    w: contentW,
    h: 4.75 - fnH,
    chartColors: s.chart.colors,
    displayBlanksAs: 'gap',
    showLegend: !isBar,
    legendPos: 'b',
    legendFontSize: 12,
    catAxisLabelFontSize: 12,
    valAxisLabelFontSize: 12,
    showValAxisTitle: true,
    valAxisLabelFormatCode: s.chart.formatCode,
    valAxisTitle: s.unit,
    valAxisTitleFontSize: 12,
    lineSize: 2,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 6,
    ...(isBar ? { barDir: 'bar', showValue: true, dataLabelFontSize: 11 } : {}),
    // Ranked bars list the first territory at the top; in Arabic, bars grow leftwards.
    ...(isBar ? reversed : rtl ? reversed : {}),
    ...(isBar && rtl ? reversedVal : {}),
  };
  slide.addChart(isBar ? pptx.ChartType.bar : pptx.ChartType.line, s.chart.series, opts);
  if (s.footnotes.length > 0)
    slide.addText(s.footnotes.join('\n'), {
      ...text,
      x: MARGIN,
      y: 6.35 - fnH,
      w: contentW,
      h: fnH,
      fontSize: 10,
      color: '333333',
      valign: 'top',
      fit: 'shrink',
    });
  slideFoot(slide, s, text);
  slide.addNotes(s.notes);
}

export interface ExportDeckOptions {
  /** Language of the deck (its direction); defaults to the first model's. */
  lang?: Lang;
  /** Export date `YYYY-MM-DD`; today by default. */
  exportDate?: string;
  /** Also add each chart's composed image as its own slide. */
  withImages?: boolean;
}

/**
 * Export one or several charts (e.g. the whole overview) as a `.pptx` Blob.
 * With `withImages`, each model's composed SVG is rasterised at 1920×1080 (browser only).
 */
export async function exportDeck(models: readonly ChartModel[], options: ExportDeckOptions = {}): Promise<Blob> {
  const lang = options.lang ?? models[0]?.lang ?? 'fr';
  const exportDate = options.exportDate ?? new Date().toISOString().slice(0, 10);
  const spec = buildDeckSpec(models, lang, exportDate);
  let images: (string | null)[] = [];
  if (options.withImages) {
    images = await Promise.all(
      models.map(async (m) => {
        const fonts = await loadExportFonts(
          m.lang === 'ar' || hasArabic(m.title + m.series.map((s) => s.label).join('')),
        );
        const svg = composeSvg(m, {
          width: 1920,
          height: 1080,
          background: 'white',
          exportDate,
          fonts,
          fontProbes: true,
        });
        const png = await svgToPng(svg, 1920, 1080, 1);
        return blobToDataUrl(png);
      }),
    );
  }
  return writeDeck(spec, images);
}

/** A blob as a data: URL (pptxgenjs takes images as data URLs). */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/** Size (1×) of the composed map picture on a map slide: the left part of the slide, beside the table. */
export const MAP_SLIDE_IMAGE = { width: 1600, height: 1080 } as const;

/** Everything a map slide shows: the frame, the picture's alt text, the data table and the notes. */
export interface MapSlideSpec extends SlideFrame {
  lang: Lang;
  rtl: boolean;
  deckTitle: string;
  imageAlt: string;
  /** Header and rows of the table: territory, value (or its reason); two pairs of columns past 20 rows. */
  table: { header: string[]; rows: string[][] };
  notes: string;
}

/** Past this many territories, the table is laid out in two pairs of columns so it fits beside the map. */
const ONE_COLUMN_ROWS = 20;

/** Inputs of `buildMapSlideSpec`. */
export interface MapSlideInput {
  exportDate: string;
  link: string;
  /** The title as shown (with the period); the indicator's name by default. */
  title?: string | undefined;
  /** The figures are the synthetic stress catalogue's: the slide and its notes are stamped. */
  synthetic?: boolean | undefined;
}

/** What the map slide shows (pure): title, caption, badge, the table of every territory, source and notes. */
export function buildMapSlideSpec(model: MapModel, input: MapSlideInput): MapSlideSpec {
  const lang = model.lang;
  const c = STATUS_COLORS[model.status];
  const title = clean(input.title ?? model.title);
  const rows = buildMapRows(model);
  const series = mapAsSeries(model);
  const pseudo = { series, lang, source: model.source };
  const fns = footnoteTexts(pseudo);
  const byCode = new Map(series.map((s) => [s.key, s.points[0]]));
  const marks = new Map(series.map((s) => [s.key, s.points[0] ? fns.marks.get(s.points[0]) : undefined]));
  // Values as the map reads them, with their qualifier sign and footnote mark ("≈ 12,3 % ¹").
  const cells = [...model.data.values()].map((d) => [
    clean(d.name),
    d.value === null
      ? `— (${reasonLabel(d.reason ?? 'not-published', lang)})`
      : clean(qualifiedValue(d.valueText, d.qualifier, lang)) + (marks.get(d.code) ? ` ${marks.get(d.code)}` : ''),
  ]);
  const pair = [
    translate(messages, lang, 'colTerritory'),
    translate(messages, lang, 'colValue', { unit: clean(model.unitLabel) }),
  ];
  const split = cells.length > ONE_COLUMN_ROWS;
  const half = Math.ceil(cells.length / 2);
  const tableRows = split ? cells.slice(0, half).map((left, i) => [...left, ...(cells[half + i] ?? ['', ''])]) : cells;
  const slideSources = sourceLines(pseudo, 2, 'notes', { maxPoints: 3 });
  const source = clean([...slideSources.lines, ...(slideSources.moreText ? [slideSources.moreText] : [])].join(' · '));
  const groups = sourceGroups(pseudo);
  const notes = [
    // Every source first, publisher first (as a chart's notes), after the stamp when the figures are synthetic;
    // then the qualified values with their notes.
    ...(input.synthetic ? [syntheticStamp(lang), ''] : []),
    ...groups.map((g) => clean(groupText(g, pseudo, groups.length > 1, { url: true, maxPoints: 200 }))),
    translate(messages, lang, 'notesBoundaries', { text: model.attribution }),
    ...(fns.lines.length > 0 ? ['', notesHeading(lang), ...fns.lines.map(clean)] : []),
    '',
    title,
    clean(model.subtitle),
    '',
    translate(messages, lang, 'notesData', { unit: clean(model.unitLabel) }),
    ...rows.map((r) => {
      const p = byCode.get(r.territoryCode);
      return noteRow(r, lang, p, p ? fns.marks.get(p) : undefined);
    }),
    '',
    translate(messages, lang, 'notesLink', { link: input.link }),
  ].join('\n');
  return {
    lang,
    rtl: DIRECTIONS[lang] === 'rtl',
    deckTitle: translate(messages, lang, 'deckTitle'),
    title,
    caption: clean(model.subtitle),
    source,
    sourceUrl: model.source.url,
    stamp: input.synthetic ? syntheticStamp(lang) : null,
    status: {
      text: statusLabel(model.status, lang),
      fg: c.fg.replace('#', ''),
      bg: c.bg.replace('#', ''),
      badge: needsStatusBadge(model.status),
    },
    method: null,
    extra: clean(model.attribution),
    exported: exportedLine(input.exportDate, lang),
    imageAlt: translate(messages, lang, 'mapImage', { title }),
    table: { header: split ? [...pair, ...pair] : pair, rows: tableRows },
    notes,
  };
}

/**
 * Write the one-slide deck of a map: the composed map picture (`image`, a PNG data URL of
 * `MAP_SLIDE_IMAGE`) at the start side, the table of every territory beside it, source and attribution at the
 * foot, sources and the data in the notes.
 */
export async function writeMapDeck(spec: MapSlideSpec, image: string): Promise<Blob> {
  const { pptx, text } = await newDeck({ lang: spec.lang, rtl: spec.rtl, title: spec.deckTitle });
  addMapSlide(pptx, spec, image, text);
  return deckBlob(pptx);
}

/**
 * Add one map slide: the picture (`image`, a PNG data URL of `MAP_SLIDE_IMAGE`), the table beside it, the foot
 * and the notes. Shared by `writeMapDeck` and the briefing deck.
 */
export function addMapSlide(pptx: PptxGenJS, spec: MapSlideSpec, image: string, text: TextBase): void {
  const slide = pptx.addSlide();
  slideHead(slide, spec, text);
  const top = 1.55;
  const imageW = 7.0; // 4.7 in tall: ends above the source line at 6.4 in
  const imageH = (imageW * MAP_SLIDE_IMAGE.height) / MAP_SLIDE_IMAGE.width;
  const gap = 0.25;
  const tableW = SLIDE_W - 2 * MARGIN - imageW - gap;
  const imageX = spec.rtl ? SLIDE_W - MARGIN - imageW : MARGIN;
  const tableX = spec.rtl ? MARGIN : MARGIN + imageW + gap;
  slide.addImage({ data: image, x: imageX, y: top, w: imageW, h: imageH, altText: spec.imageAlt });
  const rows = spec.table.rows.length;
  const fontSize = rows > 30 ? 7 : rows > 14 ? 8 : 10;
  const head = spec.table.header.map((h) => ({
    text: h,
    options: { bold: true, fill: { color: 'EEEEEE' }, color: '1A1A1A' },
  }));
  const body = spec.table.rows.map((r) => r.map((cell) => ({ text: cell })));
  const cols = spec.table.header.length;
  const colW = cols === 4 ? [tableW * 0.3, tableW * 0.2, tableW * 0.3, tableW * 0.2] : [tableW * 0.62, tableW * 0.38];
  slide.addTable([head, ...body], {
    x: tableX,
    y: top,
    w: tableW,
    colW,
    fontSize,
    fontFace: text.fontFace,
    align: text.align,
    lang: text.lang,
    color: '1A1A1A',
    border: { type: 'solid', pt: 0.5, color: 'CCCCCC' },
    margin: 0.02,
    rowH: Math.min(0.3, 4.75 / (rows + 1)),
    autoPage: false,
  });
  slideFoot(slide, spec, text);
  slide.addNotes(spec.notes);
}
