/**
 * Browser step: rasterise a composed SVG to PNG. SVG → `Image` (data: URL, allowed by the CSP's
 * img-src) → canvas at 1×/2×/3× → `canvas.toBlob('image/png')`. The embedded fonts are data: URLs
 * inside the SVG, so `decode()` resolves once they are usable; no screenshot, no DOM cloning.
 */

import { FONT_PROBE } from './compose-svg.ts';

/** Pixel ratios offered. */
export type ExportScale = 1 | 2 | 3;

/** A data: URL for an SVG string (UTF-8, base64 so `#` and `%` in text are safe). */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(bin)}`;
}

/** Load an SVG string as a decoded image. */
export async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = svgDataUrl(svg);
  await img.decode();
  return img;
}

/** Phase durations (ms) of the last `svgToPng`, attached to the export's performance measure. */
export let lastTimings: Record<'decode' | 'fonts' | 'draw' | 'encode', number> | null = null;

/** Longest wait for embedded fonts; past it we draw anyway (text then uses the fallback stack). */
const FONT_WAIT_MS = 3_000;

/**
 * Wait until every font probe of the composed SVG has ink, i.e. its face is decoded inside the
 * image. Chromium resolves `decode()` before fonts embedded in an SVG image are ready and draws
 * their text invisible until then (seen with the ~100 kB Arabic faces).
 */
async function waitForEmbeddedFonts(img: HTMLImageElement, svg: string): Promise<void> {
  const slots = [...svg.matchAll(/data-probe="(\d)"/g)].map((m) => Number(m[1]));
  if (slots.length === 0) return;
  const w = FONT_PROBE.slot * 4;
  const h = FONT_PROBE.height;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const deadline = performance.now() + FONT_WAIT_MS;
  for (;;) {
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    const inked = slots.every((slot) => {
      for (let y = 0; y < h; y++)
        for (let x = slot * FONT_PROBE.slot; x < (slot + 1) * FONT_PROBE.slot; x++) {
          const i = (y * w + x) * 4;
          const a = data[i + 3] ?? 0;
          // Background is opaque white or fully transparent; a probe glyph is anything else.
          if (a > 0 && (a < 255 || (data[i] ?? 255) < 255)) return true;
        }
      return false;
    });
    if (inked || performance.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 16));
  }
}

/**
 * Render `svg` (whose intrinsic size is width×height) to a PNG blob of (width×scale)×(height×scale).
 * Rejects when the browser cannot encode the canvas.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: ExportScale): Promise<Blob> {
  const t0 = performance.now();
  const img = await loadSvgImage(svg);
  const t1 = performance.now();
  await waitForEmbeddedFonts(img, svg);
  const t2 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2d canvas unavailable');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  if (svg.includes('data-probe=')) {
    // Wipe the (nearly invisible) font probes from the raster: they sit alone in the top-left padding.
    const w = FONT_PROBE.slot * 4 * scale;
    const h = FONT_PROBE.height * scale;
    ctx.clearRect(0, 0, w, h);
    if (svg.includes('<rect class="background"')) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
    }
  }
  const t3 = performance.now();
  const blob = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
  lastTimings = { decode: t1 - t0, fonts: t2 - t1, draw: t3 - t2, encode: performance.now() - t3 };
  return blob;
}
