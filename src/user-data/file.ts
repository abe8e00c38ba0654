/**
 * A dataset as a file (issue 15): export one to move it to another browser, import it back. JSON with a format
 * name and a version, checked with a `zod/mini` schema before anything is written:
 *
 *   { "format": "mouchir-dataset", "version": 1, "exportedAt": "…Z",
 *     "dataset": { id, name, unit, kind, source, fileName, importedAt, frequency, smallCountThreshold?, levels,
 *                  rowCount, observations: [{ territory, period, value, qualifier?, note?, periodLabel? }] } }
 *
 * The raw figures travel (small counts are suppressed when shown, by the dataset's own threshold). A malformed,
 * foreign, newer or huge file is refused with a `UserDataError` and nothing is written; a valid one is stored in one
 * transaction, replacing the dataset with the same id (the same dataset moved: links to it keep working).
 * Names stay text: markup and formula-like names (`=SUM(…)`) are kept as typed and shown as text.
 */
import { z } from 'zod/mini';
import { LocalizedText, Period, Qualifier, TerritoryCode } from '../contract/contract.ts';
import { UserDataError } from './error-core.ts';
import { MAX_OBSERVATIONS, getDataset, getDatasetMeta, putDataset } from './store.ts';
import { DatasetMeta, localize, type Dataset } from './types.ts';

export const DATASET_FILE_FORMAT = 'mouchir-dataset';
export const DATASET_FILE_VERSION = 1;
/** Largest dataset file read (a 500 000-row dataset is ~40 MB of JSON); checked before reading it. */
export const MAX_DATASET_FILE_BYTES = 64 * 1024 * 1024;

/** The optional fields of a file row, checked with the contract's schemas when a row has any (rare). */
const RowExtras = z.object({
  qualifier: z.optional(Qualifier),
  note: z.optional(z.nullable(LocalizedText)),
  periodLabel: z.optional(LocalizedText),
});

/** One row of a file: `{ territory, period, value, qualifier?, note?, periodLabel? }`. */
export interface FileObservation {
  territory: string;
  period: string;
  value: number | null;
  qualifier?: Qualifier;
  note?: LocalizedText | null;
  periodLabel?: LocalizedText;
}

/**
 * Schema of a version-1 dataset file, but its rows: checking 100 000 row objects with zod costs ~200 ms on the page,
 * so `checkRows` checks them by hand (the same rules: codes, periods, numbers, the contract's extras).
 */
export const DatasetFileV1 = z.object({
  format: z.literal(DATASET_FILE_FORMAT),
  version: z.literal(DATASET_FILE_VERSION),
  exportedAt: z.iso.datetime(),
  dataset: z.object({
    ...DatasetMeta.shape,
    observations: z.array(z.unknown()).check(z.maxLength(MAX_OBSERVATIONS)),
  }),
});
export type DatasetFileV1 = Omit<z.infer<typeof DatasetFileV1>, 'dataset'> & { dataset: DatasetInFile };

/** A dataset as a file holds it: its description and raw rows (the store adds indicator and status). */
export type DatasetInFile = DatasetMeta & { observations: FileObservation[] };

/** The rows of a file, checked: each an object with a territory code, a period, a number or null, valid extras. */
function checkRows(rows: readonly unknown[]): FileObservation[] {
  const codes = new Set<string>();
  const periods = new Set<string>();
  const fail = (i: number, field: string, what: string): never => {
    throw new UserDataError('invalid-file', `dataset.observations[${i}]${field}: ${what}`);
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(i, '', 'expected an object');
    const o = row as Record<string, unknown>;
    const territory = o.territory;
    if (typeof territory !== 'string' || !codes.has(territory)) {
      if (typeof territory !== 'string' || !z.safeParse(TerritoryCode, territory).success)
        fail(i, '.territory', 'expected an ISO 3166-2:MA code such as MA-06 or MA-BES');
      codes.add(territory as string);
    }
    const period = o.period;
    if (typeof period !== 'string' || !periods.has(period)) {
      if (typeof period !== 'string' || !z.safeParse(Period, period).success)
        fail(i, '.period', 'expected a period such as 2024, 2024-Q3 or 2024-03');
      periods.add(period as string);
    }
    if (o.value !== null && (typeof o.value !== 'number' || !Number.isFinite(o.value)))
      fail(i, '.value', 'expected a number or null');
    if (o.qualifier !== undefined || o.note !== undefined || o.periodLabel !== undefined) {
      const extras = z.safeParse(RowExtras, { qualifier: o.qualifier, note: o.note, periodLabel: o.periodLabel });
      if (!extras.success) {
        const issue = extras.error.issues[0];
        fail(i, `.${issue?.path.map(String).join('.') ?? ''}`, issue?.message ?? 'invalid');
      }
    }
  }
  return rows as FileObservation[];
}

