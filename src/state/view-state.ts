/**
 * The view selection: everything that makes a view, and nothing else (no server data).
 * It is mirrored in the URL query string so every view is a shareable link.
 * Pure module: parse and serialise are unit-tested and property-tested.
 */
import { LANGS, type Lang, type Measure } from '../contract/contract.ts';
import { isPeriod, rangeIsEmpty } from '../contract/period.ts';
import { MAX_TERRITORIES } from '../transforms/selection.ts';

export const VIEWS = ['overview', 'explorer', 'compare', 'projects'] as const;
export type ViewName = (typeof VIEWS)[number];

export const EXPLORER_TABS = ['chart', 'map', 'table'] as const;
export type ExplorerTab = (typeof EXPLORER_TABS)[number];

/** Levels of the explorer's map: the 12 regions or the 75 provinces and prefectures. */
export const MAP_LEVELS = ['region', 'province'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export const MEASURES: readonly Measure[] = ['absolute', 'per1000', 'perHousehold', 'shareOfPopulation'];

export interface ViewState {
  view: ViewName;
  /** Indicator id shown in the explorer; `null` means the default indicator. */
  indicator: string | null;
  /** Selected territory codes, in selection order. */
  territories: string[];
  measure: Measure;
  tab: ExplorerTab;
  /** Time range, inclusive; `null` = open end. */
  from: string | null;
  to: string | null;
  /** Period shown by the ranked bar chart and the map; `null` = latest with data. */
  period: string | null;
  /** Level of the explorer's map (`level=province`); the map falls back to regions when the indicator has no province. */
  mapLevel: MapLevel;
  /** Region opened on the map to show its provinces (`region=MA-06`); `null` = the whole country. */
  mapRegion: string | null;
  lang: Lang;
  /** Project list filter: status, `null` = all. */
  projectStatus: string | null;
  /** Events on the explorer's time axis shown (default) or hidden (`events=0`, issue 17). */
  events: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  view: 'overview',
  indicator: null,
  territories: [],
  measure: 'absolute',
  tab: 'chart',
  from: null,
  to: null,
  period: null,
  mapLevel: 'region',
  mapRegion: null,
  lang: 'fr',
  projectStatus: null,
  events: true,
};

/** Why a URL parameter was dropped; shown to the user as a notice. */
export interface UrlNotice {
  parameter: string;
  value: string;
  reason: 'unknown-value' | 'malformed' | 'too-many' | 'duplicate';
}

export interface ParsedUrl {
  state: ViewState;
  notices: UrlNotice[];
}

const CODE_RE = /^MA(-[0-9A-Z]{2,3}(-[0-9]{2})?)?$/;
/** A region's code (MA-01 … MA-12 and any future two-digit one): the only kind of territory the map opens. */
const REGION_RE = /^MA-[0-9]{2}$/;
const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * Prefix of an imported dataset's indicator id (`user-<id>`, issue 15; the same as `USER_INDICATOR_PREFIX` in
 * src/user-data/ids.ts, which this layer may not import — tests/unit/view-state-url.test.ts keeps them equal).
 */
export const USER_INDICATOR_PREFIX = 'user-';

/**
 * Whether an indicator id stays in the view although the catalogue lacks it: an imported dataset's id. A shared
 * link to the user's own figures, opened in a browser without them, must say so and offer the import (the explorer
 * does), not fall back to another indicator with an "unknown code" notice.
 */
export function keepsUnknownIndicator(id: string): boolean {
  return id.startsWith(USER_INDICATOR_PREFIX) && ID_RE.test(id);
}

/** Longest value we even look at: hostile URLs can be megabytes. */
const MAX_PARAM_LENGTH = 2_000;

/**
 * Known codes and ids, when the catalogue has loaded. Without them only the syntax is checked;
 * with them unknown codes are dropped with a notice.
 */
export interface UrlVocabulary {
  territories?: ReadonlySet<string>;
  indicators?: ReadonlySet<string>;
}

function oneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

