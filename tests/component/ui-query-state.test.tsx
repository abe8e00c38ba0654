import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../src/api/client.ts';
import { QueryState, StaleNotice, formatUpdatedAt, loadErrorText, type QueryLike } from '../../src/ui/query-state.tsx';
import { SLOW_LOADING_MS } from '../../src/ui/panel-states.tsx';

const UPDATED = Date.UTC(2026, 11, 4, 9, 30);

function query<T>(over: Partial<QueryLike<T>>): QueryLike<T> {
  return { data: undefined, error: null, dataUpdatedAt: 0, refetch: vi.fn(), ...over };
}

function ladder(q: QueryLike<string[]>, lang: 'fr' | 'ar' | 'en' = 'fr') {
  return render(
    <QueryState query={q} lang={lang} height={200} errorMessage={(e) => loadErrorText('territoires', e, lang)}>
      {(data) => (
        <ul aria-label="data">
          {data.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </QueryState>,
  );
}

describe('QueryState', () => {
  it('shows a busy skeleton of the given height while there is no data and no error', () => {
    const { container } = ladder(query({}));
    const skeleton = container.querySelector('[aria-busy="true"]');
    expect(skeleton).toHaveStyle({ height: '200px' });
    expect(skeleton?.textContent).toBe('Chargement des données…');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows a custom loading node when given one', () => {
    render(
      <QueryState query={query<string>({})} lang="fr" errorMessage={() => 'x'} loading={<p>cards…</p>}>
        {(d) => d}
      </QueryState>,
    );
    expect(screen.getByText('cards…')).toBeInTheDocument();
  });

  it('shows the error naming the dataset and a retry that refetches, when there is no data', async () => {
    const q = query<string[]>({ error: new ApiError('boom', { kind: 'http', endpoint: '/territories', status: 500 }) });
    ladder(q);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Impossible de charger « territoires ». erreur HTTP 500');
    expect(alert).not.toHaveAttribute('data-stale');
    expect(screen.queryByRole('list')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(q.refetch).toHaveBeenCalledTimes(1);
  });

  it('renders the data with no alert when the query succeeded', () => {
    ladder(query({ data: ['Casablanca'], dataUpdatedAt: UPDATED }));
    expect(screen.getByRole('list', { name: 'data' }).textContent).toBe('Casablanca');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps older data under a stale notice with the time and a retry when a refresh failed', async () => {
    const q = query({
      data: ['Casablanca'],
      dataUpdatedAt: UPDATED,
      error: new ApiError('offline', { kind: 'network', endpoint: '/territories' }),
    });
    ladder(q);
    expect(screen.getByRole('list', { name: 'data' }).textContent).toBe('Casablanca');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-stale', 'true');
    expect(alert.textContent).toContain('Impossible de charger « territoires ». réseau indisponible');
    expect(alert.textContent).toContain(`Données affichées du ${formatUpdatedAt(UPDATED, 'fr')}`);
    expect(formatUpdatedAt(UPDATED, 'fr')).toMatch(/04\/12\/2026/);
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(q.refetch).toHaveBeenCalledTimes(1);
  });

  it('can leave the stale notice to the caller', () => {
    render(
      <QueryState
        query={query({ data: 'x', dataUpdatedAt: UPDATED, error: new Error('e') })}
        lang="fr"
        errorMessage={() => 'failed'}
        staleNotice={false}
      >
        {(d) => <p>{d}</p>}
      </QueryState>,
    );
    expect(screen.getByText('x')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('StaleNotice', () => {
  it('speaks Arabic with Latin digits and an Arabic retry', async () => {
    const onRetry = vi.fn();
    render(<StaleNotice message="تعذّر" updatedAt={UPDATED} onRetry={onRetry} lang="ar" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('البيانات المعروضة من');
    expect(alert.textContent).toMatch(/2026/);
    await userEvent.click(screen.getByRole('button', { name: 'إعادة المحاولة' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('slow data and technical detail (issue 16 item 6)', () => {
  it.each([
    ['fr', 'Chargement toujours en cours… En attente : les observations de l’indicateur.'],
    ['ar', 'لا يزال التحميل جاريًا… في انتظار: مشاهدات المؤشر.'],
    ['en', 'Still loading… Waiting for the indicator’s observations.'],
  ] as const)('after 3 s without data the skeleton says it is still loading, and what for (%s)', (lang, text) => {
    vi.useFakeTimers();
    try {
      const awaiting = {
        fr: 'les observations de l’indicateur',
        ar: 'مشاهدات المؤشر',
        en: 'the indicator’s observations',
      };
      render(
        <QueryState query={query<string>({})} lang={lang} errorMessage={() => 'x'} awaiting={awaiting[lang]}>
          {(d) => d}
        </QueryState>,
      );
      const live = screen.getByRole('status');
      expect(live).toHaveAttribute('aria-live', 'polite');
      expect(live.textContent).toBe('');
      act(() => vi.advanceTimersByTime(SLOW_LOADING_MS - 1));
      expect(live.textContent).toBe('');
      act(() => vi.advanceTimersByTime(1));
      expect(live.textContent).toBe(text);
      expect(live.closest('[aria-busy="true"]')).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('without what is awaited it still says it is loading', () => {
    vi.useFakeTimers();
    try {
      render(
        <QueryState query={query<string>({})} lang="fr" errorMessage={() => 'x'}>
          {(d) => d}
        </QueryState>,
      );
      act(() => vi.advanceTimersByTime(SLOW_LOADING_MS));
      expect(screen.getByRole('status').textContent).toBe('Chargement toujours en cours…');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an invalid answer: the message in French, the validator’s English behind a closed disclosure', () => {
    const error = new ApiError('/observations: data[3].value expected number, received string', {
      kind: 'invalid-payload',
      endpoint: '/observations',
      status: 200,
      field: 'data[3].value',
    });
    ladder(query({ error }));
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe(
      'Impossible de charger « territoires ». réponse invalide — le champ data[3].value n’a pas la forme attendue',
    );
    const details = alert.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Détail technique');
    expect(details?.querySelector('code')?.textContent).toBe(
      '/observations: data[3].value expected number, received string',
    );
  });

  it('a timeout has no disclosure (nothing technical to add)', () => {
    ladder(query({ error: new ApiError('x', { kind: 'timeout', endpoint: '/territories' }) }));
    expect(screen.getByRole('alert').querySelector('details')).toBeNull();
  });
});
