/**
 * QR code of the link back to the view, as SVG markup. Pure: `qrcode`'s `create` only computes the
 * module matrix; we draw it ourselves (one path of horizontal runs), so no canvas or DOM is needed.
 */
import { create as createQr } from 'qrcode';
import { num } from './xml.ts';

/** Modules of quiet zone around the code; scanners need some, 2 is enough on a white plate. */
const QUIET = 2;

/** The module matrix of `text`, or `null` when the text is too long for a QR code. */
export function qrMatrix(text: string): { size: number; dark: (row: number, col: number) => boolean } | null {
  try {
    const { modules } = createQr(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, dark: (r, c) => modules.get(r, c) !== 0 };
  } catch {
    return null;
  }
}

/**
 * A `<g>` drawing the QR code of `text` in a `size`×`size` square at (x, y), on a white plate
 * (so it still scans on a transparent background). Empty string when no code can be made.
 */
export function qrSvg(text: string, x: number, y: number, size: number): string {
  const m = qrMatrix(text);
  if (!m) return '';
  const total = m.size + QUIET * 2;
  const cell = size / total;
  let d = '';
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      d += `M${start + QUIET} ${r + QUIET}h${c - start}v1h-${c - start}z`;
    }
  }
  return (
    `<g class="qr" transform="translate(${num(x)} ${num(y)}) scale(${Number(cell.toFixed(4))})">` +
    `<rect width="${total}" height="${total}" fill="#ffffff"/>` +
    `<path d="${d}" fill="#000000" shape-rendering="crispEdges"/></g>`
  );
}
