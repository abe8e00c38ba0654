/**
 * Presentation mode: one chart per slide, full screen (Fullscreen API where allowed, else a fixed
 * overlay), large type, arrow / Page keys to move, Escape to leave. Each slide is the composed
 * export image (same title, legend, source and status as the downloads), shown through a data: URL
 * `<img>` — no innerHTML — composed at 1920×1080 with larger type so it reads from the back of a room.
 *
 * It plays the current chart (or map), or a briefing (issue 17: the saved views in the briefing, in order): a
 * briefing slide carries the saved view's name (shown in the bar and announced), and a view that kept no chart
 * or map (compare, projects, overview) is a title slide — its name, its selection in words and an "Ouvrir la vue"
 * link — never a blank.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { GEOMETRY_ENDPOINT, geometryQuery, geometryUrl } from '../../api/geo.ts';
import { fetchJson } from '../../api/client.ts';
import { MoroccoTopology } from '../../contract/geo.ts';
import { leadingModel } from '../../transforms/chart-lead.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { DIRECTIONS, defineMessages, translate } from '../../i18n/i18n.ts';
import { composeMapWithFonts, composeWithFonts } from '../actions.ts';
import { selectionCaption, statusLabel } from '../caption.ts';
import { footnoteTexts, sourceLines, syntheticStamp } from '../provenance-text.ts';
import { mapSourceLine } from '../compose-map-svg.ts';
import { mapModelOfPin, type PinnedMap } from '../pins.ts';
import { svgDataUrl } from '../png.ts';
import { exportUiMessages as m } from './messages.ts';
import './export.css';
import './presentation-mode.css';

const slideMessages = defineMessages({
  openView: { fr: 'Ouvrir la vue', ar: 'فتح العرض', en: 'Open the view' },
  namedTitle: { fr: '{name} — {title}', ar: '{name} — {title}', en: '{name} — {title}' },
  notDrawn: {
    fr: 'Cette diapositive n’a pas pu être dessinée (hors ligne ?) : ouvrez la vue.',
    ar: 'تعذّر رسم هذه الشريحة (دون اتصال؟): افتح العرض.',
    en: 'This slide could not be drawn (offline?): open the view.',
  },
});

/**
 * One slide: a chart (`model`), a map (`map`, with the view's chart model for its link when there is one), or,
 * with neither, a title slide (`name`, `lines`, `link`).
 */
export interface PresentationSlide {
  /** The saved view's name (a briefing's slides): shown in the bar and announced with the slide. */
  name?: string | undefined;
  model?: ChartModel | undefined;
  map?: PinnedMap | undefined;
  /** A title slide's selection in words, one line each. */
  lines?: readonly string[] | undefined;
  /** The view's link (a title slide's "Ouvrir la vue"; a map's QR code when it has no chart model). */
  link?: string | undefined;
  /**
   * Opens the view in the app (a saved view, with its notice when parts of it are gone): "Ouvrir la vue" then leaves
   * the presentation and calls it instead of loading the link (a new tab or window still follows the link).
   */
  onOpen?: (() => void) | undefined;
}

export interface PresentationModeProps {
  /** The charts, in order (the current view); ignored when `slides` is given. */
  models?: ChartModel[] | undefined;
  /** The slides, in order (a briefing). */
  slides?: readonly PresentationSlide[] | undefined;
  /** Language of the controls when no slide has a chart (a briefing of title slides); the first chart's by default. */
  lang?: Lang | undefined;
  /** Called when the user leaves (Escape, the exit button, or leaving full screen). */
  onClose(): void;
  /** Slide shown first; 0 by default. */
  startIndex?: number;
  /** By slide, the pinned map it shows instead of its chart (issue 13: pins include maps). */
  maps?: readonly (PinnedMap | undefined)[] | undefined;
}

/** Slide size and type scale of presentation slides. */
const SLIDE = { width: 1920, height: 1080, typeScale: 1.3 } as const;

/** The boundary file: from the app's query cache when there is one (fetched once per session), else fetched. */
export function loadTopology(client: QueryClient | undefined): Promise<MoroccoTopology> {
  return client ? client.fetchQuery(geometryQuery()) : fetchJson(geometryUrl(), GEOMETRY_ENDPOINT, MoroccoTopology, {});
}

