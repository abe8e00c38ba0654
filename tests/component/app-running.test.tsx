/**
 * `<html data-app="running">` (src/app/app.tsx) is how a script — the e2e harness's openApp — knows the app has taken
 * over: it must come after the app has normalised the address bar (src/state/url-sync.ts useHistorySync), or a script
 * reading the URL at that moment sees it rewritten a moment later. When the API is ready in the first commit (the
 * mock's worker already controls the page), a layout effect marked the app running before that normalisation
 * (ci41's fault-matrix failure: "expected …&lang=en&indicator=… to be …&territories=…&lang=en").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import { App } from '../../src/app/app.tsx';
import { createQueryClient } from '../../src/app/query-client.ts';
import { initViewFromUrl } from '../../src/state/url-sync.ts';

afterEach(() => {
  delete document.documentElement.dataset.app;
  vi.restoreAllMocks();
});

describe('data-app="running"', () => {
  it('is set only once the address bar holds the canonical address', async () => {
    // Parameters out of the canonical order: the app rewrites the address once, at mount, without a history entry.
    const search = '?view=overview&lang=en&theme=dark';
    window.history.replaceState(null, '', `/${search}`);
    initViewFromUrl(search);
    const runningAtRewrite: (string | undefined)[] = [];
    const replace = window.history.replaceState.bind(window.history);
    vi.spyOn(window.history, 'replaceState').mockImplementation((data, unused, url) => {
      runningAtRewrite.push(document.documentElement.dataset.app);
      replace(data, unused, url);
    });
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { retry: false } });
    render(<App queryClient={client} />);
    await waitFor(() => expect(document.documentElement.dataset.app).toBe('running'));
    expect(runningAtRewrite.length).toBeGreaterThan(0);
    expect(runningAtRewrite).toEqual(runningAtRewrite.map(() => undefined));
    expect(window.location.search).not.toBe(search);
  });
});
