/**
 * The bench smoke runs beside the first e2e lane (scripts/test.mjs): an e2e file listening on one of the bench's
 * ports would fail with EADDRINUSE whenever the bench holds it. export-provenance.test.ts used 4361 until the smoke
 * moved beside the lanes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = path.resolve('tests/e2e');

/** The bench's port range, read from scripts/bench.mjs (`const PORTS = [4360, …]`). */
function benchPorts(): number[] {
  const src = fs.readFileSync('scripts/bench.mjs', 'utf8');
  const m = /const PORTS = \[([\d,\s]+)\]/.exec(src);
  if (!m?.[1]) throw new Error('no `const PORTS = [...]` in scripts/bench.mjs');
  return m[1].split(',').map((p) => Number(p.trim()));
}

/** Every fixed port an e2e file names: `port: 4332`, `PORT = 4350`, `API_PORT = 4329`, `{ …, port: 4470 }`. */
function e2ePorts(): Array<{ file: string; port: number }> {
  const out: Array<{ file: string; port: number }> = [];
  for (const file of fs.readdirSync(E2E).filter((f) => f.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(E2E, file), 'utf8');
    for (const m of src.matchAll(/\b(?:port\s*:|[A-Z_]*PORT\s*=)\s*(\d{4,5})\b/g))
      out.push({ file, port: Number(m[1]) });
  }
  return out;
}

describe('e2e ports', () => {
  it('finds the fixed ports of the e2e files and the bench range', () => {
    expect(benchPorts()).toContain(4360);
    // A regex that stopped matching would make the next check pass on nothing.
    expect(e2ePorts().length).toBeGreaterThan(30);
    expect(e2ePorts()).toContainEqual({ file: 'explorer.test.ts', port: 4332 });
  });

  it('keeps every e2e file off the bench ports', () => {
    const bench = new Set(benchPorts());
    expect(e2ePorts().filter((p) => bench.has(p.port))).toEqual([]);
  });
});
