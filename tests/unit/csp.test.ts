// @vitest-environment node
/**
 * Guards the Content-Security-Policy (issue 8 item 5): fails if the policy is missing from the
 * build or the server, or weakened (eval, inline script, wildcards, open connect-src).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plugin, ResolvedConfig } from 'vite';
import os from 'node:os';
import {
  apiOrigin,
  buildCsp,
  cspDirectives,
  cspMetaTag,
  extractFrameAncestors,
  extractMetaCsp,
  frameAncestorSources,
  frameAncestorsMetaTag,
  frameOptionsFor,
  parseCsp,
  securityHeaders,
} from '../../scripts/csp.mjs';
import { policyForRoot } from '../../scripts/serve.mjs';
import { z } from 'zod';
import viteConfig from '../../vite.config.ts';
import '../../src/contract/contract.ts';

const API = 'https://api.mouchir.example:8443/v1/';

/** Every source list of a policy, flattened. */
function allSources(policy: string): string[] {
  return [...parseCsp(policy).values()].flat();
}

describe.each([
  { label: 'header, mock mode', policy: buildCsp() },
  { label: 'header, real API', policy: buildCsp({ apiBaseUrl: API }) },
  { label: 'meta, mock mode', policy: buildCsp({ forMeta: true }) },
  { label: 'meta, real API', policy: buildCsp({ apiBaseUrl: API, forMeta: true }) },
  { label: 'header, embeddable', policy: buildCsp({ frameAncestors: 'https://a.example https://b.example:8443' }) },
])('policy ($label)', ({ policy }) => {
  const csp = parseCsp(policy);

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['style-src-elem', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
    ['worker-src', ["'self'"]],
  ])('%s is exactly %j', (name, expected) => {
    expect(csp.get(name)).toEqual(expected);
  });

  it('never allows eval, inline script, wildcards or bare schemes', () => {
    const sources = allSources(policy);
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain("'wasm-unsafe-eval'");
    expect(sources.filter((s) => s.includes('*'))).toEqual([]);
    expect(sources.filter((s) => /^(https?|ws|wss|data|blob):$/.test(s) && s !== 'data:' && s !== 'blob:')).toEqual([]);
    for (const name of [
      'default-src',
      'script-src',
      'script-src-elem',
      'script-src-attr',
      'style-src',
      'style-src-elem',
    ]) {
      expect(csp.get(name) ?? [], name).not.toContain("'unsafe-inline'");
    }
    // data:/blob: may only appear where they cannot run code.
    for (const [name, list] of csp) {
      if (list.includes('data:') || list.includes('blob:')) expect(['img-src', 'font-src']).toContain(name);
    }
  });

  it('allows inline styles only as attributes', () => {
    for (const [name, list] of csp) {
      if (list.includes("'unsafe-inline'")) expect(name).toBe('style-src-attr');
    }
  });

  it('limits connect-src to self and the configured API origin', () => {
    const connect = csp.get('connect-src') ?? [];
    expect(connect[0]).toBe("'self'");
    expect(connect.slice(1).every((s) => s === 'https://api.mouchir.example:8443')).toBe(true);
    expect(connect.length).toBeLessThanOrEqual(2);
  });
});

