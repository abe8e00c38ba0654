/**
 * The chart that fits the data (issue 13): `leadingModel` turns a line whose values fall on a single period into
 * the ranking of that period — what the exports, presentation mode and pins draw — and leaves every other model
 * alone; `chartLead` and `periodsWithValues` are the rule it shares with the explorer's model.
 */
import { describe, expect, it } from 'vitest';
import { chartLead, leadingModel, periodsWithValues } from '../../src/transforms/chart-lead.ts';
import { addPin } from '../../src/export/pins.ts';
import { lineModel, oneCensusLineModel as oneCensus } from './export-fixtures.ts';

describe('the lead rule', () => {
  it('counts the periods where at least one series has a value', () => {
    expect(periodsWithValues(lineModel())).toEqual(['2004', '2014', '2024']);
    expect(periodsWithValues(oneCensus())).toEqual(['2024']);
    expect(periodsWithValues({ periods: ['2024'], series: [] })).toEqual([]);
  });

  it('ranking for one period, line from two, the line’s empty state for none', () => {
    expect(chartLead(['2024'])).toEqual({ chart: 'ranking', reason: 'single-period', period: '2024' });
    expect(chartLead(['2014', '2024'])).toEqual({ chart: 'line', reason: 'several-periods' });
    expect(chartLead([])).toEqual({ chart: 'line', reason: 'no-data' });
  });
});

describe('leadingModel', () => {
  it('a line with one period of values becomes the ranking of that period', () => {
    const ranked = leadingModel(oneCensus());
    expect(ranked.kind).toBe('bar');
    expect(ranked.periods).toEqual(['2024']);
    expect(ranked.series.map((s) => [s.key, s.color, s.points.map((p) => [p.period, p.value])])).toEqual([
      ['MA-06', '#0072B2', [['2024', 7_688_967]]],
      ['MA-07', '#D55E00', [['2024', 4_892_393]]],
    ]);
    // The subtitle names the period ranked, not the line's range; title, source, status and link are kept.
    expect(ranked.subtitle).toBe('Casablanca-Settat, Marrakech-Safi · 2024 · valeur absolue');
    const { kind: _k, periods: _p, subtitle: _s, series: _x, ...rest } = ranked;
    const { kind: _k2, periods: _p2, subtitle: _s2, series: _x2, ...before } = oneCensus();
    expect(rest).toEqual(before);
  });

  it('a line over a range that holds one period only is ranked too', () => {
    const single = lineModel({ periods: ['2024'], subtitle: 'A · 2024 · valeur absolue' });
    const one = { ...single, series: single.series.map((s) => ({ ...s, points: s.points.slice(2) })) };
    expect(leadingModel(one).kind).toBe('bar');
    expect(leadingModel(one).subtitle).toBe('A · 2024 · valeur absolue');
  });

  it('leaves a line of two periods, a line without values and a ranking as they are (same object)', () => {
    const line = lineModel();
    expect(leadingModel(line)).toBe(line);
    const empty = lineModel({ series: [] });
    expect(leadingModel(empty)).toBe(empty);
    const bar = leadingModel(oneCensus());
    expect(leadingModel(bar)).toBe(bar);
  });

  it('pins store the chart that leads', () => {
    const pins = addPin([], oneCensus(), new Date('2026-12-04T00:00:00Z'));
    expect(pins[0]?.model.kind).toBe('bar');
    expect(pins[0]?.id).toBe(oneCensus().link);
    expect(addPin([], lineModel(), new Date('2026-12-04T00:00:00Z'))[0]?.model).toEqual(lineModel());
  });
});
