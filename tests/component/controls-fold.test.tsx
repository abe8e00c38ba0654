/**
 * Issue 16 (3): on a phone the explorer's controls fold into one row — the indicator and its period, and an
 * "Options" disclosure — so the chart starts on the first screen; above 480 px nothing folds. The catalogue's error
 * is never folded away. (The layout itself, at 390 px in fr and ar, is tests/e2e/phone-layout.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsFold } from '../../src/features/explorer/controls-fold.tsx';
import { PHONE_QUERY, SHEET_QUERY } from '../../src/features/explorer/filter-sheet.tsx';
import { setMockSpec } from '../../src/mocks/faults.ts';
import { renderExplorer, start } from './explorer-harness.tsx';

/** matchMedia answering the explorer's two queries as a phone (both) or a tablet (the sheet's only) would. */
function emulate(device: 'phone' | 'tablet'): void {
  const matching = device === 'phone' ? [PHONE_QUERY, SHEET_QUERY] : [SHEET_QUERY];
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matching.includes(query),
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setMockSpec('');
});

describe('ControlsFold', () => {
  it('above 480 px renders the controls as they are, with no button', () => {
    render(
      <ControlsFold phone={false} summary="Taux de chômage · 2014–2024" lang="fr">
        <label>
          Indicateur <select aria-label="Indicateur" />
        </label>
      </ControlsFold>,
    );
    expect(screen.getByRole('combobox', { name: 'Indicateur' })).toBeVisible();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('Taux de chômage · 2014–2024')).toBeNull();
  });

  it('on a phone: the summary and a closed "Options" disclosure that Enter, Space and a click toggle', async () => {
    const user = userEvent.setup();
    render(
      <ControlsFold phone summary="نسبة البطالة · 2014–2024" lang="ar">
        <label>
          المؤشر <select aria-label="المؤشر" />
        </label>
      </ControlsFold>,
    );
    expect(screen.getByText('نسبة البطالة · 2014–2024')).toBeVisible();
    const toggle = screen.getByRole('button', { name: 'الخيارات' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(body).not.toBeNull();
    expect(within(body as HTMLElement).getByLabelText('المؤشر')).not.toBeVisible();
    expect(toggle).toHaveAccessibleDescription('نسبة البطالة · 2014–2024');

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('المؤشر')).toBeVisible();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByLabelText('المؤشر')).toBeVisible();
  });
});

describe('the explorer on a phone', () => {
  it('folds its controls under the indicator and period shown', async () => {
    emulate('phone');
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    const { container } = renderExplorer();
    const toggle = await screen.findByRole('button', { name: 'Options' }, { timeout: 8000 });
    await waitFor(() => expect(container.querySelector('[data-controls-summary]')?.textContent).toMatch(/ · \d{4}–/));
    const summary = container.querySelector('[data-controls-summary]')?.textContent ?? '';
    const select = container.querySelector<HTMLSelectElement>('.explorer__controls select');
    expect(select).not.toBeNull();
    // The folded line names the indicator the picker holds.
    expect(summary.startsWith(select?.selectedOptions[0]?.textContent ?? '?')).toBe(true);
    expect(select).not.toBeVisible();
    await userEvent.setup().click(toggle);
    expect(select).toBeVisible();
  });

  it('keeps the catalogue’s error and its Retry in sight: nothing is folded without a catalogue', async () => {
    emulate('phone');
    setMockSpec('error:indicators');
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    renderExplorer();
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert.closest('.explorer__controls')).not.toBeNull();
    expect(alert).toBeVisible();
    expect(within(alert).getByRole('button', { name: 'Réessayer' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Options' })).toBeNull();
  });
});

describe('the explorer on a phone, with a link to an imported indicator this browser lacks', () => {
  it('leaves the picker unfolded, to choose another indicator', async () => {
    emulate('phone');
    start({ indicator: 'user-abc123', territories: ['MA'], lang: 'fr' });
    renderExplorer();
    await screen.findByText(/données importées/i, undefined, { timeout: 10_000 });
    expect(screen.getByRole('combobox', { name: 'Indicateur' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Options' })).toBeNull();
  });
});

describe('the explorer on a tablet (481–900 px)', () => {
  it('opens its territory filter as a sheet from a summary, and does not fold its controls', async () => {
    emulate('tablet');
    start({ indicator: 'unemployment-rate', territories: ['MA-06'] });
    const { container } = renderExplorer();
    await screen.findByRole('button', { name: 'Territoires' }, { timeout: 8000 });
    expect(container.querySelector('.explorer__side')).toBeNull();
    await waitFor(() => expect(container.querySelector('.explorer__controls select')).not.toBeNull());
    expect(container.querySelector('.explorer__controls select')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Options' })).toBeNull();
  });
});
