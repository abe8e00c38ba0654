/**
 * The ranked bar chart draws one bar per territory with a value, highest first, in the territory's
 * colour, with its name on the category axis — drawn as plain SVG text (one or two lines), not by
 * recharts' measuring `<Text>` (issue 7, B2) — and its value at the bar's end. Arabic mirrors it.
 */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { barLabelLines, RankedBarChart, rankedBarRows } from '../../src/charts/bar-chart.tsx';
import type { ChartModel, ChartSeries } from '../../src/transforms/chart-types.ts';
import { seriesColor, themedColor } from '../../src/transforms/palette.ts';
import { textWidth } from '../../src/charts/text-layout.ts';

const NAMES = ['Casablanca', 'Laâyoune-Sakia El Hamra', 'Inezgane-Aït Melloul', 'Tata', 'Aousserd'];
const VALUES = [300, 100, 250, null, 50];

function model(lang: 'fr' | 'ar' = 'fr'): ChartModel {
  const series: ChartSeries[] = NAMES.map((label, i) => ({
    key: `MA-T${i}`,
    label,
    color: seriesColor(i),
    points: [
      VALUES[i] === null
        ? { period: '2024', value: null, reason: 'not-published' as const, status: 'official' as const }
        : { period: '2024', value: VALUES[i] as number, status: 'official' as const },
    ],
  }));
  return {
    kind: 'bar',
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    indicatorId: 'population',
    title: 'Population',
    subtitle: '2024',
    unitLabel: 'personnes',
    measure: 'absolute',
    denominatorNote: null,
    periods: ['2024'],
    series,
    source: {
      publisher: 'HCP',
      title: 'RGPH 2024',
      url: 'https://example.org/',
      published: '2025-01-01',
      retrieved: '2025-01-02',
    },
    status: 'official',
    method: '',
    link: '',
  };
}

function ticks(container: HTMLElement) {
  return [...container.querySelectorAll('.recharts-yAxis-tick-labels text.recharts-cartesian-axis-tick-value')];
}

describe('rankedBarRows', () => {
  it('ranks the territories with a value, highest first, each with its themed fill', () => {
    const rows = rankedBarRows(model());
    expect(rows.map((r) => [r.label, r.rank])).toEqual([
      ['Casablanca', 1],
      ['Inezgane-Aït Melloul', 2],
      ['Laâyoune-Sakia El Hamra', 3],
      ['Aousserd', 4],
    ]);
    expect(rows.map((r) => r.fill)).toEqual([0, 2, 1, 4].map((i) => themedColor(seriesColor(i))));
  });
});

describe('barLabelLines', () => {
  it.each([
    ['Tata', 120, ['Tata']],
    ['Laâyoune-Sakia El Hamra', 200, ['Laâyoune-Sakia El Hamra']],
    ['Laâyoune-Sakia El Hamra', 100, ['Laâyoune-Sakia', 'El Hamra']],
  ])('%j in %i px → %j', (label, width, lines) => {
    expect(barLabelLines(label, width)).toEqual(lines);
  });

  it('never gives more than two lines, each within the width (ellipsised when cut)', () => {
    const lines = barLabelLines('Préfecture des arrondissements de Casablanca-Anfa et environs', 90);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(90);
    expect(lines[1]).toMatch(/…$/);
  });
});

