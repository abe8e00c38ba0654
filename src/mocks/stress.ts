/**
 * Stress dataset (issue 7): a seeded, deterministic, clearly synthetic catalogue used to measure the
 * dashboard at scale — the country, the 12 regions and the 75 provinces × 40 indicators × every month
 * 2015-01…2025-12 (88 × 40 × 132 = 464,640 observations).
 *
 * It is never mixed with the real data: the mock API serves it *instead of* the shipped indicators and
 * observations, and only when the documented option is on (`?dataset=stress`, for that page load only;
 * see {@link readDatasetOption}). Every indicator is
 * `category: "synthetic"`, `status: "illustrative"`, named "Synthétique NN — …", with a method saying so.
 *
 * Territory codes are the real ones (the caller passes the parsed `data/territories.json`), so the maps,
 * pickers and URLs behave exactly as with real data.
 *
 * Speed: values are generated lazily, one indicator at a time, into a `Float64Array` (88 × 132 numbers,
 * ~0.3 ms), and memoised; observation objects are only built for the rows a query asks for.
 * {@link createStressDb} plugs that into the mock API's `Db` lazily; {@link generateStressFiles} builds
 * all 464,640 rows eagerly, for `createDb(files)` when plain arrays are wanted.
 *
 * No DOM, no React, no network: runs in the browser mock, in Node (bench B6) and in vitest.
 */
import type { Indicator, Observation, ObservationsQuery, Territory } from '../contract/contract.ts';
import { LruMap } from '../lib/lru.ts';
import { periodEnd, periodStart, rangeMonths } from '../contract/period.ts';
import { createDb, defaultDb, type Db, type DbFiles } from './db.ts';

/**
 * Generated indicators kept in memory (issue 7, B5). One is 88 × 132 doubles (~93 kB), so all 40 fit in
 * ~3.7 MB: the bound is the dataset itself. Keeping them all means a query only generates an
 * indicator the first time it is asked for (bench B6 counts on "1 query in 5 generates").
 */
export const STRESS_VALUES_CACHE = 40;
/**
 * Indicators whose row objects (`createStressDb`'s index: 11,616 observation objects plus their index
 * entries, ~2 MB) are kept — unbounded, all 40 would pin ~80 MB. Few: the handlers answer from the
 * JSON fast path, which never builds them; only direct `queryObservations` callers (tests, scripts) do.
 */
export const STRESS_ROWS_CACHE = 4;
/**
 * Indicators whose serialised rows (`observationsJson`: one JSON string per territory, ~1.2 MB per
 * indicator) are kept. Re-serialising an indicator costs a few ms, about what a `JSON.stringify` of its
 * rows would; the cache pays off when several views ask subsets of the same few indicators.
 */
export const STRESS_JSON_CACHE = 4;

/** Seed used unless another is given: same seed, same dataset, on every machine. */
export const STRESS_SEED = 7_2025;
/** Number of synthetic indicators. */
export const STRESS_INDICATOR_COUNT = 40;
/** First and last month of every synthetic series. */
export const STRESS_FIRST_YEAR = 2015;
export const STRESS_LAST_YEAR = 2025;

/** The 132 months `2015-01` … `2025-12`, in order. */
export const STRESS_PERIODS: readonly string[] = (() => {
  const out: string[] = [];
  for (let y = STRESS_FIRST_YEAR; y <= STRESS_LAST_YEAR; y++) {
    for (let m = 1; m <= 12; m++) out.push(`${y}-${m < 10 ? '0' : ''}${m}`);
  }
  return out;
})();

/** Note carried by the (deliberate, ~0.3 %) gaps, so the UI's missing-value path is exercised too. */
export const STRESS_GAP_NOTE = {
  fr: 'Lacune synthétique : valeur omise exprès par le générateur de test de charge',
  ar: 'فجوة اصطناعية: قيمة حذفها مولد اختبار التحمل عمدا',
  en: 'Synthetic gap: value deliberately left out by the stress generator',
} as const;

// The option lives in its own small module: the browser mock reads it at start, and loads this
// generator only when it says `stress` (issue 7, B3).
export {
  DATASET_PARAM,
  DATASET_STORAGE_KEY,
  isStressIndicatorId,
  readDatasetOption,
  type DatasetName,
} from './dataset-option.ts';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a 32-bit hash: turns (seed, indicator, territory) into an independent stream seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for synthetic figures (not for cryptography). Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------------
// Catalogue

type UnitCode = Indicator['unit']['code'];

