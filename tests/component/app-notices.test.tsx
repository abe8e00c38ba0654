import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { parseViewUrl } from '../../src/state/view-state.ts';
import { useViewStore } from '../../src/state/view-store.ts';
import { Notices, noticeLines } from '../../src/app/notices.tsx';

describe('URL notices', () => {
  const { notices } = parseViewUrl('?territories=MA-06,MA-06,MA-06&lang=xx');

  beforeEach(() => useViewStore.setState({ notices }));

  it('says each correction once, even when the URL repeats it', () => {
    // Two identical "duplicate" notices for the two extra MA-06, plus the unknown language.
    expect(notices.filter((n) => n.reason === 'duplicate')).toHaveLength(2);
    expect(noticeLines(notices, 'fr')).toEqual([
      'Paramètre ignoré : lang=xx (valeur inconnue)',
      'Paramètre ignoré : territories=MA-06 (doublon)',
    ]);
  });

  it('lists the lines in the banner', () => {
    render(<Notices lang="fr" />);
    const items = within(screen.getByRole('status')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(noticeLines(notices, 'fr'));
  });
});
