#!/usr/bin/env node
/**
 * Find a Chromium for the e2e tests and the bench, installing one when there is none.
 *
 * Order: `CHROME_PATH`, Debian's `/usr/bin/chromium`, `/usr/bin/chromium-browser`, then
 * Playwright's browser cache (`~/.cache/ms-playwright/chromium-*`). When nothing is found:
 * on Debian/Ubuntu as root `apt-get update && apt-get install -y chromium`, otherwise
 * `npx playwright install chromium` (playwright-core ships that CLI).
 *
 * Run as a script it prints the path it chose and, for callers that `eval`/parse it, a last line
 * `CHROME_PATH=/path`. scripts/test.mjs imports `ensureChromium()` and exports the path into the
 * environment of the e2e step; tests/e2e/harness.ts reads `CHROME_PATH` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Flags for every headless run of the project (e2e harness, bench, screenshots): quiet, offline-safe,
 * no GPU, no background traffic that could be counted as the app's.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * @param {string} file
 * @returns {boolean}
 */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Chromium binaries in Playwright's cache, newest revision first.
 *
 * @param {string} cacheDir
 * @returns {string[]}
 */
export function playwrightCacheCandidates(cacheDir) {
  let entries;
  try {
    entries = fs.readdirSync(cacheDir);
  } catch {
    return [];
  }
  const revision = (/** @type {string} */ name) => Number(name.replace(/^\D+/, '')) || 0;
  return entries
    .filter((e) => /^chromium(_headless_shell)?-\d+$/.test(e))
    .sort((a, b) => revision(b) - revision(a) || (a.includes('headless') ? 1 : -1))
    .flatMap((dir) => {
      const root = path.join(cacheDir, dir);
      let subdirs;
      try {
        subdirs = fs
          .readdirSync(root)
          .filter((d) => d.startsWith('chrome-linux') || d.startsWith('chrome-headless-shell-linux'));
      } catch {
        return [];
      }
      return subdirs.flatMap((d) => [path.join(root, d, 'chrome'), path.join(root, d, 'chrome-headless-shell')]);
    });
}

/**
 * Every place we look, in order of preference.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string[]}
 */
export function chromiumCandidates(env = process.env) {
  const cacheDir = env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), '.cache', 'ms-playwright');
  return [
    ...(env.CHROME_PATH ? [env.CHROME_PATH] : []),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    ...playwrightCacheCandidates(cacheDir),
  ];
}

/**
 * The first executable Chromium, or `null`. Never installs anything.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findChromium(env = process.env) {
  for (const candidate of chromiumCandidates(env)) if (isExecutable(candidate)) return candidate;
  return null;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @returns {boolean}
 */
function run(cmd, args) {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/**
 * Find a Chromium, installing one if needed. Returns its path or throws.
 *
 * @returns {string}
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log("ensure-chromium: no Chromium found; installing Debian's chromium with apt-get");
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  console.log('ensure-chromium: installing Chromium with `npx playwright install chromium`');
  // playwright-core's CLI is `playwright-core`; `npx playwright` would fetch another package.
  run('npx', ['--no-install', 'playwright-core', 'install', 'chromium']);
  const installed = findChromium();
  if (installed) return installed;
  throw new Error('no Chromium found and installing one failed; set CHROME_PATH to a Chromium binary');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const chrome = ensureChromium();
    console.log(`ensure-chromium: using ${chrome}`);
    console.log(`CHROME_PATH=${chrome}`);
  } catch (e) {
    console.error(`ensure-chromium: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
