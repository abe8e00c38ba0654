/**
 * File names of exports: `mouchir_<indicator>_<territories or "n-territoires">_<YYYY-MM-DD>.<ext>`.
 * ASCII-only and length-capped, because names travel through mail clients, Windows and USB keys
 * that mangle anything else.
 */

/** File extensions Mouchir writes. */
export type ExportExtension = 'png' | 'svg' | 'csv' | 'pptx' | 'xlsx';

/** Up to this many territory codes are spelled out; more become "n-territoires". */
export const MAX_NAMED_TERRITORIES = 3;
/** Longest slug part (indicator or territories) kept, so the whole name stays well under 255. */
const MAX_PART = 60;

/** Lower-case ASCII slug: accents folded, anything else becomes `-`, no leading/trailing/double dashes. */
export function slugify(text: string, maxLength = MAX_PART): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

export interface FileNameInput {
  indicatorId: string;
  /** Territory codes, in display order. */
  territories: readonly string[];
  /** Export date `YYYY-MM-DD`. */
  date: string;
  ext: ExportExtension;
  /** Optional suffix, e.g. "complet" for the full-series CSV or the slide size. */
  suffix?: string;
}

/** Build the export file name. Never empty parts: a missing indicator becomes "graphique". */
export function exportFileName(input: FileNameInput): string {
  const indicator = slugify(input.indicatorId) || 'graphique';
  const codes = input.territories.map((c) => slugify(c)).filter((c) => c !== '');
  let territories: string;
  if (codes.length === 0) territories = 'tous-territoires';
  else if (codes.length <= MAX_NAMED_TERRITORIES) territories = slugify(codes.join('-'));
  else territories = `${codes.length}-territoires`;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? input.date : 'sans-date';
  const suffix = input.suffix ? slugify(input.suffix, 20) : '';
  return ['mouchir', indicator, territories, date, suffix].filter((p) => p !== '').join('_') + `.${input.ext}`;
}
