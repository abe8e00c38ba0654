/**
 * Issue 17, item 4: printing. Chromium's own PDF output (`page.pdf`, A4) of the explorer's chart tab (three
 * territories), of its table tab with the 75 provinces, and of the overview, in French and Arabic; the text is read
 * back with `pdftotext` (poppler-utils): each chart on its own page with its title, status word, source and the
 * printing stamp (date, link); no navigation, tabs or buttons; the table's header row on every page it spans. Every
 * page is also rendered to PNG (`pdftoppm -r 60`, .tmp/print/) to be looked at. Then the print media in the DOM
 * (`emulateMedia`): app chrome and controls not displayed, the sources panel's content laid out although its
 * <details> is closed, the QR code drawn, a dark screen theme printed light, and the synthetic-data banner kept.
 *
 * Its own build (`.tmp/dist-print`, rebuilt when older than its sources) and port 4515.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIfMissing,
  collectConsoleErrors,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PORT = 4515;
const DIST = process.env.MOUCHIR_PRINT_DIST ?? '.tmp/dist-print';
const OUT = path.resolve('.tmp/print');
const WAIT = 30_000;

let served: ServedDist;
let browser: LaunchedBrowser;
beforeAll(async () => {
  buildIfMissing(DIST, {}, isBuildStale(DIST));
  fs.mkdirSync(OUT, { recursive: true });
  served = await serveDist({ dir: DIST, port: PORT });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const TEXT = {
  fr: { printed: 'Imprimé le', link: 'Cette vue en ligne' },
  ar: { printed: 'طُبع بتاريخ', link: 'هذا العرض على الإنترنت' },
} as const;

/**
 * Text as compared: Unicode-normalised (pdftotext may give Arabic presentation forms), without bidi marks and
 * embeddings (pdftotext wraps Arabic runs in U+202B…U+202C), Arabic vowel marks, whitespace and hyphens (a line may
 * wrap anywhere on paper, and pdftotext joins a word hyphenated at a line end).
 */
function squash(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .replace(/[\s\u00ad-]+/g, '');
}

/** Letters and digits only: pdftotext mirrors and moves the brackets of an Arabic label ("التغير ()%"). */
function lettersOf(s: string): string {
  return squash(s).replace(/[^\p{L}\p{N}]/gu, '');
}

interface PrintedPdf {
  pages: number;
  /** Each page's text, squashed. */
  text: string[];
  /** The whole document, squashed. */
  all: string;
}

/** Print the page to A4 PDF as Chromium does, read its text per page and render its pages to PNG. */
async function printPdf(page: Page, name: string): Promise<PrintedPdf> {
  // The stamps draw their QR code once its module is in (after the first chart): page.pdf() fires no beforeprint.
  await page.locator('[data-print-qr="ready"]').first().waitFor({ state: 'attached', timeout: WAIT });
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text: string[] = [];
  for (let p = 1; p <= pages; p++)
    text.push(squash(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' })));
  for (const old of fs.readdirSync(OUT))
    if (old.startsWith(`${name}-`) && old.endsWith('.png')) fs.rmSync(path.join(OUT, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, name)]);
  return { pages, text, all: text.join('') };
}

/**
 * The printed link is the page's: its origin and its query each in one piece (in Arabic, pdftotext puts the line's
 * colon between the two lines the link wraps onto).
 */
function expectLink(pdf: PrintedPdf, url: string): void {
  const u = new URL(url);
  expect(pdf.all).toContain(squash(`${u.origin}${u.pathname}`));
  expect(pdf.all).toContain(squash(u.search.slice(1)));
}

/** Texts of the matching elements as the screen shows them (innerText), empty ones dropped. */
async function texts(page: Page, selector: string): Promise<string[]> {
  return (
    await page.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()))
  ).filter((t) => t !== '');
}

/** Words of the app's chrome that must not be on paper: navigation, skip link, tabs, buttons. */
async function chromeWords(page: Page): Promise<string[]> {
  const words = [
    // The navigation as it reads, link after link (one view's name may be another's heading).
    (await texts(page, '.nav__link')).join(''),
    ...(await texts(page, '.skip-link')),
    // The tabs likewise ("جدول", table, is also a word of the method's text).
    (await texts(page, '.tabs__tab')).join(''),
    // The buttons in a row (one alone may be a common word: "جدول").
    (await texts(page, 'main button:not(.sort-button)')).join(''),
  ];
  expect(words.every((w) => w !== '')).toBe(true);
  return [...new Set(words)];
}

