/**
 * The rejected rows as a CSV to download (issue 15): row, column, header, value as written, reason code and its
 * parameters, so the user fixes the file and imports again. Cells come from the user's file, so every text cell
 * goes through the caller's `textCell` — pass `csvTextCell` from src/export/csv.ts, the one formula neutraliser
 * (src/import may not import src/export). UTF-8 with a BOM, CRLF. Pure.
 */
import type { RowReject } from './types.ts';

export const REJECTS_HEADER = ['row', 'column', 'header', 'value', 'reason', 'details'] as const;

/** Column letters as a spreadsheet shows them: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * `textCell`: the export's cell function (neutralises formulas, quotes). `header`: the column titles (localized by
 * the caller). `reasonText`: the reason in the reader's words (the dialog's wording); the code when absent.
 */
export function rejectsCsv(
  rejects: readonly RowReject[],
  textCell: (text: string) => string,
  header: readonly string[] = REJECTS_HEADER,
  reasonText?: (reject: RowReject) => string,
): string {
  const lines = [header.map(textCell).join(',')];
  for (const r of rejects) {
    const details = r.params
      ? Object.entries(r.params)
          .map(([k, v]) => `${k}=${v}`)
          .join('; ')
      : '';
    lines.push(
      [
        String(r.row),
        columnLetters(r.column),
        textCell(r.header),
        textCell(r.value),
        reasonText ? textCell(reasonText(r)) : r.reason,
        textCell(details),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
