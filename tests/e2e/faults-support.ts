/**
 * Shared pieces of the fault-matrix e2e files (mock mode and real-API mode): which panel each endpoint
 * feeds, how to tell its data, its error and its stale notice apart, what each fault kind must say, and
 * the exact console noise a failed request is allowed to leave (everything else fails the test).
 */
import type { Page } from 'playwright-core';
import { countChartLines, countRankedBars, type ChartableSelection } from './harness.ts';

/** The data endpoints of contract v1. */
export type Endpoint = 'territories' | 'indicators' | 'observations' | 'projects';

/** Faults that make a request fail (the client throws an ApiError). */
export type FailingFault = 'error:500' | 'error:404' | 'error:429' | 'hang' | 'network' | 'malformed' | 'invalid';
/** Faults that answer 200 with an unusual but valid shape. */
export type ShapeFault = 'empty' | 'nulls' | 'huge:20';

export const FAILING_FAULTS: readonly FailingFault[] = [
  'error:500',
  'error:404',
  'error:429',
  'hang',
  'network',
  'malformed',
  'invalid',
];
export const SHAPE_FAULTS: readonly ShapeFault[] = ['empty', 'nulls', 'huge:20'];
export const ENDPOINTS: readonly Endpoint[] = ['territories', 'indicators', 'observations', 'projects'];

/** What the affected panel must say for each failing fault (English UI), in either panel style. */
export const FAULT_TEXT: Record<FailingFault, RegExp> = {
  'error:500': /HTTP (error )?500/,
  'error:404': /HTTP (error )?404/,
  'error:429': /HTTP (error )?429/,
  hang: /no answer (in time|within \d+ s)/,
  network: /network (unavailable|error)/,
  malformed: /malformed JSON|not valid JSON/,
  invalid: /invalid response|data\[\d+\]\.\w+ expected/,
};

/** Name of the dataset as the affected panel words it (English UI). */
export const DATASET_TEXT: Record<Endpoint, RegExp> = {
  territories: /Territories:/,
  indicators: /Indicators:/,
  observations: /Observations:/,
  projects: /“projects”/,
};

/** The view showing each endpoint's panel in this matrix. */
export function viewOf(endpoint: Endpoint): 'explorer' | 'projects' {
  return endpoint === 'projects' ? 'projects' : 'explorer';
}

/** The app link a matrix case opens for `endpoint`: the projects view, or the explorer on two territories of `selection`. */
export function faultQuery(endpoint: Endpoint, selection: ChartableSelection): string {
  if (viewOf(endpoint) === 'projects') return 'view=projects&lang=en';
  const [a, b] = selection.territories as [string, string];
  return `view=explorer&lang=en&indicator=${selection.indicator}&territories=${a},${b}`;
}

/** Whether the endpoint's data is on screen: drawn lines (explorer) or project cards (projects). */
export async function dataShown(page: Page, endpoint: Endpoint): Promise<boolean> {
  if (viewOf(endpoint) === 'projects') return (await page.locator('article[data-project]').count()) > 0;
  // Lines, or the ranking that leads when the values fall on one period (issue 13): a fault such as `nulls`
  // can leave a selection with one period of values, and the explorer then draws bars, not a line of dots.
  return (await countChartLines(page)) > 0 || (await countRankedBars(page)) > 0;
}

/** The error alert of the affected panel (full failure: no data to show). */
export function errorAlert(page: Page, endpoint: Endpoint) {
  return page
    .locator('main [role="alert"]')
    .filter({ hasText: DATASET_TEXT[endpoint] })
    .filter({ hasNotText: /showing data from/i });
}

/** The stale notice of the affected panel (a refresh failed, earlier data kept). */
export function staleNotice(page: Page, endpoint: Endpoint) {
  return page
    .locator('main [role="alert"]')
    .filter({ hasText: DATASET_TEXT[endpoint] })
    .filter({ hasText: /showing data from/i });
}

/**
 * Console lines a failed API request legitimately leaves in Chromium: the browser's own "Failed to load
 * resource" line for the faulted endpoint (an HTTP error status, or a dropped connection). Matched on the
 * endpoint's URL so a failure elsewhere still fails the test.
 */
export function isExpectedRequestNoise(line: string, endpoints: readonly string[]): boolean {
  const names = endpoints.join('|');
  const url = new RegExp(`/api/v1/(${names})(\\?[^ ]*)?(:\\d+)?\\)?$`);
  if (!url.test(line)) return false;
  return (
    /^Failed to load resource: the server responded with a status of (4\d\d|5\d\d) /.test(line) ||
    /^Failed to load resource: net::ERR_(FAILED|EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED|INTERNET_DISCONNECTED) /.test(
      line,
    )
  );
}

/** The console errors that are not expected noise of the given faulted endpoints. */
export function unexpectedErrors(errors: readonly string[], endpoints: readonly string[]): string[] {
  return errors.filter((e) => !isExpectedRequestNoise(e, endpoints));
}
