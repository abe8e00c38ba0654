/**
 * Presentation mode never shows a blank or endless "loading" slide (issue 17, the briefing): a chart whose picture
 * cannot be composed becomes a slide with its name, its title, why, and the link to open the view.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChartModel } from '../../src/transforms/chart-types.ts';
import { lineModel } from '../unit/export-fixtures.ts';

vi.mock('../../src/export/fonts.ts', () => ({ loadExportFonts: async () => [], hasArabic: () => false }));
vi.mock('../../src/export/actions.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/export/actions.ts')>();
  return {
    ...actual,
    composeWithFonts: (
      model: ChartModel,
      ...rest: Parameters<typeof actual.composeWithFonts> extends [unknown, ...infer R] ? R : never
    ) => (model.title === 'Cassé' ? Promise.reject(new Error('no fonts')) : actual.composeWithFonts(model, ...rest)),
  };
});

const { PresentationMode } = await import('../../src/export/ui/presentation-mode.tsx');

describe('a slide that cannot be drawn', () => {
  it('says so with the saved name, the chart title and the link; the next slide still draws', async () => {
    const user = userEvent.setup();
    const broken = lineModel({ title: 'Cassé', link: 'https://mouchir.example/?view=explorer&indicator=x' });
    render(
      <PresentationMode
        slides={[
          { name: 'Ma vue', model: broken },
          { name: 'Autre vue', model: lineModel() },
        ]}
        lang="fr"
        onClose={() => undefined}
      />,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Ma vue' })).toBeInTheDocument();
    expect(screen.getByText('Cassé')).toBeInTheDocument();
    expect(screen.getByText(/n’a pas pu être dessinée/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ouvrir la vue' })).toHaveAttribute('href', broken.link);
    expect(screen.queryByText('Chargement de la diapositive…')).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('img')).toHaveAccessibleName(/^Population légale\./);
  });
});
