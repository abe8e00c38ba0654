/**
 * The stamp a printed chart carries (issue 17, item 4): the link to the view as a QR code and as text, and the date of
 * printing. Print-only (`.print-only`, src/styles/print.css): on screen it takes no room and is hidden from assistive
 * technologies.
 *
 * The QR code needs `qrcode` (~8 kB gzip), which must not weigh on the first chart (bench B3 counts the JS loaded before
 * it) nor on the first load's measures. So the module is fetched in idle time 3 s after the first chart is drawn (the
 * `mouchir:first-chart` mark; 4 s after start on a view without a line chart), and the code is then drawn
 * synchronously whenever needed:
 * - a real browser's print: `beforeprint` (and the `print` media query) refresh the link, date and code inside the
 *   event, before the page is laid out for paper (a lazy import started only there would come too late);
 * - Chromium's `page.pdf()`, which fires no `beforeprint`: the stamp already holds the current link, refreshed after
 *   every render once the address bar has caught up (src/state/url-sync.ts writes it one frame after a change).
 * Tests wait for `[data-print-qr="ready"]` before printing.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Lang } from '../contract/contract.ts';
import { formatDate } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.ts';
import { printMessages } from './print-messages.ts';

/** A QR code as one SVG path over a square of `size` modules (quiet zone included). */
export interface QrDrawing {
  size: number;
  d: string;
}

/** Modules of quiet zone around the code (as the exported pictures, src/export/qr.ts). */
const QUIET = 2;

type QrCreate = (typeof import('./print-qr.ts'))['create'];

/** The QR code of `text` as a path of horizontal runs, or `null` when it is too long for a code. Pure. */
export function qrDrawing(create: QrCreate, text: string): QrDrawing | null {
  let modules: { size: number; get: (r: number, c: number) => number | boolean };
  try {
    modules = create(text, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return null;
  }
  let d = '';
  for (let r = 0; r < modules.size; r++) {
    let c = 0;
    while (c < modules.size) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules.size && modules.get(r, c)) c++;
      d += `M${start + QUIET} ${r + QUIET}h${c - start}v1h-${c - start}z`;
    }
  }
  return { size: modules.size + QUIET * 2, d };
}

/** What every stamp shows: the page's link, its QR code once the module is in, today's date (ISO, local). */
interface StampState {
  href: string;
  day: string;
  qr: QrDrawing | null;
}

let create: QrCreate | null = null;
let loading = false;
let state: StampState = { href: '', day: '', qr: null };
const listeners = new Set<() => void>();

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Read the link and the date again; tell the stamps when something changed. */
function refresh(): void {
  const href = window.location.href;
  const day = today();
  const qr = create ? (href === state.href && state.qr ? state.qr : qrDrawing(create, href)) : null;
  if (href === state.href && day === state.day && qr === state.qr) return;
  state = { href, day, qr };
  for (const l of listeners) l();
}

/** Refresh inside a print event: rendered before the browser lays the page out for paper. */
function refreshNow(): void {
  flushSync(refresh);
}

function loadQr(): void {
  if (loading) return;
  loading = true;
  import('./print-qr.ts')
    .then((m) => {
      create = m.create;
      refresh();
    })
    .catch(() => {
      // Offline before the chunk was cached: the stamp prints the link as text; a later print tries again.
      loading = false;
    });
}

/**
 * Seconds between the first chart and the QR module's fetch: out of the first load's measures too (Lighthouse stops
 * about a second after the network goes quiet, bench B9), and still long before anyone prints.
 */
const QR_DELAY_MS = 3000;

/** Load the QR module in idle time a little after the first chart is drawn (or a few seconds after start). */
function scheduleQrLoad(): void {
  const idle = () =>
    setTimeout(
      () =>
        typeof requestIdleCallback === 'function'
          ? requestIdleCallback(loadQr, { timeout: 2000 })
          : setTimeout(loadQr, 0),
      QR_DELAY_MS,
    );
  if (performance.getEntriesByName('mouchir:first-chart').length > 0) {
    idle();
    return;
  }
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    idle();
  };
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('mouchir:first-chart').length > 0) go();
    });
    observer.observe({ type: 'mark' });
  } catch {
    observer = null;
  }
  // Views without a line chart (overview, compare, projects) never mark it.
  setTimeout(go, 4000);
}

let started = false;
function start(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('beforeprint', () => {
    loadQr();
    refreshNow();
  });
  window.addEventListener('popstate', refresh);
  window.matchMedia?.('print').addEventListener?.('change', (e) => {
    if (e.matches) refreshNow();
  });
  scheduleQrLoad();
  refresh();
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = () => state;

/**
 * The print-only stamp. `page`: the page's own stamp (app shell), printed only when no chart frame carries one.
 */
export function PrintStamp({ lang, page = false }: { lang: Lang; page?: boolean }) {
  const s = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  useEffect(() => {
    // After a change the address bar follows one frame later (url-sync): read it once that write is out.
    const id = requestAnimationFrame(() => setTimeout(refresh, 0));
    return () => cancelAnimationFrame(id);
  });
  const t = (k: keyof typeof printMessages, vars?: Record<string, string>) => translate(printMessages, lang, k, vars);
  return (
    <div
      className={`print-only print-stamp${page ? ' print-stamp--page' : ''}`}
      aria-hidden="true"
      data-print-qr={s.qr ? 'ready' : 'pending'}
    >
      {s.qr ? (
        <svg className="print-stamp__qr" viewBox={`0 0 ${s.qr.size} ${s.qr.size}`} role="presentation">
          <rect width={s.qr.size} height={s.qr.size} fill="#ffffff" />
          <path d={s.qr.d} fill="#000000" shapeRendering="crispEdges" />
        </svg>
      ) : null}
      <p className="print-stamp__text">
        {t('viewLink')}{' '}
        <span className="print-stamp__url" dir="ltr">
          {s.href}
        </span>
        <br />
        {s.day ? t('printedOn', { date: formatDate(s.day, lang) }) : null}
      </p>
    </div>
  );
}
