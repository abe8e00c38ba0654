/** Types for scripts/build/precompress.mjs (issue 16: brotli and gzip copies of the build's text files). */
import type { PostBuildContext } from './post-build.mjs';

export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string>;
export const PRECOMPRESS_MIN_BYTES: number;
export const BROTLI_MAX_QUALITY_BYTES: number;
export const PRECOMPRESSED_SUFFIX: { readonly br: '.br'; readonly gzip: '.gz' };
export function isPrecompressible(name: string, size: number): boolean;
export function brotliQualityFor(size: number): number;
export interface PrecompressResult {
  files: number;
  rawBytes: number;
  brBytes: number;
  gzBytes: number;
  ms: number;
}
export function precompressDir(
  dir: string,
  options?: { brotliQuality?: (size: number) => number },
): Promise<PrecompressResult>;
export function precompress(ctx: PostBuildContext): Promise<PrecompressResult>;
