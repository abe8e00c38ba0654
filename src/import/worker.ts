/**
 * The import worker (issue 15): a module worker that keeps one file, reads it into a table (./read.ts), builds
 * its preview (./detect.ts) and validates it (./validate.ts), off the page's main thread. Spawned by ./client.ts
 * with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`; the XLSX reader is a further
 * dynamic import inside it. Errors travel as `{ code, params }` (an `ImportError`), never as prose.
 */
/// <reference lib="webworker" />
import { buildPreview } from './detect.ts';
import { packObservations, packedTransfer } from './pack.ts';
import { loadFile, readTable, type LoadedFile, type Table } from './read.ts';
import { ImportError, type ReadOptions, type WorkerRequest, type WorkerResponse } from './types.ts';
import { runImport } from './validate.ts';

let file: LoadedFile | null = null;
let table: Table | null = null;
let headerRow = 0;
let lastOptions: ReadOptions | null = null;

async function handle(msg: WorkerRequest): Promise<WorkerResponse> {
  if (msg.type === 'load') {
    file = null;
    table = null;
    file = loadFile(new Uint8Array(msg.data), msg.options);
    return preview(msg.id, msg.options);
  }
  if (!file) throw new ImportError('no-file', {});
  if (msg.type === 'reread') return preview(msg.id, msg.options);
  if (!table) throw new ImportError('no-file', {});
  const t0 = performance.now();
  const result = runImport(
    table,
    headerRow,
    { ...msg.settings, decimal: msg.settings.decimal ?? lastOptions?.decimal },
    msg.territories,
  );
  const packed = packObservations(result.observations);
  result.stats.ms = Math.round(performance.now() - t0 + readMs);
  return { type: 'result', id: msg.id, result: { ...result, observations: [] }, packed };
}

let readMs = 0;

async function preview(id: number, options: ReadOptions): Promise<WorkerResponse> {
  const t0 = performance.now();
  table = await readTable(file!, options);
  const p = buildPreview(table, options);
  headerRow = p.headerRow;
  lastOptions = { ...options, decimal: p.decimal };
  readMs = performance.now() - t0;
  return { type: 'preview', id, preview: p };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  handle(msg).then(
    (res) => scope.postMessage(res, res.type === 'result' ? packedTransfer(res.packed) : []),
    (e: unknown) => {
      const err =
        e instanceof ImportError
          ? e
          : new ImportError('worker-failed', { message: e instanceof Error ? e.message : String(e) });
      if (msg.type === 'load') file = null;
      scope.postMessage({ type: 'error', id: msg.id, code: err.code, params: err.params } satisfies WorkerResponse);
    },
  );
};
