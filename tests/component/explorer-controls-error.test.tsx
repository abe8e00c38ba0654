/**
 * Issue 16 item 6: when `GET /indicators` fails, the explorer's controls bar carries the error naming the catalogue
 * and a Retry, like every other panel (it was an empty box); the chart panel says why it is empty without a second
 * alert. An invalid answer says so in French, the validator's English behind the "Détail technique" disclosure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setMockSpec } from '../../src/mocks/faults.ts';
import { renderExplorer, start } from './explorer-harness.tsx';

afterEach(() => setMockSpec(''));

describe('explorer controls bar when the catalogue fails', () => {
  it('shows the indicators error with a working Retry in the controls bar, one alert only', async () => {
    setMockSpec('error:indicators');
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    const { container } = renderExplorer();
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert.closest('.explorer__controls')).not.toBeNull();
    expect(alert.textContent).toMatch(/Indicateurs/);
    expect(alert.textContent).toMatch(/erreur HTTP 500/);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    setMockSpec('');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 8000 });
    await waitFor(() => expect(container.querySelector('.explorer__controls select')).not.toBeNull());
  });

  it('an invalid catalogue is said in French; the validator’s English is behind the disclosure', async () => {
    setMockSpec('invalid:indicators');
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    renderExplorer();
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    const message = alert.querySelector('p')?.textContent ?? '';
    expect(message).toMatch(/réponse invalide — le champ .+ n’a pas la forme attendue/);
    expect(message).not.toMatch(/expected \w+, received/);
    const details = alert.querySelector('details');
    expect(details).not.toBeNull();
    expect(within(details as HTMLElement).getByText('Détail technique')).toBeInTheDocument();
    expect(details?.open).toBe(false);
    expect(details?.querySelector('code')?.textContent).toMatch(/^\/indicators: /);
  });
});
