/**
 * Import (issue 15): row validation — each reject reason with its row number (as the spreadsheet shows it),
 * column, value and reason code; gaps only when asked; one frequency per indicator; manual matches and skips; wide
 * layout and indicator column; small-count counting; hostile labels (formulas, markup) kept as text and never
 * evaluated; the rejects CSV (neutralised by the export's own cell function) and the 88-territory template.
 */
import { describe, expect, it } from 'vitest';
import { Observation } from '../../src/contract/contract.ts';
import { csvTextCell } from '../../src/export/csv.ts';
import { rejectsCsv, columnLetters } from '../../src/import/rejects-csv.ts';
import { territoryTemplateCsv } from '../../src/import/template.ts';
import { GAP_NOTE } from '../../src/import/validate.ts';
import { encodeCodePage, importOf, TERRITORIES, utf8 } from '../fixtures/import/helpers.ts';

const csv = (lines: string[]): Uint8Array => utf8(`${lines.join('\n')}\n`);

describe('valid rows', () => {
  it('become contract observations with status imported, sorted by territory and period', async () => {
    const { result } = await importOf(
      csv(['territoire;periode;valeur', 'Fès;2024-02;1 204', 'MA-BES;2024-01;3', 'Fès;2024-01;12,5']),
      { valueKind: 'other' },
    );
    expect(result.observations).toEqual([
      { indicator: 'mes-donnees', territory: 'MA-BES', period: '2024-01', value: 3, status: 'imported' },
      { indicator: 'mes-donnees', territory: 'MA-FES', period: '2024-01', value: 12.5, status: 'imported' },
      { indicator: 'mes-donnees', territory: 'MA-FES', period: '2024-02', value: 1204, status: 'imported' },
    ]);
    for (const o of result.observations) expect(Observation.safeParse(o).success).toBe(true);
    expect(result.frequencies).toEqual({ 'mes-donnees': 'monthly' });
    expect(result.levels).toEqual({ 'mes-donnees': ['province'] });
    expect(result.stats).toMatchObject({
      rows: 3,
      observations: 3,
      rejected: 0,
      territories: 2,
      periods: 2,
      firstPeriod: '2024-01',
      lastPeriod: '2024-02',
    });
    expect(result.matches).toEqual([
      { label: 'Fès', code: 'MA-FES', by: 'name', rows: 2 },
      { label: 'MA-BES', code: 'MA-BES', by: 'iso', rows: 1 },
    ]);
  });
});

describe('each reject reason', () => {
  const file = csv([
    'territoire,annee,valeur', // row 1
    'MA-01,2024,abc', // 2: not-a-number
    'MA-02,2024,-5', // 3: negative-count
    'MA-03,2024,7', // 4: ok
    'MA-03,2024,8', // 5: duplicate of row 4
    'Atlantis,2024,1', // 6: unknown-territory
    'MA-04,2024,', // 7: empty-value
    'MA-05,20x4,1', // 8: bad-period
    ',2024,1', // 9: empty-territory
  ]);

  it('names row, column, header, value and reason (+ params)', async () => {
    const { result } = await importOf(file);
    expect(result.rejects).toEqual([
      { row: 2, column: 2, header: 'valeur', value: 'abc', reason: 'not-a-number', params: { decimal: 'dot' } },
      { row: 3, column: 2, header: 'valeur', value: '-5', reason: 'negative-count' },
      { row: 5, column: 2, header: 'valeur', value: '8', reason: 'duplicate', params: { firstRow: 4 } },
      { row: 6, column: 0, header: 'territoire', value: 'Atlantis', reason: 'unknown-territory' },
      { row: 7, column: 2, header: 'valeur', value: '', reason: 'empty-value' },
      { row: 8, column: 1, header: 'annee', value: '20x4', reason: 'bad-period' },
      { row: 9, column: 0, header: 'territoire', value: '', reason: 'empty-territory' },
    ]);
    expect(result.observations.map((o) => [o.territory, o.value])).toEqual([['MA-03', 7]]);
    expect(result.unmatched).toEqual([{ label: 'Atlantis', rows: 1, rowNumbers: [6], suggestions: expect.any(Array) }]);
    expect(result.issues).toContainEqual({ code: 'unmatched-territories', params: { count: 1 } });
    expect(result.stats.rejected).toBe(7);
  });

  it('keeps an empty value as a gap (value null with a note) only when asked', async () => {
    const { result } = await importOf(file, { emptyAsGap: true });
    const gap = result.observations.find((o) => o.territory === 'MA-04');
    expect(gap).toEqual({
      indicator: 'mes-donnees',
      territory: 'MA-04',
      period: '2024',
      value: null,
      status: 'imported',
      note: GAP_NOTE,
    });
    expect(Observation.safeParse(gap).success).toBe(true);
    expect(result.rejects.map((r) => r.reason)).not.toContain('empty-value');
    expect(result.stats.gaps).toBe(1);
  });

  it('rejects a rate outside 0–100 but accepts negatives for "other" values', async () => {
    const rates = csv(['code,annee,taux', 'MA-01,2024,12.5', 'MA-02,2024,100.5', 'MA-03,2024,-1']);
    const r = await importOf(rates, { valueKind: 'rate' });
    expect(r.result.rejects.map((x) => [x.row, x.reason, x.params])).toEqual([
      [3, 'rate-out-of-range', { min: 0, max: 100 }],
      [4, 'rate-out-of-range', { min: 0, max: 100 }],
    ]);
    const o = await importOf(rates, { valueKind: 'other' });
    expect(o.result.rejects).toEqual([]);
  });

  it('rejects the minority frequency, naming each row, and reports mixed-frequency', async () => {
    const { result } = await importOf(
      csv(['code,periode,valeur', 'MA-01,2024-01,1', 'MA-01,2024-02,2', 'MA-01,2024,3', 'MA-01,2024-Q2,4']),
    );
    expect(result.frequencies).toEqual({ 'mes-donnees': 'monthly' });
    expect(result.rejects).toEqual([
      {
        row: 4,
        column: 1,
        header: 'periode',
        value: '2024',
        reason: 'mixed-frequency',
        params: { kind: 'year', expected: 'month' },
      },
      {
        row: 5,
        column: 1,
        header: 'periode',
        value: '2024-Q2',
        reason: 'mixed-frequency',
        params: { kind: 'quarter', expected: 'month' },
      },
    ]);
    expect(result.issues).toContainEqual({
      code: 'mixed-frequency',
      params: { indicator: 'mes-donnees', kinds: 'year,quarter,month', kept: 'month' },
    });
  });
});

