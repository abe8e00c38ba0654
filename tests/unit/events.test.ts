// @vitest-environment jsdom
/**
 * Events on the time axis (issue 17): the contract's schema, the events data file and its check, the mock endpoint,
 * the placing transform, the chart model's schema, and the exports that burn events in (picture, CSV, slides).
 */
import { describe, expect, it } from 'vitest';
import { EventsResponse, IndicatorEvent } from '../../src/contract/contract.ts';
import { checkData, type DataFiles } from '../../src/data-check/check-data.ts';
import { readDataDir } from '../../scripts/data-check.ts';
import { answer } from '../../src/mocks/handlers.ts';
import { defaultDb, queryEvents } from '../../src/mocks/db.ts';
import { ChartModelSchema, type ChartEvent } from '../../src/transforms/chart-types.ts';
import {
  axisGrain,
  eventDateText,
  eventLine,
  eventsOffAxis,
  eventsOnAxis,
  placeEvents,
  withEvents,
} from '../../src/transforms/events.ts';
import { composeSvg, EXPORT_SIZES } from '../../src/export/compose-svg.ts';
import { buildCsv } from '../../src/export/csv.ts';
import { buildDeckSpec } from '../../src/export/pptx.ts';
import { lineModel } from './export-fixtures.ts';

const AMO: IndicatorEvent = {
  id: 'amo-generalisation',
  date: '2022-12',
  day: '2022-12-01',
  kind: 'reform',
  name: {
    fr: 'Généralisation de l’AMO',
    ar: 'تعميم التأمين الإجباري عن المرض',
    en: 'AMO generalisation',
  },
  indicators: ['amo-coverage-rate'],
  status: 'official',
  source: {
    publisher: 'CNSS',
    title: 'Chiffres de l’AMO Tadamon',
    url: 'https://medias24.com/x',
    published: '2023-10-19',
    retrieved: '2026-11-26',
  },
};
const CENSUS_2024: IndicatorEvent = {
  ...AMO,
  id: 'rgph-2024',
  date: '2024-09',
  day: '2024-09-01',
  kind: 'census',
  name: { fr: 'RGPH 2024', ar: 'الإحصاء 2024', en: 'RGPH 2024 census' },
};
const LATE: IndicatorEvent = { ...AMO, id: 'late', date: '2030-01', day: undefined };

describe('IndicatorEvent schema', () => {
  it('accepts a well-formed event', () => {
    expect(IndicatorEvent.safeParse(AMO).success).toBe(true);
  });
  it.each([
    ['a date that is not a period', { ...AMO, date: '12/2022' }],
    ['a day that is not ISO', { ...AMO, day: '1 Dec 2022' }],
    ['no indicator', { ...AMO, indicators: [] }],
    ['the imported status', { ...AMO, status: 'imported' }],
    ['an id that is not kebab-case', { ...AMO, id: 'AMO Généralisation' }],
    ['a name missing a language', { ...AMO, name: { fr: 'x', en: 'x' } }],
    ['a source without link', { ...AMO, source: { ...AMO.source, url: 'not a url' } }],
    ['an unknown kind', { ...AMO, kind: 'rumour' }],
  ])('rejects %s', (_what, bad) => {
    expect(IndicatorEvent.safeParse(bad).success).toBe(false);
  });
});

