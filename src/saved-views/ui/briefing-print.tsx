/**
 * The briefing on paper (issue 17 item 1): a print-only document, one page per view in the briefing — the view's
 * name, its composed picture (the same image as the exports: title, legend, source, status, QR code and date), its
 * selection, status and sources as text, and a stamp with the link (as text and QR code) and the date of printing.
 * A view that kept no chart or map prints its name, its selection in words and its link.
 *
 * Mounted in a portal at the end of `<body>` while a print is asked for: `html.briefing-printing` then takes the
 * app off paper (briefing.css), so the browser's print (and "Save as PDF") gives the briefing alone. It calls
 * `onReady` once every picture is decoded — the caller prints then — and goes away after the print.
 */
import { useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { QueryClientContext } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import { formatDate } from '../../i18n/format.ts';
import { DIRECTIONS, translate } from '../../i18n/i18n.ts';
import { selectionCaption, statusLabel, todayIso } from '../../export/caption.ts';
import { mapSourceLines } from '../../export/compose-map-svg.ts';
import { mapModelOfPin } from '../../export/pins.ts';
import { svgDataUrl } from '../../export/png.ts';
import { sourceLines, syntheticStamp } from '../../export/provenance-text.ts';
import { qrSvg } from '../../export/qr.ts';
import { composeSlideImage } from '../../export/ui/presentation-mode.tsx';
import { briefingMessages as m } from '../briefing-messages.ts';
import type { BriefingSlide } from '../briefing.ts';
import './briefing.css';

/** Size of the composed picture on paper (16:9, the width of an A4 page's text block at print resolution). */
const PAGE_IMAGE = { width: 1600, height: 900, typeScale: 1 } as const;
/** Sources listed as text on a page; the rest are counted (every source is in the picture's CSV and the deck). */
const PAGE_SOURCES = 6;

/** The QR code of a link as an SVG data URL (a plain `<img>`: no markup is injected into the page). */
function qrDataUrl(link: string): string | null {
  const g = qrSvg(link, 0, 0, 200);
  if (g === '') return null;
  return svgDataUrl(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">${g}</svg>`,
  );
}

/** What a page says in text: caption lines, status, sources. */
function pageText(slide: BriefingSlide): { caption: string[]; status: string | null; sources: string[] } {
  if (slide.map) {
    const model = mapModelOfPin(slide.map);
    return {
      caption: [slide.map.title, model.subtitle],
      status: statusLabel(model.status, model.lang),
      sources: [...mapSourceLines(model, PAGE_SOURCES), model.attribution],
    };
  }
  if (slide.model) {
    const model = slide.model;
    const { lines, moreText } = sourceLines(model, PAGE_SOURCES, 'csv');
    return {
      caption: [...(model.synthetic ? [syntheticStamp(model.lang)] : []), model.title, selectionCaption(model)],
      status: statusLabel(model.status, model.lang),
      sources: [...lines, ...(moreText ? [moreText] : [])],
    };
  }
  return { caption: slide.lines ?? [], status: null, sources: [] };
}

export interface BriefingPrintProps {
  slides: readonly BriefingSlide[];
  lang: Lang;
  /** Called once, when every page's picture is decoded: print then. */
  onReady(): void;
}

/** The print-only briefing document. */
export function BriefingPrint({ slides, lang, onReady }: BriefingPrintProps): ReactNode {
  const client = useContext(QueryClientContext);
  const [images, setImages] = useState<Record<number, string | null>>({});
  const [ready, setReady] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onReady);
  useEffect(() => {
    readyRef.current = onReady;
  }, [onReady]);
  const day = todayIso();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);

  // Compose every page's picture once; a picture that fails leaves its page with its text (never a blank page).
  useEffect(() => {
    let live = true;
    slides.forEach((slide, i) => {
      const composing = composeSlideImage(slide, client, PAGE_IMAGE);
      if (!composing) {
        setImages((prev) => ({ ...prev, [i]: null }));
        return;
      }
      composing
        .then((svg) => live && setImages((prev) => ({ ...prev, [i]: svgDataUrl(svg) })))
        .catch(() => live && setImages((prev) => ({ ...prev, [i]: null })));
    });
    return () => {
      live = false;
    };
  }, [slides, client]);

  const composed = Object.keys(images).length === slides.length;
  // Once composed, wait for the pictures to be decoded, then say so (the caller prints).
  useEffect(() => {
    if (!composed) return;
    let live = true;
    const imgs = [...(root.current?.querySelectorAll('img') ?? [])];
    void Promise.all(
      imgs.map((img) => (typeof img.decode === 'function' ? img.decode().catch(() => undefined) : undefined)),
    ).then(() => {
      if (!live) return;
      setReady(true);
      readyRef.current();
    });
    return () => {
      live = false;
    };
  }, [composed]);

  // Take the app off paper while this document is mounted.
  useEffect(() => {
    document.documentElement.classList.add('briefing-printing');
    return () => document.documentElement.classList.remove('briefing-printing');
  }, []);

  const title = t('docTitle', { date: formatDate(day, lang) });
  return createPortal(
    <div
      ref={root}
      className="briefing-print"
      lang={lang}
      dir={DIRECTIONS[lang]}
      aria-hidden="true"
      data-briefing-print={ready ? 'ready' : 'pending'}
    >
      {slides.map((slide, i) => {
        const text = pageText(slide);
        const src = images[i];
        const qr = qrDataUrl(slide.link);
        return (
          <section className="briefing-print__page" key={slide.view.id}>
            <p className="briefing-print__head">
              {title} · {t('pageOf', { i: i + 1, n: slides.length })}
            </p>
            <h2 className="briefing-print__name" dir="auto">
              {slide.name}
            </h2>
            {src ? (
              <img
                className="briefing-print__image"
                src={src}
                alt={t('imageAlt', { title: text.caption[0] ?? slide.name })}
                width={PAGE_IMAGE.width}
                height={PAGE_IMAGE.height}
              />
            ) : null}
            <ul className="briefing-print__caption">
              {text.caption.map((line) => (
                <li key={line} dir="auto">
                  {line}
                </li>
              ))}
            </ul>
            {text.status ? <p className="briefing-print__status">{t('status', { status: text.status })}</p> : null}
            {text.sources.length > 0 ? (
              <>
                <h3 className="briefing-print__sources-title">{t('sources')}</h3>
                <ul className="briefing-print__sources">
                  {text.sources.map((line) => (
                    <li key={line} dir="auto">
                      {line}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <div className="briefing-print__stamp">
              {qr ? <img className="briefing-print__qr" src={qr} alt="" width={200} height={200} /> : null}
              <p>
                {t('link')}{' '}
                <span className="briefing-print__url" dir="ltr">
                  {slide.link}
                </span>
                <br />
                {t('printedOn', { date: formatDate(day, lang) })}
              </p>
            </div>
          </section>
        );
      })}
    </div>,
    document.body,
  );
}
