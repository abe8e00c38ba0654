/**
 * Vitest global setup of the e2e project: make sure there is a Chromium and a build to test, so
 * `npx vitest run --project e2e` works on its own (scripts/test.mjs builds before, and then this
 * is a no-op).
 */
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { buildIfMissing, distDir } from './harness.ts';

/** Runs once before every e2e file. */
export default function setup(): void {
  const chrome = ensureChromium();
  // Workers inherit the environment they are spawned with; set it for the harness's lookup too.
  process.env.CHROME_PATH ??= chrome;
  const dir = distDir();
  if (buildIfMissing(dir)) console.log(`e2e global setup: built ${dir}`);
}
