/**
 * The saved-views file (issue 17): written and read back unchanged; every bad file (malformed, another format, newer
 * version, huge, too many views, one bad view) is refused whole with its own problem; markup and formula-like names
 * are kept as text and counted; the names' and links' rules; the spreadsheet neutraliser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  MAX_VIEWS,
  parseSavedViewsFile,
  readSavedViewsFile,
  serializeSavedViewsFile,
} from '../../src/saved-views/views-file.ts';
import { cleanText, isHttpLink, looksLikeFormula, spreadsheetSafeText } from '../../src/saved-views/names.ts';
import { canonicalQuery, selectionKey } from '../../src/saved-views/query.ts';
import { checkEvent } from '../../src/saved-views/events.ts';
import type { SavedView } from '../../src/saved-views/types.ts';
import { lineModel } from './export-fixtures.ts';
import { fileText, savedView } from './saved-views-fixtures.ts';

const NOW = new Date('2026-12-05T08:00:00Z');

function problem(text: string) {
  const r = parseSavedViewsFile(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

describe('saved-views file', () => {
  it('round-trips views (with a chart, events and a link) in their order', () => {
    const views: SavedView[] = [
      savedView({ id: 'a', name: 'Première', model: lineModel() }),
      savedView({
        id: 'b',
        name: 'Deuxième',
        query: 'view=compare&territories=MA-01&lang=ar',
        events: [{ id: 'e1', period: '2022-12', text: 'Généralisation AMO', link: 'https://www.cnss.ma/' }],
      }),
    ];
    const r = parseSavedViewsFile(serializeSavedViewsFile(views, NOW));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.views).toEqual(views);
    expect(r.markupNames).toBe(0);
    expect(r.formulaNames).toBe(0);
  });

  it('refuses malformed JSON, an empty file and another format', () => {
    expect(problem('{"format":"mouchir-saved-views","version":1,"views":[')).toEqual({ kind: 'not-json' });
    expect(problem('   ')).toEqual({ kind: 'empty-file' });
    expect(problem('[1,2,3]')).toEqual({ kind: 'not-saved-views' });
    expect(problem('{"format":"mouchir-dataset","version":1,"views":[]}')).toEqual({ kind: 'not-saved-views' });
    expect(problem(fileText([], { version: '1' }))).toEqual({ kind: 'not-saved-views' });
    expect(problem(fileText({ a: 1 }))).toEqual({ kind: 'not-saved-views' });
    expect(problem(fileText([]))).toEqual({ kind: 'no-views' });
  });

  it('refuses a newer version by its number', () => {
    expect(problem(fileText([savedView()], { version: 2 }))).toEqual({ kind: 'newer-version', version: 2 });
  });

  it('refuses a huge file before reading it, and a huge text before parsing it', async () => {
    const huge = new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]);
    let read = false;
    const spy = Object.assign(huge, {
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    });
    expect(await readSavedViewsFile(spy)).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: MAX_FILE_BYTES + 1 },
    });
    expect(read).toBe(false);
    // A string over the cap is refused without JSON.parse (it would be valid JSON otherwise).
    const text = fileText([savedView({ name: 'x' })]).replace('"x"', `"${'x'.repeat(MAX_FILE_BYTES)}"`);
    expect(problem(text).kind).toBe('too-large');
  });

  it('refuses too many views, and a file with one bad view whole (naming the view and the field)', () => {
    const many = Array.from({ length: MAX_VIEWS + 1 }, (_, i) => savedView({ id: `v${i}` }));
    expect(problem(fileText(many))).toEqual({ kind: 'too-many', count: MAX_VIEWS + 1 });
    const bad = [
      savedView({ id: 'ok1' }),
      { ...savedView({ id: 'ok2' }), events: [{ id: 'e', period: '2024-13', text: 'x' }] },
    ];
    expect(problem(fileText(bad))).toEqual({ kind: 'invalid-view', index: 1, field: 'events.0.period' });
    const badLink = [{ ...savedView(), events: [{ id: 'e', period: '2024', text: 'x', link: 'javascript:alert(1)' }] }];
    expect(problem(fileText(badLink))).toEqual({ kind: 'invalid-view', index: 0, field: 'events.0.link' });
    expect(problem(fileText([{ ...savedView(), name: '   ' }]))).toEqual({
      kind: 'invalid-view',
      index: 0,
      field: 'name',
    });
    expect(problem(fileText([{ ...savedView(), model: { title: 42 } }])).kind).toBe('invalid-view');
  });

  it('keeps markup and formula-like names as text, and counts them', () => {
    const names = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil","x")', "+cmd|'/C calc'!A0", '@SUM(1+1)'];
    const r = parseSavedViewsFile(fileText(names.map((name, i) => savedView({ id: `v${i}`, name }))));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.views.map((v) => v.name)).toEqual(names);
    expect(r.markupNames).toBe(1);
    expect(r.formulaNames).toBe(3);
    expect(r.views.map((v) => spreadsheetSafeText(v.name))).toEqual([names[0], ...names.slice(1).map((n) => `'${n}`)]);
  });

  it('stores queries in canonical form (foreign and junk parameters dropped)', () => {
    const r = parseSavedViewsFile(
      fileText([savedView({ query: '?lang=ar&mock=slow&territories=MA-01&view=explorer&x=<b>' })]),
    );
    expect(r.ok && r.views[0]?.query).toBe('view=explorer&territories=MA-01&lang=ar');
    expect(canonicalQuery('view=compare&lang=fr')).toBe('view=compare');
    expect(selectionKey('view=compare&lang=ar')).toBe(selectionKey('view=compare'));
    expect(selectionKey('view=explorer&tab=map')).not.toBe(selectionKey('view=explorer'));
  });

  it('never throws and never accepts a view that breaks the schema, whatever the JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (views) => {
        const r = parseSavedViewsFile(fileText(views));
        if (r.ok) {
          expect(Array.isArray(views)).toBe(true);
          expect(r.views.length).toBe((views as unknown[]).length);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parseSavedViewsFile(text);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });

  it('round-trips any valid name and event text (cleaned once, stable after)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 120 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (name, text) => {
          const cleanName = cleanText(name);
          const cleanEvent = cleanText(text);
          fc.pre(cleanName !== '' && cleanEvent !== '');
          const view = savedView({ name: cleanName, events: [{ id: 'e', period: '2024-Q2', text: cleanEvent }] });
          const r = parseSavedViewsFile(serializeSavedViewsFile([view], NOW));
          expect(r.ok && r.views[0]).toEqual(view);
        },
      ),
    );
  });
});

describe('names, links and events', () => {
  it('removes control and bidi-override characters', () => {
    expect(cleanText(' a\u0000b\u202Ec \n d ')).toBe('a b c d');
  });

  it('accepts http(s) links only', () => {
    expect(isHttpLink('https://www.hcp.ma/x?y=1')).toBe(true);
    expect(isHttpLink('http://example.org')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', '/relative', 'ftp://x', 'https://'])
      expect(isHttpLink(bad)).toBe(false);
  });

  it('sees formula starts after leading spaces too', () => {
    expect(looksLikeFormula('  =1+1')).toBe(true);
    expect(looksLikeFormula('Budget 2024 = hausse')).toBe(false);
  });

  it('checks a typed event: period syntax, text, link', () => {
    expect(checkEvent({ period: ' 2023-q4 ', text: ' Lancement ', link: '' })).toEqual({
      ok: true,
      event: { period: '2023-Q4', text: 'Lancement' },
    });
    expect(checkEvent({ period: '2023-13', text: '', link: 'javascript:x' })).toEqual({
      ok: false,
      problems: { period: 'invalid', text: 'empty', link: 'invalid' },
    });
    expect(checkEvent({ period: '2024', text: 'x'.repeat(301), link: 'https://a.ma' })).toEqual({
      ok: false,
      problems: { text: 'too-long' },
    });
  });
});
