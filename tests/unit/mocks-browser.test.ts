// @vitest-environment jsdom
/**
 * startMockWorker, with MSW's browser module replaced by a recorder (jsdom has no service workers):
 * the worker URL follows the base path, it is quiet and lets non-API requests through, the page's
 * `mock` parameter reaches the handlers, and a second call does not register twice.
 */
import { describe, expect, it, vi } from 'vitest';

const start = vi.fn<(options: unknown) => Promise<void>>(() => Promise.resolve());
const setupWorker = vi.fn((..._handlers: unknown[]) => ({ start }));
vi.mock('msw/browser', () => ({ setupWorker }));

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
