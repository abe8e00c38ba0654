/**
 * Issue 7 (B5): observations answers nobody shows any more are bounded in the query cache — without
 * the bound an analyst going through indicators keeps every answer (~2 MB each on the stress view) for
 * react-query's gcTime. These tests fail if the bound goes (the cache then holds every answer).
 */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { observationsQuery, OBSERVATIONS_GC_TIME_MS } from '../../src/api/queries.ts';
import { createQueryClient, MAX_INACTIVE_OBSERVATIONS } from '../../src/app/query-client.ts';

const key = (i: number) => observationsQuery({ indicator: `ind-${i}` }).queryKey;
const held = (client: QueryClient, prefix = 'observations') =>
  client
    .getQueryCache()
    .findAll({ queryKey: [prefix] })
    .map((q) => String(q.queryKey[1]))
    .sort();
const names = (ids: number[]) => ids.map((i) => `ind-${i}`).sort();
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

let clients: QueryClient[] = [];
const newClient = () => {
  const c = createQueryClient({ retry: false });
  clients.push(c);
  return c;
};
afterEach(() => {
  for (const c of clients) c.clear();
  clients = [];
});

/** Observe a query the way a mounted component does; returns "unmount". */
function observe(client: QueryClient, i: number): () => void {
  const observer = new QueryObserver(client, { queryKey: key(i), queryFn: () => [], enabled: false });
  return observer.subscribe(() => undefined);
}

describe('inactive observations answers are bounded', () => {
  it.each<[string, number]>([
    ['under the bound: all kept', MAX_INACTIVE_OBSERVATIONS - 1],
    ['at the bound: all kept', MAX_INACTIVE_OBSERVATIONS],
    ['over the bound: the most recent kept', MAX_INACTIVE_OBSERVATIONS + 14],
  ])('%s (%i answers)', (_name, n) => {
    const client = newClient();
    for (let i = 0; i < n; i++) client.setQueryData(key(i), []);
    expect(held(client)).toEqual(names(range(Math.max(0, n - MAX_INACTIVE_OBSERVATIONS), n)));
  });

  it('never drops a query a component shows', () => {
    const client = newClient();
    const unmount = range(0, 10).map((i) => observe(client, i));
    for (let i = 10; i < 30; i++) client.setQueryData(key(i), []);
    expect(held(client)).toEqual(names([...range(0, 10), ...range(30 - MAX_INACTIVE_OBSERVATIONS, 30)]));
    for (const u of unmount) u();
  });

  it('keeps the most recently left ones when components unmount', () => {
    const client = newClient();
    const unmount = range(0, 12).map((i) => observe(client, i));
    // Left in reverse order: 11 first … 0 last, so 0…5 are the most recently left.
    for (const u of [...unmount].reverse()) u();
    expect(held(client)).toEqual(names(range(0, MAX_INACTIVE_OBSERVATIONS)));
  });

  it('a query looked at again counts as recent', () => {
    const client = newClient();
    for (let i = 0; i < MAX_INACTIVE_OBSERVATIONS; i++) client.setQueryData(key(i), []);
    observe(client, 0)(); // the oldest is shown again, then left
    client.setQueryData(key(100), []);
    expect(held(client)).toContain('ind-0');
    expect(held(client)).not.toContain('ind-1');
  });

  it('leaves other queries alone', () => {
    const client = newClient();
    for (let i = 0; i < 20; i++) client.setQueryData(['projects', `p-${i}`], []);
    expect(client.getQueryCache().findAll({ queryKey: ['projects'] })).toHaveLength(20);
  });
});

describe('observations queries', () => {
  it('are collected sooner than the default once unused', () => {
    expect(observationsQuery({ indicator: 'x' }).gcTime).toBe(OBSERVATIONS_GC_TIME_MS);
    expect(OBSERVATIONS_GC_TIME_MS).toBeLessThan(5 * 60_000);
  });
});