describe('connect-src and the API base URL', () => {
  it.each([
    [undefined, null],
    [null, null],
    ['', null],
    ['/api', null],
    ['http://127.0.0.1:4328', 'http://127.0.0.1:4328'],
    ['https://data.gov.example/mouchir/api/', 'https://data.gov.example'],
    ['  https://x.example:444/p  ', 'https://x.example:444'],
  ])('apiOrigin(%j) = %j', (input, expected) => {
    expect(apiOrigin(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'ftp://x.example', 'not a url', 'data:text/plain,x'])('rejects %j', (bad) => {
    expect(() => apiOrigin(bad)).toThrow(/VITE_API_BASE_URL/);
  });

  it('adds exactly the API origin, only when configured', () => {
    expect(parseCsp(buildCsp()).get('connect-src')).toEqual(["'self'"]);
    expect(parseCsp(buildCsp({ apiBaseUrl: 'http://127.0.0.1:4328/' })).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:4328',
    ]);
  });
});

describe('frame-ancestors: the sites allowed to embed the app (issue 17)', () => {
  it.each([
    [undefined, ["'none'"]],
    [null, ["'none'"]],
    ['', ["'none'"]],
    ['  ', ["'none'"]],
    ["'none'", ["'none'"]],
    ["'self'", ["'self'"]],
    ['https://www.example.ma', ['https://www.example.ma']],
    ['HTTPS://WWW.Example.MA:443/', ['https://www.example.ma']],
    ['https://a.example, http://127.0.0.1:4536  https://a.example', ['https://a.example', 'http://127.0.0.1:4536']],
    ["'self' https://[::1]:8443", ["'self'", 'https://[::1]:8443']],
  ])('frameAncestorSources(%j) = %j', (setting, expected) => {
    expect(frameAncestorSources(setting)).toEqual(expected);
  });

  it.each([
    ['*', /wildcard/],
    ['https://*.example.ma', /wildcard/],
    ['https:', /not a valid URL/],
    ['www.example.ma', /not a valid URL/],
    ['javascript:alert(1)', /must be http\(s\)/],
    ['data:text/html,x', /must be http\(s\)/],
    ['ftp://files.example.ma', /must be http\(s\)/],
    ['https://www.example.ma/charts', /origin only/],
    ['https://www.example.ma/?x', /origin only/],
    ['https://www.example.ma#x', /origin only/],
    ['https://user:pw@www.example.ma', /credentials/],
    ["'none' https://www.example.ma", /alone/],
    ["'unsafe-inline'", /keyword/],
    // WHATWG URL accepts these hosts; the header would gain a directive or a broken source.
    ['https://www.example.ma;script-src', /characters/],
    ["https://x.example'", /characters/],
  ])('refuses %j loudly', (setting, why) => {
    expect(() => frameAncestorSources(setting)).toThrow(/MOUCHIR_FRAME_ANCESTORS/);
    expect(() => frameAncestorSources(setting)).toThrow(why);
  });

  it('is the header directive, none by default', () => {
    expect(parseCsp(buildCsp()).get('frame-ancestors')).toEqual(["'none'"]);
    expect(
      parseCsp(buildCsp({ frameAncestors: 'https://a.example http://127.0.0.1:4536' })).get('frame-ancestors'),
    ).toEqual(['https://a.example', 'http://127.0.0.1:4536']);
    // The setting never reaches another directive.
    const open = parseCsp(buildCsp({ frameAncestors: 'https://a.example' }));
    const closed = parseCsp(buildCsp());
    for (const [name, list] of closed) if (name !== 'frame-ancestors') expect(open.get(name), name).toEqual(list);
  });

  it('X-Frame-Options agrees with frame-ancestors: DENY by default, gone when other origins may embed', () => {
    expect(frameOptionsFor(["'none'"])).toBe('DENY');
    expect(frameOptionsFor(["'self'"])).toBe('SAMEORIGIN');
    expect(frameOptionsFor(['https://a.example'])).toBeNull();
    expect(frameOptionsFor(["'self'", 'https://a.example'])).toBeNull();
    expect(securityHeaders()['X-Frame-Options']).toBe('DENY');
    expect(securityHeaders({ frameAncestors: "'self'" })['X-Frame-Options']).toBe('SAMEORIGIN');
    const open = securityHeaders({ frameAncestors: 'https://a.example' });
    expect(open).not.toHaveProperty('X-Frame-Options');
    expect(parseCsp(open['Content-Security-Policy'] ?? '').get('frame-ancestors')).toEqual(['https://a.example']);
    // A policy passed in decides the header too (the server passes the build's).
    expect(securityHeaders({ policy: "default-src 'self'; frame-ancestors https://a.example" })).not.toHaveProperty(
      'X-Frame-Options',
    );
    expect(securityHeaders({ policy: "default-src 'self'" })['X-Frame-Options']).toBe('DENY');
  });

  it('round-trips through the meta tag the build writes, re-validated when read', () => {
    const tag = frameAncestorsMetaTag('https://a.example  http://127.0.0.1:4536');
    expect(extractFrameAncestors(`<head>${tag}</head>`)).toEqual(['https://a.example', 'http://127.0.0.1:4536']);
    expect(extractFrameAncestors(`<head>${frameAncestorsMetaTag(null)}</head>`)).toEqual(["'none'"]);
    expect(extractFrameAncestors('<head></head>')).toEqual(["'none'"]);
    expect(() => extractFrameAncestors('<meta name="mouchir-frame-ancestors" content="*">')).toThrow(/wildcard/);
    expect(() => frameAncestorsMetaTag('https://x.example/"><script>')).toThrow(/MOUCHIR_FRAME_ANCESTORS/);
  });

  describe("the server sends the build's setting", () => {
    function buildWith(head: string): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-csp-'));
      fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html><head>${head}</head><body></body></html>`);
      return dir;
    }

    it.each([
      ['no setting recorded', cspMetaTag(), ["'none'"], 'DENY'],
      ['the default', `${cspMetaTag()}${frameAncestorsMetaTag(null)}`, ["'none'"], 'DENY'],
      [
        'two origins',
        `${cspMetaTag()}${frameAncestorsMetaTag('https://a.example https://b.example')}`,
        ['https://a.example', 'https://b.example'],
        undefined,
      ],
    ])('%s', (_label, head, sources, xfo) => {
      const dir = buildWith(head);
      try {
        for (const api of [null, API]) {
          const policy = policyForRoot(dir, api);
          expect(parseCsp(policy).get('frame-ancestors')).toEqual(sources);
          expect(securityHeaders({ policy })['X-Frame-Options']).toBe(xfo);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses to start on a hand-edited, invalid setting', () => {
      const dir = buildWith(`${cspMetaTag()}<meta name="mouchir-frame-ancestors" content="https://*.example">`);
      try {
        expect(() => policyForRoot(dir, null)).toThrow(/wildcard/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('header and meta variants', () => {
  it('the header forbids framing; the meta tag omits frame-ancestors (browsers ignore it there)', () => {
    expect(parseCsp(buildCsp()).get('frame-ancestors')).toEqual(["'none'"]);
    expect(parseCsp(buildCsp({ forMeta: true })).has('frame-ancestors')).toBe(false);
  });

  it('the meta variant is the header minus frame-ancestors', () => {
    const header = cspDirectives({ apiBaseUrl: API }).filter(([n]) => n !== 'frame-ancestors');
    expect(cspDirectives({ apiBaseUrl: API, forMeta: true })).toEqual(header);
  });

  it('the meta tag round-trips through extractMetaCsp', () => {
    const tag = cspMetaTag({ apiBaseUrl: API });
    expect(extractMetaCsp(`<html><head>${tag}</head></html>`)).toBe(buildCsp({ apiBaseUrl: API, forMeta: true }));
    expect(extractMetaCsp('<html><head></head></html>')).toBeNull();
  });

  it('sends the usual security headers', () => {
    const h = securityHeaders();
    expect(h['Content-Security-Policy']).toBe(buildCsp());
    expect(h).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(h['Permissions-Policy']).toMatch(/camera=\(\)/);
    expect(h['Permissions-Policy']).toMatch(/geolocation=\(\)/);
  });
});

describe('the build embeds the policy', () => {
  const plugins = (viteConfig.plugins ?? []).flat() as Plugin[];
  const plugin = plugins.find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'mouchir-csp-meta');
  const indexHtml = fs.readFileSync(path.resolve('index.html'), 'utf8');

  /** Run the plugin like Vite does at build time, with the given env. */
  function transform(env: Record<string, string>): string {
    if (!plugin) throw new Error('mouchir-csp-meta plugin missing from vite.config.ts');
    const configResolved = plugin.configResolved as ((c: ResolvedConfig) => void) | undefined;
    configResolved?.call({} as never, { env } as unknown as ResolvedConfig);
    const hook = plugin.transformIndexHtml as { handler: (html: string) => string } | undefined;
    if (!hook) throw new Error('mouchir-csp-meta has no transformIndexHtml');
    return hook.handler.call({} as never, indexHtml);
  }

  it('is registered in vite.config.ts for builds only', () => {
    expect(plugin).toBeDefined();
    expect(plugin?.apply).toBe('build');
  });

  it.each([
    [{}, buildCsp({ forMeta: true })],
    [{ VITE_API_BASE_URL: 'http://127.0.0.1:4328' }, buildCsp({ apiBaseUrl: 'http://127.0.0.1:4328', forMeta: true })],
  ])('puts the meta CSP into index.html before any script (env %j)', (env, expected) => {
    const html = transform(env);
    expect(extractMetaCsp(html)).toBe(expected);
    const metaAt = html.search(/http-equiv="Content-Security-Policy"/);
    expect(metaAt).toBeGreaterThan(-1);
    expect(metaAt).toBeLessThan(html.search(/<script|<link/));
  });

  it.each([
    [{}, ["'none'"]],
    [
      { MOUCHIR_FRAME_ANCESTORS: 'https://a.example http://127.0.0.1:4536' },
      ['https://a.example', 'http://127.0.0.1:4536'],
    ],
  ])(
    'records the embedding origins of MOUCHIR_FRAME_ANCESTORS (env %j); the meta CSP never has them',
    (env, sources) => {
      const html = transform(env);
      expect(extractFrameAncestors(html)).toEqual(sources);
      expect(parseCsp(extractMetaCsp(html) ?? '').has('frame-ancestors')).toBe(false);
    },
  );

  it('fails the build on an invalid MOUCHIR_FRAME_ANCESTORS', () => {
    expect(() => transform({ MOUCHIR_FRAME_ANCESTORS: 'https://*.example.ma' })).toThrow(/MOUCHIR_FRAME_ANCESTORS/);
  });

  it('index.html has no inline script or style to allow', () => {
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(indexHtml).not.toMatch(/<style\b/i);
    expect(indexHtml).not.toMatch(/\sstyle=/i);
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('the source needs nothing the policy forbids', () => {
  /** All .ts/.tsx files under src/. */
  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(p);
      return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
    });
  }

  it('runs zod without JIT (its eval probe would be reported as a CSP violation)', () => {
    // src/contract/contract.ts, imported above and by every module that builds schemas, sets it.
    expect(z.config().jitless).toBe(true);
  });

  it('uses no eval, new Function, string timers or dangerouslySetInnerHTML', () => {
    const offenders = sourceFiles(path.resolve('src')).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /dangerouslySetInnerHTML/, /set(Timeout|Interval)\(\s*['"`]/]
        .filter((re) => re.test(text))
        .map((re) => `${path.relative(process.cwd(), file)}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });
});
