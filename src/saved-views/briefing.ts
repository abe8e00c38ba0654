/**
 * The briefing (issue 17 item 1): the saved views marked "in the briefing", in the list's order. Pure: which views,
 * what each slide or page shows, and the selection in words of a view that kept no chart (compare, projects,
 * overview, or an explorer view saved without its chart) — so such a view becomes a title slide, never a blank.
 */
import type { Lang } from '../contract/contract.ts';
import { formatPeriod } from '../i18n/format.ts';
import { translate } from '../i18n/i18n.ts';
import { parseViewUrl } from '../state/view-state.ts';
import type { BriefingDeckItem } from '../export/briefing-deck.ts';
import { mapModelOfPin } from '../export/pins.ts';
import { briefingMessages as m } from './briefing-messages.ts';
import type { SavedView } from './types.ts';

/** The briefing: the saved views in it, in the list's order. */
export function briefingViews(views: readonly SavedView[]): SavedView[] {
  return views.filter((v) => v.inBriefing);
}

/** The absolute link of a saved view: its query string on the app's address (`base`, e.g. `location.href`). */
export function viewLink(query: string, base: string): string {
  const url = new URL(base);
  url.search = query.replace(/^\?/, '');
  url.hash = '';
  return url.toString();
}

/** The selection of a saved view in words, one line each ("Vue : Comparer", "Territoires : MA-01, MA-04"). */
export function describeView(query: string, lang: Lang): string[] {
  const { state } = parseViewUrl(query.startsWith('?') ? query : `?${query}`);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const lines = [t('view', { view: t(state.view) })];
  if (state.view === 'explorer' && state.indicator) lines.push(t('indicator', { id: state.indicator }));
  if (state.view !== 'overview' && state.view !== 'projects' && state.territories.length > 0)
    lines.push(t('territories', { list: state.territories.join(', ') }));
  if (state.from !== null || state.to !== null) {
    const range = [state.from, state.to].map((p) => (p === null ? '…' : formatPeriod(p, lang))).join(' – ');
    lines.push(t('period', { range }));
  }
  if (state.view === 'projects' && state.projectStatus) lines.push(t('projectStatus', { status: state.projectStatus }));
  return lines;
}

/** What a briefing slide shows (the shape PresentationMode plays; see src/export/ui/presentation-mode.tsx). */
export interface BriefingSlide {
  view: SavedView;
  name: string;
  model?: SavedView['model'];
  map?: SavedView['map'];
  /** A title slide's selection in words (views with neither chart nor map). */
  lines?: string[];
  link: string;
}

/** The slides of a briefing, one per view, in order. `base` is the app's address (`location.href`). */
export function briefingSlides(views: readonly SavedView[], lang: Lang, base: string): BriefingSlide[] {
  return briefingViews(views).map((view) => {
    const link = view.model?.link || viewLink(view.query, base);
    const slide: BriefingSlide = { view, name: view.name, link };
    if (view.map) slide.map = view.map;
    if (view.model) slide.model = view.model;
    if (!view.map && !view.model) slide.lines = [...describeView(view.query, lang), translate(m, lang, 'noSnapshot')];
    return slide;
  });
}

/**
 * The deck items of a briefing: a chart, a map (its picture given by `mapImage`, composed by the caller in the
 * browser) or a title slide. Pure apart from what `mapImage` returns.
 */
export function briefingDeckItems(
  slides: readonly BriefingSlide[],
  mapImages: ReadonlyMap<number, string | null>,
): BriefingDeckItem[] {
  return slides.map((s, i): BriefingDeckItem => {
    if (s.map) {
      const { map } = s;
      return {
        kind: 'map',
        name: s.name,
        map: mapModelOfPin(map),
        title: map.title,
        link: s.link,
        synthetic: s.model?.synthetic === true,
        image: mapImages.get(i) ?? null,
      };
    }
    if (s.model) return { kind: 'chart', name: s.name, model: s.model };
    return { kind: 'title', name: s.name, lines: s.lines ?? [], link: s.link };
  });
}
