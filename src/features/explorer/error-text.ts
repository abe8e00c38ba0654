/**
 * The message of a failed query, naming the dataset and what happened:
 * "Observations : réponse invalide — data[3].value …". Pure; reads the ApiError's fields.
 */
import type { Lang } from '../../api/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import { explorerMessages } from './messages.ts';

/** Which dataset failed. */
export type Dataset = 'datasetTerritories' | 'datasetIndicators' | 'datasetObservations';

const KINDS = ['http', 'network', 'timeout', 'invalid-payload', 'malformed-json'] as const;
type Kind = (typeof KINDS)[number];

/** Text of an error for a dataset. */
export function errorText(dataset: Dataset, error: unknown, lang: Lang): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    kind?: unknown;
    status?: unknown;
    field?: unknown;
    message?: unknown;
    problem?: { title?: unknown; detail?: unknown };
  };
  const kind = (KINDS as readonly unknown[]).includes(e.kind) ? (e.kind as Kind) : null;
  let what = kind
    ? translate(explorerMessages, lang, `err-${kind}`, { status: typeof e.status === 'number' ? e.status : '' })
    : translate(explorerMessages, lang, 'err-unknown');
  const detail =
    typeof e.field === 'string'
      ? `${e.field}${typeof e.message === 'string' && e.message !== '' ? ` (${e.message})` : ''}`
      : typeof e.problem?.detail === 'string'
        ? e.problem.detail
        : typeof e.problem?.title === 'string'
          ? e.problem.title
          : typeof e.message === 'string' && e.message !== ''
            ? e.message
            : '';
  if (detail !== '') what += ` — ${detail.length > 240 ? `${detail.slice(0, 240)}…` : detail}`;
  return translate(explorerMessages, lang, 'errorLine', { dataset: translate(explorerMessages, lang, dataset), what });
}
