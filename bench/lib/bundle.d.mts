/** Types for bench/lib/bundle.mjs (B3: gzipped JavaScript per chunk). */
export interface JsFile {
  file: string;
  raw: number;
  gzip: number;
}
export function listJs(dir: string): JsFile[];
export function filesLoaded(files: readonly JsFile[], urls: readonly string[]): JsFile[];
export function totalSize(files: readonly JsFile[]): { gzip: number; raw: number; count: number };
