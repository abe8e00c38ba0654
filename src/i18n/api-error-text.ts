/**
 * What went wrong with an API request, in the reader's language: "erreur HTTP 500 — Internal error",
 * "réponse invalide — data[3].value (…)". Shared by every panel that shows a failed query, so an official
 * reading the French or Arabic page sees the kind of failure in their language; only the server's own
 * detail (problem+json `detail`, the invalid field's path) stays as the server or the validator wrote it.
 * Pure; reads the fields of `ApiError` (src/api/client.ts) without importing it, so any thrown value works.
 */
import type { Lang } from '../contract/contract.ts';
import { defineMessages, translate } from './i18n.ts';

const API_ERROR_KINDS = ['http', 'network', 'timeout', 'invalid-payload', 'malformed-json'] as const;
type ApiErrorKindName = (typeof API_ERROR_KINDS)[number];

/** Messages of each error kind (exported for the i18n completeness test). */
export const apiErrorMessages = defineMessages({
  'err-http': { fr: 'erreur HTTP {status}', ar: 'خطأ HTTP {status}', en: 'HTTP error {status}' },
  'err-network': { fr: 'réseau indisponible', ar: 'الشبكة غير متاحة', en: 'network unavailable' },
  'err-timeout': { fr: 'pas de réponse à temps', ar: 'لا استجابة في الوقت المحدد', en: 'no answer in time' },
  'err-invalid-payload': { fr: 'réponse invalide', ar: 'استجابة غير صالحة', en: 'invalid response' },
  'err-malformed-json': {
    fr: 'réponse illisible (JSON mal formé)',
    ar: 'استجابة غير مقروءة (JSON غير سليم)',
    en: 'unreadable response (malformed JSON)',
  },
  'err-unknown': { fr: 'erreur inattendue', ar: 'خطأ غير متوقع', en: 'unexpected error' },
});

/** Longest detail shown: a schema error on a huge payload must not flood the panel. */
const MAX_DETAIL = 240;

/** The translated kind of `error`, then its detail when it has one: "HTTP error 500 — Internal error". */
export function apiErrorText(error: unknown, lang: Lang): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    kind?: unknown;
    status?: unknown;
    field?: unknown;
    message?: unknown;
    problem?: { title?: unknown; detail?: unknown };
  };
  const kind = (API_ERROR_KINDS as readonly unknown[]).includes(e.kind) ? (e.kind as ApiErrorKindName) : null;
  const what = kind
    ? translate(apiErrorMessages, lang, `err-${kind}`, { status: typeof e.status === 'number' ? e.status : '' })
    : translate(apiErrorMessages, lang, 'err-unknown');
  // The detail a reader can act on or report: the invalid field, the server's problem+json words. For the
  // other known kinds the client's own message is English and repeats the translated kind, so it is left out;
  // an unknown error keeps its message (better than nothing).
  const detail =
    typeof e.field === 'string'
      ? `${e.field}${typeof e.message === 'string' && e.message !== '' ? ` (${e.message})` : ''}`
      : typeof e.problem?.detail === 'string'
        ? e.problem.detail
        : typeof e.problem?.title === 'string'
          ? e.problem.title
          : kind !== null
            ? ''
            : typeof e.message === 'string'
              ? e.message
              : typeof error === 'string'
                ? error
                : '';
  if (detail === '') return what;
  return `${what} — ${detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail}`;
}
