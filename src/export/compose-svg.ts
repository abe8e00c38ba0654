/**
 * The composed export image: a self-contained SVG string with title, selection, legend, the chart
 * drawn from the ChartModel, source line, status badge, export date, link and QR code; a line chart's events
 * (issue 17) as numbered dashed rules on the plot and, in the footer, one line each (number, date, name, source).
 *
 * Composed rather than screenshotted because recharts draws its legend as HTML outside its `<svg>`,
 * and because a string is pure and testable (snapshot) and safe: every text goes through `escapeXml`.
 * Arabic mirrors the layout: text right-aligned, time running right to left, value axis on the right.
 * Fonts are passed in (base64 woff2) so this module never touches the network or the DOM.
 */
import type { ChartModel, ChartPoint, ChartSeries } from '../transforms/chart-types.ts';
import { formatCompact, formatNumber, formatPeriod } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.ts';
import { exportMessages, methodLine, reasonLabel, selectionCaption, statusLabel } from './caption.ts';
import { fitText, niceTicks, textWidth } from '../charts/text-layout.ts';
import {
  footnoteTexts,
  markedValue,
  moreNotesText,
  moreSourcesText,
  pickFirst,
  sourceLines,
  syntheticStamp,
  syntheticWatermark,
} from './provenance-text.ts';
import { finiteOrNull, finiteValues, rankedSeries } from './values.ts';
import { periodStart } from '../contract/period.ts';
import { eventLine, eventMessages, eventsOffAxis, numberedEvents } from '../transforms/events.ts';
import { escapeXml, num } from './xml.ts';
import {
  composeFooter,
  composeHeader,
  GRID,
  INK,
  makeFrame,
  MUTED,
  svgDocument,
  syntheticWatermarkSvg,
  type EmbeddedFont,
  type Frame,
  type FootLine,
} from './svg-frame.ts';

export { FONT_PROBE, type EmbeddedFont } from './svg-frame.ts';

/** Named export sizes; `chart` uses the on-screen chart size. */
export type ExportSizeName = 'chart' | 'slide-16-9' | 'slide-4-3' | 'square';

/** Pixel sizes of the fixed presets (1×). */
export const EXPORT_SIZES: Record<Exclude<ExportSizeName, 'chart'>, { width: number; height: number }> = {
  'slide-16-9': { width: 1920, height: 1080 },
  'slide-4-3': { width: 1600, height: 1200 },
  square: { width: 1080, height: 1080 },
};

export interface ComposeOptions {
  width: number;
  height: number;
  background: 'white' | 'transparent';
  /** Export date `YYYY-MM-DD` (fixed in tests). */
  exportDate: string;
  fonts?: readonly EmbeddedFont[];
  /**
   * Add the font probes that `svgToPng` waits on (PNG only: a browser showing the SVG itself
   * redraws once fonts are ready, so downloads and presentation slides go without them).
   */
  fontProbes?: boolean;
  /** Multiplies every font size (presentation mode uses larger type, to read from the back of a room). */
  typeScale?: number;
}

const AXIS = '#8a8a8a';
/** Qualifiers whose number is not exact: their marker is drawn hollow. */
const INEXACT = new Set(['approx', 'lower-bound', 'upper-bound', 'provisional']);

/** Value shown for one series in a bar chart: the point of the last displayed period. */
function barPoint(s: ChartSeries, periods: readonly string[]): ChartPoint | undefined {
  const last = periods[periods.length - 1];
  return s.points.find((p) => p.period === last) ?? s.points[s.points.length - 1];
}

/** Most qualified points labelled on a line chart (beyond, the footnotes name them). */
const MAX_LINE_LABELS = 20;
/** Lines beyond which qualified points are not labelled (the labels would pile up on one period). */
const MAX_LABELLED_SERIES = 6;

/**
 * The provenance lines of a picture's footer (issue 14): the footnotes (mark, qualified value, point, qualifier,
 * note) then the sources as citations with the points each covers, as many as the picture's height allows — the
 * rest counted ("+ 2 autres notes dans le CSV", "+ 4 autres sources dans le CSV"). Sources keep at least one line.
 */