describe('RankedBarChart', () => {
  it('draws one bar per valued territory in its colour, with its name and value, highest first', () => {
    const { container } = render(<RankedBarChart model={model()} unitCode="persons" width={600} />);
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle rect.bar-chart__bar')];
    expect(bars).toHaveLength(4);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([0, 2, 1, 4].map((i) => themedColor(seriesColor(i))));
    // Highest first: bar widths decrease from top to bottom.
    const widths = bars.map((b) => Number(b.getAttribute('width')));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(ticks(container).map((t) => t.textContent)).toEqual([
      'Casablanca',
      'Inezgane-Aït Melloul',
      'Laâyoune-Sakia El Hamra',
      'Aousserd',
    ]);
    expect(ticks(container).every((t) => t.getAttribute('text-anchor') === 'end')).toBe(true);
    const values = [...container.querySelectorAll('.recharts-bar-rectangle text.bar-chart__value')].map(
      (t) => t.textContent,
    );
    expect(values).toHaveLength(4);
    expect(values).toEqual(['300', '250', '100', '50']);
    // In French the value follows the bar's right end.
    const first = container.querySelector('.recharts-bar-rectangle');
    const r = first?.querySelector('rect');
    expect(Number(first?.querySelector('text')?.getAttribute('x'))).toBe(
      Number(r?.getAttribute('x')) + Number(r?.getAttribute('width')) + 6,
    );
  });

  it('wraps a long name on two lines when the axis is narrow, centred on its bar', () => {
    // 30 % of 300 px = 90 px of axis: "Laâyoune-Sakia El Hamra" does not fit on one line.
    const { container } = render(<RankedBarChart model={model()} unitCode="persons" width={300} />);
    const long = ticks(container).find((t) => t.textContent?.startsWith('Laâyoune'));
    const spans = [...(long?.querySelectorAll('tspan') ?? [])];
    expect(spans.length).toBe(2);
    expect(Number.parseFloat(spans[0]?.getAttribute('dy') ?? '0')).toBeLessThan(0);
    expect(spans[1]?.getAttribute('dy')).toBe('1.1em');
  });

  it('labels its value axis with nice ticks that fit, as plain text, without measuring (issue 16)', () => {
    const valueTicks = (c: HTMLElement) =>
      [...c.querySelectorAll('.recharts-xAxis-tick-labels text')].map((t) => ({
        text: t.textContent ?? '',
        x: Number(t.getAttribute('x')),
      }));
    // Recharts measures a label in a hidden span it adds to the page (an earlier test may have left one).
    document.getElementById('recharts_measurement_span')?.remove();
    // Wide: every nice tick from 0 to just above the highest value (300 → 0…300 in steps of 100 or less).
    const wide = render(<RankedBarChart model={model()} unitCode="persons" width={900} />);
    const all = valueTicks(wide.container);
    expect(all[0]?.text).toBe('0');
    expect(all.length).toBeGreaterThanOrEqual(4);
    wide.unmount();
    // Narrow: fewer labels, the first and the last kept, never closer than the widest label plus a gap.
    const narrow = render(<RankedBarChart model={model()} unitCode="persons" width={300} />);
    const some = valueTicks(narrow.container);
    expect(some.length).toBeLessThan(all.length);
    expect(some[0]?.text).toBe('0');
    expect(some.at(-1)?.text).toBe(all.at(-1)?.text);
    const widest = Math.max(...some.map((t) => textWidth(t.text, 12)));
    for (let i = 1; i < some.length; i++) {
      expect(Math.abs((some[i]?.x ?? 0) - (some[i - 1]?.x ?? 0))).toBeGreaterThanOrEqual(widest);
    }
    // No label was measured.
    expect(document.getElementById('recharts_measurement_span')).toBeNull();
  });

  it('puts the names on the right in Arabic', () => {
    const { container } = render(<RankedBarChart model={model('ar')} unitCode="persons" width={600} />);
    expect(ticks(container).length).toBe(4);
    expect(ticks(container).every((t) => t.getAttribute('text-anchor') === 'start')).toBe(true);
    // Bars grow right-to-left: each value sits left of its bar, ending there.
    for (const bar of container.querySelectorAll('.recharts-bar-rectangle')) {
      const rect = bar.querySelector('rect.bar-chart__bar');
      const value = bar.querySelector('text.bar-chart__value');
      expect(Number(rect?.getAttribute('width'))).toBeGreaterThan(0);
      expect(value?.getAttribute('text-anchor')).toBe('end');
      expect(Number(value?.getAttribute('x'))).toBeLessThan(Number(rect?.getAttribute('x')));
    }
  });
});
