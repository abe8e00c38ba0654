/**
 * The briefing in Chromium (issue 17 item 1): three views saved from the app (two explorer charts and a compare
 * view), kept across a reload, played in presentation mode (arrow keys, each slide's name announced, the compare
 * view as a title slide with its "Ouvrir la vue" link, Escape back to the button), exported as ONE PowerPoint read
 * back from the file (three slides, two native charts with their data, notes with the status, the sources and the
 * link), and printed as one document (Chromium's PDF: one page per view with its name, status, sources and link,
 * read with pdftotext and looked at as pictures with pdftoppm, .tmp/briefing/). axe finds nothing in presentation
 * mode in fr, ar and en. Then the list's order drives the briefing's (a view moved up plays first), and a view saved
 * from the map tab joins it as its picture (on screen, and in the deck beside its table).
 *
 * Its own build (`.tmp/dist-B`, rebuilt when older than its sources) and port 4525.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom } from './export-files.ts';
import {
  axeViolations,
  buildIfMissing,
  collectConsoleErrors,
  isBuildStale,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
  waitForApp,
} from './harness.ts';

const PORT = 4525;
const DIST = process.env.MOUCHIR_BRIEFING_DIST ?? '.tmp/dist-B';
const OUT = path.resolve('.tmp/briefing');
const WAIT = 30_000;

/** The three views, in the order they are saved (and played). */
const VIEWS = [
  {
    name: 'Population de Casablanca et Marrakech',
    query: 'view=explorer&indicator=population&territories=MA-06,MA-07&lang=fr',
  },
  {
    name: 'Ménages de trois régions',
    query: 'view=explorer&indicator=households&territories=MA-01,MA-04,MA-06&lang=fr',
  },
  { name: 'Tanger face à l’Oriental', query: 'view=compare&territories=MA-01,MA-02&lang=fr' },
] as const;

const LABELS = {
  fr: {
    entry: /^Vues enregistrées/,
    present: 'Présenter le briefing (3)',
    dialog: 'Mode présentation',
    announce: (i: number, name: string, n = 3) => `Diapositive ${i} sur ${n} : ${name}`,
    open: 'Ouvrir la vue',
  },
  ar: {
    entry: /^العروض المحفوظة/,
    present: 'تقديم الإحاطة (3)',
    dialog: 'وضع العرض التقديمي',
    announce: (i: number, name: string, n = 3) => `الشريحة ${i} من ${n}: ${name}`,
    open: 'فتح العرض',
  },
  en: {
    entry: /^Saved views/,
    present: 'Present the briefing (3)',
    dialog: 'Presentation mode',
    announce: (i: number, name: string, n = 3) => `Slide ${i} of ${n}: ${name}`,
    open: 'Open the view',
  },
} as const;
type Lang = keyof typeof LABELS;

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  buildIfMissing(DIST, {}, isBuildStale(DIST));
  fs.mkdirSync(OUT, { recursive: true });
  served = await serveDist({ dir: DIST, port: PORT });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Open the saved views panel (the header's "Vues enregistrées (n)"). */
async function openPanel(page: Page, lang: Lang = 'fr'): Promise<void> {
  const panel = page.locator('[data-saved-views-panel]');
  if (await panel.isVisible()) return;
  await page.getByRole('button', { name: LABELS[lang].entry }).first().click();
  await panel.waitFor({ state: 'visible', timeout: WAIT });
}

/** Save the view on screen under `name` from the panel, once its chart (if any) is drawn. */
async function saveView(page: Page, query: string, name: string): Promise<void> {
  await openApp(page, served.url, query);
  // An explorer view keeps the chart its export tools draw: wait for them (they tell the saved views what is shown).
  if (query.includes('view=explorer'))
    await page.getByRole('button', { name: 'Exporter', exact: true }).first().waitFor({ timeout: WAIT });
  await openPanel(page);
  const panel = page.locator('[data-saved-views-panel]');
  await panel.getByRole('textbox', { name: 'Nom de la vue' }).fill(name);
  await panel.getByRole('button', { name: 'Enregistrer cette vue' }).click();
  await panel
    .getByRole('status')
    .filter({ hasText: `Vue « ${name} » enregistrée.` })
    .waitFor({ timeout: WAIT });
}

/** The slide image is decoded at its full size. */
async function slideImageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.pm-stage img');
    return !!img && img.complete && img.naturalWidth === 1920;
  });
}

