/**
 * Issue 14 "done when", on the real build and the real data: the AMO Tadamon beneficiaries chart's PNG, SVG, CSV and
 * PowerPoint show "≈ 10 M" (Dec 2022, approximate) and "> 11 M" (Mar 2024, lower bound) with their notes and each
 * point's own source; the PowerPoint notes of a census chart start with "HCP"; and no export in French or Arabic
 * carries a word of the English notes. The PNGs are kept in .tmp/export-provenance-e2e for a look.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  openApp,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { downloadFrom, pngSize } from './export-files.ts';
import { parseCsv } from '../csv-reader.ts';

const PORT = 4545;
const OUT = path.resolve('.tmp/export-provenance-e2e');
const AMO = 'view=explorer&tab=chart&indicator=amo-tadamon-beneficiaries&territories=MA';

type Lang = 'fr' | 'ar';
interface DataObservation {
  indicator: string;
  period: string;
  qualifier?: string;
  note?: { fr: string; ar: string; en: string } | null;
  source?: { publisher: string };
}
const observations = (
  JSON.parse(fs.readFileSync('data/observations/programmes.json', 'utf8')) as { data: DataObservation[] }
).data.filter((o) => o.indicator === 'amo-tadamon-beneficiaries');
const approx = observations.find((o) => o.period === '2022-12');
const lower = observations.find((o) => o.period === '2024-03');

/** Words of the English notes of the chart that its French notes do not have: a leak would show one of them. */
function englishOnlyWords(): string[] {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{5,}/g) ?? []);
  const fr = new Set(observations.flatMap((o) => [...words(o.note?.fr ?? '')]));
  return [...new Set(observations.flatMap((o) => [...words(o.note?.en ?? '')]))].filter((w) => !fr.has(w));
}

const LABELS = {
  fr: {
    menu: 'Exporter',
    png: "Télécharger l'image PNG",
    svg: "Télécharger l'image SVG",
    csv: 'Télécharger le CSV (données affichées)',
    pptx: 'Télécharger le PowerPoint',
    approx: '≈ 10 M',
    lower: '> 11 M',
  },
  ar: {
    menu: 'تصدير',
    png: 'تنزيل الصورة PNG',
    svg: 'تنزيل الصورة SVG',
    csv: 'تنزيل CSV (البيانات المعروضة)',
    pptx: 'تنزيل ملف PowerPoint',
    approx: '≈ 10 مليون',
    lower: 'أكثر من 11 مليون',
  },
} as const;

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT }, (s, b) => {
  served = s;
  browser = b;
});

/** Intl's no-break spaces read as plain spaces; XML entities decoded. */
function plain(s: string): string {
  return s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function openMenu(page: Page, name: string): Promise<void> {
  const trigger = page.getByRole('button', { name, exact: true }).first();
  await trigger.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('dialog').first().waitFor();
}

function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer; file: string }> {
  return downloadFrom(page, page.getByRole('button', { name: button, exact: true }), OUT);
}

/** The texts of a downloaded SVG by class, read in a blank page (the app's CSP says nothing about the file). */
async function svgTexts(text: string): Promise<Record<string, string[]>> {
  const blank = await browser.context.newPage();
  const out = await blank.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const by = (cls: string) => [...doc.querySelectorAll(`text.${cls}`)].map((t) => t.textContent ?? '');
    return {
      errors: doc.getElementsByTagName('parsererror').length === 0 ? [] : ['parsererror'],
      labels: by('value-label'),
      footnotes: by('footnote'),
      sources: by('source'),
      more: [...by('source-more'), ...by('footnote-more')],
      // Every word the picture carries (texts, title, description), without the markup.
      all: [doc.documentElement.textContent ?? ''],
    };
  }, text);
  await blank.close();
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.map(plain)]));
}

