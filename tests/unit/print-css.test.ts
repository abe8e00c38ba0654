/**
 * Issue 17, item 4: the print stylesheet (src/styles/print.css) puts paper back in the light theme with the light
 * theme's own values (global.css `:root`, the chart palette of src/transforms/palette.ts, the synthetic banner's),
 * gives the line chart's series distinct dashes, and the print stamp's QR drawing covers exactly the code's modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../src/export/qr.ts';
import { CATEGORICAL } from '../../src/transforms/palette.ts';
import { qrDrawing } from '../../src/ui/print-stamp.tsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Custom properties of the first block whose selector list, whitespace removed, equals `selector`. */
function tokens(css: string, selector: string): Map<string, string> {
  const want = selector.replace(/\s+/g, '');
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    if (m[1]!.replace(/\s+/g, '') !== want) continue;
    const out = new Map<string, string>();
    for (const d of m[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(d[1]!, d[2]!.trim().toLowerCase());
    return out;
  }
  throw new Error(`no block ${selector}`);
}

const PRINT = read('src/styles/print.css');
const paper = tokens(PRINT, ':root,:root[data-theme],:root:not([data-theme])');

describe('print.css', () => {
  it('sets every light token of global.css again, with the same value (the page background is white)', () => {
    const light = tokens(read('src/styles/global.css'), ':root');
    const colours = [...light].filter(([k, v]) => v.startsWith('#') && !k.startsWith('--space'));
    expect(colours.length).toBeGreaterThan(20);
    for (const [k, v] of colours) expect(paper.get(k), k).toBe(k === '--bg' ? '#ffffff' : v);
  });

  it('prints the light chart palette and the synthetic banner in its light colours', () => {
    CATEGORICAL.forEach((hex, i) => expect(paper.get(`--series-${i}`), `--series-${i}`).toBe(hex.toLowerCase()));
    const banner = tokens(read('src/app/synthetic-banner.css'), ':root');
    for (const [k, v] of banner) expect(paper.get(k), k).toBe(v);
  });

  it('gives six line positions six different dashes, and the legend the same rule positions', () => {
    const dashes = new Map<string, string>();
    for (const m of PRINT.matchAll(
      /\.recharts-line:nth-of-type\(([^)]+)\) \.recharts-line-curve \{\s*stroke-dasharray: ([^;]+);/g,
    ))
      dashes.set(m[1]!, m[2]!);
    expect([...dashes.keys()].sort()).toEqual(['6n', '6n + 2', '6n + 3', '6n + 4', '6n + 5']);
    expect(new Set(dashes.values()).size).toBe(5);
    const legend = [...PRINT.matchAll(/\.legend__item:nth-child\(([^)]+)\) \.legend__swatch/g)].map((m) => m[1]);
    expect(legend.sort()).toEqual([...dashes.keys()].sort());
  });
});

describe('qrDrawing', () => {
  it('draws exactly the dark modules of the code, inside a quiet zone of 2', () => {
    const url = 'https://example.org/?view=explorer&indicator=population&territories=MA,MA-06&lang=ar';
    const drawing = qrDrawing(create, url);
    const matrix = qrMatrix(url);
    expect(drawing).not.toBeNull();
    expect(drawing!.size).toBe(matrix!.size + 4);
    let dark = 0;
    for (let r = 0; r < matrix!.size; r++) for (let c = 0; c < matrix!.size; c++) if (matrix!.dark(r, c)) dark++;
    const drawn = [...drawing!.d.matchAll(/M(\d+) (\d+)h(\d+)/g)];
    expect(drawn.reduce((n, m) => n + Number(m[3]), 0)).toBe(dark);
    for (const m of drawn) {
      const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(x).toBeGreaterThanOrEqual(2);
      expect(y).toBeGreaterThanOrEqual(2);
      expect(x + w).toBeLessThanOrEqual(matrix!.size + 2);
      for (let c = x; c < x + w; c++) expect(matrix!.dark(y - 2, c - 2)).toBe(true);
    }
  });

  it('gives null for a text too long for a QR code', () => {
    expect(qrDrawing(create, 'x'.repeat(5000))).toBeNull();
  });
});
