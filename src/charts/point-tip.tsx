/**
 * What a chart says about one point wherever it shows it (the SVG tooltip, the canvas hover card, the keyboard
 * announcement): the value with its qualifier ("≈ 10 M", "أكثر من 11 مليون"), the period (or the source's own words for
 * an undated point), the note with how well the point is confirmed, and the point's own source as a short citation.
 */
import type { Lang, Source } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import type { ChartModel, ChartPoint } from '../transforms/chart-types.ts';
import { themedColor } from '../transforms/palette.ts';
import { pointCaveat, pointPeriodText, pointValueText } from '../transforms/value-format.ts';
import { chartMessages } from '../ui/messages.ts';
import './point-tip.css';

/** A point's own source, short: "Chef du gouvernement, 15 juil. 2025" (the sources panel has the full citation). */
export function shortCitation(source: Source, lang: Lang): string {
  const publisher = lang === 'ar' ? `\u2068${source.publisher}\u2069` : source.publisher;
  return source.published
    ? translate(chartMessages, lang, 'sourceLine', { publisher, date: formatDate(source.published, lang) })
    : publisher;
}

/** The lines under a point's value: its caveat (note, confidence) and its own source; empty when it has neither. */
export function pointNoteLines(point: ChartPoint, lang: Lang): string[] {
  const lines: string[] = [];
  const caveat = point.value === null ? null : pointCaveat(point, lang);
  if (caveat) lines.push(caveat);
  if (point.source && point.value !== null)
    lines.push(translate(chartMessages, lang, 'pointSource', { citation: shortCitation(point.source, lang) }));
  return lines;
}

/**
 * The keyboard announcement of a point: "Maroc, 2024 : > 11 000 000. Note … · deux sources concordantes. Source : …";
 * a gap says "Pas de données (reason)".
 */
export function pointAnnouncement(
  seriesLabel: string,
  point: ChartPoint,
  format: (value: number | null) => string,
  lang: Lang,
): string {
  const value =
    point.value === null
      ? `${translate(chartMessages, lang, 'noData')} (${translate(chartMessages, lang, point.reason ?? 'not-published')})`
      : pointValueText(point, format, lang);
  const head = translate(chartMessages, lang, 'pointAnnounce', {
    name: seriesLabel,
    period: pointPeriodText(point, lang),
    value,
  });
  const lines = pointNoteLines(point, lang);
  return lines.length > 0 ? `${head}. ${lines.join('. ')}` : head;
}

/** Props of {@link PointTip}. */
export interface PointTipProps {
  model: Pick<ChartModel, 'series' | 'periods' | 'lang' | 'dir'>;
  /** Index of the period in `model.periods`. */
  periodIndex: number;
  /** Series shown, by index in `model.series`, first highlighted when `highlightFirst`. */
  series: readonly number[];
  format: (value: number | null) => string;
  highlightFirst?: boolean;
  /** A line under the rows (the canvas card's hint). */
  footer?: string;
}

/**
 * The card of one period's points: the period (the source's words when every shown point is undated alike), then one
 * row per series — swatch, name, value with its qualifier — and under a row its note, confidence and own source.
 */
export function PointTip({ model, periodIndex, series, format, highlightFirst = false, footer }: PointTipProps) {
  const lang = model.lang;
  const period = model.periods[periodIndex] ?? '';
  const rows = series.flatMap((i) => {
    const s = model.series[i];
    const point = s?.points[periodIndex];
    return s && point ? [{ s, point }] : [];
  });
  const labels = new Set(rows.filter((r) => r.point.value !== null).map((r) => r.point.periodLabel ?? ''));
  const shared = labels.size === 1 ? [...labels][0] : undefined;
  return (
    <div className="point-tip" dir={model.dir}>
      <div className="point-tip__period">{shared || formatPeriod(period, lang)}</div>
      {rows.map(({ s, point }, rank) => {
        const lines = pointNoteLines(point, lang);
        const ownLabel = point.periodLabel && point.periodLabel !== shared ? point.periodLabel : null;
        return (
          <div
            key={s.key}
            className={highlightFirst && rank === 0 ? 'point-tip__row point-tip__row--top' : 'point-tip__row'}
          >
            <div className="point-tip__line">
              <span className="point-tip__swatch" style={{ background: themedColor(s.color) }} />
              <span>{s.label}</span>
              <span className="point-tip__value">{pointValueText(point, format, lang)}</span>
            </div>
            {ownLabel ? <div className="point-tip__note">{ownLabel}</div> : null}
            {lines.map((l) => (
              <div key={l} className="point-tip__note">
                {l}
              </div>
            ))}
          </div>
        );
      })}
      {footer ? <div className="point-tip__footer">{footer}</div> : null}
    </div>
  );
}
