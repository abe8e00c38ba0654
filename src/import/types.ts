/**
 * The public API of the file import (issue 15): what the import worker reads, what it answers, and the codes of
 * every problem it reports. Pure types and constants, no code to load: the dialog (src/features/import) and the
 * store (src/user-data) import this file freely; the worker code itself is reached through `client.ts`, which the
 * dialog loads lazily (`import('../../import/client.ts')`).
 *
 * The journey: `client.load(bytes, options)` → `Preview` (first rows, recognised columns, encoding, separator,
 * sheets, a guessed `ColumnMapping`); the caller corrects what it wants (`client.reread(options)` with another
 * encoding, separator, sheet or header row) → `client.run(settings)` → `ImportResult` (contract `Observation`s
 * with `status: 'imported'`, rejected rows with a reason CODE, territory matches, unmatched labels, stats).
 * Messages are never English prose: every problem is a `code` plus `params` for the UI to word in fr/ar/en.
 */
import type { Frequency, Observation, Territory, TerritoryCode } from '../contract/contract.ts';
import type { PeriodKind } from '../contract/period.ts';
import type { PackedObservations } from './pack.ts';

/** The text encodings a CSV/TSV file may be read in. `windows-1252` covers Latin-1 (French Excel). */
export type ImportEncoding = 'utf-8' | 'windows-1252' | 'windows-1256';
export const IMPORT_ENCODINGS: readonly ImportEncoding[] = ['utf-8', 'windows-1252', 'windows-1256'];

/** Field separators of a text file. */
export type Separator = ',' | ';' | '\t';
export const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

/**
 * How numbers are written. `comma`: decimal comma, thousands grouped by a space, a no-break space (U+00A0, U+202F)
 * or a dot (`1 234,5`, `1.234,5`: French Excel). `dot`: decimal point, thousands by a comma, a space or a no-break
 * space (`1,234.5`, `1 234.5`).
 */
export type DecimalStyle = 'comma' | 'dot';

export type FileKind = 'csv' | 'xlsx';

/** How a file is read. Anything left out is detected; anything given overrides the detection. */
export interface ReadOptions {
  /** The file's name (for the kind: `.xlsx` vs `.csv`/`.tsv`/`.txt`, and the stats); the bytes decide in the end. */
  fileName: string;
  encoding?: ImportEncoding;
  separator?: Separator;
  /** XLSX: the sheet, by name; the first sheet with data when absent. */
  sheet?: string;
  /**
   * Index (0-based, in the table's rows) of the header row, `-1` for a file without one; detected when absent (the
   * first row as wide as the data, or none when that row already holds a territory, a period and a number).
   */
  headerRow?: number;
  decimal?: DecimalStyle;
  /** The territories (the API's list), so the preview can tell which column holds them. */
  territories?: readonly ImportTerritory[];
  /** Overrides of the limits (tests, bench); the defaults are `IMPORT_LIMITS`. */
  limits?: Partial<ImportLimits>;
}

/** The limits past which a file is refused with an `ImportError` (see `ImportErrorCode`). */
export interface ImportLimits {
  /** Bytes of the file itself. */
  maxFileBytes: number;
  /** Data rows (after the header). */
  maxRows: number;
  /** Cells in one row. */
  maxColumns: number;
  /** XLSX: bytes of the unpacked parts read (declared in the zip's directory, and counted while inflating). */
  maxUnpackedBytes: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRows: 500_000,
  maxColumns: 2_000,
  maxUnpackedBytes: 200 * 1024 * 1024,
};

/** What a column of the file was recognised as. */
export type ColumnRole = 'territory' | 'period' | 'value' | 'indicator' | 'period-value' | 'ignored';

/**
 * Which columns hold what. `long`: one row per territory × period (× indicator); `wide`: one row per territory
 * (× indicator), one column per period (the header cell is the period). Column indices are 0-based.
 */
export type ColumnMapping =
  | { layout: 'long'; territory: number; period: number; value: number; indicator?: number | null }
  | {
      layout: 'wide';
      territory: number;
      /** The period columns and the contract period each header was read as. */
      periods: { column: number; period: string }[];
      indicator?: number | null;
    };

/** One column as the preview describes it. */
export interface PreviewColumn {
  index: number;
  /** The header cell, as text (never evaluated: `=SUM(A1)` stays that string). */
  header: string;
  role: ColumnRole;
  /** WIDE period columns: the contract period the header reads as. */
  period?: string;
}

export interface SheetInfo {
  name: string;
  index: number;
}

/** A problem or a warning about the whole file or dataset (not one row). */
export interface ImportIssue {
  code: ImportIssueCode;
  params?: Record<string, string | number>;
}

