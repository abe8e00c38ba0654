/**
 * lazyWithRetry (src/app/lazy-retry.ts) under the app's own ErrorBoundary and fallback: a lazy part whose
 * code failed to load (offline) says so, and Retry — or a reset key change — calls its loader again
 * instead of showing the cached failure, as plain `React.lazy` would. Also forgetFailedStylesheet, which
 * lets Vite add a chunk's CSS link again after it failed.
 */
import { Suspense, useState, type ReactNode } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, PanelErrorFallback } from '../../src/app/error-boundary.tsx';
import { ChunkLoadError, forgetFailedStylesheet, isChunkLoadError, lazyWithRetry } from '../../src/app/lazy-retry.ts';

const LOAD_FAILED = 'This part could not be loaded (offline?). Retry once the connection is back.';

function Loaded({ label }: { label: string }): ReactNode {
  return <p>loaded: {label}</p>;
}

type Load = () => Promise<{ default: typeof Loaded }>;

/** A loader whose answers are scripted: `true` resolves with the component, `false` rejects like an offline import. */
function scriptedLoader(answers: boolean[]): Load & { calls: number } {
  const load = Object.assign(
    async () => {
      const ok = answers[Math.min(load.calls, answers.length - 1)];
      load.calls += 1;
      if (!ok) throw new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/part-X1.js');
      return { default: Loaded };
    },
    { calls: 0 },
  );
  return load;
}

/** The part inside the app's boundary; `resetKey` stands for a changed selection (boundary reset key). */
function Harness({ Part, resetKey = 0 }: { Part: typeof Loaded; resetKey?: number }) {
  return (
    <ErrorBoundary
      resetKeys={[resetKey]}
      fallback={(error, reset) => <PanelErrorFallback lang="en" error={error} onRetry={reset} />}
    >
      <Suspense fallback={<p>loading</p>}>
        <Part label="chart" />
      </Suspense>
    </ErrorBoundary>
  );
}

describe('lazyWithRetry', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a load that fails once shows the load error; Retry loads again and renders the part', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = scriptedLoader([false, true]);
    const Part = lazyWithRetry(load);
    render(<Harness Part={Part} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(LOAD_FAILED);
    expect(load.calls).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load.calls).toBe(2);
  });

  it('a load that keeps failing keeps showing the error, one new attempt per Retry (no loop)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = scriptedLoader([false]);
    const Part = lazyWithRetry(load);
    render(<Harness Part={Part} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(LOAD_FAILED);
    for (const expected of [2, 3]) {
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(load.calls).toBe(expected));
      expect(await screen.findByRole('alert')).toHaveTextContent(LOAD_FAILED);
    }
    // Settled: the error on screen does not start more attempts by itself.
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(load.calls).toBe(3);
    expect(screen.queryByText(/loaded:/)).toBeNull();
  });

  it('a reset key change (another selection, a remount) also loads again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = scriptedLoader([false, true]);
    const Part = lazyWithRetry(load);
    function Switcher() {
      const [key, setKey] = useState(0);
      return (
        <>
          <button type="button" onClick={() => setKey((k) => k + 1)}>
            other selection
          </button>
          <Harness Part={Part} resetKey={key} />
        </>
      );
    }
    render(<Switcher />);
    expect(await screen.findByRole('alert')).toHaveTextContent(LOAD_FAILED);
    await userEvent.click(screen.getByRole('button', { name: 'other selection' }));
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(load.calls).toBe(2);
  });

  it('a loaded part stays loaded: later mounts do not call the loader', async () => {
    const load = scriptedLoader([true]);
    const Part = lazyWithRetry(load);
    const first = render(<Harness Part={Part} />);
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    first.unmount();
    render(<Harness Part={Part} />);
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(load.calls).toBe(1);
  });

  it('a render error that is not a load failure keeps the generic message with its text', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // React logs the caught render error itself (the app silences that with onCaughtError in main.tsx).
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Broken(): ReactNode {
      throw new Error('boom in render');
    }
    const Part = lazyWithRetry(async () => ({ default: Broken as typeof Loaded }));
    render(<Harness Part={Part} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This panel hit an error: boom in render');
  });

  it('the error is a ChunkLoadError carrying the browser message and its cause', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module: http://x/a.js');
    let allowed = 0;
    const error = new ChunkLoadError(cause, () => {
      allowed += 1;
    });
    expect(isChunkLoadError(error)).toBe(true);
    expect(isChunkLoadError(cause)).toBe(false);
    expect(error.message).toBe(cause.message);
    expect(error.cause).toBe(cause);
    error.allowRetry();
    expect(allowed).toBe(1);
  });
});

describe('forgetFailedStylesheet', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  const origin = window.location.origin;
  it.each([
    ['Vite CSS failure for a linked URL', `Unable to preload CSS for ${origin}/assets/views-1.css`, true, [`${origin}/assets/other.css`]],
    ['Vite CSS failure for a URL without link', `Unable to preload CSS for ${origin}/assets/missing.css`, false, [`${origin}/assets/views-1.css`, `${origin}/assets/other.css`]],
    ['a JS import failure', `Failed to fetch dynamically imported module: ${origin}/assets/views-1.css`, false, [`${origin}/assets/views-1.css`, `${origin}/assets/other.css`]],
  ])('%s', (_name, message, removed, left) => {
    for (const href of ['/assets/views-1.css', '/assets/other.css']) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      document.head.append(link);
    }
    expect(forgetFailedStylesheet(new Error(message), document)).toBe(removed);
    expect([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href)).toEqual(left);
  });

  it('ignores what is not an Error', () => {
    expect(forgetFailedStylesheet('Unable to preload CSS for x', document)).toBe(false);
  });
});
