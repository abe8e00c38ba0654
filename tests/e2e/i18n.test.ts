/**
 * Issue 6, languages: switch French → Arabic → English through the header's language select (no URL
 * editing) and check translated text, `lang`/`dir` on <html>, numbers formatted per locale, the language
 * kept across reload and in the URL, and the Arabic chart's mirrored axes read from the SVG itself.
 *
 * The figure used is the national unemployment rate of the 2024 census, 21.3 (data/observations/census.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const NNBSP = '\u202f';
/** Arabic-Indic (U+0660–0669) and extended Arabic-Indic (U+06F0–06F9) digits: never shown (Latin digits chosen). */
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/;

let served: ServedDist;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await serveDist({ port: 4380 });
  browser = await launchBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function docLang(page: Page): Promise<string> {
  return page.evaluate(() => `${document.documentElement.lang}|${document.documentElement.dir}`);
}

/** The legend entry of the single line ("Maroc 21,3 % (2024)"). */
async function legendText(page: Page): Promise<string> {
  return page.locator('.line-chart .legend__item').first().innerText();
}

/** Centre x of each tick label of an axis, in DOM order, with its text. */
async function axisTicks(page: Page, axis: 'x' | 'y'): Promise<{ text: string; x: number }[]> {
  // recharts 3 draws tick labels in their own layer (`.recharts-xAxis-tick-labels`), not inside the axis group.
  const cls = axis === 'x' ? '.recharts-xAxis-tick-labels' : '.recharts-yAxis-tick-labels';
  return page.locator(`.line-chart ${cls} text.recharts-cartesian-axis-tick-value`).evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { text: n.textContent ?? '', x: r.left + r.width / 2 };
    }),
  );
}

