/**
 * Saved views in Chromium (issue 17 item 1, first half, and its bad-input list), on a build of its own
 * (`.tmp/dist-A`, ports 4520–4524):
 * - save three views (explorer chart from the export menu, map tab and compare from the panel), reload: still there;
 *   move one up, rename one, delete one — each announced, focus kept;
 * - export the file and import it in a fresh browser profile: same names, same order;
 * - bad files (malformed, newer version, huge, markup and formula-like names): their message, nothing imported half,
 *   the list untouched; markup names shown as text (no element made, nothing run);
 * - a saved view whose indicator no longer exists opens with a notice naming it;
 * - axe clean on the panel in fr, ar and en; the panel fits 390 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  buildIfMissing,
  collectConsoleErrors,
  countChartLines,
  isBuildStale,
  launchBrowser,
  openApp,
  pickChartableSelection,
  serveDist,
  type ChartableSelection,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const OUT = '.tmp/dist-A';
const FILES = '.tmp/saved-views-e2e';
const WAIT = 30_000;

/** The panel, once open. */
const panel = (page: Page) => page.locator('dialog[data-saved-views-panel]');

async function openPanel(page: Page, entryName: RegExp): Promise<void> {
  await page.getByRole('button', { name: entryName }).first().click();
  await panel(page).waitFor({ state: 'visible', timeout: WAIT });
}

async function listedNames(page: Page): Promise<string[]> {
  return panel(page).locator('.sv-item__name').allTextContents();
}

/** Import a file through the panel's file input; returns the message shown (status or alert). */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await panel(page).locator('input[data-saved-views-file]').setInputFiles(file);
}

