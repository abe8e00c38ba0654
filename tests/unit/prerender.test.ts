// @vitest-environment node
/**
 * The prerendered shells (issue 16, item 1): src/prerender/shell.tsx rendered in Node through Vite's SSR loader, as
 * the build does (scripts/build/prerender.mjs), into the project's index.html. Fifteen pages — every view and the
 * explorer's default view in every language at shell-route.mjs's paths — each with its `<html lang dir>`, its view's title and heading, the header and
 * navigation with the current view marked, and nothing the strict CSP would refuse (no inline script, no <style>).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fontPreloads,
  loadShellRenderer,
  shellDocument,
  withViewPreloads,
  writeShells,
  type ShellRender,
} from '../../scripts/build/prerender.mjs';
import { DEFAULT_EXPLORER, SHELL_LANGS, SHELL_PAGES, shellPath } from '../../scripts/build/shell-route.mjs';
import { BakedHead } from '../../src/features/explorer/baked-head.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
/** The project's page with view preloads, as vite.config.ts `preloadHints` writes them into the built one. */
const BUILT = TEMPLATE.replace(
  '</head>',
  '<!--view-preloads--><link rel="modulepreload" href="./assets/start-x.js"><!--/view-preloads--></head>',
);

/** Each view's heading and nav label, in each language (the words the reader must see before any script). */
const EXPECTED: Record<string, Record<string, { heading: string; nav: string }>> = {
  overview: {
    fr: { heading: 'Vue d’ensemble', nav: 'Aperçu' },
    ar: { heading: 'نظرة عامة', nav: 'نظرة عامة' },
    en: { heading: 'Overview', nav: 'Overview' },
  },
  explorer: {
    fr: { heading: 'Explorateur d’indicateurs', nav: 'Explorateur' },
    ar: { heading: 'مستكشف المؤشرات', nav: 'المستكشف' },
    en: { heading: 'Indicator explorer', nav: 'Explorer' },
  },
  compare: {
    fr: { heading: 'Comparer des territoires', nav: 'Comparer' },
    ar: { heading: 'مقارنة المجالات الترابية', nav: 'مقارنة' },
    en: { heading: 'Compare territories', nav: 'Compare' },
  },
  projects: {
    fr: { heading: 'Projets', nav: 'Projets' },
    ar: { heading: 'المشاريع', nav: 'المشاريع' },
    en: { heading: 'Projects', nav: 'Projects' },
  },
};

let dir = '';
let written: string[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-prerender-'));
  const renderer = await loadShellRenderer(ROOT);
  try {
    written = await writeShells(dir, BUILT, renderer.renderShell);
  } finally {
    await renderer.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the prerendered shells', () => {
  it('are fifteen files at the paths the server and the service worker look for', () => {
    const expected = SHELL_PAGES.flatMap((v) => SHELL_LANGS.map((l) => shellPath(v, l)));
    expect(written.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(15);
    for (const file of expected) expect(fs.existsSync(path.join(dir, file))).toBe(true);
  });

  for (const page of SHELL_PAGES) {
    const view = page === DEFAULT_EXPLORER ? 'explorer' : page;
    for (const lang of SHELL_LANGS) {
      it(`${page} in ${lang}: language, direction, title, header, navigation and the view's heading`, () => {
        const html = fs.readFileSync(path.join(dir, shellPath(page, lang)), 'utf8');
        const words = EXPECTED[view]?.[lang];
        if (!words) throw new Error(`no expectation for ${view}/${lang}`);
        expect(html).toMatch(new RegExp(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
        expect(html.match(/<title>([^<]*)<\/title>/)?.[1]).toBe(
          `${words.heading} · ${lang === 'ar' ? 'مؤشر' : 'Mouchir'}`,
        );
        const root = html.slice(html.indexOf('<div id="root">'));
        expect(root).toContain('<header class="header"');
        expect(root).toMatch(new RegExp(`<nav class="nav"[^>]*>.*aria-current="page">${words.nav}</a>`));
        expect(root).toMatch(new RegExp(`<h1[^>]*>${words.heading}</h1>`));
        expect(root).toContain(`data-view-skeleton="${view}"`);
        expect(root).toContain('class="skeleton skeleton--panel"');
        expect(root).toContain('<footer class="footer">');
        // The CSP (scripts/csp.mjs) refuses inline scripts and <style> elements: a shell must need neither.
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
        expect(html).not.toMatch(/<style[\s>]/i);
        expect(root).not.toMatch(/\son[a-z]+=/i);
      });
    }
  }

  it('keep the head of the built page (CSP meta, entry script, links) and only its head', () => {
    const html = fs.readFileSync(path.join(dir, shellPath('explorer', 'ar')), 'utf8');
    const head = (s: string) => s.slice(s.indexOf('<meta charset'), s.indexOf('<title>'));
    expect(head(html)).toBe(head(BUILT));
    expect(html).toContain('<script type="module" src="/src/main.tsx"></script>');
  });
});

describe("the default explorer's page (issue 16: its largest paint in the HTML)", () => {
  const read = (page: string, lang: string) => fs.readFileSync(path.join(dir, shellPath(page, lang)), 'utf8');
  /** The text of the first element with this class, entities decoded as the browser does. */
  const textOf = (html: string, cls: string) =>
    new RegExp(`class="${cls}">([^<]*)<`)
      .exec(html)?.[1]
      ?.replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');

  for (const lang of SHELL_LANGS) {
    it(`${lang}: draws the default line chart's head, and carries it for the app as a valid head`, () => {
      const html = read(DEFAULT_EXPLORER, lang);
      const json = /data-baked-head="([^"]*)"/.exec(html)?.[1];
      if (!json) throw new Error('no baked head');
      const head = BakedHead.parse(JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, '&')));
      expect(head.lang).toBe(lang);
      expect(head.title.length).toBeGreaterThan(3);
      expect(textOf(html, 'chart-frame__title')).toBe(head.title);
      expect(textOf(html, 'chart-frame__subtitle')).toBe(head.subtitle);
      expect(textOf(html, 'chart-frame__source')).toBe(head.source);
      expect(html).toMatch(new RegExp(`data-status="${head.status}"`));
    });

    it(`${lang}: paints first (inert preloads) where the head is baked and on the overview; starts at once elsewhere`, () => {
      for (const page of SHELL_PAGES) {
        const html = read(page, lang);
        const first = page === 'overview' || page === DEFAULT_EXPLORER;
        expect(html.includes('<template data-view-preloads>'), page).toBe(first);
        expect(html.includes('<!--view-preloads-->'), page).toBe(!first);
        expect(html.includes('data-baked-head'), page).toBe(page === DEFAULT_EXPLORER);
      }
    });
  }
});

