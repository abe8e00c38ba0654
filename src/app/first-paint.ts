/**
 * When the app may start its heavy work (src/main.tsx, issue 16): once the browser has painted the prerendered shell.
 *
 * "Painted" is the Paint Timing entry (`first-paint`), delivered after the frame is on screen; a
 * `requestAnimationFrame` callback runs before its frame is drawn, and on a slow phone the frame reaches the screen
 * tens of milliseconds later, while the app's downloads would already compete with it. Without Paint Timing, the
 * second animation frame stands for it.
 *
 * A hidden page (a background tab) paints nothing until it is shown, and the app must not wait for that: it starts at
 * once when the page is hidden or becomes hidden, and after one second at most in any case.
 */
export function afterFirstPaint(win: Window = window): Promise<void> {
  const doc = win.document;
  if (doc.visibilityState === 'hidden' || win.performance.getEntriesByType('paint').length > 0) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    const done = () => {
      win.clearTimeout(timer);
      doc.removeEventListener('visibilitychange', done);
      observer?.disconnect();
      resolve();
    };
    const timer = win.setTimeout(done, 1000);
    doc.addEventListener('visibilitychange', done);
    const Observer = (win as Window & typeof globalThis).PerformanceObserver as typeof PerformanceObserver | undefined;
    if (Observer?.supportedEntryTypes?.includes('paint')) {
      observer = new Observer(done);
      observer.observe({ type: 'paint', buffered: true });
    } else {
      win.requestAnimationFrame(() => win.requestAnimationFrame(done));
    }
  });
}

/**
 * Whether the entry waits for the first paint: on a page whose view preloads the build made inert
 * (`<template data-view-preloads>`, scripts/build/prerender.mjs `withViewPreloads`), because its largest paint is the
 * shell's own — the overview's intro, the default explorer's baked chart head — which the app's work would only
 * delay. On the other pages the largest paint waits for the data, so their chain starts at once, with the view
 * preloads their shells keep live (vite.config.ts `preloadHints`). The build decides, page by page; the dev server's
 * page has no template and never waits. Nor does a page the service worker controls (below).
 */
export function paintsFirst(doc: Document, nav: Pick<Navigator, 'serviceWorker'> | undefined = navigator): boolean {
  // A page the service worker answers (a repeat visit, online or off: src/sw/) reads the app's files from its cache,
  // so they do not compete with the shell's paint for the network: the app starts at once (bench B10).
  if (nav?.serviceWorker?.controller) return false;
  return doc.querySelector('template[data-view-preloads]') !== null;
}

/**
 * Touch `localStorage` once (issue 16, TBT). The page's first access to it opens the storage area synchronously — ~15 ms,
 * ~60 ms at 4× CPU in a CPU profile of the explorer, two fifths of the start chunk's evaluation, which reads the
 * stored preferences. The entry calls this from a task of its own while the app's chunks download, so that cost
 * lands in time the page would spend waiting anyway. Storage that is disabled or refused is the app's business.
 */
export function openLocalStorage(win: Pick<Window, 'localStorage'> = window): void {
  try {
    void win.localStorage.length;
  } catch {
    // Blocked storage (a sandboxed frame, a privacy setting): nothing to open; the app copes without it.
  }
}
