/**
 * The default explorer chart's head, baked into the HTML at build time (issue 16: the explorer's largest paint).
 *
 * The explorer's largest text on a phone is its chart's head — the title (Arabic) or the source line (French) — and
 * it used to wait for the app, the mock worker, the catalogue and the observations: Lighthouse measured its LCP at
 * 4.2–4.9 s. For the one explorer page that is the same for everyone — a bare `?view=explorer`, with or without
 * `lang` (scripts/build/shell-route.mjs `isDefaultQuery`) — the build computes that head from its own data through
 * the app's own transforms (src/prerender/bake-explorer-head.ts) and the prerendered shell draws it
 * (`ExplorerChartSkeleton`), so it is on screen with the first paint.
 *
 * The app must keep drawing the same head until the chart replaces it, or the page would flash: the shell carries it
 * in a `data-baked-head` attribute, which the app reads before React replaces the shell (`captureBakedHead`, from
 * src/app/start.tsx), and the explorer's loading panels draw it while the view state is still the default one in the
 * same language (`bakedHeadFor`). Any other selection, or a shell without a valid head, draws the plain skeleton.
 *
 * Only a mock-API build bakes a head: its data are the build's own. A real API's may differ from anything the build
 * can know, and a head that changes under the reader's eyes would be a silently wrong caption.
 */
import { z } from 'zod/mini';
import { DataStatus, LANGS } from '../../contract/contract.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../state/view-state.ts';

/** The attribute of the loading panel that carries the baked head as JSON (the shell's and the app's alike). */
export const BAKED_HEAD_ATTRIBUTE = 'data-baked-head';

/** What a baked head holds: the default line chart's head in one language, as `ChartFrameHead` draws it. */
export const BakedHead = z.object({
  lang: z.enum(LANGS),
  title: z.string().check(z.maxLength(400)),
  subtitle: z.string().check(z.maxLength(400)),
  status: DataStatus,
  /** The source line (`sourceLine` in src/charts/chart-frame-head.tsx). */
  source: z.string().check(z.maxLength(800)),
  denominatorNote: z.nullable(z.string().check(z.maxLength(400))),
  /**
   * The default indicator's id: the app asks for its observations as soon as the API is ready, beside the catalogue
   * (`prefetchDefaultExplorer` in ./first-queries.ts), instead of after it.
   */
  indicator: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type BakedHead = z.infer<typeof BakedHead>;

let baked: BakedHead | null = null;

/** Set the head the loading panels draw (the build, per shell; tests), or none. */
export function setBakedHead(head: BakedHead | null): void {
  baked = head;
}

/**
 * Read the head from the prerendered shell inside `root`, before the app replaces it. A shell without one, or with
 * one that is not a valid head (an edited or truncated page), leaves none: the panels draw the plain skeleton.
 */
export function captureBakedHead(root: ParentNode): BakedHead | null {
  const json = root.querySelector(`[${BAKED_HEAD_ATTRIBUTE}]`)?.getAttribute(BAKED_HEAD_ATTRIBUTE);
  let head: BakedHead | null = null;
  if (json) {
    try {
      const parsed = BakedHead.safeParse(JSON.parse(json));
      head = parsed.success ? parsed.data : null;
    } catch {
      head = null;
    }
  }
  setBakedHead(head);
  return head;
}

const SELECTION_KEYS = (Object.keys(DEFAULT_VIEW_STATE) as (keyof ViewState)[]).filter(
  (k) => k !== 'view' && k !== 'lang',
);

/** Whether a view state is the explorer's default view (any language): the one whose head the build knows. */
export function isDefaultExplorer(state: ViewState): boolean {
  if (state.view !== 'explorer') return false;
  return SELECTION_KEYS.every((k) => {
    const value = state[k];
    const fallback = DEFAULT_VIEW_STATE[k];
    return Array.isArray(value) && Array.isArray(fallback)
      ? value.length === 0 && fallback.length === 0
      : value === fallback;
  });
}

/** The baked head for this view state: only the default explorer view, in the head's language; else `null`. */
export function bakedHeadFor(state: ViewState): BakedHead | null {
  return baked !== null && baked.lang === state.lang && isDefaultExplorer(state) ? baked : null;
}
