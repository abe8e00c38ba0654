/**
 * Run a measurement again when the tool itself failed (`npm run bench`). Lighthouse sometimes fails to record its
 * trace (`NO_NAVSTART: … Please run Lighthouse again`), more often on a busy machine: one such run made the CI smoke,
 * which has one run per page, report a figure "not measured" (ci47). Every failed attempt is reported to `onFailure`,
 * so the bench's notes still show it.
 *
 * @template T
 * @param {() => Promise<T>} run
 * @param {number} attempts at least 1
 * @param {(error: unknown, attempt: number) => void} onFailure
 * @returns {Promise<{ ok: true, value: T } | { ok: false }>}
 */
export async function withAttempts(run, attempts, onFailure) {
  for (let attempt = 1; attempt <= Math.max(1, attempts); attempt++) {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      onFailure(error, attempt);
    }
  }
  return { ok: false };
}
