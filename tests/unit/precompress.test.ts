// @vitest-environment node
/**
 * scripts/build/precompress.mjs (issue 16 item 2): `.br` and `.gz` beside every compressible file of at least 1 kB,
 * decompressing to the same bytes; small files, binary files and the copies themselves left alone; idempotent.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brotliQualityFor, isPrecompressible, precompress, precompressDir } from '../../scripts/build/precompress.mjs';

let dir = '';
const text = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} of a text file`).join('\n');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mouchir-precompress-'));
  fs.mkdirSync(path.join(dir, 'assets', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><p>${text(100)}</p>`);
  fs.writeFileSync(path.join(dir, 'assets', 'app-AbCdEf12.js'), text(400));
  fs.writeFileSync(path.join(dir, 'assets', 'deep', 'data-AbCdEf12.json'), JSON.stringify({ data: text(200) }));
  fs.writeFileSync(path.join(dir, 'assets', 'style-AbCdEf12.css'), text(80));
  fs.writeFileSync(path.join(dir, 'assets', 'tiny-AbCdEf12.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'assets', 'font-AbCdEf12.woff2'), Buffer.alloc(8000, 1));
  fs.writeFileSync(path.join(dir, '.hidden.js'), text(100));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('isPrecompressible', () => {
  it.each([
    ['a.js', 1024, true],
    ['a.js', 1023, false],
    ['A.CSS', 5000, true],
    ['a.json', 5000, true],
    ['index.html', 5000, true],
    ['a.svg', 5000, true],
    ['a.woff2', 50000, false],
    ['a.png', 50000, false],
    ['a.js.br', 50000, false],
  ])('%s of %d bytes → %s', (name, size, expected) => {
    expect(isPrecompressible(name, size)).toBe(expected);
  });
});

describe('precompressDir', () => {
  it('writes .br and .gz beside every compressible file ≥ 1 kB, which decompress to the file', async () => {
    const result = await precompress({ root: dir, outDir: dir, base: './', mock: true });
    const sources = [
      'index.html',
      'assets/app-AbCdEf12.js',
      'assets/deep/data-AbCdEf12.json',
      'assets/style-AbCdEf12.css',
    ];
    expect(result.files).toBe(sources.length);
    for (const rel of sources) {
      const source = fs.readFileSync(path.join(dir, rel));
      const br = fs.readFileSync(path.join(dir, `${rel}.br`));
      const gz = fs.readFileSync(path.join(dir, `${rel}.gz`));
      expect(zlib.brotliDecompressSync(br).equals(source), rel).toBe(true);
      expect(zlib.gunzipSync(gz).equals(source), rel).toBe(true);
      expect(br.length, rel).toBeLessThan(gz.length);
    }
    for (const rel of ['assets/tiny-AbCdEf12.js', 'assets/font-AbCdEf12.woff2', '.hidden.js']) {
      expect(fs.existsSync(path.join(dir, `${rel}.br`)), rel).toBe(false);
      expect(fs.existsSync(path.join(dir, `${rel}.gz`)), rel).toBe(false);
    }
    expect(result.brBytes).toBeLessThan(result.gzBytes);
    expect(result.gzBytes).toBeLessThan(result.rawBytes);
  });

  it('is idempotent: a second run compresses the same files and never the copies', async () => {
    const first = await precompressDir(dir);
    const second = await precompressDir(dir);
    expect(second.files).toBe(first.files);
    expect(fs.readdirSync(path.join(dir, 'assets')).filter((n) => /\.(br|gz)\.(br|gz)$/.test(n))).toEqual([]);
  });

  it('does not write a copy that is not smaller than its file', async () => {
    // Random bytes do not compress: neither copy may be written.
    fs.writeFileSync(path.join(dir, 'assets', 'noise-AbCdEf12.txt'), crypto.randomBytes(4096));
    await precompressDir(dir);
    for (const suffix of ['.br', '.gz'])
      expect(fs.existsSync(path.join(dir, 'assets', `noise-AbCdEf12.txt${suffix}`)), suffix).toBe(false);
  });

  it('uses the best brotli quality for small files and a cheaper one for the few large chunks', () => {
    expect(brotliQualityFor(10_000)).toBe(11);
    expect(brotliQualityFor(1_000_000)).toBeLessThan(11);
  });
});
