/**
 * Step 1 of the import: drop or choose a file; once read, how it was read (encoding, separator, decimal sign,
 * sheet), each choice correctable (the worker reads the file again).
 */
import { useId, useState, type DragEvent } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { translate } from '../../i18n/i18n.ts';
import {
  IMPORT_ENCODINGS,
  SEPARATORS,
  type DecimalStyle,
  type ImportEncoding,
  type Preview,
  type ReadOptions,
  type Separator,
} from '../../import/types.ts';
import { FileText } from './file-text.tsx';
import { importMessages as m } from './messages.ts';
import { formatBytes, issueText } from './reasons.ts';

/** The file types offered by the file input (the worker decides from the bytes in the end). */
export const ACCEPT = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain';

const ENCODING_NAMES: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Latin-1, Excel français)',
  'windows-1256': 'Windows-1256 (Excel arabe)',
};
const SEPARATOR_NAMES: Record<Separator, string> = { ',': ', (virgule / comma)', ';': ';', '\t': 'Tab' };

/** The drop zone and file input. */
export function FilePicker({
  lang,
  onFile,
  onTemplate,
  busy,
}: {
  lang: Lang;
  onFile: (file: File) => void;
  onTemplate?: (() => void) | undefined;
  busy: boolean;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const t = (key: keyof typeof m) => translate(m, lang, key);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <div>
      {/* Dropping is a pointer shortcut; the file input inside is the keyboard and screen-reader path. */}
      {/* oxlint-disable-next-line jsx-a11y/no-static-element-interactions -- drop target around a real file input */}
      <div
        className={`import-drop${over ? ' import-drop--over' : ''}`}
        data-drop-zone
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="import-drop__text">{t('dropHere')}</p>
        <label className="button import-drop__button" htmlFor={`${id}-file`}>
          {t('chooseFile')}
        </label>
        <input
          id={`${id}-file`}
          className="import-drop__input"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          data-import-file
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Reset so choosing the same file again (after fixing it) reads it again.
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        <p className="import-drop__formats muted">{t('formats')}</p>
      </div>
      {onTemplate ? (
        <p>
          <button type="button" className="button button--small button--quiet" onClick={onTemplate}>
            {t('template')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** How the file was read, with each choice correctable. */
export function ReadSettings({
  preview,
  lang,
  busy,
  onReread,
}: {
  preview: Preview;
  lang: Lang;
  busy: boolean;
  onReread: (options: Omit<ReadOptions, 'fileName'>) => void;
}) {
  const id = useId();
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const garbled = preview.issues.find((i) => i.code === 'garbled-text');
  const guessed = preview.issues.find((i) => i.code === 'encoding-guessed');
  return (
    <div className="import-read">
      <p className="import-read__file">
        <FileText text={preview.fileName} data-file-name />{' '}
        <span className="muted">— {formatBytes(preview.bytes, lang)}</span>
      </p>
      <div className="import-read__settings">
        {preview.fileKind === 'csv' ? (
          <>
            <label className="field" htmlFor={`${id}-enc`}>
              <span>{t('encoding')}</span>
              <select
                id={`${id}-enc`}
                value={preview.encoding ?? 'utf-8'}
                disabled={busy}
                data-encoding
                onChange={(e) => onReread({ encoding: e.currentTarget.value as ImportEncoding })}
              >
                {IMPORT_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {ENCODING_NAMES[enc]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-sep`}>
              <span>{t('separator')}</span>
              <select
                id={`${id}-sep`}
                value={preview.separator ?? ','}
                disabled={busy}
                onChange={(e) => onReread({ separator: e.currentTarget.value as Separator })}
              >
                {SEPARATORS.map((s) => (
                  <option key={s} value={s}>
                    {SEPARATOR_NAMES[s]}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label className="field" htmlFor={`${id}-sheet`}>
            <span>{t('sheet')}</span>
            <select
              id={`${id}-sheet`}
              value={preview.sheet ?? ''}
              disabled={busy}
              data-sheet
              onChange={(e) => onReread({ sheet: e.currentTarget.value })}
            >
              {preview.sheets.map((s) => (
                <option key={s.index} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field" htmlFor={`${id}-dec`}>
          <span>{t('decimal')}</span>
          <select
            id={`${id}-dec`}
            value={preview.decimal}
            disabled={busy}
            onChange={(e) => onReread({ decimal: e.currentTarget.value as DecimalStyle })}
          >
            <option value="comma">{t('decimalComma')}</option>
            <option value="dot">{t('decimalDot')}</option>
          </select>
        </label>
      </div>
      {garbled ? (
        <p className="import-warning" role="status" data-issue="garbled-text">
          {issueText('garbled-text', garbled.params, lang)}
        </p>
      ) : guessed ? (
        <p className="muted" data-issue="encoding-guessed">
          {issueText('encoding-guessed', guessed.params, lang)}
        </p>
      ) : null}
    </div>
  );
}
