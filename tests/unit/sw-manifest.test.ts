/**
 * The service worker's pure parts (issue 16, item 4): the precache manifest of a build folder
 * (scripts/build/service-worker.mjs) and the navigation → shell mapping and revision format of src/sw/routes.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildId, precacheManifest } from '../../scripts/build/service-worker.mjs';
import { navigationShellUrl, noCopyPage, revisionOf } from '../../src/sw/routes.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fake build folder with the given files (relative path → content). */
function buildFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-sw-'));
  dirs.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const BUILD = {
  'index.html': '<!doctype html><title>fr</title>',
  'shells/explorer-ar.html': '<!doctype html><title>ar</title>',
  'assets/index-C3hb9pxC.js': 'console.log(1)',
  'assets/index-C3hb9pxC.js.br': 'compressed',
  'assets/index-C3hb9pxC.js.gz': 'compressed',
  'assets/noto-sans-latin-400-normal-BT7HwnzF.woff2': 'font',
  'geo/morocco-provinces.topo.json': '{"type":"Topology"}',
  'favicon.svg': '<svg/>',
  'sw.js': 'self',
  'mockServiceWorker.js': 'self',
  '.DS_Store': 'x',
};

describe('precacheManifest', () => {
  it('lists every file of the build but the workers, dotfiles and compressed copies, sorted', () => {
    const urls = precacheManifest(buildFolder(BUILD)).map((e) => e.url);
    expect(urls).toEqual([
      'assets/index-C3hb9pxC.js',
      'assets/noto-sans-latin-400-normal-BT7HwnzF.woff2',
      'favicon.svg',
      'geo/morocco-provinces.topo.json',
      'index.html',
      'shells/explorer-ar.html',
    ]);
  });

  it('gives hashed assets no revision and every other file the hash of its content', () => {
    const manifest = precacheManifest(buildFolder(BUILD));
    const byUrl = new Map(manifest.map((e) => [e.url, e.revision]));
    expect(byUrl.get('assets/index-C3hb9pxC.js')).toBeNull();
    expect(byUrl.get('assets/noto-sans-latin-400-normal-BT7HwnzF.woff2')).toBeNull();
    const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
    expect(byUrl.get('index.html')).toBe(sha(BUILD['index.html']));
    expect(byUrl.get('shells/explorer-ar.html')).toBe(sha(BUILD['shells/explorer-ar.html']));
    expect(byUrl.get('geo/morocco-provinces.topo.json')).toBe(sha(BUILD['geo/morocco-provinces.topo.json']));
  });

  it('changes revision and build id when a file changes, and only then', () => {
    const a = precacheManifest(buildFolder(BUILD));
    const same = precacheManifest(buildFolder(BUILD));
    const b = precacheManifest(buildFolder({ ...BUILD, 'index.html': '<!doctype html><title>v2</title>' }));
    expect(buildId(same)).toBe(buildId(a));
    expect(buildId(b)).not.toBe(buildId(a));
    expect(b.find((e) => e.url === 'index.html')?.revision).not.toBe(a.find((e) => e.url === 'index.html')?.revision);
    expect(b.find((e) => e.url === 'favicon.svg')?.revision).toBe(a.find((e) => e.url === 'favicon.svg')?.revision);
  });

  it('the revision the worker computes from the bytes equals the build step’s', async () => {
    const dir = buildFolder(BUILD);
    const entry = precacheManifest(dir).find((e) => e.url === 'index.html');
    const digest = await crypto.webcrypto.subtle.digest('SHA-256', fs.readFileSync(path.join(dir, 'index.html')));
    expect(revisionOf(digest)).toBe(entry?.revision);
  });
});

describe('navigationShellUrl', () => {
  const scope = 'https://example.org/mouchir/';
  it('answers the entry URL with the shell of its query', () => {
    expect(navigationShellUrl('https://example.org/mouchir/', scope)).toBe('https://example.org/mouchir/index.html');
    // The explorer's default view has a page of its own (its chart's head baked in); any other selection the plain one.
    expect(navigationShellUrl('https://example.org/mouchir/?view=explorer&lang=ar', scope)).toBe(
      'https://example.org/mouchir/shells/explorer-default-ar.html',
    );
    expect(navigationShellUrl('https://example.org/mouchir/?view=explorer&lang=ar&tab=map', scope)).toBe(
      'https://example.org/mouchir/shells/explorer-ar.html',
    );
    expect(navigationShellUrl('https://example.org/mouchir/index.html?view=projects&lang=en', scope)).toBe(
      'https://example.org/mouchir/shells/projects-en.html',
    );
    // Unknown view or language: the app's defaults, as the server does.
    expect(navigationShellUrl('https://example.org/mouchir/?view=nope&lang=xx', scope)).toBe(
      'https://example.org/mouchir/index.html',
    );
  });

  it('leaves other paths and origins alone', () => {
    expect(navigationShellUrl('https://example.org/mouchir/geo/README.md', scope)).toBeNull();
    expect(navigationShellUrl('https://example.org/other/', scope)).toBeNull();
    expect(navigationShellUrl('https://evil.example/mouchir/', scope)).toBeNull();
  });
});

describe('noCopyPage', () => {
  it('says the offline copy is missing in the language of the query, right to left in Arabic, with no script', () => {
    expect(noCopyPage('?view=explorer')).toMatch(/<html lang="fr" dir="ltr">.*la copie hors ligne de Mouchir/);
    expect(noCopyPage('?lang=ar')).toMatch(/<html lang="ar" dir="rtl">.*النسخة المحفوظة/);
    expect(noCopyPage('?lang=en')).toMatch(/offline copy is not available/);
    expect(noCopyPage('?lang=<script>')).toMatch(/<html lang="fr"/);
    expect(noCopyPage('?lang=ar')).not.toMatch(/<script|<style/);
  });
});
