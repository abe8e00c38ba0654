/**
 * Pure parts of the service worker (src/sw/sw.ts), unit-tested in node: which precached file answers a navigation,
 * and the shape of the status the worker reports to the page.
 */
import { shellFile } from '../../scripts/build/shell-route.mjs';

/**
 * The URL of the precached HTML that answers a navigation to `requestUrl`, or null when the navigation is not to the
 * app's entry (another path under the scope is the server's business: Mouchir keeps its views in the query string).
 * The app's entry is the scope itself or `<scope>index.html`; the shell is picked from the query exactly as
 * scripts/serve.mjs picks it (scripts/build/shell-route.mjs).
 */
export function navigationShellUrl(requestUrl: string, scope: string): string | null {
  const url = new URL(requestUrl);
  const root = new URL(scope);
  if (url.origin !== root.origin) return null;
  if (url.pathname !== root.pathname && url.pathname !== `${root.pathname}index.html`) return null;
  return new URL(shellFile(url.search), root).href;
}

/** What the worker knows of this build's offline copy (posted to the page as `{ type: 'OFFLINE_STATUS', ...}`). */
export interface OfflineStatus {
  /** The build the worker belongs to (a hash of its manifest). */
  build: string;
  /** When every file of the build was stored (ISO time), or null while some are missing. */
  savedAt: string | null;
  /** How many files of the build are not stored (refused, quota exceeded, changed on the server). */
  missing: number;
  /** How many files the build lists. */
  total: number;
}

/** Hex of the first 8 bytes of a SHA-256 digest: the revision format of scripts/build/service-worker.mjs. */
export function revisionOf(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest, 0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
