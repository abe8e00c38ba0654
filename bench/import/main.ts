/**
 * B8 page of the bench (issue 15): imports the generated CSV (100,056 rows) and XLSX (50,072 rows) through the
 * app's own import client and worker (src/import/client.ts, loaded lazily as the dialog loads it), and records the
 * page's long tasks meanwhile. scripts/bench.mjs calls `window.__importBench(file, fileName)` once per repetition;
 * each call starts a fresh worker (cold: the worker's module and, for XLSX, its reader chunk are fetched).
 */
import territoriesFile from '../../data/territories.json';
import type { ImportTerritory } from '../../src/import/types.ts';

const territories = territoriesFile.data as unknown as ImportTerritory[];
const longTasks: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ startTime: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Frames: the longest gap between two animation frames while the import runs (what a user would feel). */
function frameWatch(): () => number {
  let last = performance.now();
  let worst = 0;
  let on = true;
  const tick = (t: number) => {
    worst = Math.max(worst, t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    return worst;
  };
}

async function importBench(url: string, fileName: string) {
  const data = await (await fetch(url)).arrayBuffer();
  const bytes = data.byteLength;
  const startTask = longTasks.length;
  const stopFrames = frameWatch();
  const t0 = performance.now();
  const { createImportClient } = await import('../../src/import/client.ts');
  const client = createImportClient();
  const preview = await client.load(data, { fileName, territories });
  const t1 = performance.now();
  if (!preview.mapping) throw new Error(`no mapping: ${JSON.stringify(preview.issues)}`);
  const result = await client.run(
    { mapping: preview.mapping, indicator: 'bench-import', valueKind: 'other', decimal: preview.decimal },
    territories,
  );
  const t2 = performance.now();
  client.dispose();
  // Let the long-task observer deliver what happened up to now.
  await new Promise((r) => setTimeout(r, 200));
  const worstFrame = stopFrames();
  const tasks = longTasks.slice(startTask).filter((t) => t.startTime >= t0 - 1 && t.startTime <= t2 + 1);
  return {
    bytes,
    rows: preview.rowCount,
    observations: result.stats.observations,
    rejected: result.stats.rejected,
    decimal: preview.decimal,
    encoding: preview.encoding,
    separator: preview.separator,
    previewMs: t1 - t0,
    runMs: t2 - t1,
    totalMs: t2 - t0,
    workerMs: result.stats.ms,
    longTasks: tasks.map((t) => t.duration),
    /** Where each long task started, in ms after the import started (preview at `previewMs`). */
    longTaskAt: tasks.map((t) => Math.round(t.startTime - t0)),
    worstFrameMs: worstFrame,
  };
}

Object.assign(window, { __importBench: importBench });
document.getElementById('status')!.textContent = 'ready';
