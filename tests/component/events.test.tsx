/**
 * Events on the time axis (issue 17), in jsdom: the line chart draws a numbered marker per axis position (SVG lines
 * and canvas alike), lists each event under the legend as a button that highlights its marker and is announced,
 * marks the user's own as theirs, lists events outside the range without drawing them; the explorer's "Événements"
 * switch turns them off (and the view's URL says `events=0`).
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IndicatorEvent } from '../../src/contract/contract.ts';
import { LineChart } from '../../src/charts/line-chart.tsx';
import type { ChartModel } from '../../src/transforms/chart-types.ts';
import { placeEvents, withEvents } from '../../src/transforms/events.ts';
import { seriesColor } from '../../src/transforms/palette.ts';
import { serializeViewUrl } from '../../src/state/view-state.ts';
import { selectViewState, useViewStore } from '../../src/state/view-store.ts';
import { renderExplorer, start } from './explorer-harness.tsx';

const PERIODS = ['2021', '2024', '2025-07'];

const AMO: IndicatorEvent = {
  id: 'amo-generalisation',
  date: '2022-12',
  kind: 'reform',
  name: { fr: 'Généralisation de l’AMO', ar: 'تعميم التأمين الإجباري عن المرض', en: 'AMO generalisation' },
  indicators: ['amo-coverage-rate'],
  status: 'official',
  source: {
    publisher: 'CNSS',
    title: 'Chiffres de l’AMO Tadamon',
    url: 'https://medias24.com/x',
    published: null,
    retrieved: '2026-11-26',
  },
};
const LATER: IndicatorEvent = {
  ...AMO,
  id: 'later',
  date: '2026-03',
  name: { fr: 'Plus tard', ar: 'لاحقا', en: 'Later' },
};

function model(lines: number, lang: 'fr' | 'ar' = 'fr'): ChartModel {
  const base: ChartModel = {
    kind: 'line',
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    indicatorId: 'amo-coverage-rate',
    title: 'Taux de couverture AMO',
    subtitle: '',
    unitLabel: '%',
    measure: 'absolute',
    denominatorNote: null,
    periods: PERIODS,
    series: Array.from({ length: lines }, (_, s) => ({
      key: `MA-T${s}`,
      label: `Territoire ${s + 1}`,
      color: seriesColor(s),
      points: PERIODS.map((period, p) => ({ period, value: 40 + p * 20 + s, status: 'official' as const })),
    })),
    source: AMO.source,
    status: 'official',
    method: '',
    link: '',
  };
  return withEvents(
    base,
    placeEvents({
      periods: PERIODS,
      events: [AMO, LATER],
      userEvents: [{ id: 'u1', period: '2024', text: 'Notre campagne', link: 'https://example.org/c' }],
      lang,
    }),
  );
}

describe('events on the line chart', () => {
  it.each([
    ['SVG lines', 2],
    ['the canvas layer', 14],
  ])('draws a numbered marker per event on the axis over %s, and none for one outside', (_what, lines) => {
    const { container } = render(<LineChart model={model(lines)} unitCode="percent" width={800} height={360} />);
    const markers = [...container.querySelectorAll('[data-event-marker]')];
    expect(markers.map((m) => m.getAttribute('data-event-marker'))).toEqual(['amo-generalisation', 'user-u1']);
    expect(markers.map((m) => m.querySelector('text')?.textContent)).toEqual(['1', '2']);
    expect(markers[1]?.getAttribute('class')).toContain('chart-event--user');
    // Inside the plot: between the first and last x of the axis.
    const xs = markers.map((m) => Number(m.querySelector('line')?.getAttribute('x1')));
    for (const x of xs) expect(x).toBeGreaterThan(0);
    expect(container.querySelector('[data-event-marker~="later"]')).toBeNull();
  });

  it('lists them under the chart: official with its source, the user’s marked as theirs, the outside one apart', () => {
    render(<LineChart model={model(2)} unitCode="percent" width={800} height={360} />);
    const list = screen.getByRole('region', { name: 'Événements' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      '1déc. 2022 — Généralisation de l’AMO',
      '2Votre événement2024 — Notre campagne',
    ]);
    expect(list.textContent).toContain('source : CNSS, « Chiffres de l’AMO Tadamon »');
    expect(within(list).getByRole('link', { name: 'source' }).getAttribute('href')).toBe('https://medias24.com/x');
    expect(within(list).getByRole('link', { name: 'lien' }).getAttribute('href')).toBe('https://example.org/c');
    expect(list.textContent).toContain('Hors de la période affichée :');
    expect(list.querySelector('[data-off-axis]')?.textContent).toContain('mars 2026 — Plus tard');
  });

  it('reaches each event by keyboard: focus highlights its marker and announces it', async () => {
    const user = userEvent.setup();
    const { container } = render(<LineChart model={model(2)} unitCode="percent" width={800} height={360} />);
    const first = screen.getByRole('button', { name: /Généralisation de l’AMO/ });
    // The chart's own tab stop first, then the event buttons.
    await user.tab();
    expect(document.activeElement?.getAttribute('role')).toBe('group');
    await user.tab();
    expect(document.activeElement).toBe(first);
    expect(first.getAttribute('aria-pressed')).toBe('true');
    const marker = container.querySelector('[data-event-marker="amo-generalisation"]');
    expect(marker?.getAttribute('class')).toContain('chart-event--active');
    expect(container.querySelector('.chart-event__label')?.textContent).toBe('Généralisation de l’AMO');
    expect(screen.getByText(/Événement 1 marqué sur le graphique : déc\. 2022 — Généralisation/)).toBeTruthy();
    await user.tab(); // its source link
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Notre campagne/ }));
    expect(container.querySelector('[data-event-marker="user-u1"]')?.getAttribute('class')).toContain('active');
    expect(marker?.getAttribute('class')).not.toContain('active');
  });

  it('reads right to left in Arabic, with the same events', () => {
    render(<LineChart model={model(2, 'ar')} unitCode="percent" width={800} height={360} />);
    const list = screen.getByRole('region', { name: 'أحداث' });
    expect(within(list).getAllByRole('button')[1]?.textContent).toContain('حدثك');
  });
});

describe('the explorer’s "Événements" switch', () => {
  it('shows the AMO event of December 2022 by default and removes it when turned off (URL: events=0)', async () => {
    const user = userEvent.setup();
    start({ indicator: 'amo-coverage-rate', territories: ['MA'] });
    const { container } = renderExplorer();
    const item = await screen.findByRole(
      'button',
      { name: /déc\. 2022 — Généralisation de l’AMO/ },
      { timeout: 10_000 },
    );
    expect(item).toBeTruthy();
    await waitFor(() => expect(container.querySelector('[data-event-marker~="amo-generalisation"]')).not.toBeNull());
    const toggle = screen.getByRole('checkbox', { name: 'Événements' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    await waitFor(() => expect(container.querySelector('[data-chart-events]')).toBeNull());
    expect(container.querySelector('[data-event-marker]')).toBeNull();
    expect(useViewStore.getState().events).toBe(false);
    expect(serializeViewUrl(selectViewState(useViewStore.getState()))).toContain('events=0');
    await user.click(screen.getByRole('checkbox', { name: 'Événements' }));
    await screen.findByRole('button', { name: /Généralisation de l’AMO/ });
  });
});
