/**
 * The failure text every panel shows: the kind of failure in the reader's language, then the server's or the
 * validator's detail. Overview, compare and projects used to show the client's English technical message in
 * the French and Arabic pages ("projects: HTTP 500 …"); they now share this with the explorer.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorInit } from '../../src/api/client.ts';
import type { Lang } from '../../src/contract/contract.ts';
import { apiErrorDetail, apiErrorMessages, apiErrorText } from '../../src/i18n/api-error-text.ts';

const base = { endpoint: '/api/v1/projects', url: '/api/v1/projects' } as const;
const err = (init: Omit<ApiErrorInit, 'endpoint' | 'url'>, message = '/api/v1/projects: technical english') =>
  new ApiError(message, { ...base, ...init });

describe('apiErrorText', () => {
  const cases: [string, unknown, Lang, string][] = [
    [
      'HTTP with a problem detail',
      err({
        kind: 'http',
        status: 500,
        problem: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'boom' },
      }),
      'fr',
      'erreur HTTP 500 — boom',
    ],
    [
      'HTTP with a problem title only',
      err({ kind: 'http', status: 404, problem: { type: 'about:blank', title: 'Not Found', status: 404 } }),
      'en',
      'HTTP error 404 — Not Found',
    ],
    ['network in Arabic, without the client’s English message', err({ kind: 'network' }), 'ar', 'الشبكة غير متاحة'],
    ['timeout', err({ kind: 'timeout' }, ''), 'fr', 'pas de réponse à temps'],
    [
      'invalid payload names the field',
      err({ kind: 'invalid-payload', status: 200, field: 'data[3].value' }, 'x'),
      'fr',
      'réponse invalide — le champ data[3].value n’a pas la forme attendue',
    ],
    ['malformed JSON', err({ kind: 'malformed-json' }, ''), 'en', 'unreadable response (malformed JSON)'],
    ['a plain Error', new Error('kaput'), 'fr', 'erreur inattendue — kaput'],
    ['a thrown string', 'kaput', 'en', 'unexpected error — kaput'],
    ['nothing usable', null, 'ar', 'خطأ غير متوقع'],
    ['an unknown kind is not trusted', { kind: 'teapot', message: '' }, 'en', 'unexpected error'],
  ];
  it.each(cases)('%s', (_name, error, lang, expected) => {
    expect(apiErrorText(error, lang)).toBe(expected);
  });

  it('never shows the client’s English kind wording in French or Arabic', () => {
    for (const lang of ['fr', 'ar'] as const) {
      const text = apiErrorText(err({ kind: 'http', status: 503 }, ''), lang);
      expect(text).not.toMatch(/HTTP error/);
      expect(text).toContain('503');
    }
  });

  it('cuts a huge technical detail at 240 characters', () => {
    const text = apiErrorDetail(err({ kind: 'invalid-payload', field: 'data[0].name' }, 'y'.repeat(1000)));
    expect(text?.endsWith('…')).toBe(true);
    expect(text?.length).toBeLessThan(300);
  });

  it('says an invalid answer in the reader’s language; the validator’s English words are the technical detail', () => {
    const invalid = err(
      { kind: 'invalid-payload', status: 200, field: 'data[3].value' },
      '/observations: data[3].value expected number, received string',
    );
    const texts = { fr: 'réponse invalide', ar: 'استجابة غير صالحة', en: 'invalid response' } as const;
    for (const lang of ['fr', 'ar', 'en'] as const) {
      const text = apiErrorText(invalid, lang);
      expect(text).toContain(texts[lang]);
      expect(text).toContain('data[3].value');
      expect(text).not.toMatch(/expected number|received/);
    }
    expect(apiErrorDetail(invalid)).toBe('/observations: data[3].value expected number, received string');
    expect(apiErrorDetail(err({ kind: 'malformed-json' }, '/x: the response is not valid JSON'))).toBeUndefined();
    expect(apiErrorDetail(err({ kind: 'http', status: 500 }))).toBeUndefined();
    expect(apiErrorDetail(err({ kind: 'timeout' }))).toBeUndefined();
    expect(apiErrorDetail('kaput')).toBeUndefined();
  });

  it('has every kind in fr, ar and en', () => {
    for (const entry of Object.values(apiErrorMessages)) {
      for (const lang of ['fr', 'ar', 'en'] as const) expect(entry[lang].length).toBeGreaterThan(0);
    }
  });
});
