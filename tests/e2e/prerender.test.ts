/**
 * Paint before JavaScript (issue 16, item 1), in real Chromium against the build served by scripts/serve.mjs:
 *
 * 1. with scripts disabled, each view's URL in French and Arabic shows the header, the navigation (the view marked
 *    current), the view's title and its skeletons, in the page's language and direction — the prerendered shell alone;
 * 2. with scripts, the layout shifts (layout-shift entries without recent input) from navigation until the view's
 *    content — the first chart's `mouchir:first-chart` mark on the explorer, the KPI list on the overview — add up
 *    to at most 0.02, at 1280×800 and 390×844, in French and Arabic: the app takes the shell over without a jump;
 * 3. no CSP violation and no console error meanwhile.
 *
 * Screenshots of the shell alone and of the loaded app go to .tmp/prerender/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, servedBrowserForFile, type LaunchedBrowser, type ServedDist } from './harness.ts';

const PORT = 4480;
const OUT = path.resolve('.tmp/prerender');
const WAIT = 30_000;
/** The budget for the whole hand-over (Lighthouse's CLS target too). */
const CLS_BUDGET = 0.02;

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT, viewport: { width: 1280, height: 800 } }, (s, b) => {
  served = s;
  browser = b;
});

const VIEWS = ['overview', 'explorer', 'compare', 'projects'] as const;
type View = (typeof VIEWS)[number];

/** Each view's heading and nav label, in the two languages checked here. */
const WORDS: Record<'fr' | 'ar', Record<View, { heading: string; nav: string }>> = {
  fr: {
    overview: { heading: 'Vue d’ensemble', nav: 'Aperçu' },
    explorer: { heading: 'Explorateur d’indicateurs', nav: 'Explorateur' },
    compare: { heading: 'Comparer des territoires', nav: 'Comparer' },
    projects: { heading: 'Projets', nav: 'Projets' },
  },
  ar: {
    overview: { heading: 'نظرة عامة', nav: 'نظرة عامة' },
    explorer: { heading: 'مستكشف المؤشرات', nav: 'المستكشف' },
    compare: { heading: 'مقارنة المجالات الترابية', nav: 'مقارنة' },
    projects: { heading: 'المشاريع', nav: 'المشاريع' },
  },
};

/** A fresh tab of the test's browser, closed by the caller. */
async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  return page;
}

describe('the shell without JavaScript', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: every view shows its header, navigation, title and skeletons`, async () => {
      const page = await newPage({ width: 1280, height: 800 });
      try {
        // Scripts off for this tab only (CDP): what a reader sees before the entry script has arrived and run.
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
        for (const view of VIEWS) {
          const words = WORDS[lang][view];
          await page.goto(`${served.url}?view=${view}&lang=${lang}`, { waitUntil: 'load', timeout: WAIT });
          const root = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            title: document.title,
          }));
          expect(root.lang).toBe(lang);
          expect(root.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect(root.title).toContain(words.heading);
          // Seen, not only present: laid out inside the first screen.
          for (const selector of ['header.header', 'nav.nav', 'main h1', '.skeleton--panel']) {
            const box = await page.locator(selector).first().boundingBox();
            expect(box, `${view}/${lang}: ${selector}`).not.toBeNull();
            expect(box!.height).toBeGreaterThan(0);
            expect(box!.y).toBeLessThan(800);
          }
          expect((await page.locator('main h1').innerText()).trim()).toBe(words.heading);
          expect((await page.locator('nav.nav [aria-current="page"]').innerText()).trim()).toBe(words.nav);
          expect(await page.locator('nav.nav a').count()).toBe(4);
          // The stylesheet linked in the head laid it out: the header is a bar above the view, not unstyled text.
          const header = await page.locator('header.header').boundingBox();
          const heading = await page.locator('main h1').boundingBox();
          expect(header!.y + header!.height).toBeLessThanOrEqual(heading!.y);
          if (lang === 'ar') {
            // Right to left: the heading starts at the right edge of the page.
            expect(heading!.x + heading!.width).toBeGreaterThan(1280 - 80);
          } else {
            expect(heading!.x).toBeLessThan(80);
          }
          await page.screenshot({ path: path.join(OUT, `${view}-${lang}-1280-shell.png`) });
        }
      } finally {
        await page.close();
      }
    });
  }
});

/** What shows that the view's content replaced its placeholder: the first chart's line, the KPI list. */
const CONTENT: Record<'overview' | 'explorer', string> = {
  explorer: 'path.recharts-line-curve, canvas.line-chart__canvas[data-lines]',
  overview: '.mv-grid[role="list"] .mv-kpi',
};

/**
 * Before the page's own scripts: note the time of the frame that first draws `selector` (a MutationObserver sees it
 * inserted; the next animation frame is the one that lays it out and paints it), in `window.__contentFrame`.
 */
async function watchContent(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const w = window as unknown as { __contentFrame?: number };
    const seen = () => {
      if (!document.querySelector(sel)) return false;
      requestAnimationFrame((t) => (w.__contentFrame = t));
      return true;
    };
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/**
 * Sum of the layout shifts (without recent input) from navigation to the frame that first draws the view's content,
 * that frame included, with the shifts listed for the failure message. Later frames are the content's own life
 * (a KPI card filling in, an export menu arriving), not the take-over.
 */
async function clsUntilContent(page: Page): Promise<{ cls: number; shifts: string[] }> {
  await page.waitForFunction(
    () => (window as unknown as { __contentFrame?: number }).__contentFrame !== undefined,
    undefined,
    {
      timeout: WAIT,
    },
  );
  return page.evaluate(
    () =>
      new Promise<{ cls: number; shifts: string[] }>((resolve) => {
        const end = (window as unknown as { __contentFrame: number }).__contentFrame;
        const shifts: string[] = [];
        let cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
          })[]) {
            // A frame's shifts are stamped a little after its animation frame callbacks: 8 ms covers that, never the next.
            if (entry.hadRecentInput || entry.startTime > end + 8) continue;
            cls += entry.value;
            const what = entry.sources
              .map((s) => {
                const el = s.node instanceof Element ? s.node : null;
                const name = el ? `${el.tagName.toLowerCase()}.${el.className}` : String(s.node?.nodeName);
                return `${name} y ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h ${Math.round(
                  s.previousRect.height,
                )}→${Math.round(s.currentRect.height)}`;
              })
              .join(', ');
            shifts.push(`${Math.round(entry.startTime)} ms ${entry.value.toFixed(4)}: ${what}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the observer's first callback, queued as a task.
        setTimeout(
          () => resolve({ cls, shifts: [...shifts, `content drawn in the frame of ${Math.round(end)} ms`] }),
          0,
        );
      }),
  );
}

