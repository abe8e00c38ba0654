// @vitest-environment node
/**
 * The prerendered shells (issue 16, item 1): src/prerender/shell.tsx rendered in Node through Vite's SSR loader, as
 * the build does (scripts/build/prerender.mjs), into the project's index.html. Twelve pages — every view in every
 * language at shell-route.mjs's paths — each with its `<html lang dir>`, its view's title and heading, the header and
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
import { SHELL_LANGS, SHELL_VIEWS, shellPath } from '../../scripts/build/shell-route.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');

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
    written = await writeShells(dir, TEMPLATE, renderer.renderShell);
  } finally {
    await renderer.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the prerendered shells', () => {
  it('are twelve files at the paths the server and the service worker look for', () => {
    const expected = SHELL_VIEWS.flatMap((v) => SHELL_LANGS.map((l) => shellPath(v, l)));
    expect(written.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(12);
    for (const file of expected) expect(fs.existsSync(path.join(dir, file))).toBe(true);
  });

  for (const view of SHELL_VIEWS) {
    for (const lang of SHELL_LANGS) {
      it(`${view} in ${lang}: language, direction, title, header, navigation and the view's heading`, () => {
        const html = fs.readFileSync(path.join(dir, shellPath(view, lang)), 'utf8');
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
    expect(head(html)).toBe(head(TEMPLATE));
    expect(html).toContain('<script type="module" src="/src/main.tsx"></script>');
  });
});

describe('shellDocument', () => {
  const shell: ShellRender = { html: '<p>x</p>', title: 'A & <B>', lang: 'ar', dir: 'rtl' };
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
    const shell: ShellRender = { html: '', title: 't', lang: 'ar', dir: 'rtl' };
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
