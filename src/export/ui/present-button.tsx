/**
 * The "Présenter" button of the app's toolbar: presents the current chart (or map) full screen.
 * PresentationMode (and the composer it needs) is loaded only when a presentation starts.
 *
 * The briefing (issue 17: the saved views in the briefing, in order) is played by "Présenter le briefing (n)",
 * which lives with the saved views (src/saved-views/ui/briefing-actions.tsx): this zone may not read them.
 */
import { Suspense, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { translate } from '../../i18n/i18n.ts';
import type { MapView } from '../actions.ts';
import { toPinnedMap, type PinnedMap } from '../pins.ts';
import { exportUiMessages as m } from './messages.ts';
import './export.css';

// lazyWithRetry: a presentation first started offline fails to its error boundary (the explorer's export
// tools), whose Retry lets the next start load it once the network is back.
const PresentationMode = lazyWithRetry(
  () => import('./presentation-mode.tsx').then((mod) => ({ default: mod.PresentationMode })),
  'PresentationMode',
);

export interface PresentButtonProps {
  /** The chart of the current view, if any ("Présenter" is disabled without one). */
  model?: ChartModel | null;
  /** Language of the buttons. */
  lang: Lang;
  /** The map of the current view (the map tab): "Présenter" then presents the map picture. */
  map?: Omit<MapView, 'link'> | undefined;
}

/** The button that starts presentation mode with the current chart (or map). */
export function PresentButton({ model, lang, map }: PresentButtonProps): ReactNode {
  const [slides, setSlides] = useState<ChartModel[] | null>(null);
  // The map of the slide, when presenting the map tab.
  const [maps, setMaps] = useState<(PinnedMap | undefined)[] | undefined>(undefined);
  const opener = useRef<HTMLButtonElement | null>(null);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const close = () => {
    setSlides(null);
    // Return focus to the button that started the show, after the overlay is gone.
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <span className="xm-present">
      <button
        type="button"
        disabled={!model}
        onClick={(e) => {
          if (!model) return;
          opener.current = e.currentTarget;
          setMaps(map ? [toPinnedMap(map.model, map)] : undefined);
          setSlides([model]);
        }}
      >
        {t('present')}
      </button>
      {slides && (
        <Suspense fallback={null}>
          <PresentationMode models={slides} maps={maps} onClose={close} />
        </Suspense>
      )}
    </span>
  );
}
