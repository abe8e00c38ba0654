/**
 * Plain-text rules of the user's words in saved views (names, event texts, links), free of zod so the panel and
 * the export menu can check input as it is typed without loading the schemas.
 */

/** Most saved views kept (and in one file). */
export const MAX_VIEWS = 200;
/** Longest name of a saved view. */
export const MAX_NAME = 120;
/** Longest text of a user event. */
export const MAX_EVENT_TEXT = 300;

// C0/C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a name
// holding an override can show its letters in another order than they are stored ("Trojan Source").
// oxlint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text with control and bidi-override characters removed and whitespace collapsed, trimmed. */
export function cleanText(raw: string): string {
  return raw.replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether a text looks like markup (`<img …>`, `<script>`, `<!-- …`): kept as text, but reported on import. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*[a-z!/?]/i.test(text);
}

/** Characters that make a spreadsheet read a cell as a formula (same rule as src/export/csv.ts). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text would start a formula in a spreadsheet (`=HYPERLINK(…)`, `+cmd`, `-1+1`, `@SUM(…)`). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.trimStart());
}

/**
 * The text as a spreadsheet cell may hold it: a leading `'` when it could start a formula (OWASP "CSV injection").
 * Use it wherever a saved view's name or an event text reaches a CSV, a workbook or a chart's embedded sheet.
 */
export function spreadsheetSafeText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Whether a link is an absolute http(s) URL (no `javascript:`, `data:`, relative or protocol-relative links). */
export function isHttpLink(link: string): boolean {
  if (!/^https?:\/\//i.test(link)) return false;
  try {
    const url = new URL(link);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
