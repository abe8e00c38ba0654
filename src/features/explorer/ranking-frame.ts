/**
 * The frame props of the ranking chart (title "… — classement <period>", its model's subtitle, status, sources and
 * notes), shared by the explorer's chart tab and the embedded chart so the two captions cannot drift apart.
 */
import type { Lang } from '../../contract/contract.ts';
import type { ChartFrameProps } from '../../charts/chart-frame.tsx';
import { formatPeriod } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.ts';
import type { ExplorerChart } from '../../transforms/explorer-model.ts';
import { explorerMessages } from './messages.ts';

/** Everything `ChartFrame` needs for the ranking but its id, actions and chart. */
export function rankingFrameProps(
  bar: ExplorerChart,
  lang: Lang,
): Omit<ChartFrameProps, 'id' | 'actions' | 'children'> {
  const period = bar.model.periods[0] ?? null;
  return {
    title: translate(explorerMessages, lang, 'rankedTitle', {
      indicator: bar.model.title,
      period: period ? formatPeriod(period, lang) : '',
    }),
    subtitle: bar.model.subtitle,
    status: bar.model.status,
    source: bar.model.source,
    method: bar.model.method,
    lang,
    summary: bar.summary,
    denominatorNote: bar.model.denominatorNote,
    missing: bar.missing,
    sources: bar.sources,
  };
}
