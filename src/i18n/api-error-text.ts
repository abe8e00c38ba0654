/**
 * What went wrong with an API request, in the reader's language: "erreur HTTP 500 — Internal error",
 * "réponse invalide — le champ data[3].value n'a pas la forme attendue". Shared by every panel that shows a failed
 * query, so an official reading the French or Arabic page sees the kind of failure in their language; only the
 * server's own detail (problem+json `detail`) and the invalid field's path stay as written. The validator's or the
 * parser's English words ("expected number, received string") are technical detail (`apiErrorDetail`), which the
 * panels show behind a disclosure (issue 16 item 6).
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
  'err-invalid-field': {
    fr: 'le champ {field} n’a pas la forme attendue',
    ar: 'الحقل {field} ليس بالشكل المتوقع',
    en: 'field {field} does not have the expected form',
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
      ? translate(apiErrorMessages, lang, 'err-invalid-field', { field: e.field })
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

/**
 * The technical detail of a bad answer, as the client wrote it (English, for a report to the API's team):
 * "/observations: data[3].value expected number, received string". Only for `invalid-payload` (the other kinds'
 * messages repeat what `apiErrorText` says); `undefined` otherwise. Pure.
 */
export function apiErrorDetail(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { kind, message } = error as { kind?: unknown; message?: unknown };
  if (kind !== 'invalid-payload' || typeof message !== 'string' || message === '') return undefined;
  return message.length > MAX_DETAIL ? `${message.slice(0, MAX_DETAIL)}…` : message;
}

/** Label of the disclosure holding `apiErrorDetail`. */
export const technicalDetailMessages = defineMessages({
  technicalDetail: { fr: 'Détail technique', ar: 'تفاصيل تقنية', en: 'Technical detail' },
});
