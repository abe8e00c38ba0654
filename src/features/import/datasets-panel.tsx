/**
 * "Mes données": the datasets imported in this browser — name, file, import date, rows — each to open in the
 * explorer, rename, re-import (replace with a new file), export as a file (to move it to another browser) or delete
 * (after a confirmation); and the import of such a file. Names are shown as text (React escapes them).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import { refreshUserData, userDatasetsQuery } from '../../api/queries.ts';
import { downloadBlob } from '../../export/download.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { translate } from '../../i18n/i18n.ts';
import { userDataErrorText } from '../../user-data/errors.ts';
import { exportDatasetFile, importDatasetFile } from '../../user-data/file.ts';
import { deleteDataset, renameDataset } from '../../user-data/store.ts';
import { localize, type DatasetMeta } from '../../user-data/types.ts';
import { FileText } from './file-text.tsx';
import { importMessages as m } from './messages.ts';
import { partial } from './mapping.ts';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function DatasetRow({
  dataset,
  lang,
  onOpen,
  onReimport,
  onNotice,
}: {
  dataset: DatasetMeta;
  lang: Lang;
  onOpen: (dataset: DatasetMeta) => void;
  onReimport: (dataset: DatasetMeta) => void;
  onNotice: (notice: Notice) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const name = localize(dataset.name, lang);
  // French puts a space before the colon; Arabic and English do not.
  const label = (key: 'colFile' | 'colImported' | 'colRows') => `${t(key)}${lang === 'fr' ? ' : ' : ': '}`;
  const [mode, setMode] = useState<'idle' | 'rename' | 'confirm-delete' | 'busy'>('idle');
  const [names, setNames] = useState({
    fr: dataset.name.fr ?? '',
    ar: dataset.name.ar ?? '',
    en: dataset.name.en ?? '',
  });
  const firstField = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mode === 'rename') firstField.current?.focus();
    if (mode === 'confirm-delete') confirmButton.current?.focus();
  }, [mode]);

  const act = async (task: () => Promise<string>) => {
    setMode('busy');
    try {
      const text = await task();
      // Said first: the refresh below may remove this row (a deletion) before it returns.
      onNotice({ kind: 'ok', text });
      // The catalogue, this dataset's observations and the list (userDatasetsQuery) are refetched.
      await refreshUserData(queryClient, dataset.id);
    } catch (e) {
      onNotice({ kind: 'error', text: userDataErrorText(e, lang) });
    } finally {
      setMode('idle');
    }
  };
  const newName = partial(names.fr, names.ar, names.en);
  const canRename = Object.keys(newName).length > 0;

  return (
    <tr data-dataset={dataset.id}>
      <th scope="row">
        <FileText text={name} data-dataset-name />
      </th>
      {/* data-label: the column's name, shown before the value when the table becomes blocks at 390 px. */}
      <td data-label={label('colFile')}>
        <FileText text={dataset.fileName} />
      </td>
      <td data-label={label('colImported')}>{formatDate(dataset.importedAt.slice(0, 10), lang)}</td>
      <td className="import-num" data-label={label('colRows')}>
        {formatNumber(dataset.rowCount, lang, 0)}
      </td>
      <td>
        {mode === 'rename' ? (
          <form
            className="import-rename"
            onSubmit={(e) => {
              e.preventDefault();
              if (!canRename) return;
              void act(async () => {
                const meta = await renameDataset(dataset.id, newName);
                return t('renamed', { name: localize(meta.name, lang) });
              });
            }}
          >
            {(['fr', 'ar', 'en'] as const).map((l, i) => (
              <label key={l} className="field" htmlFor={`${id}-${l}`}>
                <span>{t(l === 'fr' ? 'nameFr' : l === 'ar' ? 'nameAr' : 'nameEn')}</span>
                <input
                  id={`${id}-${l}`}
                  ref={i === 0 ? firstField : undefined}
                  type="text"
                  lang={l}
                  dir={l === 'ar' ? 'rtl' : 'ltr'}
                  maxLength={300}
                  value={names[l]}
                  onChange={(e) => setNames({ ...names, [l]: e.currentTarget.value })}
                />
              </label>
            ))}
            <div className="import-actions">
              <button type="submit" className="button button--small" disabled={!canRename}>
                {t('save')}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setMode('idle')}>
                {t('cancel')}
              </button>
            </div>
          </form>
        ) : mode === 'confirm-delete' ? (
          <div className="import-confirm" role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>{t('confirmDelete', { name })}</p>
            <div className="import-actions">
              <button
                ref={confirmButton}
                type="button"
                className="button button--small button--danger"
                onClick={() =>
                  void act(async () => {
                    await deleteDataset(dataset.id);
                    return t('deleted', { name });
                  })
                }
              >
                {t('confirmDeleteYes')}
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setMode('idle')}>
                {t('cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="import-actions">
            <button
              type="button"
              className="button button--small"
              disabled={mode === 'busy'}
              aria-label={t('openNamed', { name })}
              onClick={() => onOpen(dataset)}
            >
              {t('open')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={mode === 'busy'}
              aria-label={t('renameNamed', { name })}
              onClick={() => setMode('rename')}
            >
              {t('rename')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={mode === 'busy'}
              aria-label={t('reimportNamed', { name })}
              onClick={() => onReimport(dataset)}
            >
              {t('reimport')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={mode === 'busy'}
              aria-label={t('exportNamed', { name })}
              onClick={() =>
                void act(async () => {
                  const { fileName, blob } = await exportDatasetFile(dataset.id);
                  downloadBlob(blob, fileName);
                  return t('exported', { file: fileName });
                })
              }
            >
              {t('exportFile')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet button--danger-quiet"
              disabled={mode === 'busy'}
              aria-label={t('deleteNamed', { name })}
              onClick={() => setMode('confirm-delete')}
            >
              {t('delete')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** The list of the user's datasets and the import of a dataset file. */
export function DatasetsPanel({
  lang,
  onOpen,
  onReimport,
}: {
  lang: Lang;
  onOpen: (dataset: DatasetMeta) => void;
  onReimport: (dataset: DatasetMeta) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const datasets = useQuery(userDatasetsQuery());
  const [notice, setNotice] = useState<Notice>(null);
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const list = datasets.data ?? [];

  const onDatasetFile = async (file: File) => {
    try {
      const { meta } = await importDatasetFile(file);
      await refreshUserData(queryClient, meta.id);
      setNotice({ kind: 'ok', text: t('datasetFileImported', { name: localize(meta.name, lang) }) });
    } catch (e) {
      setNotice({ kind: 'error', text: userDataErrorText(e, lang) });
    }
  };

  return (
    <div className="import-datasets" data-datasets>
      {datasets.isPending ? (
        <p className="muted" aria-busy="true">
          …
        </p>
      ) : datasets.isError ? (
        <p className="state state--error" role="alert">
          {t('listError', { reason: userDataErrorText(datasets.error, lang) })}
        </p>
      ) : list.length === 0 ? (
        <p className="state state--empty" data-datasets-empty>
          {t('datasetsEmpty')}
        </p>
      ) : (
        <div className="import-scroll">
          <table className="import-table import-datasets__table">
            <caption className="import-table__caption">{t('datasetsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colDataset')}</th>
                <th scope="col">{t('colFile')}</th>
                <th scope="col">{t('colImported')}</th>
                <th scope="col">{t('colRows')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <DatasetRow
                  key={d.id}
                  dataset={d}
                  lang={lang}
                  onOpen={onOpen}
                  onReimport={onReimport}
                  onNotice={setNotice}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="import-live" role="status" data-datasets-notice>
        {notice?.kind === 'ok' ? <p className="import-ok">{notice.text}</p> : null}
      </div>
      <div className="import-live" role="alert" data-datasets-error>
        {notice?.kind === 'error' ? <p className="import-error">{notice.text}</p> : null}
      </div>
      <div className="import-datasets__file">
        {/* The label is the visible button; the native input stays focusable and named by it. */}
        <label className="button button--small button--quiet" htmlFor={`${id}-file`}>
          {t('importDatasetFile')}
        </label>
        <input
          id={`${id}-file`}
          className="import-drop__input"
          type="file"
          accept=".json,application/json"
          data-dataset-file
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void onDatasetFile(file);
          }}
        />
      </div>
    </div>
  );
}
