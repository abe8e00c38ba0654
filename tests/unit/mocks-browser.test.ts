// @vitest-environment jsdom
/**
 * startMockWorker, with MSW's browser module replaced by a recorder (jsdom has no service workers):
 * the worker URL follows the base path, it is quiet and lets non-API requests through, the page's
 * `mock` parameter reaches the handlers, and a second call does not register twice.
 *
 * Issue 14 item 4: `?dataset=stress` is read from the address the page was loaded with (the navigation
 * entry, even once the address bar dropped it) and never from localStorage; switchMockDataset puts the real
 * handlers back, and the banner's way back (src/app/dataset-mode.ts) leaves no synthetic answer in the query
 * cache and keeps the view as far as it is valid.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';

const start = vi.fn<(options: unknown) => Promise<void>>(() => Promise.resolve());
const resetHandlers = vi.fn((..._handlers: unknown[]) => undefined);
const setupWorker = vi.fn((..._handlers: unknown[]) => ({ start, resetHandlers }));
vi.mock('msw/browser', () => ({ setupWorker }));

/** Make `performance.getEntriesByType('navigation')` say the page was loaded from `url`. */
function loadedFrom(url: string | null): void {
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((type: string) =>
    type === 'navigation' && url !== null
      ? ([{ name: new URL(url, window.location.origin).href }] as unknown as PerformanceEntryList)
      : [],
  );
}

beforeEach(() => {
  vi.resetModules();
  setupWorker.mockClear();
  start.mockClear();
  resetHandlers.mockClear();
  localStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('startMockWorker', () => {
  it('registers the worker under the base path and captures ?mock=', async () => {
    window.history.replaceState(null, '', '/mouchir/?view=explorer&mock=latency:20,error:observations');
    const { startMockWorker } = await import('../../src/mocks/browser.ts');
    const { activeFaults } = await import('../../src/mocks/faults.ts');
    const { handlers } = await import('../../src/mocks/handlers.ts');

    await startMockWorker();
    await startMockWorker();

    expect(setupWorker).toHaveBeenCalledTimes(1);
    expect(setupWorker.mock.calls[0]).toHaveLength(handlers.length);
    expect(start).toHaveBeenCalledTimes(1);
    expect(start.mock.calls[0]?.[0]).toEqual({
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
    expect(activeFaults().faults.map((f) => `${f.kind}:${f.endpoint ?? '*'}`)).toEqual([
      'latency:*',
      'error:observations',
    ]);
  });
});

describe('the dataset switch (issue 14 item 4)', () => {
  it('serves the stress catalogue when the page was loaded with ?dataset=stress, even once the address dropped it', async () => {
    window.history.replaceState(null, '', '/mouchir/?view=explorer');
    loadedFrom('/mouchir/?view=explorer&dataset=stress');
    const { startMockWorker, mockDataset } = await import('../../src/mocks/browser.ts');
    const { handlers } = await import('../../src/mocks/handlers.ts');
    await startMockWorker();
    expect(mockDataset()).toBe('stress');
    const installed = setupWorker.mock.calls[0] ?? [];
    expect(installed).toHaveLength(handlers.length);
    expect(installed.some((h) => handlers.includes(h as (typeof handlers)[number]))).toBe(false);
  });

  it('ignores a stored mouchir.dataset (older builds wrote it)', async () => {
    window.history.replaceState(null, '', '/mouchir/?view=explorer');
    loadedFrom('/mouchir/?view=explorer');
    localStorage.setItem('mouchir.dataset', 'stress');
    const { startMockWorker, mockDataset } = await import('../../src/mocks/browser.ts');
    const { handlers } = await import('../../src/mocks/handlers.ts');
    await startMockWorker();
    expect(mockDataset()).toBe('default');
    expect(setupWorker.mock.calls[0]).toEqual(handlers);
  });

  it('switchMockDataset puts the real handlers back, once', async () => {
    window.history.replaceState(null, '', '/mouchir/');
    loadedFrom('/mouchir/?dataset=stress');
    const { switchMockDataset, mockDataset } = await import('../../src/mocks/browser.ts');
    const { handlers } = await import('../../src/mocks/handlers.ts');
    // Asked before the worker has started: it starts on the stress data, then switches.
    await Promise.all([switchMockDataset('default'), switchMockDataset('default')]);
    expect(setupWorker).toHaveBeenCalledTimes(1);
    expect(resetHandlers).toHaveBeenCalledTimes(1);
    expect(resetHandlers.mock.calls[0]).toEqual(handlers);
    expect(mockDataset()).toBe('default');
  });
});

describe('the way back to the real data (src/app/dataset-mode.ts)', () => {
  it('clears the old stored switch at start and starts in stress mode from the page address only', async () => {
    localStorage.setItem('mouchir.dataset', 'stress');
    localStorage.setItem('mouchir.preferences', '{"version":1,"lang":"ar","theme":"dark"}');
    window.history.replaceState(null, '', '/mouchir/');
    loadedFrom('/mouchir/');
    const { datasetMode } = await import('../../src/app/dataset-mode.ts');
    expect(datasetMode().dataset).toBe('default');
    expect(localStorage.getItem('mouchir.dataset')).toBeNull();
    expect(localStorage.getItem('mouchir.preferences')).not.toBeNull();
  });

  it('switches the worker, empties the query cache, keeps the valid view and bumps the generation', async () => {
    window.history.replaceState(null, '', '/mouchir/?view=explorer&indicator=synthetic-02&territories=MA-06');
    loadedFrom('/mouchir/?view=explorer&indicator=synthetic-02&territories=MA-06&dataset=stress');
    const { initViewFromUrl } = await import('../../src/state/url-sync.ts');
    const { useViewStore } = await import('../../src/state/view-store.ts');
    const { datasetMode, returnToRealData } = await import('../../src/app/dataset-mode.ts');
    initViewFromUrl();
    expect(datasetMode()).toEqual({ dataset: 'stress', generation: 0, switching: false });

    const client = new QueryClient();
    client.setQueryData(['indicators'], [{ id: 'synthetic-02', category: 'synthetic' }]);
    client.setQueryData(['observations', 'synthetic-02'], [{ value: 1 }]);
    const switchMockDataset = vi.fn(() => Promise.resolve());
    await returnToRealData(client, () => Promise.resolve({ switchMockDataset }));

    expect(switchMockDataset).toHaveBeenCalledWith('default');
    expect(client.getQueryCache().getAll()).toEqual([]);
    expect(datasetMode()).toEqual({ dataset: 'default', generation: 1, switching: false });
    const view = useViewStore.getState();
    expect([view.view, view.indicator, view.territories]).toEqual(['explorer', null, ['MA-06']]);
    // A second click (or a stale one) does nothing more.
    await returnToRealData(client, () => Promise.resolve({ switchMockDataset }));
    expect(switchMockDataset).toHaveBeenCalledTimes(1);
  });

  it('reloads without the switch when the worker cannot be switched', async () => {
    window.history.replaceState(null, '', '/mouchir/?view=compare');
    loadedFrom('/mouchir/?view=compare&dataset=stress');
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location);
    const { returnToRealData, datasetMode } = await import('../../src/app/dataset-mode.ts');
    expect(datasetMode().dataset).toBe('stress');
    await returnToRealData(new QueryClient(), () => Promise.reject(new Error('chunk failed')));
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
