/**
 * Issue 15 "Done when", in Chromium on the built app: import a French-Excel CSV (semicolons, decimal commas,
 * Windows-1252 bytes written here, names with and without accents, one unknown name, one formula-like label) and an
 * XLSX generated here with fflate (the zip library the import worker reads with; a workbook with two sheets, the
 * data on the second, one Arabic name — Windows-1252 cannot hold Arabic, so the Arabic name travels in the XLSX),
 * see the rejects explained, match one unknown name and skip the other, import, chart it on the line chart and the
 * province map (explorer URL with the new indicator id), reload and still have it, export a PowerPoint whose notes
 * name the user's source, delete it; axe reports nothing on the dialog in fr, ar and en; the import code is not
 * loaded before the dialog is opened. Screenshots of the dialog (fr, ar × 1280, 390 px) go to .tmp/import-e2e.
 */
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  AXE_TAGS,
  axeBuilder,
  collectConsoleErrors,
  openApp,
  servedBrowserForFile,
  type LaunchedBrowser,
  type ServedDist,
} from './harness.ts';
import { downloadFrom } from './export-files.ts';

const PORT = 4398;
const OUT = path.resolve('.tmp/import-e2e');
/** The explorer's line chart (its frame is labelled by its caption). */
const LINE = 'figure[aria-labelledby="explorer-line-caption"]';
const SHAPES = '.choropleth path[role="button"][data-code]';

/**
 * The French-Excel CSV: `;` separated, decimal commas, thousands with a space, CRLF, Windows-1252 bytes (é, è, â
 * are single bytes). "Atlantis" matches nothing (matched by hand to Benslimane); "=1+2" is a formula-like label
 * (skipped); "abc" and "-3" are rejected values.
 */
const CSV_TEXT = [
  'Province;Année;Montant versé (MDH)',
  'Béni Mellal;2023;12,5',
  'Béni Mellal;2024;14,25',
  'Kénitra;2023;1 020,5',
  'Kénitra;2024;1 100',
  'Laayoune;2023;3,5',
  'Laayoune;2024;4',
  'Atlantis;2024;7,5',
  '=1+2;2024;9',
  'Khouribga;2024;abc',
  'Settat;2024;-3',
].join('\r\n');
const CSV_BYTES = Buffer.from(`${CSV_TEXT}\r\n`, 'latin1');

const PUBLISHER = 'Conseil régional Béni Mellal-Khénifra (test)';

/** A minimal XLSX (shared strings, two sheets, the data on "Données") zipped with fflate. */
function xlsxBytes(rows: (string | number)[][]): Buffer {
  const strings: string[] = [];
  const sIndex = (s: string) => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheet = (data: (string | number)[][]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data
      .map(
        (r, ri) =>
          `<row r="${ri + 1}">${r
            .map((v, ci) =>
              typeof v === 'number'
                ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>`
                : `<c r="${col(ci)}${ri + 1}" t="s"><v>${sIndex(v)}</v></c>`,
            )
            .join('')}</row>`,
      )
      .join('')}</sheetData></worksheet>`;
  const notes = sheet([['Données de test pour Mouchir']]);
  const data = sheet(rows);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lisez-moi" sheetId="1" r:id="rId1"/><sheet name="Données" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(notes),
    'xl/worksheets/sheet2.xml': strToU8(data),
  };
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t>${esc(s)}</t></si>`)
      .join('')}</sst>`,
  );
  return Buffer.from(zipSync(files));
}

/** Wide layout: one column per year; an Arabic name (Rabat), a French one with an accent, one without. */
const XLSX_BYTES = xlsxBytes([
  ['Territoire', '2023', '2024'],
  ['الرباط', 210, 230],
  ['Béni Mellal', 120, 125],
  ['Laayoune', 40, 44],
]);

let served: ServedDist;
let browser: LaunchedBrowser;
servedBrowserForFile({ port: PORT, out: OUT }, (s, b) => {
  served = s;
  browser = b;
});

const dialog = (page: Page) => page.locator('dialog[data-import-dialog]');

/** Click the header's entry (`start`: import or Mes données) and wait for the dialog. */
async function openDialog(page: Page, start: 'import' | 'datasets' = 'import'): Promise<void> {
  const entry = page.locator(`[data-import-entry="${start}"]`).first();
  // At a phone width (≤ 480 px, issue 16) the header's entries are in its "Menu" disclosure.
  const menu = page.locator('[data-header-menu]');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  await entry.click();
  await dialog(page).waitFor({ state: 'visible', timeout: 30_000 });
}

