/**
 * Observations across the worker boundary (issue 15): 100,000 small objects cost the page ~100 ms to deserialise in
 * one message (a long task, bench B8), so the worker sends them as columns — string tables plus typed arrays,
 * transferred, not copied — and the client rebuilds the objects in slices, yielding between them. Pure.
 */
import type { Observation } from '../contract/contract.ts';
import { GAP_NOTE } from './gap-note.ts';

export interface PackedObservations {
  indicators: string[];
  territories: string[];
  periods: string[];
  indicator: Uint16Array;
  territory: Uint16Array;
  period: Uint32Array;
  /** `NaN` for a gap (value null, with the gap note). */
  value: Float64Array;
}

export function packObservations(observations: readonly Observation[]): PackedObservations {
  const n = observations.length;
  const tables = {
    indicators: new Map<string, number>(),
    territories: new Map<string, number>(),
    periods: new Map<string, number>(),
  };
  const index = (map: Map<string, number>, key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = map.size;
      map.set(key, i);
    }
    return i;
  };
  const packed: PackedObservations = {
    indicators: [],
    territories: [],
    periods: [],
    indicator: new Uint16Array(n),
    territory: new Uint16Array(n),
    period: new Uint32Array(n),
    value: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = observations[i]!;
    packed.indicator[i] = index(tables.indicators, o.indicator);
    packed.territory[i] = index(tables.territories, o.territory);
    packed.period[i] = index(tables.periods, o.period);
    packed.value[i] = o.value === null ? NaN : o.value;
  }
  packed.indicators = [...tables.indicators.keys()];
  packed.territories = [...tables.territories.keys()];
  packed.periods = [...tables.periods.keys()];
  return packed;
}

/** The buffers to transfer with a packed message. */
export function packedTransfer(p: PackedObservations): ArrayBuffer[] {
  return [p.indicator.buffer, p.territory.buffer, p.period.buffer, p.value.buffer] as ArrayBuffer[];
}

/** Rows `from` to `to` (exclusive) of a packed list, as contract observations with status `imported`. */
export function unpackObservations(p: PackedObservations, from = 0, to = p.value.length): Observation[] {
  const out: Observation[] = [];
  for (let i = from; i < to; i++) {
    const v = p.value[i]!;
    const indicator = p.indicators[p.indicator[i]!]!;
    const territory = p.territories[p.territory[i]!]!;
    const period = p.periods[p.period[i]!]!;
    out.push(
      Number.isNaN(v)
        ? { indicator, territory, period, value: null, status: 'imported', note: { ...GAP_NOTE } }
        : { indicator, territory, period, value: v, status: 'imported' },
    );
  }
  return out;
}
