/**
 * The documented switch of the mock API's dataset (issue 7): `?dataset=stress` in the page URL, or
 * `localStorage['mouchir.dataset'] = 'stress'`. Kept apart from the generator (src/mocks/stress.ts, which
 * re-exports it) so the browser mock can read the switch at start without loading the generator: that
 * is imported only when the switch is on.
 */

/** Names of the dataset option values. */
export type DatasetName = 'default' | 'stress';

/** Where the dataset option is read: the page URL and a localStorage key. */
export const DATASET_PARAM = 'dataset';
export const DATASET_STORAGE_KEY = 'mouchir.dataset';

/**
 * Which dataset the mock API should serve. The URL parameter wins over localStorage; anything but
 * the exact word `stress` means the real data, so a typo can never show synthetic figures by surprise.
 */
export function readDatasetOption(
  search: string,
  storage?: { getItem(key: string): string | null } | null,
): DatasetName {
  const fromUrl = new URLSearchParams(search).get(DATASET_PARAM);
  if (fromUrl !== null) return fromUrl === 'stress' ? 'stress' : 'default';
  let stored: string | null = null;
  try {
    stored = storage?.getItem(DATASET_STORAGE_KEY) ?? null;
  } catch {
    // Storage can throw (privacy mode, sandboxed frames): fall back to the real data.
    stored = null;
  }
  return stored === 'stress' ? 'stress' : 'default';
}