async function waitForChart(page: Page): Promise<void> {
  await page
    .locator('.chart-frame .recharts-line-curve, .chart-frame rect.bar-chart__bar, .chart-frame table')
    .first()
    .waitFor({ state: 'visible', timeout: WAIT });
}

describe('print: Chromium PDF output', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(
      `${lang}: the explorer's charts, each on its own page with title, status, sources, link and date`,
      { timeout: 120_000 },
      async () => {
        const page = browser.page;
        const errors = collectConsoleErrors(page);
        await openApp(page, served.url, `view=explorer&indicator=population&territories=MA,MA-06,MA-01&lang=${lang}`);
        await waitForChart(page);
        await page.locator('.chart-frame .recharts-line-curve').first().waitFor({ state: 'visible', timeout: WAIT });
        // The ranking mounts after the line, in a task of its own (issue 16).
        await page.locator('.chart-frame rect.bar-chart__bar').first().waitFor({ state: 'visible', timeout: WAIT });
        const titles = await texts(page, '.chart-frame__title');
        expect(titles).toHaveLength(2);
        const badges = await texts(page, '.chart-frame__meta .badge');
        const sourceUrls = await page
          .locator('.chart-frame .sources__url')
          .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
        const legend = await texts(page, '.line-chart .legend__item > span:nth-child(2)');
        expect(legend).toHaveLength(3);
        const chrome = await chromeWords(page);
        const pdf = await printPdf(page, `explorer-chart-${lang}`);
        // The QR module came after the first chart (bench B3 counts the JS loaded before it).
        const order = await page.evaluate(() => ({
          chart: performance.getEntriesByName('mouchir:first-chart')[0]?.startTime ?? null,
          qr: performance
            .getEntriesByType('resource')
            .filter((e) => /\/print-qr-[^/]*\.js$/.test(e.name))
            .map((e) => e.startTime),
        }));
        expect(order.chart).not.toBeNull();
        expect(order.qr).toHaveLength(1);
        expect(order.qr[0]).toBeGreaterThan(order.chart!);

        // Line chart then ranking: two pages (a long sources list may take a third), each chart starting its own.
        expect(pdf.pages).toBeGreaterThanOrEqual(2);
        expect(pdf.pages).toBeLessThanOrEqual(4);
        expect(pdf.text[0]).toContain(squash(titles[0]!));
        expect(pdf.text[0]).not.toContain(squash(titles[1]!));
        const rankingPage = pdf.text.findIndex((t) => t.includes(squash(titles[1]!)));
        expect(rankingPage).toBeGreaterThan(0);
        for (const name of legend) expect(pdf.text[0]).toContain(squash(name));
        for (const b of badges) expect(pdf.text[0]).toContain(squash(b));
        // The sources panel is a closed <details> on screen: its citations and their links print all the same.
        expect(sourceUrls.length).toBeGreaterThan(0);
        expect(pdf.text[0]).toContain(squash(sourceUrls[0]!));
        // Each chart's stamp: the link to this very view and the date of printing.
        const stamped = pdf.text.filter(
          (t) => t.includes(squash(TEXT[lang].printed)) && t.includes(squash(TEXT[lang].link)),
        );
        expect(stamped.length).toBeGreaterThanOrEqual(2);
        expectLink(pdf, page.url());
        for (const word of chrome) expect(pdf.all, `"${word}" printed`).not.toContain(squash(word));
        expect(errors).toEqual([]);
      },
    );

    it(
      `${lang}: the table of the 75 provinces breaks between rows with its header on every page`,
      { timeout: 120_000 },
      async () => {
        const page = browser.page;
        const errors = collectConsoleErrors(page);
        await openApp(page, served.url, `view=overview&lang=${lang}`);
        const provinces = await page.evaluate(async () => {
          const r = await fetch('/api/v1/territories');
          const body = (await r.json()) as { data: { code: string; level: string }[] };
          return body.data.filter((t) => t.level === 'province').map((t) => t.code);
        });
        expect(provinces).toHaveLength(75);
        await openApp(
          page,
          served.url,
          `view=explorer&indicator=population&tab=table&territories=${provinces.join(',')}&lang=${lang}`,
        );
        await page.locator('.chart-frame table tbody tr').nth(74).waitFor({ state: 'attached', timeout: WAIT });
        // Without the sort buttons' arrows, which only the screen shows.
        const header = (await texts(page, '.chart-frame table thead th')).map((h) => h.replace(/[▲▼↕]/g, '').trim());
        expect(header.length).toBeGreaterThanOrEqual(3);
        const rowNames = await texts(page, '.chart-frame table tbody th');
        expect(rowNames).toHaveLength(75);
        const rowSignatures = await texts(page, '.chart-frame table tbody tr');
        const rowValues = await texts(page, '.chart-frame table tbody td:nth-of-type(2)');
        expect(rowValues).toHaveLength(75);
        const title = (await texts(page, '.chart-frame__title'))[0]!;
        const pdf = await printPdf(page, `explorer-table-${lang}`);

        // 75 rows of about 8 mm: three or four pages of table, then its numbered notes (one per computed value).
        expect(pdf.pages).toBeGreaterThanOrEqual(3);
        expect(pdf.pages).toBeLessThanOrEqual(16);
        expect(pdf.text[0]).toContain(squash(title));
        // Pages whose text has every column label (the notes after the table name territories and periods, not all).
        const headerPages = pdf.text.flatMap((t, i) =>
          header.every((h) => lettersOf(t).includes(lettersOf(h))) ? [i] : [],
        );
        // The table spans two to four pages, the header row on each, page 2 included.
        expect(headerPages[0]).toBe(0);
        expect(headerPages).toContain(1);
        expect(headerPages.length).toBeGreaterThanOrEqual(2);
        expect(headerPages.length).toBeLessThanOrEqual(4);
        expect(headerPages).toEqual(headerPages.map((_, k) => k));
        // Every row printed whole: its cells one after the other. pdftotext reads Arabic table rows out of order
        // (names apart from their values, compound names reversed), so there each row's 2024 value is looked for.
        const rowTexts = lang === 'fr' ? rowSignatures : rowValues;
        for (const r of rowTexts) expect(pdf.all, r).toContain(squash(r));
        expect(pdf.all).toContain(squash(TEXT[lang].printed));
        expect(errors).toEqual([]);
      },
    );

    it(
      `${lang}: the overview prints its cards with statuses, sources, link and date, without the app's chrome`,
      { timeout: 120_000 },
      async () => {
        const page = browser.page;
        const errors = collectConsoleErrors(page);
        await openApp(page, served.url, `view=overview&lang=${lang}`);
        await page.locator('.mv-card .mv-kpi-value').first().waitFor({ state: 'visible', timeout: WAIT });
        const heading = (await texts(page, 'main h1'))[0]!;
        const cardTitles = await texts(page, '.mv-card__title');
        const badges = await texts(page, '.mv-card .badge');
        expect(cardTitles.length).toBeGreaterThanOrEqual(3);
        const nav = [(await texts(page, '.nav__link')).join(''), ...(await texts(page, '.skip-link'))];
        const pdf = await printPdf(page, `overview-${lang}`);

        expect(pdf.pages).toBeGreaterThanOrEqual(1);
        expect(pdf.pages).toBeLessThanOrEqual(6);
        expect(pdf.text[0]).toContain(squash(heading));
        for (const t of cardTitles) expect(pdf.all).toContain(squash(t));
        for (const b of new Set(badges)) expect(pdf.all).toContain(squash(b));
        expect(pdf.all).toContain('HCP');
        expect(pdf.all).toContain(squash(TEXT[lang].printed));
        expectLink(pdf, page.url());
        for (const word of nav) expect(pdf.all, `"${word}" printed`).not.toContain(squash(word));
        expect(errors).toEqual([]);
      },
    );
  }
});

