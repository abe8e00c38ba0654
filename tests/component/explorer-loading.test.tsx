/**
 * The explorer's panel is never blank while it loads: between the answer's arrival and the first drawn chart,
 * the model is built in a deferred render (issue 7, B2), and the panel must show its skeleton meanwhile.
 * A MutationObserver records the panel after every commit; a blank commit (no skeleton, no chart) fails the
 * test. It happened: an a11y e2e run found no chart frame right after the skeletons were gone.
 */
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderExplorer, start } from './explorer-harness.tsx';

beforeEach(() => {
  start({});
});

/** What the tab panel shows: a skeleton (aria-busy), a chart frame, something else, or nothing at all. */
function panelState(panel: Element): 'busy' | 'chart' | 'other' | 'blank' {
  if (panel.querySelector('[aria-busy="true"]')) return 'busy';
  if (panel.querySelector('figure.chart-frame')) return 'chart';
  return (panel.textContent ?? '').trim() === '' ? 'blank' : 'other';
}

describe('explorer loading', () => {
  it('shows the skeleton until the first chart is drawn, never a blank panel', async () => {
    start({ indicator: 'unemployment-rate', territories: ['MA-06', 'MA-07'] });
    const seen: string[] = [];
    const doc = document;
    const observer = new MutationObserver(() => {
      const panel = doc.querySelector('[role="tabpanel"]');
      if (panel) seen.push(panelState(panel));
    });
    observer.observe(doc.body, { childList: true, subtree: true, attributes: true });
    try {
      renderExplorer();
      await screen.findAllByRole('figure', { name: /Taux de chômage/ }, { timeout: 8000 });
      await waitFor(() => expect(seen.at(-1)).toBe('chart'));
    } finally {
      observer.disconnect();
    }
    expect(seen).toContain('busy');
    // Consecutive duplicates folded, so a failure reads as the sequence the reader saw.
    expect(seen.filter((s, i) => s !== seen[i - 1])).not.toContain('blank');
  });
});
