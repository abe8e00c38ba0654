/**
 * The briefing's actions (issue 17 item 1), mounted with the saved views: "Présenter le briefing (n)" plays the views
 * in the briefing, in order, in presentation mode; "Exporter le briefing (PowerPoint)" downloads one deck (native
 * charts, one slide per view, sources in the notes); "Exporter le briefing (PDF)" prints one document, one page per
 * view (the browser's "Save as PDF"). Presentation mode, the deck writer and the print document are each loaded
 * on first use.
 */
import { Suspense, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import { briefingMessages as m } from '../briefing-messages.ts';
import { briefingSlides } from '../briefing.ts';
import { openSavedView } from '../saved-views-state.ts';
import { useSavedViews } from '../use-saved-views.ts';
import './briefing.css';

const PresentationMode = lazyWithRetry(
  () => import('../../export/ui/presentation-mode.tsx').then((mod) => ({ default: mod.PresentationMode })),
  'PresentationMode',
);
const BriefingPrint = lazyWithRetry(
  () => import('./briefing-print.tsx').then((mod) => ({ default: mod.BriefingPrint })),
  'BriefingPrint',
);

type Status = { kind: 'info' | 'error'; text: string } | null;

/** The briefing's three actions, for the saved views panel. */
export function BriefingActions({ lang }: { lang: Lang }): ReactNode {
  const { status: listStatus, views } = useSavedViews();
  const client = useContext(QueryClientContext);
  // The page's address at render: the base of each view's link (the app may live under a sub-path).
  // "Ouvrir la vue" on a title slide opens the saved view in the app (with its notice if parts of it are gone).
  const slides = useMemo(
    () =>
      briefingSlides(views, lang, typeof window === 'undefined' ? 'http://localhost/' : window.location.href).map(
        (s) => ({ ...s, onOpen: () => openSavedView(s.view.id) }),
      ),
    [views, lang],
  );
  const [presenting, setPresenting] = useState(false);
  // Each "Exporter le briefing (PDF)" composes the document again and prints it (a new key), even if the browser
  // never said the previous print was over.
  const [printRun, setPrintRun] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const n = slides.length;
  const disabled = listStatus !== 'ready' || n === 0;

  const closePresentation = () => {
    setPresenting(false);
    // Focus back on the button that started the show, once the overlay is gone.
    requestAnimationFrame(() => opener.current?.focus());
  };

  const exportPptx = async () => {
    setBusy(true);
    setStatus({ kind: 'info', text: t('preparing') });
    try {
      const { downloadBriefingDeck } = await import('./briefing-export.ts');
      const name = await downloadBriefingDeck(slides, lang, client);
      setStatus({ kind: 'info', text: t('exported', { name }) });
    } catch {
      setStatus({ kind: 'error', text: t('failed') });
    } finally {
      setBusy(false);
    }
  };

  const print = () => {
    setBusy(true);
    setStatus({ kind: 'info', text: t('preparing') });
    setPrintRun((n) => n + 1);
  };
  const onPrintReady = () => {
    setBusy(false);
    setStatus({ kind: 'info', text: t('printReady', { n }) });
    // The document leaves after the print dialog closes (a later print of the page is the page again).
    window.addEventListener('afterprint', () => setPrintRun(0), { once: true });
    window.print();
  };

  return (
    <section className="briefing-actions" aria-labelledby="briefing-actions-title">
      <h3 className="briefing-actions__title" id="briefing-actions-title">
        {t('heading')}
      </h3>
      <button
        type="button"
        className="button button--small"
        disabled={disabled}
        onClick={(e) => {
          opener.current = e.currentTarget;
          setPresenting(true);
        }}
      >
        {t('present', { n })}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={disabled || busy}
        onClick={() => void exportPptx()}
      >
        {t('exportPptx')}
      </button>
      <button type="button" className="button button--small button--quiet" disabled={disabled || busy} onClick={print}>
        {t('exportPdf')}
      </button>
      <p className="briefing-actions__status" role="status" data-kind={status?.kind ?? 'info'}>
        {status?.text ?? (listStatus === 'ready' && n === 0 ? t('empty') : '')}
      </p>
      {presenting && n > 0 ? (
        <Suspense fallback={null}>
          <PresentationMode slides={slides} lang={lang} onClose={closePresentation} />
        </Suspense>
      ) : null}
      {printRun > 0 && n > 0 ? (
        <Suspense fallback={null}>
          <BriefingPrint key={printRun} slides={slides} lang={lang} onReady={onPrintReady} />
        </Suspense>
      ) : null}
    </section>
  );
}