describe('print: compare and projects', () => {
  for (const view of ['compare', 'projects'] as const)
    for (const lang of ['fr', 'ar'] as const)
      it(
        `${lang}: ${view} prints its heading, statuses, link and date, without the app's chrome`,
        { timeout: 120_000 },
        async () => {
          const page = browser.page;
          const errors = collectConsoleErrors(page);
          await openApp(page, served.url, `view=${view}&lang=${lang}`);
          await page.locator('main .mv-view h1').first().waitFor({ state: 'visible', timeout: WAIT });
          await page.locator('main .badge').first().waitFor({ state: 'visible', timeout: WAIT });
          await expect.poll(() => page.locator('main .skeleton').count(), { timeout: WAIT }).toBe(0);
          const heading = (await texts(page, 'main h1'))[0]!;
          const badges = await texts(page, 'main .badge');
          const nav = [(await texts(page, '.nav__link')).join(''), ...(await texts(page, '.skip-link'))];
          const pdf = await printPdf(page, `${view}-${lang}`);
          expect(pdf.pages).toBeLessThanOrEqual(8);
          expect(pdf.text[0]).toContain(squash(heading));
          for (const b of new Set(badges)) expect(pdf.all).toContain(squash(b));
          expect(pdf.all).toContain(squash(TEXT[lang].printed));
          expectLink(pdf, page.url());
          for (const word of nav) expect(pdf.all, `"${word}" printed`).not.toContain(squash(word));
          expect(errors).toEqual([]);
        },
      );
});

