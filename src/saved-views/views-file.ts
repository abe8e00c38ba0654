/**
 * The saved-views file (issue 17): the user's saved views as a small versioned JSON document, to move them to
 * another browser or give them to a colleague.
 *
 *     { "format": "mouchir-saved-views", "version": 1, "exportedAt": "…", "views": [SavedView, …] }
 *
 * Reading is all or nothing: the file is refused whole, with one problem the panel puts into words, when it is too
 * large (checked before it is read or parsed), not JSON, not this format, from a newer version, holds too many views,
 * or any view breaks the schema (./schema.ts). Names are text: markup or formula-like names are kept as text
 * (counted, so the message can say so), never interpreted. Pure except `readSavedViewsFile` (reads a Blob).
 */
import { z } from 'zod/mini';
import { looksLikeFormula, looksLikeMarkup, MAX_VIEWS } from './names.ts';

export { MAX_VIEWS };
import { canonicalQuery } from './query.ts';
import { SavedViewSchema } from './schema.ts';
import type { SavedView } from './types.ts';

/** The `format` field of the file. */
export const SAVED_VIEWS_FORMAT = 'mouchir-saved-views';
/** The version this build writes and reads; a file of a higher version is refused as "newer". */
export const SAVED_VIEWS_FILE_VERSION = 1;
/** Largest file read, in bytes (checked before reading: 200 views with their charts stay well under it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Why a file was refused. */
export type ImportProblem =
  | { kind: 'too-large'; bytes: number }
  | { kind: 'empty-file' }
  | { kind: 'not-json' }
  | { kind: 'not-saved-views' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'too-many'; count: number }
  | { kind: 'no-views' }
  /** View `index` (0-based) breaks the schema at `field`. */
  | { kind: 'invalid-view'; index: number; field: string };

/** A file read successfully. */
export interface ImportedFile {
  ok: true;
  views: SavedView[];
  /** How many names look like markup or like a spreadsheet formula (kept as text; the message says so). */
  markupNames: number;
  formulaNames: number;
}

export type ImportResult = ImportedFile | { ok: false; problem: ImportProblem };

/** The file's text for `views` (in their order). Pure. */
export function serializeSavedViewsFile(views: readonly SavedView[], now: Date): string {
  return `${JSON.stringify(
    { format: SAVED_VIEWS_FORMAT, version: SAVED_VIEWS_FILE_VERSION, exportedAt: now.toISOString(), views },
    null,
    1,
  )}\n`;
}

/** File name of an export, dated. */
export function savedViewsFileName(now: Date): string {
  return `mouchir-vues-${now.toISOString().slice(0, 10)}.json`;
}

const Envelope = z.object({ format: z.string(), version: z.unknown(), views: z.unknown() });

/** Read a file's text. Never throws: every refusal is an `ImportProblem`. Pure. */
export function parseSavedViewsFile(text: string): ImportResult {
  // A string longer than the cap in UTF-16 units is over it in bytes too: refuse before parsing.
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: text.length } };
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty-file' } };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  const envelope = z.safeParse(Envelope, json);
  if (!envelope.success || envelope.data.format !== SAVED_VIEWS_FORMAT)
    return { ok: false, problem: { kind: 'not-saved-views' } };
  const { version, views } = envelope.data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, problem: { kind: 'not-saved-views' } };
  if (version > SAVED_VIEWS_FILE_VERSION) return { ok: false, problem: { kind: 'newer-version', version } };
  if (!Array.isArray(views)) return { ok: false, problem: { kind: 'not-saved-views' } };
  if (views.length === 0) return { ok: false, problem: { kind: 'no-views' } };
  if (views.length > MAX_VIEWS) return { ok: false, problem: { kind: 'too-many', count: views.length } };
  const out: SavedView[] = [];
  for (const [index, raw] of views.entries()) {
    const parsed = z.safeParse(SavedViewSchema, raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.map(String).join('.') || '(view)' : '(view)';
      return { ok: false, problem: { kind: 'invalid-view', index, field } };
    }
    out.push({ ...parsed.data, query: canonicalQuery(parsed.data.query) });
  }
  return {
    ok: true,
    views: out,
    markupNames: out.filter((v) => looksLikeMarkup(v.name)).length,
    formulaNames: out.filter((v) => looksLikeFormula(v.name)).length,
  };
}

/** Read a file the user picked: its size is checked before a byte of it is read. */
export async function readSavedViewsFile(file: Blob): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: { kind: 'too-large', bytes: file.size } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  return parseSavedViewsFile(text);
}