/**
 * Text as compared: Unicode-normalised, without bidi marks, whitespace or hyphens (a line may wrap anywhere on paper,
 * and pdftotext joins a word hyphenated at a line end).
 */
function squash(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, '')
    .replace(/[\s\u00ad-]+/g, '');
}

/** Render every page of a PDF to PNG (.tmp/briefing/<name>-<n>.png) to be looked at; one picture per page. */
function toPictures(file: string, name: string): void {
  const mine = (f: string) => f.startsWith(`${name}-`) && f.endsWith('.png');
  for (const old of fs.readdirSync(OUT)) if (mine(old)) fs.rmSync(path.join(OUT, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, name)]);
  expect(fs.readdirSync(OUT).filter(mine)).toHaveLength(3);
}

describe('briefing (Chromium)', () => {
  it('saves three views that stay after a reload, all in the briefing', { timeout: 180_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    for (const v of VIEWS) await saveView(page, v.query, v.name);
    await page.reload();
    await waitForApp(page);
    await openPanel(page);
    const panel = page.locator('[data-saved-views-panel]');
    await panel.getByRole('button', { name: LABELS.fr.present }).waitFor({ timeout: WAIT });
    expect(errors).toEqual([]);
  });

  it('plays the briefing: arrow keys, each name announced, a title slide, Escape back to the button', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=fr');
    await openPanel(page);
    const present = page.getByRole('button', { name: LABELS.fr.present });
    await present.click();
    const dialog = page.getByRole('dialog', { name: LABELS.fr.dialog });
    await dialog.waitFor();
    await slideImageReady(page);
    const counter = page.locator('.pm-counter');
    const announced = page.locator('.pm-sr');
    expect(await counter.textContent()).toBe('1 / 3');
    expect(await announced.textContent()).toMatch(new RegExp(`^${LABELS.fr.announce(1, VIEWS[0].name)} — .+`));
    expect(await page.locator('.pm-stage img').getAttribute('alt')).toMatch(/Source : /);
    await page.screenshot({ path: path.join(OUT, 'present-1-fr.png') });

    await page.keyboard.press('ArrowRight');
    expect(await counter.textContent()).toBe('2 / 3');
    expect(await announced.textContent()).toMatch(new RegExp(`^${LABELS.fr.announce(2, VIEWS[1].name)} — .+`));
    await slideImageReady(page);

    await page.keyboard.press('ArrowRight');
    expect(await counter.textContent()).toBe('3 / 3');
    expect(await announced.textContent()).toBe(LABELS.fr.announce(3, VIEWS[2].name));
    // The compare view kept no chart: a title slide, never a blank one.
    expect(await page.locator('.pm-stage img').count()).toBe(0);
    await dialog.getByRole('heading', { name: VIEWS[2].name }).waitFor();
    await dialog.getByText('Vue : Comparer').waitFor();
    const open = dialog.getByRole('link', { name: LABELS.fr.open });
    const href = new URL((await open.getAttribute('href')) ?? '');
    expect(href.origin + href.pathname).toBe(served.url);
    expect(href.searchParams.get('view')).toBe('compare');
    expect(href.searchParams.get('territories')).toBe('MA-01,MA-02');
    await page.screenshot({ path: path.join(OUT, 'present-3-fr.png') });

    await page.keyboard.press('Home');
    expect(await counter.textContent()).toBe('1 / 3');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((name) => document.activeElement?.textContent === name, LABELS.fr.present);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(errors).toEqual([]);
  });

  it.each(['fr', 'ar', 'en'] as const)('presentation mode is axe clean (%s)', async (lang) => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, `view=overview&lang=${lang}`);
    await openPanel(page, lang);
    await page.getByRole('button', { name: LABELS[lang].present }).click();
    const dialog = page.getByRole('dialog', { name: LABELS[lang].dialog });
    await dialog.waitFor();
    expect(await dialog.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await slideImageReady(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('End');
    await dialog.getByRole('link', { name: LABELS[lang].open }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    if (lang === 'ar') await page.screenshot({ path: path.join(OUT, 'present-3-ar.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('exports the briefing as ONE PowerPoint: a slide per view, native charts, notes with sources', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=fr');
    await openPanel(page);
    const { name, bytes } = await downloadFrom(
      page,
      page.getByRole('button', { name: 'Exporter le briefing (PowerPoint)' }),
      OUT,
    );
    expect(name).toMatch(/^mouchir_briefing_3-vues_\d{4}-\d{2}-\d{2}\.pptx$/);
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.keys(zip.files);
    expect(files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(3);
    const charts = files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort();
    expect(charts).toHaveLength(2);
    const read = async (f: string) => (await zip.file(f)?.async('string')) ?? '';
    // Each chart carries its data (cached values), not a picture.
    for (const c of charts) {
      const xml = await read(c);
      expect(xml).toMatch(/<c:(lineChart|barChart)>/);
      expect(xml).toMatch(/<c:v>\d+(\.\d+)?<\/c:v>/);
    }
    const slides = await Promise.all([1, 2, 3].map((i) => read(`ppt/slides/slide${i}.xml`)));
    VIEWS.forEach((v, i) => expect(slides[i]).toContain(v.name));
    expect(slides[0]).toContain('<p:graphicFrame>');
    expect(slides[2]).toContain('Ouvrir la vue');
    const notes = await Promise.all([1, 2, 3].map((i) => read(`ppt/notesSlides/notesSlide${i}.xml`)));
    for (const n of notes.slice(0, 2)) {
      expect(n).toContain('Statut : ');
      expect(n).toMatch(/Source|HCP/);
      expect(n).toContain('Lien vers la vue : http://127.0.0.1:4525/');
    }
    expect(notes[2]).toContain('view=compare');
    expect(errors).toEqual([]);
  });

  it('prints the briefing as one document: a page per view, looked at as pictures', { timeout: 120_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=fr');
    // The browser's print dialog cannot be driven headless: count the call, then print as Chromium does (page.pdf).
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => {
        w.__printed += 1;
      };
    });
    await openPanel(page);
    await page.getByRole('button', { name: 'Exporter le briefing (PDF)' }).click();
    await page.locator('.briefing-print[data-briefing-print="ready"]').waitFor({ state: 'attached', timeout: WAIT });
    await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    await page.getByRole('status').filter({ hasText: 'Briefing prêt à imprimer (3 pages)' }).waitFor();
    const file = path.join(OUT, 'briefing-fr.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(3);
    const pages = [1, 2, 3].map((p) =>
      squash(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' })),
    );
    VIEWS.forEach((v, i) => {
      const text = pages[i] ?? '';
      expect(text).toContain(squash(v.name));
      expect(text).toContain(squash(`Vue ${i + 1} sur 3`));
      expect(text).toContain(squash('Lien vers la vue'));
      expect(text).toContain(squash('Imprimé le'));
    });
    for (const text of pages.slice(0, 2)) {
      expect(text).toContain(squash('Statut : '));
      expect(text).toContain(squash('Sources'));
    }
    expect(pages[2]).toContain(squash('Vue : Comparer'));
    // Nothing of the app on paper: no navigation, no saved views panel.
    for (const text of pages) {
      expect(text).not.toContain(squash('Enregistrer cette vue'));
      expect(text).not.toContain(squash('Explorateur'));
    }
    toPictures(file, 'briefing-fr');
    expect(errors).toEqual([]);
  });

  it('prints the Arabic briefing right to left, a page per view', { timeout: 120_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=ar');
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await openPanel(page, 'ar');
    await page.getByRole('button', { name: 'تصدير الإحاطة (PDF)' }).click();
    const doc = page.locator('.briefing-print[data-briefing-print="ready"]');
    await doc.waitFor({ state: 'attached', timeout: WAIT });
    expect(await doc.getAttribute('dir')).toBe('rtl');
    const file = path.join(OUT, 'briefing-ar.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(3);
    const all = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    // The names the user typed (French here) and each view's link, whatever the page's direction.
    for (const v of VIEWS) expect(all).toContain(squash(v.name));
    expect(all).toContain(squash('view=compare&territories=MA-01,MA-02'));
    toPictures(file, 'briefing-ar');
    expect(errors).toEqual([]);
  });

  it('follows the list’s order: a view moved up plays first', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=fr');
    await openPanel(page);
    const panel = page.locator('[data-saved-views-panel]');
    const up = panel
      .getByRole('group', { name: `Actions sur « ${VIEWS[2].name} »` })
      .getByRole('button', { name: /Monter/ });
    await up.click();
    await panel.getByRole('status').filter({ hasText: 'position 2 sur 3' }).waitFor();
    await up.click();
    await panel.getByRole('status').filter({ hasText: 'position 1 sur 3' }).waitFor();
    await panel.getByRole('button', { name: LABELS.fr.present }).click();
    const dialog = page.getByRole('dialog', { name: LABELS.fr.dialog });
    await dialog.waitFor();
    expect(await page.locator('.pm-sr').textContent()).toBe(LABELS.fr.announce(1, VIEWS[2].name));
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.pm-sr').textContent()).toMatch(
      new RegExp(`^${LABELS.fr.announce(2, VIEWS[0].name)} — `),
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('a map view joins the briefing as its picture, on screen and in the deck', { timeout: 120_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const name = 'Chômage par province';
    await saveView(page, 'view=explorer&tab=map&indicator=unemployment-rate&level=province&lang=fr', name);
    const panel = page.locator('[data-saved-views-panel]');
    await panel.getByRole('button', { name: 'Présenter le briefing (4)' }).click();
    const dialog = page.getByRole('dialog', { name: LABELS.fr.dialog });
    await dialog.waitFor();
    await page.keyboard.press('End');
    expect(await page.locator('.pm-sr').textContent()).toMatch(new RegExp(`^${LABELS.fr.announce(4, name, 4)} — `));
    await slideImageReady(page);
    expect(await page.locator('.pm-stage img').getAttribute('alt')).toMatch(/Taux de chômage/);
    await page.screenshot({ path: path.join(OUT, 'present-map-fr.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const { bytes } = await downloadFrom(
      page,
      panel.getByRole('button', { name: 'Exporter le briefing (PowerPoint)' }),
      OUT,
    );
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.keys(zip.files);
    expect(files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(4);
    expect(files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
    const mapSlide = (await zip.file('ppt/slides/slide4.xml')?.async('string')) ?? '';
    expect(mapSlide).toContain(name);
    expect(mapSlide).toContain('<p:pic>');
    expect(mapSlide).toContain('<a:tbl>');
    expect(files.some((f) => /^ppt\/media\/.+\.png$/.test(f))).toBe(true);
    const notes = (await zip.file('ppt/notesSlides/notesSlide4.xml')?.async('string')) ?? '';
    expect(notes).toContain('Statut : ');
    expect(notes).toContain('tab=map');
    expect(errors).toEqual([]);
  });

  it('a view taken out of the briefing stays saved and is no longer played', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=overview&lang=fr');
    await openPanel(page);
    const panel = page.locator('[data-saved-views-panel]');
    const box = panel.getByRole('checkbox', { name: /^Dans le briefing ?: Chômage par province$/ });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await panel.getByRole('status').filter({ hasText: 'retirée du briefing' }).first().waitFor();
    await panel.getByRole('button', { name: 'Présenter le briefing (3)' }).waitFor();
    // Still saved (and still in the list after a reload), just not in the briefing.
    await page.reload();
    await waitForApp(page);
    await openPanel(page);
    expect(await panel.getByRole('checkbox', { name: /Chômage par province$/ }).isChecked()).toBe(false);
    await panel.getByRole('button', { name: 'Présenter le briefing (3)' }).click();
    const dialog = page.getByRole('dialog', { name: LABELS.fr.dialog });
    await dialog.waitFor();
    await page.keyboard.press('End');
    expect(await page.locator('.pm-counter').textContent()).toBe('3 / 3');
    expect(await page.locator('.pm-sr').textContent()).not.toContain('Chômage par province');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
