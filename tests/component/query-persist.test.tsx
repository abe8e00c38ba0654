/**
 * The real API's answers kept in IndexedDB (issue 16 item 4), on fake-indexeddb: what is kept (official answers,
 * data and time only — not the user's datasets, not errors), what is refused on the way back (another build, too
 * old, a corrupt record, an answer that breaks the contract), storage that throws or is cleared mid-session, and
 * the page: kept data shown when the API is down, with "Données non actualisées — enregistrées le …".
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { QueryClient, dehydrate, useQuery } from '@tanstack/react-query';
import { persistQueryClientRestore, type PersistedClient } from '@tanstack/react-query-persist-client';
import { openDB } from 'idb';
import territoriesFile from '../../data/territories.json' with { type: 'json' };
import { server } from '../../src/mocks/node.ts';
import type { Lang, Territory } from '../../src/contract/contract.ts';
import { territoriesQuery } from '../../src/api/queries.ts';
import {
  PERSIST_DB_NAME,
  PERSIST_KEY,
  PERSIST_MAX_AGE_MS,
  PERSIST_STORE,
  buildBuster,
  createIdbPersister,
  restoredAnswers,
  shouldPersistQuery,
} from '../../src/app/query-persist.ts';
import { PersistedDataNotice, PersistingQueryProvider } from '../../src/app/query-persist-provider.tsx';

const TERRITORIES = territoriesFile.data as unknown as Territory[];
const BUSTER = 'test-build';
/** Midday UTC on 5 Dec 2026: the same calendar day in every time zone the tests may run in. */
const FETCHED_AT = Date.UTC(2026, 11, 5, 12, 31);

const OBSERVATION = {
  indicator: 'unemployment-rate',
  territory: 'MA',
  period: '2024-Q3',
  value: 13.6,
  status: 'official',
};

/** A client holding: territories, an official and an imported observations answer, the user's dataset list,
 * the catalogue with one imported indicator, and a query that failed without data. */
function filledClient(): QueryClient {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const set = (key: readonly unknown[], data: unknown) => qc.setQueryData(key, data, { updatedAt: FETCHED_AT });
  set(['territories'], TERRITORIES);
  set(['observations', 'unemployment-rate', ['MA'], null, null], [OBSERVATION]);
  set(['observations', 'user-abc123', null, null, null], [{ ...OBSERVATION, indicator: 'user-abc123' }]);
  set(['user-datasets'], [{ id: 'abc123' }]);
  set(['indicators'], [{ id: 'user-abc123', category: 'imported' }]);
  qc.getQueryCache()
    .build(qc, { queryKey: ['projects', null] })
    .setState({
      status: 'error',
      error: new Error('boom'),
      data: undefined,
    });
  return qc;
}

function persisted(qc: QueryClient, over: Partial<PersistedClient> = {}): PersistedClient {
  return {
    buster: BUSTER,
    timestamp: Date.now(),
    clientState: dehydrate(qc, { shouldDehydrateQuery: shouldPersistQuery }),
    ...over,
  };
}

async function rawRecord(): Promise<unknown> {
  const db = await openDB(PERSIST_DB_NAME, 1, {
    upgrade: (d) => void d.createObjectStore(PERSIST_STORE),
  });
  try {
    return await db.get(PERSIST_STORE, PERSIST_KEY);
  } finally {
    db.close();
  }
}

async function putRaw(value: unknown): Promise<void> {
  const db = await openDB(PERSIST_DB_NAME, 1, {
    upgrade: (d) => void d.createObjectStore(PERSIST_STORE),
  });
  await db.put(PERSIST_STORE, value, PERSIST_KEY);
  db.close();
}

async function restoreInto(persister: ReturnType<typeof createIdbPersister>, buster = BUSTER): Promise<QueryClient> {
  const qc = new QueryClient();
  await persistQueryClientRestore({ queryClient: qc, persister, buster, maxAge: PERSIST_MAX_AGE_MS });
  return qc;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  restoredAnswers.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
});

