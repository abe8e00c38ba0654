/**
 * Drops unknown codes from the URL once the catalogue is in, with a notice (mounted only when the API is ready).
 * Shared by the app and the embed layout (src/app/embed.tsx): a bad link says so in both.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { indicatorsQuery, territoriesQuery } from '../api/queries.ts';
import { useVocabularyValidation } from '../state/url-sync.ts';
import type { UrlVocabulary } from '../state/view-state.ts';

/** Validates the URL's codes against the catalogue; renders nothing. */
export function CatalogueCheck() {
  const territories = useQuery(territoriesQuery());
  const indicators = useQuery(indicatorsQuery());
  const vocab = useMemo<UrlVocabulary | undefined>(
    () =>
      // An empty catalogue is a broken answer, not a vocabulary: validating against it would drop every
      // code of the user's link (found by the fault matrix, `empty:territories`).
      territories.data && indicators.data && territories.data.length > 0 && indicators.data.length > 0
        ? {
            territories: new Set(territories.data.map((t) => t.code)),
            indicators: new Set(indicators.data.map((i) => i.id)),
          }
        : undefined,
    [territories.data, indicators.data],
  );
  useVocabularyValidation(vocab);
  return null;
}