/** Slides and notes of a downloaded deck, as text. */
async function deckTexts(bytes: Buffer): Promise<{ slides: string; notes: string; all: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
  const read = async (n: string) => (await zip.file(n)?.async('string')) ?? '';
  const runs = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => plain(m[1] ?? ''));
  const slides = (await Promise.all(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(read)))
    .map((x) => runs(x).join('\n'))
    .join('\n');
  const notes = (await Promise.all(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map(read)))
    .map((x) => runs(x).join('\n'))
    .join('\n');
  // Every text run of every part (slides, notes, chart caches), without the markup.
  const all = (await Promise.all(names.map(read)))
    .flatMap((x) => [...x.matchAll(/<(?:a:t|c:v)>([^<]*)<\/(?:a:t|c:v)>/g)].map((m) => plain(m[1] ?? '')))
    .join('\n');
  return { slides, notes, all };
}

describe('provenance in the exports of the real data (issue 14)', () => {
  it('the data carry the two qualified AMO Tadamon points with their own sources', () => {
    expect(approx).toMatchObject({ qualifier: 'approx', source: { publisher: expect.any(String) } });
    expect(lower).toMatchObject({ qualifier: 'lower-bound', source: { publisher: expect.any(String) } });
    expect(approx?.source?.publisher).not.toBe(lower?.source?.publisher);
  });

  it.each(['fr', 'ar'] as const)(
    'AMO Tadamon (%s): PNG, SVG, CSV and PowerPoint show "≈ 10 M" and "> 11 M", their notes and sources',
    async (lang: Lang) => {
      const L = LABELS[lang];
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, `${AMO}&lang=${lang}`);
      await openMenu(page, L.menu);
      const english = englishOnlyWords();
      expect(english.length).toBeGreaterThan(3);
      const noEnglish = (what: string, text: string) => {
        for (const w of english) expect(text.toLowerCase(), `${what}: "${w}"`).not.toMatch(new RegExp(`\\b${w}\\b`));
      };

      // PNG: kept for a look (the picture itself is the SVG below, rasterised).
      const png = await download(page, L.png);
      expect(pngSize(png.bytes)).toEqual({ width: 3840, height: 2160 });
      fs.copyFileSync(png.file, path.join(OUT, `amo-tadamon-${lang}.png`));

      // SVG: the signs at the points, the footnotes with the notes, the sources as citations.
      const svgText = (await download(page, L.svg)).bytes.toString('utf8');
      fs.writeFileSync(path.join(OUT, `amo-tadamon-${lang}.svg`), svgText);
      const svg = await svgTexts(svgText);
      expect(svg.errors).toEqual([]);
      expect(svg.labels?.some((l) => l.startsWith(L.approx))).toBe(true);
      expect(svg.labels?.some((l) => l.startsWith(L.lower))).toBe(true);
      const footnotes = svg.footnotes?.join(' ') ?? '';
      expect(footnotes).toContain(L.approx);
      expect(footnotes).toContain(L.lower);
      expect(footnotes).toContain(plain(approx?.note?.[lang] ?? '—').slice(0, 25));
      expect(footnotes).toContain(plain(lower?.note?.[lang] ?? '—').slice(0, 25));
      const cited = svg.sources?.join('\n') ?? '';
      expect(cited).toContain(approx?.source?.publisher ?? '—');
      // Six points, six sources: the first ones named, the others counted ("+ 2 autres sources dans le CSV").
      expect(svg.more?.some((m) => m.includes('CSV'))).toBe(true);
      noEnglish('svg', svg.all?.join('\n') ?? '');

      // CSV: each point's own source and its qualified value, qualifier and note.
      const csvText = (await download(page, L.csv)).bytes.toString('utf8');
      const rows = parseCsv(csvText.slice(1)).map((r) => r.map(plain));
      const row = (period: string) => rows.find((r) => r[1] === 'MA' && r[2] === period) ?? [];
      expect(row('2022-12')[4]).toBe(L.approx);
      expect(row('2024-03')[4]).toBe(L.lower);
      expect(row('2022-12')[8]).toBe(plain(approx?.note?.[lang] ?? '—'));
      expect(row('2024-03')[8]).toBe(plain(lower?.note?.[lang] ?? '—'));
      expect(
        row('2022-12')
          .at(-1)
          ?.startsWith(approx?.source?.publisher ?? '—'),
      ).toBe(true);
      expect(
        row('2024-03')
          .at(-1)
          ?.startsWith(lower?.source?.publisher ?? '—'),
      ).toBe(true);
      const distinct = new Set(observations.map((o) => JSON.stringify(o.source ?? null))).size;
      expect(rows.filter((r) => r[0]?.startsWith('# ') && /\d\/\d/.test(r[0] ?? '')).length).toBe(distinct);
      noEnglish('csv', csvText);

      // PowerPoint: footnotes on the slide, every source and both qualified points in the notes.
      const pptx = (await download(page, L.pptx)).bytes;
      fs.writeFileSync(path.join(OUT, `amo-tadamon-${lang}.pptx`), pptx);
      const deck = await deckTexts(pptx);
      expect(deck.slides).toContain(L.approx);
      expect(deck.slides).toContain(L.lower);
      for (const o of observations) expect(deck.notes).toContain(o.source?.publisher ?? '—');
      expect(deck.notes).toContain(plain(approx?.note?.[lang] ?? '—'));
      expect(deck.notes).toContain(plain(lower?.note?.[lang] ?? '—'));
      noEnglish('pptx', deck.all);
      expect(errors).toEqual([]);
    },
  );

  it('a census chart: the PowerPoint notes start with HCP, the slide and picture cite HCP first', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=explorer&tab=chart&indicator=population&territories=MA-06,MA-07&lang=fr');
    await openMenu(page, 'Exporter');
    const zip = await JSZip.loadAsync((await download(page, 'Télécharger le PowerPoint')).bytes);
    const notesXml = (await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')) ?? '';
    const first = /<a:t>([^<]*)<\/a:t>/.exec(notesXml)?.[1] ?? '';
    expect(first).toMatch(/^HCP/);
    const slide = plain((await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '');
    expect(slide).toMatch(/Source : HCP/);
    const svg = await svgTexts((await download(page, "Télécharger l'image SVG")).bytes.toString('utf8'));
    expect(svg.sources?.[0]).toMatch(/^Source : HCP/);
    expect(errors).toEqual([]);
  });

  it('the synthetic catalogue: PNG, SVG, CSV and PowerPoint are stamped (issue 14 item 4)', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(
      page,
      served.url,
      'view=explorer&tab=chart&dataset=stress&indicator=synthetic-02&territories=MA-06&lang=fr',
    );
    await openMenu(page, 'Exporter');
    const stamp = 'Données synthétiques — test de charge, pas des chiffres réels';
    const png = await download(page, "Télécharger l'image PNG");
    fs.copyFileSync(png.file, path.join(OUT, 'synthetic-fr.png'));
    const svgText = (await download(page, "Télécharger l'image SVG")).bytes.toString('utf8');
    expect(svgText).toContain(`class="synthetic-stamp"`);
    expect(svgText).toContain(stamp);
    const csv = (await download(page, 'Télécharger le CSV (données affichées)')).bytes.toString('utf8');
    expect(parseCsv(csv.slice(1))[0]).toEqual(['# DONNÉES SYNTHÉTIQUES', stamp]);
    const deck = await deckTexts((await download(page, 'Télécharger le PowerPoint')).bytes);
    expect(deck.slides).toContain(stamp);
    expect(deck.notes.startsWith(stamp)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('presentation mode: the AMO Tadamon slide shows the qualified values, notes and sources', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, `${AMO}&lang=fr`);
    await page.getByRole('button', { name: 'Présenter', exact: true }).first().click();
    const img = page.locator('.pm-stage img');
    await img.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(OUT, 'presentation-amo-tadamon-fr.png') });
    // The slide is the composed picture (signs, marks, footnotes, citations); its text alternative reads them all.
    const alt = plain((await img.getAttribute('alt')) ?? '');
    expect(alt).toContain('≈ 10 M');
    expect(alt).toContain('> 11 M');
    expect(alt).toContain(plain(approx?.note?.fr ?? '—'));
    for (const o of observations) expect(alt).toContain(`Source : ${o.source?.publisher ?? '—'}`);
    const src = (await img.getAttribute('src')) ?? '';
    const svg = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
    expect(plain(svg)).toContain('≈ 10 M¹');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
