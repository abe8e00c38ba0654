/**
 * "Vues enregistrées (n)" in the header (issue 17): a button opening the saved-views panel, and the notice shown
 * when a saved view opens with parts gone. The panel (its list, editor, file import and export) is a lazy chunk
 * loaded on the first click; the count needs only the list, which loads just after the first render.
 */
import { Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { Lang } from '../../contract/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import { savedViewsMessages as m } from '../messages.ts';
import { dismissOpenNotice, savedViewsSnapshot, subscribeSavedViews, type OpenNotice } from '../saved-views-state.ts';
import { useSavedViews } from '../use-saved-views.ts';
import type { UrlNotice } from '../../state/view-state.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

const SavedViewsPanel = lazyWithRetry(
  () => import('./saved-views-panel.tsx').then((mod) => ({ default: mod.SavedViewsPanel })),
  'SavedViewsPanel',
);

/** One missing part of an opened saved view, in words. Pure. */
export function missingPartText(n: UrlNotice, lang: Lang): string {
  const value = n.value.length > 60 ? `${n.value.slice(0, 60)}…` : n.value;
  if (n.reason === 'unknown-value' && n.parameter === 'indicator')
    return translate(m, lang, 'missingIndicator', { value });
  if (n.reason === 'unknown-value' && (n.parameter === 'territories' || n.parameter === 'region'))
    return translate(m, lang, 'missingTerritory', { value });
  return translate(m, lang, 'missingOther', { param: n.parameter, value });
}

/** The notice naming a saved view opened with parts gone. Pure text. */
export function openNoticeText(notice: OpenNotice, lang: Lang): string {
  const items = [...new Set(notice.notices.map((n) => missingPartText(n, lang)))].join(' ; ');
  return translate(m, lang, 'openNotice', { name: notice.name, items });
}

function OpenNoticeBanner({ lang }: { lang: Lang }) {
  const { openNotice } = useSyncExternalStore(subscribeSavedViews, savedViewsSnapshot, savedViewsSnapshot);
  if (!openNotice || typeof document === 'undefined') return null;
  // In the page's body, not in the header's tools (hidden behind "Menu" on a phone): it must be seen.
  return createPortal(
    <div className="sv-open-notice" role="alert" lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'} data-sv-notice="">
      <p>{openNoticeText(openNotice, lang)}</p>
      <button type="button" className="button button--small button--quiet" onClick={dismissOpenNotice}>
        {translate(m, lang, 'dismiss')}
      </button>
    </div>,
    document.body,
  );
}

/** The header entry: "Vues enregistrées (n)", the lazy panel, the open notice. */
export function SavedViewsEntry({ lang }: { lang: Lang }) {
  const { status, views } = useSavedViews();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const t = (key: keyof typeof m) => translate(m, lang, key);
  // Focus goes back to the button once the modal dialog is gone (the page behind was inert while it was open).
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      trigger.current?.focus();
    }
  }, [open]);
  const close = () => setOpen(false);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="button button--small button--quiet"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-saved-views-entry=""
        onClick={() => setOpen(true)}
      >
        {status === 'ready' ? translate(m, lang, 'entry', { n: views.length }) : t('entryLoading')}
      </button>
      {open ? (
        <ErrorBoundary
          fallback={(_error, reset) => (
            <span className="sv-entry__error" role="alert">
              {t('loadError')}{' '}
              <button type="button" className="button button--small button--quiet" onClick={reset}>
                {t('retry')}
              </button>{' '}
              <button type="button" className="button button--small button--quiet" onClick={close}>
                {t('close')}
              </button>
            </span>
          )}
        >
          <Suspense fallback={<span role="status">{t('loading')}</span>}>
            <SavedViewsPanel lang={lang} onClose={close} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <OpenNoticeBanner lang={lang} />
    </>
  );
}
