// @vitest-environment node
/**
 * Issue 8 item 3 (hostile inputs), the pure parts: what the view-state URL parser keeps from a crafted URL,
 * the CSV and XML escapers against arbitrary labels, the mock's `hostile` fault, and the client's timeout
 * override (issue 8 item 1, so `hang` is testable). The existing tests (tests/unit/view-state-url.test.ts,
 * export-csv/svg/pptx) cover fixed hostile cases; these add properties over arbitrary input.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { storedTimeoutMs, TIMEOUT_STORAGE_KEY } from '../../src/api/client.ts';
import { noticeText } from '../../src/app/notices.tsx';
import { rangeIsEmpty } from '../../src/contract/period.ts';
import { csvTextCell } from '../../src/export/csv.ts';
import { escapeXml } from '../../src/export/xml.ts';
import { FAULTS, HOSTILE_LABELS, parseFaultSpec, rewriteBody } from '../../src/mocks/faults.ts';
import { EXPLORER_TABS, MEASURES, parseViewUrl, VIEWS } from '../../src/state/view-state.ts';
import { MAX_TERRITORIES } from '../../src/transforms/selection.ts';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const CODE = /^MA(-[A-Z0-9]{2,3}){0,2}$/;
const PARAMS = [
  'view',
  'lang',
  'tab',
  'measure',
  'indicator',
  'territories',
  'from',
  'to',
  'period',
  'status',
] as const;

/** A value an attacker might put in a parameter. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '=HYPERLINK("http://evil.example","x")',
    '</svg>',
    '9999-Q9',
    '2024-13',
    '0000',
    '-1',
    'MA-99,MA-06,MA-06',
    '__proto__',
    'constructor',
    'x'.repeat(5_000),
  ),
);

describe('parseViewUrl keeps only well-formed values, whatever the URL', () => {
  it('every kept value has its valid shape, and every dropped one a notice', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PARAMS), hostileValue), { maxLength: 8 }), (pairs) => {
        const search = `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
        const { state, notices } = parseViewUrl(search);
        expect(VIEWS).toContain(state.view);
        expect(['fr', 'ar', 'en']).toContain(state.lang);
        expect(EXPLORER_TABS).toContain(state.tab);
        expect(MEASURES).toContain(state.measure);
        for (const p of [state.from, state.to, state.period]) if (p !== null) expect(p).toMatch(PERIOD);
        // Compared as periods (one rule, src/contract/period.ts): from=2024-Q1&to=2024-03 is a valid range.
        if (state.from !== null && state.to !== null) expect(rangeIsEmpty(state.from, state.to)).toBe(false);
        for (const code of state.territories) expect(code).toMatch(CODE);
        expect(new Set(state.territories).size).toBe(state.territories.length);
        if (state.indicator !== null) expect(state.indicator).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        // Notices can be shown: bounded in number, and their text bounded in length.
        expect(notices.length).toBeLessThanOrEqual(20);
        for (const n of notices)
          for (const lang of ['fr', 'ar', 'en'] as const) expect(noticeText(n, lang).length).toBeLessThan(300);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['unknown language', '?lang=xx', 'lang'],
    ['script in the language', '?lang=<script>alert(1)</script>', 'lang'],
    ['impossible month', '?from=2024-13', 'from'],
    ['impossible quarter', '?to=2024-Q9', 'to'],
    ['period of letters', '?period=abcd', 'period'],
    ['script as an indicator', '?indicator=<script>alert(1)</script>', 'indicator'],
    ['unknown view', '?view=admin', 'view'],
    ['formula as a territory', '?territories==HYPERLINK("x")', 'territories'],
  ])('%s → dropped with a notice on %s', (_label, search, parameter) => {
    const { state, notices } = parseViewUrl(search);
    expect(notices.map((n) => n.parameter)).toContain(parameter);
    expect(JSON.stringify(state)).not.toMatch(/<script>|HYPERLINK|admin|abcd|2024-13|Q9|"xx"/);
  });

  it(`thousands of well-formed territory codes: at most ${MAX_TERRITORIES * 8} kept, few notices`, () => {
    const codes = Array.from(
      { length: 5_000 },
      (_, i) => `MA-${String(i % 100).padStart(2, '0')}-${String(Math.floor(i / 100)).padStart(2, '0')}`,
    );
    const started = performance.now();
    const { state, notices } = parseViewUrl(`?territories=${codes.join(',')}`);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(state.territories.length).toBeLessThanOrEqual(MAX_TERRITORIES * 8);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.length).toBeLessThanOrEqual(20);
  });
});

/** Unquote one RFC 4180 cell as a spreadsheet would read it. */
function readCell(cell: string): string {
  return cell.startsWith('"') && cell.endsWith('"') && cell.length >= 2 ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('escapers over arbitrary labels', () => {
  it('a CSV text cell never reads as a formula and round-trips', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom(...HOSTILE_LABELS),
          fc.string().map((s) => `=${s}`),
        ),
        (label) => {
          const read = readCell(csvTextCell(label));
          expect(read).not.toMatch(/^[=+\-@\t\r]/);
          expect(read === label || read === `'${label}`).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('escaped XML text holds no markup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_LABELS)), (label) => {
        const out = escapeXml(label);
        expect(out).not.toMatch(/[<>"']/);
        // Every & starts one of the five entities.
        expect(out.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
      }),
      { numRuns: 500 },
    );
  });
});

describe('the mock hostile fault', () => {
  it('is a known fault that prefixes every name and title and keeps the rest', () => {
    expect(Object.keys(FAULTS)).toContain('hostile');
    const spec = parseFaultSpec('hostile:territories');
    expect(spec.rejected).toEqual([]);
    const items = [
      {
        code: 'MA-06',
        name: { fr: 'Casablanca-Settat', ar: 'الدار البيضاء سطات', en: 'Casablanca-Settat' },
        population: 1,
      },
      { id: 'p', title: { fr: 'Stade', ar: 'ملعب', en: 'Stadium' } },
      { code: 'MA', name: { fr: 'Maroc', ar: 'المغرب', en: 'Morocco' } },
    ];
    const out = rewriteBody(spec.faults, { json: { data: items } });
    expect(out).toEqual({
      json: {
        data: [
          {
            ...items[0],
            name: {
              fr: `${HOSTILE_LABELS[0]} Casablanca-Settat`,
              ar: `${HOSTILE_LABELS[0]} الدار البيضاء سطات`,
              en: `${HOSTILE_LABELS[0]} Casablanca-Settat`,
            },
          },
          {
            ...items[1],
            title: {
              fr: `${HOSTILE_LABELS[1]} Stade`,
              ar: `${HOSTILE_LABELS[1]} ملعب`,
              en: `${HOSTILE_LABELS[1]} Stadium`,
            },
          },
          {
            ...items[2],
            name: {
              fr: `${HOSTILE_LABELS[2]} Maroc`,
              ar: `${HOSTILE_LABELS[2]} المغرب`,
              en: `${HOSTILE_LABELS[2]} Morocco`,
            },
          },
        ],
      },
    });
  });

  it('leaves a non-list body alone', () => {
    const body = { text: 'not json' };
    expect(rewriteBody(parseFaultSpec('hostile').faults, body)).toBe(body);
  });
});

describe('client timeout override (localStorage mouchir.timeoutMs)', () => {
  const store = new Map<string, string>();
  const fake = { getItem: (k: string) => store.get(k) ?? null } as unknown as Storage;
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    store.clear();
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it.each([
    [null, undefined],
    ['1000', 1000],
    ['2500', 2500],
    ['120000', 120000],
    ['999', undefined],
    ['120001', undefined],
    ['-5', undefined],
    ['1e4', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('%j → %j', (raw, expected) => {
    Object.defineProperty(globalThis, 'localStorage', { value: fake, configurable: true });
    if (raw !== null) store.set(TIMEOUT_STORAGE_KEY, raw);
    expect(storedTimeoutMs()).toBe(expected);
  });

  it('a storage that throws means no override', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(storedTimeoutMs()).toBeUndefined();
  });
});
