/**
 * Issue 8 item 1, mock mode: the fault matrix in Chromium against the built app. For each data endpoint
 * (territories, indicators, observations, projects) × each fault of the mock switch (src/mocks/faults.ts):
 *
 * - failing faults (500, 404, 429 + Retry-After, hang → client timeout, network failure, malformed JSON,
 *   schema-invalid payload): with good data on screen, a refresh that fails keeps that data, marked stale
 *   with its time, names the dataset and what happened, offers a retry that works once the fault is lifted;
 *   on a cold load the panel shows the error (dataset + what happened) and a retry that works; in both the
 *   rest of the page works (theme switch), the URL (the selection) is unchanged, and the console holds
 *   nothing but the browser's own "Failed to load resource" line for the faulted endpoint;
 * - shape faults (empty list, series with nulls, a large payload): no error, no crash, the panel shows
 *   the data or says there is none, the URL is unchanged, no console error.
 *
 * Faults are switched mid-session with `localStorage['mouchir.mock']` (read by the mock on every request);
 * `localStorage['mouchir.timeoutMs'] = 1000` shortens the client's timeout so `hang` costs seconds, not
 * 45. "Stale" needs the cached data older than its staleTime: the page clock (Playwright's) jumps 3 h,
 * then the user leaves the view and comes back, which refetches on mount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  collectConsoleErrors,
  launchBrowser,
  openApp,
  pickChartableSelection,
  serveDist,
  type ChartableSelection,
  type LaunchedBrowser,
  type ServedDist,
  waitForApp,
} from './harness.ts';
import {
  dataShown,
  DATASET_TEXT,
  ENDPOINTS,
  errorAlert,
  FAILING_FAULTS,
  faultQuery,
  FAULT_TEXT,
  SHAPE_FAULTS,
  staleNotice,
  unexpectedErrors,
  viewOf,
  type Endpoint,
  type FailingFault,
  type ShapeFault,
} from './faults-support.ts';

const WAIT = 30_000;
const VIEW_LABEL = { explorer: 'Explorer', projects: 'Projects' } as const;

/** Clear faults and preferences, keep the short timeout. */
async function resetStorage(page: Page, spec: string | null): Promise<void> {
  await page.evaluate((s) => {
    localStorage.clear();
    localStorage.setItem('mouchir.timeoutMs', '1000');
    if (s !== null) localStorage.setItem('mouchir.mock', s);
  }, spec);
}

async function setFault(page: Page, spec: string | null): Promise<void> {
  await page.evaluate((s) => {
    if (s === null) localStorage.removeItem('mouchir.mock');
    else localStorage.setItem('mouchir.mock', s);
  }, spec);
}

/** The rest of the page still answers: the theme switch applies and is undone. */
async function expectRestOfPageWorks(page: Page): Promise<void> {
  const theme = page.locator('header').getByRole('combobox', { name: /^Theme/ });
  await theme.selectOption('dark');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await theme.selectOption('light');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
}

/** The page's recent API answers (status and path), for failure messages. */
const apiLog: string[] = [];

/** Wait for a locator; on timeout, fail with what the page's alerts and URL said instead (diagnosable in CI). */
async function waitVisible(page: Page, locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: WAIT });
  } catch {
    const alerts = await page.locator('main [role="alert"]').allInnerTexts();
    throw new Error(
      `${what} not shown within ${WAIT} ms; url ${page.url()}; alerts: ${JSON.stringify(alerts)}; api calls: ${JSON.stringify(apiLog.slice(-12))}`,
    );
  }
}

/** Titles (h1) of the views the matrix moves between, in English. */
const VIEW_TITLE: Record<string, string> = {
  Overview: 'Overview',
  Projects: 'Projects',
  Explorer: 'Indicator explorer',
};

/**
 * Follow a header link and wait until that view is really mounted: view changes may be transitions, so a
 * quick away-and-back could otherwise keep the old view mounted and never refetch on mount.
 */
async function navTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: label, exact: true }).click();
  await page
    .getByRole('heading', { level: 1, name: VIEW_TITLE[label] ?? label, exact: true })
    .waitFor({ timeout: 30_000 });
  // The view's placeholder shows the same heading before the view's code has loaded (issue 16: the prerendered
  // shell), so the heading alone no longer proves the view mounted: wait for the placeholder to be gone too.
  await page.locator('main [data-view-skeleton]').waitFor({ state: 'detached', timeout: 30_000 });
}