/** The text of a dataset's file (raw figures, without the per-row indicator and status the store re-adds). */
export function datasetFileText(dataset: Dataset, now: Date = new Date()): string {
  const file: DatasetFileV1 = {
    format: DATASET_FILE_FORMAT,
    version: DATASET_FILE_VERSION,
    exportedAt: now.toISOString(),
    dataset: {
      ...dataset,
      observations: dataset.observations.map(({ indicator: _i, status: _s, ...row }) => row),
    },
  };
  return JSON.stringify(file);
}

/** A file name from the dataset's name: `mouchir-donnees_beneficiaires-2025.json` (letters, digits, hyphens). */
export function datasetFileName(dataset: Pick<Dataset, 'id' | 'name'>): string {
  const slug = localize(dataset.name, 'fr')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `mouchir-donnees_${slug || dataset.id}.json`;
}

/** Export a stored dataset as a file. @throws UserDataError `not-found`, or a storage error. */
export async function exportDatasetFile(id: string): Promise<{ fileName: string; blob: Blob }> {
  const dataset = await getDataset(id);
  if (!dataset) throw new UserDataError('not-found', id);
  return {
    fileName: datasetFileName(dataset),
    blob: new Blob([datasetFileText(dataset)], { type: 'application/json' }),
  };
}

/**
 * Read a dataset file's text into a dataset (raw rows), or refuse it. Pure: nothing is written.
 * @throws UserDataError `too-large`, `invalid-file` (not JSON, not a Mouchir dataset: the first problem's path),
 * `newer-version` (a version this code does not know).
 */
export function parseDatasetFile(text: string): DatasetInFile {
  if (text.length > MAX_DATASET_FILE_BYTES)
    throw new UserDataError('too-large', `more than ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserDataError('invalid-file', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const head = (typeof json === 'object' && json !== null ? json : {}) as { format?: unknown; version?: unknown };
  if (head.format !== DATASET_FILE_FORMAT) throw new UserDataError('invalid-file', 'not a Mouchir dataset file');
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > DATASET_FILE_VERSION)
    throw new UserDataError('newer-version', `version ${head.version}, this page reads ${DATASET_FILE_VERSION}`);
  const rows = (json as { dataset?: { observations?: unknown } }).dataset?.observations;
  if (Array.isArray(rows) && rows.length > MAX_OBSERVATIONS)
    throw new UserDataError('too-large', `${rows.length} rows, at most ${MAX_OBSERVATIONS}`);
  const parsed = z.safeParse(DatasetFileV1, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
    throw new UserDataError('invalid-file', `${path.replace(/^\./, '') || '(root)'}: ${issue?.message ?? ''}`);
  }
  const { dataset } = parsed.data;
  return { ...dataset, observations: checkRows(dataset.observations) };
}

/** What importing a file did. */
export interface ImportedFile {
  meta: DatasetMeta;
  /** Whether a dataset with the same id was there and has been replaced. */
  replaced: boolean;
}

/**
 * Import a dataset file (a `File` from an input or a drop, or its text): checked whole, then stored in one
 * transaction. Nothing is written when anything is wrong; earlier datasets stay untouched.
 * @throws UserDataError (`too-large`, `invalid-file`, `newer-version`, `invalid-dataset`, `quota`, `unavailable`…)
 */
export async function importDatasetFile(file: Blob | string): Promise<ImportedFile> {
  if (typeof file !== 'string' && file.size > MAX_DATASET_FILE_BYTES)
    throw new UserDataError('too-large', `more than ${MAX_DATASET_FILE_BYTES / 1024 / 1024} MB`);
  const text = typeof file === 'string' ? file : await file.text();
  const dataset = parseDatasetFile(text);
  const replaced = (await getDatasetMeta(dataset.id)) !== null;
  const meta = await putDataset(dataset);
  return { meta, replaced };
}
