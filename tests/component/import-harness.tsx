/**
 * Shared pieces of the import dialog's component tests (tests/component/import-*.test.tsx): a fake import client
 * (what the worker would answer, recording every call), previews and results shaped like src/import/types.ts,
 * rendering the entry inside a query client, capturing downloads, and an axe run on the dialog.
 *
 * Each test file mocks the modules itself (vi.mock is hoisted per file):
 *   vi.mock('../../src/import/client.ts', () => ({ createImportClient: () => fake.client }));
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect, vi } from 'vitest';
import type { Lang } from '../../src/contract/contract.ts';
import { ImportEntry, type ImportEntryStart } from '../../src/features/import/index.ts';
import {
  ImportError,
  type ImportClient,
  type ImportResult,
  type ImportSettings,
  type Preview,
  type ReadOptions,
  type RowReject,
} from '../../src/import/types.ts';
import type { DatasetMeta } from '../../src/user-data/types.ts';

/** A French-Excel CSV as the worker previews it: province, year, value; one formula-like and one markup label. */
export function frenchPreview(patch: Partial<Preview> = {}): Preview {
  return {
    fileName: 'beneficiaires_2025.csv',
    fileKind: 'csv',
    bytes: 412,
    encoding: 'windows-1252',
    encodingDetected: true,
    separator: ';',
    decimal: 'comma',
    sheets: [],
    sheet: null,
    headerRow: 0,
    columns: [
      { index: 0, header: 'Province', role: 'territory' },
      { index: 1, header: 'Année', role: 'period' },
      { index: 2, header: 'Bénéficiaires', role: 'value' },
      { index: 3, header: 'Commentaire', role: 'ignored' },
    ],
    rows: [
      ['Béni Mellal', '2024', '1 234', ''],
      ['Laayoune', '2024', '980,5', ''],
      ['الرباط', '2024', '2 100', ''],
      ['Atlantis', '2024', '12', '=HYPERLINK("x")'],
      ['<img src=x onerror=alert(1)>', '2024', 'abc', ''],
    ],
    rowCount: 7,
    mapping: { layout: 'long', territory: 0, period: 1, value: 2, indicator: null },
    valueKindGuess: 'count',
    issues: [],
    ...patch,
  };
}

const BASE_REJECTS: RowReject[] = [
  { row: 6, column: 2, header: 'Bénéficiaires', value: 'abc', reason: 'not-a-number', params: { decimal: 'comma' } },
  { row: 7, column: 2, header: 'Bénéficiaires', value: '-4', reason: 'negative-count' },
  { row: 8, column: 0, header: 'Province', value: '=SUM(A1:A3)', reason: 'unknown-territory' },
];

/** What the worker answers for a run: Atlantis is unmatched until the settings match or skip it. */
export function resultFor(settings: ImportSettings): ImportResult {
  const atlantis = settings.territoryMatches?.Atlantis;
  const chosen = atlantis !== undefined;
  const observations = [
    { indicator: settings.indicator, territory: 'MA-BEM', period: '2024', value: 1234, status: 'imported' as const },
    { indicator: settings.indicator, territory: 'MA-LAA', period: '2024', value: 980.5, status: 'imported' as const },
    { indicator: settings.indicator, territory: 'MA-RAB', period: '2024', value: 2100, status: 'imported' as const },
    ...(chosen && atlantis
      ? [{ indicator: settings.indicator, territory: atlantis, period: '2024', value: 12, status: 'imported' as const }]
      : []),
  ];
  const rejects: RowReject[] = [
    ...BASE_REJECTS,
    ...(chosen && atlantis === null
      ? [{ row: 5, column: 0, header: 'Province', value: 'Atlantis', reason: 'skipped-territory' as const }]
      : []),
    ...(!chosen
      ? [{ row: 5, column: 0, header: 'Province', value: 'Atlantis', reason: 'unknown-territory' as const }]
      : []),
  ];
  return {
    observations,
    frequencies: { [settings.indicator]: 'annual' },
    levels: { [settings.indicator]: ['province'] },
    rejects,
    matches: [
      { label: 'Béni Mellal', code: 'MA-BEM', by: 'name', rows: 1 },
      { label: 'Laayoune', code: 'MA-LAA', by: 'name', rows: 1 },
      { label: 'الرباط', code: 'MA-RAB', by: 'name', rows: 1 },
      ...(chosen && atlantis ? [{ label: 'Atlantis', code: atlantis, by: 'manual' as const, rows: 1 }] : []),
    ],
    unmatched: chosen ? [] : [{ label: 'Atlantis', rows: 1, rowNumbers: [5], suggestions: ['MA-RAB'] }],
    issues: [{ code: 'formula-labels', params: { count: 1 } }],
    stats: {
      rows: 7,
      observations: observations.length,
      rejected: rejects.length,
      gaps: 0,
      suppressed: settings.smallCountThreshold && settings.smallCountThreshold > 12 ? 1 : 0,
      territories: observations.length,
      periods: 1,
      firstPeriod: '2024',
      lastPeriod: '2024',
      ms: 3,
    },
  };
}

