/**
 * The composed export image: a self-contained SVG string with title, selection, legend, the chart
 * drawn from the ChartModel, source line, status badge, export date, link and QR code.
 *
 * Composed rather than screenshotted because recharts draws its legend as HTML outside its `<svg>`,
 * and because a string is pure and testable (snapshot) and safe: every text goes through `escapeXml`.
 * Arabic mirrors the layout: text right-aligned, time running right to left, value axis on the right.
 * Fonts are passed in (base64 woff2) so this module never touches the network or the DOM.
 */
import type { ChartModel, ChartPoint, ChartSeries } from '../transforms/chart-types.ts';
import { STATUS_COLORS } from '../transforms/palette.ts';
import { formatCompact, formatNumber, formatPeriod } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.ts';
import {
  exportMessages,
  exportedLine,
  methodLine,
  reasonLabel,
  selectionCaption,
  shortLink,
  sourceLine,
  statusLabel,
} from './caption.ts';
import { qrSvg } from './qr.ts';
import { fitText, niceTicks, textWidth, wrapText } from '../charts/text-layout.ts';
import { finiteOrNull, finiteValues, rankedSeries, valueAt } from './values.ts';
import { escapeXml, num } from './xml.ts';

/** One embedded font face: base64 of a woff2 file (an empty string skips it, e.g. in snapshots). */
export interface EmbeddedFont {
  family: 'Noto Sans' | 'Noto Sans Arabic';
  weight: 400 | 600;
  data: string;
}

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

/** Font stack: embedded faces first, then what every system has, so text never disappears. */
const FONT_STACK = `'Noto Sans','Noto Sans Arabic','Segoe UI',Tahoma,Arial,sans-serif`;
const INK = '#1a1a1a';
const MUTED = '#555555';
const GRID = '#e3e3e3';
const AXIS = '#8a8a8a';

/** Faces whose data is non-empty base64, the only text allowed into the SVG's style and probes. */
function embeddable(fonts: readonly EmbeddedFont[]): EmbeddedFont[] {
  return fonts.filter((f) => f.data !== '' && /^[A-Za-z0-9+/=]+$/.test(f.data));
}