describe('the take-over with JavaScript', () => {
  // The web fonts in the HTTP cache first: a cold first visit also shifts the header a little when Noto Sans replaces
  // the fallback font (font-display: swap; ~0.002 at 1280 px, up to ~0.04 at 390 px where a French nav label wraps
  // in the fallback font) — the fonts' loading, measured by the bench's Lighthouse figure, not the shell's take-over.
  beforeAll(async () => {
    const page = await newPage({ width: 390, height: 844 });
    try {
      for (const lang of ['fr', 'ar']) {
        await page.goto(`${served.url}?view=explorer&lang=${lang}`, { timeout: WAIT });
        await page.waitForFunction(() => document.fonts.status === 'loaded' && document.fonts.size > 0, undefined, {
          timeout: WAIT,
        });
        await page.locator(CONTENT.explorer).first().waitFor({ timeout: WAIT });
      }
    } finally {
      await page.close();
    }
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    for (const lang of ['fr', 'ar'] as const) {
      for (const view of ['overview', 'explorer'] as const) {
        it(`${view}, ${lang}, ${viewport.width}×${viewport.height}: CLS ≤ ${CLS_BUDGET} until the content, no error`, async () => {
          const page = await newPage(viewport);
          try {
            const errors = collectConsoleErrors(page);
            await watchContent(page, CONTENT[view]);
            await page.goto(`${served.url}?view=${view}&lang=${lang}`, { waitUntil: 'commit', timeout: WAIT });
            const { cls, shifts } = await clsUntilContent(page);
            expect(cls, `layout shifts:\n${shifts.join('\n')}`).toBeLessThanOrEqual(CLS_BUDGET);
            await page.screenshot({ path: path.join(OUT, `${view}-${lang}-${viewport.width}-app.png`) });
            expect(errors).toEqual([]);
          } finally {
            await page.close();
          }
        });
      }
    }
  }
});

/**
 * The territory picker's placeholder (the shell's and the views' own, src/styles/skeleton.css `--mv-picker-height`)
 * is the picker's height, so nothing under it moves when the territories come: a 58 px placeholder under a 69.6 px
 * picker moved the overview's cards at 412 px (Lighthouse CLS 0.008).
 */
describe("the territory picker's placeholder", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 412, height: 823 },
  ]) {
    for (const lang of ['fr', 'ar'] as const) {
      it(`${lang}, ${viewport.width} px: as tall as the picker`, async () => {
        const page = await newPage(viewport);
        try {
          const url = `${served.url}?lang=${lang}`;
          // The shell's placeholder, before any script.
          const cdp = await browser.context.newCDPSession(page);
          await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
          await page.goto(url, { waitUntil: 'load', timeout: WAIT });
          const placeholder = await page.locator('.mv-view__head .skeleton').boundingBox();
          await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
          await page.goto(url, { timeout: WAIT });
          const field = page.locator('.mv-view__head .mv-field');
          await field.waitFor({ timeout: WAIT });
          const picker = await field.boundingBox();
          expect(placeholder).not.toBeNull();
          expect(Math.abs(placeholder!.height - picker!.height)).toBeLessThan(0.5);
        } finally {
          await page.close();
        }
      });
    }
  }
});

