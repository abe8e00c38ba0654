/**
 * A minimal, guarded zip reader for XLSX (issue 15), on fflate's streaming `Inflate`: the central directory gives
 * each part's declared sizes, checked against the limit before anything is inflated; then a part is inflated in
 * 16 KB slices of compressed input and stopped as soon as its output passes its declared size or the limit left
 * (a zip bomb lies about its sizes or declares huge ones: `zip-bomb` either way). Stored and deflated parts only;
 * an encrypted part is `encrypted`. Pure.
 */
import { Inflate } from 'fflate';
import { ImportError } from './types.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

/** The entries of a zip's central directory; throws `not-xlsx` when there is none (a truncated or odd zip). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('xlsx-invalid', { part: 'zip' });
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ImportError('xlsx-invalid', { part: 'zip64' });
  const entries: ZipEntry[] = [];
  const dec = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CEN_SIG) {
      throw new ImportError('xlsx-invalid', { part: 'zip' });
    }
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * The bytes of one part, inflated under a budget: throws `zip-bomb` (params.max) once the output passes
 * `maxBytes` or the part's declared size (a part larger than it says is a lie only a bomb tells).
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.flags & 1) throw new ImportError('encrypted', {});
  if (entry.size > maxBytes) throw new ImportError('zip-bomb', { max: maxBytes, part: entry.name });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = entry.localOffset;
  if (lo + 30 > bytes.length || view.getUint32(lo, true) !== LOC_SIG) {
    throw new ImportError('xlsx-invalid', { part: entry.name });
  }
  const start = lo + 30 + view.getUint16(lo + 26, true) + view.getUint16(lo + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ImportError('xlsx-invalid', { part: entry.name });
  const input = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (input.length !== entry.size) throw new ImportError('xlsx-invalid', { part: entry.name });
    return input;
  }
  if (entry.method !== 8) throw new ImportError('xlsx-invalid', { part: entry.name, method: entry.method });
  const limit = Math.min(maxBytes, entry.size);
  const out = new Uint8Array(entry.size);
  let written = 0;
  let failed: unknown = null;
  const inflate = new Inflate((chunk) => {
    if (failed) return;
    if (written + chunk.length > limit) {
      failed = new ImportError('zip-bomb', { max: maxBytes, part: entry.name });
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  // 16 KB of deflate input inflates to at most ~17 MB (1032:1): bounded memory between two checks.
  const SLICE = 16_384;
  try {
    for (let i = 0; i < input.length && !failed; i += SLICE) {
      inflate.push(input.subarray(i, Math.min(input.length, i + SLICE)), i + SLICE >= input.length);
    }
  } catch (e) {
    if (failed) throw failed;
    throw new ImportError('xlsx-invalid', { part: entry.name, message: e instanceof Error ? e.message : String(e) });
  }
  if (failed) throw failed;
  if (written !== entry.size) throw new ImportError('xlsx-invalid', { part: entry.name });
  return out;
}