describe('files as statistical offices write them', () => {
  it('reads a file without a header row (row numbers from 1)', async () => {
    const { preview, result } = await importOf(csv(['MA-01;2024;3', 'Fès;2024;4', 'Atlantis;2024;5']));
    expect(preview.headerRow).toBe(-1);
    expect(preview.rowCount).toBe(3);
    expect(result.observations.map((o) => o.territory)).toEqual(['MA-01', 'MA-FES']);
    expect(result.rejects).toEqual([{ row: 3, column: 0, header: '', value: 'Atlantis', reason: 'unknown-territory' }]);
  });

  it.each(['-', '–', '..', '...', 'n.d.', 'ND', 'n/a', 'NA', 'nc', 's.o.', '#N/A'])(
    'takes %j as an empty value (a gap when asked, else empty-value)',
    async (marker) => {
      const file = csv(['code;annee;valeur', `MA-01;2024;${marker}`, 'MA-02;2024;-3']);
      const rejected = await importOf(file, { valueKind: 'other' });
      expect(rejected.result.rejects).toEqual([
        { row: 2, column: 2, header: 'valeur', value: marker, reason: 'empty-value' },
      ]);
      expect(rejected.result.observations.map((o) => o.value)).toEqual([-3]);
      const gaps = await importOf(file, { valueKind: 'other', emptyAsGap: true });
      expect(gaps.result.observations.map((o) => o.value)).toEqual([null, -3]);
    },
  );
});

