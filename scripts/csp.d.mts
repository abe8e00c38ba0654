/** Types for scripts/csp.mjs (plain ESM so Node scripts and Vite share it). */
export interface CspOptions {
  apiBaseUrl?: string | null;
  forMeta?: boolean;
}
/** Origin of a configured API base URL, or null (mock mode / relative base). Throws on a non-http(s) URL. */
export function apiOrigin(apiBaseUrl: string | undefined | null): string | null;
/** Directives in order, as [name, sources]. */
export function cspDirectives(options?: CspOptions): Array<[string, string[]]>;
/** The policy string. */
export function buildCsp(options?: CspOptions): string;
/** Parse a policy string into directive → sources. */
export function parseCsp(policy: string): Map<string, string[]>;
/** The CSP of a `<meta http-equiv>` in an HTML document, or null. */
export function extractMetaCsp(html: string): string | null;
/** The `<meta http-equiv="Content-Security-Policy">` tag for index.html. */
export function cspMetaTag(options?: { apiBaseUrl?: string | null }): string;
/** Security headers of every response of scripts/serve.mjs. */
export function securityHeaders(options?: { apiBaseUrl?: string | null; policy?: string }): Record<string, string>;
