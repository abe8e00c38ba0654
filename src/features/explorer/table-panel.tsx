/**
 * The table tab: the same rows as the chart (territory × period, measure applied), sortable by any
 * column (buttons in headers, `aria-sort`), with absolute and % change from the first to the last
 * period with data in the range.
 */
import { useMemo, useState } from 'react';
import type { Unit } from '../../contract/contract.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import { themedColor } from '../../transforms/palette.ts';
import { translate } from '../../i18n/i18n.ts';
import { formatPeriod, formatSigned, formatSignedPercent } from '../../i18n/format.ts';
import { buildWideRows, sortWideRows, type SortDirection, type SortKey } from '../../transforms/table.ts';
import { formatMeasured } from '../../transforms/value-format.ts';
import { explorerMessages } from './messages.ts';

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
              {r.values.map((v, i) => (
                <td key={model.periods[i]} className={v === null ? 'cell--missing' : undefined}>
                  {fmt(v)}
                </td>
              ))}
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
    </div>
  );
}
