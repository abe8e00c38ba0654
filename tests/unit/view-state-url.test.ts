/**
 * View state ⇄ URL: parse/serialise round-trips (property-tested with fast-check), hostile inputs never
 * throw, catalogue re-validation, foreign parameters kept (but never the page-load `dataset` switch, issue 14),
 * the view kept when leaving the stress catalogue, and stored preferences validated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VIEW_STATE,
  EXPLORER_TABS,
  MAP_LEVELS,
  MEASURES,
  VIEWS,
  USER_INDICATOR_PREFIX,
  keepsUnknownIndicator,
  parseViewUrl,
  serializeViewUrl,
  type ViewState,
} from '../../src/state/view-state.ts';
import { rangeIsEmpty } from '../../src/contract/period.ts';
import { MAX_TERRITORIES } from '../../src/transforms/selection.ts';
import { PAGE_LOAD_PARAMS, initViewFromUrl, validateAgainstVocabulary, viewSearch } from '../../src/state/url-sync.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { initialDataset, isMockApi, viewForRealData } from '../../src/app/dataset-mode.ts';
import { USER_INDICATOR_PREFIX as STORE_PREFIX, isUserIndicatorId } from '../../src/user-data/ids.ts';
import { parsePreferences, serializePreferences, usePreferences } from '../../src/state/preferences.ts';
import { noticeText } from '../../src/app/notices.tsx';
import { resolveTheme } from '../../src/app/theme.ts';

const periodArb = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc
    .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const codeArb = fc.oneof(
  fc.constant('MA'),
  fc.integer({ min: 1, max: 12 }).map((n) => `MA-${String(n).padStart(2, '0')}`),
  fc.constantFrom('MA-BES', 'MA-CAS', 'MA-CAS-01'),
);
const stateArb: fc.Arbitrary<ViewState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    indicator: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/), { nil: null }),
    territories: fc.uniqueArray(codeArb, { maxLength: 12 }),
    measure: fc.constantFrom(...MEASURES),
    tab: fc.constantFrom(...EXPLORER_TABS),
    from: fc.option(periodArb, { nil: null }),
    to: fc.option(periodArb, { nil: null }),
    period: fc.option(periodArb, { nil: null }),
    mapLevel: fc.constantFrom(...MAP_LEVELS),
    mapRegion: fc.option(
      fc.integer({ min: 1, max: 12 }).map((n) => `MA-${String(n).padStart(2, '0')}`),
      { nil: null },
    ),
    lang: fc.constantFrom('fr', 'ar', 'en'),
    projectStatus: fc.option(fc.constantFrom('announced', 'planned', 'in-progress', 'completed'), { nil: null }),
    events: fc.boolean(),
  })
  // A valid state never holds an empty range (the one period rule: `from` starting after `to` ends).
  .map((s) => (s.from !== null && s.to !== null && rangeIsEmpty(s.from, s.to) ? { ...s, to: null } : s));

describe('parseViewUrl / serializeViewUrl', () => {
  it('round-trips every valid state', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const parsed = parseViewUrl(serializeViewUrl(state));
        expect(parsed.notices).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on any query string, and returns a usable state', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webQueryParameters(), fc.string({ unit: 'binary' })), (search) => {
        const r = parseViewUrl(search);
        expect(VIEWS).toContain(r.state.view);
        expect(r.notices.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 500 },
    );
  });
  it.each([
    ['', DEFAULT_VIEW_STATE, []],
    ['?view=nope', DEFAULT_VIEW_STATE, [{ parameter: 'view', value: 'nope', reason: 'unknown-value' }]],
    [
      '?lang=xx&tab=map',
      { ...DEFAULT_VIEW_STATE, tab: 'map' },
      [{ parameter: 'lang', value: 'xx', reason: 'unknown-value' }],
    ],
    [
      '?territories=MA-06,<script>,MA-06',
      { ...DEFAULT_VIEW_STATE, territories: ['MA-06'] },
      [
        { parameter: 'territories', value: '<script>', reason: 'malformed' },
        { parameter: 'territories', value: 'MA-06', reason: 'duplicate' },
      ],
    ],
    [
      '?from=2024&to=2014',
      { ...DEFAULT_VIEW_STATE, from: '2024' },
      [{ parameter: 'to', value: '2014', reason: 'malformed' }],
    ],
    // Failed before issue 12: compared as strings, "2024-Q1" > "2024-03" dropped a valid `to`.
    ['?from=2024-Q1&to=2024-03', { ...DEFAULT_VIEW_STATE, from: '2024-Q1', to: '2024-03' }, []],
    ['?from=2024-03&to=2024', { ...DEFAULT_VIEW_STATE, from: '2024-03', to: '2024' }, []],
    [
      '?from=2025&to=2024-Q3',
      { ...DEFAULT_VIEW_STATE, from: '2025' },
      [{ parameter: 'to', value: '2024-Q3', reason: 'malformed' }],
    ],
    // Issue 13: the map's level and opened region; a wrong value is dropped with a notice like the others.
    [
      '?tab=map&level=province&region=MA-06',
      { ...DEFAULT_VIEW_STATE, tab: 'map', mapLevel: 'province', mapRegion: 'MA-06' },
      [],
    ],
    [
      '?level=commune&region=MA-CAS',
      DEFAULT_VIEW_STATE,
      [
        { parameter: 'level', value: 'commune', reason: 'unknown-value' },
        { parameter: 'region', value: 'MA-CAS', reason: 'malformed' },
      ],
    ],
  ] as const)('%s', (search, state, notices) => {
    const r = parseViewUrl(search);
    expect(r.state).toEqual(state);
    expect(r.notices).toEqual(notices);
  });
  it('thousands of territories collapse into one notice', () => {
    const codes = Array.from(
      { length: 3000 },
      (_, i) => `MA-${String(i % 100).padStart(2, '0')}-${String(i % 90).padStart(2, '0')}`,
    );
    const r = parseViewUrl(`?territories=${codes.join(',')}`);
    expect(r.notices.length).toBeLessThanOrEqual(20);
  });
});

describe('validateAgainstVocabulary', () => {
  const vocab = { territories: new Set(['MA', 'MA-06', 'MA-07']), indicators: new Set(['population']) };
  it('drops unknown codes and ids with a notice', () => {
    const r = validateAgainstVocabulary(
      { ...DEFAULT_VIEW_STATE, indicator: 'nope', territories: ['MA-99', 'MA-06'] },
      vocab,
    );
    expect(r.state.indicator).toBeNull();
    expect(r.state.territories).toEqual(['MA-06']);
    expect(r.notices).toEqual([
      { parameter: 'indicator', value: 'nope', reason: 'unknown-value' },
      { parameter: 'territories', value: 'MA-99', reason: 'unknown-value' },
    ]);
    expect(noticeText(r.notices[1]!, 'fr')).toBe('Paramètre ignoré : territories=MA-99 (code inconnu)');
  });
  it(`cuts to the hard cap of ${MAX_TERRITORIES} territories (every territory)`, () => {
    expect(MAX_TERRITORIES).toBeGreaterThanOrEqual(88);
    const many = Array.from({ length: MAX_TERRITORIES + 8 }, (_, i) => `MA-${String(i + 1).padStart(3, '0')}`);
    const r = validateAgainstVocabulary({ ...DEFAULT_VIEW_STATE, territories: many }, {});
    expect(r.state.territories).toEqual(many.slice(0, MAX_TERRITORIES));
    expect(r.notices).toEqual([{ parameter: 'territories', value: many[MAX_TERRITORIES], reason: 'too-many' }]);
  });
  it('drops an opened region the catalogue does not know', () => {
    const r = validateAgainstVocabulary({ ...DEFAULT_VIEW_STATE, mapLevel: 'province', mapRegion: 'MA-42' }, vocab);
    expect(r.state.mapRegion).toBeNull();
    expect(r.state.mapLevel).toBe('province');
    expect(r.notices).toEqual([{ parameter: 'region', value: 'MA-42', reason: 'unknown-value' }]);
    expect(parseViewUrl('?region=MA-42', vocab).notices).toEqual([
      { parameter: 'region', value: 'MA-42', reason: 'unknown-value' },
    ]);
  });
  it('keeps a valid state as is', () => {
    const state = { ...DEFAULT_VIEW_STATE, indicator: 'population', territories: ['MA-07'] };
    expect(validateAgainstVocabulary(state, vocab)).toEqual({ state, notices: [] });
  });
});

describe('an imported indicator the catalogue lacks stays in the view (issue 15: a shared link)', () => {
  const vocab = { indicators: new Set(['population']), territories: new Set(['MA', 'MA-06']) };
  it('is kept by the catalogue check, without a notice; an unknown official id is still dropped', () => {
    const state = { ...DEFAULT_VIEW_STATE, view: 'explorer' as const, indicator: 'user-abc123' };
    expect(validateAgainstVocabulary(state, vocab)).toEqual({ state, notices: [] });
    expect(parseViewUrl('?indicator=user-abc123', vocab)).toEqual({
      state: { ...DEFAULT_VIEW_STATE, indicator: 'user-abc123' },
      notices: [],
    });
    expect(validateAgainstVocabulary({ ...state, indicator: 'nope' }, vocab).notices).toEqual([
      { parameter: 'indicator', value: 'nope', reason: 'unknown-value' },
    ]);
  });
  it('recognises exactly the ids the user-data store makes', () => {
    expect(USER_INDICATOR_PREFIX).toBe(STORE_PREFIX);
    for (const id of [
      'user-abc123',
      'user-a-b',
      'user-',
      'user--x',
      'user-ABC',
      'users-x',
      'population',
      'synthetic-01',
    ])
      expect(keepsUnknownIndicator(id)).toBe(isUserIndicatorId(id));
  });
});

describe('viewSearch keeps foreign parameters', () => {
  it.each([
    [
      '?mock=malformed:observations&view=overview',
      { ...DEFAULT_VIEW_STATE, view: 'explorer' as const },
      '?view=explorer&mock=malformed:observations',
    ],
    ['?lang=ar', DEFAULT_VIEW_STATE, ''],
  ])('%s', (current, state, expected) => {
    expect(viewSearch(state, current)).toBe(expected);
  });
});

describe('the dataset switch never reaches the address bar or a link (issue 14 item 4)', () => {
  it.each([
    ['?dataset=stress', DEFAULT_VIEW_STATE, ''],
    ['?view=explorer&dataset=stress&lang=ar', { ...DEFAULT_VIEW_STATE, view: 'explorer' as const }, '?view=explorer'],
    [
      '?dataset=stress&mock=latency:20',
      { ...DEFAULT_VIEW_STATE, lang: 'ar' as const },
      '?lang=ar&mock=latency:20', // other foreign parameters are still kept
    ],
    ['?dataset=default&dataset=stress', DEFAULT_VIEW_STATE, ''],
  ])('%s → %s', (current, state, expected) => {
    expect(viewSearch(state, current)).toBe(expected);
  });

  it('holds for any view and any address carrying it', () => {
    const stateArb = fc.record({
      view: fc.constantFrom(...VIEWS),
      indicator: fc.constantFrom(null, 'population', 'synthetic-02'),
      territories: fc.subarray(['MA', 'MA-01', 'MA-06', 'MA-06-141']),
      lang: fc.constantFrom('fr', 'ar', 'en'),
    });
    const foreignArb = fc.array(
      fc.tuple(fc.constantFrom('dataset', 'mock', 'utm_source', 'view'), fc.string({ maxLength: 12 })),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(stateArb, foreignArb, (partial, foreign) => {
        const state: ViewState = { ...DEFAULT_VIEW_STATE, ...partial };
        const current = new URLSearchParams([['dataset', 'stress'], ...foreign]).toString();
        const out = new URLSearchParams(viewSearch(state, `?${current}`));
        for (const name of PAGE_LOAD_PARAMS) expect(out.has(name)).toBe(false);
        // The view itself survives.
        expect(parseViewUrl(`?${out.toString()}`).state).toEqual(parseViewUrl(serializeViewUrl(state)).state);
      }),
    );
  });
});

describe('the language of a link', () => {
  it('is remembered when the link names it, so the normalised address (fr left out) reloads in it', () => {
    usePreferences.getState().setLang('ar');
    initViewFromUrl('?view=explorer&lang=fr');
    expect(useViewStore.getState().lang).toBe('fr');
    expect(usePreferences.getState().lang).toBe('fr');
    initViewFromUrl('?view=explorer'); // the reload of what the address bar shows
    expect(useViewStore.getState().lang).toBe('fr');
  });
  it('a link without one opens in the remembered language; an unknown one changes nothing', () => {
    usePreferences.getState().setLang('ar');
    initViewFromUrl('?view=compare');
    expect(useViewStore.getState().lang).toBe('ar');
    initViewFromUrl('?view=compare&lang=xx');
    expect(useViewStore.getState().lang).toBe('ar');
    expect(usePreferences.getState().lang).toBe('ar');
  });
});

describe('leaving the stress catalogue keeps the view as far as it is valid', () => {
  const stress: ViewState = {
    ...DEFAULT_VIEW_STATE,
    view: 'explorer',
    indicator: 'synthetic-02',
    territories: ['MA-06', 'MA-06-141'],
    measure: 'per1000',
    tab: 'map',
    from: '2019-01',
    to: '2024-06',
    period: '2024-06',
    mapLevel: 'province',
    mapRegion: 'MA-06',
    lang: 'ar',
  };
  it('drops the synthetic indicator and the months chosen on it, keeps the rest', () => {
    expect(viewForRealData(stress)).toEqual({ ...stress, indicator: null, from: null, to: null, period: null });
  });
  it('keeps a real indicator id', () => {
    expect(viewForRealData({ ...stress, indicator: 'population' }).indicator).toBe('population');
  });
  it('starts on the stress catalogue only with the mock API and the switch in the address', () => {
    expect(isMockApi(undefined)).toBe(true);
    expect(isMockApi('')).toBe(true);
    expect(isMockApi('https://api.example.ma/v1')).toBe(false);
    expect(initialDataset(['?view=overview', '?dataset=stress'], undefined)).toBe('stress');
    expect(initialDataset(['?dataset=stress'], 'https://api.example.ma/v1')).toBe('default');
    expect(initialDataset(['?view=overview'], undefined)).toBe('default');
  });
});

describe('preferences', () => {
  it.each([
    [null, { lang: null, theme: 'system' }, null],
    ['{"version":1,"lang":"ar","theme":"dark"}', { lang: 'ar', theme: 'dark' }, null],
    ['{not json', { lang: null, theme: 'system' }, 'corrupt'],
    ['[]', { lang: null, theme: 'system' }, 'corrupt'],
    ['{"version":1,"lang":"xx","theme":"dark"}', { lang: null, theme: 'system' }, 'corrupt'],
    ['{"version":0,"lang":"fr","theme":"dark"}', { lang: null, theme: 'system' }, 'outdated'],
  ] as const)('%s', (raw, prefs, problem) => {
    expect(parsePreferences(raw)).toEqual({ prefs, problem });
  });
  it('round-trips', () => {
    expect(parsePreferences(serializePreferences({ lang: 'en', theme: 'light' })).prefs).toEqual({
      lang: 'en',
      theme: 'light',
    });
  });
  it.each([
    ['system', true, 'dark'],
    ['system', false, 'light'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('theme %s (system dark %s) → %s', (pref, dark, expected) => {
    expect(resolveTheme(pref, dark)).toBe(expected);
  });
});
