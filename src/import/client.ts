/**
 * The page's side of the import (issue 15): a promise API over the import worker. The dialog loads this module
 * lazily (`await import('…/import/client.ts')`), so neither it nor the worker is in the app's first chunks. The
 * file's bytes are transferred (not copied); `cancel()` terminates the worker at once (a long read stops there),
 * and the next `load` starts a new one.
 */
import {
  ImportError,
  type ImportClient,
  type ImportResult,
  type ImportSettings,
  type ImportTerritory,
  type Preview,
  type ReadOptions,
  type WorkerRequest,
  type WorkerResponse,
} from './types.ts';
import { unpackObservations } from './pack.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Observations rebuilt per slice on the page (a few ms each). */
const UNPACK_SLICE = 10_000;

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: ImportError) => void };

/** How to start the worker; tests and the bench may pass their own. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mouchir-import' });

export function createImportClient(factory: WorkerFactory = defaultFactory): ImportClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (err: ImportError): void => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };
  const ensure = (): Worker => {
    if (worker) return worker;
    let w: Worker;
    try {
      w = factory();
    } catch (e) {
      throw new ImportError('worker-failed', { message: e instanceof Error ? e.message : String(e) });
    }
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const res = event.data;
      const p = pending.get(res.id);
      if (!p) return;
      pending.delete(res.id);
      if (res.type === 'error') p.reject(new ImportError(res.code, res.params));
      else p.resolve(res);
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stop();
      failAll(new ImportError('worker-failed', { message: event.message ?? 'error' }));
    };
    w.onmessageerror = () => {
      stop();
      failAll(new ImportError('worker-failed', { message: 'messageerror' }));
    };
    worker = w;
    return w;
  };
  const send = (msg: DistributiveOmit<WorkerRequest, 'id'>, transfer: Transferable[] = []): Promise<WorkerResponse> =>
    new Promise<WorkerResponse>((resolve, reject) => {
      let w: Worker;
      try {
        w = msg.type === 'load' ? ensure() : worker!;
        if (!w) throw new ImportError('no-file', {});
      } catch (e) {
        reject(e instanceof ImportError ? e : new ImportError('no-file', {}));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      w.postMessage({ ...msg, id } as WorkerRequest, transfer);
    });

  return {
    async load(data: ArrayBuffer, options: ReadOptions): Promise<Preview> {
      const res = await send({ type: 'load', data, options: plainOptions(options) }, [data]);
      return (res as Extract<WorkerResponse, { type: 'preview' }>).preview;
    },
    async reread(options: ReadOptions): Promise<Preview> {
      const res = await send({ type: 'reread', options: plainOptions(options) });
      return (res as Extract<WorkerResponse, { type: 'preview' }>).preview;
    },
    async run(settings: ImportSettings, territories: readonly ImportTerritory[]): Promise<ImportResult> {
      const slim = territories.map((t) => ({
        code: t.code,
        level: t.level,
        name: { fr: t.name.fr, ar: t.name.ar, en: t.name.en },
        ...(t.hcpCode ? { hcpCode: t.hcpCode } : {}),
      }));
      const res = (await send({ type: 'run', settings, territories: slim })) as Extract<
        WorkerResponse,
        { type: 'result' }
      >;
      // Rebuild the observations in slices, yielding between them, so the page never blocks on 100,000 objects.
      const observations: ImportResult['observations'] = [];
      const n = res.packed.value.length;
      for (let from = 0; from < n; from += UNPACK_SLICE) {
        if (from > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        const part = unpackObservations(res.packed, from, Math.min(n, from + UNPACK_SLICE));
        for (const o of part) observations.push(o);
      }
      return { ...res.result, observations };
    },
    cancel(): void {
      stop();
      failAll(new ImportError('cancelled', {}));
    },
    dispose(): void {
      stop();
      failAll(new ImportError('cancelled', {}));
    },
  };
}

/** Options as plain data (territories slimmed to what the matcher reads), so they clone cheaply. */
function plainOptions(options: ReadOptions): ReadOptions {
  if (!options.territories) return options;
  return {
    ...options,
    territories: options.territories.map((t) => ({
      code: t.code,
      level: t.level,
      name: { fr: t.name.fr, ar: t.name.ar, en: t.name.en },
      ...(t.hcpCode ? { hcpCode: t.hcpCode } : {}),
    })),
  };
}