/**
 * The default explorer's page (a bare `?view=explorer`) carries its line chart's head in the HTML (issue 16: the
 * explorer's largest paint, src/features/explorer/baked-head.ts): seen on the first screen of a phone before any
 * script, kept in place while the app starts and loads, replaced by the chart's own identical caption — never a
 * panel without it in between. Any other explorer query gets the plain shell.
 */
describe("the default explorer's chart head in the HTML", () => {
  const PHONE = { width: 412, height: 823 }; // Lighthouse's mobile screen

  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: in the shell on the first screen, kept until the chart's own caption replaces it`, async () => {
      const page = await newPage(PHONE);
      try {
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
        await page.goto(`${served.url}?view=explorer&lang=${lang}`, { waitUntil: 'load', timeout: WAIT });
        const baked = await page.locator('[data-baked-head]').getAttribute('data-baked-head');
        const head = JSON.parse(baked ?? 'null') as { title: string; source: string; lang: string } | null;
        expect(head?.lang).toBe(lang);
        const title = page.locator('main .chart-frame__title');
        expect((await title.innerText()).trim()).toBe(head!.title);
        expect((await page.locator('main .chart-frame__source').innerText()).trim()).toBe(head!.source);
        const box = await title.boundingBox();
        expect(box!.y + box!.height).toBeLessThan(PHONE.height);
        await page.screenshot({ path: path.join(OUT, `explorer-${lang}-412-baked-shell.png`) });

        // Another selection: the plain shell, no head it cannot know.
        await page.goto(`${served.url}?view=explorer&lang=${lang}&measure=per-capita`, { waitUntil: 'load' });
        expect(await page.locator('main h1').count()).toBe(1);
        expect(await page.locator('main .chart-frame, [data-baked-head]').count()).toBe(0);
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
        await cdp.detach();

        // With scripts: every commit from the first parse to the chart shows the same caption at the same place.
        const errors = collectConsoleErrors(page);
        await page.addInitScript(() => {
          type Seen = { text: string | null; y: number | null; body: number | null };
          const w = window as unknown as { __titles: Seen[] };
          w.__titles = [];
          const top = (el: Element | null | undefined) =>
            el ? Math.round(el.getBoundingClientRect().y + window.scrollY) : null;
          new MutationObserver(() => {
            const el = document.querySelector('main [role="tabpanel"] .chart-frame__title');
            const text = el?.textContent ?? null;
            const y = top(el);
            // Where the chart (or its placeholder, under the kept place of the buttons) starts.
            const body = top(el?.closest('figure')?.querySelector('.chart-frame__body'));
            const last = w.__titles.at(-1);
            // From the parser's insertion of the shell's caption on (before it, the page is still arriving).
            if (!last ? text !== null : last.text !== text || last.y !== y || last.body !== body)
              w.__titles.push({ text, y, body });
          }).observe(document, { childList: true, subtree: true, characterData: true });
        });
        await page.goto(`${served.url}?view=explorer&lang=${lang}`, { timeout: WAIT });
        await page.locator('main figure.chart-frame:not([aria-busy]) path.recharts-line-curve').first().waitFor({
          timeout: WAIT,
        });
        const titles = await page.evaluate(
          () =>
            (window as unknown as { __titles: { text: string | null; y: number | null; body: number | null }[] })
              .__titles,
        );
        expect(titles.length).toBeGreaterThan(0);
        for (const t of titles) expect(t.text, JSON.stringify(titles)).toBe(head!.title);
        const spread = (values: (number | null)[]) => {
          const ys = values.map((v) => v ?? NaN);
          return Math.max(...ys) - Math.min(...ys);
        };
        expect(spread(titles.map((t) => t.y)), JSON.stringify(titles)).toBeLessThanOrEqual(2);
        expect(spread(titles.map((t) => t.body)), JSON.stringify(titles)).toBeLessThanOrEqual(2);
        expect((await page.locator('main figure.chart-frame .chart-frame__title').first().innerText()).trim()).toBe(
          head!.title,
        );
        await page.screenshot({ path: path.join(OUT, `explorer-${lang}-412-baked-app.png`) });
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
