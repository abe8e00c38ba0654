import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PresentationMode, slideStep } from '../../src/export/ui/presentation-mode.tsx';
import { lineModel, oneCensusLineModel } from '../unit/export-fixtures.ts';

vi.mock('../../src/export/fonts.ts', () => ({ loadExportFonts: async () => [], hasArabic: () => false }));

const slides = [
  lineModel(),
  lineModel({ title: 'Taux de chômage', link: 'https://mouchir.example/?indicator=chomage' }),
];

describe('slideStep', () => {
  it.each([
    ['ArrowRight', false, 1],
    ['ArrowLeft', false, -1],
    ['ArrowRight', true, -1],
    ['ArrowLeft', true, 1],
    ['PageDown', true, 1],
    ['PageUp', false, -1],
    ['Home', false, 'first'],
    ['End', false, 'last'],
    ['a', false, null],
  ] as const)('%s (rtl=%s) → %s', (key, rtl, expected) => {
    expect(slideStep(key, rtl)).toBe(expected);
  });
});

describe('PresentationMode', () => {
  it('shows one composed chart per slide, moves with arrow and Page keys, and announces the title', async () => {
    const user = userEvent.setup();
    render(<PresentationMode models={slides} onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Mode présentation' })).toBeInTheDocument();
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
    expect(screen.getByText('Diapositive 1 sur 2 : Population légale')).toBeInTheDocument();
    const img = await screen.findByRole('img');
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(img).toHaveAccessibleName(/^Population légale\. .*Source : HCP, « RGPH 2024 », 17 déc\. 2024\. Officiel\.$/);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('2 / 2')).toBeInTheDocument();
    expect(screen.getByText('Diapositive 2 sur 2 : Taux de chômage')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('2 / 2')).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
  });

  it('presents a line of one period (a view pinned before the rule) as the ranking of that period', async () => {
    render(<PresentationMode models={[oneCensusLineModel(), lineModel()]} onClose={() => undefined} />);
    const img = await screen.findByRole('img');
    const svg = atob((img.getAttribute('src') ?? '').replace(/^data:image\/svg\+xml;base64,/, ''));
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).not.toContain('class="series"');
  });

  it('leaves on Escape and from the exit button', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<PresentationMode models={slides} onClose={onClose} />);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Quitter la présentation (Échap)' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('on Escape calls the onClose of the latest render, not the first one', async () => {
    const user = userEvent.setup();
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(<PresentationMode models={slides} onClose={first} />);
    rerender(<PresentationMode models={slides} onClose={latest} />);
    await user.keyboard('{Escape}');
    expect(latest).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('mirrors the arrows in Arabic', async () => {
    const user = userEvent.setup();
    const ar = slides.map((s) => ({ ...s, lang: 'ar' as const, dir: 'rtl' as const }));
    render(<PresentationMode models={ar} onClose={() => undefined} />);
    expect(screen.getByRole('dialog')).toHaveAttribute('dir', 'rtl');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByText('الشريحة 2 من 2: Taux de chômage')).toBeInTheDocument();
  });
});