describe('data/events.json and its check', () => {
  let shipped: DataFiles;
  const load = async () => {
    shipped ??= (await readDataDir('data')).files;
    return structuredClone(shipped);
  };
  const eventRows = (f: DataFiles) => (f.events as { data: Record<string, unknown>[] }).data;

  it('parses with the contract and holds the December 2022 AMO event, official, with its source', async () => {
    const files = await load();
    const parsed = EventsResponse.parse(files.events);
    const amo = parsed.data.find((e) => e.id === 'amo-generalisation');
    expect(amo).toMatchObject({ date: '2022-12', status: 'official' });
    expect(amo?.indicators).toContain('amo-coverage-rate');
    expect(amo?.source.url).toMatch(/^https:\/\/medias24\.com\//);
    const { problems, summary } = checkData(files);
    expect(problems).toEqual([]);
    expect(summary.events).toBe(parsed.data.length);
  });

  it.each([
    ['an unknown indicator', (r: Record<string, unknown>) => (r.indicators = ['no-such-indicator']), 'indicators.0'],
    ['a day outside its date', (r: Record<string, unknown>) => (r.day = '2023-01-05'), 'day'],
    ['a day that is not a calendar date', (r: Record<string, unknown>) => (r.day = '2022-12-32'), 'day'],
    ['an estimate without a note', (r: Record<string, unknown>) => (r.status = 'estimate'), 'note'],
    ['a field unknown to the contract', (r: Record<string, unknown>) => (r.dateLabel = 'x'), 'dateLabel'],
    [
      'a French name left in English',
      (r: Record<string, unknown>) => (r.name = { fr: 'Same', ar: 'آخر', en: 'Same' }),
      'name.fr',
    ],
  ])('reports %s with file, row and field', async (_what, mutate, field) => {
    const files = await load();
    const rows = eventRows(files);
    const row = rows.findIndex((r) => r.id === 'amo-generalisation');
    mutate(rows[row] as Record<string, unknown>);
    expect(checkData(files).problems).toContainEqual(expect.objectContaining({ file: 'events.json', row, field }));
  });

  it('reports a duplicate id', async () => {
    const files = await load();
    const rows = eventRows(files);
    rows.push(structuredClone(rows[0] as Record<string, unknown>));
    expect(checkData(files).problems).toContainEqual(
      expect.objectContaining({ file: 'events.json', row: rows.length - 1, field: 'id' }),
    );
  });
});

describe('GET /events (mock)', () => {
  const db = defaultDb();
  it('answers the events of an indicator, sorted by date', () => {
    const res = answer(db, 'events', new URLSearchParams('indicator=amo-coverage-rate'));
    expect(res.status).toBe(200);
    const data = EventsResponse.parse((res as { json: unknown }).json).data;
    expect(data.map((e) => e.id)).toContain('amo-generalisation');
    expect(data.every((e) => e.indicators.includes('amo-coverage-rate'))).toBe(true);
  });
  it('answers every event without a parameter, in date order', () => {
    const res = answer(db, 'events', new URLSearchParams(''));
    const data = EventsResponse.parse((res as { json: unknown }).json).data;
    expect(data.length).toBe(queryEvents(db, {}).length);
    expect(data.length).toBeGreaterThanOrEqual(5);
    const dates = data.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });
  it.each([
    ['indicator=nope', 'unknown-indicator'],
    ['indicator=', 'invalid-parameter'],
    ['indicator=a&indicator=b', 'invalid-parameter'],
    ['territory=MA', 'unknown-parameter'],
  ])('?%s → 400 %s', (query, type) => {
    const res = answer(db, 'events', new URLSearchParams(query));
    expect(res.status).toBe(400);
    expect((res as { problem: { type: string } }).problem.type).toMatch(new RegExp(`${type}$`));
  });
});

describe('placeEvents', () => {
  it('places a month event at its month on a monthly or mixed axis, in range', () => {
    const events = placeEvents({ periods: ['2021', '2024', '2025-07'], events: [AMO], lang: 'fr' });
    expect(events).toEqual([
      expect.objectContaining({ id: 'amo-generalisation', kind: 'official', axisPeriod: '2022-12' }),
    ]);
    expect(eventDateText(events[0] as ChartEvent, 'fr')).toBe('déc. 2022');
  });

  it('puts a December 2022 event on 2022 on a yearly axis, and says so', () => {
    expect(axisGrain(['2014', '2022', '2024'])).toBe('year');
    const [e] = placeEvents({ periods: ['2014', '2022', '2024'], events: [AMO], lang: 'fr' });
    expect(e?.axisPeriod).toBe('2022');
    expect(eventDateText(e as ChartEvent, 'fr')).toBe('déc. 2022 (placé sur 2022 : axe annuel)');
    expect(eventDateText(e as ChartEvent, 'en')).toContain('placed on 2022: yearly axis');
  });

  it('puts a month event on its quarter on a quarterly axis', () => {
    const [e] = placeEvents({ periods: ['2022-Q3', '2023-Q2'], events: [AMO], lang: 'fr' });
    expect(e?.axisPeriod).toBe('2022-Q4');
  });

  it('lists an event outside the range with no axis position, never on the axis', () => {
    const events = placeEvents({ periods: ['2023-01', '2025-07'], events: [AMO, CENSUS_2024, LATE], lang: 'fr' });
    expect(eventsOnAxis(events).map((e) => e.id)).toEqual(['rgph-2024']);
    expect(eventsOffAxis(events).map((e) => e.id)).toEqual(['amo-generalisation', 'late']);
    // A census year axis 2014–2024: 2024-09 falls on 2024 (in range); 2030 does not.
    const census = placeEvents({ periods: ['2014', '2024'], events: [CENSUS_2024, LATE], lang: 'fr' });
    expect(census.map((e) => [e.id, e.axisPeriod])).toEqual([
      ['rgph-2024', '2024'],
      ['late', null],
    ]);
  });

  it("merges the user's events, marked as theirs, in date order; drops a bad period and an unsafe link", () => {
    const events = placeEvents({
      periods: ['2021', '2025-07'],
      events: [CENSUS_2024, AMO],
      userEvents: [
        { id: 'u1', period: '2023-03', text: 'Notre campagne locale', link: 'https://example.org/campagne' },
        { id: 'u2', period: '2024-09', text: 'Même mois', link: 'javascript:alert(1)' },
        { id: 'u3', period: 'mars 2023', text: 'mauvaise date' },
        { id: 'u4', period: '2023-05', text: '   ' },
      ],
      lang: 'fr',
    });
    expect(events.map((e) => [e.id, e.kind])).toEqual([
      ['amo-generalisation', 'official'],
      ['user-u1', 'user'],
      ['rgph-2024', 'official'],
      ['user-u2', 'user'],
    ]);
    expect(events[1]?.link).toBe('https://example.org/campagne');
    expect(events[3]?.link).toBeUndefined();
    expect(eventLine(events[1] as ChartEvent, 'fr')).toBe(
      'Votre événement · mars 2023 — Notre campagne locale (lien : https://example.org/campagne)',
    );
  });

  it('writes the line of an official event with its source, and the caveat of an estimate', () => {
    const [e] = placeEvents({ periods: ['2021', '2025'], events: [AMO], lang: 'fr' });
    expect(eventLine(e as ChartEvent, 'fr', { url: false })).toBe(
      'déc. 2022 (placé sur 2022 : axe annuel) — Généralisation de l’AMO (source : CNSS, « Chiffres de l’AMO Tadamon », 19 oct. 2023)',
    );
    const [est] = placeEvents({
      periods: ['2021-01', '2025-01'],
      events: [{ ...AMO, status: 'estimate', note: { fr: 'À vérifier.', ar: 'للتحقق.', en: 'To check.' } }],
      lang: 'en',
    });
    expect(eventLine(est as ChartEvent, 'en', { url: false })).toBe(
      'Dec 2022 — AMO generalisation (Estimate; To check.; source: CNSS, “Chiffres de l’AMO Tadamon”, 19 Oct 2023)',
    );
  });
});

describe('ChartModel with events', () => {
  const placed = placeEvents({ periods: ['2004', '2014', '2024'], events: [CENSUS_2024, LATE], lang: 'fr' });
  const model = withEvents(lineModel(), placed);

  it('carries the events and validates (stored snapshots keep them)', () => {
    expect(model.events?.map((e) => e.id)).toEqual(['rgph-2024', 'late']);
    expect(ChartModelSchema.safeParse(model).success).toBe(true);
    // Models stored before events existed still validate.
    expect(ChartModelSchema.safeParse(lineModel()).success).toBe(true);
  });

  it.each([
    ['a javascript: link', { kind: 'user', link: 'javascript:alert(1)' }],
    ['an unknown kind', { kind: 'rumour' }],
    ['an empty label', { label: '' }],
  ])('rejects an event with %s', (_what, patch) => {
    const bad = { ...model, events: [{ ...(model.events?.[0] as ChartEvent), ...patch }] };
    expect(ChartModelSchema.safeParse(bad).success).toBe(false);
  });

  it('has none when turned off, and none on a bar chart', () => {
    expect(withEvents(model, null).events).toBeUndefined();
    expect(withEvents(lineModel({ kind: 'bar' }), placed).events).toBeUndefined();
  });

  it('burns them into the picture: a numbered rule on the axis, a footer line with the source', () => {
    const svg = composeSvg(model, { ...EXPORT_SIZES['slide-16-9'], background: 'white', exportDate: '2026-12-05' });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const markers = [...doc.querySelectorAll('g.events g.event')];
    expect(markers.map((g) => g.getAttribute('data-events'))).toEqual(['1']);
    const footer = [...doc.querySelectorAll('text.event')].map((t) => t.textContent).join(' ');
    expect(footer).toContain('1 sept. 2024 (placé sur 2024 : axe annuel) — RGPH 2024');
    expect(footer).toContain('CNSS');
    expect(footer).toContain('Hors de la période affichée');
    // Placed at 2024, the last period: the same x as the last point of a line.
    const rule = markers[0]?.querySelector('line');
    const lastDot = [...doc.querySelectorAll('g.series circle')].at(-1);
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(Number(lastDot?.getAttribute('cx')), 1);
    // Without events, nothing of the kind.
    expect(
      composeSvg(lineModel(), { ...EXPORT_SIZES['square'], background: 'white', exportDate: '2026-12-05' }),
    ).not.toMatch(/class="event/);
  });

  it('lists them in the CSV (both flavours) and on the slide and in its notes', () => {
    const csv = buildCsv({ model, variant: 'displayed', exportDate: '2026-12-05' });
    expect(csv).toContain('# Événement,');
    expect(csv).toContain('RGPH 2024');
    const fr = buildCsv({ model, variant: 'displayed', exportDate: '2026-12-05', flavour: 'excel-fr' });
    const lines = fr.split('\r\n');
    const header = lines.findIndex((l) => l.includes('Territoire'));
    const event = lines.findIndex((l) => l.startsWith('# Événement;'));
    expect(event).toBeGreaterThan(header);
    const slide = buildDeckSpec([model], 'fr', '2026-12-05').slides[0];
    expect(slide?.footnotes[0]).toMatch(/^Événements : sept\. 2024 .* — RGPH 2024$/);
    expect(slide?.notes).toContain('https://medias24.com/x');
    expect(slide?.notes).toContain('Hors de la période affichée');
  });
});
