/**
 * The import dialog (issue 15): a native modal `<dialog>` (the page behind is inert, focus stays inside; Escape
 * closes, focus goes back to the button that opened it — ImportEntry does that), with two tabs: "Importer un
 * fichier" (the journey, import-panel.tsx) and "Mes données" (datasets-panel.tsx). It states at the top that the data
 * stays in this browser. Logical CSS properties only, so it mirrors in Arabic; one column at 390 px.
 *
 * Loaded lazily by ImportEntry: nothing of it, the worker client or the store is in the app's first chunks.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { DIRECTIONS, translate } from '../../i18n/i18n.ts';
import { updateView } from '../../state/url-sync.ts';
import { userIndicatorId, type DatasetMeta } from '../../user-data/types.ts';
import { DatasetsPanel } from './datasets-panel.tsx';
import type { ImportEntryStart } from './import-entry.tsx';
import { ImportPanel } from './import-panel.tsx';
import { importMessages as m } from './messages.ts';
import '../../styles/modal-dialog.css';
import './import.css';

type Tab = 'import' | 'datasets';
const TABS: readonly Tab[] = ['import', 'datasets'];

/** Open a dataset in the explorer: its indicator, the chart tab, the default territories and range. */
export function openInExplorer(dataset: DatasetMeta): void {
  updateView({
    view: 'explorer',
    indicator: userIndicatorId(dataset.id),
    territories: [],
    tab: 'chart',
    measure: 'absolute',
    from: null,
    to: null,
    period: null,
    mapRegion: null,
  });
}

export function ImportDialog({ lang, start, onClose }: { lang: Lang; start: ImportEntryStart; onClose: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>(start);
  const [replaceTarget, setReplaceTarget] = useState<DatasetMeta | null>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ import: null, datasets: null });
  const t = (key: keyof typeof m) => translate(m, lang, key);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // showModal: the top layer, the rest of the page inert. Without it (old engines, jsdom), an open dialog.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    // Arrow keys follow what the eye sees: in Arabic the next tab is on the left.
    const forward = DIRECTIONS[lang] === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = DIRECTIONS[lang] === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next: Tab | undefined;
    if (e.key === forward) next = TABS[(i + 1) % TABS.length];
    else if (e.key === back) next = TABS[(i + TABS.length - 1) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const open = (dataset: DatasetMeta) => {
    openInExplorer(dataset);
    onClose();
  };

  return (
    // Escape is handled on keydown (every engine, jsdom included) and on `cancel` (the browser's own close request).
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keyboard handler of a dialog
    <dialog
      ref={ref}
      className="modal-dialog import-dialog"
      aria-labelledby={`${id}-title`}
      lang={lang}
      dir={DIRECTIONS[lang]}
      data-import-dialog
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="modal-dialog__head">
        <h2 id={`${id}-title`} className="modal-dialog__title">
          {t(tab === 'import' ? 'title' : 'titleDatasets')}
        </h2>
        <button type="button" className="button button--small button--quiet" data-autofocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="import-privacy" data-privacy>
        {t('privacy')}
      </p>
      <div className="import-tabs" role="tablist" aria-labelledby={`${id}-title`}>
        {TABS.map((x) => (
          <button
            key={x}
            ref={(el) => {
              tabRefs.current[x] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${x}`}
            className="import-tabs__tab"
            aria-selected={tab === x}
            aria-controls={`${id}-panel-${x}`}
            tabIndex={tab === x ? 0 : -1}
            onClick={() => setTab(x)}
            onKeyDown={onTabKey}
          >
            {t(x === 'import' ? 'tabImport' : 'tabDatasets')}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-import`}
        aria-labelledby={`${id}-tab-import`}
        hidden={tab !== 'import'}
        className="import-dialog__panel"
      >
        <ImportPanel
          lang={lang}
          replaceTarget={replaceTarget}
          onClearReplace={() => setReplaceTarget(null)}
          onOpen={open}
        />
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-datasets`}
        aria-labelledby={`${id}-tab-datasets`}
        hidden={tab !== 'datasets'}
        className="import-dialog__panel"
      >
        {tab === 'datasets' ? (
          <DatasetsPanel
            lang={lang}
            onOpen={open}
            onReimport={(dataset) => {
              setReplaceTarget(dataset);
              setTab('import');
              tabRefs.current.import?.focus();
            }}
          />
        ) : null}
      </div>
    </dialog>
  );
}