export function provenanceFootLines(
  f: Pick<Frame, 'H' | 'fs' | 'pad'>,
  /** Where the plot may start (below the header and legend). */
  top: number,
  allNotes: { lines: readonly string[]; qualified: readonly boolean[] },
  sources: readonly string[],
  lang: ChartModel['lang'],
  reserved = 0,
): FootLine[] {
  const notes = allNotes.lines;
  const lineH = f.fs.foot * 1.4;
  // The footer may take about 40 % of the picture, and no more than leaves the plot 35 % of it below the header
  // and legend (`top`), less the export date and link.
  const room = Math.min(f.H * 0.4, f.H - top - f.H * 0.35 - f.pad);
  const budget = Math.max(3, Math.floor(room / lineH) - 2 - reserved);
  let srcN = Math.min(sources.length, 4);
  let noteN = Math.min(notes.length, 4);
  // Each item may wrap over two lines; past the budget, notes then sources go to one line (the last ones first: the
  // citations stay whole longest), then notes, then sources beyond the first, are counted instead of printed.
  const noteWrap = notes.map(() => 2);
  const srcWrap = sources.map(() => 2);
  const sum = (w: number[], n: number) => w.slice(0, n).reduce((a, b) => a + b, 0);
  const cost = () =>
    sum(noteWrap, noteN) + sum(srcWrap, srcN) + (notes.length > noteN ? 1 : 0) + (sources.length > srcN ? 1 : 0);
  for (let i = noteN - 1; i >= 0 && cost() > budget; i--) noteWrap[i] = 1;
  for (let i = srcN - 1; i >= 0 && cost() > budget; i--) srcWrap[i] = 1;
  while (cost() > budget && noteN > 0) noteN--;
  while (cost() > budget && srcN > 1) srcN--;
  const out: FootLine[] = [];
  // The qualified values' footnotes first when not all fit ("≈", ">" matter more than a plain note).
  pickFirst(notes, noteN, (_, i) => allNotes.qualified[i] === true).forEach((n, i) =>
    out.push({ text: n, cls: 'footnote', wrap: noteWrap[i] ?? 1 }),
  );
  if (notes.length > noteN) out.push({ text: moreNotesText(notes.length - noteN, lang), cls: 'footnote-more' });
  sources.slice(0, srcN).forEach((l, i) => out.push({ text: l, cls: 'source', wrap: srcWrap[i] ?? 1 }));
  if (sources.length > srcN)
    out.push({ text: moreSourcesText(sources.length - srcN, lang, 'csv'), cls: 'source-more' });
  return out;
}

/** Most event lines printed in a picture's footer; the rest are counted (every export's CSV lists them all). */
const MAX_EVENT_LINES = 4;

/**
 * The footer lines of a line chart's events: "1 déc. 2022 — Généralisation de l’AMO… (source : CNSS, « … »)" for each
 * numbered marker, then those outside the range ("Hors de la période affichée : …"), at most `max`, the rest counted.
 */
export function eventFootLines(model: ChartModel, max = MAX_EVENT_LINES): FootLine[] {
  const lang = model.lang;
  const all = [
    ...numberedEvents(model.events).map(({ n, event }) => `${n} ${eventLine(event, lang, { url: false })}`),
    ...eventsOffAxis(model.events).map(
      (e) => `${translate(eventMessages, lang, 'outside')} ${eventLine(e, lang, { url: false })}`,
    ),
  ];
  if (all.length === 0) return [];
  const shown = all.length > max ? all.slice(0, max - 1) : all;
  const out: FootLine[] = shown.map((t) => ({ text: t, cls: 'event', wrap: 2 }));
  if (all.length > shown.length)
    out.push({
      text: `+ ${all.length - shown.length} ${translate(eventMessages, lang, 'events').toLowerCase()}`,
      cls: 'event-more',
    });
  return out;
}

/**
 * Where a period falls on an axis of equally spaced periods (the picture's line chart): between the two periods
 * around it, in proportion to time (by first month, as the screen's time axis places it). `null` outside.
 */