describe('shellDocument', () => {
  const shell: ShellRender = { html: '<p>x</p>', title: 'A & <B>', lang: 'ar', dir: 'rtl', paintsFirst: false };
  it('escapes the title and can run twice on the same page (a rebuilt folder)', () => {
    const once = shellDocument(TEMPLATE, shell);
    expect(once).toContain('<title>A &amp; &lt;B&gt;</title>');
    const twice = shellDocument(once, { ...shell, html: '<p>y</p>' });
    expect(twice).toContain('<div id="root"><!--shell--><p>y</p><!--/shell--></div>');
    expect(twice).not.toContain('<p>x</p>');
  });
  it('refuses a page without a root to fill', () => {
    expect(() => shellDocument('<html><head><title>t</title></head><body></body></html>', shell)).toThrow(/#root|root/);
  });
});

describe('fontPreloads', () => {
  const assets = [
    'index-abc12345.js',
    'noto-sans-latin-400-normal-BTkUljjl.woff2',
    'noto-sans-latin-600-normal-Dkgu5AE5.woff2',
    'noto-sans-latin-600-normal-Dkgu5AE5.woff',
    'noto-sans-greek-600-normal-xxxxxxxx.woff2',
    'noto-sans-arabic-arabic-400-normal-AAMxebZb.woff2',
    'noto-sans-arabic-arabic-600-normal-JPxwL-XU.woff2',
  ];
  const hrefs = (lang: string) => fontPreloads(lang, assets).map((t) => /href="\.\/assets\/([^"]+)"/.exec(t)?.[1]);
  it('preloads the bold Latin face on every page, the Arabic faces on Arabic pages only', () => {
    expect(hrefs('fr')).toEqual(['noto-sans-latin-600-normal-Dkgu5AE5.woff2']);
    expect(hrefs('en')).toEqual(['noto-sans-latin-600-normal-Dkgu5AE5.woff2']);
    expect(hrefs('ar')).toEqual([
      'noto-sans-latin-600-normal-Dkgu5AE5.woff2',
      'noto-sans-arabic-arabic-600-normal-JPxwL-XU.woff2',
      'noto-sans-arabic-arabic-400-normal-AAMxebZb.woff2',
    ]);
    for (const tag of fontPreloads('ar', assets))
      expect(tag).toMatch(/^<link rel="preload" as="font" type="font\/woff2" crossorigin="anonymous" href=/);
  });
  it('puts them at the end of the head, once, even when the page is written again', () => {
    const shell: ShellRender = { html: '', title: 't', lang: 'ar', dir: 'rtl', paintsFirst: false };
    const tags = fontPreloads('ar', assets);
    const twice = shellDocument(shellDocument(TEMPLATE, shell, tags), shell, tags);
    expect(twice.split('rel="preload" as="font"').length - 1).toBe(3);
    expect(twice.indexOf(tags[0]!)).toBeLessThan(twice.indexOf('</head>'));
    expect(twice.indexOf(tags[0]!)).toBeGreaterThan(twice.indexOf('<title>'));
  });
});

describe('withViewPreloads', () => {
  const live =
    '<head><link rel="stylesheet" href="./a.css"><!--view-preloads--><link rel="modulepreload" href="./assets/start-x.js">' +
    '<link rel="preload" as="fetch" href="./assets/indicators-x.json"><!--/view-preloads--></head>';
  it('makes the preloads inert in a <template> for the overview, live again for the other views, either way twice', () => {
    const inert = withViewPreloads(live, false);
    expect(inert).toContain('<template data-view-preloads><link rel="modulepreload" href="./assets/start-x.js">');
    expect(inert).not.toContain('<!--view-preloads-->');
    // Outside the template nothing is left to fetch: the style sheet only.
    expect(inert.replace(/<template[\s\S]*?<\/template>/, '')).toBe(
      '<head><link rel="stylesheet" href="./a.css"></head>',
    );
    expect(withViewPreloads(inert, false)).toBe(inert);
    expect(withViewPreloads(inert, true)).toBe(live);
    expect(withViewPreloads(live, true)).toBe(live);
  });
  it('leaves a page without them as it is', () => {
    expect(withViewPreloads('<head></head>', false)).toBe('<head></head>');
  });
});
