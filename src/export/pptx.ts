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
import type { ChartModel } from '../transforms/chart-types.ts';
import { STATUS_COLORS } from '../transforms/palette.ts';
import { buildLongRows } from '../transforms/table.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { DIRECTIONS, LOCALES, defineMessages, translate } from '../i18n/i18n.ts';
import {
  exportedLine,
  methodLine,
  needsStatusBadge,
  reasonLabel,
  selectionCaption,
  sourceLine,
  statusLabel,
} from './caption.ts';
import { composeSvg } from './compose-svg.ts';
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
  notesSource: { fr: 'Source : {url}', ar: 'المصدر: {url}', en: 'Source: {url}' },
  imageSlide: { fr: '{title} (image)', ar: '{title} (صورة)', en: '{title} (image)' },
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
  source: string;
  sourceUrl: string;
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

function chartData(model: ChartModel): Omit<SlideSpec['chart'], 'formatCode'> {
  if (model.kind === 'bar') {
    // A ranked bar chart reads territory by territory: categories = territories (in ranking order, as on the
    // screen), one series per period.
    const ranked = rankedSeries(model);
    const labels = ranked.map((s) => clean(s.label));
    const series = model.periods.map((period) => ({
      name: clean(formatPeriod(period, model.lang)),
      labels,
      values: ranked.map((s) => valueAt(s, period)),
    }));
    return { type: 'bar', series, colors: [model.series[0]?.color ?? '#0072B2'].map((c) => c.replace('#', '')) };
  }
  const labels = model.periods.map((p) => clean(formatPeriod(p, model.lang)));
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

function notesOf(model: ChartModel): string {
  const lang = model.lang;
  const lines = [
    clean(model.title),
    clean(selectionCaption(model)),
    '',
    translate(messages, lang, 'notesData', { unit: clean(model.unitLabel) }),
  ];
  // The same rows as the table tab and the CSV (one row builder).
  for (const r of buildLongRows(model)) {
    const value =
      r.value === null ? `— (${reasonLabel(r.reason ?? 'not-published', lang)})` : formatNumber(r.value, lang, 2);
    lines.push(`${clean(r.territory)} (${r.territoryCode}) · ${formatPeriod(r.period, lang)} · ${value}`);
  }
  lines.push('', translate(messages, lang, 'notesSource', { url: model.source.url }));
  lines.push(translate(messages, lang, 'notesLink', { link: model.link }));
  return lines.join('\n');
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
        source: clean(sourceLine(m)),
        sourceUrl: m.source.url,
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
const SLIDE_W = 13.333;
const MARGIN = 0.45;

/**
 * Write the deck with pptxgenjs. `images[i]`, when given, is a PNG data URL of slide i's composed
 * image, added as an extra slide right after its native chart.
 */
export async function writeDeck(spec: DeckSpec, images: readonly (string | null)[] = []): Promise<Blob> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = spec.rtl;
  pptx.title = spec.title;
  pptx.company = 'Mouchir';
  const align = spec.rtl ? 'right' : 'left';
  const lang = LOCALES[spec.lang];
  const text = { rtlMode: spec.rtl, align, lang, fontFace: 'Arial' } as const;
  const contentW = SLIDE_W - 2 * MARGIN;
  // Arabic: time runs right to left and the value axis sits on the right (reversed category axis).
  // pptxgenjs writes any orientation it is given, but its types only list 'minMax'.
  const reversed = { catAxisOrientation: 'maxMin' } as unknown as Pick<PptxGenJS.IChartOpts, 'catAxisOrientation'>;
  const reversedVal = { valAxisOrientation: 'maxMin' } as unknown as Pick<PptxGenJS.IChartOpts, 'valAxisOrientation'>;

  spec.slides.forEach((s, i) => {
    const slide = pptx.addSlide();
    const badgeW = s.status.badge ? 3.1 : 0;
    slide.addText(s.title, {
      ...text,
      x: spec.rtl ? MARGIN + badgeW : MARGIN,
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
        x: spec.rtl ? MARGIN : SLIDE_W - MARGIN - badgeW + 0.1,
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
    const isBar = s.chart.type === 'bar';
    const opts: PptxGenJS.IChartOpts = {
      x: MARGIN,
      y: 1.6,
      w: contentW,
      h: 4.75,
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
      ...(isBar ? reversed : spec.rtl ? reversed : {}),
      ...(isBar && spec.rtl ? reversedVal : {}),
    };
    slide.addChart(isBar ? pptx.ChartType.bar : pptx.ChartType.line, s.chart.series, opts);
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
      ...(spec.rtl ? {} : { hyperlink: { url: s.sourceUrl } }),
    });
    const foot = [s.status.text, s.method, s.exported].filter((t): t is string => t !== null).join(' · ');
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
    slide.addNotes(s.notes);

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
  const out = await pptx.write({ outputType: 'blob' });
  if (out instanceof Blob) return out;
  return new Blob([out as ArrayBuffer], {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
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

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}