/** Give the dialog a file and wait for its rows step. */
async function giveFile(page: Page, name: string, buffer: Buffer, mimeType: string): Promise<void> {
  await dialog(page).locator('input[data-import-file]').setInputFiles({ name, mimeType, buffer });
  await dialog(page).locator('[data-valid-rows]').waitFor({ timeout: 30_000 });
}

/** The number of valid rows the dialog shows, once the worker's latest answer is in. */
async function validRows(page: Page): Promise<number> {
  return Number(await dialog(page).locator('[data-valid-rows]').getAttribute('data-valid-rows'));
}

/** Fill the indicator step. */
async function describeIndicator(page: Page, names: { fr?: string; ar?: string }, unit: string): Promise<void> {
  const d = dialog(page);
  if (names.fr) await d.locator('input[data-name="fr"]').fill(names.fr);
  if (names.ar) await d.locator('input[data-name="ar"]').fill(names.ar);
  await d.locator('input[data-unit]').fill(unit);
  await d.locator('input[data-source="publisher"]').fill(PUBLISHER);
  await d.locator('input[data-source="title"]').fill('Suivi des versements 2024');
  await d.locator('input[data-source="published"]').fill('2025-02-01');
  await d.locator('input[data-source="url"]').fill('https://example.org/versements');
}

/** Import, wait for the success step, and return the new dataset's id. */
async function importRows(page: Page): Promise<string> {
  await dialog(page).locator('[data-import-submit]').click();
  const done = dialog(page).locator('[data-import-done]');
  await done.waitFor({ timeout: 30_000 });
  return (await done.getAttribute('data-import-done')) ?? '';
}

