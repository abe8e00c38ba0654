/**
 * The IndexedDB store of the user's datasets (issue 15), on fake-indexeddb: list, get, save, rename, replace,
 * delete; one transaction per write (a failure mid-write keeps nothing of it, earlier datasets untouched); storage
 * refused or full → typed errors.
 */
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isUserDataError, userDataErrorText, UserDataError } from '../../src/user-data/errors.ts';
import {
  buildDataset,
  closeUserData,
  DB_NAME,
  deleteDataset,
  getDataset,
  getDatasetMeta,
  listDatasets,
  onUserDataChange,
  PREPARE_SLICE_ROWS,
  prepareDatasetSliced,
  renameDataset,
  replaceDataset,
  saveDataset,
} from '../../src/user-data/store.ts';
import { freshIndexedDb, newDataset, rows } from './user-data-fixtures.ts';

beforeEach(freshIndexedDb);
afterEach(() => vi.restoreAllMocks());

const at = (iso: string) => ({ now: new Date(iso) });

/** What a rejected promise was rejected with. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('user-data store', () => {
  it('saves a dataset (description + figures) and reads it back after the connection is reopened', async () => {
    const meta = await saveDataset(newDataset(), { id: 'abc123', ...at('2026-12-05T10:00:00Z') });
    expect(meta).toMatchObject({
      id: 'abc123',
      rowCount: 8,
      importedAt: '2026-12-05T10:00:00.000Z',
      levels: ['region'],
    });
    await closeUserData(); // a reload: a new connection to the same database
    const back = await getDataset('abc123');
    expect(back?.name).toEqual({ fr: 'Bénéficiaires du programme' });
    expect(back?.observations).toHaveLength(8);
    expect(back?.observations[0]).toEqual({
      indicator: 'user-abc123',
      territory: 'MA-01',
      period: '2021',
      value: 5,
      status: 'imported',
    });
    expect(await listDatasets()).toEqual([meta]);
  });

  it('lists the most recent import first, gives new ids, and reads a missing dataset as null', async () => {
    const a = await saveDataset(newDataset(), at('2026-01-01T00:00:00Z'));
    const b = await saveDataset(newDataset({ name: { ar: 'المستفيدون' } }), at('2026-02-01T00:00:00Z'));
    expect(a.id).toMatch(/^[a-z0-9]{10}$/);
    expect(a.id).not.toBe(b.id);
    expect((await listDatasets()).map((m) => m.id)).toEqual([b.id, a.id]);
    expect(await getDataset('nope')).toBeNull();
    expect(await getDatasetMeta('nope')).toBeNull();
  });

  it('renames, replaces (same id, new figures) and deletes, telling listeners each time', async () => {
    const seen: string[] = [];
    const off = onUserDataChange((id) => seen.push(id));
    await saveDataset(newDataset(), { id: 'ds1' });
    const renamed = await renameDataset('ds1', { en: 'Beneficiaries', fr: '  Bénéficiaires  ' });
    expect(renamed.name).toEqual({ en: 'Beneficiaries', fr: 'Bénéficiaires' });
    const replaced = await replaceDataset('ds1', newDataset({ observations: rows(['MA-BES'], ['2024']) }));
    expect(replaced).toMatchObject({ id: 'ds1', rowCount: 1, levels: ['province'] });
    expect((await getDataset('ds1'))?.observations.map((o) => o.territory)).toEqual(['MA-BES']);
    await deleteDataset('ds1');
    expect(await getDataset('ds1')).toBeNull();
    expect(await listDatasets()).toEqual([]);
    off();
    expect(seen).toEqual(['ds1', 'ds1', 'ds1', 'ds1']);
  });

  it('refuses to rename or replace a dataset that is not there', async () => {
    expect(isUserDataError(await rejection(renameDataset('gone', { fr: 'x' })), 'not-found')).toBe(true);
    expect(isUserDataError(await rejection(replaceDataset('gone', newDataset())), 'not-found')).toBe(true);
    expect(await listDatasets()).toEqual([]);
  });

  it('checks every row before writing anything', async () => {
    const bad = [
      [{ territory: 'Rabat', period: '2024', value: 1 }, 'territory'],
      [{ territory: 'MA-01', period: '2024-03', value: 1 }, 'not a annual period'],
      [{ territory: 'MA-01', period: '2024', value: Number.NaN }, 'not a number'],
      [{ territory: 'MA-01', period: '2024', value: -3 }, 'negative count'],
    ] as const;
    for (const [row, why] of bad) {
      const e = await rejection(saveDataset(newDataset({ observations: [...rows(['MA-06'], ['2024']), row] })));
      expect(isUserDataError(e, 'invalid-dataset')).toBe(true);
      expect((e as UserDataError).detail).toContain(why);
    }
    const twice = await rejection(saveDataset(newDataset({ observations: [...rows(['MA-06'], ['2024', '2024'])] })));
    expect((twice as UserDataError).detail).toContain('MA-06 2024 twice');
    const rate = newDataset({ kind: 'rate', unit: { code: 'percent', label: { fr: '%' } } });
    const e = await rejection(
      saveDataset({ ...rate, observations: [{ territory: 'MA', period: '2024', value: 101 }] }),
    );
    expect((e as UserDataError).detail).toContain('0–100');
    const noName = await rejection(saveDataset(newDataset({ name: {} })));
    expect((noName as UserDataError).detail).toContain('name');
    expect(await listDatasets()).toEqual([]);
  });

  it('stores the figures in columns (no 100 000-object clone), gaps and notes included', async () => {
    const note = { fr: 'non transmis', ar: 'لم يُرسل', en: 'not sent' };
    const observations = [
      ...rows(['MA-01', 'MA-06'], ['2023']),
      { territory: 'MA-01', period: '2024', value: null, note },
      { territory: 'MA-06', period: '2024', value: 7.5, qualifier: 'provisional' as const },
    ];
    await saveDataset(newDataset({ observations }), { id: 'cols' });
    const raw = await openDB(DB_NAME).then(async (d) => {
      const rec = await d.get('rows', 'cols');
      d.close();
      return rec;
    });
    expect(raw.value).toBeInstanceOf(Float64Array);
    expect(raw.territory).toBeInstanceOf(Uint16Array);
    expect(raw.territories).toEqual(['MA-01', 'MA-06']);
    expect(raw.periods).toEqual(['2023', '2024']);
    const back = (await getDataset('cols'))?.observations ?? [];
    expect(back.slice(2)).toEqual([
      { indicator: 'user-cols', territory: 'MA-01', period: '2024', value: null, status: 'imported', note },
      {
        indicator: 'user-cols',
        territory: 'MA-06',
        period: '2024',
        value: 7.5,
        status: 'imported',
        qualifier: 'provisional',
      },
    ]);
  });

  it('keeps only the contract fields of a row and the threshold of counts only', () => {
    const row = { territory: 'MA-01', period: '2024', value: 3, extra: '<script>' } as never;
    const ds = buildDataset(
      newDataset({ observations: [row], smallCountThreshold: 10 }),
      'x1',
      '2026-12-05T00:00:00.000Z',
    );
    expect(ds.observations[0]).not.toHaveProperty('extra');
    expect(ds.smallCountThreshold).toBe(10);
    const rate = buildDataset(
      newDataset({ kind: 'rate', unit: { code: 'percent', label: { fr: '%' } }, smallCountThreshold: 10 }),
      'x2',
      '2026-12-05T00:00:00.000Z',
    );
    expect(rate.smallCountThreshold).toBeUndefined();
  });
});

describe('no partial writes', () => {
  /** Make the put into `rows` fail as `how` says, for the next write only. */
  function failRowsPut(how: 'quota' | 'abort' | 'quota-abort') {
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name !== 'rows') return original.apply(this, args);
      if (how === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const request = original.apply(this, args);
      if (how === 'quota-abort')
        // What browsers do when the disk fills: the transaction aborts with QuotaExceededError as its error and the
        // pending request fails with AbortError (fake-indexeddb's own abort steps, with that error name).
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      else this.transaction.abort(); // the browser (or a closing tab) aborts mid-transaction, after the meta put
      return request;
    });
  }

  it('storage full during an import: quota error, nothing of it kept, earlier datasets untouched', async () => {
    const earlier = await saveDataset(newDataset(), { id: 'earlier' });
    failRowsPut('quota');
    const e = await rejection(saveDataset(newDataset({ name: { fr: 'Nouveau' } }), { id: 'new1' }));
    expect(isUserDataError(e, 'quota')).toBe(true);
    expect(userDataErrorText(e, 'fr')).toContain('plein');
    vi.restoreAllMocks();
    expect(await listDatasets()).toEqual([earlier]);
    expect(await getDataset('new1')).toBeNull();
    expect((await getDataset('earlier'))?.observations).toHaveLength(8);
  });

  it('storage full as browsers report it (the transaction aborts with QuotaExceededError): quota, nothing kept', async () => {
    failRowsPut('quota-abort');
    const e = await rejection(saveDataset(newDataset(), { id: 'full' }));
    expect(isUserDataError(e, 'quota')).toBe(true);
    vi.restoreAllMocks();
    expect(await getDatasetMeta('full')).toBeNull();
    expect(await listDatasets()).toEqual([]);
  });

  it('a transaction aborted mid-write keeps neither the description nor the figures', async () => {
    failRowsPut('abort');
    const e = await rejection(saveDataset(newDataset(), { id: 'half' }));
    expect(isUserDataError(e, 'failed')).toBe(true);
    vi.restoreAllMocks();
    expect(await getDatasetMeta('half')).toBeNull();
    expect(await listDatasets()).toEqual([]);
  });

  it('a re-import that fails leaves the previous version whole', async () => {
    const before = await saveDataset(newDataset(), { id: 'keep' });
    failRowsPut('abort');
    await rejection(
      replaceDataset('keep', newDataset({ name: { fr: 'Remplacé' }, observations: rows(['MA'], ['2024']) })),
    );
    vi.restoreAllMocks();
    expect(await getDatasetMeta('keep')).toEqual(before);
    expect((await getDataset('keep'))?.observations).toHaveLength(8);
  });
});

