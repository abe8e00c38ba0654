/**
 * Entry point: the style sheets, then the app (src/app/start.tsx); on the overview, once the browser has painted the
 * prerendered shell.
 *
 * Why wait there (issue 16, LCP): the overview's shell holds its largest text, the intro. The app's scripts (React, the
 * contract, the stores: ~100 kB gzip) take 150–300 ms to evaluate on a 4× slower phone and, evaluated before the first
 * frame, held that frame back; fetched before it, they shared a slow network with the style sheet and fonts the shell
 * needs (Lighthouse's LCP of the overview: ~3.2 s before, ~1.2 s after). On the other views the largest paint is a
 * chart's text, after the data: there the app starts at once, its files preloaded by the shell.
 */
// Every style sheet the shell and the app's frame use is imported here, so the build puts it in the HTML's first
// sheet: a sheet imported only by the app's chunk would load after the shell's paint and move it (CLS).
// tests/unit/entry-css.test.ts fails when the app's static imports reach a sheet this list lacks.
// The fonts of the page's language only: Noto Sans everywhere, Noto Sans Arabic on Arabic pages (issue 16).
import './styles/fonts.css';
import './styles/global.css';
// After global.css: the print stylesheet (issue 17) overrides it at equal specificity.
import './styles/print.css';
import './saved-views/ui/saved-views.css';
import './app/offline-notice.css';
import './app/synthetic-banner.css';
import './styles/views.css';
import './styles/skeleton.css';
import './styles/system-theme.css';
import './app/embed.css';
import { afterFirstPaint, openLocalStorage, paintsFirst } from './app/first-paint.ts';
import { showStartFailure } from './app/start-failure.ts';
import { loadMockApi, registerMockWorkerEarly } from './app/mock-api.ts';

const apiBase: unknown = import.meta.env.VITE_API_BASE_URL;
const mockApi = typeof apiBase !== 'string' || apiBase === '';

// A page whose largest paint is its shell's own waits for that paint; the others start at once (src/app/first-paint.ts).
if (paintsFirst(document)) await afterFirstPaint();
// The app's chunks and, in mock mode (no `VITE_API_BASE_URL`), the mock API's, downloaded side by side (the explorer,
// compare and projects shells have already asked for them: vite.config.ts `preloadHints`).
if (mockApi) registerMockWorkerEarly();
const mock = mockApi ? loadMockApi() : null;
// Handled by the app (its readiness says the mock failed); this keeps a failure before the app starts from being an
// unhandled rejection as well.
mock?.catch(() => undefined);
const app = import('./app/start.tsx');
// While they download: open the page's local storage, in a task of its own (src/app/first-paint.ts).
setTimeout(openLocalStorage, 0);
try {
  const { startApp } = await app;
  startApp(mock);
} catch (error) {
  // The app's code did not load: say so in the shell, with a reload button (src/app/start-failure.ts).
  console.error(error);
  showStartFailure();
}
