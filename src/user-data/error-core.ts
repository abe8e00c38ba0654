/**
 * The one error of the user-data layer (issue 15): its class, kinds and the mapping of IndexedDB failures, without
 * the words (./errors.ts adds `userDataErrorText`), so the store's chunk carries no sentences it never shows.
 */

/**
 * - `unavailable`: the browser refuses storage (private mode, blocked by settings, no IndexedDB);
 * - `quota`: storage is full (QuotaExceededError);
 * - `not-found`: no such dataset in this browser (a shared link, a dataset deleted in another tab);
 * - `invalid-file`: a dataset file that is not JSON or not a Mouchir dataset;
 * - `newer-version`: a dataset file written by a newer Mouchir;
 * - `too-large`: a dataset file or a dataset over the limits;
 * - `invalid-dataset`: a dataset the store refuses (a bug of the caller: wrong period, duplicate row…);
 * - `failed`: anything else IndexedDB reported (the write was rolled back).
 */
export type UserDataErrorKind =
  'unavailable' | 'quota' | 'not-found' | 'invalid-file' | 'newer-version' | 'too-large' | 'invalid-dataset' | 'failed';

export class UserDataError extends Error {
  override readonly name = 'UserDataError';
  readonly kind: UserDataErrorKind;
  /** What exactly (a field path, the limit, the browser's message), English, for the detail line and logs. */
  readonly detail: string | undefined;

  constructor(kind: UserDataErrorKind, detail?: string, cause?: unknown) {
    super(detail ? `${kind}: ${detail}` : kind, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.detail = detail;
  }
}

/** Whether `e` is a `UserDataError` (of `kind`, when given). Works across chunks (checks the name and kind). */
export function isUserDataError(e: unknown, kind?: UserDataErrorKind): e is UserDataError {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as { name?: unknown; kind?: unknown };
  return x.name === 'UserDataError' && typeof x.kind === 'string' && (kind === undefined || x.kind === kind);
}

/**
 * A `UserDataError` for what IndexedDB (or idb) threw: QuotaExceededError → quota; SecurityError,
 * InvalidStateError on open, no indexedDB → unavailable; the rest → failed. A `UserDataError` passes through.
 */
export function storageError(e: unknown, opening = false): UserDataError {
  if (isUserDataError(e)) return e;
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') return new UserDataError('quota', message, e);
  if (name === 'SecurityError' || (opening && (name === 'InvalidStateError' || name === 'UnknownError')))
    return new UserDataError('unavailable', message, e);
  return new UserDataError('failed', message, e);
}
