/**
 * Pure logic of the projects view: filtering by territory (a region includes its provinces' projects) and status,
 * and the positions of the timeline (years as fractions of the axis). No React.
 */
import type { Project, ProjectStatus, Territory } from '../../contract/contract.ts';
import { comparePeriods, periodEndYear, periodStartYear } from '../../contract/period.ts';

/**
 * Where a milestone is drawn: the middle of its period ("2030" is some time in 2030, not 1 January), so a
 * year-dated milestone does not sit on the year boundary of the next bar.
 */
export function milestoneTime(period: string): number | null {
  const start = periodStartYear(period);
  const end = periodEndYear(period);
  return start === null || end === null ? null : (start + end) / 2;
}

/** A date as a decimal year (UTC), for the "today" line. */
export function dateToYear(date: Date): number {
  const y = date.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  return y + (date.getTime() - start) / (next - start);
}

/** Codes of a territory and of every territory above it (province → region → country). */
export function ancestry(code: string, byCode: ReadonlyMap<string, Territory>): string[] {
  const chain: string[] = [];
  let current: string | null = code;
  const seen = new Set<string>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = byCode.get(current)?.parent ?? null;
  }
  return chain;
}

export interface ProjectFilter {
  /** Territory code; `null` or `MA` = everywhere. */
  territory: string | null;
  status: ProjectStatus | null;
}

/**
 * Projects located in `territory` or in a territory below it (choosing Casablanca-Settat shows Benslimane's
 * stadium), with the given status. Order: by start in the one period order (`comparePeriods`: a `2026` start before
 * a `2026-01` one), unknown starts last, then by id.
 */
export function filterProjects(
  projects: readonly Project[],
  territories: readonly Territory[],
  filter: ProjectFilter,
): Project[] {
  const byCode = new Map(territories.map((t) => [t.code, t]));
  return projects
    .filter((p) => filter.status === null || p.status === filter.status)
    .filter(
      (p) =>
        filter.territory === null ||
        filter.territory === 'MA' ||
        ancestry(p.territory, byCode).includes(filter.territory),
    )
    .sort((a, b) => compareStarts(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function compareStarts(a: string | null, b: string | null): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  return comparePeriods(a, b);
}

/** Year range of the timeline: whole years covering every start, end, milestone and today. */
export function timelineDomain(projects: readonly Project[], today: number): { from: number; to: number } {
  const times: number[] = [today];
  for (const p of projects) {
    if (p.start) times.push(periodStartYear(p.start) ?? today);
    if (p.end) times.push(periodEndYear(p.end) ?? today);
    for (const ms of p.milestones) times.push(milestoneTime(ms.date) ?? today);
  }
  const from = Math.floor(Math.min(...times));
  let to = Math.ceil(Math.max(...times));
  if (to <= from) to = from + 1;
  return { from, to };
}

/** Position of a time on the axis, in % from the start edge (clamped to 0–100). */
export function axisPercent(time: number, domain: { from: number; to: number }): number {
  const f = ((time - domain.from) / (domain.to - domain.from)) * 100;
  return Math.max(0, Math.min(100, f));
}

/** Year ticks of the axis: every year, or every other one when there are more than 12. */
export function yearTicks(domain: { from: number; to: number }): number[] {
  const step = domain.to - domain.from > 12 ? 2 : 1;
  const ticks: number[] = [];
  for (let y = domain.from; y <= domain.to; y += step) ticks.push(y);
  return ticks;
}

/** Bar of one project: start and end positions in %, or `null` when either date is not published. */
export function projectBar(p: Project, domain: { from: number; to: number }): { start: number; end: number } | null {
  if (!p.start || !p.end) return null;
  const s = periodStartYear(p.start);
  const e = periodEndYear(p.end);
  if (s === null || e === null || e < s) return null;
  return { start: axisPercent(s, domain), end: axisPercent(e, domain) };
}
