/**
 * The frame every composed export image shares (the chart's, compose-svg.ts, and the map's, compose-map-svg.ts):
 * the scale unit and type sizes, the header (status badge, title, selection), the footer (source lines, export
 * date, link, QR code), the embedded fonts with the probes the rasteriser waits on, and the `<svg>` document
 * around them. Pure: strings in, strings out; every text goes through `escapeXml`.
 * Arabic mirrors the layout (text right-aligned, badge and QR code on the left) through `X` / `BX`.
 */
import type { DataStatus, Lang } from '../contract/contract.ts';
import { STATUS_COLORS } from '../transforms/palette.ts';
import { fitText, textWidth, wrapText } from '../charts/text-layout.ts';
import { exportedLine, shortLink, statusLabel } from './caption.ts';
import { qrSvg } from './qr.ts';
import { escapeXml, num } from './xml.ts';

/** One embedded font face: base64 of a woff2 file (an empty string skips it, e.g. in snapshots). */
export interface EmbeddedFont {
  family: 'Noto Sans' | 'Noto Sans Arabic';
  weight: 400 | 600;
  data: string;
}

/** Font stack: embedded faces first, then what every system has, so text never disappears. */
const FONT_STACK = `'Noto Sans','Noto Sans Arabic','Segoe UI',Tahoma,Arial,sans-serif`;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const GRID = '#e3e3e3';
/** The synthetic-data stamp's colour (white text on it: 6.5:1). */
export const STAMP_COLOR = '#a4161a';

/**
 * The synthetic-data watermark: the short stamp written large and diagonally across the middle of the picture, faint
 * enough to read the chart through, impossible to crop out without cutting the chart.
 */
export function syntheticWatermarkSvg(f: Frame, label: string): string {
  const size = Math.min(f.H / 7, (f.W * 0.9) / Math.max(1, label.length * 0.62));
  const cx = f.W / 2;
  const cy = f.H / 2;
  return `<text class="synthetic-watermark" x="${num(cx)}" y="${num(cy)}" font-size="${num(size)}" font-weight="600" text-anchor="middle" fill="${STAMP_COLOR}" opacity="0.14" transform="rotate(-18 ${num(cx)} ${num(cy)})">${escapeXml(label)}</text>`;
}

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

/** What the document around a composed image needs. */
export interface SvgDocumentInput {
  width: number;
  height: number;
  lang: Lang;
  rtl: boolean;
  title: string;
  desc: string;
  background: 'white' | 'transparent';
  fonts?: readonly EmbeddedFont[] | undefined;
  fontProbes?: boolean | undefined;
  /** The drawing (already mirrored where it must be). */
  body: string;
}

/** The standalone `<svg>`: title and description, embedded fonts, background, probes, then the drawing. */
export function svgDocument(d: SvgDocumentInput): string {
  const { width: W, height: H, rtl, lang } = d;
  const bg = d.background === 'white' ? `<rect class="background" width="${W}" height="${H}" fill="#ffffff"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(d.title)}" direction="${rtl ? 'rtl' : 'ltr'}" xml:lang="${lang}">` +
    `<title>${escapeXml(d.title)}</title>` +
    `<desc>${escapeXml(d.desc)}</desc>` +
    fontStyle(d.fonts ?? []) +
    bg +
    (d.fontProbes ? fontProbes(d.fonts ?? []) : '') +
    `<g direction="${rtl ? 'rtl' : 'ltr'}">${d.body}</g></svg>`
  );
}

/** Scale and mirroring of one composed image. */
export interface Frame {
  W: number;
  H: number;
  rtl: boolean;
  lang: Lang;
  /** One scale unit: 1 at 1920×1080, smaller for small sizes, so proportions hold. */
  u: number;
  pad: number;
  contentW: number;
  fs: { title: number; sub: number; legend: number; tick: number; foot: number; badge: number };
  /** Mirror an x coordinate (given in left-to-right layout terms) for Arabic. */
  X: (x: number) => number;
  /** Mirror a box's left edge. */
  BX: (x: number, w: number) => number;
  /** A `<text>` at a layout x (mirrored in Arabic). */
  text: (x: number, y: number, content: string, size: number, extra?: string) => string;
}

/** The frame of a `width × height` image; `typeScale` multiplies every font size (presentation mode). */
export function makeFrame(width: number, height: number, lang: Lang, rtl: boolean, typeScale = 1): Frame {
  const W = Math.max(200, Math.round(width));
  const H = Math.max(150, Math.round(height));
  const u = Math.min(1.6, Math.max(0.45, Math.sqrt(W * H) / Math.sqrt(1920 * 1080)));
  const pad = 48 * u;
  const k = u * Math.min(2, Math.max(0.5, typeScale));
  const X = (x: number) => (rtl ? W - x : x);
  return {
    W,
    H,
    rtl,
    lang,
    u,
    pad,
    contentW: W - 2 * pad,
    fs: { title: 44 * k, sub: 26 * k, legend: 23 * k, tick: 21 * k, foot: 19 * k, badge: 21 * k },
    X,
    BX: (x, w) => (rtl ? W - x - w : x),
    text: (x, y, content, size, extra = '') =>
      `<text x="${num(X(x))}" y="${num(y)}" font-size="${num(size)}"${extra}>${escapeXml(content)}</text>`,
  };
}

