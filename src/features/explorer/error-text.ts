/**
 * The message of a failed query, naming the dataset and what happened:
 * "Observations : réponse invalide — data[3].value …". Pure; reads the ApiError's fields.
 */
import type { Lang } from '../../contract/contract.ts';
import { apiErrorText } from '../../i18n/api-error-text.ts';
import { translate } from '../../i18n/i18n.ts';
import { explorerMessages } from './messages.ts';

/** Which dataset failed. */
export type Dataset = 'datasetTerritories' | 'datasetIndicators' | 'datasetObservations';

/** Text of an error for a dataset: the dataset's name, then what happened (src/i18n/api-error-text.ts). */
export function errorText(dataset: Dataset, error: unknown, lang: Lang): string {
  return translate(explorerMessages, lang, 'errorLine', {
    dataset: translate(explorerMessages, lang, dataset),
    what: apiErrorText(error, lang),
  });
}
