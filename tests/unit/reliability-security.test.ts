// @vitest-environment node
/**
 * Issue 8 item 5, source-level guards: nothing in src/ writes raw HTML or runs strings as code, and the
 * HTML entry has no inline script (the CSP forbids both; see tests/unit/csp.test.ts for the policy itself
 * and tests/e2e/security.test.ts for what the built app and `npm start` really send).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts/.tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|mts)$/.test(d.name) ? [p] : [];
  });
}

/** Source without comments, so a comment explaining why something is forbidden does not trip the check. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:"'`])\/\/.*$/gm, '$1');
}

const FILES = sourceFiles(path.resolve('src'));

/** Patterns that would put markup or code from data into the page. */
const FORBIDDEN: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML/outerHTML assignment', /\.(inner|outer)HTML\s*=(?!=)/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URL', /['"`]javascript:/i],
];

describe('no raw HTML or string-as-code in src/', () => {
  it('finds the sources', () => {
    expect(FILES.length).toBeGreaterThan(30);
  });

  it.each(FORBIDDEN)('no %s', (_name, pattern) => {
    const hits = FILES.filter((f) => pattern.test(code(f))).map((f) => path.relative(process.cwd(), f));
    expect(hits).toEqual([]);
  });

  it('the check itself catches each pattern', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'el.innerHTML = label;',
      "el.insertAdjacentHTML('beforeend', x)",
      'document.write(x)',
      'eval(x)',
      "new Function('return 1')",
      "setTimeout('alert(1)', 1)",
      "href = 'javascript:alert(1)'",
    ];
    FORBIDDEN.forEach(([name, pattern], i) => expect(pattern.test(samples[i] ?? ''), name).toBe(true));
    expect(/\.(inner|outer)HTML\s*=(?!=)/.test('if (a.innerHTML === b)')).toBe(false);
  });
});

describe('the HTML entry', () => {
  const html = fs.readFileSync(path.resolve('index.html'), 'utf8');

  it('has only external scripts and no inline handlers', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
