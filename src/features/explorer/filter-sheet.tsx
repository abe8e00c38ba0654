/**
 * Issue 16 (3), the explorer on a phone or a tablet (≤ 900 px, where its side column would stack above the chart):
 * the chart comes first. The selection is summarised above it
 * ("Maroc, Casablanca-Settat · 2 territoires") with a "Territoires" button that opens the territory filter as a
 * sheet — a modal <dialog>: labelled, focus moved in on open and back to the button on close, Escape or the close
 * button closes it — instead of the filter taking two screens above the chart.
 */
import { useCallback, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Lang, Territory } from '../../contract/contract.ts';
import { definePlurals, defineMessages, plural, translate } from '../../i18n/i18n.ts';

/** The phone layout's breakpoint, as in the CSS (src/styles/global.css); the controls fold there (./controls-fold.tsx). */
export const PHONE_QUERY = '(max-width: 480px)';

/**
 * Where the territory filter is a sheet: up to the width where the explorer's side column no longer fits beside the
 * chart and stacks above it (src/styles/global.css `.explorer__layout`, ≤ 900 px). Stacked, the 88-territory filter
 * took the whole first screen of a tablet (768 × 1024) and put the chart two screens down.
 */
export const SHEET_QUERY = '(max-width: 900px)';

function media(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/** A media query's match, kept current; false where there is no matchMedia (jsdom) and on the server. */
function useMedia(query: string): boolean {
  // Stable per query: a new subscribe function on each render would make React unsubscribe and subscribe again.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = media(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => media(query)?.matches ?? false,
    () => false,
  );
}

/** True at a phone width (≤ 480 px). */
export function usePhoneLayout(): boolean {
  return useMedia(PHONE_QUERY);
}

/** True where the territory filter opens as a sheet (≤ 900 px, {@link SHEET_QUERY}). */
export function useSheetLayout(): boolean {
  return useMedia(SHEET_QUERY);
}

const sheetMessages = defineMessages({
  territories: { fr: 'Territoires', ar: 'المجالات الترابية', en: 'Territories' },
  close: { fr: 'Fermer', ar: 'إغلاق', en: 'Close' },
  none: { fr: 'Aucun territoire choisi', ar: 'لم يتم اختيار أي مجال', en: 'No territory chosen' },
  more: { fr: '+{n}', ar: '+{n}', en: '+{n}' },
});

const countMessages = definePlurals({
  count: {
    fr: { one: '{n} territoire', other: '{n} territoires' },
    ar: {
      zero: 'لا مجال',
      one: 'مجال واحد',
      two: 'مجالان',
      few: '{n} مجالات',
      many: '{n} مجالا',
      other: '{n} مجال',
    },
    en: { one: '{n} territory', other: '{n} territories' },
  },
});

/** "Maroc, Casablanca-Settat +3 · 5 territoires": the first two names, then the count. */
export function selectionSummary(
  selected: readonly string[],
  index: ReadonlyMap<string, Territory>,
  lang: Lang,
): string {
  if (selected.length === 0) return translate(sheetMessages, lang, 'none');
  const names = selected.slice(0, 2).map((c) => index.get(c)?.name[lang] ?? c);
  const rest = selected.length - names.length;
  const list =
    names.join(lang === 'ar' ? '، ' : ', ') +
    (rest > 0 ? ` ${translate(sheetMessages, lang, 'more', { n: rest })}` : '');
  return `${list} · ${plural(countMessages.count, lang, selected.length, { n: selected.length })}`;
}

/** The summary bar and the sheet holding the filter (children). */
export function FilterSheet({ summary, lang, children }: { summary: string; lang: Lang; children: ReactNode }) {
  const t = (k: keyof typeof sheetMessages) => translate(sheetMessages, lang, k);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <div className="filter-summary" data-filter-summary="">
      <p className="filter-summary__text" data-selection-summary="">
        {summary}
      </p>
      <button
        ref={opener}
        type="button"
        className="button filter-summary__button"
        aria-haspopup="dialog"
        data-open-filter-sheet=""
        onClick={() => dialog.current?.showModal()}
      >
        {t('territories')}
      </button>
      <dialog
        ref={dialog}
        className="filter-sheet"
        aria-label={t('territories')}
        data-filter-sheet=""
        onClose={() => opener.current?.focus()}
      >
        <div className="filter-sheet__head">
          <button type="button" className="button filter-sheet__close" onClick={() => dialog.current?.close()}>
            {t('close')}
          </button>
        </div>
        <div className="filter-sheet__body">{children}</div>
      </dialog>
    </div>
  );
}
