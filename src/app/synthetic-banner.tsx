/**
 * The synthetic-mode banner (issue 14 item 4): on every view while the mock API serves the stress catalogue,
 * a labelled region (not a modal, not an alert) saying the figures are generated, with the one-click way back
 * to the real data. In the page flow above the header, so it is the first thing read and never covers a chart.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { returnToRealData, useDatasetMode } from './dataset-mode.ts';
import { appMessages } from './messages.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

/** The banner, or after the way back a (hidden) status line saying the real data is shown. */
export function SyntheticBanner({ lang }: { lang: Lang }) {
  const mode = useDatasetMode();
  const queryClient = useQueryClient();
  const [left, setLeft] = useState(false);
  const wasStress = useRef(mode.dataset === 'stress');
  useEffect(() => {
    if (wasStress.current && mode.dataset === 'default') {
      setLeft(true);
      // The button that had the focus is gone: give it to the content, as a skip link would.
      document.getElementById('main')?.focus();
    }
    wasStress.current = mode.dataset === 'stress';
  }, [mode.dataset]);
  const t = (key: `synthetic${'Tag' | 'Title' | 'Body' | 'Back' | 'Switching' | 'Done'}`) =>
    translate(appMessages, lang, key);
  return (
    <>
      {mode.dataset === 'stress' ? (
        <section className="synthetic-banner" aria-labelledby="synthetic-banner-title" data-testid="synthetic-banner">
          <span className="synthetic-banner__tag" aria-hidden="true">
            {/* A word, not a colour, marks it: the same in every theme and in print. */}
            {t('syntheticTag')}
          </span>
          <div className="synthetic-banner__text">
            <h2 id="synthetic-banner-title" className="synthetic-banner__title">
              {t('syntheticTitle')}
            </h2>
            <p className="synthetic-banner__body">{t('syntheticBody')}</p>
          </div>
          <button
            type="button"
            className="button synthetic-banner__back"
            aria-disabled={mode.switching || undefined}
            onClick={() => {
              if (!mode.switching) void returnToRealData(queryClient);
            }}
          >
            {mode.switching ? t('syntheticSwitching') : t('syntheticBack')}
          </button>
        </section>
      ) : null}
      <p role="status" className="visually-hidden">
        {left && mode.dataset === 'default' ? t('syntheticDone') : ''}
      </p>
    </>
  );
}
