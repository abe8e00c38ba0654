/**
 * Mounting the kept API answers (./query-persist.ts) and saying when the page shows them unrefreshed.
 *
 * `QueryProvider` replaces react-query's `QueryClientProvider`: in the real-API build it is
 * `PersistQueryClientProvider` (queries wait for the IndexedDB read, a few ms, then show what was kept at once and
 * ask the API again behind it); in the mock build, or without IndexedDB, it is the plain provider.
 *
 * `PersistedDataNotice` says "Données non actualisées — enregistrées le 5 déc. 2026 à 04:31" while the current view
 * shows a kept answer that this page could not refresh (the refetch failed, is being retried, or waits for the
 * network): the data stays on screen, the panels' own stale notices keep their Retry.
 */
import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient, type QueryCache, type QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, type Persister } from '@tanstack/react-query-persist-client';
import type { Lang } from '../contract/contract.ts';
import { LOCALES, defineMessages, translate } from '../i18n/i18n.ts';
import {
  PERSIST_MAX_AGE_MS,
  buildBuster,
  createIdbPersister,
  restoredAnswers,
  shouldPersistQuery,
} from './query-persist.ts';

/** Words of the notice. */
export const persistMessages = defineMessages({
  notRefreshed: {
    fr: 'Données non actualisées — enregistrées le {date} à {time}',
    ar: 'بيانات غير محيّنة — محفوظة بتاريخ {date} على الساعة {time}',
    en: 'Data not refreshed — saved on {date} at {time}',
  },
});

/**
 * Whether this build talks to a real API. Vite replaces `import.meta.env.VITE_API_BASE_URL` by its value at build
 * time, so in the mock build this is a constant false and `QueryProvider` below is the plain provider: the persisting
 * code and the persist-client library are dropped from its bundle.
 */
const REAL_API_BUILD: boolean =
  import.meta.env.VITE_API_BASE_URL !== undefined && import.meta.env.VITE_API_BASE_URL !== '';

let sharedPersister: Persister | undefined;

/** The page's one IndexedDB persister, made on first use (never in the mock build). */
function pagePersister(): Persister {
  sharedPersister ??= createIdbPersister();
  return sharedPersister;
}

/** Props of `PersistingQueryProvider`. */
export interface PersistingQueryProviderProps {
  client: QueryClient;
  children: ReactNode;
  /** Default: one IndexedDB persister for the page. */
  persister?: Persister;
  /** Default: `buildBuster()`, this build's identity. */
  buster?: string;
}

/**
 * react-query's provider that keeps the answers in IndexedDB (`PersistQueryClientProvider`): queries wait for the
 * read (a few ms), show what was kept, and ask the API again. Without IndexedDB, the plain provider.
 */
export function PersistingQueryProvider({ client, children, persister, buster }: PersistingQueryProviderProps) {
  const persistOptions = useMemo(
    () => ({
      persister: persister ?? pagePersister(),
      maxAge: PERSIST_MAX_AGE_MS,
      buster: buster ?? buildBuster(),
      dehydrateOptions: {
        // Answers with data (a failed refresh keeps its older data, stored without the error), official only.
        shouldDehydrateQuery: shouldPersistQuery,
        shouldDehydrateMutation: () => false,
      },
    }),
    [persister, buster],
  );
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return (
    <PersistQueryClientProvider client={client} persistOptions={persistOptions}>
      {children}
    </PersistQueryClientProvider>
  );
}

/** react-query's plain provider (the mock build: its data's offline copy is the service worker's cache). */
function PlainQueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The app's query provider: keeps the real API's answers in IndexedDB in a real-API build, plain otherwise. */
export const QueryProvider = REAL_API_BUILD ? PersistingQueryProvider : PlainQueryProvider;

/**
 * When the oldest kept answer the page shows unrefreshed was fetched (ms since the epoch), or 0: a query some
 * component observes, whose data is the one restored from storage (same fetch time), and whose refresh failed, is
 * being retried after a failure, or is paused for want of a network. Pure over the cache.
 */
export function oldestUnrefreshed(cache: QueryCache): number {
  let oldest = 0;
  for (const q of cache.getAll()) {
    const { state } = q;
    if (state.data === undefined || q.getObserversCount() === 0) continue;
    if (restoredAnswers.get(q.queryHash) !== state.dataUpdatedAt) continue;
    const failing = state.error != null || state.fetchFailureCount > 0 || state.fetchStatus === 'paused';
    if (failing && (oldest === 0 || state.dataUpdatedAt < oldest)) oldest = state.dataUpdatedAt;
  }
  return oldest;
}

/** "5 déc. 2026" and "04:31" in the reader's locale (Latin digits in Arabic, as everywhere). Pure. */
export function savedAtText(savedAt: number, lang: Lang): { date: string; time: string } {
  const locale = LOCALES[lang];
  return {
    date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(savedAt),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(savedAt),
  };
}

/** The notice under the header while the view shows kept answers it could not refresh (a status region). */
export function PersistedDataNotice({ lang }: { lang: Lang }) {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const savedAt = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => oldestUnrefreshed(cache),
    () => 0,
  );
  return (
    <div role="status" className="notices">
      {savedAt ? (
        <div className="notice" data-persisted-stale={new Date(savedAt).toISOString()}>
          <p>{translate(persistMessages, lang, 'notRefreshed', savedAtText(savedAt, lang))}</p>
        </div>
      ) : null}
    </div>
  );
}
