/**
 * lazyWithRetry (src/ui/lazy-retry.ts) under the app's own ErrorBoundary and fallback: a lazy part whose
 * code failed to load (offline) says so, and Retry — or a reset key change — calls its loader again
 * instead of showing the cached failure, as plain `React.lazy` would. Also the failed-stylesheet bookkeeping:
 * Vite never adds a chunk's CSS link again after it failed, so the next load puts it back.
 */
import { Suspense, useState, type ReactNode } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, PanelErrorFallback } from '../../src/ui/error-boundary.tsx';
import {
  ChunkLoadError,
  failedStylesheetUrls,
  isChunkLoadError,
  lazyWithRetry,
  noteFailedStylesheet,
  restoreFailedStylesheets,
} from '../../src/ui/lazy-retry.ts';

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

// The boundary logs what it caught as a warning, and React (without the app's onCaughtError) as an error.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('lazyWithRetry', () => {
  it('a load that fails once shows the load error; Retry loads again and renders the part', async () => {
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

  it('a preloaded part mounts without suspending: its fallback is never committed (issue 16)', async () => {
    const load = scriptedLoader([true]);
    const Part = lazyWithRetry(load);
    await Part.preload();
    // Every commit's text: a part that suspended would commit its fallback first.
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    try {
      render(<Harness Part={Part} />);
      expect(screen.getByText('loaded: chart')).toBeInTheDocument();
      await act(() => new Promise((r) => setTimeout(r, 0)));
    } finally {
      observer.disconnect();
    }
    expect(seen.some((t) => t.includes('loading'))).toBe(false);
    expect(load.calls).toBe(1);
  });

  it('a part that was not preloaded suspends once, then renders', async () => {
    const Part = lazyWithRetry(scriptedLoader([true]));
    render(<Harness Part={Part} />);
    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
  });

  it('a failed preload never rejects; the first render loads again and can succeed', async () => {
    const load = scriptedLoader([false, true]);
    const Part = lazyWithRetry(load);
    await expect(Part.preload()).resolves.toBeUndefined();
    render(<Harness Part={Part} />);
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(load.calls).toBe(2);
  });

  it('a preload and a first render at the same time share one load', async () => {
    const load = scriptedLoader([true]);
    const Part = lazyWithRetry(load);
    const preloading = Part.preload();
    render(<Harness Part={Part} />);
    await preloading;
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(load.calls).toBe(1);
  });

  it('a render error that is not a load failure keeps the generic message with its text', async () => {
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

describe('failed chunk stylesheets', () => {
  const origin = window.location.origin;
  const views = `${origin}/assets/views-1.css`;

  afterEach(async () => {
    // Leave nothing noted for the next test: let every pending restore load.
    const done = restoreFailedStylesheets(document);
    for (const link of document.querySelectorAll('link')) link.dispatchEvent(new Event('load'));
    await done;
    document.head.innerHTML = '';
  });

  it.each([
    ['Vite CSS failure', new Error(`Unable to preload CSS for ${views}`), true, [views]],
    [
      'a JS import failure',
      new TypeError(`Failed to fetch dynamically imported module: ${origin}/assets/a.js`),
      false,
      [],
    ],
    ['not an Error', `Unable to preload CSS for ${views}`, false, []],
  ])('noteFailedStylesheet: %s', (_name, error, noted, urls) => {
    expect(noteFailedStylesheet(error)).toBe(noted);
    expect(failedStylesheetUrls()).toEqual(urls);
  });

  it('restoreFailedStylesheets replaces the failed link and forgets the URL once it loads', async () => {
    const failed = document.createElement('link');
    failed.rel = 'stylesheet';
    failed.href = views;
    document.head.append(failed);
    noteFailedStylesheet(new Error(`Unable to preload CSS for ${views}`));
    const done = restoreFailedStylesheets(document);
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    expect(links).toHaveLength(1);
    expect(links[0]).not.toBe(failed);
    expect(links[0]?.href).toBe(views);
    links[0]?.dispatchEvent(new Event('load'));
    await done;
    expect(failedStylesheetUrls()).toEqual([]);
  });

  it('two parts restoring the same stylesheet at once share one link, and both go on once it loads', async () => {
    // Two lazy parts retried together (or a part and a preload) each ask for the noted stylesheets. A second restore
    // that replaced the first one's link would leave the first waiting for a load event that never comes — or, if
    // the first link had loaded, leave the page with a fresh link still loading under a view already shown.
    noteFailedStylesheet(new Error(`Unable to preload CSS for ${views}`));
    const settled: string[] = [];
    const first = restoreFailedStylesheets(document).then(() => settled.push('first'));
    const second = restoreFailedStylesheets(document).then(() => settled.push('second'));
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
    expect(links).toHaveLength(1);
    links[0]?.dispatchEvent(new Event('load'));
    // Every promise callback queued by that load runs before a new task: both have settled by then, or never will.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled.sort()).toEqual(['first', 'second']);
    await Promise.all([first, second]);
    expect(document.querySelectorAll('link[rel="stylesheet"]')).toHaveLength(1);
    expect(failedStylesheetUrls()).toEqual([]);
  });

  it('restoreFailedStylesheets rejects with Vite’s message while the stylesheet still fails, and keeps it noted', async () => {
    noteFailedStylesheet(new Error(`Unable to preload CSS for ${views}`));
    const done = restoreFailedStylesheets(document);
    document.querySelector('link')?.dispatchEvent(new Event('error'));
    await expect(done).rejects.toThrow(`Unable to preload CSS for ${views}`);
    expect(failedStylesheetUrls()).toEqual([views]);
  });

  it('a part whose stylesheet failed puts it back before loading again', async () => {
    let calls = 0;
    const Part = lazyWithRetry(async () => {
      calls += 1;
      if (calls === 1) throw new Error(`Unable to preload CSS for ${views}`);
      return { default: Loaded };
    });
    render(<Harness Part={Part} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(LOAD_FAILED);
    expect(failedStylesheetUrls()).toEqual([views]);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    // The retry waits for the stylesheet before loading the part.
    await waitFor(() => expect(document.querySelector(`link[href="${views}"]`)).not.toBeNull());
    expect(calls).toBe(1);
    document.querySelector(`link[href="${views}"]`)?.dispatchEvent(new Event('load'));
    expect(await screen.findByText('loaded: chart')).toBeInTheDocument();
    expect(calls).toBe(2);
    expect(failedStylesheetUrls()).toEqual([]);
  });
});