describe('fault matrix in mock mode', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let errors: string[];
  let selection: ChartableSelection;

  beforeAll(async () => {
    served = await serveDist({ port: 4370 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    // A fake clock that runs at normal speed, so the test can jump past the data's staleTime.
    await browser.context.clock.install();
    errors = collectConsoleErrors(browser.page);
    browser.page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.includes('/api/v1/')) apiLog.push(`${r.status()} ${u.pathname.split('/').pop() ?? ''}`);
    });
    browser.page.on('requestfailed', (r) => {
      const u = new URL(r.url());
      if (u.pathname.includes('/api/v1/')) apiLog.push(`failed ${u.pathname.split('/').pop() ?? ''}`);
    });
    await openApp(browser.page, served.url, 'lang=en');
    selection = await pickChartableSelection(browser.page, served.url, 2);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const failing = ENDPOINTS.flatMap((e) => FAILING_FAULTS.map((f) => [e, f] as [Endpoint, FailingFault]));

  it.each(failing)(
    '%s × %s: stale data kept, then error + retry on a cold load',
    { timeout: 150_000 },
    async (endpoint, fault) => {
      const page = browser.page;
      const spec = `${fault}:${endpoint}`;
      errors.length = 0;
      await resetStorage(page, null);
      await openApp(page, served.url, faultQuery(endpoint, selection));
      await expect.poll(() => dataShown(page, endpoint), { timeout: WAIT }).toBe(true);
      const url = page.url();

      // 1. A refresh fails while good data is on screen: the data stays, marked stale, with a retry.
      await setFault(page, spec);
      const now = await page.evaluate(() => Date.now());
      await browser.context.clock.setSystemTime(now + 3 * 3_600_000);
      // Away to a light view that does not use this query, and back: a refetch on mount.
      await navTo(page, endpoint === 'projects' ? 'Overview' : 'Projects');
      await navTo(page, VIEW_LABEL[viewOf(endpoint)]);
      const stale = staleNotice(page, endpoint);
      await waitVisible(page, stale, 'stale notice');
      expect(await stale.first().innerText()).toMatch(FAULT_TEXT[fault]);
      expect(await stale.first().innerText()).toMatch(/\d{1,2}:\d{2}/);
      expect(await dataShown(page, endpoint)).toBe(true);
      expect(page.url()).toBe(url);
      await expectRestOfPageWorks(page);
      await setFault(page, null);
      await stale.first().getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => stale.count(), { timeout: WAIT }).toBe(0);
      expect(await dataShown(page, endpoint)).toBe(true);

      // 2. A cold load with the fault: the panel says which dataset failed and how, and retries.
      await setFault(page, spec);
      await page.reload({ waitUntil: 'domcontentloaded' });
      await waitForApp(page, WAIT);
      const alert = errorAlert(page, endpoint);
      await waitVisible(page, alert, 'error alert');
      expect(await alert.first().innerText()).toMatch(FAULT_TEXT[fault]);
      expect(page.url()).toBe(url);
      await expectRestOfPageWorks(page);
      await setFault(page, null);
      await alert.first().getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => dataShown(page, endpoint), { timeout: WAIT }).toBe(true);
      expect(await alert.count()).toBe(0);
      expect(page.url()).toBe(url);

      expect(unexpectedErrors(errors, [endpoint])).toEqual([]);
    },
  );

  const shapes = ENDPOINTS.flatMap((e) => SHAPE_FAULTS.map((f) => [e, f] as [Endpoint, ShapeFault]));

  it.each(shapes)(
    '%s × %s: no error, no crash, data or a "none" message',
    { timeout: 90_000 },
    async (endpoint, fault) => {
      const page = browser.page;
      errors.length = 0;
      await resetStorage(page, `${fault}:${endpoint}`);
      await openApp(page, served.url, faultQuery(endpoint, selection));
      const url = page.url();
      const none = page.getByText(/No data for this selection|No project matches|No territory|No indicator/).first();
      await expect
        .poll(async () => (await dataShown(page, endpoint)) || (await none.isVisible()), { timeout: WAIT })
        .toBe(true);
      if (fault === 'empty') expect(await none.isVisible()).toBe(true);
      else expect(await dataShown(page, endpoint)).toBe(true);
      expect(await page.locator('main [role="alert"]').filter({ hasText: DATASET_TEXT[endpoint] }).count()).toBe(0);
      expect(await page.getByText(/This (panel|view) hit an error/).count()).toBe(0);
      expect(page.url()).toBe(url);
      await expectRestOfPageWorks(page);
      expect(unexpectedErrors(errors, [])).toEqual([]);
    },
  );
});
