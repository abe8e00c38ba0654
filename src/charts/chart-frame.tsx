/**
 * The frame of every chart: a `<figure>` whose `<figcaption>` names indicator, territories and period,
 * the status badge, the chart, the generated text summary, missing-value reasons and the sources panel (every
 * source of the shown points as a citation, with the points it covers).
 * An `actions` slot takes the export menu.
 */
import type { ReactNode } from 'react';
import type { DataStatus, Lang, Source } from '../contract/contract.ts';
import { ChartFrameHead, sourceLine } from './chart-frame-head.tsx';
import type { MissingItem } from '../transforms/chart-types.ts';
import type { SourceGroup } from '../transforms/provenance.ts';
import { MissingList, SourcesPanel } from './sources-panel.tsx';
import { PrintStamp } from '../ui/print-stamp.tsx';

/** Props of `ChartFrame`. */
export interface ChartFrameProps {
  id: string;
  title: string;
  subtitle: string;
  status: DataStatus;
  source: Source;
  method: string;
  lang: Lang;
  /** Generated text summary (screen readers and everyone). */
  summary?: string;
  /** "Dénominateur : population RGPH 2024" when the measure divides. */
  denominatorNote?: string | null;
  missing?: readonly MissingItem[];
  /** The sources of the shown points with the points each covers (`sourceGroups`); the indicator's alone if absent. */
  sources?: readonly SourceGroup[];
  actions?: ReactNode;
  children: ReactNode;
}

/** A captioned chart with its sources. */
export function ChartFrame(props: ChartFrameProps) {
  const { lang } = props;
  return (
    <figure className="chart-frame" aria-labelledby={`${props.id}-caption`}>
      <ChartFrameHead
        id={props.id}
        title={props.title}
        subtitle={props.subtitle}
        status={props.status}
        source={sourceLine(
          (props.sources ?? []).map((g) => g.source.publisher),
          props.source.publisher,
          lang,
        )}
        denominatorNote={props.denominatorNote}
        actions={props.actions}
        lang={lang}
      />
      <div className="chart-frame__body">{props.children}</div>
      {props.summary ? <p className="chart-frame__summary">{props.summary}</p> : null}
      {props.missing ? <MissingList items={props.missing} lang={lang} /> : null}
      <SourcesPanel
        source={props.source}
        status={props.status}
        method={props.method}
        lang={lang}
        sources={props.sources}
        missing={props.missing}
      />
      {/* On paper: the view's link as a QR code and the date of printing (issue 17). */}
      <PrintStamp lang={lang} />
    </figure>
  );
}
