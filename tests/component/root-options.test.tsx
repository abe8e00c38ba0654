/**
 * The React root's error options (src/app/root-options.ts). A component that throws during a concurrent
 * render makes React retry synchronously and report the first throw as a "recoverable" error (#520). By
 * default React sends it to `reportError` — an uncaught page error in Chromium, which failed
 * tests/e2e/faults-boundary.test.ts under load: a panel's render threw in a deferred render while the test
 * removed the cause and pressed Retry, so React's synchronous retry drew the page fine — and still reported a
 * page error. With our options it is a console warning.
 */
import { createRoot, type RootOptions } from 'react-dom/client';
import { act, startTransition, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT_OPTIONS } from '../../src/app/root-options.ts';

/** Throws in its first render only: what a render sees torn (a value that changed during a concurrent render). */
let failNext = false;
function FlakyPanel(): ReactNode {
  if (failNext) {
    // oxlint-disable-next-line react/globals -- on purpose: the render sees a value another render changed (tearing)
    failNext = false;
    throw new Error('Simulated render error');
  }
  return <p>drawn</p>;
}

/**
 * Renders a panel in a transition (a concurrent render) whose first attempt throws: React retries the root
 * synchronously, the retry succeeds, and the first throw is reported as a recoverable error.
 */
async function renderTornPanel(options: RootOptions) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  failNext = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container, options);
  await act(async () => {
    startTransition(() => root.render(<FlakyPanel />));
  });
  return { container, unmount: () => act(() => root.unmount()) };
}

/** Page errors: what `reportError` (React's default for recoverable errors) raises on window. */
function collectPageErrors(): { list: unknown[]; stop: () => void } {
  const list: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    list.push(event.error ?? event.message);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  return { list, stop: () => window.removeEventListener('error', onError) };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('root options', () => {
  it("React's default reports a recovered concurrent render error as a page error (what we replace)", async () => {
    const pageErrors = collectPageErrors();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { container, unmount } = await renderTornPanel({ onCaughtError: () => undefined });
    pageErrors.stop();
    expect(container.textContent).toBe('drawn');
    expect(pageErrors.list).toHaveLength(1);
    await unmount();
  });

  it('ours warns with the cause instead of raising a page error; the page is drawn', async () => {
    const pageErrors = collectPageErrors();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { container, unmount } = await renderTornPanel(ROOT_OPTIONS);
    pageErrors.stop();
    expect(container.textContent).toBe('drawn');
    expect(pageErrors.list).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).toHaveBeenCalledWith(
      expect.stringContaining('recovered'),
      expect.objectContaining({ message: 'Simulated render error' }),
      expect.anything(),
    );
    await unmount();
  });
});
