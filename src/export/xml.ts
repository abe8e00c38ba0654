/**
 * Tiny XML helpers for the export serialisers (SVG, and text handed to pptxgenjs).
 * Labels come from data files and URLs, so they may hold `</svg>`, `<script>`, `&` or control
 * characters: everything that reaches an XML document passes through here first.
 */

/**
 * Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
 * One of them in a label would make the whole exported SVG or slide unreadable, so they are dropped.
 */
const INVALID_XML_CHARS =
  // oxlint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Remove characters that XML 1.0 cannot carry at all (escaping does not help for those). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escape text for an XML text node or a quoted attribute value; invalid characters are dropped. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Format a coordinate with at most 2 decimals, so snapshots are stable and files stay small. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
