import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { PINS_KEY } from '../../src/export/pins.ts';
import { ExportMenu } from '../../src/export/ui/export-menu.tsx';
import { ensureLoaded, resetSavedViewsForTests, savedViewsSnapshot } from '../../src/saved-views/saved-views-state.ts';
import { closeSavedViews } from '../../src/saved-views/views-db.ts';
import { lineModel, oneCensusLineModel } from '../unit/export-fixtures.ts';

// The font files are fetched in the browser only; in jsdom the composer gets none (fallback stack).
vi.mock('../../src/export/fonts.ts', () => ({ loadExportFonts: async () => [], hasArabic: () => false }));

/** Capture what would be downloaded: the blob handed to createObjectURL and the anchor's file name. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
    last = b as Blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) files.push({ name: this.download, blob: last });
  });
  return files;
}

// The export menu saves views through the saved views (issue 17), connected when they load: a fresh IndexedDB
// and a fresh page state per test.
beforeEach(async () => {
  resetSavedViewsForTests();
  await closeSavedViews();
  globalThis.indexedDB = new IDBFactory();
  localStorage.removeItem(PINS_KEY);
});
afterEach(() => {
  resetSavedViewsForTests();
  vi.restoreAllMocks();
});

describe('ExportMenu', () => {
  it('opens from the keyboard, moves focus in, and Escape closes it with focus back on the button', async () => {
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    const trigger = screen.getByRole('button', { name: 'Exporter' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    trigger.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Exporter ce graphique' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('offers every export with accessible names', async () => {
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    const dialog = screen.getByRole('dialog');
    for (const name of [
      "Télécharger l'image PNG",
      "Télécharger l'image SVG",
      "Copier l'image",
      'Télécharger le CSV (données affichées)',
      'Télécharger le CSV (série complète)',
      'Télécharger le PowerPoint',
      'Enregistrer la vue',
    ])
      expect(within(dialog).getByRole('button', { name })).toBeEnabled();
    for (const name of [
      'Taille du graphique',
      'Diapositive 16:9 (1920 × 1080)',
      'Diapositive 4:3 (1600 × 1200)',
      'Carré (1080 × 1080)',
      '1×',
      '2×',
      '3×',
      'Blanc',
      'Transparent',
    ])
      expect(within(dialog).getByRole('radio', { name })).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Diapositive 16:9 (1920 × 1080)' })).toBeChecked();
  });

  it('downloads the CSV of the displayed rows with a file name carrying indicator, territories and date', async () => {
    const files = captureDownloads();
    const user = userEvent.setup();
    const rows = [{ territory: '=cmd', territoryCode: 'MA-06', period: '2024', value: -2, status: 'official' }];
    render(<ExportMenu model={lineModel()} tableRows={rows} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(screen.getByRole('button', { name: 'Télécharger le CSV (données affichées)' }));
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toMatch(/^mouchir_population-legale_ma-06-ma-07_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await files[0]?.blob.text();
    expect(text).toContain("\r\n'=cmd,MA-06,2024,-2,'-2,,officiel,,,,");
    expect(await screen.findByRole('status')).toHaveTextContent(`Fichier prêt : ${files[0]?.name}`);
  });

  it('downloads the SVG of the composition at the chosen size', async () => {
    const files = captureDownloads();
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(screen.getByRole('radio', { name: 'Carré (1080 × 1080)' }));
    await user.click(screen.getByRole('button', { name: "Télécharger l'image SVG" }));
    await waitFor(() => expect(files).toHaveLength(1));
    const svg = (await files[0]?.blob.text()) ?? '';
    expect(svg).toContain('width="1080" height="1080"');
    expect(svg).toContain('Population légale');
    // Three periods: the line chart, not a ranking.
    expect(svg.match(/class="series"/g)).toHaveLength(2);
    expect(svg).not.toContain('class="bar"');
  });

  it('exports a line of one period as the ranking of that period, and saves that ranking (issue 13)', async () => {
    await act(() => ensureLoaded());
    const files = captureDownloads();
    const user = userEvent.setup();
    render(<ExportMenu model={oneCensusLineModel()} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(screen.getByRole('button', { name: "Télécharger l'image SVG" }));
    await waitFor(() => expect(files).toHaveLength(1));
    const svg = (await files[0]?.blob.text()) ?? '';
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).not.toContain('class="series"');
    await user.click(screen.getByRole('button', { name: 'Enregistrer la vue' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(savedViewsSnapshot().views.map((v) => v.model?.kind)).toEqual(['bar']));
  });

  it('explains when the browser cannot copy images', async () => {
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(screen.getByRole('button', { name: "Copier l'image" }));
    expect(await screen.findByRole('status')).toHaveTextContent('ne permet pas de copier une image');
  });

  it('saves the view under a name (the chart title by default), with its chart; Escape leaves the prompt', async () => {
    await act(() => ensureLoaded());
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer la vue' }));
    const field = screen.getByRole('textbox', { name: 'Nom de la vue' });
    expect(field).toHaveValue(lineModel().title);
    expect(field).toHaveFocus();
    // Escape closes the prompt only: the menu stays open.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Nom de la vue' })).not.toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer la vue' }));
    await user.clear(screen.getByRole('textbox', { name: 'Nom de la vue' }));
    await user.keyboard('Ma vue{Enter}');
    expect(await screen.findByText(/Vue enregistrée sous « Ma vue »/)).toBeInTheDocument();
    await waitFor(() => expect(savedViewsSnapshot().views).toHaveLength(1));
    const [view] = savedViewsSnapshot().views;
    expect(view).toMatchObject({ name: 'Ma vue', inBriefing: true, events: [] });
    expect(view!.model?.title).toBe(lineModel().title);
    // An empty name is refused with a message, nothing saved.
    await user.click(screen.getByRole('button', { name: 'Enregistrer la vue' }));
    await user.clear(screen.getByRole('textbox', { name: 'Nom de la vue' }));
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/Donnez un nom à la vue/)).toBeInTheDocument();
    expect(savedViewsSnapshot().views).toHaveLength(1);
  });

  it('resets corrupt stored pins with a notice instead of crashing', async () => {
    localStorage.setItem(PINS_KEY, '{"version":1,"pins":[{"id":"x","model":{"title":42}}]}');
    await act(() => ensureLoaded());
    const user = userEvent.setup();
    render(<ExportMenu model={lineModel()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('illisibles et ont été réinitialisées');
    expect(localStorage.getItem(PINS_KEY)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks Arabic, right to left, for an Arabic model', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExportMenu model={lineModel({ lang: 'ar', dir: 'rtl' })} />);
    expect(container.firstElementChild).toHaveAttribute('dir', 'rtl');
    await user.click(screen.getByRole('button', { name: 'تصدير' }));
    expect(screen.getByRole('button', { name: 'تنزيل ملف PowerPoint' })).toBeInTheDocument();
  });
});
