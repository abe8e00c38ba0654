// @vitest-environment node
/**
 * scripts/ensure-chromium.mjs lookup order: CHROME_PATH, Debian's paths, then Playwright's cache
 * (newest revision first); a path that is not an executable file is skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, playwrightCacheCandidates } from '../../scripts/ensure-chromium.mjs';

let tmp = '';
/** Create an executable (or not) file and return its path. */
function file(rel: string, executable = true): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, '#!/bin/sh\n');
  fs.chmodSync(p, executable ? 0o755 : 0o644);
  return p;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-chromium-'));
  file('cache/chromium-1100/chrome-linux/chrome');
  file('cache/chromium-1200/chrome-linux64/chrome');
  file('cache/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell');
  file('cache/firefox-1400/firefox/firefox');
  file('bin/my-chrome');
  file('bin/not-executable', false);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('playwrightCacheCandidates', () => {
  it('lists Chromium builds newest first, full Chromium before the headless shell, nothing else', () => {
    const existing = playwrightCacheCandidates(path.join(tmp, 'cache')).filter((p) => fs.existsSync(p));
    expect(existing.map((p) => path.relative(tmp, p))).toEqual([
      'cache/chromium-1200/chrome-linux64/chrome',
      'cache/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell',
      'cache/chromium-1100/chrome-linux/chrome',
    ]);
  });

  it('is empty for a missing cache', () => {
    expect(playwrightCacheCandidates(path.join(tmp, 'nope'))).toEqual([]);
  });
});

describe('chromiumCandidates / findChromium', () => {
  it('puts CHROME_PATH first, then Debian, then the cache', () => {
    const list = chromiumCandidates({ CHROME_PATH: '/x/chrome', PLAYWRIGHT_BROWSERS_PATH: path.join(tmp, 'cache') });
    expect(list.slice(0, 3)).toEqual(['/x/chrome', '/usr/bin/chromium', '/usr/bin/chromium-browser']);
    expect(list[3]).toBe(path.join(tmp, 'cache/chromium-1200/chrome-linux64/chrome'));
  });

  it('returns an executable CHROME_PATH as is', () => {
    const mine = path.join(tmp, 'bin/my-chrome');
    expect(findChromium({ CHROME_PATH: mine })).toBe(mine);
  });

  it('skips a CHROME_PATH that is not executable or missing', () => {
    for (const bad of [path.join(tmp, 'bin/not-executable'), path.join(tmp, 'bin/missing'), path.join(tmp, 'bin')]) {
      expect(findChromium({ CHROME_PATH: bad, PLAYWRIGHT_BROWSERS_PATH: path.join(tmp, 'cache') })).not.toBe(bad);
    }
  });

  it('falls back to the cache when no system Chromium exists', () => {
    const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
    const found = findChromium({ PLAYWRIGHT_BROWSERS_PATH: path.join(tmp, 'cache') });
    expect(found).toBe(systemChromium ?? path.join(tmp, 'cache/chromium-1200/chrome-linux64/chrome'));
  });
});
