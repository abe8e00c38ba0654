/**
 * Issue 6 (colour): WCAG 2.2 contrast of the theme tokens, the chart palette, the map classes and the status
 * badges, in the light and the dark theme. The CSS custom properties are read from the stylesheets themselves
 * (src/styles/*.css), so a colour changed there is checked here without editing the test.
 *
 * Thresholds: 4.5:1 for text (1.4.3), 3:1 for graphical objects and focus indicators (1.4.11).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORICAL,
  CATEGORICAL_DARK,
  SEQUENTIAL,
  STATUS_COLORS,
  readableTextOn,
} from '../../src/transforms/palette.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Relative luminance of a #rrggbb colour (WCAG 2.x definition). */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channels = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, ≥ 1. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Custom properties declared in the first block whose selector is exactly `selector`, one level of var() resolved. */
function readTokens(css: string, selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!block?.[1]) throw new Error(`no block ${selector}`);
  const out: Record<string, string> = {};
  for (const m of block[1].replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    out[m[1] as string] = (m[2] as string).trim();
  }
  return out;
}

const globalCss = fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8');
const cssFiles = fs.readdirSync(path.join(ROOT, 'src/styles')).filter((f) => f.endsWith('.css'));
const light = readTokens(globalCss, ':root');
const dark = { ...light, ...readTokens(globalCss, ":root[data-theme='dark']") };
const THEMES = [
  { theme: 'light', t: light },
  { theme: 'dark', t: dark },
] as const;

function token(t: Record<string, string>, name: string): string {
  const v = t[name];
  if (!v || !/^#[0-9a-f]{6}$/i.test(v)) throw new Error(`token ${name} is not a #rrggbb colour: ${String(v)}`);
  return v;
}

describe('contrast helpers', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#0072b2', '#ffffff', 5.19],
  ])('%s on %s is %d:1', (a, b, expected) => {
    expect(contrast(a, b)).toBeCloseTo(expected, 1);
  });

  it('reads the stylesheet folder, both themes, and the dark block overrides the light one', () => {
    expect(cssFiles).toContain('global.css');
    expect(token(light, '--surface')).not.toBe(token(dark, '--surface'));
    expect(Object.keys(dark).length).toBeGreaterThanOrEqual(Object.keys(light).length);
  });
});

describe.each(THEMES)('$theme theme tokens', ({ t }) => {
  const TEXT_PAIRS = [
    ['--text', '--bg'],
    ['--text', '--surface'],
    ['--text', '--surface-2'],
    ['--text', '--notice-bg'],
    ['--text', '--danger-bg'],
    ['--muted', '--bg'],
    ['--muted', '--surface'],
    ['--muted', '--surface-2'],
    ['--accent', '--bg'],
    ['--accent', '--surface'],
    ['--accent-contrast', '--accent'],
    ['--danger', '--danger-bg'],
    ['--danger', '--surface'],
  ] as const;
  it.each(TEXT_PAIRS)('text %s on %s ≥ 4.5:1', (fg, bg) => {
    expect(contrast(token(t, fg), token(t, bg))).toBeGreaterThanOrEqual(4.5);
  });

  const GRAPHIC_PAIRS = [
    ['--focus', '--bg'],
    ['--focus', '--surface'],
    ['--focus', '--surface-2'],
    ['--muted', '--surface'], // axis lines and ticks
  ] as const;
  it.each(GRAPHIC_PAIRS)('graphic %s on %s ≥ 3:1', (fg, bg) => {
    expect(contrast(token(t, fg), token(t, bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('chart palette against the chart background (the frame is --surface)', () => {
  it.each(CATEGORICAL.map((c, i) => [i, c] as const))('light series %i (%s) ≥ 3:1 on the light surface', (_i, c) => {
    expect(contrast(c, token(light, '--surface'))).toBeGreaterThanOrEqual(3);
  });
  it.each(CATEGORICAL_DARK.map((c, i) => [i, c] as const))('dark series %i (%s) ≥ 3:1 on the dark surface', (_i, c) => {
    expect(contrast(c, token(dark, '--surface'))).toBeGreaterThanOrEqual(3);
  });
  it('has as many dark colours as light ones, all distinct within a theme', () => {
    expect(CATEGORICAL_DARK.length).toBe(CATEGORICAL.length);
    expect(new Set(CATEGORICAL.map((c) => c.toLowerCase())).size).toBe(CATEGORICAL.length);
    expect(new Set(CATEGORICAL_DARK.map((c) => c.toLowerCase())).size).toBe(CATEGORICAL_DARK.length);
  });
});

describe('map classes: tile text computed from the fill', () => {
  it.each(SEQUENTIAL.map((c, i) => [i, c] as const))('class %i (%s) text ≥ 4.5:1', (_i, fill) => {
    const text = readableTextOn(fill);
    expect(contrast(text, fill)).toBeGreaterThanOrEqual(4.5);
  });
  it('light classes get dark text and dark classes white text', () => {
    expect(readableTextOn(SEQUENTIAL[0])).not.toBe('#ffffff');
    expect(readableTextOn(SEQUENTIAL[SEQUENTIAL.length - 1] as string)).toBe('#ffffff');
  });
});

describe('status badges', () => {
  it.each(Object.entries(STATUS_COLORS))('%s badge text ≥ 4.5:1 on its background', (_status, { fg, bg }) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it('the stylesheet badges use the same pairs', () => {
    for (const [status, { fg, bg }] of Object.entries(STATUS_COLORS)) {
      const block = new RegExp(`\\.badge--${status}\\s*\\{([^}]*)\\}`).exec(globalCss)?.[1] ?? '';
      expect(block.toLowerCase()).toContain(fg.toLowerCase());
      expect(block.toLowerCase()).toContain(bg.toLowerCase());
    }
  });
  it('the unverified-claim badge, of the same family, is as readable', () => {
    const block = /\.badge--unverified\s*\{([^}]*)\}/.exec(globalCss)?.[1] ?? '';
    const fg = /(?:^|[^-])color:\s*(#[0-9a-f]{6})/i.exec(block)?.[1];
    const bg = /background:\s*(#[0-9a-f]{6})/i.exec(block)?.[1];
    expect(fg && bg).toBeTruthy();
    expect(contrast(fg as string, bg as string)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('views.css: good/bad change colours per theme', () => {
  const views = fs.readFileSync(path.join(ROOT, 'src/styles/views.css'), 'utf8');
  const good = /--mv-good:\s*(#[0-9a-f]{6})/gi;
  const found = [...views.matchAll(good)].map((m) => m[1] as string);
  it('declares one good colour per theme', () => {
    expect(found.length).toBe(2);
  });
  it.each([
    ['light', 0, light],
    ['dark', 1, dark],
  ] as const)('%s good colour ≥ 4.5:1 on the surface', (_name, i, t) => {
    expect(contrast(found[i] as string, token(t, '--surface'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the stylesheet paints series with the palette', () => {
  it.each(CATEGORICAL.map((c, i) => [i, c, CATEGORICAL_DARK[i] as string] as const))(
    '--series-%i is %s in light and %s in dark',
    (i, lightHex, darkHex) => {
      expect(token(light, `--series-${i}`).toLowerCase()).toBe(lightHex.toLowerCase());
      expect(token(dark, `--series-${i}`).toLowerCase()).toBe(darkHex.toLowerCase());
    },
  );
});
