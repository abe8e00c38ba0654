/**
 * A small fixed dataset for the overview, compare and projects component tests, served through the real MSW
 * handlers (`createHandlers({ db })`), so the tests do not move when the shipped data files change.
 * Figures are taken from the data brief (RGPH 2024, government statements) where they exist; the illustrative
 * series and the target are labelled as such.
 */
import type { Indicator, Observation, Project, Source, Territory } from '../../src/contract/contract.ts';
import { createDb, type Db } from '../../src/mocks/db.ts';
import { createHandlers } from '../../src/mocks/handlers.ts';
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../src/app/query-client.ts';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../src/state/view-state.ts';
import { useViewStore } from '../../src/state/view-store.ts';

const HCP: Source = {
  publisher: 'HCP',
  title: 'RGPH 2024 — indicateurs',
  url: 'https://www.hcp.ma/',
  published: '2024-12-17',
  retrieved: '2025-01-10',
};
const GOV: Source = {
  publisher: 'Chef du gouvernement',
  title: 'Bilan AMO',
  url: 'https://www.cg.gov.ma/',
  published: '2025-07-15',
  retrieved: '2025-08-01',
};
const DEMO: Source = {
  publisher: 'Mouchir (démonstration)',
  title: 'Série illustrative',
  url: 'https://example.org/demo',
  published: null,
  retrieved: '2025-09-01',
};

function t(text: string, ar: string, en = text) {
  return { fr: text, ar, en };
}

function territory(
  code: string,
  level: Territory['level'],
  parent: string | null,
  name: ReturnType<typeof t>,
  population: Record<string, number>,
): Territory {
  return {
    code,
    level,
    parent,
    name,
    kind: level === 'province' ? 'province' : level,
    population,
    households: {},
  };
}

export const TERRITORIES: Territory[] = [
  territory('MA', 'country', null, t('Maroc', 'المغرب', 'Morocco'), { '2014': 33848242, '2024': 36828330 }),
  territory('MA-01', 'region', 'MA', t('Tanger-Tétouan-Al Hoceima', 'طنجة-تطوان-الحسيمة'), { '2024': 4030222 }),
  territory('MA-03', 'region', 'MA', t('Fès-Meknès', 'فاس-مكناس'), { '2024': 4467911 }),
  territory('MA-04', 'region', 'MA', t('Rabat-Salé-Kénitra', 'الرباط-سلا-القنيطرة'), { '2024': 5132639 }),
  territory('MA-06', 'region', 'MA', t('Casablanca-Settat', 'الدار البيضاء-سطات'), { '2024': 7688967 }),
  territory('MA-07', 'region', 'MA', t('Marrakech-Safi', 'مراكش-آسفي'), { '2024': 4892393 }),
  territory('MA-BES', 'province', 'MA-06', t('Benslimane', 'بنسليمان'), { '2024': 279517 }),
  territory('MA-CAS', 'province', 'MA-06', t('Casablanca', 'الدار البيضاء'), { '2024': 3218036 }),
  territory('MA-REH', 'province', 'MA-07', t('Rehamna', 'الرحامنة'), { '2024': 346108 }),
];

const base = {
  levels: ['country', 'region', 'province'] as Indicator['levels'],
  perCapita: false,
  measures: ['absolute'] as Indicator['measures'],
  lastUpdated: '2025-07-15',
  method: t('Chiffres publiés.', 'أرقام منشورة.', 'Published figures.'),
  description: t('Description.', 'وصف.', 'Description.'),
};
const PERCENT = { code: 'percent' as const, label: t('%', '%') };

export const INDICATORS: Indicator[] = [
  {
    ...base,
    id: 'amo-coverage',
    name: t('Couverture AMO', 'التغطية الصحية الإجبارية', 'AMO coverage'),
    unit: PERCENT,
    category: 'social-protection',
    levels: ['country'],
    frequency: 'irregular',
    source: GOV,
    status: 'official',
    polarity: 'higher-is-better',
    headline: 1,
    target: {
      value: 100,
      period: '2030',
      direction: 'increase',
      label: t('Généralisation', 'التعميم', 'Universal coverage'),
      source: GOV,
    },
    claims: [
      {
        text: t(
          'Tous les Marocains sont désormais couverts.',
          'جميع المغاربة أصبحوا مشمولين بالتغطية.',
          'All Moroccans are now covered.',
        ),
        source: DEMO,
        verified: false,
      },
    ],
  },
  {
    ...base,
    id: 'unemployment',
    name: t('Taux de chômage', 'معدل البطالة', 'Unemployment rate'),
    unit: PERCENT,
    category: 'census',
    frequency: 'census',
    source: HCP,
    status: 'official',
    polarity: 'lower-is-better',
    headline: 2,
  },
  {
    ...base,
    id: 'illiteracy',
    name: t('Taux d’analphabétisme', 'معدل الأمية', 'Illiteracy rate'),
    unit: PERCENT,
    category: 'census',
    frequency: 'census',
    source: HCP,
    status: 'official',
    polarity: 'lower-is-better',
  },
  {
    ...base,
    id: 'internet-demo',
    name: t('Accès à internet (démo)', 'الولوج إلى الإنترنت (توضيحي)', 'Internet access (demo)'),
    unit: PERCENT,
    category: 'digital',
    levels: ['country', 'region'],
    frequency: 'annual',
    source: DEMO,
    status: 'illustrative',
    method: t('Valeurs inventées.', 'قيم مختلقة.', 'Made-up values.'),
    polarity: 'higher-is-better',
    headline: 3,
  },
];

