/**
 * The explorer's chart panel while it loads: the plain skeleton, or — on the default explorer view, whose head the
 * build baked into the page (./baked-head.ts) — the line chart's own frame with its head drawn and a skeleton where
 * the chart will be. Rendered by the prerendered shell, by the app while its view loads (src/app/view-skeleton.tsx)
 * and by the view while its data load (./explorer-view.tsx), so the head stays put from the first paint until the
 * chart's frame replaces this one with the same markup.
 */
import type { Lang } from '../../contract/contract.ts';
import { ChartFrameHead } from '../../charts/chart-frame-head.tsx';
import { PanelSkeleton } from '../../ui/panel-states.tsx';
import { useViewStore } from '../../state/view-store.ts';
import { BAKED_HEAD_ATTRIBUTE, bakedHeadFor } from './baked-head.ts';

/** The id of the explorer's line chart frame (its caption is `<id>-caption`). */
export const EXPLORER_LINE_ID = 'explorer-line';

/**
 * @param height the plain skeleton's height (the whole panel)
 * @param bodyHeight the chart's height, under a baked head
 * @param awaiting what is awaited, said when loading is slow (`PanelSkeleton`)
 */
export function ExplorerChartSkeleton({
  lang,
  height,
  bodyHeight,
  awaiting,
}: {
  lang: Lang;
  height: number;
  bodyHeight: number;
  awaiting?: string;
}) {
  const head = useViewStore(bakedHeadFor);
  if (!head) return <PanelSkeleton height={height} lang={lang} awaiting={awaiting} />;
  return (
    <div className="chart-tab" {...{ [BAKED_HEAD_ATTRIBUTE]: JSON.stringify(head) }}>
      {/* Busy until the chart's own frame replaces this one (tests tell a drawn chart by `figure:not([aria-busy])`). */}
      <figure className="chart-frame" aria-labelledby={`${EXPLORER_LINE_ID}-caption`} aria-busy="true">
        <ChartFrameHead
          id={EXPLORER_LINE_ID}
          title={head.title}
          subtitle={head.subtitle}
          status={head.status}
          source={head.source}
          denominatorNote={head.denominatorNote}
          actionsPlaceholder
          lang={lang}
        />
        <div className="chart-frame__body">
          <PanelSkeleton height={bodyHeight} lang={lang} awaiting={awaiting} />
        </div>
      </figure>
    </div>
  );
}
