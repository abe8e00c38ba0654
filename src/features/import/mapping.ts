/**
 * Column roles ↔ the import's `ColumnMapping`, and the checks of the indicator form. Pure (no React), so the
 * dialog's rules are easy to read and test.
 */
import type { ColumnMapping, ColumnRole, Preview } from '../../import/types.ts';

/** The roles offered in each column's select, in this order. */
export const ROLES: readonly ColumnRole[] = ['territory', 'period', 'value', 'indicator', 'period-value', 'ignored'];

/** The role of each column under a mapping (the preview's own roles when there is none). */
export function rolesOf(preview: Preview, mapping: ColumnMapping | null): ColumnRole[] {
  if (!mapping) return preview.columns.map((c) => c.role);
  return preview.columns.map((c) => {
    if (c.index === mapping.territory) return 'territory';
    if (mapping.indicator !== undefined && mapping.indicator !== null && c.index === mapping.indicator)
      return 'indicator';
    if (mapping.layout === 'long') {
      if (c.index === mapping.period) return 'period';
      if (c.index === mapping.value) return 'value';
      return 'ignored';
    }
    return mapping.periods.some((p) => p.column === c.index) ? 'period-value' : 'ignored';
  });
}

/** What is wrong with a set of roles (the missing or doubled roles), empty when it makes a mapping. */
export type RoleProblem =
  | { kind: 'missing'; role: 'territory' | 'period' | 'value' }
  | { kind: 'twice'; role: ColumnRole }
  | { kind: 'not-a-period'; column: number; header: string };

/**
 * The mapping the roles make: one territory column, then either one period and one value column (long layout) or
 * one or more period columns whose headers read as periods (wide layout); an optional indicator column.
 */
export function mappingOf(
  preview: Preview,
  roles: readonly ColumnRole[],
): { mapping: ColumnMapping | null; problems: RoleProblem[] } {
  const problems: RoleProblem[] = [];
  const columns = (role: ColumnRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  for (const role of ['territory', 'period', 'value', 'indicator'] as const) {
    if (columns(role).length > 1) problems.push({ kind: 'twice', role });
  }
  const territory = columns('territory')[0];
  const indicator = columns('indicator')[0] ?? null;
  const wide = columns('period-value');
  if (territory === undefined) problems.push({ kind: 'missing', role: 'territory' });
  if (wide.length > 0) {
    const periods: { column: number; period: string }[] = [];
    for (const column of wide) {
      const period = preview.columns[column]?.period;
      if (period) periods.push({ column, period });
      else problems.push({ kind: 'not-a-period', column, header: preview.columns[column]?.header ?? '' });
    }
    if (columns('period').length > 0) problems.push({ kind: 'twice', role: 'period' });
    if (problems.length > 0 || territory === undefined) return { mapping: null, problems };
    return { mapping: { layout: 'wide', territory, periods, indicator }, problems };
  }
  const period = columns('period')[0];
  const value = columns('value')[0];
  if (period === undefined) problems.push({ kind: 'missing', role: 'period' });
  if (value === undefined) problems.push({ kind: 'missing', role: 'value' });
  if (problems.length > 0 || territory === undefined || period === undefined || value === undefined)
    return { mapping: null, problems };
  return { mapping: { layout: 'long', territory, period, value, indicator }, problems };
}

/** The form describing the indicator, as typed. */
export interface DescribeForm {
  nameFr: string;
  nameAr: string;
  nameEn: string;
  unit: string;
  kind: 'count' | 'rate';
  threshold: string;
  publisher: string;
  title: string;
  published: string;
  url: string;
}

export const EMPTY_FORM: DescribeForm = {
  nameFr: '',
  nameAr: '',
  nameEn: '',
  unit: '',
  kind: 'count',
  threshold: '',
  publisher: '',
  title: '',
  published: '',
  url: '',
};

/** Fields of the form that are missing or wrong, by message key. */
export type FormProblem =
  'missingName' | 'missingUnit' | 'missingPublisher' | 'missingTitle' | 'missingUrl' | 'badUrl' | 'badThreshold';

export function formProblems(form: DescribeForm): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.nameFr.trim() && !form.nameAr.trim() && !form.nameEn.trim()) problems.push('missingName');
  if (form.kind === 'count' && !form.unit.trim()) problems.push('missingUnit');
  if (!form.publisher.trim()) problems.push('missingPublisher');
  if (!form.title.trim()) problems.push('missingTitle');
  if (!form.url.trim()) problems.push('missingUrl');
  else if (!isHttpUrl(form.url.trim())) problems.push('badUrl');
  if (form.kind === 'count' && form.threshold.trim() && parseThreshold(form.threshold) === null)
    problems.push('badThreshold');
  return problems;
}

/** A small-count threshold: a whole number 1 – 1,000,000, or null. */
export function parseThreshold(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 1_000_000 ? n : null;
}

export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Only the languages the user filled: `{ fr: 'Bénéficiaires' }`. */
export function partial(fr: string, ar: string, en: string): { fr?: string; ar?: string; en?: string } {
  const out: { fr?: string; ar?: string; en?: string } = {};
  if (fr.trim()) out.fr = fr.trim();
  if (ar.trim()) out.ar = ar.trim();
  if (en.trim()) out.en = en.trim();
  return out;
}
