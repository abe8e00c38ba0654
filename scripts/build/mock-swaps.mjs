/**
 * The module swaps of the mock API's browser builds, shared by the app's build (vite.config.ts `browserMock()`, the
 * dev-server-free page chunk) and the service worker's (scripts/build/service-worker.mjs, which carries the mock API
 * in a production mock-mode build):
 * - `tough-cookie` (MSW's cookie store, ~26 kB raw plus the ~250 kB public-suffix list of `tldts` it pulls) becomes
 *   src/mocks/tough-cookie-stub.ts: the mock sets no cookies;
 * - src/mocks/shipped-files.ts (static JSON imports of data/) becomes shipped-files.browser.ts, which fetches the same
 *   files as JSON assets when a request first needs them, instead of bundling ~1 MB of data as JavaScript.
 */
import path from 'node:path';

/**
 * @param {string} root the project's root
 * @returns {(source: string, importer: string | undefined) => string | null} the swapped module's path, or null
 */
export function mockModuleSwap(root) {
  const cookieStub = path.join(root, 'src/mocks/tough-cookie-stub.ts');
  const shippedNode = path.join(root, 'src/mocks/shipped-files.ts');
  const shippedBrowser = path.join(root, 'src/mocks/shipped-files.browser.ts');
  return (source, importer) => {
    if (source === 'tough-cookie') return cookieStub;
    if (
      importer &&
      source.endsWith('/shipped-files.ts') &&
      path.resolve(path.dirname(importer), source) === shippedNode
    )
      return shippedBrowser;
    return null;
  };
}
