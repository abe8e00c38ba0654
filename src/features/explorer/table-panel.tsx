/**
 * The table tab: the same rows as the chart (territory × period, measure applied), sortable by any
 * column (buttons in headers, `aria-sort`), with absolute and % change from the first to the last
 * period with data in the range. A value carries its qualifier ("≈ 10 000 000"); a point with a note, a qualifier
 * or its own source gets a numbered mark linking to the notes under the table (territory, period — the source's
 * words for an undated point —, the note with its confidence, the point's source as a citation with its link).
 */
import { useId, useMemo, useState } from 'react';
import type { Lang, Source, Unit } from '../../contract/contract.ts';
import type { ChartModel, ChartPoint } from '../../transforms/chart-types.ts';
import { themedColor } from '../../transforms/palette.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatPeriod, formatSigned, formatSignedPercent } from '../../i18n/format.ts';
import { buildWideRows, sortWideRows, type SortDirection, type SortKey } from '../../transforms/table.ts';
import { formatMeasured, pointCaveat, pointPeriodText, pointValueText } from '../../transforms/value-format.ts';
import { chartMessages } from '../../ui/messages.ts';
import { screenCitation } from '../../ui/source-line.tsx';
import { explorerMessages } from './messages.ts';

/** One numbered note of the table: a point with a qualifier, a note or its own source. */
export interface TableNote {
  n: number;
  series: string;
  point: ChartPoint;
}

/** The table's notes in series then period order, numbered from 1, keyed by `seriesKey|period`. Pure. */
export function tableNotes(model: Pick<ChartModel, 'series'>): Map<string, TableNote> {
  const notes = new Map<string, TableNote>();
  for (const s of model.series)
    for (const p of s.points)
      if (p.value !== null && (p.qualifier || p.note || p.source || p.periodLabel))
        notes.set(`${s.key}|${p.period}`, { n: notes.size + 1, series: s.label, point: p });
  return notes;
}

function SourceCitation({ source, lang }: { source: Source; lang: Lang }) {
  return (
    <>
      {translate(chartMessages, lang, 'pointSource', { citation: screenCitation(source, lang) })}
      {' — '}
      <a href={source.url} target="_blank" rel="noopener noreferrer" dir="ltr">
        {source.url}
      </a>
    </>
  );
}

/** The data table of a line model. */
export function DataTable({ model, unitCode }: { model: ChartModel; unitCode: Unit['code'] }) {
  const lang = model.lang;
  const t = (k: keyof typeof explorerMessages, vars?: Record<string, string | number>) =>
    translate(explorerMessages, lang, k, vars);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDirection }>({ key: 'last', dir: 'descending' });
  const rows = useMemo(
    () => sortWideRows(buildWideRows(model), sort.key, sort.dir, model.periods, lang),
    [model, sort, lang],
  );
  const fmt = (v: number | null) => formatMeasured(v, unitCode, model.measure, lang);
  const notes = useMemo(() => tableNotes(model), [model]);
  const noteId = useId();
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? sort.dir : 'none'} key={key}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort({
              key,
              dir:
                active && sort.dir === 'descending'
                  ? 'ascending'
                  : active
                    ? 'descending'
                    : key === 'label'
                      ? 'ascending'
                      : 'descending',
            })
          }
        >
          {label}
          <span aria-hidden="true" className="sort-button__icon">
            {active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    // A scrollable region must be reachable by keyboard to scroll it (axe scrollable-region-focusable).
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable on purpose, see above
    <div className="table-wrap" tabIndex={0} role="region" aria-label={model.title}>
      <table className="data-table">
        <caption>{t('tableCaption', { indicator: model.title, subtitle: model.subtitle })}</caption>
        <thead>
          <tr>
            {header('label', t('territory'))}
            {model.periods.map((p) => header(`period:${p}`, formatPeriod(p, lang)))}
            {header('absolute', t('change'))}
            {header('percent', t('changePct'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <span className="legend__swatch" style={{ background: themedColor(r.color) }} aria-hidden="true" />
                {r.label}
              </th>
              {r.points.map((p, i) => {
                const note = notes.get(`${r.code}|${p.period}`);
                return (
                  <td key={model.periods[i]} className={p.value === null ? 'cell--missing' : undefined}>
                    {pointValueText(p, fmt, lang)}
                    {note ? (
                      <sup className="table-note-ref">
                        <a
                          href={`#${noteId}-${note.n}`}
                          aria-label={translate(chartMessages, lang, 'noteRef', { n: note.n })}
                        >
                          {note.n}
                        </a>
                      </sup>
                    ) : null}
                  </td>
                );
              })}
              <td>
                {r.delta.absolute === null
                  ? t(r.delta.reason ?? 'missing-base')
                  : formatSigned(r.delta.absolute, lang, model.measure === 'absolute' ? 1 : 2)}
              </td>
              <td>
                {r.delta.percent === null
                  ? t(r.delta.reason ?? 'missing-base')
                  : formatSignedPercent(r.delta.percent, lang, 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.size > 0 ? (
        <div className="table-notes">
          <p className="table-notes__title">{translate(chartMessages, lang, 'notes')}</p>
          <ol>
            {[...notes.values()].map(({ n, series, point }) => {
              const caveat = pointCaveat(point, lang);
              return (
                <li key={n} id={`${noteId}-${n}`} value={n}>
                  {translate(chartMessages, lang, 'missingItem', {
                    name: series,
                    period: pointPeriodText(point, lang),
                    reason: pointValueText(point, fmt, lang),
                  })}
                  {caveat ? ` — ${caveat}` : null}
                  {point.source ? (
                    <>
                      {'. '}
                      <SourceCitation source={point.source} lang={lang} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
