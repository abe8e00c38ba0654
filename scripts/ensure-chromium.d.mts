/** Types for scripts/ensure-chromium.mjs. */
export function playwrightCacheCandidates(cacheDir: string): string[];
export function chromiumCandidates(env?: NodeJS.ProcessEnv): string[];
/** First executable Chromium (CHROME_PATH first), or null; never installs. */
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
/** Find or install a Chromium; returns its path or throws. */
export function ensureChromium(): string;
