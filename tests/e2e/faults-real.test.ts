/**
 * Issue 8 item 1, real-API mode: one case per fault kind, in the build made with `VITE_API_BASE_URL`
 * (no service worker) against scripts/api-server.ts, faults switched at run time with `setFaults`. Same
 * expectations as the mock matrix (tests/e2e/faults.test.ts): the affected panel names the dataset and what
 * happened, a retry works once the fault is lifted, the URL is kept, the rest of the page works, the
 * last good data stays marked stale, and the console holds only the browser's line for the failed request.
 *
 * The build is `MOUCHIR_REAL_DIST` or `.tmp/dist-real` (scripts/test.mjs builds it), rebuilt when missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApiServer, type ApiServer } from '../../scripts/api-server.ts';
import {
  ensureRealApiBuild,
  collectConsoleErrors,
  forgetKeptAnswers,
  launchBrowser,
  openApp,
  pickChartableSelection,
  REAL_API_DIST,
  REAL_API_PORT,
  serveDist,
  type ChartableSelection,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import {
  dataShown,
  errorAlert,
  faultQuery,
  FAULT_TEXT,
  staleNotice,
  unexpectedErrors,
  viewOf,
  type Endpoint,
  type FailingFault,
} from './faults-support.ts';

const API_BASE = `http://127.0.0.1:${REAL_API_PORT}`;
const DIST = process.env.MOUCHIR_REAL_DIST ?? REAL_API_DIST;
const WAIT = 30_000;
const VIEW_LABEL = { explorer: 'Explorer', projects: 'Projects' } as const;

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

async function expectRestOfPageWorks(page: Page): Promise<void> {
  const theme = page.locator('header').getByRole('combobox', { name: /^Theme/ });
  await theme.selectOption('dark');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await theme.selectOption('light');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
}

/** One failing case per kind, spread over the endpoints. */
const FAILING: [Endpoint, FailingFault][] = [
  ['observations', 'error:500'],
  ['territories', 'error:404'],
  ['indicators', 'error:429'],
  ['projects', 'hang'],
  ['observations', 'network'],
  ['indicators', 'malformed'],
  ['projects', 'invalid'],
];

describe('fault matrix in real-API mode (representative subset)', () => {
  let served: ServedDist;
  let browser: LaunchedBrowser;
  let api: ApiServer | undefined;
  let errors: string[];
  let selection: ChartableSelection;

  beforeAll(async () => {
    ensureRealApiBuild(DIST, API_BASE);
    api = await startApiServer({ port: REAL_API_PORT });
    served = await serveDist({ dir: DIST, port: 4376 });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
    await browser.context.clock.install();
    errors = collectConsoleErrors(browser.page);
    await openApp(browser.page, served.url, 'lang=en', { expectWorker: false });
    selection = await pickChartableSelection(browser.page, API_BASE, 2);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await api?.close();
  });

  it.each(FAILING)('%s × %s', { timeout: 150_000 }, async (endpoint, fault) => {
    const page = browser.page;
    const server = api as ApiServer;
    const spec = `${fault}:${endpoint}`;
    errors.length = 0;
    server.setFaults('');
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('mouchir.timeoutMs', '1000');
    });
    // Answers fetched by this test, not kept by an earlier one: a kept answer is shown at once and refetched behind
    // it, and that refetch would meet the fault set below.
    await forgetKeptAnswers(page, served.url);
    await openApp(page, served.url, faultQuery(endpoint, selection), { expectWorker: false });
    await expect.poll(() => dataShown(page, endpoint), { timeout: WAIT }).toBe(true);
    const url = page.url();

    // A refresh fails with good data on screen: kept, marked stale, retry works once the fault is lifted.
    server.setFaults(spec);
    const now = await page.evaluate(() => Date.now());
    await browser.context.clock.setSystemTime(now + 3 * 3_600_000);
    await navTo(page, endpoint === 'projects' ? 'Overview' : 'Projects');
    await navTo(page, VIEW_LABEL[viewOf(endpoint)]);
    const stale = staleNotice(page, endpoint);
    await stale.first().waitFor({ state: 'visible', timeout: WAIT });
    expect(await stale.first().innerText()).toMatch(FAULT_TEXT[fault]);
    expect(await dataShown(page, endpoint)).toBe(true);
    expect(page.url()).toBe(url);
    await expectRestOfPageWorks(page);
    server.setFaults('');
    await stale.first().getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => stale.count(), { timeout: WAIT }).toBe(0);

    // A cold load with the fault: the panel's error, then a working retry. Cold: without the answers the build
    // kept in IndexedDB (with them, the data stays under a stale notice: tests/e2e/persist-offline.test.ts).
    server.setFaults(spec);
    await forgetKeptAnswers(page, served.url);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const alert = errorAlert(page, endpoint);
    await alert.first().waitFor({ state: 'visible', timeout: WAIT });
    expect(await alert.first().innerText()).toMatch(FAULT_TEXT[fault]);
    expect(page.url()).toBe(url);
    await expectRestOfPageWorks(page);
    server.setFaults('');
    await alert.first().getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => dataShown(page, endpoint), { timeout: WAIT }).toBe(true);
    expect(page.url()).toBe(url);
    expect(unexpectedErrors(errors, [endpoint])).toEqual([]);
  });

  it.each([
    ['observations', 'empty'],
    ['observations', 'nulls'],
    ['projects', 'huge:20'],
  ] as [Endpoint, string][])(
    '%s × %s: no error, data or a "none" message',
    { timeout: 90_000 },
    async (endpoint, fault) => {
      const page = browser.page;
      errors.length = 0;
      (api as ApiServer).setFaults(`${fault}:${endpoint}`);
      // The faulted answer, not one an earlier test's visit kept in IndexedDB.
      await forgetKeptAnswers(page, served.url);
      await openApp(page, served.url, faultQuery(endpoint, selection), { expectWorker: false });
      const none = page.getByText(/No data for this selection|No project matches/).first();
      await expect
        .poll(async () => (await dataShown(page, endpoint)) || (await none.isVisible()), { timeout: WAIT })
        .toBe(true);
      if (fault === 'empty') expect(await none.isVisible()).toBe(true);
      else expect(await dataShown(page, endpoint)).toBe(true);
      expect(await page.locator('main [role="alert"]').count()).toBe(0);
      expect(unexpectedErrors(errors, [])).toEqual([]);
      (api as ApiServer).setFaults('');
    },
  );
});