/**
 * The header: the status badge at the end of the first line, the title (two lines at most) at its start, the
 * selection under it (two lines at most). Returns the markup and the y where the content may start.
 */
export function composeHeader(
  f: Frame,
  head: { title: string; subtitle: string; status: DataStatus; stamp?: string | undefined },
): { svg: string; bottom: number } {
  const { u, fs, contentW, text } = f;
  const parts: string[] = [];
  // The synthetic-data stamp (issue 14 item 4): a band across the top, above everything else.
  let pad = f.pad;
  if (head.stamp) {
    const bandH = fs.badge * 2;
    parts.push(
      `<g class="synthetic-stamp"><rect x="${num(f.pad)}" y="${num(pad)}" width="${num(contentW)}" height="${num(bandH)}" rx="${num(6 * u)}" fill="${STAMP_COLOR}"/>` +
        text(
          f.pad + contentW / 2,
          pad + bandH / 2 + fs.badge * 0.35,
          fitText(head.stamp, contentW - 24 * u, fs.badge, true),
          fs.badge,
          ` font-weight="600" fill="#ffffff" text-anchor="middle"`,
        ) +
        `</g>`,
    );
    pad += bandH + 14 * u;
  }
  const badgeText = statusLabel(head.status, f.lang);
  const colors = STATUS_COLORS[head.status];
  const badgeW = textWidth(badgeText, fs.badge, true) + 28 * u;
  const badgeH = fs.badge * 1.8;
  const badgeX = f.pad + contentW - badgeW;
  parts.push(
    `<g class="status-badge"><rect x="${num(f.BX(badgeX, badgeW))}" y="${num(pad)}" width="${num(badgeW)}" height="${num(badgeH)}" rx="${num(badgeH / 2)}" fill="${colors.bg}" stroke="${colors.fg}" stroke-width="${num(2 * u)}"/>` +
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
  for (const l of wrapText(head.title, contentW - badgeW - 24 * u, fs.title, 2, true)) {
    y += fs.title * 1.15;
    parts.push(text(f.pad, y, l, fs.title, ` font-weight="600" fill="${INK}" class="title"`));
  }
  y += fs.sub * 0.5;
  for (const l of wrapText(head.subtitle, contentW, fs.sub, 2)) {
    y += fs.sub * 1.3;
    parts.push(text(f.pad, y, l, fs.sub, ` fill="${MUTED}" class="subtitle"`));
  }
  return { svg: parts.join(''), bottom: Math.max(y, pad + badgeH) + 14 * u };
}

/** One line of the footer before the export date and the link. */
export interface FootLine {
  text: string;
  cls: string;
  /** Wrap over up to this many lines (default: one line, shortened to fit). */
  wrap?: number;
}

/**
 * The footer: the given lines (source, method or attribution…), then the export date and the link, with the
 * QR code of the link at the far end and a rule above. Returns the markup and the y of the rule's top margin.
 */
export function composeFooter(
  f: Frame,
  foot: { lines: readonly FootLine[]; exportDate: string; link: string },
): { svg: string; top: number } {
  const { u, pad, fs, contentW, text, X } = f;
  const qrSize = Math.max(64, 128 * u);
  const footW = contentW - qrSize - 24 * u;
  const lines: { text: string; cls: string; ltr?: boolean }[] = [];
  for (const l of foot.lines) {
    if (l.wrap && l.wrap > 1)
      for (const w of wrapText(l.text, footW, fs.foot, l.wrap)) lines.push({ text: w, cls: l.cls });
    else lines.push({ text: fitText(l.text, footW, fs.foot), cls: l.cls });
  }
  lines.push({ text: exportedLine(foot.exportDate, f.lang), cls: 'exported' });
  lines.push({ text: fitText(shortLink(foot.link), footW, fs.foot), cls: 'link', ltr: true });
  const lineH = fs.foot * 1.4;
  const footH = Math.max(qrSize, lines.length * lineH);
  const footTop = f.H - pad - footH;
  const parts: string[] = [
    `<line x1="${num(pad)}" x2="${num(f.W - pad)}" y1="${num(footTop - 12 * u)}" y2="${num(footTop - 12 * u)}" stroke="${GRID}" stroke-width="${num(1.5 * u)}"/>`,
  ];
  lines.forEach((l, i) => {
    const ly = footTop + (i + 1) * lineH - fs.foot * 0.3;
    if (l.ltr && f.rtl) {
      // A URL is left-to-right text even in an Arabic image: isolate it and right-align it explicitly.
      parts.push(
        `<text x="${num(X(pad))}" y="${num(ly)}" font-size="${num(fs.foot)}" fill="${MUTED}" class="${l.cls}" direction="ltr" unicode-bidi="embed" text-anchor="end">${escapeXml(l.text)}</text>`,
      );
    } else parts.push(text(pad, ly, l.text, fs.foot, ` fill="${MUTED}" class="${l.cls}"`));
  });
  parts.push(qrSvg(foot.link, f.BX(pad + contentW - qrSize, qrSize), footTop + footH - qrSize, qrSize));
  return { svg: parts.join(''), top: footTop };
}
