/**
 * The import journey (issue 15), in one panel of the dialog: the file → its columns → its rows (valid, rejected and
 * why) → its territories (matched, to match or skip) → the indicator in the user's words → "Importer les N lignes
 * valides", saved in this browser in one transaction. The file is read by the import worker (src/import/client.ts,
 * created on the first file and ended with the dialog); every choice reads or validates again in the worker, so the
 * page stays responsive with 100,000 rows.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang, Territory } from '../../contract/contract.ts';
import { refreshUserData, territoriesQuery } from '../../api/queries.ts';
import { csvTextCell } from '../../export/csv.ts';
import { downloadBlob } from '../../export/download.ts';
import { formatNumber } from '../../i18n/format.ts';
import { plural, translate } from '../../i18n/i18n.ts';
import { createImportClient } from '../../import/client.ts';
import { rejectsCsv } from '../../import/rejects-csv.ts';
import { TEMPLATE_FILE_NAME, territoryTemplateCsv } from '../../import/template.ts';
import {
  ImportError,
  type ColumnRole,
  type ImportClient,
  type ImportErrorCode,
  type ImportResult,
  type ImportSettings,
  type Preview,
  type ReadOptions,
} from '../../import/types.ts';
import { userDataErrorText } from '../../user-data/errors.ts';
import { replaceDataset, saveDataset } from '../../user-data/store.ts';
import { localize, type DatasetMeta, type NewDataset } from '../../user-data/types.ts';
import { ColumnsStep } from './columns-step.tsx';
import { DescribeStep } from './describe-step.tsx';
import { FilePicker, ReadSettings } from './file-step.tsx';
import { EMPTY_FORM, formProblems, mappingOf, parseThreshold, partial, rolesOf, type DescribeForm } from './mapping.ts';
import { importMessages as m, importPlurals as p } from './messages.ts';
import { importErrorText, rejectText } from './reasons.ts';
import { RowsStep } from './rows-step.tsx';
import { TerritoriesStep } from './territories-step.tsx';

/** The indicator id the worker puts on the rows; the store gives the dataset its own (`user-<id>`). */
const RUN_INDICATOR = 'dataset';

/** The form filled from an existing dataset (re-import keeps its words and source). */
export function formOf(meta: DatasetMeta, lang: Lang): DescribeForm {
  return {
    nameFr: meta.name.fr ?? '',
    nameAr: meta.name.ar ?? '',
    nameEn: meta.name.en ?? '',
    unit: localize(meta.unit.label, lang),
    kind: meta.kind,
    threshold: meta.smallCountThreshold ? String(meta.smallCountThreshold) : '',
    publisher: meta.source.publisher,
    title: meta.source.title,
    published: meta.source.published ?? '',
    url: meta.source.url ?? '',
  };
}

/** The dataset the store saves, from the worker's result and the form. */
export function newDataset(result: ImportResult, form: DescribeForm, fileName: string, lang: Lang): NewDataset {
  const unitText = form.unit.trim() || (form.kind === 'rate' ? '%' : '');
  const url = form.url.trim();
  const threshold = form.kind === 'count' ? parseThreshold(form.threshold) : null;
  return {
    name: partial(form.nameFr, form.nameAr, form.nameEn),
    unit: { code: form.kind === 'rate' ? 'percent' : 'count', label: { [lang]: unitText } },
    kind: form.kind,
    source: {
      publisher: form.publisher.trim(),
      title: form.title.trim(),
      published: form.published || null,
      url,
    },
    fileName,
    frequency: result.frequencies[RUN_INDICATOR] ?? 'irregular',
    ...(threshold !== null ? { smallCountThreshold: threshold } : {}),
    levels: result.levels[RUN_INDICATOR] ?? [],
    observations: result.observations.map(({ indicator: _indicator, status: _status, ...rest }) => rest),
  };
}

type Refusal = { code: ImportErrorCode; params: Record<string, string | number> } | null;

function refusalOf(e: unknown): { code: ImportErrorCode; params: Record<string, string | number> } {
  if (e instanceof ImportError) return { code: e.code, params: e.params };
  const x = e as { name?: unknown; code?: unknown; params?: unknown } | null;
  // An ImportError that crossed a chunk boundary (or a test double) is recognised by its shape.
  if (x && x.name === 'ImportError' && typeof x.code === 'string')
    return { code: x.code as ImportErrorCode, params: (x.params as Record<string, string | number>) ?? {} };
  return { code: 'worker-failed', params: { message: e instanceof Error ? e.message : String(e) } };
}

