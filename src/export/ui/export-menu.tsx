/**
 * The "Exporter" menu: a disclosure button opening a non-modal dialog with every export of the
 * current chart — PNG (size, scale, background), SVG, copy image, CSV (displayed / full series / for French
 * Excel), an Excel workbook (its writer loaded on the click),
 * PowerPoint (native chart, optional composed image) and "save this view" (issue 17: pins became saved views —
 * a name, by default the chart's title, and the view is kept with its chart in the saved views).
 * With `map`, the same menu exports the map instead (issue 13): the composed map image (PNG, SVG, copy),
 * the map's table as CSV, a slide with the map picture and the table, and saves the map view.
 * The saved views live above this zone: they plug in through ./use-pins.ts (`useSavedViewsConnection`), and the
 * menu reports the chart it draws there, so a saved view of this view keeps its latest chart for offline playback.
 * Keyboard: the button opens it and focus moves in; Escape closes and focus returns to the button.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { leadingModel } from '../../transforms/chart-lead.ts';
import type { ChartModel } from '../../transforms/chart-types.ts';
import type { LongRow } from '../../transforms/table.ts';
import { translate } from '../../i18n/i18n.ts';
import {
  copyMapPng,
  copyPng,
  downloadCsv,
  downloadDeck,
  downloadMapCsv,
  downloadMapDeck,
  downloadMapPng,
  downloadMapSvg,
  downloadMapXlsx,
  downloadPng,
  downloadSvg,
  downloadXlsx,
  type ImageChoice,
  type MapView,
} from '../actions.ts';
import type { ExportSizeName } from '../compose-svg.ts';
import { canCopyImage } from '../download.ts';
import { toPinnedMap, type PinnedMap } from '../pins.ts';
import type { ExportScale } from '../png.ts';
import { exportUiMessages as m } from './messages.ts';
import { saveViewMessages as sm } from './save-view-messages.ts';
import { pinActions, usePins, useSavedViewsConnection } from './use-pins.ts';
import './export.css';
import './save-view.css';

export interface ExportMenuProps {
  /** The chart as displayed. */
  model: ChartModel;
  /** Rows of the table tab (`buildLongRows`, measure applied); defaults to every point of the model. */
  tableRows?: LongRow[];
  /** Rows of the full series; defaults to `tableRows`. */
  fullRows?: LongRow[];
  /** On-screen chart size, for the "chart size" image option. */
  chartSize?: { width: number; height: number };
  /** Export a map instead of the chart (`model` then gives the link, language and direction). */
  map?: Omit<MapView, 'link'> | undefined;
}

type Status = { kind: 'info' | 'ok' | 'error'; text: string } | null;

const SIZES: { value: ExportSizeName; key: 'sizeChart' | 'sizeSlide169' | 'sizeSlide43' | 'sizeSquare' }[] = [
  { value: 'chart', key: 'sizeChart' },
  { value: 'slide-16-9', key: 'sizeSlide169' },
  { value: 'slide-4-3', key: 'sizeSlide43' },
  { value: 'square', key: 'sizeSquare' },
];
const SCALES: ExportScale[] = [1, 2, 3];

