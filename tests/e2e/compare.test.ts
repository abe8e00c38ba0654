/**
 * Issue 4 item 4 in Chromium: Casablanca-Settat vs Marrakech-Safi by default, the gap and who is better placed in
 * words, a suggested peer added in one click and kept in the URL across a reload; no axe violation in fr, ar, en.
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

describe('compare in Chromium', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    served = await serveDist({ port: 4344 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('compares the default pair, adds a peer in one click, and the link survives a reload', async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await openApp(page, served.url, 'view=compare');
    const table = page.getByRole('table');
    await table.waitFor({ timeout: 20_000 });
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Indicateur',
      'Période',
      'Casablanca-Settat (référence)',
      'Marrakech-Safi',
    ]);
    const cell = table.locator('tr[data-indicator="unemployment-rate"] td[data-territory="MA-07"]');
    await cell.waitFor({ timeout: 20_000 });
    expect(await cell.textContent()).toMatch(/Écart : [+-−]?[\d,]+ pts/);
    expect(await cell.textContent()).toMatch(/Mieux placé : (Casablanca-Settat|Marrakech-Safi)|À égalité/);

    const peer = page.locator('button[data-peer]').first();
    await peer.waitFor({ timeout: 20_000 });
    const code = await peer.getAttribute('data-peer');
    await peer.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('territories')).toBe(`MA-06,MA-07,${code}`);
    await page.reload();
    await table.locator(`thead th`).nth(4).waitFor({ timeout: 20_000 });
    expect(await table.locator('thead th').count()).toBe(5);
    expect(errors).toEqual([]);
  });

  for (const lang of ['fr', 'ar', 'en'] as const) {
    it(
      `no axe violations on the compare view (${lang})`,
      async () => {
        const page = browser.page;
        await openApp(page, served.url, `view=compare${lang === 'fr' ? '' : `&lang=${lang}`}`);
        await page.locator('td[data-territory]').first().waitFor({ timeout: 20_000 });
        await page.locator('button[data-peer]').first().waitFor({ timeout: 20_000 });
        const result = await axeBuilder(page).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
          [],
        );
      },
      AXE_TIMEOUT_MS,
    );
  }
});
