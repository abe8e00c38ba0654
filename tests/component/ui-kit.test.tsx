import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataStatus, Lang } from '../../src/contract/contract.ts';
import { statusText, statusTitle } from '../../src/i18n/status-label.ts';
import { StatusBadge } from '../../src/ui/status-badge.tsx';
import { Sparkline, sparklinePath, sparklineSegments } from '../../src/ui/sparkline.tsx';
import { EmptyState, ErrorState, PanelSkeleton } from '../../src/ui/panel-states.tsx';

const STATUSES: DataStatus[] = ['official', 'estimate', 'illustrative'];
const LANGS: Lang[] = ['fr', 'ar', 'en'];

describe('StatusBadge: one wording and one class family per status', () => {
  it.each(LANGS.flatMap((lang) => STATUSES.map((status) => [lang, status] as const)))('%s %s', (lang, status) => {
    render(<StatusBadge status={status} lang={lang} />);
    const badge = screen.getByTitle(statusTitle(status, lang));
    expect(badge).toHaveClass('badge', `badge--${status}`);
    expect(badge).toHaveAttribute('data-status', status);
    // The words, with the warning sign (hidden from assistive technology) only for illustrative data.
    expect(badge.textContent).toBe(`${status === 'illustrative' ? '⚠ ' : ''}${statusText(status, lang)}`);
  });
  it('says "do not quote" for illustrative data in every language', () => {
    expect(statusText('illustrative', 'fr')).toBe('Illustratif — ne pas citer');
    expect(statusText('illustrative', 'ar')).toBe('توضيحي — لا يُستشهد به');
    expect(statusText('illustrative', 'en')).toBe('Illustrative — do not quote');
    expect(statusTitle('estimate', 'fr')).toBe('Statut des données : Estimation');
  });
});

describe('Sparkline', () => {
  it.each([
    [[1, 2, 3], 'M2.0,28.0L60.0,15.0L118.0,2.0'],
    [[1, null, 3], 'M2.0,28.0M118.0,2.0'],
    [[null, null], ''],
  ])('path of %j (gaps stay gaps)', (values, d) => {
    expect(sparklinePath(values, 120, 30)).toBe(d);
  });
  it('runs right to left in Arabic and sits mid-height when flat', () => {
    expect(sparklineSegments([1, 2], 100, 20, true)).toEqual([
      [
        { x: 98, y: 18 },
        { x: 2, y: 2 },
      ],
    ]);
    expect(sparklineSegments([5, 5], 100, 20).map((seg) => seg.map((p) => p.y))).toEqual([[10, 10]]);
  });
  it('draws a lone value as a dot, marks the latest, and is an image with a name when labelled', () => {
    const { container } = render(
      <Sparkline values={[3, null, 1, 2, null, 4]} width={100} height={20} rtl={false} label="Évolution" />,
    );
    const svg = screen.getByRole('img', { name: 'Évolution' });
    expect(svg).toHaveAttribute('data-points', '6');
    expect(container.querySelector('path')?.getAttribute('d')).toBe('M3.0,7.7M40.6,17.0L59.4,12.3M97.0,3.0');
    // Two lone values (3 and 4) are dots, plus the "now" mark on the last one.
    expect(container.querySelectorAll('circle')).toHaveLength(3);
    expect(container.querySelector('circle[data-latest]')).toHaveAttribute('cx', '97');
  });
  it('is hidden from assistive technology without a label', () => {
    const { container } = render(<Sparkline values={[1, 2]} width={100} height={20} rtl={false} />);
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('panel states', () => {
  it('skeleton keeps its height and says it is loading', () => {
    render(<PanelSkeleton height="12rem" lang="en" />);
    const el = screen.getByText('Loading data…').parentElement;
    expect(el).toHaveAttribute('aria-busy', 'true');
    expect(el).toHaveStyle({ height: '12rem' });
  });
  it('empty state takes its own words and actions', () => {
    render(
      <EmptyState lang="fr" message="Rien ici.">
        <button type="button">Tout afficher</button>
      </EmptyState>,
    );
    expect(screen.getByText('Rien ici.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tout afficher' })).toBeInTheDocument();
  });
  it('error state is an alert whose retry calls back', async () => {
    const onRetry = vi.fn();
    render(<ErrorState message="Boom" onRetry={onRetry} lang="ar" />);
    expect(screen.getByRole('alert').textContent).toContain('Boom');
    await userEvent.click(screen.getByRole('button', { name: 'إعادة المحاولة' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
