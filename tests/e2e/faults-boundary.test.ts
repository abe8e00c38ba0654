/**
 * Issue 8 item 6: error boundaries per panel and per view, in Chromium. A render error is forced with the
 * crash probe (src/ui/crash-probe.tsx, `localStorage['mouchir.crash']`):
 *
 * - in the explorer's line-chart panel: that panel alone shows the error with a retry; the ranked bars,
 *   the territory filter and the tabs keep working, the URL is intact; once the cause is gone, Retry
 *   brings the chart back;
 * - in the whole explorer view: the view's fallback offers Retry and "Back to the overview", the header
 *   still works; the way back keeps the selection in the URL, and browser Back returns to the explorer.
 *
 * No uncaught error: the boundaries log a warning, not an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  countChartLines,
  launchBrowser,
  openApp,
  pickChartableSelection,
  serveDist,
  type ChartableSelection,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';

const WAIT = 30_000;

describe('error boundaries keep the page and the URL', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let selection: ChartableSelection;
  let query: string;

  beforeAll(async () => {
    served = await serveDist({ port: 4377 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    await openApp(browser.page, served.url, 'lang=en');
    selection = await pickChartableSelection(browser.page, served.url, 3);
    const [a, b, c] = selection.territories as [string, string, string];
    query = `view=explorer&lang=en&indicator=${selection.indicator}&territories=${a},${b},${c}`;
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('a failing panel leaves the rest of the page working and the URL intact', { timeout: 120_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await page.evaluate(() => localStorage.setItem('mouchir.crash', 'explorer-line'));
    await openApp(page, served.url, query);
    const fallback = page.locator('main [role="alert"]').filter({ hasText: 'This panel hit an error' });
    await fallback.first().waitFor({ timeout: WAIT });
    expect(await fallback.first().innerText()).toContain('Simulated render error in explorer-line');
    const url = page.url();
    expect(new URL(url).searchParams.get('territories')?.split(',')).toHaveLength(3);
    expect(await countChartLines(page)).toBe(0);
    // The ranked bars (the other panel) still draw.
    // (It mounts after the line's commit, in a task of its own: waited for, not assumed.)
    await expect
      .poll(() => page.locator('figure#explorer-bar, figure[aria-labelledby="explorer-bar-caption"]').count(), {
        timeout: WAIT,
      })
      .toBe(1);

    // The rest works: a territory off (URL follows), the table tab.
    const [, , third] = selection.territories as [string, string, string];
    const name = selection.names[third]?.en ?? third;
    await page.getByRole('checkbox', { name, exact: true }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('territories')?.split(',').length).toBe(2);
    await page.getByRole('tab', { name: 'Table', exact: true }).click();
    await page.getByRole('table').first().waitFor({ timeout: WAIT });
    await page.getByRole('tab', { name: 'Chart', exact: true }).click();

    // The cause gone, Retry brings the chart back.
    await page.evaluate(() => localStorage.removeItem('mouchir.crash'));
    await page
      .locator('main [role="alert"]')
      .filter({ hasText: 'This panel hit an error' })
      .getByRole('button', { name: 'Retry' })
      .first()
      .click();
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(2);
    expect(await fallback.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a failing view offers a way back that keeps the URL state', { timeout: 120_000 }, async () => {
    const page = browser.page;
    const errors = collectConsoleErrors(page);
    await page.evaluate(() => localStorage.setItem('mouchir.crash', 'explorer-view'));
    await openApp(page, served.url, query);
    const fallback = page.locator('main [role="alert"]').filter({ hasText: 'This view hit an error' });
    await fallback.first().waitFor({ timeout: WAIT });
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('explorer');
    expect(url.searchParams.get('indicator')).toBe(selection.indicator);
    // The header still works.
    const theme = page.locator('header').getByRole('combobox', { name: /^Theme/ });
    await theme.selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    await page.evaluate(() => localStorage.removeItem('mouchir.crash'));
    await fallback.getByRole('button', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview', exact: true }).waitFor({ timeout: WAIT });
    const back = new URL(page.url());
    expect(back.searchParams.get('view') ?? 'overview').toBe('overview');
    expect(back.searchParams.get('indicator')).toBe(selection.indicator);
    expect(back.searchParams.get('territories')).toBe(url.searchParams.get('territories'));

    // Browser Back returns to the explorer with its selection, now working.
    await page.goBack();
    await expect.poll(() => countChartLines(page), { timeout: WAIT }).toBe(3);
    expect(new URL(page.url()).searchParams.get('territories')).toBe(url.searchParams.get('territories'));
    expect(errors).toEqual([]);
  });
});
