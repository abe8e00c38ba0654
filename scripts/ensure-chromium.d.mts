/** Types for scripts/ensure-chromium.mjs. */
/** Flags for every headless run of the project (e2e harness, bench, screenshots). */
export const CHROMIUM_ARGS: readonly string[];
export function playwrightCacheCandidates(cacheDir: string): string[];
export function chromiumCandidates(env?: NodeJS.ProcessEnv): string[];
/** First executable Chromium (CHROME_PATH first), or null; never installs. */
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
/** Find or install a Chromium; returns its path or throws. */
export function ensureChromium(): string;
