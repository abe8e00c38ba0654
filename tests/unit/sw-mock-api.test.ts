/**
 * The mock API inside the service worker (src/sw/mock-api.ts): which requests it takes, and that the page's switches
 * ride on each request — the fault spec in `x-mouchir-mock`, the dataset in `x-mouchir-dataset` — since the worker
 * keeps nothing per page. A request the page gives up on settles (a `hang` fault would hold the worker's event open).
 */
import { describe, expect, it } from 'vitest';
import { isMockApiRequest, mockApiResponse } from '../../src/sw/mock-api.ts';
import { MOCK_DATASET_HEADER, MOCK_SPEC_HEADER } from '../../src/mocks/mock-switches.ts';

const SCOPE = 'http://127.0.0.1:4173/mouchir/';
const api = (path: string, headers: Record<string, string> = {}, signal?: AbortSignal): Request =>
  new Request(new URL(`api/v1/${path}`, SCOPE), { headers, ...(signal ? { signal } : {}) });

describe('isMockApiRequest', () => {
  it.each([
    [`${SCOPE}api/v1/indicators`, true],
    [`${SCOPE}api/v1/observations?indicator=population`, true],
    [`${SCOPE}api/v1/nothing-here`, true],
    [`${SCOPE}assets/index-abcdefgh.js`, false],
    [`${SCOPE}?view=explorer`, false],
    ['http://127.0.0.1:4173/api/v1/indicators', false], // outside the app's base path
    ['https://api.example.org/mouchir/api/v1/indicators', false], // another origin
  ])('%s → %s', (url, expected) => {
    expect(isMockApiRequest(url, SCOPE)).toBe(expected);
  });
});

describe('mockApiResponse', () => {
  it('serves the shipped catalogue to a request with no switch', async () => {
    const res = await mockApiResponse(api('indicators'));
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as { data: { id: string }[] }).data.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.filter((id) => id.startsWith('synthetic-'))).toEqual([]);
  });

  it('serves the stress catalogue to a request that names it, and only to that one', async () => {
    const stress = await mockApiResponse(api('indicators', { [MOCK_DATASET_HEADER]: 'stress' }));
    const data = ((await stress.json()) as { data: { id: string; status: string }[] }).data;
    expect(data).toHaveLength(40);
    expect(data.every((i) => i.id.startsWith('synthetic-') && i.status === 'illustrative')).toBe(true);
    const next = await mockApiResponse(api('indicators'));
    expect(((await next.json()) as { data: { id: string }[] }).data.some((i) => i.id.startsWith('synthetic-'))).toBe(
      false,
    );
  });

  it("applies the fault spec the request carries, to that request's endpoint only", async () => {
    const failed = await mockApiResponse(api('indicators', { [MOCK_SPEC_HEADER]: 'error:503:indicators' }));
    expect(failed.status).toBe(503);
    expect(failed.headers.get('Content-Type')).toBe('application/problem+json');
    const other = await mockApiResponse(api('territories', { [MOCK_SPEC_HEADER]: 'error:503:indicators' }));
    expect(other.status).toBe(200);
    const clean = await mockApiResponse(api('indicators'));
    expect(clean.status).toBe(200);
  });

  it('answers a request the page gave up on with a network error, even under a hang fault', async () => {
    const controller = new AbortController();
    const pending = mockApiResponse(api('indicators', { [MOCK_SPEC_HEADER]: 'hang:indicators' }, controller.signal));
    controller.abort();
    const res = await pending;
    expect(res.type).toBe('error');
  });

  it('keeps the contract: an unknown path is a 404 problem, not a pass-through', async () => {
    const res = await mockApiResponse(api('nothing-here'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { type: string }).type).toBe('urn:mouchir:problem:not-found');
  });
});
