/**
 * The one Content-Security-Policy of Mouchir, shared by the build (a `<meta http-equiv>` in
 * `dist/index.html`, injected by a Vite plugin in vite.config.ts) and by `npm start`
 * (scripts/serve.mjs sends it as a header). Keeping a single source means the header and the
 * meta tag can never drift apart; tests/unit/csp.test.ts fails if it is weakened.
 *
 * Plain ESM with no dependencies so Node scripts, Vite and vitest can all import it.
 */

/**
 * The origin (scheme://host[:port]) of a configured API base URL, or `null` when there is none
 * (mock mode: the service worker answers same-origin requests, so `'self'` suffices).
 * A base URL that is not an absolute http(s) URL is rejected loudly: a typo here would otherwise
 * either open connect-src too wide or silently block every API call in production.
 * A relative base (`/api`) is same-origin and needs nothing beyond `'self'`.
 *
 * @param {string | undefined | null} apiBaseUrl
 * @returns {string | null}
 */
export function apiOrigin(apiBaseUrl) {
  if (apiBaseUrl === undefined || apiBaseUrl === null) return null;
  const trimmed = String(apiBaseUrl).trim();
  if (trimmed === '' || trimmed.startsWith('/')) return null;
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`VITE_API_BASE_URL is not a valid URL: ${JSON.stringify(trimmed)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`VITE_API_BASE_URL must be http(s), got ${url.protocol}`);
  }
  return url.origin;
}

/** The build-time setting that lists the origins allowed to show Mouchir in a frame (issue 17, embed). */
export const FRAME_ANCESTORS_ENV = 'MOUCHIR_FRAME_ANCESTORS';

/** A serialised http(s) origin made of host-name characters only (or a bracketed IPv6 address). */
const ORIGIN_RE = /^https?:\/\/(?:\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?$/;

/**
 * The `frame-ancestors` sources of a build from its setting (`MOUCHIR_FRAME_ANCESTORS`): origins separated by spaces
 * or commas, e.g. `https://www.example.ma https://data.example.org`. Unset, empty or `'none'` gives `['\'none\'']`
 * (no site may frame the app: the default). `'self'` lets the app's own origin frame it.
 *
 * Validated loudly, like `apiOrigin`, because a typo here either lets any site frame the app (clickjacking) or
 * silently breaks every embed:
 * - each origin must be an absolute http(s) URL with nothing after the host and port (a path, query or fragment is
 *   refused rather than dropped: `frame-ancestors` matches origins only, and a silently trimmed path would allow the
 *   whole site where the person configuring meant one page);
 * - no wildcard at all (`*`, `https:`, `https://*.example.ma`): a subdomain wildcard trusts every subdomain, including
 *   ones that host other people's pages; list the hosts instead;
 * - no other keyword and no user:password; `'none'` only on its own.
 * Each origin is written in its normalised form (`url.origin`: lower-case host, no default port), so nothing the
 * setting contains can add another directive (no `;`, no spaces).
 *
 * @param {string | undefined | null} setting
 * @returns {string[]}
 */
export function frameAncestorSources(setting) {
  const tokens = String(setting ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length === 0) return ["'none'"];
  if (tokens.length === 1 && tokens[0] === "'none'") return ["'none'"];
  /** @type {string[]} */
  const out = [];
  for (const token of tokens) {
    const fail = (/** @type {string} */ why) =>
      new Error(
        `${FRAME_ANCESTORS_ENV}: ${JSON.stringify(token)} ${why} (expected origins such as https://www.example.ma)`,
      );
    if (token === "'none'") throw fail('may only be used alone');
    if (token === "'self'") {
      if (!out.includes(token)) out.push(token);
      continue;
    }
    if (token.includes('*')) throw fail('is a wildcard; list each allowed origin');
    if (token.startsWith("'")) throw fail('is not an allowed keyword');
    let url;
    try {
      url = new URL(token);
    } catch {
      throw fail('is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail(`must be http(s), got ${url.protocol}`);
    if (url.username !== '' || url.password !== '') throw fail('must not carry credentials');
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(token))
      throw fail('must be an origin only (no path, query or fragment)');
    // WHATWG URL lets `;`, `'` and other characters through in a host (`https://x.ma;script-src` parses): only
    // letters, digits, dots and hyphens (or a bracketed IPv6 address) may reach the header.
    if (!ORIGIN_RE.test(url.origin)) throw fail('has characters no host name has');
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

/**
 * The X-Frame-Options header that agrees with a `frame-ancestors` list, or `null` when none can: the old header knows
 * only DENY and SAMEORIGIN (its ALLOW-FROM is gone from every browser), and a browser that honours CSP ignores it
 * anyway; but a DENY sent beside a list of allowed origins would still block those origins in older browsers, and a
 * header that contradicts the policy is a trap for whoever reads it.
 *
 * @param {readonly string[]} sources from {@link frameAncestorSources}
 * @returns {'DENY' | 'SAMEORIGIN' | null}
 */
export function frameOptionsFor(sources) {
  if (sources.length === 1 && sources[0] === "'none'") return 'DENY';
  if (sources.length === 1 && sources[0] === "'self'") return 'SAMEORIGIN';
  return null;
}

/**
 * The CSP directives, in order. `frame-ancestors` is only honoured in a header (browsers ignore
 * it, with a console warning, inside a meta tag), so the meta variant leaves it out.
 *
 * Why each source is allowed:
 * - `style-src-attr 'unsafe-inline'`: React and recharts set `style=` on elements (positions of
 *   tooltips, legends, the responsive container). Attributes cannot run code; `<style>` elements
 *   and style sheets stay restricted to 'self' through `style-src-elem`.
 * - `img-src data: blob:`: exports render a composed SVG to PNG through blob:/data: URLs; the QR
 *   code is a data: URL.
 * - `font-src data:`: Vite inlines small font files as data: URLs.
 * - `worker-src 'self'`: the MSW service worker (and any Web Worker) comes from our own origin.
 *
 * - `frame-ancestors`: `'none'` unless the build lists the sites allowed to embed the app
 *   ({@link frameAncestorSources}).
 *
 * @param {{ apiBaseUrl?: string | null, forMeta?: boolean, frameAncestors?: string | null }} [options]
 *   `frameAncestors` is the raw build setting (`MOUCHIR_FRAME_ANCESTORS`).
 * @returns {Array<[string, string[]]>}
 */
export function cspDirectives({ apiBaseUrl = null, forMeta = false, frameAncestors = null } = {}) {
  const api = apiOrigin(apiBaseUrl);
  /** @type {Array<[string, string[]]>} */
  const directives = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['style-src-elem', ["'self'"]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['connect-src', api ? ["'self'", api] : ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  if (!forMeta) directives.push(['frame-ancestors', frameAncestorSources(frameAncestors)]);
  return directives;
}

/**
 * The policy as a header/meta value: `default-src 'self'; script-src 'self'; …`.
 *
 * @param {{ apiBaseUrl?: string | null, forMeta?: boolean, frameAncestors?: string | null }} [options]
 * @returns {string}
 */
export function buildCsp(options = {}) {
  return cspDirectives(options)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Parse a policy string back into a map (directive → sources). Used by the server to reuse the
 * policy a build embedded, and by tests to check it.
 *
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parseCsp(policy) {
  /** @type {Map<string, string[]>} */
  const map = new Map();
  for (const part of policy.split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const [name, ...sources] = tokens;
    if (name !== undefined && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/**
 * Find the CSP `<meta http-equiv>` value inside an HTML document, or `null`.
 *
 * @param {string} html
 * @returns {string | null}
 */
export function extractMetaCsp(html) {
  const tag = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i);
  if (!tag) return null;
  const content = tag[0].match(/\bcontent=(?:"([^"]*)"|'([^']*)')/i);
  if (!content) return null;
  return (content[1] ?? content[2] ?? '')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * The meta tag to inject into index.html. The value only contains quotes, letters, URLs and
 * punctuation; single quotes are kept as-is inside a double-quoted attribute.
 *
 * @param {{ apiBaseUrl?: string | null }} [options]
 * @returns {string}
 */
export function cspMetaTag({ apiBaseUrl = null } = {}) {
  const value = buildCsp({ apiBaseUrl, forMeta: true }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<meta http-equiv="Content-Security-Policy" content="${value}" />`;
}

/** Name of the meta tag that carries a build's `frame-ancestors` sources to the server (a meta CSP cannot). */
export const FRAME_ANCESTORS_META = 'mouchir-frame-ancestors';

/**
 * The meta tag that records the build's `frame-ancestors` sources in index.html: browsers ignore `frame-ancestors`
 * in a meta CSP, so scripts/serve.mjs reads this tag and sends the directive as a header. Sources are origins or
 * quoted keywords only (validated), so nothing needs escaping but the quotes.
 *
 * @param {string | null | undefined} frameAncestors the raw build setting
 * @returns {string}
 */
export function frameAncestorsMetaTag(frameAncestors) {
  const value = frameAncestorSources(frameAncestors).join(' ');
  return `<meta name="${FRAME_ANCESTORS_META}" content="${value}" />`;
}

/**
 * The `frame-ancestors` sources a built HTML document records ({@link frameAncestorsMetaTag}), re-validated, or
 * `['\'none\'']` when it records none (a build made before the setting existed).
 *
 * @param {string} html
 * @returns {string[]}
 */
export function extractFrameAncestors(html) {
  const tag = html.match(new RegExp(`<meta\\b[^>]*name=["']?${FRAME_ANCESTORS_META}["']?[^>]*>`, 'i'));
  const content = tag?.[0].match(/\bcontent=(?:"([^"]*)"|'([^']*)')/i);
  return frameAncestorSources(content ? (content[1] ?? content[2] ?? '') : null);
}

/**
 * Security headers sent with every response by scripts/serve.mjs (and written to `_headers` for static hosts).
 * X-Frame-Options follows the `frame-ancestors` of the policy ({@link frameOptionsFor}): DENY by default, left out
 * when the build allows other origins to embed the app.
 *
 * @param {{ apiBaseUrl?: string | null, policy?: string, frameAncestors?: string | null }} [options] `policy`
 *   overrides the computed CSP (the server passes the one embedded in the build, plus frame-ancestors).
 * @returns {Record<string, string>}
 */
export function securityHeaders({ apiBaseUrl = null, policy, frameAncestors = null } = {}) {
  const csp = policy ?? buildCsp({ apiBaseUrl, frameAncestors });
  const frameOptions = frameOptionsFor(parseCsp(csp).get('frame-ancestors') ?? ["'none'"]);
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Nothing in Mouchir needs device APIs; fullscreen stays allowed for presenting in meetings.
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), fullscreen=(self)',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (frameOptions !== null) headers['X-Frame-Options'] = frameOptions;
  return headers;
}
