/**
 * Issue 4 journey "the official opens the overview and reads a KPI with its source", and issue 6 for the
 * overview: Arabic mirrors (dir=rtl, translated), no axe violation in fr, ar and en. Real Chromium, built app,
 * mock API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeBuilder,
  collectConsoleErrors,
  launchBrowser,
  openApp,
  serveDist,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

/** axe walks every node of a long page: allow for a busy 2-core machine. */
const AXE_TIMEOUT_MS = 180_000;

describe('overview in Chromium', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist({ port: 4342 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('the official opens the landing view and reads a KPI with its period, change, status and source', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url);
    await page.getByRole('heading', { level: 1, name: 'Vue d’ensemble' }).waitFor();
    const cards = page.locator('article.mv-kpi');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    // The first headline card: a figure, its period, its status in words and a dated source link.
    const card = cards.first();
    const value = card.locator('.mv-kpi-value');
    await value.waitFor({ timeout: 20_000 });
    expect(await value.textContent()).toMatch(/\d/);
    expect(await card.locator('.mv-kpi-period').textContent()).toMatch(/^Période : /);
    expect(await card.locator('.badge').textContent()).toMatch(/Officiel|Estimation|Illustratif/);
    const source = card.locator('.mv-source a');
    expect(await source.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await source.textContent()).toMatch(/\S/);
    expect(await card.locator('.mv-delta').textContent()).toMatch(/\S/);
    // Opening the card goes to the explorer for that indicator, as a URL.
    const id = await card.getAttribute('data-indicator');
    await card.getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('explorer');
    expect(new URL(page.url()).searchParams.get('indicator')).toBe(id);
    expect(errors).toEqual([]);
  });

  it('a province without a national programme figure offers the national one', async () => {
    const page = browser.page;
    await openApp(page, served.url, 'territories=MA-BES');
    await page.getByLabel('Territoire affiché').waitFor();
    expect(await page.getByLabel('Territoire affiché').inputValue()).toBe('MA-BES');
    const offer = page.getByRole('button', { name: 'Afficher le chiffre national' }).first();
    await offer.waitFor({ timeout: 20_000 });
    // The button goes away once clicked: find the card again by its indicator.
    const id = await page.locator('article.mv-kpi', { has: offer }).first().getAttribute('data-indicator');
    const card = page.locator(`article.mv-kpi[data-indicator="${id}"]`);
    await offer.click();
    await expect.poll(async () => (await card.locator('.mv-kpi-value').textContent()) ?? '').toMatch(/\d/);
    expect(await card.textContent()).toContain('Chiffre national (Maroc)');
  });

  for (const lang of ['fr', 'ar', 'en'] as const) {
    it(
      `no axe violations on the overview (${lang})`,
      async () => {
        const page = browser.page;
        await openApp(page, served.url, lang === 'fr' ? '' : `lang=${lang}`);
        await expect
          .poll(() => page.locator('article.mv-kpi .mv-kpi-value').count(), { timeout: 20_000 })
          .toBeGreaterThan(2);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        if (lang === 'ar') await page.getByRole('heading', { level: 1, name: 'نظرة عامة' }).waitFor();
        const result = await axeBuilder(page).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        );
      },
      AXE_TIMEOUT_MS,
    );
  }
});