describe('print: the print media in the DOM', () => {
  const display = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).display);

  it(
    'hides chrome and controls, lays out the closed sources panel, draws the QR code, prints light',
    { timeout: 120_000 },
    async () => {
      const page = browser.page;
      await openApp(page, served.url, 'view=explorer&indicator=population&territories=MA,MA-06&lang=fr');
      await waitForChart(page);
      await page.locator('[data-print-qr="ready"]').first().waitFor({ state: 'attached', timeout: WAIT });
      // The screen's dark theme, as chosen in the header (src/app/theme.ts writes data-theme).
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
      });
      const hidden = [
        '.skip-link',
        '.header',
        '.explorer__side',
        '.explorer__controls',
        '.tabs__list',
        '.chart-frame__actions',
      ];
      // checkVisibility(): false inside a closed <details> (its content is skipped, though script could lay it out).
      const citations = () =>
        page
          .locator('.chart-frame .sources__citations')
          .first()
          .evaluate((el) => (el.checkVisibility() ? el.getBoundingClientRect().height : 0));
      const qrSize = () =>
        page
          .locator('.chart-frame .print-stamp__qr')
          .first()
          .evaluate((el) => el.getBoundingClientRect().width);
      const paper = () =>
        page.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          series: getComputedStyle(document.documentElement).getPropertyValue('--series-0').trim(),
        }));

      const stampUrl = () => page.locator('.chart-frame .print-stamp__url').first().textContent();
      const navShown = () =>
        page
          .locator('.nav')
          .first()
          .evaluate((el) => el.checkVisibility());

      // On screen: all there, the sources closed, the stamp not shown, the dark theme.
      for (const s of hidden) expect(await display(page, s), s).not.toBe('none');
      expect(await navShown()).toBe(true);
      expect(await citations()).toBe(0);
      expect(await display(page, '.chart-frame .print-stamp')).toBe('none');
      expect((await paper()).series).toBe('#56b4e9');

      await page.emulateMedia({ media: 'print' });
      try {
        for (const s of hidden) expect(await display(page, s), s).toBe('none');
        expect(await navShown()).toBe(false);
        expect(await citations()).toBeGreaterThan(0);
        expect(await display(page, '.chart-frame .print-stamp')).not.toBe('none');
        expect(await qrSize()).toBeGreaterThan(50);
        const qr = await page.locator('.chart-frame .print-stamp__qr path').first().getAttribute('d');
        expect(qr?.length ?? 0).toBeGreaterThan(200);
        expect(await paper()).toEqual({ bg: 'rgb(255, 255, 255)', series: '#0072b2' });
        expect(await stampUrl()).toBe(page.url());
      } finally {
        await page.emulateMedia({ media: null });
      }
      // A change of selection: the address bar follows one frame later, and the stamp follows the address bar.
      await page.locator('.explorer__side .chip').filter({ hasText: 'Casablanca' }).click();
      await expect.poll(() => page.url(), { timeout: WAIT }).not.toContain('MA-06');
      await expect.poll(stampUrl, { timeout: WAIT }).toBe(page.url());
    },
  );

  it(
    'keeps the synthetic-data banner (without its button) and every status on paper',
    { timeout: 120_000 },
    async () => {
      const page = browser.page;
      await openApp(page, served.url, 'view=explorer&dataset=stress&lang=fr');
      await page.locator('[data-testid="synthetic-banner"]').waitFor({ state: 'visible', timeout: WAIT });
      await waitForChart(page);
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await display(page, '[data-testid="synthetic-banner"]')).not.toBe('none');
        expect(await display(page, '.synthetic-banner__back')).toBe('none');
        expect(await display(page, '.chart-frame__meta .badge')).not.toBe('none');
      } finally {
        await page.emulateMedia({ media: null });
      }
      const pdf = await printPdf(page, 'explorer-synthetic-fr');
      expect(pdf.text[0]).toContain(squash((await texts(page, '.synthetic-banner__title'))[0]!));
    },
  );
});