interface Theme {
  fr: string;
  ar: string;
  en: string;
  unit: UnitCode;
  /** Typical level: a rate for percent/index, a count per 1,000 inhabitants for counts. */
  level: number;
  /** Yearly relative drift. */
  trend: number;
  /** Amplitude of the yearly cycle, relative. */
  season: number;
  polarity: Indicator['polarity'];
}

const UNIT_LABELS: Record<UnitCode, Indicator['unit']['label']> = {
  percent: { fr: '%', ar: '%', en: '%' },
  persons: { fr: 'personnes', ar: 'أشخاص', en: 'persons' },
  households: { fr: 'ménages', ar: 'أسر', en: 'households' },
  count: { fr: 'unités', ar: 'وحدات', en: 'units' },
  mad: { fr: 'MAD', ar: 'درهم', en: 'MAD' },
  seats: { fr: 'places', ar: 'مقاعد', en: 'seats' },
  index: { fr: 'indice', ar: 'مؤشر', en: 'index' },
};

/** Ten themes, cycled over the 40 indicators; names only hint at a topic, values are made up. */
const THEMES: readonly Theme[] = [
  {
    fr: 'Indice d’activité',
    ar: 'مؤشر النشاط',
    en: 'Activity index',
    unit: 'index',
    level: 100,
    trend: 0.02,
    season: 0.08,
    polarity: 'higher-is-better',
  },
  {
    fr: 'Demandes en ligne',
    ar: 'الطلبات عبر الإنترنت',
    en: 'Online requests',
    unit: 'count',
    level: 12,
    trend: 0.15,
    season: 0.1,
    polarity: 'higher-is-better',
  },
  {
    fr: 'Taux de raccordement',
    ar: 'نسبة الربط',
    en: 'Connection rate',
    unit: 'percent',
    level: 70,
    trend: 0.01,
    season: 0.01,
    polarity: 'higher-is-better',
  },
  {
    fr: 'Bénéficiaires',
    ar: 'المستفيدون',
    en: 'Beneficiaries',
    unit: 'persons',
    level: 250,
    trend: 0.06,
    season: 0.03,
    polarity: 'neutral',
  },
  {
    fr: 'Délai de traitement',
    ar: 'مدة المعالجة',
    en: 'Processing time',
    unit: 'index',
    level: 40,
    trend: -0.03,
    season: 0.05,
    polarity: 'lower-is-better',
  },
  {
    fr: 'Ménages équipés',
    ar: 'الأسر المجهزة',
    en: 'Equipped households',
    unit: 'households',
    level: 180,
    trend: 0.04,
    season: 0.02,
    polarity: 'higher-is-better',
  },
  {
    fr: 'Taux de réclamations',
    ar: 'نسبة الشكايات',
    en: 'Complaint rate',
    unit: 'percent',
    level: 8,
    trend: -0.02,
    season: 0.15,
    polarity: 'lower-is-better',
  },
  {
    fr: 'Dépense engagée',
    ar: 'النفقات الملتزم بها',
    en: 'Committed spending',
    unit: 'mad',
    level: 90_000,
    trend: 0.05,
    season: 0.2,
    polarity: 'neutral',
  },
  {
    fr: 'Fréquentation',
    ar: 'الإقبال',
    en: 'Attendance',
    unit: 'persons',
    level: 400,
    trend: 0.03,
    season: 0.25,
    polarity: 'neutral',
  },
  {
    fr: 'Disponibilité du service',
    ar: 'توفر الخدمة',
    en: 'Service availability',
    unit: 'percent',
    level: 92,
    trend: 0.003,
    season: 0.01,
    polarity: 'higher-is-better',
  },
];

/** Counts that may be divided by population; rates and indices may not. */
function isCount(unit: UnitCode): boolean {
  return unit !== 'percent' && unit !== 'index';
}

/** `synthetic-01` … `synthetic-40`. */
export function stressIndicatorId(index: number): string {
  return `synthetic-${String(index + 1).padStart(2, '0')}`;
}

const STRESS_SOURCE = {
  publisher: 'Mouchir — générateur de données synthétiques',
  title: 'Jeu de données de charge (synthétique, non officiel)',
  url: 'https://github.com/mouchir/mouchir#performance',
  published: null,
  retrieved: '2025-12-31',
} as const;

function themeOf(index: number): Theme {
  const theme = THEMES[index % THEMES.length];
  if (!theme) throw new Error('unreachable: THEMES is not empty');
  return theme;
}

