/**
 * The head of a chart frame — caption (title, subtitle) and the meta line (status badge, source line, denominator,
 * actions) — apart from the frame itself, so the explorer's loading panel can draw the default chart's head with the
 * very markup of the chart that replaces it (src/features/explorer/baked-head.ts, issue 16). Small on purpose: the loading
 * panel is in the app's first chunk, the frame's sources panel and print stamp are not.
 */
import type { ReactNode } from 'react';
import type { DataStatus, Lang } from '../contract/contract.ts';
import { StatusBadge } from '../ui/status-badge.tsx';
import { translate } from '../i18n/i18n.ts';
import { chartMessages } from '../ui/messages.ts';

/**
 * The source line of a chart: every publisher behind the shown points, the indicator's first ("Sources : HCP,
 * CNSS"), or the indicator's own publisher when no point names one. In Arabic each (French) publisher is isolated,
 * so its parentheses keep their place in the right-to-left line.
 */
export function sourceLine(publishers: readonly string[], fallback: string, lang: Lang): string {
  const names = [...new Set(publishers)].map((p) => (lang === 'ar' ? `\u2068${p}\u2069` : p));
  return names.length > 1
    ? translate(chartMessages, lang, 'sourcesLine', { publishers: names.join(lang === 'ar' ? '، ' : ', ') })
    : translate(chartMessages, lang, 'source', { publisher: names[0] ?? fallback });
}

/** Props of `ChartFrameHead`. */
export interface ChartFrameHeadProps {
  /** The frame's id: the caption is `<id>-caption`. */
  id: string;
  title: string;
  subtitle: string;
  status: DataStatus;
  /** From `sourceLine`. */
  source: string;
  denominatorNote?: string | null;
  actions?: ReactNode;
  /**
   * Keep the actions' place without them (a loading frame): an empty slot of the buttons' size, so the meta line
   * wraps and stands as tall as it will with the buttons, and nothing under it moves when they come.
   */
  actionsPlaceholder?: boolean;
  lang: Lang;
}

/** The caption and meta line of a chart frame (inside its `<figure>`). */
export function ChartFrameHead(props: ChartFrameHeadProps) {
  return (
    <>
      <figcaption id={`${props.id}-caption`} className="chart-frame__caption">
        <span className="chart-frame__title">{props.title}</span>
        <span className="chart-frame__subtitle">{props.subtitle}</span>
      </figcaption>
      <div className="chart-frame__meta">
        <StatusBadge status={props.status} lang={props.lang} />
        <span className="chart-frame__source">{props.source}</span>
        {props.denominatorNote ? <span className="chart-frame__denominator">{props.denominatorNote}</span> : null}
        {props.actions ? (
          <span className="chart-frame__actions">{props.actions}</span>
        ) : props.actionsPlaceholder ? (
          <span className="chart-frame__actions chart-frame__actions--placeholder" aria-hidden="true" />
        ) : null}
      </div>
    </>
  );
}