describe('storage refused', () => {
  it('no IndexedDB at all (some private modes): unavailable, and a sentence saying nothing was saved', async () => {
    await closeUserData();
    vi.stubGlobal('indexedDB', undefined);
    try {
      const e = await rejection(saveDataset(newDataset()));
      expect(isUserDataError(e, 'unavailable')).toBe(true);
      expect(userDataErrorText(e, 'en')).toMatch(/refuses to keep data.*nothing was saved/);
      expect(userDataErrorText(e, 'ar')).toContain('لم يُحفظ');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('opening refused by the browser (SecurityError): unavailable; a later call opens again', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('access denied', 'SecurityError');
    });
    expect(isUserDataError(await rejection(listDatasets()), 'unavailable')).toBe(true);
    open.mockRestore();
    expect(await listDatasets()).toEqual([]);
  });
});

describe('a large import', () => {
  it('is checked in slices, giving the page back between them, and stored whole', async () => {
    // 100 province-like codes × 480 months = 48 000 rows (over two slices)
    const territories = Array.from(
      { length: 100 },
      (_, i) => `MA-P${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
    );
    const months = Array.from(
      { length: 240 },
      (_, m) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    );
    const input = newDataset({
      frequency: 'monthly',
      observations: rows(territories, [...months, ...months.map((p) => p.replace(/^20/, '19'))]),
    });
    expect(input.observations.length).toBeGreaterThan(2 * PREPARE_SLICE_ROWS);
    // Count the page's turns taken while checking: a timer queued now runs only when the check yields.
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const prepared = await prepareDatasetSliced(input, 'big', '2026-12-05T00:00:00.000Z');
    done = true;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(prepared.rows.value).toHaveLength(input.observations.length);
    const meta = await saveDataset(input, { id: 'big' });
    expect(meta.rowCount).toBe(input.observations.length);
    expect((await getDataset('big'))?.observations.at(-1)).toMatchObject({ territory: 'MA-PDV', period: '1919-12' });
  });
});
