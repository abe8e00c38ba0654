/**
 * A test hook for error boundaries (issue 8 item 6): renders nothing, unless
 * `localStorage['mouchir.crash']` names this probe — then it throws during render, as a bug in that
 * panel or view would. tests/e2e/faults-boundary.test.ts uses it to prove that one failing panel leaves the
 * rest of the page working and the URL intact. Nobody sets the key in normal use; reading it is cheap and
 * can never throw.
 */

/** Local setting naming the probe that must throw. */
export const CRASH_STORAGE_KEY = 'mouchir.crash';

/** Whether the probe called `name` is told to throw. Never throws itself (storage may be blocked). */
export function crashRequested(name: string): boolean {
  try {
    return globalThis.localStorage?.getItem(CRASH_STORAGE_KEY) === name;
  } catch {
    return false;
  }
}

/** Throws a render error when `localStorage['mouchir.crash'] === name`; otherwise renders nothing. */
export function CrashProbe({ name }: { name: string }): null {
  if (crashRequested(name)) throw new Error(`Simulated render error in ${name} (${CRASH_STORAGE_KEY})`);
  return null;
}