describe('saved views', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let errors: string[];
  let selection: ChartableSelection;
  let chartQuery: string;
  let exported: string;

  beforeAll(async () => {
    buildIfMissing(OUT, {}, isBuildStale(OUT));
    fs.mkdirSync(FILES, { recursive: true });
    served = await serveDist({ dir: OUT, port: 4520 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    errors = collectConsoleErrors(browser.page);
    await openApp(browser.page, served.url, '');
    selection = await pickChartableSelection(browser.page, served.url, 2);
    const [a, b] = selection.territories as [string, string];
    chartQuery = `view=explorer&indicator=${selection.indicator}&territories=${a},${b}`;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('saves three views, keeps them over a reload, moves, renames and deletes them', { timeout: 180_000 }, async () => {
    const page = browser.page;
    await openApp(page, served.url, chartQuery);
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

    // 1. The explorer chart, from the export menu ("Épingler" became "Enregistrer la vue"), default name = title.
    await page.getByRole('button', { name: 'Exporter', exact: true }).first().click();
    await page.getByRole('button', { name: 'Enregistrer la vue' }).click();
    const nameField = page.getByRole('textbox', { name: 'Nom de la vue' });
    const title = await nameField.inputValue();
    expect(title.length).toBeGreaterThan(0);
    await nameField.fill('Graphique AMO');
    await nameField.press('Enter');
    await page.getByText('Vue enregistrée sous « Graphique AMO »').waitFor({ timeout: WAIT });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Vues enregistrées (1)' }).waitFor({ timeout: WAIT });

    // 2. The map tab, from the panel.
    await openApp(page, served.url, `${chartQuery}&tab=map`);
    // The map drawn: its export tools are there (their chart and map are what a saved view keeps).
    await page.getByRole('button', { name: 'Exporter', exact: true }).first().waitFor({ timeout: WAIT });
    await openPanel(page, /^Vues enregistrées \(1\)$/);
    await panel(page).getByRole('textbox', { name: 'Nom de la vue' }).fill('Carte');
    await panel(page).getByRole('button', { name: 'Enregistrer cette vue' }).click();
    await panel(page).getByRole('status').filter({ hasText: 'Vue « Carte » enregistrée.' }).waitFor({ timeout: WAIT });
    await panel(page).getByRole('button', { name: 'Fermer', exact: true }).click();

    // 3. Compare, from the panel, by keyboard only.
    await openApp(page, served.url, `view=compare&territories=${selection.territories.slice(0, 2).join(',')}`);
    await openPanel(page, /^Vues enregistrées \(2\)$/);
    const field = panel(page).getByRole('textbox', { name: 'Nom de la vue' });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe('Comparer');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('status').filter({ hasText: 'Vue « Comparer » enregistrée.' }).waitFor();
    expect(await listedNames(page)).toEqual(['Graphique AMO', 'Carte', 'Comparer']);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    // Focus back on the entry.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-saved-views-entry'))).toBe(true);

    // The explorer views kept what they showed (for the briefing, offline): the chart, and the map on the map tab.
    const stored = await page.evaluate(
      () =>
        new Promise<{ name: string; model?: { title: string }; map?: { model: { level: string } } }[]>(
          (resolve, reject) => {
            const open = indexedDB.open('mouchir-saved-views');
            open.onerror = () => reject(new Error('open failed'));
            open.onsuccess = () => {
              const req = open.result.transaction('views').objectStore('views').getAll();
              req.onsuccess = () => {
                resolve(req.result as never);
                open.result.close();
              };
            };
          },
        ),
    );
    const byName = new Map(stored.map((v) => [v.name, v]));
    expect(byName.get('Graphique AMO')?.model?.title).toBe(title);
    expect(byName.get('Graphique AMO')?.map).toBeUndefined();
    expect(byName.get('Carte')?.map?.model.level).toMatch(/^(region|province)$/);
    expect(byName.get('Comparer')?.model).toBeUndefined();

    // Reload: all three are still there, in order.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await openPanel(page, /^Vues enregistrées \(3\)$/);
    expect(await listedNames(page)).toEqual(['Graphique AMO', 'Carte', 'Comparer']);

    // Move "Comparer" up: announced, focus stays on the moved view's button.
    const item = (name: string) =>
      panel(page)
        .locator('.sv-item')
        .filter({ has: page.locator('.sv-item__name', { hasText: name }) });
    await item('Comparer').getByRole('button', { name: 'Monter' }).click();
    await panel(page).getByText('Vue « Comparer » déplacée en position 2 sur 3.').waitFor();
    expect(await listedNames(page)).toEqual(['Graphique AMO', 'Comparer', 'Carte']);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('.sv-item')?.querySelector('.sv-item__name')?.textContent,
      ),
    ).toBe('Comparer');
    await page.keyboard.press('Enter'); // "Monter" again, by keyboard: now first
    await panel(page).getByText('Vue « Comparer » déplacée en position 1 sur 3.').waitFor();
    expect(await listedNames(page)).toEqual(['Comparer', 'Graphique AMO', 'Carte']);

    // Rename.
    await item('Carte').getByRole('button', { name: 'Renommer' }).click();
    const rename = panel(page).getByRole('textbox', { name: 'Nouveau nom de « Carte »' });
    await rename.fill('Carte des régions');
    await rename.press('Enter');
    await panel(page).getByText('Vue renommée « Carte des régions ».').waitFor();

    // Delete (two steps: the button asks to confirm).
    await item('Graphique AMO').getByRole('button', { name: 'Supprimer' }).click();
    await item('Graphique AMO').getByRole('button', { name: 'Confirmer la suppression' }).click();
    await panel(page).getByText('Vue « Graphique AMO » supprimée.').waitFor();
    expect(await listedNames(page)).toEqual(['Comparer', 'Carte des régions']);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await page.getByRole('button', { name: 'Vues enregistrées (2)' }).waitFor();

    // Export the file.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT }),
      panel(page).getByRole('button', { name: 'Exporter les vues (JSON)' }).click(),
    ]);
    exported = path.join(FILES, download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(fs.readFileSync(exported, 'utf8')) as {
      format: string;
      version: number;
      views: { name: string }[];
    };
    expect(file.format).toBe('mouchir-saved-views');
    expect(file.version).toBe(1);
    expect(file.views.map((v) => v.name)).toEqual(['Comparer', 'Carte des régions']);
    expect(errors).toEqual([]);
  });

  it(
    'imports the file in a fresh profile; bad files leave the list untouched with their message',
    { timeout: 180_000 },
    async () => {
      const fresh = await launchBrowser({ viewport: { width: 1280, height: 900 } });
      try {
        const page = fresh.page;
        const freshErrors = collectConsoleErrors(page);
        await openApp(page, served.url, 'view=compare');
        await openPanel(page, /^Vues enregistrées \(0\)$/);
        await importFile(page, exported);
        await panel(page).getByText('2 vue(s) importée(s)').waitFor({ timeout: WAIT });
        expect(await listedNames(page)).toEqual(['Comparer', 'Carte des régions']);

        const good = JSON.parse(fs.readFileSync(exported, 'utf8')) as { views: Record<string, unknown>[] };
        const asFile = (name: string, text: string | Buffer) => ({
          name,
          mimeType: 'application/json',
          buffer: typeof text === 'string' ? Buffer.from(text) : text,
        });
        const bad: [string, ReturnType<typeof asFile>, string][] = [
          [
            'malformed',
            asFile('cut.json', fs.readFileSync(exported, 'utf8').slice(0, 200)),
            'n’est pas du JSON lisible',
          ],
          [
            'newer version',
            asFile('newer.json', JSON.stringify({ ...good, format: 'mouchir-saved-views', version: 2 })),
            'version plus récente de Mouchir (format 2)',
          ],
          ['huge', asFile('huge.json', Buffer.alloc(6 * 1024 * 1024, 32)), 'Fichier trop volumineux'],
          [
            'one bad view among good ones',
            asFile(
              'half.json',
              JSON.stringify({
                format: 'mouchir-saved-views',
                version: 1,
                views: [
                  good.views[0],
                  { ...good.views[1], events: [{ id: 'e', period: '2024', text: 'x', link: 'javascript:alert(1)' }] },
                ],
              }),
            ),
            'La vue n° 2 du fichier est invalide',
          ],
        ];
        for (const [label, file, message] of bad) {
          await importFile(page, file);
          const alert = panel(page).getByRole('alert');
          await alert.filter({ hasText: message }).waitFor({ timeout: WAIT });
          expect(await alert.textContent(), label).toContain('Rien n’a été importé.');
          expect(await listedNames(page), label).toEqual(['Comparer', 'Carte des régions']);
        }

        // Markup and formula-like names: imported as plain text, said so, nothing executed or made.
        const hostile = [
          '<img src=x onerror="window.__pwned=1">',
          '=HYPERLINK("http://evil.example","x")',
          "+cmd|'/C calc'!A0",
          '@SUM(1+1)',
        ];
        await page.evaluate(() => ((window as unknown as { __pwned?: number }).__pwned = 0));
        await importFile(
          page,
          asFile(
            'hostile.json',
            JSON.stringify({
              format: 'mouchir-saved-views',
              version: 1,
              views: hostile.map((name, i) => ({ ...good.views[0], id: `h${i}`, name })),
            }),
          ),
        );
        await panel(page)
          .getByText('4 nom(s) contiennent du balisage ou commencent comme une formule')
          .waitFor({ timeout: WAIT });
        expect(await listedNames(page)).toEqual(['Comparer', 'Carte des régions', ...hostile]);
        expect(await panel(page).locator('img').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(0);
        expect(freshErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
      } finally {
        await fresh.close();
      }
    },
  );

  it('a saved view whose indicator no longer exists opens with a notice naming it', { timeout: 120_000 }, async () => {
    const page = browser.page;
    await openApp(page, served.url, 'view=compare');
    await openPanel(page, /^Vues enregistrées \(\d+\)$/);
    const file = {
      format: 'mouchir-saved-views',
      version: 1,
      views: [
        {
          id: 'gone',
          name: 'Indicateur retiré',
          query: `view=explorer&indicator=retired-indicator&territories=${selection.territories[0]}`,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          inBriefing: true,
          events: [],
        },
      ],
    };
    await importFile(page, {
      name: 'gone.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await panel(page).getByText('1 vue(s) importée(s)').waitFor({ timeout: WAIT });
    const item = panel(page)
      .locator('.sv-item')
      .filter({ has: page.locator('.sv-item__name', { hasText: 'Indicateur retiré' }) });
    await item.getByRole('button', { name: /^Ouvrir/ }).click();
    const notice = page.locator('[data-sv-notice]');
    await notice.waitFor({ timeout: WAIT });
    expect(await notice.textContent()).toContain('La vue enregistrée « Indicateur retiré »');
    expect(await notice.textContent()).toContain('l’indicateur « retired-indicator » n’existe plus');
    // Not a blank: the explorer shows a chart of what is left.
    await page.locator('main').first().waitFor();
    expect((await page.locator('main').first().innerText()).trim().length).toBeGreaterThan(20);
    await notice.getByRole('button', { name: 'Fermer l’avis' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('the panel is axe-clean in fr, ar and en, and fits 390 px', { timeout: 180_000 }, async () => {
    const page = browser.page;
    for (const [lang, entry] of [
      ['fr', /^Vues enregistrées \(\d+\)$/],
      ['ar', /^العروض المحفوظة \(\d+\)$/],
      ['en', /^Saved views \(\d+\)$/],
    ] as const) {
      await openApp(page, served.url, `view=compare&lang=${lang}`);
      await openPanel(page, entry);
      // Open one view's events editor so its form is audited too.
      await panel(page).locator('[data-action="events"]').first().click();
      expect(await axeViolations(page), lang).toEqual([]);
      expect(await panel(page).getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await page.screenshot({ path: path.join(FILES, `panel-${lang}.png`) });
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, served.url, 'view=compare&lang=ar');
    await page.locator('[data-header-menu]').click();
    await openPanel(page, /^العروض المحفوظة \(\d+\)$/);
    const overflow = await panel(page).evaluate((d) => d.scrollWidth - d.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(FILES, 'panel-ar-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
