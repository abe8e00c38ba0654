/**
 * Presentation mode: one chart per slide, full screen (Fullscreen API where allowed, else a fixed
 * overlay), large type, arrow / Page keys to move, Escape to leave. Each slide is the composed
 * export image (same title, legend, source and status as the downloads), shown through a data: URL
 * `<img>` — no innerHTML — composed at 1920×1080 with larger type so it reads from the back of a room.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { GEOMETRY_ENDPOINT, geometryQuery, geometryUrl } from '../../api/geo.ts';
import { fetchJson } from '../../api/client.ts';
import { MoroccoTopology } from '../../contract/geo.ts';
import { leadingModel } from '../../transforms/chart-lead.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { translate } from '../../i18n/i18n.ts';
import { composeMapWithFonts, composeWithFonts } from '../actions.ts';
import { selectionCaption, statusLabel } from '../caption.ts';
import { footnoteTexts, sourceLines, syntheticStamp } from '../provenance-text.ts';
import { mapSourceLine } from '../compose-map-svg.ts';
import { mapModelOfPin, type PinnedMap } from '../pins.ts';
import { svgDataUrl } from '../png.ts';
import { exportUiMessages as m } from './messages.ts';
import './export.css';

export interface PresentationModeProps {
  /** The slides, in order (the current view, or the pinned views). */
  models: ChartModel[];
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
function loadTopology(client: QueryClient | undefined): Promise<MoroccoTopology> {
  return client ? client.fetchQuery(geometryQuery()) : fetchJson(geometryUrl(), GEOMETRY_ENDPOINT, MoroccoTopology, {});
}

/** Compose one slide: the pinned map's picture, or the chart. */
function composeSlide(model: ChartModel, map: PinnedMap | undefined, client: QueryClient | undefined): Promise<string> {
  if (!map) return composeWithFonts(model, SLIDE, 'white', SLIDE.typeScale);
  return loadTopology(client).then((topo) =>
    composeMapWithFonts(
      {
        model: mapModelOfPin(map),
        topo,
        regions: map.regions,
        title: map.title,
        regionLabels: new Map(map.regionLabels),
        link: model.link,
        synthetic: model.synthetic === true,
      },
      SLIDE,
      'white',
      SLIDE.typeScale,
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

/** Full-screen slide show of charts. */
export function PresentationMode({ models: given, onClose, startIndex = 0, maps }: PresentationModeProps): ReactNode {
  const queryClient = useContext(QueryClientContext);
  // Each slide shows the chart that fits its data (issue 13): a line whose values fall on one period, such as a
  // view pinned before that rule, is presented as the ranking of that period.
  const models = useMemo(() => given.map(leadingModel), [given]);
  const count = models.length;
  const [index, setIndex] = useState(() => Math.min(Math.max(0, startIndex), Math.max(0, count - 1)));
  const [images, setImages] = useState<Record<number, string>>({});
  const rootRef = useRef<HTMLDivElement>(null);
  const enteredFullscreen = useRef(false);
  // The latest onClose for the document listeners below, kept in sync after each render (writing a ref during
  // render is not allowed: a render React discards would leave a callback it never committed).
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  const model = models[index];
  const lang = models[0]?.lang ?? 'fr';
  const rtl = (models[0]?.dir ?? 'ltr') === 'rtl';
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
      const mdl = models[i];
      if (!mdl || pending.current.has(i)) continue;
      pending.current.add(i);
      composeSlide(mdl, maps?.[i], queryClient)
        .then((svg) => {
          if (mounted.current) setImages((prev) => ({ ...prev, [i]: svgDataUrl(svg) }));
        })
        .catch(() => pending.current.delete(i));
    }
  }, [index, models, maps, queryClient]);

  const map = maps?.[index];
  const title = map?.title ?? model?.title ?? '';
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
        {src ? (
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