/** The 40 synthetic indicators, in id order. */
export function stressIndicators(): Indicator[] {
  const out: Indicator[] = [];
  for (let i = 0; i < STRESS_INDICATOR_COUNT; i++) {
    const theme = themeOf(i);
    const nn = String(i + 1).padStart(2, '0');
    const count = isCount(theme.unit);
    const indicator: Indicator = {
      id: stressIndicatorId(i),
      name: {
        fr: `Synthétique ${nn} — ${theme.fr}`,
        ar: `اصطناعي ${nn} — ${theme.ar}`,
        en: `Synthetic ${nn} — ${theme.en}`,
      },
      description: {
        fr: 'Série synthétique générée pour les tests de performance. Ne jamais citer.',
        ar: 'سلسلة اصطناعية مولدة لاختبارات الأداء. لا يجوز الاستشهاد بها.',
        en: 'Synthetic series generated for performance testing. Never quote.',
      },
      unit: { code: theme.unit, label: UNIT_LABELS[theme.unit] },
      category: 'synthetic',
      levels: ['country', 'region', 'province'],
      frequency: 'monthly',
      source: { ...STRESS_SOURCE },
      status: 'illustrative',
      method: {
        fr: `Valeurs inventées par un générateur pseudo-aléatoire déterministe (graine ${STRESS_SEED}) : niveau proportionnel à la population 2024 pour les effectifs, tendance, saisonnalité et bruit ; régions et pays agrégés à partir des provinces. Aucune valeur n’est réelle.`,
        ar: `قيم مختلقة بواسطة مولد شبه عشوائي حتمي (البذرة ${STRESS_SEED}): مستوى متناسب مع ساكنة 2024 للأعداد، واتجاه وموسمية وضجيج؛ الجهات والبلد مجمعة من الأقاليم. لا توجد أي قيمة حقيقية.`,
        en: `Values invented by a deterministic pseudo-random generator (seed ${STRESS_SEED}): level proportional to the 2024 population for counts, trend, seasonality and noise; regions and country aggregated from the provinces. No value is real.`,
      },
      lastUpdated: '2025-12-31',
      perCapita: count,
      measures: count ? ['absolute', 'per1000', 'perHousehold', 'shareOfPopulation'] : ['absolute'],
      polarity: theme.polarity,
    };
    // The first four get KPI cards, so the overview has something to show with the stress data alone.
    if (i < 4) indicator.headline = i + 1;
    out.push(indicator);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Query of the stress dataset, same shape as the contract's `ObservationsQuery`. */
export interface StressQuery {
  indicator: string;
  territories?: readonly string[];
  from?: string;
  to?: string;
}

/** The generated dataset; see {@link createStressDataset}. */
export interface StressDataset {
  /** Country, regions and provinces used, in order: country, regions, provinces. */
  readonly territories: readonly Territory[];
  readonly indicators: readonly Indicator[];
  readonly periods: readonly string[];
  /** Total number of observations the dataset holds (indicators × territories × periods). */
  readonly size: number;
  /**
   * Values of one indicator, `territories.length × periods.length`, row-major by territory;
   * `NaN` marks a gap. Generated on first use, then memoised. `undefined` for an unknown id.
   */
  values(indicatorId: string): Float64Array | undefined;
  /** Rows matching a query, territory order as asked (or dataset order), periods ascending. */
  query(q: StressQuery): Observation[];
  /** Every observation of every indicator (464,640 objects with the full map). */
  allObservations(): Observation[];
  /** How many indicators' values are held in memory now (at most `STRESS_VALUES_CACHE`); for tests and diagnostics. */
  cachedIndicatorCount(): number;
}

/** Options of {@link createStressDataset}. */
export interface StressOptions {
  seed?: number;
  /** How many indicators (default 40); fewer makes small fixtures for tests. */
  indicatorCount?: number;
}

function population(t: Territory): number {
  return t.population['2024'] ?? t.population['2014'] ?? 100_000;
}

/** Round as the unit is published: whole counts, one decimal for rates and indices. */
function roundFor(unit: UnitCode, v: number): number {
  return isCount(unit) ? Math.round(v) : Math.round(v * 10) / 10;
}

/**
 * Build the stress dataset over the given territories (the parsed `data/territories.json` items).
 * Only the country, regions and provinces are used (Casablanca's prefectures d'arrondissements are
 * left out, so the set is 1 + 12 + 75 with the shipped file).
 */
export function createStressDataset(allTerritories: readonly Territory[], options: StressOptions = {}): StressDataset {
  const seed = options.seed ?? STRESS_SEED;
  const indicators = stressIndicators().slice(0, options.indicatorCount ?? STRESS_INDICATOR_COUNT);
  const country = allTerritories.filter((t) => t.level === 'country');
  const regions = allTerritories.filter((t) => t.level === 'region');
  const provinces = allTerritories.filter((t) => t.level === 'province' && t.kind !== 'prefecture-arrondissements');
  const territories: readonly Territory[] = [...country, ...regions, ...provinces];
  const nT = territories.length;
  const nP = STRESS_PERIODS.length;
  const indexOfTerritory = new Map(territories.map((t, i) => [t.code, i]));
  const indexOfIndicator = new Map(indicators.map((ind, i) => [ind.id, i]));
  // Aggregation plan, computed once: which rows feed each region and the country.
  const parentIndex = territories.map((t) => (t.parent === null ? -1 : (indexOfTerritory.get(t.parent) ?? -1)));
  const weights = territories.map(population);
  const memo = new LruMap<number, Float64Array>(STRESS_VALUES_CACHE);

  function generate(ii: number): Float64Array {
    const theme = themeOf(ii);
    const count = isCount(theme.unit);
    const out = new Float64Array(nT * nP);
    // Sums (counts) or population-weighted sums (rates) of provinces, then of regions.
    const acc = new Float64Array(nT * nP);
    const weightAcc = new Float64Array(nT);
    const firstProvince = country.length + regions.length;
    for (let ti = firstProvince; ti < nT; ti++) {
      const t = territories[ti];
      if (!t) continue;
      const rand = mulberry32(hash32(`${seed}:${ii}:${t.code}`));
      const pop = weights[ti] ?? 100_000;
      // Each province gets its own level (±40 %), trend (±50 % of the theme's) and phase.
      const level = (count ? (theme.level * pop) / 1000 : theme.level) * (0.6 + 0.8 * rand());
      const trend = theme.trend * (0.5 + rand());
      const phase = rand() * 2 * Math.PI;
      let noise = 0;
      for (let p = 0; p < nP; p++) {
        noise = 0.7 * noise + 0.03 * (rand() - 0.5);
        const years = p / 12;
        let v = level * (1 + trend) ** years * (1 + theme.season * Math.sin((2 * Math.PI * p) / 12 + phase) + noise);
        if (theme.unit === 'percent') v = Math.min(100, Math.max(0, v));
        v = Math.max(0, v);
        const rounded = roundFor(theme.unit, v);
        const k = ti * nP + p;
        // ~0.3 % deliberate gaps in provinces (aggregates stay complete: they use the unrounded value).
        out[k] = rand() < 0.003 ? Number.NaN : rounded;
        acc[k] = count ? v : v * pop;
      }
      // Roll the province up to its region and the region up to the country.
      let up = parentIndex[ti] ?? -1;
      while (up >= 0) {
        for (let p = 0; p < nP; p++) acc[up * nP + p] = (acc[up * nP + p] ?? 0) + (acc[ti * nP + p] ?? 0);
        weightAcc[up] = (weightAcc[up] ?? 0) + pop;
        up = parentIndex[up] ?? -1;
      }
    }
    for (let ti = 0; ti < firstProvince; ti++) {
      const w = weightAcc[ti] ?? 0;
      for (let p = 0; p < nP; p++) {
        const k = ti * nP + p;
        const a = acc[k] ?? 0;
        // A region without provinces (tiny fixtures) has no value rather than a fake zero.
        out[k] = w === 0 ? Number.NaN : roundFor(theme.unit, count ? a : a / w);
      }
    }
    return out;
  }

  function values(indicatorId: string): Float64Array | undefined {
    const ii = indexOfIndicator.get(indicatorId);
    if (ii === undefined) return undefined;
    let v = memo.get(ii);
    if (!v) {
      v = generate(ii);
      memo.set(ii, v);
    }
    return v;
  }

  function rowsFor(indicatorId: string, vals: Float64Array, ti: number, p0: number, p1: number, out: Observation[]) {
    const code = territories[ti]?.code ?? '';
    for (let p = p0; p <= p1; p++) {
      const v = vals[ti * nP + p] ?? Number.NaN;
      const period = STRESS_PERIODS[p] ?? '';
      if (Number.isNaN(v)) {
        out.push({
          indicator: indicatorId,
          territory: code,
          period,
          value: null,
          status: 'illustrative',
          note: STRESS_GAP_NOTE,
        });
      } else {
        out.push({ indicator: indicatorId, territory: code, period, value: v, status: 'illustrative' });
      }
    }
  }

  function query(q: StressQuery): Observation[] {
    const vals = values(q.indicator);
    if (!vals) return [];
    // Month positions (0 = January of the first stress year) of the rows overlapping the range: every row is a month.
    const range = rangeMonths(q.from, q.to);
    const p0 = Math.max(0, range.start - STRESS_FIRST_YEAR * 12);
    const p1 = Math.min(nP - 1, range.end - STRESS_FIRST_YEAR * 12);
    const out: Observation[] = [];
    if (p0 > p1) return out;
    const rows =
      q.territories && q.territories.length > 0
        ? q.territories.map((c) => indexOfTerritory.get(c)).filter((i): i is number => i !== undefined)
        : territories.map((_, i) => i);
    for (const ti of rows) rowsFor(q.indicator, vals, ti, p0, p1, out);
    return out;
  }

  function allObservations(): Observation[] {
    const out: Observation[] = [];
    for (const ind of indicators) {
      const vals = values(ind.id);
      if (!vals) continue;
      for (let ti = 0; ti < nT; ti++) rowsFor(ind.id, vals, ti, 0, nP - 1, out);
    }
    return out;
  }

  return {
    territories,
    indicators,
    periods: STRESS_PERIODS,
    size: indicators.length * nT * nP,
    values,
    query,
    allObservations,
    cachedIndicatorCount: () => memo.size,
  };
}

/**
 * Every row of the stress dataset as plain arrays, in the shape `createDb(files)` takes
 * (464,640 observation objects, built eagerly; ~0.3 s in Node). The territories are passed through
 * unchanged, so the catalogue of places is the real one. No projects: the shipped projects point at
 * real indicators, which the stress catalogue does not have.
 */
export function generateStressFiles(territories: readonly Territory[], options: StressOptions = {}): DbFiles {
  const ds = createStressDataset(territories, options);
  return {
    territories: [...territories],
    indicators: [...ds.indicators],
    projects: [],
    observations: ds.allObservations(),
  };
}

type IndexedRows = NonNullable<ReturnType<NonNullable<ReturnType<Db['observations']['get']>>['get']>>;

/** One indicator serialised: per dataset territory, its 132 rows as JSON joined by commas, built on demand. */
interface JsonRows {
  /** Index = dataset territory index; `undefined` until first asked for. */
  text: (string | undefined)[];
  /** Per territory: where each month's row starts in `text`, plus one past the end (`text.length + 1`). */
  offsets: (Int32Array | undefined)[];
}

/**
 * A `Db` (same indexes, same query functions, same handlers) over the stress dataset that builds an
 * indicator's rows only when a query first asks for it (88 × 132 rows, a few ms), instead of indexing
 * all 464,640 rows up front — which would block the page's main thread, where MSW's handlers run.
 *
 * It also answers `observationsJson` (issue 7, B6): the JSON text of an observations answer, byte for
 * byte what `JSON.stringify({ data: queryObservations(…) })` gives, without indexing and keeping every
 * row object of the indicator. Each territory's 132 rows are stringified once (natively) and the text
 * cached (bounded); an answer joins the cached texts, and a range is a slice of them.
 */
/** The stress `Db`: always has the JSON fast path, and says how much its caches hold. */
export interface StressDb extends Db {
  observationsJson: (query: ObservationsQuery) => string;
  /** Indicators held by each cache now (bounded by the `STRESS_*_CACHE` constants); for tests and diagnostics. */
  cacheSizes(): { values: number; rows: number; json: number };
}

export function createStressDb(territories: readonly Territory[], options: StressOptions = {}): StressDb {
  const ds = createStressDataset(territories, options);
  const base = createDb({ territories, indicators: ds.indicators, projects: [], observations: [] });
  // Bounded (issue 7, B5): each indicator's row objects weigh ~2 MB; see STRESS_ROWS_CACHE.
  const built = new LruMap<string, ReadonlyMap<string, IndexedRows>>(STRESS_ROWS_CACHE);
  const monthIndex = ds.periods.map((period) => periodStart(period));
  // A month starts and ends in itself; checked once so a change in period.ts cannot go unnoticed.
  if (ds.periods.some((period, i) => periodEnd(period) !== monthIndex[i]))
    throw new Error('stress: month index mismatch');
  const build = (indicatorId: string): ReadonlyMap<string, IndexedRows> | undefined => {
    const done = built.get(indicatorId);
    if (done) return done;
    if (!base.indicatorById.has(indicatorId)) return undefined;
    const byTerritory = new Map<string, IndexedRows>();
    const rows = ds.query({ indicator: indicatorId });
    const per = ds.periods.length;
    // Rows come grouped by territory and sorted by month, which is the order the db keeps; the
    // 132 month indices are computed once (below), not parsed again for every row.
    for (let i = 0; i < rows.length; i += per) {
      const slice = rows.slice(i, i + per);
      const first = slice[0];
      if (!first) continue;
      byTerritory.set(
        first.territory,
        slice.map((row, p) => ({ row, start: monthIndex[p] ?? 0, end: monthIndex[p] ?? 0 })),
      );
    }
    built.set(indicatorId, byTerritory);
    return byTerritory;
  };
  // Only `get`/`has` are used by the query functions; iteration sees the indicators built so far.
  const lazy = new (class extends Map<string, ReadonlyMap<string, IndexedRows>> {
    override get(key: string) {
      return build(key);
    }
    override has(key: string) {
      return base.indicatorById.has(key);
    }
  })();

  // ---- the JSON fast path (B6) ----
  const nP = ds.periods.length;
  const firstMonth = monthIndex[0] ?? 0;
  const datasetIndex = new Map(ds.territories.map((t, i) => [t.code, i]));
  // "Every territory" is answered in the territories file's order, as `queryObservations` does.
  const allInFileOrder = [...datasetIndex.keys()]
    .sort(
      (a, b) =>
        (base.territoryOrder.get(a) ?? Infinity) - (base.territoryOrder.get(b) ?? Infinity) || a.localeCompare(b),
    )
    .map((code) => datasetIndex.get(code) ?? 0);
  const serialised = new LruMap<string, JsonRows>(STRESS_JSON_CACHE);

  /** The 132 rows of one territory as JSON, and where each row starts (key order as `rowsFor` builds them). */
  const serialise = (indicatorId: string, ti: number): { text: string; offsets: Int32Array } => {
    // Native JSON.stringify of the territory's 132 row objects beats assembling the text in JS (and is
    // byte-identical to the slow path by construction); the objects are short-lived, only the text stays.
    const rows = ds.query({ indicator: indicatorId, territories: [ds.territories[ti]?.code ?? ''] });
    const text = JSON.stringify(rows).slice(1, -1);
    // Where each row starts: rows are flat objects, so one starts after each "},{" (no text field holds one).
    const offsets = new Int32Array(nP + 1);
    let at = 0;
    for (let p = 1; p < nP; p++) {
      at = text.indexOf('},{', at) + 2;
      offsets[p] = at;
    }
    offsets[nP] = text.length + 1;
    return { text, offsets };
  };

  const observationsJson = (query: ObservationsQuery): string => {
    const vals = ds.values(query.indicator);
    if (!vals) return '{"data":[]}';
    const rows = serialised.getOrCreate(query.indicator, () => ({ text: [], offsets: [] }));
    // Every row is a month, so the rows overlapping the range (`rangeMonths`) are a run of month positions.
    const range = rangeMonths(query.from, query.to);
    const p0 = Math.max(0, range.start - firstMonth);
    const p1 = Math.min(nP - 1, range.end - firstMonth);
    if (p0 > p1) return '{"data":[]}';
    const order =
      query.territories && query.territories.length > 0
        ? [...new Set(query.territories)]
            .map((code) => datasetIndex.get(code))
            .filter((i): i is number => i !== undefined)
        : allInFileOrder;
    const parts: string[] = [];
    for (const ti of order) {
      let text = rows.text[ti];
      let offsets = rows.offsets[ti];
      if (text === undefined || offsets === undefined) {
        ({ text, offsets } = serialise(query.indicator, ti));
        rows.text[ti] = text;
        rows.offsets[ti] = offsets;
      }
      parts.push(p0 === 0 && p1 === nP - 1 ? text : text.slice(offsets[p0] ?? 0, (offsets[p1 + 1] ?? 0) - 1));
    }
    return `{"data":[${parts.join(',')}]}`;
  };

  return {
    ...base,
    observations: lazy,
    observationsJson,
    cacheSizes: () => ({ values: ds.cachedIndicatorCount(), rows: built.size, json: serialised.size }),
  };
}

let shared: Db | undefined;

/**
 * The stress database over the shipped territories, built on first use and reused: what the mock
 * API serves when `readDatasetOption` says `stress` (`createHandlers({ db: stressDb })`).
 */
export function stressDb(): Db {
  shared ??= createStressDb(defaultDb().territories);
  return shared;
}
