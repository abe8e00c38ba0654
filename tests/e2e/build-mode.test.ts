/**
 * Builds made by the e2e harness (a missing `dist`, the real-API builds of races, races-order,
 * faults-real and real-api) are production builds, like the one `npm start` serves. Vitest runs with
 * NODE_ENV=test, which `vite build` keeps unless told otherwise: the bundle then carried React's
 * development build, slower and with dev-only warnings, so those files tested something never shipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIfMissing } from './harness.ts';

const OUT = '.tmp/dist-build-mode';

afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
});

describe('harness builds', () => {
  it('are production builds even though vitest runs with NODE_ENV=test', { timeout: 120_000 }, () => {
    expect(process.env.NODE_ENV).toBe('test');
    expect(buildIfMissing(OUT, {}, true)).toBe(true);
    const assets = path.join(OUT, 'assets');
    const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const bundle = js.map((f) => fs.readFileSync(path.join(assets, f), 'utf8')).join('\n');
    // React's production build has the chart code but none of the development build's warnings.
    expect(bundle).toContain('recharts');
    expect(bundle).not.toContain('Encountered two children with the same key');
    expect(bundle).not.toContain('react-dom.development');
  });
});