/**
 * - `garbled-text`: the decoded text has signs of a wrong encoding (mojibake such as `Ã©`, replacement characters,
 *   C1 controls): offer the encoding override;
 * - `encoding-guessed`: not valid UTF-8, the encoding was chosen by heuristics (params.encoding);
 * - `no-mapping`: territory, period or value column not found (params.missing: `territory,period`);
 * - `mixed-frequency`: one indicator has periods of several kinds (params.indicator, params.kinds `year,month`,
 *   params.kept); the minority rows are rejected with reason `mixed-frequency`, each named;
 * - `formula-labels`: some labels start with `=`, `+`, `-` or `@` (params.count): kept as text, never evaluated;
 * - `ragged-rows`: some rows have more or fewer cells than the header (params.count);
 * - `unmatched-territories`: some territory labels matched nothing (params.count): see `ImportResult.unmatched`.
 */
export type ImportIssueCode =
  | 'garbled-text'
  | 'encoding-guessed'
  | 'no-mapping'
  | 'mixed-frequency'
  | 'formula-labels'
  | 'ragged-rows'
  | 'unmatched-territories';

/** The first look at a file. */
export interface Preview {
  fileName: string;
  fileKind: FileKind;
  /** Bytes of the file. */
  bytes: number;
  /** Text files: the encoding used, and whether it was detected (false: given by the caller). */
  encoding: ImportEncoding | null;
  encodingDetected: boolean;
  separator: Separator | null;
  decimal: DecimalStyle;
  /** XLSX: every sheet, and the one read. */
  sheets: SheetInfo[];
  sheet: string | null;
  /** Index (0-based) of the header row in the table; `-1`: no header row (the data starts at row 1). */
  headerRow: number;
  columns: PreviewColumn[];
  /** The first data rows (at most `PREVIEW_ROWS`), cells as text, as in the file. */
  rows: string[][];
  /** Data rows in the file (after the header). */
  rowCount: number;
  /** The guessed mapping; `null` when a needed column was not found (issue `no-mapping`). */
  mapping: ColumnMapping | null;
  /** Whether the value cells look like counts (non-negative integers) or rates (0–100 with decimals). */
  valueKindGuess: ValueKind;
  issues: ImportIssue[];
}
export const PREVIEW_ROWS = 20;

/** `count` (no negative value), `rate` (0–100), or `other` (any number). */
export type ValueKind = 'count' | 'rate' | 'other';

/** What the caller decides before the import. */
export interface ImportSettings {
  mapping: ColumnMapping;
  /** The indicator id of the observations (kebab-case), when the file has no indicator column. */
  indicator: string;
  /**
   * With an indicator column: the indicator id for each label found in it (`null` to skip that indicator's
   * rows); a label not listed gets `indicator` when there is only one label, else its rows are rejected with
   * `unknown-indicator`.
   */
  indicators?: Record<string, string | null>;
  valueKind: ValueKind;
  decimal?: DecimalStyle;
  /** Keep an empty value cell as a gap (`value: null`, note "no value in the file") instead of rejecting it. */
  emptyAsGap?: boolean;
  /**
   * The dataset's small-count threshold (e.g. 10), only to COUNT the values under it (`stats.suppressed`): values stay
   * raw here, the store (src/user-data) suppresses them on read (see `SUPPRESSED`). `null`/absent: none.
   */
  smallCountThreshold?: number | null;
  /** Manual territory matches by the file's label as written: a code, or `null` to skip that label's rows. */
  territoryMatches?: Record<string, TerritoryCode | null>;
}

/**
 * Why a row (or a cell of a wide row) was not imported:
 * - `not-a-number` (params.decimal), `empty-value`, `negative-count`, `rate-out-of-range` (params.min, params.max);
 * - `duplicate`: this territory × period (× indicator) came earlier (params.firstRow);
 * - `unknown-territory`: the label matched nothing and no manual match was given;
 * - `skipped-territory`: the caller chose to skip this label;
 * - `bad-period`: the period cell is not a period Mouchir reads;
 * - `mixed-frequency`: the indicator's periods are mostly of another kind (params.kind, params.expected);
 * - `unknown-indicator`, `skipped-indicator`: indicator column values the caller did not map / chose to skip;
 * - `empty-territory`: no territory in the row.
 */
export type RejectReason =
  | 'not-a-number'
  | 'empty-value'
  | 'negative-count'
  | 'rate-out-of-range'
  | 'duplicate'
  | 'unknown-territory'
  | 'skipped-territory'
  | 'empty-territory'
  | 'bad-period'
  | 'mixed-frequency'
  | 'unknown-indicator'
  | 'skipped-indicator';

export interface RowReject {
  /** Row number as a spreadsheet shows it (1-based, the header row included). */
  row: number;
  /** Column index (0-based) and its header. */
  column: number;
  header: string;
  /** The cell as written in the file. */
  value: string;
  reason: RejectReason;
  params?: Record<string, string | number>;
}

/** How a territory label was matched. */
export type MatchKind = 'iso' | 'hcp' | 'name' | 'manual';

