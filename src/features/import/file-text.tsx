/**
 * Text read from the user's file (a name, a header, a cell), shown as text — React escapes it, so markup and
 * formulas are inert — and isolated with its own direction: Arabic text right to left, anything else (Latin names,
 * numbers, "=1+2", "-3") left to right, so neutral characters are not reordered by an Arabic page ("=1+2" must
 * not read "2+1=").
 */

/** The direction of a text from its first strong character: Arabic or Hebrew script → rtl; else ltr. */
export function textDir(text: string): 'rtl' | 'ltr' {
  const strong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text);
  return strong && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(strong[0]) ? 'rtl' : 'ltr';
}

/** One piece of the file's text, direction-isolated. */
export function FileText({ text, ...data }: { text: string } & Record<`data-${string}`, string | boolean>) {
  return (
    <bdi className="import-cell-text" dir={textDir(text)} {...data}>
      {text}
    </bdi>
  );
}