function o(
  indicator: string,
  territoryCode: string,
  period: string,
  value: number | null,
  status: Observation['status'] = 'official',
): Observation {
  return {
    indicator,
    territory: territoryCode,
    period,
    value,
    status,
    note: value === null ? { fr: 'non publié', ar: 'غير منشور', en: 'not published' } : null,
  };
}

export const OBSERVATIONS: Observation[] = [
  o('amo-coverage', 'MA', '2021', 42),
  o('amo-coverage', 'MA', '2024', 67.1),
  o('amo-coverage', 'MA', '2025', 88),
  o('unemployment', 'MA', '2014', 16.2),
  o('unemployment', 'MA', '2024', 21.3),
  o('unemployment', 'MA-01', '2024', 19.6),
  o('unemployment', 'MA-03', '2024', 23.3),
  o('unemployment', 'MA-04', '2024', 19.8),
  o('unemployment', 'MA-06', '2024', 18.8),
  o('unemployment', 'MA-07', '2024', 20.8),
  o('unemployment', 'MA-BES', '2024', 17.5),
  o('illiteracy', 'MA', '2024', 24.8),
  o('illiteracy', 'MA-06', '2024', 19.6),
  o('illiteracy', 'MA-07', '2024', 28.8),
  o('illiteracy', 'MA-04', '2024', 22.4),
  o('internet-demo', 'MA', '2023', 80, 'illustrative'),
  o('internet-demo', 'MA', '2024', 84, 'illustrative'),
];

const STADIUM_SOURCE: Source = {
  publisher: 'Maroc Hebdo',
  title: 'Les six stades de 2030',
  url: 'https://www.maroc-hebdo.press.ma/',
  published: '2024-08-01',
  retrieved: '2025-01-10',
};

export const PROJECTS: Project[] = [
  {
    id: 'grand-stade-hassan-ii',
    territory: 'MA-BES',
    title: t('Grand Stade Hassan II', 'الملعب الكبير الحسن الثاني'),
    summary: t('Nouveau stade à El Mansouria.', 'ملعب جديد بالمنصورية.', 'New stadium at El Mansouria.'),
    category: 'stadium',
    status: 'in-progress',
    start: '2025',
    end: '2028',
    budget: {
      amount: 500_000_000,
      currency: 'EUR',
      note: { fr: 'estimation presse', ar: 'تقدير صحفي', en: 'press estimate' },
    },
    progress: null,
    capacity: 115000,
    milestones: [
      { date: '2025-01', label: t('Début des travaux', 'انطلاق الأشغال', 'Works start'), done: true },
      { date: '2028-Q2', label: t('Livraison', 'التسليم', 'Delivery'), done: false },
    ],
    indicators: ['unemployment'],
    source: STADIUM_SOURCE,
    dataStatus: 'official',
  },
  {
    id: 'benslimane-smart-lab',
    territory: 'MA-BES',
    title: t(
      'Benslimane, laboratoire territoire intelligent',
      'بنسليمان، مختبر المجال الذكي',
      'Benslimane smart-territory lab',
    ),
    summary: t('Détails non publiés.', 'تفاصيل غير منشورة.', 'Details not published.'),
    category: 'smart-territory',
    status: 'announced',
    start: '2025-Q3',
    end: '2027',
    budget: null,
    progress: 20,
    milestones: [],
    indicators: ['internet-demo'],
    source: DEMO,
    dataStatus: 'illustrative',
  },
  {
    id: 'casablanca-digital',
    territory: 'MA-CAS',
    title: t('Programme numérique de Casablanca', 'البرنامج الرقمي للدار البيضاء', 'Casablanca digital programme'),
    summary: t('Services en ligne.', 'خدمات إلكترونية.', 'Online services.'),
    category: 'digital',
    status: 'planned',
    start: '2024',
    end: '2026',
    budget: null,
    progress: 40,
    milestones: [],
    indicators: [],
    source: DEMO,
    dataStatus: 'estimate',
  },
  {
    id: 'marrakech-stadium',
    territory: 'MA-07',
    title: t('Grand Stade de Marrakech', 'الملعب الكبير لمراكش'),
    summary: t('Rénovation.', 'تجديد.', 'Renovation.'),
    category: 'stadium',
    status: 'planned',
    start: null,
    end: null,
    budget: null,
    progress: null,
    capacity: 45860,
    milestones: [],
    indicators: [],
    source: STADIUM_SOURCE,
    dataStatus: 'official',
  },
];

/** The fixture database. */
export function fixtureDb(): Db {
  return createDb({ territories: TERRITORIES, indicators: INDICATORS, projects: PROJECTS, observations: OBSERVATIONS });
}

/** Real handlers over the fixture database (page fault switch still active, so `setMockSpec` works). */
export function fixtureHandlers() {
  const db = fixtureDb();
  return createHandlers({ db: () => db });
}

/** Put the view store in a known state (defaults plus `patch`) before rendering. */
export function resetViewStore(patch: Partial<ViewState> = {}): void {
  useViewStore.setState({ ...DEFAULT_VIEW_STATE, territories: [], notices: [], ...patch });
}

/** Render a view inside a fresh query client (no retries from the client's defaults). */
export function renderWithClient(ui: ReactElement) {
  const client = createQueryClient({ retry: false });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}
