/** Types for bench/lib/retry.mjs. */
export function withAttempts<T>(
  run: () => Promise<T>,
  attempts: number,
  onFailure: (error: unknown, attempt: number) => void,
): Promise<{ ok: true; value: T } | { ok: false }>;
