/**
 * Import (issue 15): the worker's message handler, run in node with a stand-in `self` — load → preview, reread with
 * an override, run → packed observations (transferred), and errors posted as codes (never thrown at the page).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { unpackObservations } from '../../src/import/pack.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/import/types.ts';
import { encodeCodePage, TERRITORIES, utf8 } from '../fixtures/import/helpers.ts';

const posted: { msg: WorkerResponse; transfer: Transferable[] }[] = [];
const scope = {
  onmessage: null as ((e: MessageEvent<WorkerRequest>) => void) | null,
  postMessage(msg: WorkerResponse, transfer: Transferable[] = []) {
    posted.push({ msg, transfer });
  },
};

beforeAll(async () => {
  (globalThis as unknown as { self: unknown }).self = scope;
  await import('../../src/import/worker.ts');
});

async function ask(msg: WorkerRequest): Promise<{ msg: WorkerResponse; transfer: Transferable[] }> {
  const n = posted.length;
  scope.onmessage!({ data: msg } as MessageEvent<WorkerRequest>);
  for (let i = 0; i < 200 && posted.length === n; i++) await new Promise((r) => setTimeout(r, 5));
  return posted[n]!;
}

describe('import worker', () => {
  it('answers no-file before a load', async () => {
    const res = await ask({ type: 'reread', id: 1, options: { fileName: 'x.csv' } });
    expect(res.msg).toEqual({ type: 'error', id: 1, code: 'no-file', params: {} });
  });

  it('loads, rereads with an encoding override, and runs', async () => {
    const bytes = encodeCodePage('territoire;annee;valeur\nBéni Mellal;2024;1 204\nAtlantis;2024;3\n', 'windows-1252');
    const load = await ask({
      type: 'load',
      id: 2,
      data: bytes.buffer as ArrayBuffer,
      options: { fileName: 'f.csv', territories: TERRITORIES },
    });
    expect(load.msg.type).toBe('preview');
    if (load.msg.type !== 'preview') return;
    expect(load.msg.preview.encoding).toBe('windows-1252');
    const re = await ask({ type: 'reread', id: 3, options: { fileName: 'f.csv', encoding: 'utf-8' } });
    if (re.msg.type !== 'preview') throw new Error(JSON.stringify(re.msg));
    expect(re.msg.preview.encodingDetected).toBe(false);
    expect(re.msg.preview.issues.map((i) => i.code)).toContain('garbled-text');
    await ask({ type: 'reread', id: 4, options: { fileName: 'f.csv' } });
    const run = await ask({
      type: 'run',
      id: 5,
      settings: { mapping: load.msg.preview.mapping!, indicator: 'x', valueKind: 'count' },
      territories: TERRITORIES,
    });
    if (run.msg.type !== 'result') throw new Error(JSON.stringify(run.msg));
    expect(run.msg.result.observations).toEqual([]);
    expect(unpackObservations(run.msg.packed)).toEqual([
      { indicator: 'x', territory: 'MA-BEM', period: '2024', value: 1204, status: 'imported' },
    ]);
    expect(run.transfer).toHaveLength(4);
    expect(run.msg.result.rejects).toMatchObject([{ row: 3, reason: 'unknown-territory', value: 'Atlantis' }]);
  });

  it('posts a refused file as its code and forgets it', async () => {
    const res = await ask({
      type: 'load',
      id: 6,
      data: new Uint8Array([0, 1, 2, 0]).buffer,
      options: { fileName: 'b.csv' },
    });
    expect(res.msg).toEqual({ type: 'error', id: 6, code: 'binary', params: {} });
    const again = await ask({ type: 'reread', id: 7, options: { fileName: 'b.csv' } });
    expect(again.msg).toMatchObject({ type: 'error', code: 'no-file' });
  });

  it('reads an UTF-8 file too', async () => {
    const res = await ask({
      type: 'load',
      id: 8,
      data: utf8('code,annee,valeur\nMA-01,2024,1\n').buffer as ArrayBuffer,
      options: { fileName: 'u.csv' },
    });
    expect(res.msg).toMatchObject({ type: 'preview', preview: { encoding: 'utf-8', separator: ',' } });
  });
});