function RadioGroup<T extends string | number>(props: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}): ReactNode {
  return (
    <fieldset className="xm-fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={String(o.value)} className="xm-radio">
          <input
            type="radio"
            name={props.name}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Export menu of one chart (lazy-loaded by the explorer). */
export function ExportMenu({ model: given, tableRows, fullRows, chartSize, map }: ExportMenuProps): ReactNode {
  // The chart that fits the data (issue 13): a line whose values fall on one period exports (and pins) as the
  // ranking of that period, not a column of dots.
  const model = useMemo(() => leadingModel(given), [given]);
  const view: MapView | null = useMemo(
    () => (map ? { ...map, link: given.link, synthetic: given.synthetic === true } : null),
    [map, given.link, given.synthetic],
  );
  const lang = model.lang;
  const t = (key: keyof typeof m, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [size, setSize] = useState<ExportSizeName>('slide-16-9');
  const [scale, setScale] = useState<ExportScale>(2);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [withImage, setWithImage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const { reset } = usePins();
  const saver = useSavedViewsConnection();
  const ts = (key: keyof typeof sm, vars?: Record<string, string | number>) => translate(sm, lang, key, vars);
  // The map as a saved view keeps it (null on the chart tabs).
  const pinnedMap: PinnedMap | undefined = useMemo(() => (view ? toPinnedMap(view.model, view) : undefined), [view]);
  // Tell the saved views which chart this view draws (their snapshot for offline playback).
  useEffect(() => {
    saver?.rendered(model, pinnedMap);
  }, [saver, model, pinnedMap]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!naming) return;
    nameRef.current?.focus();
    nameRef.current?.select();
  }, [naming]);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    dialogRef.current?.querySelector<HTMLElement>('input, button:not([data-close])')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const restoreFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy || !restoreFocus.current) return;
    const el = restoreFocus.current;
    restoreFocus.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && el.isConnected) el.focus();
  }, [busy]);

  const choice: ImageChoice = chartSize ? { size, scale, background, chartSize } : { size, scale, background };

  /** Run one export, reporting progress and outcome in the live region. */
  const run = async (task: () => Promise<string | null> | string | null) => {
    // The pressed button is disabled while busy, which drops keyboard focus to <body> (and Escape no longer
    // reaches the dialog): remember it; the effect on `busy` gives focus back once the buttons are enabled again.
    restoreFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy(true);
    setStatus({ kind: 'info', text: t('working') });
    try {
      const text = await task();
      setStatus(text === null ? null : { kind: 'ok', text });
    } catch (err) {
      setStatus({ kind: 'error', text: t('failed', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  /** Run one download; the outcome names the file saved. */
  const runSaving = (download: () => Promise<string> | string) =>
    run(async () => t('done', { name: await download() }));

  const onCopy = () =>
    run(async () => {
      if (!canCopyImage()) throw new Error(t('copyUnsupported'));
      const result = await (view ? copyMapPng(view, choice) : copyPng(model, choice));
      if (result === 'copied') return t('copied');
      throw new Error(t(result === 'unsupported' ? 'copyUnsupported' : 'copyDenied'));
    });

  const startNaming = () => {
    setName(view ? view.title : model.title);
    setNaming(true);
  };

  const stopNaming = () => {
    setNaming(false);
    requestAnimationFrame(() => saveButtonRef.current?.focus());
  };

  const onSave = () =>
    run(async () => {
      const clean = name.trim();
      if (clean === '') throw new Error(ts('nameEmpty'));
      if (!saver) throw new Error(ts('notReady'));
      const saved = await saver.save({ name: clean, model, map: pinnedMap });
      if (!saved) throw new Error(ts('notSaved'));
      stopNaming();
      return ts('savedAs', { name: clean });
    });

  return (
    <div className="xm" ref={rootRef} dir={model.dir} lang={lang}>
      <button
        ref={triggerRef}
        type="button"
        className="xm-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? `${id}-dialog` : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {t('exportButton')}
      </button>
      {open && (
        // The dialog catches Escape bubbling up from its own controls (WAI-ARIA APG dialog pattern; jsx-a11y's
        // recommended config allows onKeyDown on role="dialog"); the div itself is never a click or key target.
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keyboard handler of a dialog
        <div
          ref={dialogRef}
          id={`${id}-dialog`}
          className="xm-dialog"
          role="dialog"
          aria-labelledby={`${id}-title`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(true);
            }
          }}
        >
          <div className="xm-head">
            <h2 id={`${id}-title`} className="xm-title">
              {t(view ? 'dialogTitleMap' : 'dialogTitle')}
            </h2>
            <button type="button" className="xm-close" data-close onClick={() => close(true)} aria-label={t('close')}>
              ×
            </button>
          </div>

          <section aria-labelledby={`${id}-img`} className="xm-section">
            <h3 id={`${id}-img`}>{t('imageSection')}</h3>
            <RadioGroup
              legend={t('size')}
              name={`${id}-size`}
              value={size}
              onChange={setSize}
              options={SIZES.map((s) => ({ value: s.value, label: t(s.key) }))}
            />
            <RadioGroup
              legend={t('scale')}
              name={`${id}-scale`}
              value={scale}
              onChange={setScale}
              options={SCALES.map((s) => ({ value: s, label: `${s}×` }))}
            />
            <RadioGroup
              legend={t('background')}
              name={`${id}-bg`}
              value={background}
              onChange={setBackground}
              options={[
                { value: 'white', label: t('bgWhite') },
                { value: 'transparent', label: t('bgTransparent') },
              ]}
            />
            <div className="xm-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => runSaving(() => (view ? downloadMapPng(view, choice) : downloadPng(model, choice)))}
              >
                {t('downloadPng')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => runSaving(() => (view ? downloadMapSvg(view, choice) : downloadSvg(model, choice)))}
              >
                {t('downloadSvg')}
              </button>
              <button type="button" disabled={busy} onClick={onCopy}>
                {t('copyImage')}
              </button>
            </div>
          </section>

          <section aria-labelledby={`${id}-data`} className="xm-section">
            <h3 id={`${id}-data`}>{t('dataSection')}</h3>
            {view ? (
              <div className="xm-actions">
                <button type="button" disabled={busy} onClick={() => runSaving(() => downloadMapCsv(view))}>
                  {t('csvMap')}
                </button>
                <button type="button" disabled={busy} onClick={() => runSaving(() => downloadMapCsv(view, 'excel-fr'))}>
                  {t('csvExcel')}
                </button>
                <button type="button" disabled={busy} onClick={() => runSaving(() => downloadMapXlsx(view))}>
                  {t('xlsx')}
                </button>
              </div>
            ) : (
              <div className="xm-actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => runSaving(() => downloadCsv(model, 'displayed', tableRows))}
                >
                  {t('csvDisplayed')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => runSaving(() => downloadCsv(model, 'full', fullRows ?? tableRows))}
                >
                  {t('csvFull')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => runSaving(() => downloadCsv(model, 'displayed', tableRows, 'excel-fr'))}
                >
                  {t('csvExcel')}
                </button>
                <button type="button" disabled={busy} onClick={() => runSaving(() => downloadXlsx(model, tableRows))}>
                  {t('xlsx')}
                </button>
              </div>
            )}
          </section>

          <section aria-labelledby={`${id}-pres`} className="xm-section">
            <h3 id={`${id}-pres`}>{t('slidesSection')}</h3>
            {view ? null : (
              <label className="xm-check">
                <input type="checkbox" checked={withImage} onChange={(e) => setWithImage(e.target.checked)} />
                {t('withImage')}
              </label>
            )}
            <div className="xm-actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => runSaving(() => (view ? downloadMapDeck(view) : downloadDeck([model], withImage)))}
              >
                {t('downloadPptx')}
              </button>
              {naming ? null : (
                <button ref={saveButtonRef} type="button" disabled={busy} onClick={startNaming}>
                  {ts('saveView')}
                </button>
              )}
            </div>
            {naming && (
              <form
                className="xm-save"
                onSubmit={(e) => {
                  e.preventDefault();
                  void onSave();
                }}
              >
                <label className="xm-save__label">
                  {ts('nameLabel')}
                  <input
                    ref={nameRef}
                    type="text"
                    value={name}
                    maxLength={120}
                    onChange={(e) => setName(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      // Escape leaves the name prompt, not the whole menu.
                      if (e.key === 'Escape') {
                        e.stopPropagation();
                        stopNaming();
                      }
                    }}
                  />
                </label>
                <div className="xm-actions">
                  <button type="submit" disabled={busy}>
                    {ts('save')}
                  </button>
                  <button type="button" onClick={stopNaming}>
                    {ts('cancel')}
                  </button>
                </div>
              </form>
            )}
          </section>
        </div>
      )}
      <div className={`xm-status${status?.kind === 'error' ? ' xm-error' : ''}`} role="status" aria-live="polite">
        {status?.text}
      </div>
      {reset && (
        <div className="xm-status xm-error" role="alert">
          {t('pinsReset')}{' '}
          <button type="button" className="xm-link" onClick={() => pinActions.dismissReset()}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
