/**
 * Pure parts of the service worker (src/sw/sw.ts), unit-tested in node: which precached file answers a navigation,
 * and the shape of the status the worker reports to the page.
 */
import { shellFile } from '../../scripts/build/shell-route.mjs';

/**
 * The URL of the precached HTML that answers a navigation to `requestUrl`, or null when the navigation is not to the
 * app's entry (another path under the scope is the server's business: Mouchir keeps its views in the query string).
 * The app's entry is the scope itself or `<scope>index.html`; the shell is picked from the query exactly as
 * scripts/serve.mjs picks it (scripts/build/shell-route.mjs).
 */
export function navigationShellUrl(requestUrl: string, scope: string): string | null {
  const url = new URL(requestUrl);
  const root = new URL(scope);
  if (url.origin !== root.origin) return null;
  if (url.pathname !== root.pathname && url.pathname !== `${root.pathname}index.html`) return null;
  return new URL(shellFile(url.search), root).href;
}

/** What the worker knows of this build's offline copy (posted to the page as `{ type: 'OFFLINE_STATUS', ...}`). */
export interface OfflineStatus {
  /** The build the worker belongs to (a hash of its manifest). */
  build: string;
  /** When every file of the build was stored (ISO time), or null while some are missing. */
  savedAt: string | null;
  /** How many files of the build are not stored (refused, quota exceeded, changed on the server). */
  missing: number;
  /** How many files the build lists. */
  total: number;
}

/** Hex of the first 8 bytes of a SHA-256 digest: the revision format of scripts/build/service-worker.mjs. */
export function revisionOf(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest, 0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a navigation shows when neither the cache nor the network can answer (offline, offline copy cleared). */
const NO_COPY: Record<'fr' | 'ar' | 'en', { title: string; body: string }> = {
  fr: {
    title: 'Hors ligne — la copie hors ligne de Mouchir n’est pas disponible',
    body: 'Les fichiers enregistrés dans ce navigateur ont été effacés ou sont incomplets. Rechargez la page une fois le réseau revenu.',
  },
  ar: {
    title: 'غير متصل — النسخة المحفوظة من مؤشر غير متاحة',
    body: 'تم حذف الملفات المحفوظة في هذا المتصفح أو أنها غير مكتملة. أعد تحميل الصفحة عند عودة الشبكة.',
  },
  en: {
    title: 'Offline — Mouchir’s offline copy is not available',
    body: 'The files kept in this browser were cleared or are incomplete. Reload the page once the network is back.',
  },
};

/**
 * A plain page for a navigation nothing can answer, in the language of its query: better than the browser's
 * "no internet" page, it says what is missing. No script, no style element (the app's CSP forbids inline ones).
 */
export function noCopyPage(search: string): string {
  const param = new URLSearchParams(search).get('lang');
  const lang = param === 'ar' || param === 'en' ? param : 'fr';
  const text = NO_COPY[lang];
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mouchir</title></head><body><main role="alert"><h1>${escape(text.title)}</h1><p>${escape(text.body)}</p></main></body></html>`;
}
