/**
 * The documented switch of the mock API's dataset (issue 7): `?dataset=stress` in the page URL. Kept apart
 * from the generator (src/mocks/stress.ts, which re-exports it) so the browser mock and the app can read the
 * switch at start without loading the generator: that is imported only when the switch is on.
 *
 * Issue 14 item 4: synthetic data must never pass for real, so the switch lasts for one page load only.
 * It is read from the address the page was loaded with and nowhere else: not from localStorage (an old
 * `mouchir.dataset` value is removed at start, see {@link clearStoredDatasetOption}), and the app drops the
 * parameter from the address bar and from every link it builds (src/state/url-sync.ts), so a copied or
 * shared link — and a reload — opens the real data.
 */

/** Names of the dataset option values. */
export type DatasetName = 'default' | 'stress';

/** Where the dataset option is read: the page URL. */
export const DATASET_PARAM = 'dataset';
/**
 * The localStorage key older builds read the option from. Never read any more; removed at start so a
 * browser that once opted in does not keep a dead switch around.
 */
export const DATASET_STORAGE_KEY = 'mouchir.dataset';

/**
 * Which dataset one query string asks for. Anything but the exact word `stress` means the real data, so a
 * typo can never show synthetic figures by surprise.
 */
export function readDatasetOption(search: string): DatasetName {
  return new URLSearchParams(search).get(DATASET_PARAM) === 'stress' ? 'stress' : 'default';
}

/**
 * The dataset the page was opened with, from several query strings (the current one and the navigation
 * entry's: the app may already have dropped the parameter from the address bar when this is read).
 */
export function pageDatasetOption(searches: readonly string[]): DatasetName {
  return searches.some((search) => readDatasetOption(search) === 'stress') ? 'stress' : 'default';
}

/**
 * The query strings to read switches from in a browser page: the current one and the one the page was
 * loaded with (the navigation entry keeps the URL as loaded, whatever `history.replaceState` did since).
 */
export function pageSearches(): string[] {
  if (typeof window === 'undefined') return [];
  const searches = [window.location.search];
  const navigation = globalThis.performance?.getEntriesByType?.('navigation')[0];
  if (navigation) {
    try {
      searches.push(new URL(navigation.name).search);
    } catch {
      // An unparsable entry name: the current URL alone will do.
    }
  }
  return searches;
}

/**
 * Remove the option older builds stored in localStorage. Returns whether there was one. Never throws
 * (storage can throw in privacy modes and sandboxed frames).
 */
export function clearStoredDatasetOption(
  storage: { getItem(key: string): string | null; removeItem(key: string): void } | null | undefined,
): boolean {
  try {
    if (!storage || storage.getItem(DATASET_STORAGE_KEY) === null) return false;
    storage.removeItem(DATASET_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Ids of the stress catalogue's indicators: `synthetic-01` … (see `stressIndicatorId`). */
export function isStressIndicatorId(id: string): boolean {
  return /^synthetic-[0-9]{2,}$/.test(id);
}
