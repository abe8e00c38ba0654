// @vitest-environment jsdom
/**
 * The page's side of the mock API in a build (src/app/mock-in-worker.ts), with a fake service worker container (jsdom
 * has none): it registers sw.js under the base path only when nothing controls the page, resolves once something does
 * (asking an active worker to claim a page a hard reload left alone), fails with a message when nothing ever does, and
 * sends the reader's switches with every API request — the page URL's `mock` spec, the local setting read at each
 * request, and the dataset, which switchMockDataset changes for the next request.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

interface FakeContainer {
  controller: object | null;
  register: ReturnType<typeof vi.fn>;
  ready: Promise<{ active: { postMessage: ReturnType<typeof vi.fn> } | null }>;
  addEventListener: (type: string, listener: () => void) => void;
  fire: (type: string) => void;
}

function fakeContainer(controller: object | null, active = { postMessage: vi.fn() }): FakeContainer {
  const listeners = new Map<string, (() => void)[]>();
  return {
    controller,
    register: vi.fn(() => Promise.resolve({})),
    ready: Promise.resolve({ active }),
    addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    fire: (type) => {
      for (const l of listeners.get(type) ?? []) l();
    },
  };
}

function install(container: FakeContainer): void {
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
}

/** The headers of the API request the client makes next. */
async function nextRequestHeaders(): Promise<Headers> {
  const seen: Headers[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return Promise.resolve(new Response('{}', { status: 200 }));
    }),
  );
  const { apiFetch } = await import('../../src/api/client.ts');
  await apiFetch('/indicators', z.object({}));
  return seen[0] ?? new Headers();
}

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('startMockWorker (a build: the mock API in sw.js)', () => {
  it('registers sw.js under the base path on a first visit and resolves once it controls the page', async () => {
    const container = fakeContainer(null);
    install(container);
    const { startMockWorker } = await import('../../src/app/mock-in-worker.ts');
    let done = false;
    const started = startMockWorker().then(() => (done = true));
    await vi.waitFor(() => expect(container.register).toHaveBeenCalledWith(`${import.meta.env.BASE_URL}sw.js`));
    await Promise.resolve();
    expect(done).toBe(false);
    container.controller = { postMessage: vi.fn() };
    container.fire('controllerchange');
    await started;
    expect(done).toBe(true);
    // The first view's data files: asked of the worker once it answers.
    expect((container.controller as { postMessage: ReturnType<typeof vi.fn> }).postMessage).toHaveBeenCalledWith({
      type: 'MOCK_PREFETCH',
      search: window.location.search,
    });
  });

  it('asks an active worker to claim a page it does not control (a hard reload)', async () => {
    const active = { postMessage: vi.fn() };
    const container = fakeContainer(null, active);
    install(container);
    const { startMockWorker } = await import('../../src/app/mock-in-worker.ts');
    const started = startMockWorker();
    await vi.waitFor(() => expect(active.postMessage).toHaveBeenCalledWith({ type: 'CLAIM' }));
    container.controller = { postMessage: vi.fn() };
    container.fire('controllerchange');
    await expect(started).resolves.toBeUndefined();
  });

  it('does not register again under a worker that controls the page', async () => {
    const container = fakeContainer({ postMessage: vi.fn() });
    install(container);
    const { startMockWorker } = await import('../../src/app/mock-in-worker.ts');
    await startMockWorker();
    await startMockWorker();
    expect(container.register).not.toHaveBeenCalled();
  });

  it('fails with a message when no worker takes control in time', async () => {
    vi.useFakeTimers();
    install(fakeContainer(null));
    const { startMockWorker, CONTROL_TIMEOUT_MS } = await import('../../src/app/mock-in-worker.ts');
    const started = startMockWorker();
    const failed = expect(started).rejects.toThrow(/did not start within 30 s/);
    await vi.advanceTimersByTimeAsync(CONTROL_TIMEOUT_MS);
    await failed;
  });

  it('fails with a message in a browser without service workers', async () => {
    Object.defineProperty(navigator, 'serviceWorker', { value: undefined, configurable: true });
    const { startMockWorker } = await import('../../src/app/mock-in-worker.ts');
    await expect(startMockWorker()).rejects.toThrow(/no service worker/);
  });
});

describe("the reader's switches ride on every API request", () => {
  it('sends the page URL spec with the local setting read at each request, and the dataset', async () => {
    window.history.replaceState(null, '', '/?view=explorer&mock=latency:20&dataset=stress');
    install(fakeContainer({ postMessage: vi.fn() }));
    const { startMockWorker, switchMockDataset, mockDataset } = await import('../../src/app/mock-in-worker.ts');
    await startMockWorker();
    expect(mockDataset()).toBe('stress');

    let headers = await nextRequestHeaders();
    expect(headers.get('x-mouchir-mock')).toBe('latency:20');
    expect(headers.get('x-mouchir-dataset')).toBe('stress');
    expect(headers.get('Accept')).toBe('application/json');

    localStorage.setItem('mouchir.mock', 'error:observations');
    await switchMockDataset('default');
    headers = await nextRequestHeaders();
    expect(headers.get('x-mouchir-mock')).toBe('latency:20,error:observations');
    expect(headers.has('x-mouchir-dataset')).toBe(false);
  });

  it('sends no switch header when there is no switch', async () => {
    window.history.replaceState(null, '', '/?view=explorer');
    install(fakeContainer({ postMessage: vi.fn() }));
    const { startMockWorker } = await import('../../src/app/mock-in-worker.ts');
    await startMockWorker();
    const headers = await nextRequestHeaders();
    expect(headers.has('x-mouchir-mock')).toBe(false);
    expect(headers.has('x-mouchir-dataset')).toBe(false);
  });
});
