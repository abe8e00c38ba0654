/**
 * "Présenter" buttons for the app's toolbar: present the current chart, or the pinned views.
 * PresentationMode (and the composer it needs) is loaded only when a presentation starts.
 */
import { Suspense, useRef, useState, type ReactNode } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { lazyWithRetry } from '../../ui/lazy-retry.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { translate } from '../../i18n/i18n.ts';
import type { MapView } from '../actions.ts';
import { toPinnedMap, type PinnedMap } from '../pins.ts';
import { exportUiMessages as m } from './messages.ts';
import { usePins } from './use-pins.ts';
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

/** Buttons that start presentation mode with the current chart or with the pinned views. */
export function PresentButton({ model, lang, map }: PresentButtonProps): ReactNode {
  const { pins } = usePins();
  const [slides, setSlides] = useState<ChartModel[] | null>(null);
  // The pinned maps, by slide (a map pin presents as the map picture); none when presenting the current chart.
  const [maps, setMaps] = useState<(PinnedMap | undefined)[] | undefined>(undefined);
  const opener = useRef<HTMLButtonElement | null>(null);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const start = (models: ChartModel[], button: HTMLButtonElement, pinnedMaps?: (PinnedMap | undefined)[]) => {
    opener.current = button;
    setMaps(pinnedMaps);
    setSlides(models);
  };
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
        onClick={(e) => model && start([model], e.currentTarget, map ? [toPinnedMap(map.model, map)] : undefined)}
      >
        {t('present')}
      </button>
      {pins.length > 0 && (
        <button
          type="button"
          onClick={(e) =>
            start(
              pins.map((p) => p.model),
              e.currentTarget,
              pins.map((p) => p.map),
            )
          }
        >
          {t('presentPinned', { n: pins.length })}
        </button>
      )}
      {slides && (
        <Suspense fallback={null}>
          <PresentationMode models={slides} maps={maps} onClose={close} />
        </Suspense>
      )}
    </span>
  );
}
