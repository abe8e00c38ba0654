/**
 * The line chart chooses its drawing by the number of lines (issue 7, B2): SVG `<Line>`s up to the
 * soft limit, one canvas above it — with the same accessible pieces (focusable group, help, legend,
 * live announcements) either way. jsdom has no 2D context: the canvas is asserted by its attributes,
 * its pixels by tests/e2e/many-lines.test.ts.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CANVAS_LINE_THRESHOLD } from '../../src/charts/canvas-lines.ts';
import type { ChartModel, ChartSeries } from '../../src/transforms/chart-types.ts';
import { LineChart } from '../../src/charts/line-chart.tsx';
import { seriesColor } from '../../src/transforms/palette.ts';

const PERIODS = Array.from(
  { length: 24 },
  (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

function model(lines: number, lang: 'fr' | 'ar' = 'fr'): ChartModel {
  const series: ChartSeries[] = Array.from({ length: lines }, (_, s) => ({
    key: `MA-T${s}`,
    label: `Territoire ${s + 1}`,
    color: seriesColor(s),
    points: PERIODS.map((period, p) => ({
      period,
      // A gap in the first series, to check it is announced as missing, not as zero.
      value: s === 0 && p === PERIODS.length - 1 ? null : 100 + s * 10 + p,
      ...(s === 0 && p === PERIODS.length - 1 ? { reason: 'not-published' as const } : {}),
      status: 'illustrative' as const,
    })),
  }));
  return {
    kind: 'line',
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    indicatorId: 'synthetic-02',
    title: 'Synthétique 02',
    subtitle: '',
    unitLabel: 'personnes',
    measure: 'absolute',
    denominatorNote: null,
    periods: PERIODS,
    series,
    source: {
      publisher: 'Mouchir',
      title: 'Synthetic',
      url: 'https://example.org/',
      published: '2025-01-01',
      retrieved: '2025-01-02',
    },
    status: 'illustrative',
    method: 'synthetic',
    link: '',
  };
}

function renderChart(lines: number, lang: 'fr' | 'ar' = 'fr') {
  return render(<LineChart model={model(lines, lang)} unitCode="persons" width={800} height={360} />);
}

describe('LineChart drawing mode', () => {
  it(`keeps SVG lines up to ${CANVAS_LINE_THRESHOLD} lines`, () => {
    const { container } = renderChart(CANVAS_LINE_THRESHOLD);
    expect(container.querySelectorAll('path.recharts-line-curve')).toHaveLength(CANVAS_LINE_THRESHOLD);
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('draws more lines on one canvas, inside the chart, with every accessible piece kept', async () => {
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    const { container } = renderChart(75);
    expect(container.querySelectorAll('path.recharts-line-curve')).toHaveLength(0);
    const canvases = container.querySelectorAll('canvas.line-chart__canvas');
    expect(canvases).toHaveLength(1);
    const canvas = canvases[0] as HTMLCanvasElement;
    expect(canvas.dataset.series).toBe('75');
    expect(canvas).toHaveAttribute('aria-hidden', 'true');
    // Inside the recharts SVG, over the plot area (between the axes).
    let holder: Element | null = canvas.parentElement;
    while (holder && holder.localName !== 'foreignObject') holder = holder.parentElement;
    expect(holder).not.toBeNull();
    expect(canvas.closest('svg.recharts-surface')).not.toBeNull();
    // The value axis has explicit ticks from the model (recharts has no <Line> to derive them from).
    const ticks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[0]).toBe('0');
    // jsdom has no 2D context: the layer does not even ask for one (no "Not implemented" noise).
    expect(getContext).not.toHaveBeenCalled();
    getContext.mockRestore();

    const group = screen.getByRole('group', { name: /Points du graphique/ });
    expect(group).toHaveAttribute('tabindex', '0');
    const legend = screen.getByRole('list', { name: 'Légende' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(75);
    expect(within(legend).getByText('Territoire 75')).toBeInTheDocument();

    // Keyboard: the focus ring and the live announcement work as with SVG lines.
    const user = userEvent.setup();
    group.focus();
    await user.keyboard('{ArrowDown}');
    const live = container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toMatch(/^Territoire 1, .*2024 : Pas de données \(non publiée par la source\)$/);
    expect(container.querySelector('.focus-ring')).not.toBeNull();
    await user.keyboard('{ArrowDown}{Home}');
    expect(live?.textContent).toMatch(/^Territoire 2, .*2023 : 110$/);
  });

  it('in Arabic the canvas mode keeps the reversed time axis and the value axis on the right', () => {
    const { container } = renderChart(20, 'ar');
    expect(container.querySelector('canvas.line-chart__canvas')).not.toBeNull();
    const yAxis = container.querySelector('.recharts-yAxis');
    const xTicks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')];
    expect(yAxis?.querySelector('.recharts-cartesian-axis-line')?.getAttribute('orientation')).toBe('right');
    // Earliest period on the right: the first tick (January 2023) has the largest x.
    const xs = xTicks.map((t) => Number(t.getAttribute('x')));
    expect(xs.length).toBeGreaterThan(1);
    expect(xs[0]).toBeGreaterThan(xs.at(-1) ?? Infinity);
  });
});

describe('the value axis', () => {
  it('steps by a nice number on the SVG path too (0, 10, 20, 30, 40 million, not recharts’ 9.5 million steps)', async () => {
    const population = model(2);
    const values = [
      [33_848_242, 36_828_330],
      [6_861_739, 7_688_967],
    ];
    const twoPeriods = {
      ...population,
      periods: ['2014', '2024'],
      series: population.series.map((s, i) => ({
        ...s,
        points: ['2014', '2024'].map((period, p) => ({
          period,
          value: values[i]?.[p] ?? null,
          status: 'official' as const,
        })),
      })),
    };
    const { container } = render(<LineChart model={twoPeriods} unitCode="persons" width={800} height={360} />);
    expect(container.querySelector('canvas')).toBeNull();
    // Recharts draws its axes a pass after the grid.
    const labels = () =>
      [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) =>
        t.textContent?.replace(/\s/gu, ' '),
      );
    await waitFor(() => expect(labels().length).toBeGreaterThan(0));
    expect(labels()).toEqual(['0', '10 M', '20 M', '30 M', '40 M']);
  });
});
