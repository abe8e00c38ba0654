/** Types for scripts/csp.mjs (plain ESM so Node scripts and Vite share it). */
export interface CspOptions {
  apiBaseUrl?: string | null;
  forMeta?: boolean;
  /** The raw `MOUCHIR_FRAME_ANCESTORS` build setting (origins separated by spaces or commas). */
  frameAncestors?: string | null;
}
/** Origin of a configured API base URL, or null (mock mode / relative base). Throws on a non-http(s) URL. */
export function apiOrigin(apiBaseUrl: string | undefined | null): string | null;
/** Name of the build setting listing the origins allowed to frame the app. */
export const FRAME_ANCESTORS_ENV: 'MOUCHIR_FRAME_ANCESTORS';
/** The frame-ancestors sources of a setting (`['\'none\'']` when unset). Throws on anything but http(s) origins. */
export function frameAncestorSources(setting: string | undefined | null): string[];
/** The X-Frame-Options value agreeing with frame-ancestors sources, or null when none can (other origins allowed). */
export function frameOptionsFor(sources: readonly string[]): 'DENY' | 'SAMEORIGIN' | null;
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
/** Name of the meta tag recording a build's frame-ancestors sources. */
export const FRAME_ANCESTORS_META: 'mouchir-frame-ancestors';
/** The meta tag recording a build's frame-ancestors sources in index.html. */
export function frameAncestorsMetaTag(frameAncestors: string | null | undefined): string;
/** The frame-ancestors sources recorded in a built HTML document (`['\'none\'']` when none). */
export function extractFrameAncestors(html: string): string[];
/** Security headers of every response of scripts/serve.mjs. */
export function securityHeaders(options?: {
  apiBaseUrl?: string | null;
  policy?: string;
  frameAncestors?: string | null;
}): Record<string, string>;