async function plotBox(page: Page): Promise<{ left: number; right: number }> {
  return page
    .locator('.line-chart__plot svg.recharts-surface')
    .first()
    .evaluate((n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
}

describe('languages through the UI', () => {
  it('fr → ar → en: text, lang/dir, numbers, URL, reload, remembered, RTL axes', { timeout: 240_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=explorer&tab=chart&indicator=unemployment-rate&territories=MA');
    await expect.poll(() => countChartLines(page), { timeout: 30_000 }).toBe(1);

    // French, the default.
    expect(await docLang(page)).toBe('fr|ltr');
    await page.getByRole('heading', { name: 'Explorateur d’indicateurs' }).waitFor({ timeout: 15_000 });
    // fr: decimal comma and a narrow no-break space before the percent sign.
    await expect.poll(() => legendText(page)).toContain(`21,3${NNBSP}%`);
    const frX = await axisTicks(page, 'x');
    expect(frX.length).toBeGreaterThanOrEqual(2);
    // Time runs left → right in French: the first tick (earliest period) is left of the last.
    expect(frX[0]!.x).toBeLessThan(frX.at(-1)!.x);

    // Arabic, through the header's select.
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('ar');
    await expect.poll(() => docLang(page)).toBe('ar|rtl');
    await page.getByRole('heading', { name: 'مستكشف المؤشرات' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');
    await expect.poll(() => legendText(page)).toMatch(/21,3\u200e?%/);
    const arLegend = await legendText(page);
    expect(arLegend).toContain('المغرب');
    expect(arLegend).not.toMatch(ARABIC_INDIC);
    // Period labels and every tick: Latin digits too.
    const arX = await axisTicks(page, 'x');
    const arY = await axisTicks(page, 'y');
    for (const t of [...arX, ...arY]) expect(t.text).not.toMatch(ARABIC_INDIC);
    // RTL time axis: the earliest period sits on the right, the latest on the left.
    expect(arX.length).toBeGreaterThanOrEqual(2);
    const year = (t: { text: string }) => Number(/\d{4}/.exec(t.text)?.[0] ?? NaN);
    const earliest = arX.reduce((a, b) => (year(b) < year(a) ? b : a));
    const latest = arX.reduce((a, b) => (year(b) > year(a) ? b : a));
    expect(year(earliest)).toBeLessThan(year(latest));
    expect(earliest.x).toBeGreaterThan(latest.x);
    // Value axis on the right: every y tick label in the right half of the plot.
    const box = await plotBox(page);
    const middle = (box.left + box.right) / 2;
    expect(arY.length).toBeGreaterThanOrEqual(2);
    for (const t of arY) expect(t.x).toBeGreaterThan(middle);
    // …and on the left in French (checked after switching back below).

    // The language survives a reload (it is in the URL)…
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'مستكشف المؤشرات' }).waitFor({ timeout: 30_000 });
    expect(await docLang(page)).toBe('ar|rtl');
    // …and is remembered when a link carries no language at all.
    await openApp(page, served.url, 'view=overview');
    await expect.poll(() => docLang(page), { timeout: 15_000 }).toBe('ar|rtl');
    expect(new URL(page.url()).searchParams.get('lang') ?? 'ar').toBe('ar');

    // English.
    await openApp(page, served.url, 'view=explorer&tab=chart&indicator=unemployment-rate&territories=MA');
    await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
    await expect.poll(() => docLang(page)).toBe('en|ltr');
    await page.getByRole('heading', { name: 'Indicator explorer' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect.poll(() => legendText(page), { timeout: 30_000 }).toContain('21.3%');
    expect(await legendText(page)).toContain('Morocco');
    const enX = await axisTicks(page, 'x');
    expect(enX[0]!.x).toBeLessThan(enX.at(-1)!.x);
    const enY = await axisTicks(page, 'y');
    const enBox = await plotBox(page);
    for (const t of enY) expect(t.x).toBeLessThan((enBox.left + enBox.right) / 2);

    // Back to French through the select; the URL drops or sets fr, the document follows.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect.poll(() => docLang(page)).toBe('fr|ltr');
    expect(new URL(page.url()).searchParams.get('lang') ?? 'fr').toBe('fr');
    expect(errors).toEqual([]);
  });

  it('formats percentages per locale in the table, Latin digits in Arabic', { timeout: 120_000 }, async () => {
    const page = browser.page;
    // The national unemployment rate, 2014 and 2024, and its change: one table per language.
    const rows: Record<string, string> = {};
    for (const lang of ['fr', 'ar', 'en'] as const) {
      await openApp(
        page,
        served.url,
        `view=explorer&tab=table&indicator=unemployment-rate&territories=MA&lang=${lang}`,
      );
      const table = page.getByRole('table');
      await table.waitFor({ timeout: 30_000 });
      const text = await table.innerText();
      rows[lang] = text;
      expect(text).not.toMatch(ARABIC_INDIC);
    }
    expect(rows.fr).toContain(`21,3${NNBSP}%`);
    expect(rows.ar).toMatch(/21,3\u200e?%/);
    expect(rows.en).toContain('21.3%');
  });
});

/**
 * Issue 14: the French and Arabic UIs contain no English note. The words of the data's English notes (and period
 * labels and budget notes) that are not also words of its French or Arabic texts are looked for in the page text of
 * every view — overview, the explorer's chart (line and ranking), map and table tabs, compare, projects — in fr and
 * ar, with every disclosure (sources panel) opened. Citations are left out (a publication's title and publisher are
 * quoted in their own language), and so are links showing a URL.
 */
describe('no English note in the French and Arabic pages (issue 14)', () => {
  /** Whole words (any script) of three letters or more, lower-cased: "reportées" is not "report". */
  const latinWords = (text: string): string[] =>
    (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => /^[a-z]+$/.test(w));
  /** Keyboard keys are named as printed on the keys (Home/End in the Arabic map help). */
  const KEY_NAMES = new Set(['home', 'end', 'enter', 'escape', 'tab', 'space']);

  /** The data's French and Arabic texts, and the titles and names it quotes (sources, republishers, territories). */
  function nonEnglishTexts(): string[] {
    const texts: string[] = [];
    const walk = (v: unknown, key: string) => {
      if (typeof v === 'string') {
        if (key === 'fr' || key === 'ar' || key === 'publisher' || key === 'title' || key === 'name') texts.push(v);
      } else if (Array.isArray(v)) for (const x of v) walk(x, key);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    const files = ['indicators.json', 'projects.json', 'territories.json'].map((f) => `data/${f}`);
    for (const f of readdirSync('data/observations')) files.push(`data/observations/${f}`);
    for (const f of files) walk(JSON.parse(readFileSync(f, 'utf8')), '');
    return texts;
  }
  /** The English notes' words: those of `note.en`, `periodLabel.en` and budget notes, in no French/Arabic text. */
  function englishNoteWords(): Set<string> {
    const notes: string[] = [];
    const walk = (v: unknown, parent: string) => {
      if (Array.isArray(v)) for (const x of v) walk(x, parent);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if ((parent === 'note' || parent === 'periodLabel') && k === 'en' && typeof x === 'string') notes.push(x);
          else walk(x, k);
        }
    };
    for (const f of readdirSync('data/observations'))
      walk(JSON.parse(readFileSync(`data/observations/${f}`, 'utf8')), '');
    walk(JSON.parse(readFileSync('data/projects.json', 'utf8')), '');
    const words = (texts: string[]) => new Set(texts.flatMap(latinWords));
    const allowed = words(nonEnglishTexts());
    return new Set([...words(notes)].filter((w) => !allowed.has(w) && !KEY_NAMES.has(w)));
  }

  /** The page's text without citations and URL links, every `<details>` opened, once the view has settled. */
  async function pageWords(page: Page): Promise<Set<string>> {
    await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
      timeout: 30_000,
    });
    const text = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      const main = (document.querySelector('main') ?? document.body).cloneNode(true) as HTMLElement;
      for (const n of main.querySelectorAll('cite, .mv-source, select, script, style')) n.remove();
      for (const a of main.querySelectorAll('a')) if (/^\s*https?:\/\//.test(a.textContent ?? '')) a.remove();
      document.body.append(main);
      const t = main.innerText;
      main.remove();
      return t;
    });
    return new Set(latinWords(text));
  }

  const VIEWS: { name: string; query: string; ready: string }[] = [
    { name: 'overview', query: 'view=overview', ready: '.mv-kpi-value' },
    {
      name: 'explorer line (AMO Tadamon)',
      query: 'view=explorer&tab=chart&indicator=amo-tadamon-beneficiaries&territories=MA',
      ready: '.line-chart .legend__item',
    },
    {
      name: 'explorer line (AMO coverage, undated point)',
      query: 'view=explorer&tab=chart&indicator=amo-coverage-rate&territories=MA',
      ready: '.line-chart .legend__item',
    },
    {
      name: 'explorer ranking (medical coverage 2024)',
      query: 'view=explorer&tab=chart&indicator=medical-coverage-census&territories=MA-01,MA-03,MA-04,MA-06',
      ready: '.bar-chart',
    },
    {
      name: 'explorer map (urban share)',
      query: 'view=explorer&tab=map&indicator=urban-share&territories=MA',
      ready: '.choropleth svg',
    },
    {
      name: 'explorer table (ASD households)',
      query: 'view=explorer&tab=table&indicator=asd-households&territories=MA,MA-OUJ',
      ready: 'table.data-table',
    },
    {
      name: 'explorer table (population, provinces with notes)',
      query: 'view=explorer&tab=table&indicator=population&territories=MA-HOC,MA-CHE,MA-FAH,MA-LAR,MA-OUZ',
      ready: 'table.data-table',
    },
    {
      name: 'explorer table (establishments, regions)',
      query: 'view=explorer&tab=table&indicator=economic-establishments&territories=MA,MA-01,MA-02,MA-03,MA-04',
      ready: 'table.data-table',
    },
    { name: 'compare', query: 'view=compare&territories=MA-04,MA-06,MA-OUJ', ready: 'tr[data-indicator] td data' },
    { name: 'projects', query: 'view=projects', ready: '.mv-projects-list' },
  ];

  it('the English notes’ words are known and not French', () => {
    const words = englishNoteWords();
    expect(words.size).toBeGreaterThan(50);
    for (const w of ['the', 'value', 'figure', 'households']) expect(words).toContain(w);
  });

  /** The English note words each view shows in `lang`, as "view: word, word". */
  async function leaks(lang: 'fr' | 'ar' | 'en'): Promise<string[]> {
    const english = englishNoteWords();
    const page = browser.page;
    const found: string[] = [];
    for (const view of VIEWS) {
      await openApp(page, served.url, `${view.query}&lang=${lang}`);
      await page.locator(view.ready).first().waitFor({ timeout: 30_000 });
      const leaked = [...(await pageWords(page))].filter((w) => english.has(w));
      if (leaked.length > 0) found.push(`${view.name}: ${leaked.join(', ')}`);
    }
    return found;
  }

  it.each(['fr', 'ar'] as const)('%s: no English note word in any view', { timeout: 300_000 }, async (lang) => {
    expect(await leaks(lang)).toEqual([]);
  });

  it(
    'en: the scan sees the English notes where the views show them (the check can fail)',
    { timeout: 300_000 },
    async () => {
      const found = await leaks('en');
      // Notes show in the KPI cards, the tooltips' sources panel, the table notes and the missing-value lists.
      expect(found.length).toBeGreaterThanOrEqual(5);
      expect(found.join(' ')).toMatch(/\bthe\b/);
    },
  );
});
