/** Types for scripts/serve.mjs, the static server of `npm start`, the e2e harness and the bench. */
import type http from 'node:http';

export const MIME_TYPES: Record<string, string>;
export function normaliseBase(basePath: string | undefined): string;
export function cacheControl(relPath: string): string;
/** Whether an Accept-Encoding header accepts gzip. */
export function acceptsGzip(header: string | undefined): boolean;
/** The encoding to send among those available for a file (q-values, `*`, brotli first on a tie). */
export function negotiateEncoding(
  header: string | undefined,
  available: readonly ('br' | 'gzip')[],
): 'br' | 'gzip' | 'identity';
/** The build's precompressed copies of a file (`.br`, `.gz`) that are not older than it. */
export function precompressedCopies(
  file: string,
  stat: import('node:fs').Stats,
): { br?: { file: string; size: number }; gzip?: { file: string; size: number } };
/** Whether a path is a precompressed copy of another file of the build (never served as itself). */
export function isPrecompressedCopy(file: string): boolean;
export type ResolvedPath =
  | { kind: 'file'; file: string; rel: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' }
  | { kind: 'bad-request' };
export function resolveRequestPath(rawPath: string, options: { root: string; basePath: string }): ResolvedPath;
/** The file answering a request for `rel`: the entry document becomes the shell of the query's view and language. */
export function documentFor(rel: string, search: string, exists: (rel: string) => boolean): string;
export function policyForRoot(root: string, apiBaseUrl: string | null | undefined): string;
export interface ServeOptions {
  /** Folder to serve; default `dist`. */
  root?: string;
  /** Sub-path the app is served under; default `/`. */
  basePath?: string;
  /** API base URL to allow in connect-src when the build has no meta CSP. */
  apiBaseUrl?: string | null;
}
export function createServer(options?: ServeOptions): http.Server;
export interface RunningServer {
  /** e.g. `http://localhost:4173/mouchir/` */
  url: string;
  port: number;
  server: http.Server;
  close: () => Promise<void>;
}
export function startServer(options?: ServeOptions & { port?: number; host?: string }): Promise<RunningServer>;
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { root: string; basePath: string; port: number; host: string; apiBaseUrl: string | null };