/** A fake import client: answers like the worker, records calls; `failLoad`/`failRun` make the next call reject. */
export function fakeImportClient() {
  const state = {
    loads: [] as ReadOptions[],
    rereads: [] as ReadOptions[],
    runs: [] as ImportSettings[],
    preview: frenchPreview(),
    failLoad: null as Error | null,
    failRun: null as Error | null,
    /** When true, `load` waits until `cancel()` and then rejects with ImportError('cancelled'). */
    hangLoad: false,
    cancelled: 0,
    disposed: 0,
  };
  let cancelPending: (() => void) | null = null;
  const client: ImportClient = {
    load: async (_data, options) => {
      state.loads.push(options);
      if (state.hangLoad)
        await new Promise<void>((_resolve, reject) => {
          cancelPending = () => reject(new ImportError('cancelled'));
        });
      if (state.failLoad) throw state.failLoad;
      return { ...state.preview, fileName: options.fileName };
    },
    reread: async (options) => {
      state.rereads.push(options);
      return {
        ...state.preview,
        fileName: options.fileName,
        ...(options.encoding ? { encoding: options.encoding, encodingDetected: false } : {}),
      };
    },
    run: async (settings) => {
      state.runs.push(settings);
      if (state.failRun) throw state.failRun;
      return resultFor(settings);
    },
    cancel: () => {
      state.cancelled += 1;
      cancelPending?.();
      cancelPending = null;
    },
    dispose: () => {
      state.disposed += 1;
    },
  };
  return { state, client };
}

/** A stored dataset's description. */
export function datasetMeta(patch: Partial<DatasetMeta> = {}): DatasetMeta {
  return {
    id: 'benef25',
    name: { fr: 'Bénéficiaires 2025' },
    unit: { code: 'count', label: { fr: 'bénéficiaires' } },
    kind: 'count',
    source: {
      publisher: 'Conseil régional',
      title: 'Suivi des bénéficiaires',
      published: '2025-01-15',
      url: 'https://example.org/suivi',
    },
    fileName: 'beneficiaires_2025.csv',
    importedAt: '2026-12-05T01:00:00.000Z',
    frequency: 'annual',
    levels: ['province'],
    rowCount: 4,
    ...patch,
  };
}

/** Render the entry button in a fresh query client (no retries) and open the dialog. */
export async function openDialog(lang: Lang = 'fr', start: ImportEntryStart = 'import') {
  const user = userEvent.setup();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <main>
        <ImportEntry lang={lang} start={start} />
      </main>
    </QueryClientProvider>,
  );
  const label = { import: { fr: 'Importer des données', ar: 'استيراد بيانات', en: 'Import data' } }.import;
  const names = start === 'import' ? label : { fr: 'Mes données', ar: 'بياناتي', en: 'My data' };
  await user.click(screen.getByRole('button', { name: names[lang] }));
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  return { user, dialog, queryClient, ...view };
}

/** A file the way an input gives it. */
export function csvFile(name = 'beneficiaires_2025.csv', text = 'Province;Année;Bénéficiaires\r\n'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** Capture what would be downloaded: the blob handed to createObjectURL and the anchor's file name. */
export function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob | MediaSource) => {
    last = b as Blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) files.push({ name: this.download, blob: last });
  });
  return files;
}

/**
 * axe-core on an element (jsdom: no layout, so colour contrast is left to the e2e run in Chromium). Returns the
 * violations as "rule: target" lines, so a failure names what to fix — and the checks axe could not run (its
 * `error-occurred`), so a broken audit fails instead of passing silently.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  // axe looks for an open modal dialog with elementFromPoint, which jsdom lacks: without a stub every rule errors
  // out (as "incomplete") and nothing is reported.
  const doc = element.ownerDocument as Document & { elementFromPoint?: unknown };
  if (typeof doc.elementFromPoint !== 'function') doc.elementFromPoint = () => null;
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  const errored = results.incomplete.filter((r) =>
    r.nodes.some((n) => [...n.any, ...n.all, ...n.none].some((c) => c.id === 'error-occurred')),
  );
  return [...results.violations, ...errored].flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`),
  );
}

/** Assert the dialog has no axe violation. */
export async function expectAxeClean(element: Element): Promise<void> {
  expect(await axeViolations(element)).toEqual([]);
}
