/**
 * The default explorer chart's head baked into the page (issue 16, src/features/explorer/baked-head.ts): the explorer
 * draws it in its loading panel on the default view only, in the head's language, and its chart frame replaces it
 * with the same caption — the panel never shows a head it does not know to be the one coming.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { captureBakedHead, setBakedHead, type BakedHead } from '../../src/features/explorer/baked-head.ts';
import { renderExplorer, start } from './explorer-harness.tsx';

/** A head whose words the data never use, so the test tells it from the chart's own caption. */
const HEAD: BakedHead = {
  lang: 'fr',
  title: 'Titre cuit au build',
  subtitle: 'Maroc · sous-titre cuit',
  status: 'official',
  source: 'Source : cuisson',
  denominatorNote: null,
  indicator: 'amo-coverage-rate',
};

afterEach(() => setBakedHead(null));

/** The titles the tab panel shows after every commit, consecutive duplicates folded. */
function watchTitles(): { seen: (string | null)[]; stop: () => void } {
  const seen: (string | null)[] = [];
  const observer = new MutationObserver(() => {
    const title = document.querySelector('[role="tabpanel"] .chart-frame__title')?.textContent ?? null;
    if (seen.at(-1) !== title) seen.push(title);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('the baked chart head in the explorer', () => {
  it('shows on the default view while the data load, then the chart frame takes its place', async () => {
    start({});
    setBakedHead(HEAD);
    const { seen, stop } = watchTitles();
    try {
      renderExplorer();
      // At once, before any answer: the head, busy, with its status and source line.
      const busy = document.querySelector('[role="tabpanel"] figure.chart-frame[aria-busy="true"]');
      expect(busy?.querySelector('.chart-frame__title')?.textContent).toBe(HEAD.title);
      expect(busy?.querySelector('.chart-frame__source')?.textContent).toBe(HEAD.source);
      expect(busy?.querySelector('[data-status="official"]')).not.toBeNull();
      await screen.findAllByRole('figure', { name: /Taux de couverture AMO/ }, { timeout: 8000 });
      await waitFor(() => expect(seen.at(-1)).toBe('Taux de couverture AMO'));
    } finally {
      stop();
    }
    // Never a panel without a head in between: the baked one, then the chart's.
    expect(seen).toEqual([HEAD.title, 'Taux de couverture AMO']);
    expect(document.querySelector('figure.chart-frame[aria-busy]')).toBeNull();
  });

  it('is not drawn for another selection, nor in another language', () => {
    setBakedHead(HEAD);
    start({ indicator: 'unemployment-rate' });
    const first = renderExplorer();
    expect(screen.queryByText(HEAD.title)).toBeNull();
    expect(document.querySelector('[role="tabpanel"] .skeleton--panel')).not.toBeNull();
    first.unmount();
    start({ lang: 'ar' });
    renderExplorer();
    expect(screen.queryByText(HEAD.title)).toBeNull();
  });
});

describe('captureBakedHead', () => {
  const root = (attribute: string | null) => {
    const div = document.createElement('div');
    const panel = document.createElement('div');
    if (attribute !== null) panel.setAttribute('data-baked-head', attribute);
    div.append(panel);
    return div;
  };

  it('reads a valid head from the shell', () => {
    expect(captureBakedHead(root(JSON.stringify(HEAD)))).toEqual(HEAD);
  });

  it('leaves none for a shell without one, broken JSON, or a head that is not one', () => {
    setBakedHead(HEAD);
    expect(captureBakedHead(root(null))).toBeNull();
    expect(captureBakedHead(root('{"lang":"fr","title":'))).toBeNull();
    expect(captureBakedHead(root(JSON.stringify({ ...HEAD, status: 'official-ish' })))).toBeNull();
    expect(captureBakedHead(root(JSON.stringify({ ...HEAD, lang: 'de' })))).toBeNull();
    expect(captureBakedHead(root(JSON.stringify({ ...HEAD, title: 'x'.repeat(401) })))).toBeNull();
    // And what it left is what the panels draw: nothing.
    start({});
    renderExplorer();
    expect(screen.queryByText(HEAD.title)).toBeNull();
  });
});