/** Parse a query string into a view state. Never throws: bad values are dropped with a notice. */
export function parseViewUrl(search: string, vocab: UrlVocabulary = {}): ParsedUrl {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_VIEW_STATE, territories: [] };
  const notices: UrlNotice[] = [];
  const get = (name: string): string | null => {
    const v = params.get(name);
    if (v === null || v === '') return null;
    if (v.length > MAX_PARAM_LENGTH) {
      notices.push({ parameter: name, value: v.slice(0, 40) + '…', reason: 'malformed' });
      return null;
    }
    return v;
  };

  const view = get('view');
  if (view !== null) {
    if (oneOf(VIEWS, view)) state.view = view;
    else notices.push({ parameter: 'view', value: view, reason: 'unknown-value' });
  }
  const lang = get('lang');
  if (lang !== null) {
    if (oneOf(LANGS, lang)) state.lang = lang;
    else notices.push({ parameter: 'lang', value: lang, reason: 'unknown-value' });
  }
  const tab = get('tab');
  if (tab !== null) {
    if (oneOf(EXPLORER_TABS, tab)) state.tab = tab;
    else notices.push({ parameter: 'tab', value: tab, reason: 'unknown-value' });
  }
  const measure = get('measure');
  if (measure !== null) {
    if (oneOf(MEASURES, measure)) state.measure = measure;
    else notices.push({ parameter: 'measure', value: measure, reason: 'unknown-value' });
  }
  const indicator = get('indicator');
  if (indicator !== null) {
    if (!ID_RE.test(indicator)) notices.push({ parameter: 'indicator', value: indicator, reason: 'malformed' });
    else if (vocab.indicators && !vocab.indicators.has(indicator) && !keepsUnknownIndicator(indicator))
      notices.push({ parameter: 'indicator', value: indicator, reason: 'unknown-value' });
    else state.indicator = indicator;
  }
  const territories = get('territories');
  if (territories !== null) {
    const seen = new Set<string>();
    for (const raw of territories.split(',')) {
      const code = raw.trim();
      if (code === '') continue;
      if (!CODE_RE.test(code)) notices.push({ parameter: 'territories', value: code, reason: 'malformed' });
      else if (vocab.territories && !vocab.territories.has(code))
        notices.push({ parameter: 'territories', value: code, reason: 'unknown-value' });
      else if (seen.has(code)) notices.push({ parameter: 'territories', value: code, reason: 'duplicate' });
      else if (seen.size >= MAX_TERRITORIES * 8)
        notices.push({ parameter: 'territories', value: code, reason: 'too-many' });
      else seen.add(code);
    }
    state.territories = [...seen];
  }
  for (const name of ['from', 'to', 'period'] as const) {
    const v = get(name);
    if (v === null) continue;
    if (isPeriod(v)) state[name] = v;
    else notices.push({ parameter: name, value: v, reason: 'malformed' });
  }
  // Compared as periods (src/contract/period.ts), not strings: `from=2024-Q1&to=2024-03` is a valid range.
  if (state.from !== null && state.to !== null && rangeIsEmpty(state.from, state.to)) {
    notices.push({ parameter: 'to', value: state.to, reason: 'malformed' });
    state.to = null;
  }
  const level = get('level');
  if (level !== null) {
    if (oneOf(MAP_LEVELS, level)) state.mapLevel = level;
    else notices.push({ parameter: 'level', value: level, reason: 'unknown-value' });
  }
  const region = get('region');
  if (region !== null) {
    if (!REGION_RE.test(region)) notices.push({ parameter: 'region', value: region, reason: 'malformed' });
    else if (vocab.territories && !vocab.territories.has(region))
      notices.push({ parameter: 'region', value: region, reason: 'unknown-value' });
    else state.mapRegion = region;
  }
  const projectStatus = get('status');
  if (projectStatus !== null) {
    if (oneOf(['announced', 'planned', 'in-progress', 'completed'] as const, projectStatus))
      state.projectStatus = projectStatus;
    else notices.push({ parameter: 'status', value: projectStatus, reason: 'unknown-value' });
  }
  const events = get('events');
  if (events !== null) {
    if (events === '0' || events === '1') state.events = events === '1';
    else notices.push({ parameter: 'events', value: events, reason: 'unknown-value' });
  }
  // Collapse "too-many" notices into one so a hostile URL does not flood the page.
  const compact: UrlNotice[] = [];
  for (const n of notices) {
    if (n.reason === 'too-many' && compact.some((c) => c.reason === 'too-many')) continue;
    compact.push(n);
  }
  return { state, notices: compact.slice(0, 20) };
}

/** Serialise a view state; defaults are omitted so links stay short. Stable key order. */
export function serializeViewUrl(state: ViewState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_VIEW_STATE;
  if (state.view !== d.view) params.set('view', state.view);
  if (state.indicator !== null) params.set('indicator', state.indicator);
  if (state.territories.length > 0) params.set('territories', state.territories.join(','));
  if (state.measure !== d.measure) params.set('measure', state.measure);
  if (state.tab !== d.tab) params.set('tab', state.tab);
  if (state.from !== null) params.set('from', state.from);
  if (state.to !== null) params.set('to', state.to);
  if (state.period !== null) params.set('period', state.period);
  if (state.mapLevel !== d.mapLevel) params.set('level', state.mapLevel);
  if (state.mapRegion !== null) params.set('region', state.mapRegion);
  if (state.projectStatus !== null) params.set('status', state.projectStatus);
  if (state.events !== d.events) params.set('events', state.events ? '1' : '0');
  if (state.lang !== d.lang) params.set('lang', state.lang);
  const s = params.toString().replace(/%2C/g, ',');
  return s === '' ? '' : `?${s}`;
}
