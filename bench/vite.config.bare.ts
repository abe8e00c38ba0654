/**
 * Build of the bench's reference pages (not part of the app): `bench/bare/` (B1, B3) and, when the
 * export modules exist, `bench/export/` (B4) and `bench/map-export/` (B7's map PNG); `bench/import/` (B8) once
 * src/import/client.ts exists. Same React plugin and target as the app, so the
 * comparison is like for like. Output folder is given by the bench script (`--outDir`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const input: Record<string, string> = { bare: here('./bare/index.html') };
// B4 page: only when the export engineer's modules are there, so the bench builds at any stage.
if (existsSync(here('../src/export/png.ts')) && existsSync(here('../src/export/compose-svg.ts'))) {
  input.export = here('./export/index.html');
}
// B7's map PNG page: only when the map export module is there too.
if (existsSync(here('../src/export/png.ts')) && existsSync(here('../src/export/compose-map-svg.ts'))) {
  input['map-export'] = here('./map-export/index.html');
}

// B8 page (issue 15): the import client and worker, when they are there.
if (existsSync(here('../src/import/client.ts'))) {
  input.import = here('./import/index.html');
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  // Module workers split like pages: the import worker loads its XLSX reader (and fflate) only for a workbook
  // (the app's vite.config.ts sets the same, see the request in the coordination notes).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input },
  },
});
