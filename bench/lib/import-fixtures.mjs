/**
 * B8 fixtures (issue 15): the files the import bench reads, generated (nothing large is committed).
 * - CSV: 88 territories × 1,137 months = 100,056 rows, as French Excel writes them (UTF-8 with BOM, `;`, decimal
 *   comma, thousands with a no-break space), territory labels mixed: French names, ISO codes and Arabic names,
 *   periods as `MM/YYYY`;
 * - XLSX: 88 × 569 months = 50,072 rows, names in shared strings, months as Excel date serials, values as numbers.
 * Deterministic (a fixed LCG), so runs compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function territories() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'data/territories.json'), 'utf8')).data;
}

function rng(seed = 7) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const NBSP = '\u00A0';

/** @param {number} months */
export function importCsv(months = 1137) {
  const ts = territories();
  const labels = ts.map((t, i) => (i % 3 === 0 ? t.name.fr : i % 3 === 1 ? t.code : t.name.ar));
  const r = rng();
  const lines = ['Territoire;Période;Bénéficiaires'];
  for (let p = 0; p < months; p++) {
    const y = 1930 + Math.floor(p / 12);
    const m = String((p % 12) + 1).padStart(2, '0');
    for (const label of labels) {
      const v = (r() * 20000).toFixed(1).replace('.', ',');
      const grouped = v.replace(/^(\d{1,2})(\d{3}),/, `$1${NBSP}$2,`);
      lines.push(`${label};${m}/${y};${grouped}`);
    }
  }
  return { bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), rows: lines.length - 1 };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Excel serial of the first day of a month. */
function serial(y, m) {
  return Math.round((Date.UTC(y, m - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** @param {number} months */
export function importXlsx(months = 569) {
  const ts = territories();
  const names = ts.map((t) => t.name.fr);
  const r = rng(11);
  const shared = ['Province', 'Mois', 'Valeur', ...names];
  const col = (c) => 'ABC'[c];
  const rowsXml = [
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
  ];
  let n = 1;
  for (let p = 0; p < months; p++) {
    const y = 1980 + Math.floor(p / 12);
    const m = (p % 12) + 1;
    const s = serial(y, m);
    for (let i = 0; i < names.length; i++) {
      n++;
      rowsXml.push(
        `<row r="${n}"><c r="${col(0)}${n}" t="s"><v>${3 + i}</v></c><c r="${col(1)}${n}" s="1"><v>${s}</v></c><c r="${col(2)}${n}"><v>${Math.round(r() * 5000)}</v></c></row>`,
      );
    }
  }
  const files = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types/>'),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst count="${shared.length}">${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>${rowsXml.join('')}</sheetData></worksheet>`,
    ),
  };
  return { bytes: Buffer.from(zipSync(files, { level: 6 })), rows: n - 1 };
}

/** Write both into `dir` (the built bench page's folder). */
export function writeImportFixtures(dir) {
  const csv = importCsv();
  const xlsx = importXlsx();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'fixture.csv'), csv.bytes);
  fs.writeFileSync(path.join(dir, 'fixture.xlsx'), xlsx.bytes);
  return { csv: { rows: csv.rows, bytes: csv.bytes.length }, xlsx: { rows: xlsx.rows, bytes: xlsx.bytes.length } };
}