describe('import a French-Excel CSV and an XLSX, chart, reload, export, delete', () => {
  it(
    'the CSV journey: rejects explained, names matched and skipped, charted on the line and the province map',
    { timeout: 180_000 },
    async () => {
      const { page } = browser;
      const errors = collectConsoleErrors(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await openApp(page, served.url, 'view=explorer&lang=fr');
      await page.locator('.chart-frame:not([aria-busy]), [data-lead]').first().waitFor({ timeout: 30_000 });
      // The import code is not loaded before the dialog is opened.
      expect(requests.filter((u) => /\/assets\/(import-dialog|worker|store)-[^/]*\.js/.test(u))).toEqual([]);
      await openDialog(page);
      expect(requests.some((u) => /import-dialog/.test(u))).toBe(true);
      await expect.poll(() => dialog(page).getAttribute('aria-labelledby')).toBeTruthy();
      expect(await dialog(page).innerText()).toContain('Vos données restent dans ce navigateur');

      await giveFile(page, 'versements_2024.csv', CSV_BYTES, 'text/csv');
      const d = dialog(page);
      // Read as Windows-1252 with ';' and decimal commas: accents intact in the preview.
      expect(await d.locator('select[data-encoding]').inputValue()).toBe('windows-1252');
      expect(await d.locator('table.import-preview').innerText()).toContain('Béni Mellal');
      expect(await d.locator('table.import-preview').innerText()).toContain('Kénitra');
      expect(await d.locator('select[data-role-select="0"]').inputValue()).toBe('territory');
      expect(await d.locator('select[data-role-select="1"]').inputValue()).toBe('period');
      expect(await d.locator('select[data-role-select="2"]').inputValue()).toBe('value');
      // The rejects, each explained in French.
      const rejects = d.locator('table[data-rejects]');
      await expect.poll(() => rejects.innerText()).toContain('pas un nombre');
      const rejectText = await rejects.innerText();
      expect(rejectText).toContain('abc');
      expect(rejectText).toContain('effectif négatif');
      expect(rejectText).toContain('territoire inconnu');
      expect(rejectText).toContain('=1+2');
      expect(await validRows(page)).toBe(6);

      // Match "Atlantis" to Benslimane from the searchable list; skip the formula-like label.
      const atlantis = d.locator('[data-unmatched="Atlantis"]');
      await atlantis.locator('input[type="search"]').fill('Benslimane');
      await atlantis.locator('select').selectOption('MA-BES');
      await atlantis.getByRole('button', { name: /Benslimane/ }).click();
      await d.locator('[data-chosen="Atlantis"]').waitFor();
      await d.locator('[data-unmatched="=1+2"]').getByRole('button', { name: 'Ignorer ces lignes' }).click();
      await d.locator('[data-chosen="=1+2"]').waitFor();
      await expect.poll(() => d.locator('[data-unmatched]').count()).toBe(0);
      await expect.poll(() => validRows(page)).toBe(7);
      await expect.poll(() => rejects.innerText()).toContain('territoire ignoré à votre demande');

      // Name it (markup in the name stays text), its unit and source; import.
      await describeIndicator(page, { fr: 'Montant versé <b>test</b>', ar: 'المبالغ المدفوعة' }, 'MDH');
      const id = await importRows(page);
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect(await d.locator('[data-import-done] h3').innerText()).toContain(
        '« Montant versé <b>test</b> » importé : 7 lignes.',
      );

      // Chart it: the explorer URL with the new indicator id, the line chart of its provinces.
      const indicator = `user-${id}`;
      await openApp(page, served.url, `view=explorer&indicator=${indicator}&territories=MA-BEM,MA-KEN,MA-LAA&lang=fr`);
      const line = page.locator(LINE);
      await line.waitFor({ timeout: 30_000 });
      expect(await line.innerText()).toContain('Montant versé <b>test</b>');
      expect(await line.innerText()).toContain('Données importées');
      expect(await line.locator('.recharts-line').count()).toBeGreaterThan(0);
      expect(await page.locator('b:text("test")').count()).toBe(0);
      // The indicator picker lists it under "Mes données".
      const picker = page.getByRole('combobox', { name: 'Indicateur' });
      expect(await picker.inputValue()).toBe(indicator);
      expect(
        await picker.locator('optgroup[label="Mes données"] option').evaluateAll((os) => os.map((o) => o.textContent)),
      ).toContain('Montant versé <b>test</b>');

      // The province map: the imported provinces carry their values.
      await openApp(
        page,
        served.url,
        `view=explorer&indicator=${indicator}&territories=MA-BEM,MA-KEN,MA-LAA&tab=map&level=province&lang=fr`,
      );
      await expect.poll(() => page.locator(SHAPES).count(), { timeout: 30_000 }).toBe(75);
      const bem = await page.locator(`${SHAPES}[data-code="MA-BEM"]`).getAttribute('aria-label');
      expect(bem).toMatch(/Béni Mellal/);
      expect(bem).toMatch(/14,25|14,3/);
      expect(await page.locator(`${SHAPES}[data-code="MA-BES"]`).getAttribute('aria-label')).toMatch(/7,5/);

      // Reload: still there (IndexedDB), on the line chart.
      await openApp(page, served.url, `view=explorer&indicator=${indicator}&territories=MA-BEM,MA-KEN,MA-LAA&lang=fr`);
      await page.locator(LINE).waitFor({ timeout: 30_000 });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator(LINE).waitFor({ timeout: 30_000 });
      expect(await page.locator(LINE).innerText()).toContain('Montant versé <b>test</b>');

      // PowerPoint: the speaker notes name the user's source.
      await page.locator(LINE).getByRole('button', { name: 'Exporter', exact: true }).click();
      const deck = await downloadFrom(page, page.getByRole('button', { name: 'Télécharger le PowerPoint' }), OUT);
      const zip = unzipSync(new Uint8Array(deck.bytes));
      const notes = Object.keys(zip)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map((n) => new TextDecoder().decode(zip[n]));
      expect(notes.join('\n')).toContain(PUBLISHER.replace(/&/g, '&amp;'));
      expect(notes.join('\n')).toContain('Suivi des versements 2024');
      await page.keyboard.press('Escape');

      // Delete it, with confirmation; the list is empty and the explorer says the data is not here.
      await openDialog(page, 'datasets');
      const row = dialog(page).locator(`tr[data-dataset="${id}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('versements_2024.csv');
      await page.screenshot({ path: path.join(OUT, 'datasets-fr-1280.png') });
      await row.getByRole('button', { name: /^Supprimer/ }).click();
      await row.getByRole('button', { name: 'Oui, supprimer' }).click();
      await dialog(page).locator('[data-datasets-empty]').waitFor({ timeout: 15_000 });
      await expect.poll(() => dialog(page).locator('[data-datasets-notice]').innerText()).toContain('a été supprimé');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog(page).count()).toBe(0);
      // A link to it now says the data is not in this browser (and offers the import), never another chart.
      await openApp(page, served.url, `view=explorer&indicator=${indicator}&territories=MA-BEM&lang=fr`);
      await expect
        .poll(() => page.locator('main').innerText(), { timeout: 30_000 })
        .toContain('Ce lien montre des données importées qui ne sont pas dans ce navigateur');
      expect(await page.locator(LINE).count()).toBe(0);
      expect(errors).toEqual([]);
    },
  );

  it(
    'the XLSX journey: the sheet chosen, a wide layout, an Arabic name matched; then deleted',
    { timeout: 120_000 },
    async () => {
      const { page } = browser;
      const errors = collectConsoleErrors(page);
      await openApp(page, served.url, 'view=explorer&lang=fr');
      await openDialog(page);
      await giveFile(
        page,
        'beneficiaires_2025.xlsx',
        XLSX_BYTES,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const d = dialog(page);
      const sheet = d.locator('select[data-sheet]');
      expect(await sheet.locator('option').allInnerTexts()).toEqual(['Lisez-moi', 'Données']);
      if ((await sheet.inputValue()) !== 'Données') await sheet.selectOption('Données');
      await expect
        .poll(() => d.locator('select[data-role-select="1"]').inputValue(), { timeout: 15_000 })
        .toBe('period-value');
      expect(await d.locator('select[data-role-select="0"]').inputValue()).toBe('territory');
      expect(await d.locator('[data-layout]').getAttribute('data-layout')).toBe('wide');
      await expect.poll(() => validRows(page), { timeout: 15_000 }).toBe(6);
      expect(await d.locator('[data-unmatched]').count()).toBe(0);
      await d.getByText('Voir les correspondances').click();
      expect(await d.locator('details').innerText()).toMatch(/الرباط[\s\S]*Rabat \(MA-RAB\)/);
      await describeIndicator(page, { ar: 'المستفيدون' }, 'مستفيد');
      const id = await importRows(page);
      await d.getByRole('button', { name: 'Ouvrir dans l’explorateur' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe(`user-${id}`);
      // Hostile files are refused with a clear message, and the dataset just imported is untouched.
      await openDialog(page);
      const input = dialog(page).locator('input[data-import-file]');
      const refusal = dialog(page).locator('[data-refusal]');
      await input.setInputFiles({
        name: 'archive.xlsx',
        mimeType: 'application/zip',
        buffer: Buffer.from(zipSync({ 'a.txt': strToU8('hello') })),
      });
      await refusal.waitFor({ timeout: 15_000 });
      expect(await refusal.getAttribute('data-refusal')).toBe('not-xlsx');
      expect(await refusal.innerText()).toContain('Vos jeux de données précédents sont intacts.');
      const garbage = Buffer.alloc(4096);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 256;
      await input.setInputFiles({ name: 'donnees.csv', mimeType: 'text/csv', buffer: garbage });
      await expect.poll(() => refusal.getAttribute('data-refusal'), { timeout: 15_000 }).toBe('binary');
      expect(await refusal.innerText()).toContain('ni un texte');
      await page.keyboard.press('Escape');
      // Mes données at 390 px in Arabic (rows become blocks), seen in the screenshot.
      await page.setViewportSize({ width: 390, height: 844 });
      await openApp(page, served.url, 'view=overview&lang=ar');
      await openDialog(page, 'datasets');
      const row = dialog(page).locator(`tr[data-dataset="${id}"]`);
      await row.waitFor();
      await page.screenshot({ path: path.join(OUT, 'datasets-ar-390.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await row.getByRole('button', { name: /^حذف/ }).click();
      await row.getByRole('button', { name: 'نعم، احذف' }).click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      expect(errors).toEqual([]);
    },
  );
});

describe('the dialog in three languages', () => {
  it.each(['fr', 'ar', 'en'] as const)(
    '%s: axe reports nothing on the dialog, empty and with a file read',
    { timeout: 90_000 },
    async (lang) => {
      const { page } = browser;
      for (const width of lang === 'en' ? [1280] : [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        // The overview: the explorer's indicator picker overflows at 390 px (526 px wide), which shifts
        // Playwright's screenshots of an RTL page.
        await openApp(page, served.url, `view=overview&lang=${lang}`);
        await openDialog(page);
        expect(await dialog(page).getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        const empty = await axeBuilder(page).include('dialog[data-import-dialog]').withTags(AXE_TAGS).analyze();
        expect(empty.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
          [],
        );
        await giveFile(page, 'versements_2024.csv', CSV_BYTES, 'text/csv');
        await dialog(page).locator('[data-unmatched]').first().waitFor();
        await dialog(page).locator('[data-import-submit]').click();
        await dialog(page).locator('[data-blocking]').waitFor();
        const full = await axeBuilder(page).include('dialog[data-import-dialog]').withTags(AXE_TAGS).analyze();
        expect(full.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
          [],
        );
        // The dialog fits the viewport's width (no horizontal scroll of the page at 390 px).
        const box = await dialog(page).boundingBox();
        expect(box?.width ?? 0).toBeLessThanOrEqual(width);
        await dialog(page).evaluate((el) => el.scrollTo(0, 0));
        await page.screenshot({ path: path.join(OUT, `dialog-${lang}-${width}.png`) });
        await dialog(page).locator('[data-step="rows"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(OUT, `dialog-${lang}-${width}-rows.png`) });
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog(page).count()).toBe(0);
        expect(
          await page
            .locator('[data-import-entry="import"]')
            .first()
            .evaluate((el) => el === document.activeElement),
        ).toBe(true);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );
});