export interface TerritoryMatch {
  /** The label as written in the file. */
  label: string;
  code: TerritoryCode;
  by: MatchKind;
  /** Rows with this label. */
  rows: number;
}

export interface UnmatchedLabel {
  label: string;
  /** Row numbers (1-based, as `RowReject.row`), the first 20. */
  rowNumbers: number[];
  rows: number;
  /** Up to 5 closest territory codes, best first, for the "match from a list" control. */
  suggestions: TerritoryCode[];
}

export interface ImportStats {
  /** Data rows read (after the header); wide files: cells read. */
  rows: number;
  /** Observations kept (values, gaps and suppressed values). */
  observations: number;
  rejected: number;
  gaps: number;
  suppressed: number;
  territories: number;
  periods: number;
  /** First and last period (contract order), `null` when nothing was kept. */
  firstPeriod: string | null;
  lastPeriod: string | null;
  /** Milliseconds spent in the worker (read + validate). */
  ms: number;
}

export interface ImportResult {
  /** Contract observations, `status: 'imported'`, sorted by indicator, territory, period. */
  observations: Observation[];
  /** Frequency of each indicator id kept (from its periods' kind: year → annual, quarter, month). */
  frequencies: Record<string, Frequency>;
  /** The territory levels of each indicator id kept. */
  levels: Record<string, Territory['level'][]>;
  rejects: RowReject[];
  matches: TerritoryMatch[];
  unmatched: UnmatchedLabel[];
  issues: ImportIssue[];
  stats: ImportStats;
}

/**
 * Why a whole file is refused (an `ImportError`): `too-large` (params.bytes, params.max), `too-many-rows`
 * (params.max), `too-many-columns` (params.row, params.columns, params.max), `binary` (not text, not an XLSX),
 * `not-xlsx` (a zip that is not a workbook: a renamed .zip, .docx, .ods), `zip-bomb` (unpacked size over the limit:
 * params.max), `xlsx-invalid` (a broken workbook: params.part), `encrypted` (a password-protected workbook),
 * `no-sheet` (params.sheet), `empty` (no data row), `no-file` (run/reread before load, or after cancel),
 * `cancelled`, `worker-failed` (the worker crashed or could not start: params.message).
 */
export type ImportErrorCode =
  | 'too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'binary'
  | 'not-xlsx'
  | 'zip-bomb'
  | 'xlsx-invalid'
  | 'encrypted'
  | 'no-sheet'
  | 'empty'
  | 'no-file'
  | 'cancelled'
  | 'worker-failed';

/** A refused file or a failed run. `code` is for the UI to word; `params` fill the words. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ImportErrorCode, params: Record<string, string | number> = {}) {
    super(`import: ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

/**
 * A count under the dataset's threshold, as the store gives it on read (src/user-data applies it; the import keeps
 * raw values): a point without a number, so sums and per-capita measures leave it out with its reason, shown as
 * "< 10": `value: null`, `qualifier: 'upper-bound'`, a note `{ fr: '< 10 (seuil de confidentialité)', … }`.
 */
export const SUPPRESSED = { qualifier: 'upper-bound' } as const;

/** The periods Mouchir reads, by kind (for the UI's explanation of a `bad-period`). */
export type ImportPeriodKind = PeriodKind;

/** The territory fields the matcher needs (a `Territory` from the API fits). */
export type ImportTerritory = Pick<Territory, 'code' | 'level' | 'name'> & { hcpCode?: string | undefined };

/** Messages between the client and the worker (internal, but typed here so both sides agree). */
export type WorkerRequest =
  | {
      type: 'load';
      id: number;
      data: ArrayBuffer;
      options: ReadOptions;
    }
  | { type: 'reread'; id: number; options: ReadOptions }
  | { type: 'run'; id: number; settings: ImportSettings; territories: ImportTerritory[] };

export type WorkerResponse =
  | { type: 'preview'; id: number; preview: Preview }
  /** `result.observations` is empty: they travel as `packed` columns (transferred), see ./pack.ts. */
  | { type: 'result'; id: number; result: ImportResult; packed: PackedObservations }
  | { type: 'error'; id: number; code: ImportErrorCode; params: Record<string, string | number> };

/** The main-thread client (src/import/client.ts, `createImportClient()`). */
export interface ImportClient {
  /** Sends the file to the worker (the buffer is transferred: detached here afterwards) and reads its preview. */
  load(data: ArrayBuffer, options: ReadOptions): Promise<Preview>;
  /** Reads the loaded file again with other options (encoding, separator, sheet, header row, decimal). */
  reread(options: ReadOptions): Promise<Preview>;
  /** Validates every row with the caller's choices. `territories`: the 88 territories (the API's list). */
  run(settings: ImportSettings, territories: readonly ImportTerritory[]): Promise<ImportResult>;
  /** Stops the work at once (terminates the worker): pending calls reject with `ImportError('cancelled')`. */
  cancel(): void;
  /** Terminates the worker for good. */
  dispose(): void;
}
