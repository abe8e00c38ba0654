/**
 * A shared link to an imported indicator (issue 15) opened in a browser that does not have the dataset: the explorer
 * says so in place of the chart and offers the import entry — never another indicator's chart.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderExplorer, start } from './explorer-harness.tsx';

describe('a link to an imported indicator this browser lacks', () => {
  it('says so, offers to import, and draws no chart', async () => {
    start({ indicator: 'user-abc123', territories: ['MA'], lang: 'fr' });
    renderExplorer((lang) => <button type="button">{lang === 'fr' ? 'Mes données' : 'x'}</button>);
    const state = await screen.findByText(/données importées/i, undefined, { timeout: 10_000 });
    expect(state.closest('[data-missing-imported]')).not.toBeNull();
    expect(screen.getAllByRole('button', { name: 'Mes données' }).length).toBeGreaterThanOrEqual(1);
    expect(document.querySelector('figure.chart-frame')).toBeNull();
    // The indicator picker shows no indicator chosen (not the default indicator).
    expect((screen.getByRole('combobox', { name: 'Indicateur' }) as HTMLSelectElement).value).toBe('');
  });
});
