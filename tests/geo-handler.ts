/**
 * The map's boundary file in tests: an MSW handler that serves `public/geo/morocco-provinces.topo.json` from disk
 * at any origin's `/geo/…` path, as Vite and scripts/serve.mjs serve it to the browser (the browser's MSW worker
 * lets the request through). tests/setup-msw.ts installs it for every test; a test that wants the file broken or
 * slow overrides it with `server.use(http.get(geometryUrl(), …))`, which takes precedence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';

/** Where the shipped boundary file is. */
export const GEOMETRY_FILE_PATH = path.resolve(import.meta.dirname, '../public/geo/morocco-provinces.topo.json');

let cached: string | undefined;

/** The shipped boundary file's text, read once. */
export function geometryText(): string {
  return (cached ??= fs.readFileSync(GEOMETRY_FILE_PATH, 'utf8'));
}

/** Serves the real boundary file. */
export const geometryHandler = http.get(
  '*/geo/morocco-provinces.topo.json',
  () => new HttpResponse(geometryText(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
);
