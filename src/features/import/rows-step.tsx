/**
 * Step 3 of the import: how many rows are valid, which are rejected and why (row, column, value, reason in the
 * reader's language), the file's issues, and the rejected rows as a CSV to fix and import again.
 */
import { useId } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { formatNumber } from '../../i18n/format.ts';
import { plural, translate } from '../../i18n/i18n.ts';
import type { ImportIssueCode, ImportResult } from '../../import/types.ts';
import { FileText } from './file-text.tsx';
import { importMessages as m, importPlurals as p } from './messages.ts';
import { frequencyWord, issueText, periodSpan, rejectText } from './reasons.ts';

/** Rejected rows listed on screen; all of them are in the CSV. */
export const SHOWN_REJECTS = 50;

/** Issues worth a line here (the encoding ones are told by the file step, unmatched names by the territory step). */
const ROW_ISSUES: readonly ImportIssueCode[] = ['mixed-frequency', 'formula-labels', 'ragged-rows', 'no-mapping'];

export function RowsStep({
  result,
  indicatorKey,
  lang,
  running,
  onDownloadRejects,
}: {
  result: ImportResult;
  /** The indicator id the run used (its frequency is read from the result). */
  indicatorKey: string;
  lang: Lang;
  running: boolean;
  onDownloadRejects: () => void;
}) {
  const id = useId();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const { stats, rejects } = result;
  const frequency = result.frequencies[indicatorKey];
  const span = periodSpan(stats.firstPeriod, stats.lastPeriod, lang);
  const issues = result.issues.filter((i) => ROW_ISSUES.includes(i.code));
  return (
    <section className="import-section" aria-labelledby={`${id}-h`} data-step="rows" aria-busy={running}>
      <h3 id={`${id}-h`} className="import-section__title">
        {t('stepRows')}
      </h3>
      <p className="import-summary" role="status">
        <span className="import-summary__ok" data-valid-rows={stats.observations}>
          {plural(p.validRows, lang, stats.observations, { n: formatNumber(stats.observations, lang, 0) })}
        </span>
        {' · '}
        <span className={stats.rejected > 0 ? 'import-summary__bad' : undefined} data-rejected-rows={stats.rejected}>
          {plural(p.rejectedRows, lang, stats.rejected, { n: formatNumber(stats.rejected, lang, 0) })}
        </span>
        {frequency ? (
          <>
            {' · '}
            {t('frequency', { frequency: frequencyWord(frequency, lang) })}
            {span ? ` (${span})` : ''}
          </>
        ) : null}
      </p>
      {issues.length > 0 ? (
        <ul className="import-issues">
          {issues.map((i) => (
            <li key={i.code} data-issue={i.code}>
              {issueText(i.code, i.params, lang)}
            </li>
          ))}
        </ul>
      ) : null}
      {rejects.length > 0 ? (
        <>
          {/* A scrollable region must be reachable by keyboard to scroll it (axe scrollable-region-focusable). */}
          {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable on purpose, see above */}
          <div className="import-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-cap`}>
            <table className="import-table" data-rejects>
              <caption id={`${id}-cap`} className="import-table__caption">
                {t('rejectedCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('colRow')}</th>
                  <th scope="col">{t('colColumn')}</th>
                  <th scope="col">{t('colValue')}</th>
                  <th scope="col">{t('colReason')}</th>
                </tr>
              </thead>
              <tbody>
                {rejects.slice(0, SHOWN_REJECTS).map((r) => (
                  <tr key={`${r.row}-${r.column}-${r.reason}`} data-reject-reason={r.reason}>
                    <td className="import-num">{r.row}</td>
                    <td>
                      <FileText text={r.header} />
                    </td>
                    <td>
                      {r.value === '' ? <span className="muted">{t('emptyCell')}</span> : <FileText text={r.value} />}
                    </td>
                    <td>{rejectText(r.reason, r.params, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rejects.length > SHOWN_REJECTS ? (
            <p className="muted">
              {plural(p.moreRejected, lang, rejects.length - SHOWN_REJECTS, {
                n: formatNumber(rejects.length - SHOWN_REJECTS, lang, 0),
              })}
            </p>
          ) : null}
          <button type="button" className="button button--small button--quiet" onClick={onDownloadRejects}>
            {t('downloadRejected')}
          </button>
        </>
      ) : null}
    </section>
  );
}