export function axisPosition(periods: readonly string[], period: string, xOf: (i: number) => number): number | null {
  const t = periodStart(period);
  const starts = periods.map((p) => periodStart(p));
  for (let i = 0; i < starts.length; i++) {
    const a = starts[i] as number;
    if (t === a) return xOf(i);
    const b = starts[i + 1];
    if (b !== undefined && t > a && t < b) return xOf(i) + ((t - a) / (b - a)) * (xOf(i + 1) - xOf(i));
  }
  return null;
}

/** Compose the export SVG. Pure: same model and options, same string. */
export function composeSvg(model: ChartModel, opts: ComposeOptions): string {
  const f = makeFrame(opts.width, opts.height, model.lang, model.dir === 'rtl', opts.typeScale ?? 1);
  const { W, rtl, lang, u, pad, fs, contentW, X, BX, text } = f;
  const parts: string[] = [];

  // --- Header: the synthetic stamp, status badge (opposite the title start), title, selection.
  const header = composeHeader(f, {
    title: model.title,
    subtitle: selectionCaption(model),
    status: model.status,
    stamp: model.synthetic ? syntheticStamp(lang) : undefined,
  });
  parts.push(header.svg);
  let y = header.bottom;

  // --- Legend (line charts: one entry per territory; bars carry their names on the axis).
  if (model.kind === 'line' && model.series.length > 0) {
    const sw = 30 * u;
    const gap = 28 * u;
    const rowH = fs.legend * 1.55;
    let lx = pad;
    let row = 0;
    const items: string[] = [];
    for (const s of model.series) {
      const label = fitText(s.label, contentW / 2, fs.legend);
      const w = sw + 10 * u + textWidth(label, fs.legend);
      if (lx > pad && lx + w > pad + contentW) {
        row++;
        lx = pad;
      }
      const cy = y + row * rowH + rowH / 2;
      items.push(
        `<g class="legend-item"><line x1="${num(X(lx))}" x2="${num(X(lx + sw))}" y1="${num(cy)}" y2="${num(cy)}" stroke="${s.color}" stroke-width="${num(5 * u)}" stroke-linecap="round"/>` +
          text(lx + sw + 10 * u, cy + fs.legend * 0.35, label, fs.legend, ` fill="${INK}"`) +
          `</g>`,
      );
      lx += w + gap;
    }
    parts.push(`<g class="legend">${items.join('')}</g>`);
    y += (row + 1) * rowH + 10 * u;
  }

  // --- Footer: footnotes, sources (citations with their points), method, export date, link; QR code at the far end.
  const method = methodLine(model);
  const notes = footnoteTexts(model);
  const sources = sourceLines(model, Infinity, 'csv', { isolate: true }).lines;
  const events = model.kind === 'line' ? eventFootLines(model) : [];
  const eventRows = events.reduce((n, l) => n + (l.wrap ?? 1), 0);
  const lines: FootLine[] = [
    ...events,
    ...provenanceFootLines(f, y, notes, sources, lang, (method === null ? 0 : 1) + eventRows),
  ];
  if (method !== null) lines.push({ text: method, cls: 'method' });
  const footer = composeFooter(f, { lines, exportDate: opts.exportDate, link: model.link });
  parts.push(footer.svg);
  const footTop = footer.top;

  // --- Plot.
  const plotTop = y + 18 * u;
  const plotBottom = footTop - 30 * u - fs.tick * 1.6;
  parts.push(model.kind === 'bar' ? drawBars() : drawLines());

  function valueDomain(values: number[]): { ticks: number[]; lo: number; hi: number; step: number } {
    const lo0 = Math.min(0, ...values);
    const hi0 = Math.max(0, ...values);
    const target = Math.max(3, Math.floor((plotBottom - plotTop) / (70 * u)));
    const { ticks, step } = niceTicks(lo0, hi0, Math.min(8, target));
    return { ticks, lo: ticks[0] ?? 0, hi: ticks[ticks.length - 1] ?? 1, step };
  }
  /** Stroke of the grid line at tick `t`: the zero line stands out as the axis. */
  function gridStroke(t: number): string {
    return `stroke="${t === 0 ? AXIS : GRID}" stroke-width="${num((t === 0 ? 2 : 1.2) * u)}"`;
  }
  function tickLabel(v: number, step: number): string {
    if (Math.abs(v) >= 10_000) return formatCompact(v, lang);
    const digits = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step)));
    return formatNumber(v, lang, digits);
  }
  function noData(): string {
    return text(
      pad + contentW / 2,
      (plotTop + plotBottom) / 2,
      translate(exportMessages, lang, 'noData'),
      fs.sub,
      ` text-anchor="middle" fill="${MUTED}" class="no-data"`,
    );
  }

  function drawLines(): string {
    const values = finiteValues(model.series.flatMap((s) => s.points.map((p) => p.value)));
    if (values.length === 0 || model.periods.length === 0) return noData();
    const { ticks, lo, hi, step } = valueDomain(values);
    const labels = ticks.map((t) => tickLabel(t, step));
    const axisW = Math.max(...labels.map((l) => textWidth(l, fs.tick))) + 14 * u;
    const unitY = plotTop;
    const top = plotTop + fs.tick * 1.2;
    const left = pad + axisW;
    const right = pad + contentW - 12 * u;
    const yOf = (v: number) => plotBottom - ((v - lo) / (hi - lo || 1)) * (plotBottom - top);
    const n = model.periods.length;
    const inset = 16 * u;
    const xOf = (i: number) =>
      n === 1 ? (left + right) / 2 : left + inset + (i * (right - left - 2 * inset)) / (n - 1);
    const out: string[] = [`<g class="plot">`];
    out.push(
      text(pad, unitY, fitText(model.unitLabel, contentW / 2, fs.tick), fs.tick, ` fill="${MUTED}" class="unit"`),
    );
    ticks.forEach((t, i) => {
      const ty = yOf(t);
      out.push(`<line x1="${num(X(left))}" x2="${num(X(right))}" y1="${num(ty)}" y2="${num(ty)}" ${gridStroke(t)}/>`);
      out.push(
        text(
          left - 10 * u,
          ty + fs.tick * 0.35,
          labels[i] ?? '',
          fs.tick,
          ` text-anchor="end" fill="${MUTED}" class="tick-y"`,
        ),
      );
    });
    const periodLabels = model.periods.map((p) => formatPeriod(p, lang));
    const maxLabelW = Math.max(...periodLabels.map((l) => textWidth(l, fs.tick))) + 18 * u;
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((right - left) / maxLabelW))));
    periodLabels.forEach((l, i) => {
      if (i % every !== 0 && i !== n - 1) return;
      if (i === n - 1 && i % every !== 0 && n - 1 - Math.floor((n - 1) / every) * every < every / 2) return;
      out.push(
        text(xOf(i), plotBottom + fs.tick * 1.5, l, fs.tick, ` text-anchor="middle" fill="${MUTED}" class="tick-x"`),
      );
    });
    const markers = n <= 40;
    // Qualified points (issue 14): labelled with their value, sign and footnote mark ("≈ 10 M¹"), drawn hollow when
    // the number is not exact; past MAX_LINE_LABELS the footnotes alone name them.
    const labelled = notes.marks.size <= MAX_LINE_LABELS && model.series.length <= MAX_LABELLED_SERIES;
    const valueLabels: string[] = [];
    for (const s of model.series) {
      let d = '';
      let pen = false;
      const dots: string[] = [];
      model.periods.forEach((period, i) => {
        const point = s.points.find((p) => p.period === period);
        const value = finiteOrNull(point?.value);
        if (value === null || !point) {
          pen = false; // a gap: missing values are never drawn as zero
          return;
        }
        const px = X(xOf(i));
        const py = yOf(value);
        d += `${pen ? 'L' : 'M'}${num(px)} ${num(py)}`;
        pen = true;
        const mark = notes.marks.get(point);
        const inexact = point.qualifier !== undefined && INEXACT.has(point.qualifier);
        if (markers || mark)
          dots.push(
            inexact
              ? `<circle class="inexact" cx="${num(px)}" cy="${num(py)}" r="${num(6 * u)}" fill="#ffffff" stroke="${s.color}" stroke-width="${num(3 * u)}"/>`
              : `<circle cx="${num(px)}" cy="${num(py)}" r="${num(5 * u)}" fill="${s.color}"/>`,
          );
        if (mark && labelled) {
          const label = markedValue(tickLabel(value, step / 10), point, lang, mark);
          const w = textWidth(label, fs.tick);
          const lx = xOf(i);
          // Inside the plot: anchored at its start near the start edge, at its end near the far edge.
          const anchor = lx - w / 2 < left ? 'start' : lx + w / 2 > pad + contentW ? 'end' : 'middle';
          const ax = anchor === 'start' ? lx - 6 * u : anchor === 'end' ? lx + 6 * u : lx;
          const above = py - 14 * u > top + fs.tick;
          valueLabels.push(
            text(
              ax,
              above ? py - 14 * u : py + 14 * u + fs.tick * 0.8,
              label,
              fs.tick,
              ` text-anchor="${anchor}" font-weight="600" fill="${INK}" stroke="#ffffff" stroke-width="${num(4 * u)}" paint-order="stroke" class="value-label"`,
            ),
          );
        }
      });
      out.push(
        `<g class="series" data-key="${escapeXml(s.key)}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="${num(4 * u)}" stroke-linejoin="round" stroke-linecap="round"/>${dots.join('')}</g>`,
      );
    }
    if (valueLabels.length > 0) out.push(`<g class="value-labels">${valueLabels.join('')}</g>`);
    out.push(eventMarkers(xOf, top));
    out.push(`</g>`);
    return out.join('');
  }

  /**
   * The events on the axis: a dashed rule each (dotted for the user's own, with a square badge), numbered as in the
   * footer; two events of one position share a rule and a badge ("2,3").
   */
  function eventMarkers(xOf: (i: number) => number, top: number): string {
    const groups = new Map<number, { x: number; ns: number[]; user: boolean }>();
    for (const { n, event } of numberedEvents(model.events)) {
      const x = axisPosition(model.periods, event.axisPeriod ?? event.date, xOf);
      if (x === null) continue;
      const key = Math.round(x * 100);
      const g = groups.get(key) ?? { x, ns: [], user: true };
      g.ns.push(n);
      g.user &&= event.kind === 'user';
      groups.set(key, g);
    }
    if (groups.size === 0) return '';
    const out: string[] = [`<g class="events">`];
    const r = fs.tick * 0.8;
    for (const g of groups.values()) {
      const px = X(g.x);
      const label = g.ns.join(',');
      const w = Math.max(2 * r, textWidth(label, fs.tick * 0.85) + r);
      out.push(
        `<g class="event${g.user ? ' event--user' : ''}" data-events="${escapeXml(label)}">` +
          `<line x1="${num(px)}" x2="${num(px)}" y1="${num(top)}" y2="${num(plotBottom)}" stroke="${MUTED}" stroke-width="${num(2 * u)}" stroke-dasharray="${g.user ? `${num(2 * u)} ${num(5 * u)}` : `${num(9 * u)} ${num(7 * u)}`}"${g.user ? ' stroke-linecap="round"' : ''}/>` +
          `<rect x="${num(px - w / 2)}" y="${num(top - r)}" width="${num(w)}" height="${num(2 * r)}" rx="${num(g.user ? 3 * u : r)}" fill="#ffffff" stroke="${MUTED}" stroke-width="${num(2 * u)}"/>` +
          `<text x="${num(px)}" y="${num(top + fs.tick * 0.3)}" font-size="${num(fs.tick * 0.85)}" font-weight="600" fill="${INK}" text-anchor="middle" direction="ltr">${escapeXml(label)}</text>` +
          `</g>`,
      );
    }
    out.push(`</g>`);
    return out.join('');
  }

  function drawBars(): string {
    const rows = rankedSeries(model).map((s) => ({ s, p: barPoint(s, model.periods) }));
    const values = finiteValues(rows.map((r) => r.p?.value));
    if (rows.length === 0) return noData();
    const { ticks, lo, hi, step } = values.length > 0 ? valueDomain(values) : { ticks: [0, 1], lo: 0, hi: 1, step: 1 };
    const labelW = Math.min(contentW * 0.3, Math.max(...rows.map((r) => textWidth(r.s.label, fs.tick))) + 14 * u);
    const left = pad + labelW;
    // Each bar's value as printed: with its qualifier sign and footnote mark ("> 11 M²").
    const valueText = (p: ChartPoint | undefined, value: number) =>
      markedValue(tickLabel(value, step / 10), p, lang, p ? notes.marks.get(p) : undefined);
    const printed = rows.flatMap(({ p }) => {
      const v = finiteOrNull(p?.value);
      return v === null ? [] : [valueText(p, v)];
    });
    const valueRoom = Math.max(0, ...printed.map((t) => textWidth(t, fs.tick))) + 16 * u;
    const right = pad + contentW - valueRoom;
    const top = plotTop + fs.tick * 1.2;
    const band = (plotBottom - top) / rows.length;
    const barH = Math.min(band * 0.72, 56 * u);
    const xOf = (v: number) => left + ((v - lo) / (hi - lo || 1)) * (right - left);
    const out: string[] = [`<g class="plot">`];
    out.push(
      text(pad, plotTop, fitText(model.unitLabel, contentW / 2, fs.tick), fs.tick, ` fill="${MUTED}" class="unit"`),
    );
    for (const t of ticks) {
      const tx = xOf(t);
      out.push(
        `<line x1="${num(X(tx))}" x2="${num(X(tx))}" y1="${num(top)}" y2="${num(plotBottom)}" ${gridStroke(t)}/>`,
      );
      out.push(
        text(
          tx,
          plotBottom + fs.tick * 1.5,
          tickLabel(t, step),
          fs.tick,
          ` text-anchor="middle" fill="${MUTED}" class="tick-x"`,
        ),
      );
    }
    rows.forEach(({ s, p }, i) => {
      const cy = top + band * i + band / 2;
      out.push(
        text(
          left - 10 * u,
          cy + fs.tick * 0.35,
          fitText(s.label, labelW - 14 * u, fs.tick),
          fs.tick,
          ` text-anchor="end" fill="${INK}" class="tick-y"`,
        ),
      );
      const value = finiteOrNull(p?.value);
      if (value === null) {
        out.push(
          text(
            xOf(0) + 8 * u,
            cy + fs.tick * 0.35,
            // A withheld value with its bound (a small count masked on import: "< 10") reads its note.
            p?.qualifier && p.note
              ? fitText(p.note, right - xOf(0) - 8 * u, fs.tick)
              : reasonLabel(p?.reason ?? 'not-published', lang),
            fs.tick,
            ` fill="${MUTED}" font-style="italic" class="missing"`,
          ),
        );
        return;
      }
      const x0 = xOf(Math.min(0, value));
      const x1 = xOf(Math.max(0, value));
      out.push(
        `<rect class="bar" x="${num(BX(x0, x1 - x0))}" y="${num(cy - barH / 2)}" width="${num(Math.max(0, x1 - x0))}" height="${num(barH)}" fill="${s.color}"/>`,
      );
      const labelX = value >= 0 ? x1 + 8 * u : x0 - 8 * u;
      out.push(
        text(
          labelX,
          cy + fs.tick * 0.35,
          valueText(p, value),
          fs.tick,
          `${value >= 0 ? '' : ' text-anchor="end"'} fill="${INK}" class="value"`,
        ),
      );
    });
    out.push(`</g>`);
    return out.join('');
  }

  return svgDocument({
    width: W,
    height: f.H,
    lang,
    rtl,
    title: model.title,
    desc: [
      ...(model.synthetic ? [syntheticStamp(lang)] : []),
      selectionCaption(model),
      ...sources,
      ...notes.lines,
      ...events.map((l) => l.text),
      statusLabel(model.status, lang),
    ].join(' — '),
    background: opts.background,
    fonts: opts.fonts,
    fontProbes: opts.fontProbes,
    body: parts.join('') + (model.synthetic ? syntheticWatermarkSvg(f, syntheticWatermark(lang)) : ''),
  });
}
