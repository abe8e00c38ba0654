/**
 * Browser step: rasterise a composed SVG to PNG. SVG → `Image` (data: URL, allowed by the CSP's
 * img-src) → canvas at 1×/2×/3× → `canvas.toBlob('image/png')`. The embedded fonts are data: URLs
 * inside the SVG, so `decode()` resolves once they are usable; no screenshot, no DOM cloning.
 */

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

/**
 * Render `svg` (whose intrinsic size is width×height) to a PNG blob of (width×scale)×(height×scale).
 * Rejects when the browser cannot encode the canvas.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: ExportScale): Promise<Blob> {
  const img = await loadSvgImage(svg);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2d canvas unavailable');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
}
