/**
 * "Importer des données" (issue 15): a button that opens the import dialog. The dialog, its messages, styles and
 * the whole import path (worker client, store) are one lazy chunk loaded on the first click — never before, so the
 * app's first load carries none of it (issue 15, Performance). `lazyWithRetry`: a first click while offline shows
 * the failure and loads again on Retry.
 */
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import { entryMessages } from './entry-messages.ts';

const ImportDialog = lazyWithRetry(
  () => import('./import-dialog.tsx').then((m) => ({ default: m.ImportDialog })),
  'ImportDialog',
);

/** Which part of the dialog opens first: the file import, or the list of the user's datasets. */
export type ImportEntryStart = 'import' | 'datasets';

export interface ImportEntryProps {
  lang: Lang;
  /** Opens on "Mes données" (the list) instead of a new import; the label says so. */
  start?: ImportEntryStart;
  /** Extra class of the button (e.g. `button--small`, `button--quiet`). */
  className?: string;
}

/** The entry button and, once clicked, the lazily loaded import dialog. */
export function ImportEntry({ lang, start = 'import', className }: ImportEntryProps) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const t = (key: keyof typeof entryMessages) => translate(entryMessages, lang, key);
  const wasOpen = useRef(false);
  // Focus goes back to the button once the dialog is gone (WAI-ARIA APG dialog pattern): after the commit, since
  // while the modal dialog is still open the rest of the page — this button included — is inert and refuses focus.
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
        className={`button ${className ?? 'button--small'}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-import-entry={start}
        onClick={() => setOpen(true)}
      >
        {t(start === 'datasets' ? 'myData' : 'open')}
      </button>
      {open ? (
        <ErrorBoundary
          fallback={(_error, reset) => (
            <span className="import-entry__error" role="alert">
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
          <Suspense
            fallback={
              <span className="import-entry__loading" role="status">
                {t('loading')}
              </span>
            }
          >
            <ImportDialog lang={lang} start={start} onClose={close} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  );
}
