/**
 * Downloaded export files in the e2e tests (tests/e2e/export*.test.ts): save a download triggered by a button
 * and read a PNG's pixel size from its header.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Click an export button and return the downloaded file's name, bytes and path (saved under `dir`). */
export async function downloadFrom(
  page: Page,
  button: Locator,
  dir: string,
): Promise<{ name: string; bytes: Buffer; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file), file };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
