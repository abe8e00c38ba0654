/**
 * One data path (issue 15): the user's datasets reach the views through the same `queryOptions` factories as the
 * official figures. The catalogue is the API's indicators then the user's; observations of a `user-…` id come from
 * IndexedDB with the API's territory and period filtering, never over the network; the official path is unchanged;
 * `refreshUserData` makes a save or a delete show; a link to a dataset this browser lacks fails with `not-found`.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../setup-msw.ts';
import {
  indicatorsQuery,
  observationsQuery,
  refreshUserData,
  shouldRetry,
  userDatasetsQuery,
  watchUserData,
} from '../../src/api/queries.ts';
import { defaultDb, queryObservations } from '../../src/mocks/db.ts';
import { server } from '../../src/mocks/node.ts';
import { isUserDataError } from '../../src/user-data/errors.ts';
import { deleteDataset, saveDataset } from '../../src/user-data/store.ts';
import { freshIndexedDb, newDataset, rows } from './user-data-fixtures.ts';

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const db = defaultDb();

/** URLs the mock API was asked for during a test. */
const requested: string[] = [];
const record = ({ request }: { request: Request }) => void requested.push(request.url);
beforeEach(async () => {
  await freshIndexedDb();
  requested.length = 0;
  server.events.on('request:start', record);
});
afterEach(() => server.events.removeListener('request:start', record));