describe("the caller's choices", () => {
  const file = csv(['nom,annee,valeur', 'Oujda,2024,5', 'Total,2024,99', 'Fès,2024,1']);

  it('applies manual matches and skips (a skipped label is a reject, never silent)', async () => {
    const { result } = await importOf(file, { territoryMatches: { Oujda: 'MA-OUJ', Total: null } });
    expect(result.observations.map((o) => o.territory)).toEqual(['MA-FES', 'MA-OUJ']);
    expect(result.matches).toContainEqual({ label: 'Oujda', code: 'MA-OUJ', by: 'manual', rows: 1 });
    expect(result.rejects).toEqual([{ row: 3, column: 0, header: 'nom', value: 'Total', reason: 'skipped-territory' }]);
    expect(result.unmatched).toEqual([]);
  });

  it('reads a WIDE file, one observation per period cell', async () => {
    const { preview, result } = await importOf(csv(['Région;2023;2024', 'Casablanca-Settat;10;11', 'MA-01;;3']));
    expect(preview.mapping?.layout).toBe('wide');
    expect(result.observations.map((o) => `${o.territory} ${o.period} ${o.value}`)).toEqual([
      'MA-01 2024 3',
      'MA-06 2023 10',
      'MA-06 2024 11',
    ]);
    expect(result.rejects).toEqual([{ row: 3, column: 1, header: '2023', value: '', reason: 'empty-value' }]);
    expect(result.levels).toEqual({ 'mes-donnees': ['region'] });
  });

  it('maps an indicator column to indicator ids, skipping or rejecting the others', async () => {
    const multi = csv([
      'indicateur,territoire,annee,valeur',
      'Bénéficiaires,MA-01,2024,5',
      'Dossiers,MA-01,2024,7',
      'Autre,MA-01,2024,9',
      'Dossiers,MA-02,2024-03,1',
    ]);
    const { preview, result } = await importOf(multi, {
      indicators: { Bénéficiaires: 'beneficiaires', Dossiers: 'dossiers' },
    });
    expect(preview.mapping).toMatchObject({ layout: 'long', indicator: 0, territory: 1, period: 2, value: 3 });
    expect(result.observations.map((o) => `${o.indicator} ${o.territory} ${o.period}`)).toEqual([
      'beneficiaires MA-01 2024',
      'dossiers MA-01 2024',
    ]);
    expect(result.rejects.map((r) => [r.row, r.reason])).toEqual([
      [4, 'unknown-indicator'],
      [5, 'mixed-frequency'],
    ]);
    const skipped = await importOf(multi, {
      indicators: { Bénéficiaires: 'beneficiaires', Dossiers: null, Autre: null },
    });
    expect(skipped.result.rejects.map((r) => r.reason)).toEqual([
      'skipped-indicator',
      'skipped-indicator',
      'skipped-indicator',
    ]);
  });

  it('counts (without changing them) the values under the small-count threshold', async () => {
    const { result } = await importOf(csv(['code,annee,valeur', 'MA-01,2024,3', 'MA-02,2024,10', 'MA-03,2024,9']), {
      smallCountThreshold: 10,
    });
    expect(result.stats.suppressed).toBe(2);
    expect(result.observations.map((o) => o.value)).toEqual([3, 10, 9]);
  });
});

describe('hostile labels', () => {
  it('keeps formulas and markup as text in rejects and in the rejects CSV (neutralised there)', async () => {
    const { result } = await importOf(
      encodeCodePage(
        [
          'territoire;annee;valeur',
          '=HYPERLINK("http://evil");2024;1',
          '<script>alert(1)</script>;2024;2',
          '+1;2024;3',
          '@SUM(A1);2024;4',
          'Fès;2024;5',
        ].join('\r\n'),
        'windows-1252',
      ),
    );
    expect(result.rejects.map((r) => r.value)).toEqual([
      '=HYPERLINK("http://evil")',
      '<script>alert(1)</script>',
      '+1',
      '@SUM(A1)',
    ]);
    expect(result.rejects.every((r) => r.reason === 'unknown-territory')).toBe(true);
    const text = rejectsCsv(result.rejects, csvTextCell);
    expect(text.startsWith('\uFEFFrow,column,header,value,reason,details\r\n')).toBe(true);
    expect(text).toContain(`2,A,territoire,"'=HYPERLINK(""http://evil"")",unknown-territory,`);
    expect(text).toContain("4,A,territoire,'+1,unknown-territory,");
    expect(text).toContain("5,A,territoire,'@SUM(A1),unknown-territory,");
    expect(text).toContain('3,A,territoire,<script>alert(1)</script>,unknown-territory,');
  });

  it("writes the reason in the caller's words when given, through the cell function", () => {
    const text = rejectsCsv(
      [{ row: 7, column: 2, header: 'valeur', value: 'abc', reason: 'not-a-number', params: { decimal: 'comma' } }],
      csvTextCell,
      ['ligne', 'colonne', 'en-tête', 'valeur', 'raison', 'détails'],
      (r) => (r.reason === 'not-a-number' ? '-pas un nombre' : r.reason),
    );
    expect(text).toBe(
      "\uFEFFligne,colonne,en-tête,valeur,raison,détails\r\n7,C,valeur,abc,'-pas un nombre,decimal=comma\r\n",
    );
  });

  it('writes column letters as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('the template', () => {
  it('lists the 88 territories with ISO and HCP codes and names in three languages, BOM first', async () => {
    const text = territoryTemplateCsv(TERRITORIES);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(lines).toHaveLength(89);
    expect(lines[0]).toBe('code,hcp,niveau,nom_fr,nom_ar,name_en,periode,valeur');
    expect(lines).toContain('MA-06,06,region,Casablanca-Settat,الدار البيضاء-سطات,Casablanca-Settat,,');
    // Filled in, the template imports back with every territory matched.
    const filled = lines.map((l, i) => (i === 0 ? l : l.replace(/,,$/, ',2024,1'))).join('\n');
    const { result } = await importOf(utf8(filled));
    expect(result.unmatched).toEqual([]);
    expect(result.stats.observations).toBe(88);
  });
});
