/**
 * Issue 4 journey "someone opens the Benslimane projects" (`?view=projects&territories=MA-BES`), the status
 * filter as a URL parameter, and issue 6 for the projects view: no axe violation in fr, ar and en.
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
import shippedProjects from '../../data/projects.json' with { type: 'json' };

const stadiumData = shippedProjects.data.find((p) => p.id === 'grand-stade-hassan-ii');

/** axe walks every node of a long page: allow for a busy 2-core machine. */
const AXE_TIMEOUT_MS = 180_000;

describe('projects in Chromium', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist({ port: 4343 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('opens the Benslimane projects from a link: the stadium with its capacity, timeline and sources', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=projects&territories=MA-BES');
    await page.getByRole('heading', { level: 1, name: 'Projets' }).waitFor();
    const stadium = page.locator('article[data-project="grand-stade-hassan-ii"]');
    await stadium.waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Territoire', { exact: true }).inputValue()).toBe('MA-BES');
    // Every listed project is in Benslimane.
    const territories = await page
      .locator('article[data-project] dd')
      .evaluateAll((dds) => dds.map((d) => d.textContent));
    expect(territories).toContain('Benslimane');
    expect((await stadium.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('115 000 places');
    expect(await stadium.locator('.mv-source a').getAttribute('href')).toMatch(/^https?:\/\//);
    // Progress: data/projects.json publishes none for the stadium (`progress: null`), so the card says
    // "non publié" and draws no progressbar (a bar would invent a figure the source never gave).
    expect(stadiumData?.progress).toBeNull();
    expect(await stadium.getByRole('progressbar').count()).toBe(0);
    expect(await stadium.textContent()).toContain('non publié');
    // The timeline shows the same projects, with a today line.
    const rows = await page.locator('.mv-timeline__row[data-project]').count();
    expect(rows).toBe(await page.locator('article[data-project]').count());
    expect(await page.locator('[data-today="true"]').count()).toBe(1);
    // Illustrative projects are marked as such.
    for (const card of await page.locator('article[data-status="illustrative"]').all())
      expect(await card.textContent()).toContain('Illustratif');
    expect(errors).toEqual([]);
  });

  it('filters by status, in the URL, and an indicator link opens the explorer for the project territory', async () => {
    const page = browser.page;
    await openApp(page, served.url, 'view=projects&territories=MA-BES');
    await page.locator('article[data-project]').first().waitFor({ timeout: 20_000 });
    const before = await page.locator('article[data-project]').count();
    await page.getByLabel('Statut du projet').selectOption('announced');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('announced');
    const statuses = await page
      .locator('article[data-project] dd[data-project-status]')
      .evaluateAll((d) => d.map((e) => e.getAttribute('data-project-status')));
    expect(statuses.every((s) => s === 'announced')).toBe(true);
    expect(statuses.length).toBeLessThanOrEqual(before);
    await page.getByLabel('Statut du projet').selectOption('');
    const link = page.locator('article[data-project="grand-stade-hassan-ii"] a[href*="view=explorer"]').first();
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('explorer');
    expect(new URL(page.url()).searchParams.get('territories')).toBe('MA-BES');
  });

  for (const lang of ['fr', 'ar', 'en'] as const) {
    it(
      `no axe violations on the projects view (${lang})`,
      async () => {
        const page = browser.page;
        await openApp(page, served.url, `view=projects${lang === 'fr' ? '' : `&lang=${lang}`}`);
        await page.locator('article[data-project]').first().waitFor({ timeout: 20_000 });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const result = await axeBuilder(page).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        );
      },
      AXE_TIMEOUT_MS,
    );
  }
});
