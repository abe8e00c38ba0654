/**
 * Step 5 of the import: the indicator in the user's words — its name in one or more of French, Arabic and English,
 * its unit, count or rate, an optional small-count threshold, and its source (publisher, title, date, link), which
 * every chart and export of it will cite with the status "Données importées".
 */
import { useId } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { formatNumber } from '../../i18n/format.ts';
import { plural, translate } from '../../i18n/i18n.ts';
import { parseThreshold, type DescribeForm, type FormProblem } from './mapping.ts';
import { importMessages as m, importPlurals as p } from './messages.ts';

export function DescribeStep({
  form,
  problems,
  showProblems,
  suppressed,
  lang,
  onChange,
}: {
  form: DescribeForm;
  /** Values under the small-count threshold in the file (the worker's count), to say how many will be masked. */
  suppressed: number;
  problems: readonly FormProblem[];
  /** Show the problems next to their fields (after a first attempt to import). */
  showProblems: boolean;
  lang: Lang;
  onChange: (patch: Partial<DescribeForm>) => void;
}) {
  const id = useId();
  const t = (key: keyof typeof m) => translate(m, lang, key);
  const threshold = parseThreshold(form.threshold);
  const err = (problem: FormProblem) =>
    showProblems && problems.includes(problem) ? (
      <span className="import-field-error" id={`${id}-${problem}`}>
        {t(problem)}
      </span>
    ) : null;
  const invalid = (problem: FormProblem) =>
    showProblems && problems.includes(problem)
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${problem}` }
      : {};
  const text = (key: keyof DescribeForm, label: keyof typeof m, extra: Record<string, unknown> = {}) => (
    <label className="field" htmlFor={`${id}-${key}`}>
      <span>{t(label)}</span>
      <input
        id={`${id}-${key}`}
        type="text"
        value={String(form[key])}
        maxLength={300}
        onChange={(e) => onChange({ [key]: e.currentTarget.value })}
        {...extra}
      />
    </label>
  );
  return (
    <section className="import-section" aria-labelledby={`${id}-h`} data-step="describe">
      <h3 id={`${id}-h`} className="import-section__title">
        {t('stepDescribe')}
      </h3>
      <fieldset className="import-fieldset" {...invalid('missingName')}>
        <legend>{t('nameLegend')}</legend>
        <div className="import-grid">
          {text('nameFr', 'nameFr', { lang: 'fr', dir: 'ltr', 'data-name': 'fr' })}
          {text('nameAr', 'nameAr', { lang: 'ar', dir: 'rtl', 'data-name': 'ar' })}
          {text('nameEn', 'nameEn', { lang: 'en', dir: 'ltr', 'data-name': 'en' })}
        </div>
        {err('missingName')}
      </fieldset>
      <fieldset className="import-fieldset">
        <legend>{t('kindLegend')}</legend>
        <div className="import-radios">
          <label className="radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value="count"
              checked={form.kind === 'count'}
              onChange={() => onChange({ kind: 'count' })}
            />
            <span>{t('kindCount')}</span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value="rate"
              checked={form.kind === 'rate'}
              onChange={() => onChange({ kind: 'rate' })}
            />
            <span>{t('kindRate')}</span>
          </label>
        </div>
      </fieldset>
      <div className="import-grid">
        <div>
          {text('unit', 'unitLabel', { 'data-unit': '', ...invalid('missingUnit') })}
          {err('missingUnit')}
        </div>
        {form.kind === 'count' ? (
          <div>
            {text('threshold', 'threshold', {
              inputMode: 'numeric',
              'data-threshold': '',
              'aria-describedby': `${id}-th-help`,
              ...invalid('badThreshold'),
            })}
            <span className="muted import-help" id={`${id}-th-help`}>
              {t('thresholdHelp')}
            </span>
            {err('badThreshold')}
            {suppressed > 0 && threshold !== null ? (
              <span className="import-help" role="status" data-suppressed={suppressed}>
                {plural(p.suppressed, lang, suppressed, {
                  n: formatNumber(suppressed, lang, 0),
                  threshold: formatNumber(threshold, lang, 0),
                })}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      <fieldset className="import-fieldset">
        <legend>{t('sourceLegend')}</legend>
        <div className="import-grid">
          <div>
            {text('publisher', 'publisher', { 'data-source': 'publisher', ...invalid('missingPublisher') })}
            {err('missingPublisher')}
          </div>
          <div>
            {text('title', 'sourceTitle', { 'data-source': 'title', ...invalid('missingTitle') })}
            {err('missingTitle')}
          </div>
          <label className="field" htmlFor={`${id}-published`}>
            <span>{t('published')}</span>
            <input
              id={`${id}-published`}
              type="date"
              value={form.published}
              data-source="published"
              onChange={(e) => onChange({ published: e.currentTarget.value })}
            />
          </label>
          <div>
            {text('url', 'link', {
              type: 'url',
              dir: 'ltr',
              'data-source': 'url',
              ...invalid('badUrl'),
              ...invalid('missingUrl'),
            })}
            {err('missingUrl')}
            {err('badUrl')}
          </div>
        </div>
      </fieldset>
    </section>
  );
}
