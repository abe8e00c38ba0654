/**
 * The explorer's export tools (the chart tab's and the map tab's): the "Présenter" buttons and the export menu,
 * loaded on demand. The menu carries pptxgenjs, qrcode and fonts: loaded only when the explorer shows a chart or
 * a map, in its own chunk, so exports never weigh on the first load. lazyWithRetry: if that first load happens
 * offline, Retry loads it once the network is back.
 */
import { Suspense, useMemo } from 'react';
import type { Lang } from '../../contract/contract.ts';
import type { ExportMenuProps } from '../../export/ui/export-menu.tsx';
import { translate } from '../../i18n/i18n.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import type { LongRow } from '../../transforms/table.ts';
import { ErrorBoundary, PanelErrorFallback } from '../../ui/error-boundary.tsx';
import { isChunkLoadError, lazyWithRetry } from '../../ui/lazy-retry.ts';
import { explorerMessages } from './messages.ts';

const ExportMenu = lazyWithRetry(
  () => import('../../export/ui/export-menu.tsx').then((m) => ({ default: m.ExportMenu })),
  'ExportMenu',
);
const PresentButton = lazyWithRetry(
  () => import('../../export/ui/present-button.tsx').then((m) => ({ default: m.PresentButton })),
  'PresentButton',
);

/** Props of `Exports`. */
export interface ExportsProps {
  model: ChartModel;
  /** Rows of the table tab, built on first use (not needed for a map). */
  rows?: () => LongRow[];
  fullRows?: () => LongRow[];
  lang: Lang;
  chartSize?: { width: number; height: number };
  present?: boolean;
  /** Export the map instead of the chart (the map tab). */
  map?: ExportMenuProps['map'];
}

/** The export tools of one chart or map; a failure hides them and leaves the chart or map alone. */
export function Exports(props: ExportsProps) {
  const { model, lang, rows: getRows, fullRows: getFullRows } = props;
  // The model builds its CSV rows on first use: here, in this component's own render, not in the model's build.
  const rows = useMemo(() => getRows?.(), [getRows]);
  const fullRows = useMemo(() => getFullRows?.(), [getFullRows]);
  return (
    <ErrorBoundary
      // Code that could not be loaded (offline) says so, with a Retry; any other failure of the export
      // tools hides them and leaves the chart alone.
      fallback={(error, reset) =>
        isChunkLoadError(error) ? <PanelErrorFallback lang={lang} error={error} onRetry={reset} /> : null
      }
      resetKeys={[model]}
    >
      <Suspense fallback={<span className="muted">{translate(explorerMessages, lang, 'exportLoading')}</span>}>
        {props.present ? <PresentButton model={model} lang={lang} {...(props.map ? { map: props.map } : {})} /> : null}
        <ExportMenu
          model={model}
          {...(rows ? { tableRows: rows } : {})}
          {...(fullRows ? { fullRows } : {})}
          {...(props.chartSize ? { chartSize: props.chartSize } : {})}
          {...(props.map ? { map: props.map } : {})}
        />
      </Suspense>
    </ErrorBoundary>
  );
}
