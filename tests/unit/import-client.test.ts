/**
 * Import (issue 15): the page side — observations packed into transferable columns and rebuilt identically, and the
 * promise client over a worker (here a fake one running the real worker code paths' protocol): answers matched by
 * id, errors as ImportError codes, cancel terminates the worker and rejects what is pending, no-file before load.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contract/contract.ts';
import { createImportClient } from '../../src/import/client.ts';
import { packObservations, packedTransfer, unpackObservations } from '../../src/import/pack.ts';
import { ImportError, type WorkerRequest, type WorkerResponse } from '../../src/import/types.ts';
import { GAP_NOTE } from '../../src/import/validate.ts';
import { TERRITORIES, utf8 } from '../fixtures/import/helpers.ts';

describe('packed observations', () => {
  it('round-trip: unpack(pack(x)) equals x, gaps included, in slices too', () => {
    const obs = fc.record({
      indicator: fc.constantFrom('a', 'b-c'),
      territory: fc.constantFrom('MA', 'MA-06', 'MA-BES'),
      period: fc.constantFrom('2024', '2024-Q1', '2024-03'),
      value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(obs, { maxLength: 60 }), fc.nat(60), (list, cut) => {
        const full: Observation[] = list.map((o) =>
          o.value === null
            ? { ...o, value: null, status: 'imported', note: { ...GAP_NOTE } }
            : { ...o, value: o.value, status: 'imported' },
        );
        const p = packObservations(full);
        expect(unpackObservations(p)).toEqual(full);
        const k = Math.min(cut, full.length);
        expect([...unpackObservations(p, 0, k), ...unpackObservations(p, k)]).toEqual(full);
        expect(packedTransfer(p)).toHaveLength(4);
      }),
    );
  });
});

/** A fake Worker: records messages and lets the test answer; `terminate` is observable. */
class FakeWorker {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: { msg: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  postMessage(msg: WorkerRequest, transfer: Transferable[] = []): void {
    this.sent.push({ msg, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(res: WorkerResponse): void {
    this.onmessage?.({ data: res } as MessageEvent<WorkerResponse>);
  }
}

describe('createImportClient', () => {
  it('transfers the file, matches answers by id, turns error answers into ImportError codes', async () => {
    const workers: FakeWorker[] = [];
    const client = createImportClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const buffer = utf8('a,b\n1,2\n').buffer as ArrayBuffer;
    const p = client.load(buffer, { fileName: 'x.csv', territories: TERRITORIES });
    const w = workers[0]!;
    expect(w.sent[0]!.msg.type).toBe('load');
    expect(w.sent[0]!.transfer).toEqual([buffer]);
    const id = w.sent[0]!.msg.id;
    w.answer({ type: 'error', id, code: 'binary', params: {} });
    await expect(p).rejects.toEqual(new ImportError('binary', {}));
  });

  it('rebuilds the packed observations of a run', async () => {
    let w!: FakeWorker;
    const client = createImportClient(() => (w = new FakeWorker()) as unknown as Worker);
    void client.load(new ArrayBuffer(1), { fileName: 'x.csv' }).catch(() => {});
    const obs: Observation[] = Array.from({ length: 25_000 }, (_, i) => ({
      indicator: 'x',
      territory: 'MA-06',
      period: String(1900 + (i % 200)),
      value: i,
      status: 'imported',
    }));
    const run = client.run(
      { mapping: { layout: 'long', territory: 0, period: 1, value: 2 }, indicator: 'x', valueKind: 'count' },
      TERRITORIES,
    );
    const msg = w.sent.at(-1)!.msg;
    expect(msg.type).toBe('run');
    const result = {
      observations: [],
      frequencies: {},
      levels: {},
      rejects: [],
      matches: [],
      unmatched: [],
      issues: [],
      stats: {
        rows: 0,
        observations: obs.length,
        rejected: 0,
        gaps: 0,
        suppressed: 0,
        territories: 1,
        periods: 200,
        firstPeriod: null,
        lastPeriod: null,
        ms: 1,
      },
    };
    w.answer({ type: 'result', id: msg.id, result, packed: packObservations(obs) });
    expect((await run).observations).toEqual(obs);
  });

  it('cancel terminates the worker and rejects pending calls; reread/run before a load is no-file', async () => {
    const workers: FakeWorker[] = [];
    const client = createImportClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    await expect(client.reread({ fileName: 'x.csv' })).rejects.toMatchObject({ code: 'no-file' });
    const p = client.load(new ArrayBuffer(8), { fileName: 'x.csv' });
    client.cancel();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(workers[0]!.terminated).toBe(true);
    await expect(
      client.run(
        { mapping: { layout: 'long', territory: 0, period: 1, value: 2 }, indicator: 'x', valueKind: 'count' },
        [],
      ),
    ).rejects.toMatchObject({ code: 'no-file' });
    // A new load starts a new worker.
    void client.load(new ArrayBuffer(8), { fileName: 'x.csv' }).catch(() => {});
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('a crashed worker rejects pending calls with worker-failed', async () => {
    let w!: FakeWorker;
    const client = createImportClient(() => (w = new FakeWorker()) as unknown as Worker);
    const p = client.load(new ArrayBuffer(8), { fileName: 'x.csv' });
    w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(p).rejects.toMatchObject({ code: 'worker-failed', params: { message: 'boom' } });
    expect(w.terminated).toBe(true);
  });
});