/**
 * Compose the picture of a slide (SVG markup): the map's, or the chart's; `null` for a title slide. Also used by the
 * briefing's print document (src/saved-views/ui/briefing-print.tsx).
 */
export function composeSlideImage(
  slide: PresentationSlide,
  client: QueryClient | undefined,
  size: { width: number; height: number; typeScale: number } = SLIDE,
): Promise<string> | null {
  const { model, map } = slide;
  if (!map) return model ? composeWithFonts(model, size, 'white', size.typeScale) : null;
  return loadTopology(client).then((topo) =>
    composeMapWithFonts(
      {
        model: mapModelOfPin(map),
        topo,
        regions: map.regions,
        title: map.title,
        regionLabels: new Map(map.regionLabels),
        link: model?.link ?? slide.link ?? '',
        synthetic: model?.synthetic === true,
      },
      size,
      'white',
      size.typeScale,
    ),
  );
}

/** Which way a key moves, or null. Arrows follow the reading direction (mirrored in Arabic). */
export function slideStep(key: string, rtl: boolean): -1 | 1 | 'first' | 'last' | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowDown':
    case ' ':
      return 1;
    case 'PageUp':
    case 'ArrowUp':
      return -1;
    case 'ArrowRight':
      return rtl ? -1 : 1;
    case 'ArrowLeft':
      return rtl ? 1 : -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** Full-screen slide show of charts, maps and title slides. */
