/**
 * Issue 16 (3), the explorer on a phone (≤ 480 px): its controls — indicator, import, measure, period, events — took
 * 288 px above the chart, so at 390 × 844 the plot began on the screen's last line and no line of the chart was seen
 * before scrolling. On a phone they fold into one row under the selection's summary: what is shown (the indicator and
 * its period) and an "Options" button that opens them in place — a disclosure (WAI-ARIA: a button with
 * `aria-expanded` and `aria-controls`), operable by keyboard and touch. Above 480 px the controls are laid out as
 * before and this adds nothing.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { defineMessages, translate } from '../../i18n/i18n.ts';

const foldMessages = defineMessages({
  options: { fr: 'Options', ar: 'الخيارات', en: 'Options' },
});

export interface ControlsFoldProps {
  /** True at a phone width (./filter-sheet.tsx `usePhoneLayout`): the controls fold. */
  phone: boolean;
  /** What the folded controls show: the indicator and its period ("Taux de couverture AMO · 2021–juil. 2025"). */
  summary: string;
  lang: Lang;
  /** The controls. */
  children: ReactNode;
}

/** The explorer's controls, folded into a summary and an "Options" button on a phone (see the module comment). */
export function ControlsFold({ phone, summary, lang, children }: ControlsFoldProps) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const summaryId = useId();
  if (!phone) return <>{children}</>;
  return (
    <>
      <div className="controls-fold">
        <p id={summaryId} className="controls-fold__summary" data-controls-summary="">
          {summary}
        </p>
        <button
          type="button"
          className="button controls-fold__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-describedby={summaryId}
          data-controls-toggle=""
          onClick={() => setOpen((o) => !o)}
        >
          <span className="controls-fold__chevron" aria-hidden="true" />
          {translate(foldMessages, lang, 'options')}
        </button>
      </div>
      <div id={bodyId} className="controls-fold__body" hidden={!open}>
        {children}
      </div>
    </>
  );
}
