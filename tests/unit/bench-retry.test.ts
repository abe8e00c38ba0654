/** bench/lib/retry.mjs: a measurement whose tool failed runs again, each failure reported, up to a limit. */
import { describe, expect, it } from 'vitest';
import { withAttempts } from '../../bench/lib/retry.mjs';

describe('withAttempts', () => {
  it('returns the first success and reports the failures before it', async () => {
    const failures: Array<[string, number]> = [];
    let calls = 0;
    const result = await withAttempts(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`NO_NAVSTART ${calls}`);
        return 'lhr';
      },
      3,
      (e, attempt) => failures.push([(e as Error).message, attempt]),
    );
    expect(result).toEqual({ ok: true, value: 'lhr' });
    expect(calls).toBe(3);
    expect(failures).toEqual([
      ['NO_NAVSTART 1', 1],
      ['NO_NAVSTART 2', 2],
    ]);
  });

  it('gives up after the last attempt, every failure reported', async () => {
    const attempts: number[] = [];
    let calls = 0;
    const result = await withAttempts(
      async () => {
        calls += 1;
        throw new Error('down');
      },
      2,
      (_e, attempt) => attempts.push(attempt),
    );
    expect(result).toEqual({ ok: false });
    expect(calls).toBe(2);
    expect(attempts).toEqual([1, 2]);
  });

  it('runs once when it succeeds, and at least once whatever the limit', async () => {
    let calls = 0;
    const once = await withAttempts(
      async () => {
        calls += 1;
        return 1;
      },
      0,
      () => undefined,
    );
    expect(once).toEqual({ ok: true, value: 1 });
    expect(calls).toBe(1);
  });
});
