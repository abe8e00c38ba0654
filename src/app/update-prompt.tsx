/**
 * "Nouvelle version disponible" (issue 16, item 4): a new deployment's worker has installed and waits. The page keeps
 * running on the files it started with until the reader chooses "Recharger" (src/app/sw-register.ts applyUpdate);
 * "Plus tard" hides the prompt for this page. A polite status region that always exists, so the prompt is announced
 * when it appears; a bar pinned to the bottom edge, so it shifts nothing on the page.
 */
import { useState } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { offlineMessages } from './offline-messages.ts';
import { applyUpdate, useOfflineState } from './sw-register.ts';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

export function UpdatePrompt({ lang }: { lang: Lang }) {
  const { updateReady } = useOfflineState();
  const [later, setLater] = useState(false);
  const [reloading, setReloading] = useState(false);
  const t = (key: 'updateTitle' | 'updateBody' | 'updateReload' | 'updateLater') =>
    translate(offlineMessages, lang, key);
  return (
    <div role="status" aria-live="polite" className="update-prompt-region">
      {updateReady && !later ? (
        <section className="update-prompt" aria-labelledby="update-prompt-title" data-testid="update-prompt">
          <div className="update-prompt__text">
            <h2 id="update-prompt-title" className="update-prompt__title">
              {t('updateTitle')}
            </h2>
            <p className="update-prompt__body">{t('updateBody')}</p>
          </div>
          <div className="update-prompt__actions">
            <button
              type="button"
              className="button"
              aria-disabled={reloading || undefined}
              onClick={() => {
                if (reloading) return;
                setReloading(true);
                applyUpdate();
              }}
            >
              {t('updateReload')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setLater(true)}>
              {t('updateLater')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
