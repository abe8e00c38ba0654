import { describe, expect, it } from 'vitest';
import type { ProjectStatus } from '../../src/contract/contract.ts';
import {
  ancestry,
  axisPercent,
  dateToYear,
  filterProjects,
  milestoneTime,
  projectBar,
  timelineDomain,
  yearTicks,
} from '../../src/features/projects/projects-model.ts';
import { periodStartYear } from '../../src/contract/period.ts';
import { PROJECTS, TERRITORIES } from './overview-fixtures.tsx';

describe("periodStartYear (the timeline's start positions)", () => {
  it.each<[string, number | null]>([
    ['2025', 2025],
    ['2025-Q3', 2025.5],
    ['2025-01', 2025],
    ['2025-07', 2025.5],
    ['nope', null],
  ])('%s → %s', (period, expected) => {
    const got = periodStartYear(period);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('milestoneTime (middle of the period)', () => {
  it.each<[string, number | null]>([
    ['2030', 2030.5],
    ['2028-Q2', 2028.375],
    ['2024-05', 2024 + 4.5 / 12],
    ['x', null],
  ])('%s → %s', (period, expected) => {
    const got = milestoneTime(period);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('dateToYear', () => {
  it.each<[string, number]>([
    ['2026-01-01T00:00:00Z', 2026],
    ['2026-07-02T12:00:00Z', 2026 + 182.5 / 365],
  ])('%s', (iso, expected) => {
    expect(dateToYear(new Date(iso))).toBeCloseTo(expected, 6);
  });
});

describe('ancestry', () => {
  const byCode = new Map(TERRITORIES.map((t) => [t.code, t]));
  it.each<[string, string[]]>([
    ['MA-BES', ['MA-BES', 'MA-06', 'MA']],
    ['MA-07', ['MA-07', 'MA']],
    ['MA', ['MA']],
    ['MA-ZZZ', ['MA-ZZZ']],
  ])('%s', (code, expected) => {
    expect(ancestry(code, byCode)).toEqual(expected);
  });
});

describe('filterProjects', () => {
  it.each<[string, string | null, ProjectStatus | null, string[]]>([
    [
      'everything, ordered by start (unknown last)',
      null,
      null,
      ['casablanca-digital', 'grand-stade-hassan-ii', 'benslimane-smart-lab', 'marrakech-stadium'],
    ],
    [
      'the country means everything',
      'MA',
      null,
      ['casablanca-digital', 'grand-stade-hassan-ii', 'benslimane-smart-lab', 'marrakech-stadium'],
    ],
    ['Benslimane only', 'MA-BES', null, ['grand-stade-hassan-ii', 'benslimane-smart-lab']],
    [
      'a region includes its provinces',
      'MA-06',
      null,
      ['casablanca-digital', 'grand-stade-hassan-ii', 'benslimane-smart-lab'],
    ],
    ['status filter', null, 'planned', ['casablanca-digital', 'marrakech-stadium']],
    ['both filters', 'MA-BES', 'announced', ['benslimane-smart-lab']],
    ['no match', 'MA-REH', null, []],
  ])('%s', (_name, territory, status, expected) => {
    expect(filterProjects(PROJECTS, TERRITORIES, { territory, status }).map((p) => p.id)).toEqual(expected);
  });

  it('orders starts of mixed forms by the one period order: same first month, the longer period first', () => {
    const base = PROJECTS[0]!;
    const withStart = (id: string, start: string | null) => ({ ...base, id, start });
    const projects = [
      withStart('a-month', '2026-01'),
      withStart('b-none', null),
      withStart('c-year', '2026'),
      withStart('d-quarter', '2025-Q4'),
    ];
    const ids = filterProjects(projects, TERRITORIES, { territory: null, status: null }).map((p) => p.id);
    expect(ids).toEqual(['d-quarter', 'c-year', 'a-month', 'b-none']);
  });
});

describe('timeline geometry', () => {
  const today = 2026.9;
  const domain = timelineDomain(PROJECTS, today);

  it('covers every date and today, in whole years', () => {
    // Latest: the stadium ends with 2028 (→ 2029.0); its 2028-Q2 milestone sits mid-quarter (2028.375).
    expect(domain).toEqual({ from: 2024, to: 2029 });
    expect(timelineDomain([], 2026.5)).toEqual({ from: 2026, to: 2027 });
  });

  it.each<[number, number]>([
    [2024, 0],
    [2026.5, 50],
    [2029, 100],
    [2040, 100],
    [2000, 0],
  ])('axisPercent(%s) = %s', (t, expected) => {
    expect(axisPercent(t, domain)).toBeCloseTo(expected, 10);
  });

  it('bars run from the start of the first period to the end of the last', () => {
    const stadium = PROJECTS.find((p) => p.id === 'grand-stade-hassan-ii');
    const marrakech = PROJECTS.find((p) => p.id === 'marrakech-stadium');
    if (!stadium || !marrakech) throw new Error('fixture');
    // 2025 → end of 2028 on 2024–2029: 20 % → 100 %.
    expect(projectBar(stadium, domain)).toEqual({ start: 20, end: 100 });
    expect(projectBar(marrakech, domain)).toBeNull();
  });

  it.each<[{ from: number; to: number }, number[]]>([
    [{ from: 2024, to: 2027 }, [2024, 2025, 2026, 2027]],
    [{ from: 2010, to: 2030 }, [2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026, 2028, 2030]],
  ])('ticks of %o', (d, expected) => {
    expect(yearTicks(d)).toEqual(expected);
  });
});
