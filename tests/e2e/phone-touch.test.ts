/**
 * Issue 16 (3), a phone with a touch screen (Playwright `hasTouch` + `isMobile`, 390 × 844), in French and Arabic:
 * the territory sheet works with taps alone (open, choose, close), and every control a thumb needs — on the explorer's
 * chart, map and table tabs, in its export dialog, and on the overview, compare and projects views — is at least
 * 44 px tall (WCAG 2.5.5's size; 2.5.8 exempts links inside a sentence or a table cell, which are not counted), with
 * axe clean on the map, the table and the open export dialog. phone-layout.test.ts covers keyboard and pointer.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  collectConsoleErrors,
  countChartLines,
  openApp,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const PORT = 4466;
const WAIT = 30_000;
const MIN = 44;

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, viewport: { width: 390, height: 844 }, touch: true }, (s, b) => {
  served = s;
  browser = b;
});

const T = {
  fr: {
    added: 'Rabat-Salé-Kénitra',
    three: '3 territoires',
    chart: 'Graphique',
    map: 'Carte',
    table: 'Tableau',
    export: 'Exporter',
  },
  ar: { added: 'الرباط-سلا-القنيطرة', three: '3 مجالات', chart: 'مبيان', map: 'خريطة', table: 'جدول', export: 'تصدير' },
} as const;

/**
 * The thumb targets under `root` smaller than 44 px: buttons, selects, disclosure summaries, tabs, stand-alone links
 * (not inside a paragraph or a table cell), and for a radio or checkbox its label, which is what a finger hits.
 */
async function smallTargets(page: Page, root: string): Promise<string[]> {
  return page.evaluate(
    ({ root, min }) => {
      const out: string[] = [];
      const seen = new Set<Element>();
      for (const el of document.querySelectorAll(
        `${root} :is(button, select, summary, [role="tab"], a[href], input[type="radio"], input[type="checkbox"])`,
      )) {
        // A radio or checkbox is hit through its label; a stretched link covers its whole card (::after).
        const target = el.matches('input') ? (el.closest('label') ?? el) : el;
        if (seen.has(target)) continue;
        seen.add(target);
        if (target.matches('a') && (target.closest('p, td, th, figcaption, dd') || target.matches('.mv-stretched'))) {
          continue;
        }
        const r = target.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || target.closest('.visually-hidden, [hidden]')) continue;
        if (getComputedStyle(target).visibility === 'hidden') continue;
        if (r.height < min - 0.5) {
          const name = (target.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40);
          out.push(`${target.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    },
    { root, min: MIN },
  );
}

async function tabTo(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).tap();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

describe('a phone with a touch screen, 390 px', () => {
  for (const lang of ['fr', 'ar'] as const) {
    it(`${lang}: the territory sheet by taps alone`, { timeout: 120_000 }, async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, `view=explorer&indicator=population&territories=MA,MA-06&lang=${lang}`);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

      const opener = page.locator('[data-open-filter-sheet]');
      const sheet = page.locator('dialog[data-filter-sheet]');
      await opener.tap();
      await sheet.waitFor({ state: 'visible' });
      await sheet
        .locator('label, [role="option"]')
        .filter({ hasText: new RegExp(`^\\s*${T[lang].added}\\s*$`) })
        .first()
        .tap();
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(3);
      await expect.poll(() => page.locator('[data-selection-summary]').innerText()).toContain(T[lang].three);
      await sheet.locator('.filter-sheet__close').tap();
      await sheet.waitFor({ state: 'hidden' });
      expect(await smallTargets(page, '#main')).toEqual([]);
      expect(errors).toEqual([]);
    });

    it(`${lang}: map, table and export dialog — 44 px targets, axe clean`, { timeout: 120_000 }, async () => {
      const page = browser.page;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, `view=explorer&indicator=population&territories=MA,MA-06&lang=${lang}`);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);

      await tabTo(page, T[lang].map);
      await page.locator('#main svg path[data-code]').first().waitFor({ timeout: WAIT });
      expect(await smallTargets(page, '#main')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      await tabTo(page, T[lang].table);
      await page.locator('#main table').first().waitFor({ timeout: WAIT });
      expect(await smallTargets(page, '#main')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      await tabTo(page, T[lang].chart);
      await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
      await page.getByRole('button', { name: T[lang].export, exact: true }).first().tap();
      const dialog = page.locator('.xm-close').first();
      await dialog.waitFor({ state: 'visible' });
      expect(await smallTargets(page, '#main')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('overview, compare and projects: 44 px targets in fr and ar', { timeout: 120_000 }, async () => {
    const page = browser.page;
    for (const lang of ['fr', 'ar'] as const) {
      for (const [query, ready] of [
        ['', '.mv-card'],
        ['view=compare', '.mv-chip'],
        ['view=projects', '.mv-projects-list li'],
      ] as const) {
        await openApp(page, served.url, `${query}${query ? '&' : ''}lang=${lang}`);
        await page.locator(ready).first().waitFor({ timeout: WAIT });
        expect(await smallTargets(page, '#main'), `${query || 'overview'} ${lang}`).toEqual([]);
      }
    }
  });
});