export function PresentationMode({
  models: given,
  slides: givenSlides,
  lang: givenLang,
  onClose,
  startIndex = 0,
  maps,
}: PresentationModeProps): ReactNode {
  const queryClient = useContext(QueryClientContext);
  // Each slide shows the chart that fits its data (issue 13): a line whose values fall on one period, such as a
  // view saved before that rule, is presented as the ranking of that period.
  const slides = useMemo<PresentationSlide[]>(
    () =>
      (givenSlides ?? (given ?? []).map((model, i) => ({ model, map: maps?.[i] }))).map((s) =>
        s.model ? { ...s, model: leadingModel(s.model) } : s,
      ),
    [givenSlides, given, maps],
  );
  const count = slides.length;
  const [index, setIndex] = useState(() => Math.min(Math.max(0, startIndex), Math.max(0, count - 1)));
  // By slide: its picture, or null when it could not be drawn (then the slide says so, with its name and link).
  const [images, setImages] = useState<Record<number, string | null>>({});
  const rootRef = useRef<HTMLDivElement>(null);
  const enteredFullscreen = useRef(false);
  // The latest onClose for the document listeners below, kept in sync after each render (writing a ref during
  // render is not allowed: a render React discards would leave a callback it never committed).
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  const slide = slides[index];
  const model = slide?.model;
  const lang: Lang = givenLang ?? slides.find((s) => s.model)?.model?.lang ?? slides[0]?.map?.model.lang ?? 'fr';
  const rtl = DIRECTIONS[lang] === 'rtl';
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);

  const go = useCallback(
    (step: -1 | 1 | 'first' | 'last') =>
      setIndex((i) =>
        step === 'first' ? 0 : step === 'last' ? count - 1 : Math.min(count - 1, Math.max(0, i + step)),
      ),
    [count],
  );

  // Full screen where the browser allows it; the fixed overlay is the fallback either way.
  useEffect(() => {
    const el = rootRef.current;
    el?.focus();
    const onChange = () => {
      if (document.fullscreenElement === el) enteredFullscreen.current = true;
      else if (enteredFullscreen.current) closeRef.current(); // the browser's Escape left full screen
    };
    document.addEventListener('fullscreenchange', onChange);
    if (el && document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      el.requestFullscreen().catch(() => {
        // Not allowed (no user gesture, iframe policy): stay as an overlay.
      });
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === el) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        closeRef.current();
        return;
      }
      if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
      const step = slideStep(e.key, rtl);
      if (step !== null) {
        e.preventDefault();
        go(step);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, rtl]);

  // Compose the current slide and the next one ahead of time (each once, results kept).
  const pending = useRef(new Set<number>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    for (const i of [index, index + 1]) {
      const s = slides[i];
      if (!s || pending.current.has(i)) continue;
      const composing = composeSlideImage(s, queryClient);
      if (!composing) continue; // a title slide: nothing to compose
      pending.current.add(i);
      composing
        .then((svg) => {
          if (mounted.current) setImages((prev) => ({ ...prev, [i]: svgDataUrl(svg) }));
        })
        .catch(() => {
          if (mounted.current) setImages((prev) => ({ ...prev, [i]: null }));
        });
    }
  }, [index, slides, queryClient]);

  const map = slide?.map;
  const isTitleSlide = !!slide && !slide.model && !slide.map;
  const ownTitle = map?.title ?? model?.title ?? '';
  const name = slide?.name?.trim() ?? '';
  const title =
    name === ''
      ? ownTitle
      : ownTitle === ''
        ? name
        : translate(slideMessages, lang, 'namedTitle', { name, title: ownTitle });
  // The slide's text for screen readers: what the picture says, qualified values, notes and every source included.
  const stamp = model?.synthetic ? `${syntheticStamp(lang)}. ` : '';
  const alt = map
    ? `${stamp}${map.title}. ${map.model.subtitle}. ${mapSourceLine(mapModelOfPin(map))}. ${map.model.attribution}. ${statusLabel(map.model.status, map.model.lang)}.`
    : model
      ? [
          `${stamp}${model.title}`,
          selectionCaption(model),
          ...footnoteTexts(model).lines,
          ...sourceLines(model, Infinity, 'csv').lines,
          `${statusLabel(model.status, model.lang)}.`,
        ].join('. ')
      : '';
  const src = images[index];
  // A title slide's text; for a chart or map that could not be drawn, its title and why, then the same link.
  const titleLines = isTitleSlide
    ? (slide?.lines ?? [])
    : [...(name && ownTitle ? [ownTitle] : []), translate(slideMessages, lang, 'notDrawn')];
  const titleLink = slide?.link ?? model?.link;

  return (
    <div
      ref={rootRef}
      className="pm"
      role="dialog"
      aria-modal="true"
      aria-label={t('presentation')}
      tabIndex={-1}
      dir={rtl ? 'rtl' : 'ltr'}
      lang={lang}
    >
      <div className="pm-bar">
        <span className="pm-counter" aria-hidden="true">
          {t('slideCounter', { i: index + 1, n: count })}
        </span>
        {name !== '' && !isTitleSlide ? (
          <span className="pm-name" aria-hidden="true" dir="auto">
            {name}
          </span>
        ) : null}
        <span>
          <button type="button" onClick={() => go(-1)} disabled={index === 0} aria-label={t('previous')}>
            {rtl ? '→' : '←'}
          </button>{' '}
          <button type="button" onClick={() => go(1)} disabled={index >= count - 1} aria-label={t('next')}>
            {rtl ? '←' : '→'}
          </button>{' '}
          <button type="button" onClick={() => closeRef.current()}>
            {t('exit')}
          </button>
        </span>
      </div>
      <div className="pm-stage">
        {isTitleSlide || src === null ? (
          <div className="pm-title-slide">
            <h2 className="pm-title-slide__name" dir="auto">
              {name || ownTitle}
            </h2>
            {titleLines.length > 0 ? (
              <ul className="pm-title-slide__lines">
                {titleLines.map((line) => (
                  <li key={line} dir="auto">
                    {line}
                  </li>
                ))}
              </ul>
            ) : null}
            {titleLink ? (
              <a
                className="pm-title-slide__open"
                href={titleLink}
                onClick={(e) => {
                  const open = slide?.onOpen;
                  if (!open || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  closeRef.current();
                  open();
                }}
              >
                {translate(slideMessages, lang, 'openView')}
              </a>
            ) : null}
          </div>
        ) : src ? (
          <img src={src} alt={alt} width={SLIDE.width} height={SLIDE.height} />
        ) : (
          <p role="status">{t('loadingSlide')}</p>
        )}
      </div>
      <p className="pm-help">{t('keysHelp')}</p>
      <div className="pm-sr" aria-live="polite" aria-atomic="true">
        {t('slideAnnounce', { i: index + 1, n: count, title })}
      </div>
    </div>
  );
}