describe('the IndexedDB persister', () => {
  it('keeps official answers with their fetch time, and restores them to be shown and asked for again', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();

    const qc = await restoreInto(createIdbPersister());
    const territories = qc.getQueryCache().find({ queryKey: ['territories'], exact: true });
    expect(territories?.state.data).toEqual(TERRITORIES);
    expect(territories?.state.dataUpdatedAt).toBe(FETCHED_AT);
    expect(territories?.state.status).toBe('success');
    // Shown at once, refetched behind it: the answer may be days old.
    expect(territories?.state.isInvalidated).toBe(true);
    expect(territories?.isStale()).toBe(true);
    expect(qc.getQueryData(['observations', 'unemployment-rate', ['MA'], null, null])).toEqual([OBSERVATION]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('never keeps the user datasets (they have their own database), a catalogue entry of theirs, nor errors', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();

    const record = (await rawRecord()) as { queries: { queryKey: unknown[]; data: unknown }[] };
    const keys = record.queries.map((q) => q.queryKey[0] + ':' + String(q.queryKey[1] ?? ''));
    expect(keys.sort()).toEqual(['indicators:', 'observations:unemployment-rate', 'territories:']);
    expect(record.queries.find((q) => q.queryKey[0] === 'indicators')?.data).toEqual([]);
    expect(JSON.stringify(record)).not.toContain('boom');
    expect(JSON.stringify(record)).not.toContain('user-abc123');
  });

  it('keeps the older data of a query whose refresh failed, without its error', async () => {
    const qc = filledClient();
    const q = qc.getQueryCache().find({ queryKey: ['territories'], exact: true })!;
    q.setState({ status: 'error', error: new Error('network down'), fetchFailureCount: 3 });
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(qc));
    await persister.flush();

    const restored = await restoreInto(createIdbPersister());
    const back = restored.getQueryCache().find({ queryKey: ['territories'], exact: true });
    expect(back?.state.data).toEqual(TERRITORIES);
    expect(back?.state.error).toBeNull();
    expect(back?.state.fetchFailureCount).toBe(0);
  });

  it('throttles writes: a burst of changes is one write of the last state', async () => {
    const persister = createIdbPersister({ throttleMs: 50 });
    const qc = filledClient();
    await persister.persistClient(persisted(qc));
    qc.setQueryData(['territories'], TERRITORIES.slice(0, 1), { updatedAt: FETCHED_AT + 1 });
    await persister.persistClient(persisted(qc));
    expect(await rawRecord()).toBeUndefined();
    await persister.flush();
    const record = (await rawRecord()) as { queries: { queryKey: unknown[]; data: unknown[] }[] };
    expect(record.queries.find((q) => q.queryKey[0] === 'territories')?.data).toHaveLength(1);
  });

  it('drops what another build kept (buster mismatch) and deletes it', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(filledClient(), { buster: 'older-build' }));
    await persister.flush();

    const qc = await restoreInto(createIdbPersister(), 'newer-build');
    expect(qc.getQueryCache().getAll()).toHaveLength(0);
    expect(await rawRecord()).toBeUndefined();
  });

  it('drops answers kept longer than the maximum age', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(filledClient(), { timestamp: Date.now() - PERSIST_MAX_AGE_MS - 1000 }));
    await persister.flush();

    const qc = await restoreInto(createIdbPersister());
    expect(qc.getQueryCache().getAll()).toHaveLength(0);
    expect(await rawRecord()).toBeUndefined();
  });

  it('restores nothing from a record of the wrong shape, with one warning and no throw', async () => {
    await putRaw('{"not": "a record"');
    const qc = await restoreInto(createIdbPersister());
    expect(qc.getQueryCache().getAll()).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('drops an answer that breaks the contract (and a key that is never kept), keeping the valid ones', async () => {
    const bad = TERRITORIES.map((t, i) => (i === 0 ? { ...t, population: 'many' } : t));
    await putRaw({
      buster: BUSTER,
      timestamp: Date.now(),
      queries: [
        { queryKey: ['territories'], queryHash: '["territories"]', dataUpdatedAt: FETCHED_AT, data: bad },
        {
          queryKey: ['observations', 'unemployment-rate', ['MA'], null, null],
          queryHash: 'h1',
          dataUpdatedAt: FETCHED_AT,
          data: [OBSERVATION],
        },
        { queryKey: ['observations', 'user-abc123'], queryHash: 'h2', dataUpdatedAt: FETCHED_AT, data: [] },
        { queryKey: ['user-datasets'], queryHash: 'h3', dataUpdatedAt: FETCHED_AT, data: [] },
        { queryKey: 'territories', queryHash: 'h4', dataUpdatedAt: FETCHED_AT, data: [] },
      ],
    });
    const qc = await restoreInto(createIdbPersister());
    expect(
      qc
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey[0]),
    ).toEqual(['observations']);
    expect(qc.getQueryData(['territories'])).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('goes on without storage when IndexedDB throws: restores nothing, saves nothing, warns once', async () => {
    globalThis.indexedDB = {
      open() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const persister = createIdbPersister({ throttleMs: 0 });
    expect(await persister.restoreClient()).toBeUndefined();
    await persister.persistClient(persisted(filledClient()));
    await expect(persister.flush()).resolves.toBeUndefined();
    await expect(persister.removeClient()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('survives a full disk on write, and writes again once there is room', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    const { IDBObjectStore } = await import('fake-indexeddb');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();
    expect(await rawRecord()).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();
    expect(await rawRecord()).toMatchObject({ buster: BUSTER });
    put.mockRestore();
  });

  it('writes again after the site data is cleared mid-session (the database deleted under it)', async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();
    // The deletion waits for open connections: ours lets go (versionchange), so it completes.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(PERSIST_DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    expect(await rawRecord()).toBeUndefined();
    await persister.persistClient(persisted(filledClient()));
    await persister.flush();
    expect(await rawRecord()).toMatchObject({ buster: BUSTER });
  });

  it('names the build: another chunk hash or another API gives another buster', () => {
    const a = buildBuster('https://x/assets/index-AAA.js', 'https://api.example');
    expect(a).toBe(buildBuster('https://x/assets/index-AAA.js?v=1', 'https://api.example'));
    expect(a).not.toBe(buildBuster('https://x/assets/index-BBB.js', 'https://api.example'));
    expect(a).not.toBe(buildBuster('https://x/assets/index-AAA.js', 'https://other.example'));
  });
});

function Territories() {
  const q = useQuery(territoriesQuery());
  return <p data-testid="count">{q.data ? `${q.data.length} territoires` : 'pending'}</p>;
}

function Page({ client, lang }: { client: QueryClient; lang: Lang }) {
  return (
    <PersistingQueryProvider client={client} persister={createIdbPersister({ throttleMs: 0 })} buster={BUSTER}>
      <PersistedDataNotice lang={lang} />
      <Territories />
    </PersistingQueryProvider>
  );
}

describe('the page with kept answers and the API out of reach', () => {
  beforeEach(async () => {
    const persister = createIdbPersister({ throttleMs: 0 });
    const qc = new QueryClient();
    qc.setQueryData(['territories'], TERRITORIES, { updatedAt: FETCHED_AT });
    await persister.persistClient(persisted(qc));
    await persister.flush();
    server.use(http.get('*/api/v1/territories', () => HttpResponse.error()));
  });

  it.each([
    ['fr', /^Données non actualisées — enregistrées le 5 déc\. 2026 à \d\d:\d\d$/],
    ['ar', /^بيانات غير محيّنة — محفوظة بتاريخ 5 دجنبر 2026 على الساعة \d\d:\d\d$/],
    ['en', /^Data not refreshed — saved on 5 Dec 2026 at \d\d:\d\d$/],
  ] as const)(
    'shows the kept data and says it is not refreshed, with its time (%s)',
    { timeout: 20_000 },
    async (lang, text) => {
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      render(<Page client={client} lang={lang} />);
      expect(await screen.findByText(`${TERRITORIES.length} territoires`)).toBeInTheDocument();
      const notice = await screen.findByText(text);
      expect(notice.closest('[role="status"]')).not.toBeNull();
      // The refresh failed (after the query's own retries, ~3 s) and the data stays: the query holds both.
      await waitFor(
        () => expect(client.getQueryCache().find({ queryKey: ['territories'] })?.state.error).not.toBeNull(),
        { timeout: 10_000 },
      );
      expect(screen.getByText(text)).toBeInTheDocument();
      expect(screen.getByTestId('count')).toHaveTextContent(`${TERRITORIES.length} territoires`);
    },
  );

  it('says nothing once a refresh succeeds', async () => {
    server.use(http.get('*/api/v1/territories', () => HttpResponse.json({ data: TERRITORIES.slice(0, 2) })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<Page client={client} lang="fr" />);
    expect(await screen.findByText('2 territoires')).toBeInTheDocument();
    expect(screen.queryByText(/Données non actualisées/)).toBeNull();
  });

  it('falls back to the network when the kept record is corrupt: no notice, no white screen', async () => {
    await putRaw({ buster: BUSTER, timestamp: Date.now(), queries: 'nope' });
    server.use(http.get('*/api/v1/territories', () => HttpResponse.json({ data: TERRITORIES.slice(0, 3) })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<Page client={client} lang="fr" />);
    expect(await screen.findByText('3 territoires')).toBeInTheDocument();
    expect(screen.queryByText(/Données non actualisées/)).toBeNull();
  });
});