function fontStyle(fonts: readonly EmbeddedFont[]): string {
  const faces = embeddable(fonts)
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-weight:${f.weight};font-style:normal;` +
        `src:url(data:font/woff2;base64,${f.data}) format('woff2');}`,
    )
    .join('');
  return `<style>${faces}text{font-family:${FONT_STACK};}</style>`;
}

/**
 * Font probes: one tiny glyph run per embedded face, at 2 % opacity in the top-left padding, with no
 * fallback family. Chromium draws an SVG image before its embedded fonts are decoded (text in a
 * loading face is invisible), so the rasteriser polls these slots until each has ink; see png.ts.
 * At 2 % opacity they are invisible to the eye.
 */
export const FONT_PROBE = { size: 12, slot: 20, height: 18 } as const;
const PROBE_SLOTS: Record<string, number> = {
  'Noto Sans|400': 0,
  'Noto Sans|600': 1,
  'Noto Sans Arabic|400': 2,
  'Noto Sans Arabic|600': 3,
};

function fontProbes(fonts: readonly EmbeddedFont[]): string {
  const probes = embeddable(fonts).map((f) => {
    const slot = PROBE_SLOTS[`${f.family}|${f.weight}`] ?? 0;
    const glyphs = f.family === 'Noto Sans Arabic' ? 'عمل' : 'HMW';
    return `<text data-probe="${slot}" x="${slot * FONT_PROBE.slot + 2}" y="${FONT_PROBE.size + 2}" font-size="${FONT_PROBE.size}" font-family="'${f.family}'" font-weight="${f.weight}" direction="ltr">${glyphs}</text>`;
  });
  return probes.length === 0
    ? ''
    : `<g class="font-probe" opacity="0.02" fill="#000000" aria-hidden="true">${probes.join('')}</g>`;
}

/** Value shown for one series in a bar chart: the point of the last displayed period. */
function barPoint(s: ChartSeries, periods: readonly string[]): ChartPoint | undefined {
  const last = periods[periods.length - 1];
  return s.points.find((p) => p.period === last) ?? s.points[s.points.length - 1];
}

/** Compose the export SVG. Pure: same model and options, same string. */
export function composeSvg(model: ChartModel, opts: ComposeOptions): string {
  const W = Math.max(200, Math.round(opts.width));
  const H = Math.max(150, Math.round(opts.height));
  const rtl = model.dir === 'rtl';
  const lang = model.lang;
  // One scale unit: 1 at 1920×1080, smaller for the on-screen size, so proportions hold.
  const u = Math.min(1.6, Math.max(0.45, Math.sqrt(W * H) / Math.sqrt(1920 * 1080)));
  const pad = 48 * u;
  const k = u * Math.min(2, Math.max(0.5, opts.typeScale ?? 1));
  const fs = { title: 44 * k, sub: 26 * k, legend: 23 * k, tick: 21 * k, foot: 19 * k, badge: 21 * k };
  const contentW = W - 2 * pad;
  /** Mirror an x coordinate (given in left-to-right layout terms) for Arabic. */
  const X = (x: number) => (rtl ? W - x : x);
  /** Mirror a box's left edge. */
  const BX = (x: number, w: number) => (rtl ? W - x - w : x);
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, size: number, extra = '') =>
    `<text x="${num(X(x))}" y="${num(y)}" font-size="${num(size)}"${extra}>${escapeXml(content)}</text>`;

  // --- Header: status badge (opposite the title start), title, selection.
  const badgeText = statusLabel(model.status, lang);
  const colors = STATUS_COLORS[model.status];
  const badgeW = textWidth(badgeText, fs.badge, true) + 28 * u;
  const badgeH = fs.badge * 1.8;
  const badgeX = pad + contentW - badgeW;
  parts.push(
    `<g class="status-badge"><rect x="${num(BX(badgeX, badgeW))}" y="${num(pad)}" width="${num(badgeW)}" height="${num(badgeH)}" rx="${num(badgeH / 2)}" fill="${colors.bg}" stroke="${colors.fg}" stroke-width="${num(2 * u)}"/>` +
      text(
        badgeX + 14 * u,
        pad + badgeH / 2 + fs.badge * 0.35,
        badgeText,
        fs.badge,
        ` font-weight="600" fill="${colors.fg}"`,
      ) +
      `</g>`,
  );
  let y = pad;
  const titleLines = wrapText(model.title, contentW - badgeW - 24 * u, fs.title, 2, true);
  for (const l of titleLines) {
    y += fs.title * 1.15;
    parts.push(text(pad, y, l, fs.title, ` font-weight="600" fill="${INK}" class="title"`));
  }
  y += fs.sub * 0.5;
  for (const l of wrapText(selectionCaption(model), contentW, fs.sub, 2)) {
    y += fs.sub * 1.3;
    parts.push(text(pad, y, l, fs.sub, ` fill="${MUTED}" class="subtitle"`));
  }
  y = Math.max(y, pad + badgeH) + 14 * u;

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

  // --- Footer: source, method, export date, link; QR code at the far end.
  const qrSize = Math.max(64, 128 * u);
  const footW = contentW - qrSize - 24 * u;
  const footLines: { text: string; cls: string; ltr?: boolean }[] = [];
  for (const l of wrapText(sourceLine(model), footW, fs.foot, 2)) footLines.push({ text: l, cls: 'source' });
  const method = methodLine(model);
  if (method !== null) footLines.push({ text: fitText(method, footW, fs.foot), cls: 'method' });
  footLines.push({ text: exportedLine(opts.exportDate, lang), cls: 'exported' });
  footLines.push({ text: fitText(shortLink(model.link), footW, fs.foot), cls: 'link', ltr: true });
  const lineH = fs.foot * 1.4;
  const footH = Math.max(qrSize, footLines.length * lineH);
  const footTop = H - pad - footH;
  parts.push(
    `<line x1="${num(pad)}" x2="${num(W - pad)}" y1="${num(footTop - 12 * u)}" y2="${num(footTop - 12 * u)}" stroke="${GRID}" stroke-width="${num(1.5 * u)}"/>`,
  );
  footLines.forEach((l, i) => {
    const ly = footTop + (i + 1) * lineH - fs.foot * 0.3;
    if (l.ltr && rtl) {
      // A URL is left-to-right text even in an Arabic image: isolate it and right-align it explicitly.
      parts.push(
        `<text x="${num(X(pad))}" y="${num(ly)}" font-size="${num(fs.foot)}" fill="${MUTED}" class="${l.cls}" direction="ltr" unicode-bidi="embed" text-anchor="end">${escapeXml(l.text)}</text>`,
      );
    } else parts.push(text(pad, ly, l.text, fs.foot, ` fill="${MUTED}" class="${l.cls}"`));
  });
  parts.push(qrSvg(model.link, BX(pad + contentW - qrSize, qrSize), footTop + footH - qrSize, qrSize));

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
    for (const s of model.series) {
      let d = '';
      let pen = false;
      const dots: string[] = [];
      model.periods.forEach((period, i) => {
        const value = valueAt(s, period);
        if (value === null) {
          pen = false; // a gap: missing values are never drawn as zero
          return;
        }
        const px = X(xOf(i));
        const py = yOf(value);
        d += `${pen ? 'L' : 'M'}${num(px)} ${num(py)}`;
        pen = true;
        if (markers) dots.push(`<circle cx="${num(px)}" cy="${num(py)}" r="${num(5 * u)}" fill="${s.color}"/>`);
      });
      out.push(
        `<g class="series" data-key="${escapeXml(s.key)}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="${num(4 * u)}" stroke-linejoin="round" stroke-linecap="round"/>${dots.join('')}</g>`,
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
    const valueRoom = textWidth(tickLabel(hi, step / 10), fs.tick) + 16 * u;
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
            reasonLabel(p?.reason ?? 'not-published', lang),
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
          tickLabel(value, step / 10),
          fs.tick,
          `${value >= 0 ? '' : ' text-anchor="end"'} fill="${INK}" class="value"`,
        ),
      );
    });
    out.push(`</g>`);
    return out.join('');
  }

  const bg = opts.background === 'white' ? `<rect class="background" width="${W}" height="${H}" fill="#ffffff"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(model.title)}" direction="${rtl ? 'rtl' : 'ltr'}" xml:lang="${lang}">` +
    `<title>${escapeXml(model.title)}</title>` +
    `<desc>${escapeXml(`${selectionCaption(model)} — ${sourceLine(model)} — ${statusLabel(model.status, lang)}`)}</desc>` +
    fontStyle(opts.fonts ?? []) +
    bg +
    (opts.fontProbes ? fontProbes(opts.fonts ?? []) : '') +
    `<g direction="${rtl ? 'rtl' : 'ltr'}">${parts.join('')}</g></svg>`
  );
}
