/**
 * "Dans le briefing" (issue 17 item 1): the checkbox of one saved view in the panel's list — whether the briefing
 * plays, exports and prints it (in the list's order). A new view is in the briefing; unticking keeps the view saved.
 * The change is announced through the panel's own live region (`onMessage`), and a refused write says why.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import { briefingMessages as m } from '../briefing-messages.ts';
import { setInBriefing } from '../saved-views-state.ts';
import type { SavedView } from '../types.ts';
import { failureText } from '../use-saved-views.ts';
import './briefing.css';

export interface BriefingToggleProps {
  view: SavedView;
  lang: Lang;
  /** The panel's announcement (polite) or alert, as its other actions use. */
  onMessage?: ((message: { kind: 'ok' | 'error'; text: string }) => void) | undefined;
}

/** The "in the briefing" checkbox of one saved view. */
export function BriefingToggle({ view, lang, onMessage }: BriefingToggleProps): ReactNode {
  const id = useId();
  // The box shows the user's choice at once, while it is written (the list follows once stored); a refused write
  // puts the stored value back.
  const [pending, setPending] = useState<boolean | null>(null);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const toggle = async (inBriefing: boolean) => {
    // One write at a time (the box stays focusable: disabling it would drop the keyboard focus).
    if (pending !== null) return;
    setPending(inBriefing);
    try {
      const r = await setInBriefing(view.id, inBriefing);
      if (r.ok) onMessage?.({ kind: 'ok', text: t(inBriefing ? 'added' : 'removed', { name: view.name }) });
      else onMessage?.({ kind: 'error', text: failureText(r.kind, lang) });
    } finally {
      setPending(null);
    }
  };
  return (
    <span className="briefing-toggle">
      <input
        id={id}
        type="checkbox"
        checked={pending ?? view.inBriefing}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      <label htmlFor={id}>
        {t('inBriefing')}
        <span className="visually-hidden"> : {view.name}</span>
      </label>
    </span>
  );
}
