/**
 * Step 2 of the import: the first rows of the file as a table, each column headed by the role Mouchir recognised
 * (territory, period, value, indicator, a period of a wide layout, or ignored), correctable with a select. Cells are
 * text as written in the file: React escapes them, formulas and markup are shown, never evaluated.
 */
import { useId } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.ts';
import type { ColumnRole, Preview } from '../../import/types.ts';
import type { RoleProblem } from './mapping.ts';
import { ROLES } from './mapping.ts';
import { FileText } from './file-text.tsx';
import { importMessages as m } from './messages.ts';

const ROLE_KEYS: Record<ColumnRole, keyof typeof m> = {
  territory: 'role-territory',
  period: 'role-period',
  value: 'role-value',
  indicator: 'role-indicator',
  'period-value': 'role-wide-period',
  ignored: 'role-ignore',
};

/** The words of a role. */
export function roleText(role: ColumnRole, lang: Lang): string {
  return translate(m, lang, ROLE_KEYS[role]);
}

/** Rows shown in the preview table (the worker sends up to 20). */
const SHOWN_ROWS = 8;

export function ColumnsStep({
  preview,
  roles,
  problems,
  emptyAsGap,
  indicatorLabels,
  indicatorChoice,
  lang,
  onRole,
  onEmptyAsGap,
  onIndicatorChoice,
}: {
  preview: Preview;
  roles: readonly ColumnRole[];
  problems: readonly RoleProblem[];
  emptyAsGap: boolean;
  /** The indicator column's labels (when there is one): the user imports one of them. */
  indicatorLabels: readonly string[];
  indicatorChoice: string | null;
  lang: Lang;
  onRole: (column: number, role: ColumnRole) => void;
  onEmptyAsGap: (keep: boolean) => void;
  onIndicatorChoice: (label: string) => void;
}) {
  const id = useId();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const wide = roles.includes('period-value');
  const indicatorColumn = roles.indexOf('indicator');
  return (
    <section className="import-section" aria-labelledby={`${id}-h`} data-step="columns">
      <h3 id={`${id}-h`} className="import-section__title">
        {t('stepColumns')}
      </h3>
      <p className="muted">{t('columnsHelp')}</p>
      {/* A scrollable region must be reachable by keyboard to scroll it (axe scrollable-region-focusable). */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable on purpose, see above */}
      <div className="import-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-cap`}>
        <table className="import-table import-preview">
          <caption id={`${id}-cap`} className="visually-hidden">
            {t('previewCaption', { file: preview.fileName })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="import-num">
                {t('rowNumber')}
              </th>
              {preview.columns.map((c) => (
                <th key={c.index} scope="col" data-column={c.index}>
                  <FileText text={c.header} />
                  <select
                    className="import-role"
                    value={roles[c.index] ?? 'ignored'}
                    aria-label={t('roleOf', { column: c.header })}
                    data-role-select={c.index}
                    onChange={(e) => onRole(c.index, e.currentTarget.value as ColumnRole)}
                  >
                    {ROLES.filter((r) => r !== 'period-value' || c.period).map((r) => (
                      <option key={r} value={r}>
                        {r === 'period-value' && c.period
                          ? `${roleText(r, lang)} : ${formatPeriod(c.period, lang)}`
                          : roleText(r, lang)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((row, r) => (
              // Preview rows have no identity but their position, which never changes for a given preview.
              // oxlint-disable-next-line react/no-array-index-key -- rows of a fixed preview, keyed by position
              <tr key={r}>
                <td className="import-num muted">{preview.headerRow + r + 2}</td>
                {preview.columns.map((c) => (
                  <td key={c.index}>
                    <FileText text={row[c.index] ?? ''} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" data-layout={wide ? 'wide' : 'long'}>
        {t(wide ? 'layoutWide' : 'layoutLong')}
      </p>
      {problems.length > 0 ? (
        <ul className="import-problems" role="alert" data-role-problems>
          {problems.map((problem) => (
            <li key={`${problem.kind}-${'role' in problem ? problem.role : problem.column}`}>
              {problem.kind === 'not-a-period'
                ? t('notAPeriod', { header: problem.header })
                : t(problem.kind === 'missing' ? 'roleMissing' : 'roleTwice', { role: roleText(problem.role, lang) })}
            </li>
          ))}
        </ul>
      ) : null}
      {indicatorColumn >= 0 && indicatorLabels.length > 0 ? (
        <label className="field" htmlFor={`${id}-ind`}>
          <span>{t('indicatorColumn', { column: preview.columns[indicatorColumn]?.header ?? '' })}</span>
          <select
            id={`${id}-ind`}
            value={indicatorChoice ?? ''}
            onChange={(e) => onIndicatorChoice(e.currentTarget.value)}
          >
            {indicatorLabels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={emptyAsGap} onChange={(e) => onEmptyAsGap(e.currentTarget.checked)} />
        <span>{t('emptyAsGap')}</span>
      </label>
    </section>
  );
}