export function ImportPanel({
  lang,
  replaceTarget,
  onClearReplace,
  onOpen,
}: {
  lang: Lang;
  /** Re-import: the dataset the new file replaces (same id, so links and pins keep working). */
  replaceTarget: DatasetMeta | null;
  onClearReplace: () => void;
  onOpen: (dataset: DatasetMeta) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const territoriesQ = useQuery(territoriesQuery());
  const territories: readonly Territory[] | undefined = territoriesQ.data;
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);

  const clientRef = useRef<ImportClient | null>(null);
  const client = () => (clientRef.current ??= createImportClient());
  useEffect(
    () => () => {
      clientRef.current?.dispose();
      clientRef.current = null;
    },
    [],
  );

  const [fileName, setFileName] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [readOptions, setReadOptions] = useState<Omit<ReadOptions, 'fileName'>>({});
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [emptyAsGap, setEmptyAsGap] = useState(false);
  const [indicatorChoice, setIndicatorChoice] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string | null>>({});
  const [form, setForm] = useState<DescribeForm>(() => (replaceTarget ? formOf(replaceTarget, lang) : EMPTY_FORM));
  const [result, setResult] = useState<ImportResult | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<Refusal>(null);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<DatasetMeta | null>(null);
  const readSeq = useRef(0);
  const runSeq = useRef(0);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  // A re-import asked from "Mes données" fills the form with that dataset's words.
  useEffect(() => {
    if (replaceTarget) setForm(formOf(replaceTarget, lang));
    // Only when the target changes: the language switching must not overwrite what the user typed.
    // oxlint-disable-next-line react/exhaustive-deps -- lang is read once per target on purpose
  }, [replaceTarget]);

  const applyPreview = (next: Preview) => {
    setPreview(next);
    const nextRoles = rolesOf(next, next.mapping);
    setRoles(nextRoles);
    const indicatorColumn = nextRoles.indexOf('indicator');
    setIndicatorChoice(
      indicatorColumn >= 0 ? (next.rows.find((r) => r[indicatorColumn])?.[indicatorColumn] ?? null) : null,
    );
    setResult(null);
    if (next.valueKindGuess === 'rate' && !replaceTarget) setForm((f) => ({ ...f, kind: 'rate' }));
  };

  const resetFile = () => {
    readSeq.current += 1;
    runSeq.current += 1;
    setPreview(null);
    setResult(null);
    setRefusal(null);
    setRunError(null);
    setChoices({});
    setReadOptions({});
    setEmptyAsGap(false);
    setTried(false);
    setSaveError(null);
  };

  const onFile = async (file: File) => {
    resetFile();
    setSaved(null);
    setFileName(file.name);
    setReading(true);
    const seq = readSeq.current;
    try {
      const data = await file.arrayBuffer();
      const next = await client().load(data, { fileName: file.name });
      if (seq === readSeq.current) applyPreview(next);
    } catch (e) {
      if (seq === readSeq.current) {
        const refused = refusalOf(e);
        // Stopped by the user ("Arrêter la lecture"): no refusal to show, the file step is ready again.
        if (refused.code === 'cancelled') setFileName(null);
        else setRefusal(refused);
        // The worker may be mid-way through a hostile file: end it, the next file gets a fresh one.
        clientRef.current?.dispose();
        clientRef.current = null;
      }
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  };

  const onReread = async (options: Omit<ReadOptions, 'fileName'>) => {
    if (!preview) return;
    const merged = { ...readOptions, ...options };
    setReadOptions(merged);
    setReading(true);
    readSeq.current += 1;
    const seq = readSeq.current;
    try {
      const next = await client().reread({ fileName: preview.fileName, ...merged });
      if (seq === readSeq.current) applyPreview(next);
    } catch (e) {
      if (seq === readSeq.current) setRefusal(refusalOf(e));
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  };

  const { mapping, problems: roleProblems } = useMemo(
    () => (preview ? mappingOf(preview, roles) : { mapping: null, problems: [] }),
    [preview, roles],
  );

  // The labels of the indicator column: from the preview, then from the rows the run set aside.
  const indicatorLabels = useMemo(() => {
    const column = mapping?.indicator;
    if (!preview || column === undefined || column === null) return [];
    const labels = new Set<string>();
    for (const r of preview.rows) if (r[column]) labels.add(r[column]);
    for (const r of result?.rejects ?? [])
      if (r.reason === 'skipped-indicator' || r.reason === 'unknown-indicator') labels.add(r.value);
    return [...labels];
  }, [preview, mapping, result]);
  const labelsKey = indicatorLabels.join('\u0000');

  const threshold = form.kind === 'count' ? parseThreshold(form.threshold) : null;
  const choicesKey = JSON.stringify(choices);

  // Validate every row again whenever a choice changes (the worker answers the latest; older answers are dropped).
  useEffect(() => {
    if (!preview || !mapping || !territories) return;
    const settings: ImportSettings = {
      mapping,
      indicator: RUN_INDICATOR,
      valueKind: form.kind,
      emptyAsGap,
      smallCountThreshold: threshold,
      territoryMatches: choices,
      ...(mapping.indicator !== undefined && mapping.indicator !== null && indicatorChoice !== null
        ? {
            indicators: Object.fromEntries(
              labelsKey.split('\u0000').map((l) => [l, l === indicatorChoice ? RUN_INDICATOR : null]),
            ),
          }
        : {}),
    };
    runSeq.current += 1;
    const seq = runSeq.current;
    setRunning(true);
    setRunError(null);
    client()
      .run(settings, territories)
      .then(
        (next) => {
          if (seq === runSeq.current) setResult(next);
        },
        (e: unknown) => {
          if (seq === runSeq.current) setRunError(refusalOf(e));
        },
      )
      .finally(() => {
        if (seq === runSeq.current) setRunning(false);
      });
    // `choices` is read through its key (a new object with the same choices must not run again).
    // oxlint-disable-next-line react/exhaustive-deps -- choicesKey and labelsKey stand for choices and labels
  }, [preview, mapping, territories, form.kind, emptyAsGap, threshold, choicesKey, indicatorChoice, labelsKey]);

  const formIssues = formProblems(form);
  const valid = result?.stats.observations ?? 0;
  const blocking: string[] = [];
  if (preview && !mapping) blocking.push(t('fixColumns'));
  if (result && result.unmatched.length > 0) blocking.push(t('unresolved'));
  if (result && valid === 0) blocking.push(t('noValidRows'));
  for (const problem of formIssues) blocking.push(t(problem));

  const onImport = async () => {
    setTried(true);
    setSaveError(null);
    if (!result || !fileName || running) return;
    if (blocking.length > 0) {
      problemsRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const input = newDataset(result, form, fileName, lang);
      const meta = replaceTarget ? await replaceDataset(replaceTarget.id, input) : await saveDataset(input);
      await refreshUserData(queryClient, meta.id);
      setSaved(meta);
      onClearReplace();
    } catch (e) {
      setSaveError(userDataErrorText(e, lang));
    } finally {
      setSaving(false);
    }
  };

  useEffect(() => {
    if (saved) doneHeading.current?.focus();
  }, [saved]);

  const onDownloadRejects = () => {
    if (!result || !fileName) return;
    // The reasons in the reader's language; the codes' parameters stay in the details column.
    const header = (['colRow', 'colColumn', 'colHeader', 'colValue', 'colReason', 'colDetails'] as const).map((k) =>
      t(k),
    );
    const csv = rejectsCsv(result.rejects, csvTextCell, header, (r) => rejectText(r.reason, r.params, lang));
    const base = fileName.replace(/\.[^.]+$/, '');
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${base}_${t('rejectsSuffix')}.csv`);
  };
  const onTemplate = territories
    ? () =>
        downloadBlob(
          new Blob([territoryTemplateCsv(territories)], { type: 'text/csv;charset=utf-8' }),
          TEMPLATE_FILE_NAME,
        )
    : undefined;

  if (saved) {
    const name = localize(saved.name, lang);
    return (
      <div className="import-done" data-import-done={saved.id}>
        <h3 ref={doneHeading} tabIndex={-1} className="import-section__title">
          {plural(p.imported, lang, saved.rowCount, { n: formatNumber(saved.rowCount, lang, 0), name })}
        </h3>
        <p className="muted">{t('privacy')}</p>
        <div className="import-actions">
          <button type="button" className="button" onClick={() => onOpen(saved)}>
            {t('openExplorer')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setSaved(null);
              setFileName(null);
              resetFile();
            }}
          >
            {t('importAnother')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="import-flow">
      {replaceTarget ? (
        <p className="import-replacing" data-replacing={replaceTarget.id}>
          {t('replacing', { name: localize(replaceTarget.name, lang) })}{' '}
          <button type="button" className="button button--small button--quiet" onClick={onClearReplace}>
            {t('cancel')}
          </button>
        </p>
      ) : null}
      <section className="import-section" aria-labelledby={`${id}-file`} data-step="file">
        <h3 id={`${id}-file`} className="import-section__title">
          {t('stepFile')}
        </h3>
        <FilePicker lang={lang} busy={reading || saving} onFile={(f) => void onFile(f)} onTemplate={onTemplate} />
        {reading ? (
          <div className="import-actions">
            <p role="status" className="import-busy" aria-busy="true">
              {t('reading', { file: fileName ?? '' })}
            </p>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => clientRef.current?.cancel()}
            >
              {t('stopReading')}
            </button>
          </div>
        ) : null}
        {refusal ? (
          <div className="state state--error import-refusal" role="alert" data-refusal={refusal.code}>
            <p>{t('refused', { reason: importErrorText(refusal.code, refusal.params, lang) })}</p>
            <p>{t('earlierSafe')}</p>
          </div>
        ) : null}
        {preview && !refusal ? (
          <ReadSettings preview={preview} lang={lang} busy={reading} onReread={(o) => void onReread(o)} />
        ) : null}
      </section>
      {preview && !refusal ? (
        <>
          <ColumnsStep
            preview={preview}
            roles={roles}
            problems={roleProblems}
            emptyAsGap={emptyAsGap}
            indicatorLabels={indicatorLabels}
            indicatorChoice={indicatorChoice}
            lang={lang}
            onRole={(column, role) => setRoles((r) => r.map((x, i) => (i === column ? role : x)))}
            onEmptyAsGap={setEmptyAsGap}
            onIndicatorChoice={setIndicatorChoice}
          />
          {runError ? (
            <div className="state state--error" role="alert" data-run-error={runError.code}>
              <p>{t('readFailed', { reason: importErrorText(runError.code, runError.params, lang) })}</p>
            </div>
          ) : null}
          {!territories ? (
            territoriesQ.isError ? (
              <p className="state state--error" role="alert">
                {t('territoriesError')}
              </p>
            ) : (
              <p className="muted" aria-busy="true">
                {t('reading', { file: fileName ?? '' })}
              </p>
            )
          ) : null}
          {result ? (
            <>
              <RowsStep
                result={result}
                indicatorKey={RUN_INDICATOR}
                lang={lang}
                running={running}
                onDownloadRejects={onDownloadRejects}
              />
              {territories ? (
                <TerritoriesStep
                  matches={result.matches}
                  unmatched={result.unmatched}
                  choices={choices}
                  territories={territories}
                  lang={lang}
                  onChoose={(label, code) => setChoices((c) => ({ ...c, [label]: code }))}
                  onUndo={(label) =>
                    setChoices((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== label)))
                  }
                />
              ) : null}
            </>
          ) : running ? (
            <p role="status" className="import-busy" aria-busy="true">
              {t('checking')}
            </p>
          ) : null}
          <DescribeStep
            form={form}
            problems={formIssues}
            showProblems={tried}
            suppressed={result?.stats.suppressed ?? 0}
            lang={lang}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          />
          <div className="import-submit">
            {tried && blocking.length > 0 ? (
              <div className="import-problems" ref={problemsRef} tabIndex={-1} role="alert" data-blocking>
                <p>{t('fixFirst')}</p>
                <ul>
                  {blocking.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {saveError ? (
              <div className="state state--error" role="alert" data-save-error>
                <p>{saveError}</p>
                <p>{t('earlierSafe')}</p>
              </div>
            ) : null}
            {saving ? (
              <p role="status" className="import-busy" aria-busy="true">
                {t('saving')}
              </p>
            ) : null}
            <p className="muted import-privacy-inline">{t('privacy')}</p>
            <button
              type="button"
              className="button"
              data-import-submit
              disabled={!result || running || saving || reading}
              onClick={() => void onImport()}
            >
              {plural(p.importRows, lang, valid, { n: formatNumber(valid, lang, 0) })}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
