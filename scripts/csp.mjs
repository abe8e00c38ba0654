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
 * @param {{ apiBaseUrl?: string | null, forMeta?: boolean }} [options]
 * @returns {Array<[string, string[]]>}
 */
export function cspDirectives({ apiBaseUrl = null, forMeta = false } = {}) {
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
  if (!forMeta) directives.push(['frame-ancestors', ["'none'"]]);
  return directives;
}

/**
 * The policy as a header/meta value: `default-src 'self'; script-src 'self'; …`.
 *
 * @param {{ apiBaseUrl?: string | null, forMeta?: boolean }} [options]
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

/**
 * Security headers sent with every response by scripts/serve.mjs.
 *
 * @param {{ apiBaseUrl?: string | null, policy?: string }} [options] `policy` overrides the
 *   computed CSP (the server passes the one embedded in the build, plus frame-ancestors).
 * @returns {Record<string, string>}
 */
export function securityHeaders({ apiBaseUrl = null, policy } = {}) {
  return {
    'Content-Security-Policy': policy ?? buildCsp({ apiBaseUrl }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Nothing in Mouchir needs device APIs; fullscreen stays allowed for presenting in meetings.
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), fullscreen=(self)',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
