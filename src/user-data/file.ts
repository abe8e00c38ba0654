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

const FileObservation = z.object({
  territory: TerritoryCode,
  period: Period,
  value: z.nullable(z.number()),
  qualifier: z.optional(Qualifier),
  note: z.optional(z.nullable(LocalizedText)),
  periodLabel: z.optional(LocalizedText),
});

/** Schema of a version-1 dataset file. */
export const DatasetFileV1 = z.object({
  format: z.literal(DATASET_FILE_FORMAT),
  version: z.literal(DATASET_FILE_VERSION),
  exportedAt: z.iso.datetime(),
  dataset: z.object({
    ...DatasetMeta.shape,
    observations: z.array(FileObservation).check(z.maxLength(MAX_OBSERVATIONS)),
  }),
});
export type DatasetFileV1 = z.infer<typeof DatasetFileV1>;

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
 * Read a dataset file's text into a dataset, or refuse it. Pure: nothing is written.
 * @throws UserDataError `too-large`, `invalid-file` (not JSON, not a Mouchir dataset: the first problem's path),
 * `newer-version` (a version this code does not know).
 */
export function parseDatasetFile(text: string): Dataset {
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
  return {
    ...dataset,
    observations: dataset.observations.map((o) => ({ ...o, indicator: `user-${dataset.id}`, status: 'imported' })),
  };
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
