/**
 * zustand store holding the view selection only (never server data).
 * Components read it through the selectors below, so each re-renders only for what it shows.
 * `src/state/url-sync.ts` keeps it and the URL in step.
 */
import { create } from 'zustand';
import { DEFAULT_VIEW_STATE, type ViewState, type UrlNotice } from './view-state.ts';

export interface ViewStore extends ViewState {
  /** Notices about URL parameters that were dropped, shown until dismissed. */
  notices: UrlNotice[];
  /** Merge a partial selection. */
  set: (patch: Partial<ViewState>) => void;
  /** Replace the whole selection (URL load, back/forward). */
  replace: (state: ViewState, notices?: UrlNotice[]) => void;
  dismissNotices: () => void;
}

export const useViewStore = create<ViewStore>()((set) => ({
  ...DEFAULT_VIEW_STATE,
  notices: [],
  set: (patch) => set(patch),
  replace: (state, notices = []) => set({ ...state, notices }),
  dismissNotices: () => set({ notices: [] }),
}));

/** Read the plain selection out of the store (for URL serialisation and exports). */
export function selectViewState(s: ViewStore): ViewState {
  return {
    view: s.view,
    indicator: s.indicator,
    territories: s.territories,
    measure: s.measure,
    tab: s.tab,
    from: s.from,
    to: s.to,
    period: s.period,
    mapLevel: s.mapLevel,
    mapRegion: s.mapRegion,
    lang: s.lang,
    projectStatus: s.projectStatus,
    events: s.events,
  };
}

export const selectLang = (s: ViewStore) => s.lang;
export const selectView = (s: ViewStore) => s.view;
export const selectIndicator = (s: ViewStore) => s.indicator;
export const selectTerritories = (s: ViewStore) => s.territories;
export const selectMeasure = (s: ViewStore) => s.measure;
export const selectTab = (s: ViewStore) => s.tab;
export const selectSet = (s: ViewStore) => s.set;
