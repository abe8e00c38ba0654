/**
 * Issue 14 item 4 in Chromium: synthetic mode is unmistakable and never sticks.
 *
 * - In fr and ar, `?dataset=stress` puts the banner (a region named by its heading) on each of the four views,
 *   at the top of the page, with no axe violation; the address bar, the copied link and the exports' link carry
 *   no `dataset`, and localStorage holds no dataset setting.
 * - "Back to the real data" works in one click: the banner goes, the catalogue and the figures are the real ones
 *   (picker, KPI cards, the API itself), the view is kept as far as it is valid (view, territories), the address
 *   has no `dataset`, and a reload stays on the real data.
 * - On a 390 px phone the banner and its button are on screen, above the chart and not over it.
 * - An old `localStorage['mouchir.dataset'] = 'stress'` is ignored and removed.
 *
 * Every wait is on a condition (no sleeps), so it holds on a loaded machine.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  collectConsoleErrors,
  countChartLines,
  openApp,
  recordApiAnswers,
  seedStorage,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
  waitForApp,
} from './harness.ts';
import { downloadFrom } from './export-files.ts';

const PORT = 4396;
const OUT = path.resolve('.tmp/stress-mode-e2e');
const WAIT = 30_000;
const VIEWS = ['overview', 'explorer', 'compare', 'projects'] as const;

const T = {
  fr: {
    title: 'Données synthétiques de test : aucun chiffre n’est réel',
    back: 'Revenir aux données réelles',
    done: 'Données réelles affichées.',
    nav: { overview: 'Aperçu', explorer: 'Explorateur', compare: 'Comparer', projects: 'Projets' },
    views: 'Vues',
    copy: 'Copier le lien',
    indicator: 'Indicateur',
    synthetic: 'Synthétique',
    firstSynthetic: 'Synthétique 01 — Indice d’activité',
    realKpi: 'Taux de couverture AMO',
    exportButton: 'Exporter',
    svg: "Télécharger l'image SVG",
    csv: 'Télécharger le CSV (données affichées)',
    stamp: 'Données synthétiques — test de charge, pas des chiffres réels',
  },
  ar: {
    title: 'بيانات اختبار اصطناعية: لا يوجد أي رقم حقيقي',
    back: 'العودة إلى البيانات الحقيقية',
    done: 'البيانات الحقيقية معروضة.',
    nav: { overview: 'نظرة عامة', explorer: 'المستكشف', compare: 'مقارنة', projects: 'المشاريع' },
    views: 'العروض',
    copy: 'نسخ الرابط',
    indicator: 'المؤشر',
    synthetic: 'اصطناعي',
    firstSynthetic: 'اصطناعي 01 — مؤشر النشاط',
    realKpi: 'نسبة التغطية بالتأمين الإجباري الأساسي عن المرض',
    exportButton: 'تصدير',
    svg: 'تنزيل الصورة SVG',
    csv: 'تنزيل CSV (البيانات المعروضة)',
    stamp: 'بيانات اصطناعية — اختبار تحميل، وليست أرقاما حقيقية',
  },
} as const;
type Lang = keyof typeof T;

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT }, (s, b) => {
  served = s;
  browser = b;
});

function banner(page: Page, lang: Lang) {
  return page.getByRole('region', { name: T[lang].title });
}

/** The page's address parameters. */
function addressParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Every localStorage entry, as `key=value` lines. */
function storageEntries(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k) ?? ''}`));
}

/** The explorer's indicator picker: the selected id and every id it offers. */
function indicatorPicker(page: Page, lang: Lang): Promise<{ value: string; ids: string[] }> {
  return page
    .getByRole('combobox', { name: T[lang].indicator, exact: true })
    .evaluate((s: HTMLSelectElement) => ({ value: s.value, ids: [...s.options].map((o) => o.value) }));
}

/** Whether the visible text of the page names a synthetic indicator. */
function showsSynthetic(page: Page, lang: Lang): Promise<boolean> {
  return page.evaluate((word) => document.body.innerText.includes(word), T[lang].synthetic);
}

/** Record what the page writes to the clipboard (the copy-link button), whatever the permission. */
async function recordClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) => {
          w.__copied.push(text);
          return Promise.resolve();
        },
      },
    });
  });
}

function copied(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
}

/** Open the chart's export menu and download one of its files, as text. */
async function exportText(page: Page, lang: Lang, button: 'svg' | 'csv'): Promise<string> {
  const trigger = page.getByRole('button', { name: T[lang].exportButton, exact: true }).first();
  await trigger.waitFor({ state: 'visible', timeout: WAIT });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('dialog').first().waitFor({ timeout: WAIT });
  const file = await downloadFrom(page, page.getByRole('button', { name: T[lang][button], exact: true }), OUT);
  return file.bytes.toString('utf8');
}

/** The app links an exported picture prints (the view link under the chart). */
function printedLinks(svg: string): URL[] {
  // Printed without the scheme ("127.0.0.1:4396/?view=…"), as on the pictures.
  return [...svg.matchAll(/(?:https?:\/\/)?127\.0\.0\.1:\d+\/[^<"\s]*/g)].map(
    (m) => new URL((m[0].startsWith('http') ? '' : 'http://') + m[0].replace(/&amp;/g, '&')),
  );
}

/**
 * The stress indicators the data API (the running mock worker) serves now, and how many indicators in all.
 * (Not the `synthetic` category: the real catalogue has one demonstration indicator in it.)
 */
/** A catalogue's synthetic and total counts. */
function counts(data: readonly { id: string }[] = []): { stress: number; all: number } {
  return { stress: data.filter((i) => i.id.startsWith('synthetic-')).length, all: data.length };
}

describe('synthetic mode (issue 14 item 4)', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: the banner is on each of the four views; no link, address or storage keeps the switch`, async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await seedStorage(page, served.url, {}, { clear: true });
      await openApp(page, served.url, `view=overview&lang=${lang}&dataset=stress`);
      await banner(page, lang).waitFor({ timeout: WAIT });
      await page.getByText(T[lang].firstSynthetic).first().waitFor({ timeout: WAIT });
      // The address bar dropped the switch on the first render: copying it shares the real data.
      expect(addressParams(page).has('dataset')).toBe(false);
      expect(addressParams(page).get('lang') ?? 'fr').toBe(lang); // fr is the default, left out
      // At the top of the page, above the header, and read first.
      const box = await banner(page, lang).boundingBox();
      expect(box?.y).toBe(0);
      expect(await page.getByRole('button', { name: T[lang].back }).isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      const nav = page.getByRole('navigation', { name: T[lang].views });
      for (const view of VIEWS) {
        await nav.getByRole('link', { name: T[lang].nav[view], exact: true }).click();
        await nav.locator('[aria-current="page"]', { hasText: T[lang].nav[view] }).waitFor({ timeout: WAIT });
        await page.locator('main h1').first().waitFor({ timeout: WAIT });
        expect(await banner(page, lang).isVisible()).toBe(true);
        await expect.poll(() => addressParams(page).get('view') ?? 'overview', { timeout: WAIT }).toBe(view);
        expect(addressParams(page).has('dataset')).toBe(false);
        if (view === 'explorer') {
          await expect
            .poll(async () => (await indicatorPicker(page, lang)).value, { timeout: WAIT })
            .toMatch(/^synthetic-\d\d$/);
        }
      }

      // The header's copy-link: the view, never the switch.
      await recordClipboard(page);
      await page.getByRole('button', { name: T[lang].copy, exact: true }).click();
      await expect.poll(() => copied(page), { timeout: WAIT }).toHaveLength(1);
      const link = new URL((await copied(page))[0] ?? '');
      expect(link.searchParams.has('dataset')).toBe(false);
      expect(link.searchParams.get('view')).toBe('projects');
      expect(link.searchParams.get('lang') ?? 'fr').toBe(lang);

      const stored = await storageEntries(page);
      expect(stored.filter((e) => /dataset|stress/i.test(e))).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('fr: the way back from the explorer in one click keeps the view, and a reload stays real', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    const catalogues = recordApiAnswers<{ id: string }>(page, 'indicators').answers;
    await openApp(
      page,
      served.url,
      'view=explorer&indicator=synthetic-02&territories=MA-06,MA-07&from=2020-01&to=2024-12&lang=fr&dataset=stress',
    );
    await banner(page, 'fr').waitFor({ timeout: WAIT });
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    expect((await indicatorPicker(page, 'fr')).value).toBe('synthetic-02');
    expect(counts(catalogues.at(-1))).toEqual({ stress: 40, all: 40 });
    const answered = catalogues.length;

    await page.getByRole('button', { name: T.fr.back }).click();

    await banner(page, 'fr').waitFor({ state: 'detached', timeout: WAIT });
    await page.getByRole('status').filter({ hasText: T.fr.done }).waitFor({ state: 'attached', timeout: WAIT });
    // The real catalogue, from the worker and in the page: no synthetic indicator left anywhere.
    await expect.poll(() => catalogues.length, { timeout: WAIT }).toBeGreaterThan(answered);
    expect(counts(catalogues.at(-1)).stress).toBe(0);
    expect(counts(catalogues.at(-1)).all).toBeGreaterThan(5);
    await expect
      .poll(async () => (await indicatorPicker(page, 'fr')).ids.filter((id) => id.startsWith('synthetic-')), {
        timeout: WAIT,
      })
      .toEqual([]);
    const picker = await indicatorPicker(page, 'fr');
    expect(picker.ids.length).toBeGreaterThan(5);
    expect(picker.value).not.toMatch(/^synthetic-/);
    // The chart panel is the real default indicator's (which may have no regional figure: then it says so).
    const name = await page
      .getByRole('combobox', { name: T.fr.indicator, exact: true })
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '');
    await page.locator('.chart-frame__title', { hasText: name }).first().waitFor({ timeout: WAIT });
    expect(await showsSynthetic(page, 'fr')).toBe(false);
    // The view is kept as far as it is valid: the same view and territories, not the synthetic indicator or months.
    await expect.poll(() => addressParams(page).has('indicator'), { timeout: WAIT }).toBe(false);
    const params = addressParams(page);
    expect([params.get('view'), params.get('territories'), params.get('from'), params.has('dataset')]).toEqual([
      'explorer',
      'MA-06,MA-07',
      null,
      false,
    ]);

    // The KPI cards too (the overview mounts on the real catalogue).
    await page
      .getByRole('navigation', { name: T.fr.views })
      .getByRole('link', { name: T.fr.nav.overview, exact: true })
      .click();
    await page.getByText(T.fr.realKpi, { exact: true }).first().waitFor({ timeout: WAIT });
    expect(await showsSynthetic(page, 'fr')).toBe(false);

    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForApp(page, WAIT);
    await page.getByText(T.fr.realKpi, { exact: true }).first().waitFor({ timeout: WAIT });
    expect(await banner(page, 'fr').count()).toBe(0);
    expect(await showsSynthetic(page, 'fr')).toBe(false);
    expect((await storageEntries(page)).filter((e) => /dataset|stress/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('ar, 390 px phone: the banner and its button are on screen above the chart; the way back from the overview', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openApp(page, served.url, 'view=explorer&indicator=synthetic-03&territories=MA-06&lang=ar&dataset=stress');
      await banner(page, 'ar').waitFor({ timeout: WAIT });
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(1);
      const bannerBox = await banner(page, 'ar').boundingBox();
      const button = await page.getByRole('button', { name: T.ar.back }).boundingBox();
      const chart = await page.locator('.recharts-wrapper').first().boundingBox();
      if (!bannerBox || !button || !chart) throw new Error('banner, button or chart not laid out');
      expect(bannerBox.y).toBe(0);
      expect(bannerBox.x).toBeGreaterThanOrEqual(0);
      expect(bannerBox.x + bannerBox.width).toBeLessThanOrEqual(390.5);
      expect(button.y + button.height).toBeLessThanOrEqual(844);
      // In the page flow: the chart starts below the banner, never under it.
      expect(chart.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
      expect(await axeViolations(page)).toEqual([]);

      await page
        .getByRole('navigation', { name: T.ar.views })
        .getByRole('link', { name: T.ar.nav.overview, exact: true })
        .click();
      await page.getByText(T.ar.firstSynthetic).first().waitFor({ timeout: WAIT });
      await page.getByRole('button', { name: T.ar.back }).click();
      await banner(page, 'ar').waitFor({ state: 'detached', timeout: WAIT });
      await page.getByText(T.ar.realKpi, { exact: true }).first().waitFor({ timeout: WAIT });
      expect(await showsSynthetic(page, 'ar')).toBe(false);
      expect(addressParams(page).has('dataset')).toBe(false);
      expect(addressParams(page).get('lang')).toBe('ar');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(errors).toEqual([]);
  });

  it('a reload after opening ?dataset=stress, or an old stored switch, opens the real data', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'lang=fr&dataset=stress');
    await page.getByText(T.fr.firstSynthetic).first().waitFor({ timeout: WAIT });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await waitForApp(page, WAIT);
    await page.getByText(T.fr.realKpi, { exact: true }).first().waitFor({ timeout: WAIT });
    expect(await banner(page, 'fr').count()).toBe(0);

    // What older builds stored: ignored, and removed.
    await seedStorage(page, served.url, { 'mouchir.dataset': 'stress' });
    const catalogues = recordApiAnswers<{ id: string }>(page, 'indicators').answers;
    await openApp(page, served.url, 'lang=fr');
    await page.getByText(T.fr.realKpi, { exact: true }).first().waitFor({ timeout: WAIT });
    expect(await banner(page, 'fr').count()).toBe(0);
    expect(await showsSynthetic(page, 'fr')).toBe(false);
    await expect.poll(() => catalogues.length, { timeout: WAIT }).toBeGreaterThan(0);
    expect(catalogues.map((c) => counts(c).stress)).toEqual(catalogues.map(() => 0));
    expect(await page.evaluate(() => localStorage.getItem('mouchir.dataset'))).toBeNull();
    expect(errors).toEqual([]);
  });

  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: exports of the stress catalogue are stamped and link to the real data; after the way back, no stamp`, async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(
        page,
        served.url,
        `view=explorer&indicator=synthetic-02&territories=MA-06&lang=${lang}&dataset=stress`,
      );
      await banner(page, lang).waitFor({ timeout: WAIT });
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(1);

      const svg = await exportText(page, lang, 'svg');
      expect(svg).toContain(T[lang].stamp);
      const links = printedLinks(svg);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.searchParams.has('dataset')).toBe(false);
        expect(link.searchParams.get('indicator')).toBe('synthetic-02');
      }
      expect(svg).not.toContain('dataset=');
      const csv = await exportText(page, lang, 'csv');
      expect(csv.split(/\r?\n/, 1)[0]).toContain(T[lang].stamp);
      expect(csv).not.toContain('dataset=');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: T[lang].back }).click();
      await banner(page, lang).waitFor({ state: 'detached', timeout: WAIT });
      await page.getByRole('combobox', { name: T[lang].indicator, exact: true }).selectOption('population');
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBeGreaterThan(0);
      const real = await exportText(page, lang, 'svg');
      expect(real).not.toContain(T[lang].stamp);
      expect(printedLinks(real).map((l) => l.searchParams.get('indicator'))).toContain('population');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    });
  }
});
