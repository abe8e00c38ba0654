// @vitest-environment node
/**
 * The build side of the embed (issue 17, item 5): `?embed=1` is answered by a page without the app's chrome, in the
 * language of the query, by the server and the service worker alike (both ask scripts/build/shell-route.mjs); static
 * hosts get the same security headers as scripts/serve.mjs in `_headers`.
 */
import { describe, expect, it } from 'vitest';
import { embedShellPath, isEmbedQuery, shellFile } from '../../scripts/build/shell-route.mjs';
import { embedShellDocument, headersFile } from '../../scripts/embed-build.mjs';
import { buildCsp, cspMetaTag, frameAncestorsMetaTag, parseCsp } from '../../scripts/csp.mjs';
import { documentFor } from '../../scripts/serve.mjs';
import { navigationShellUrl } from '../../src/sw/routes.ts';

const TEMPLATE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="UTF-8" />
    ${cspMetaTag()}
    <title>Mouchir</title>
    <script type="module" crossorigin src="./assets/index-abcdefgh.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

describe('which page answers ?embed=1', () => {
  it.each([
    ['?embed=1', 'shells/embed-fr.html'],
    ['?embed=1&view=explorer&lang=ar&indicator=x', 'shells/embed-ar.html'],
    ['embed=1&lang=en&tab=map', 'shells/embed-en.html'],
    ['?embed=1&lang=xx', 'shells/embed-fr.html'],
    ['?view=explorer&lang=ar&embed=0', 'shells/explorer-ar.html'],
    ['?view=explorer&embed=yes', 'shells/explorer-fr.html'],
  ])('%s → %s', (search, expected) => {
    expect(shellFile(search)).toBe(expected);
    expect(documentFor('index.html', search, () => true)).toBe(expected);
  });

  it('the service worker picks the same page offline', () => {
    expect(navigationShellUrl('https://x.example/m/?embed=1&lang=ar', 'https://x.example/m/')).toBe(
      'https://x.example/m/shells/embed-ar.html',
    );
  });

  it('an older build without embed pages falls back to index.html', () => {
    expect(documentFor('index.html', '?embed=1&lang=ar', () => false)).toBe('index.html');
  });

  it('reads embed=1 only', () => {
    expect(isEmbedQuery(new URLSearchParams('embed=1'))).toBe(true);
    for (const q of ['', 'embed=', 'embed=true', 'embed=01', 'Embed=1'])
      expect(isEmbedQuery(new URLSearchParams(q))).toBe(false);
    expect(embedShellPath('zz')).toBe('shells/embed-fr.html');
  });
});

describe('the embed page', () => {
  it('keeps the head (CSP first) and an empty root, in the language and direction of the page', () => {
    const ar = embedShellDocument(TEMPLATE, 'ar', ['noto-sans-arabic-arabic-400-normal-Ab12Cd34.woff2']);
    expect(ar).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar).toContain(cspMetaTag());
    expect(ar).toContain('./assets/index-abcdefgh.js');
    expect(ar).toContain('noto-sans-arabic-arabic-400-normal-Ab12Cd34.woff2');
    // No header, navigation or view markup: only what the app mounts into.
    expect(ar).toMatch(/<div id="root"><!--shell--><!--\/shell--><\/div>/);
    expect(ar).not.toMatch(/<header|<nav|<main/);
    expect(embedShellDocument(TEMPLATE, 'en', [])).toMatch(/<html lang="en" dir="ltr">/);
  });
});

describe('_headers for static hosts', () => {
  function headersOf(file: string): Map<string, string> {
    const lines = file.split('\n');
    expect(lines).toContain('/*');
    return new Map(
      lines
        .filter((l) => l.startsWith('  '))
        .map((l) => [l.trim().slice(0, l.trim().indexOf(':')), l.trim().slice(l.trim().indexOf(':') + 2)]),
    );
  }

  it('default build: frame-ancestors none and X-Frame-Options DENY', () => {
    const h = headersOf(headersFile(TEMPLATE.replace('<title>', `${frameAncestorsMetaTag(null)}<title>`)));
    expect(h.get('Content-Security-Policy')).toBe(buildCsp());
    expect(h.get('X-Frame-Options')).toBe('DENY');
    expect(h.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('embeddable build: the listed origins, no X-Frame-Options to contradict them', () => {
    const html = TEMPLATE.replace('<title>', `${frameAncestorsMetaTag('https://a.example https://b.example')}<title>`);
    const h = headersOf(headersFile(html));
    expect(parseCsp(h.get('Content-Security-Policy') ?? '').get('frame-ancestors')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(h.get('Content-Security-Policy')).toBe(buildCsp({ frameAncestors: 'https://a.example https://b.example' }));
    expect(h.has('X-Frame-Options')).toBe(false);
  });
});
