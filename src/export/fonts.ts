/**
 * Browser step: load the Noto Sans woff2 files the composer embeds. Vite's `?url` imports emit them
 * as hashed assets (nothing added to any JS chunk); they are fetched once, on the first export,
 * and cached as base64 for the session.
 */
import notoLatin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoLatin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import notoArabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import notoArabic600 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-600-normal.woff2?url';
import type { EmbeddedFont } from './compose-svg.ts';

const SOURCES: readonly { family: EmbeddedFont['family']; weight: EmbeddedFont['weight']; url: string }[] = [
  { family: 'Noto Sans', weight: 400, url: notoLatin400 },
  { family: 'Noto Sans', weight: 600, url: notoLatin600 },
  { family: 'Noto Sans Arabic', weight: 400, url: notoArabic400 },
  { family: 'Noto Sans Arabic', weight: 600, url: notoArabic600 },
];

const cache = new Map<string, Promise<string>>();

/** Base64 of bytes, in chunks (a spread of 50 kB into `String.fromCharCode` would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function loadBase64(url: string): Promise<string> {
  // Small assets may be inlined by Vite as data: URLs; decode those without a request.
  const inline = /^data:[^;,]*;base64,(.*)$/.exec(url);
  if (inline) return inline[1] ?? '';
  const res = await fetch(url);
  if (!res.ok) throw new Error(`font ${url}: HTTP ${res.status}`);
  return bytesToBase64(new Uint8Array(await res.arrayBuffer()));
}

/** Whether a text needs the Arabic faces (Arabic letters anywhere). */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text);
}

/**
 * The faces to embed: Latin always, Arabic only when the text needs it (it is ~100 kB).
 * A font that fails to load is left out: the SVG's font stack then falls back to system fonts,
 * so the export still works, with less faithful type.
 */
export async function loadExportFonts(needArabic: boolean): Promise<EmbeddedFont[]> {
  const wanted = SOURCES.filter((s) => needArabic || s.family === 'Noto Sans');
  const loaded = await Promise.all(
    wanted.map(async (s) => {
      let p = cache.get(s.url);
      if (!p) {
        p = loadBase64(s.url);
        cache.set(s.url, p);
        p.catch(() => cache.delete(s.url));
      }
      try {
        return { family: s.family, weight: s.weight, data: await p };
      } catch {
        return null;
      }
    }),
  );
  return loaded.filter((f): f is EmbeddedFont => f !== null);
}