describe('imported indicators through the query layer', () => {
  it('the catalogue is the official one, then the user datasets; a shown catalogue updates on refreshUserData', async () => {
    const qc = client();
    // A view showing the catalogue (an active observer), as app.tsx and every view have.
    const observer = new QueryObserver(qc, indicatorsQuery());
    const unsubscribe = observer.subscribe(() => {});
    try {
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual(db.indicators));
      await saveDataset(newDataset(), { id: 'ben' });
      await refreshUserData(qc, 'ben');
      const catalogue = observer.getCurrentResult().data ?? [];
      expect(catalogue.slice(0, db.indicators.length)).toEqual(db.indicators);
      expect(catalogue.slice(db.indicators.length)).toMatchObject([
        { id: 'user-ben', category: 'imported', status: 'imported' },
      ]);
    } finally {
      unsubscribe();
    }
  });

  it('observations of a user id come from IndexedDB, filtered by territory and period, without a request', async () => {
    await saveDataset(
      newDataset({
        frequency: 'monthly',
        observations: rows(['MA-01', 'MA-06', 'MA-BES'], ['2024-01', '2024-02', '2024-03', '2024-04']),
      }),
      { id: 'monthly1' },
    );
    const qc = client();
    const got = await qc.fetchQuery(
      observationsQuery({
        indicator: 'user-monthly1',
        territories: ['MA-BES', 'MA-01'],
        from: '2024-02',
        to: '2024-Q1',
      }),
    );
    expect(got.map((o) => `${o.territory} ${o.period} ${o.value}`)).toEqual([
      'MA-01 2024-02 6',
      'MA-01 2024-03 7',
      'MA-BES 2024-02 14',
      'MA-BES 2024-03 15',
    ]);
    expect(got.every((o) => o.indicator === 'user-monthly1' && o.status === 'imported')).toBe(true);
    const year = await qc.fetchQuery(observationsQuery({ indicator: 'user-monthly1', from: '2024', to: '2024' }));
    expect(year).toHaveLength(12);
    expect(requested.filter((u) => u.includes('/observations'))).toEqual([]);
  });

  it('small counts arrive suppressed, with their note, like any qualified point', async () => {
    await saveDataset(newDataset({ smallCountThreshold: 10 }), { id: 'small' });
    const got = await client().fetchQuery(observationsQuery({ indicator: 'user-small', territories: ['MA-01'] }));
    expect(got.map((o) => o.value)).toEqual([null, null, null, null]);
    expect(got[0]).toMatchObject({ qualifier: 'upper-bound', note: { fr: '< 10 (petit effectif masqué)' } });
  });

  it('the official path is unchanged: the same request and the same rows as the mock', async () => {
    await saveDataset(newDataset(), { id: 'other' });
    const query = { indicator: 'unemployment-rate', territories: ['MA-06', 'MA-01'], from: '2014' } as const;
    const got = await client().fetchQuery(observationsQuery(query));
    expect(got).toEqual(queryObservations(db, { ...query, territories: ['MA-01', 'MA-06'] }));
    expect(requested.map((u) => new URL(u).search)).toEqual([
      '?indicator=unemployment-rate&territory=MA-01,MA-06&from=2014',
    ]);
  });

  it('a deleted dataset leaves the catalogue after refreshUserData, and its link then fails with not-found', async () => {
    await saveDataset(newDataset(), { id: 'gone' });
    const qc = client();
    expect((await qc.fetchQuery(indicatorsQuery())).some((i) => i.id === 'user-gone')).toBe(true);
    expect(await qc.fetchQuery(observationsQuery({ indicator: 'user-gone' }))).toHaveLength(8);
    await deleteDataset('gone');
    await refreshUserData(qc, 'gone');
    expect((await qc.fetchQuery(indicatorsQuery())).some((i) => i.id === 'user-gone')).toBe(false);
    let error: unknown;
    try {
      await qc.fetchQuery(observationsQuery({ indicator: 'user-gone' }));
    } catch (e) {
      error = e;
    }
    expect(isUserDataError(error, 'not-found')).toBe(true);
    expect(shouldRetry(0, error)).toBe(false); // the policy observationsQuery uses
  });

  it('a re-import shows its new figures once refreshed (the same range was cached before)', async () => {
    await saveDataset(newDataset(), { id: 're' });
    const qc = client();
    const q = observationsQuery({ indicator: 'user-re', territories: ['MA-01'], to: '2021' });
    expect((await qc.fetchQuery(q)).map((o) => o.value)).toEqual([5]);
    const { replaceDataset } = await import('../../src/user-data/store.ts');
    await replaceDataset('re', newDataset({ observations: [{ territory: 'MA-01', period: '2021', value: 99 }] }));
    await refreshUserData(qc, 're');
    expect((await qc.fetchQuery(q)).map((o) => o.value)).toEqual([99]);
  });

  it('a browser that never imported anything: the catalogue does not open (nor create) the user database', async () => {
    expect(await client().fetchQuery(indicatorsQuery())).toEqual(db.indicators);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([]);
    await saveDataset(newDataset(), { id: 'now' });
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['mouchir-user-data']);
    expect((await client().fetchQuery(indicatorsQuery())).at(-1)?.id).toBe('user-now');
  });

  it('the list of datasets for the dialog, refreshed with the catalogue', async () => {
    const qc = client();
    expect(await qc.fetchQuery(userDatasetsQuery())).toEqual([]);
    const meta = await saveDataset(newDataset(), { id: 'listed' });
    await refreshUserData(qc, 'listed');
    expect(await qc.fetchQuery(userDatasetsQuery())).toEqual([meta]);
  });

  it('another tab sees a change: watchUserData refreshes on the store broadcast', async () => {
    const otherTab = client();
    const stop = watchUserData(otherTab);
    const observer = new QueryObserver(otherTab, indicatorsQuery());
    const unsubscribe = observer.subscribe(() => {});
    try {
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual(db.indicators));
      await saveDataset(newDataset(), { id: 'fromtab' }); // no refreshUserData on this side
      await vi.waitFor(() => expect(observer.getCurrentResult().data?.at(-1)?.id).toBe('user-fromtab'));
    } finally {
      unsubscribe();
      stop();
    }
  });

  it('storage refused: the official catalogue still loads', async () => {
    const saved = globalThis.indexedDB;
    const { closeUserData } = await import('../../src/user-data/store.ts');
    await closeUserData();
    // oxlint-disable-next-line no-explicit-any -- removing a global the test put there
    (globalThis as any).indexedDB = undefined;
    try {
      expect(await client().fetchQuery(indicatorsQuery())).toEqual(db.indicators);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
