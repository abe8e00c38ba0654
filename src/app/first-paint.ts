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
 * The views whose shells the build prerenders (scripts/build/shell-route.mjs `SHELL_VIEWS`, src/state/view-state.ts
 * `VIEWS`): a copy, so the entry chunk does not import the contract; tests/unit/first-paint.test.ts keeps them equal.
 */
const SHELL_VIEWS = ['overview', 'explorer', 'compare', 'projects'];

/**
 * Whether the entry waits for the first paint on a page with this query: only the overview's shell (no or an unknown
 * `view`, as scripts/build/shell-route.mjs picks it; never the embed). Its largest paint is the shell's own intro,
 * which the app's work would only delay. The other views' largest paint waits for their data, so their chain starts
 * at once, with the view preloads their shells keep (vite.config.ts `preloadHints`).
 */
export function paintsFirst(search: string): boolean {
  const params = new URLSearchParams(search);
  if (params.get('embed') === '1') return false;
  const view = params.get('view');
  return view === null || view === 'overview' || !SHELL_VIEWS.includes(view);
}
