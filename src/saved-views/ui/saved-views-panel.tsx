/**
 * The saved-views panel (issue 17): a native modal `<dialog>` (the page behind is inert, focus stays inside, Escape
 * closes; SavedViewsEntry gives focus back to its button). It saves the view on screen under a name, lists the saved
 * views in their order and lets the user open, rename, move up or down, delete each one and edit its own events,
 * and exports or imports them as a file. Every change is announced in a polite live region; refusals (storage,
 * a bad file) in an alert. Names are the user's text and rendered as text only.
 *
 * Keyboard only: every action is a button; after a move, a rename or a delete the focus lands on the next sensible
 * control (the moved view's button, the renamed view, the next view), never on <body>.
 * Logical CSS properties only (./saved-views.css), so it mirrors in Arabic; one column at 390 px.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { Lang } from '../../contract/contract.ts';
import { downloadBlob } from '../../export/download.ts';
import { formatDate } from '../../i18n/format.ts';
import { DIRECTIONS, LOCALES, translate } from '../../i18n/i18n.ts';
import { parseViewUrl } from '../../state/view-state.ts';
import { selectViewState, useViewStore } from '../../state/view-store.ts';
import { checkEvent, type EventProblems } from '../events.ts';
import type { ImportProblem } from '../views-file.ts';
import { savedViewsMessages as m } from '../messages.ts';
import { MAX_EVENT_TEXT, MAX_NAME, MAX_VIEWS } from '../names.ts';
import { queryOfState, selectionKey, selectionKeyOfState } from '../query.ts';
import {
  addUserEvent,
  deleteSavedView,
  ensureLoaded,
  exportSavedViewsFile,
  importSavedViews,
  moveSavedView,
  openSavedView,
  removeUserEvent,
  renameSavedView,
  renderedForCurrentView,
  saveCurrentView,
  savedViewsSnapshot,
  type ActionResult,
  type SavedViewsFailure,
} from '../saved-views-state.ts';
import type { SavedView } from '../types.ts';
import { failureText, useSavedViews } from '../use-saved-views.ts';
import { BriefingActions } from './briefing-actions.tsx';
import { BriefingToggle } from './briefing-toggle.tsx';
import '../../styles/modal-dialog.css';
// Its style sheet is in the HTML's first sheet: src/main.tsx imports every sheet of the app's frame (issue 16).

type Key = keyof typeof m;
type Message = { kind: 'ok' | 'error'; text: string } | null;

/** The words of a file refusal. Pure. */
export function importProblemText(problem: ImportProblem, lang: Lang): string {
  const t = (key: Key, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const mb = (bytes: number) =>
    new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
      bytes / (1024 * 1024),
    );
  const what = (() => {
    switch (problem.kind) {
      case 'too-large':
        return t('probTooLarge', { size: mb(problem.bytes), max: mb(5 * 1024 * 1024) });
      case 'empty-file':
        return t('probEmpty');
      case 'not-json':
        return t('probNotJson');
      case 'not-saved-views':
        return t('probNotSavedViews');
      case 'newer-version':
        return t('probNewer', { version: problem.version });
      case 'too-many':
        return t('probTooMany', { count: problem.count, max: MAX_VIEWS });
      case 'no-views':
        return t('probNoViews');
      case 'invalid-view':
        return t('probInvalidView', { n: problem.index + 1, field: problem.field });
    }
  })();
  return `${what} ${t('nothingImported')}`;
}

/** What kind of view a query shows, in words. Pure. */
export function viewKindText(query: string, lang: Lang): string {
  const s = parseViewUrl(`?${query}`).state;
  const key: Key =
    s.view === 'explorer'
      ? s.tab === 'map'
        ? 'kindMap'
        : s.tab === 'table'
          ? 'kindTable'
          : 'kindChart'
      : s.view === 'compare'
        ? 'kindCompare'
        : s.view === 'projects'
          ? 'kindProjects'
          : 'kindOverview';
  return translate(m, lang, key);
}

/** The name offered for the view on screen: the chart's title when the explorer drew one, else the view's kind. */
function defaultName(lang: Lang): string {
  const rendered = renderedForCurrentView();
  if (rendered) return rendered.map?.title ?? rendered.model.title;
  return viewKindText(queryOfState(selectViewState(useViewStore.getState())), lang);
}

function EventsEditor({ view, lang, onMessage }: { view: SavedView; lang: Lang; onMessage: (msg: Message) => void }) {
  const id = useId();
  const t = (key: Key, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const [period, setPeriod] = useState('');
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [problems, setProblems] = useState<EventProblems>({});
  const [busy, setBusy] = useState(false);
  const periodRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLHeadingElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = checkEvent({ period, text, link });
    if (!check.ok) {
      setProblems(check.problems);
      // Focus the first field in error, which now describes its problem.
      (check.problems.period ? periodRef : check.problems.text ? textRef : linkRef).current?.focus();
      return;
    }
    if (view.events.length >= 50) {
      onMessage({ kind: 'error', text: t('eventTooMany', { max: 50 }) });
      return;
    }
    setProblems({});
    setBusy(true);
    const result = await addUserEvent(view.id, check.event);
    setBusy(false);
    if (!result.ok) return onMessage({ kind: 'error', text: failureText(result.kind, lang) });
    setPeriod('');
    setText('');
    setLink('');
    onMessage({ kind: 'ok', text: t('eventAdded', { name: view.name }) });
    periodRef.current?.focus();
  };

  const remove = async (eventId: string) => {
    const result = await removeUserEvent(view.id, eventId);
    if (!result.ok) return onMessage({ kind: 'error', text: failureText(result.kind, lang) });
    onMessage({ kind: 'ok', text: t('eventRemoved') });
    listRef.current?.focus();
  };

  const err = (field: keyof EventProblems) => (problems[field] ? `${id}-${field}-err` : undefined);
  return (
    <div className="sv-events">
      <h4 ref={listRef} tabIndex={-1} className="sv-events__title">
        {t('eventsOf', { name: view.name })}
      </h4>
      {view.events.length === 0 ? (
        <p className="sv-muted">{t('eventsNone')}</p>
      ) : (
        <ul className="sv-events__list">
          {view.events.map((ev) => (
            <li key={ev.id} className="sv-event">
              <span className="sv-event__mine">{t('mine')}</span> <strong dir="ltr">{ev.period}</strong>{' '}
              <span dir="auto">{ev.text}</span>
              {ev.link ? (
                <>
                  {' '}
                  <a
                    href={ev.link}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    dir="ltr"
                    className="sv-event__link"
                  >
                    {ev.link}
                  </a>
                </>
              ) : null}{' '}
              <button type="button" className="button button--small button--quiet" onClick={() => void remove(ev.id)}>
                {t('removeEvent', { text: ev.text.length > 40 ? `${ev.text.slice(0, 40)}…` : ev.text })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="sv-events__form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          {t('eventPeriod')}
          <input
            ref={periodRef}
            type="text"
            value={period}
            dir="ltr"
            inputMode="text"
            autoComplete="off"
            aria-invalid={problems.period ? true : undefined}
            aria-describedby={err('period')}
            onChange={(e) => setPeriod(e.currentTarget.value)}
          />
        </label>
        {problems.period && (
          <p id={err('period')} className="sv-field-error">
            {t('eventBadPeriod')}
          </p>
        )}
        <label className="field">
          {t('eventText')}
          <input
            ref={textRef}
            type="text"
            value={text}
            maxLength={MAX_EVENT_TEXT + 50}
            aria-invalid={problems.text ? true : undefined}
            aria-describedby={err('text')}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        </label>
        {problems.text && (
          <p id={err('text')} className="sv-field-error">
            {problems.text === 'empty' ? t('eventNoText') : t('eventTextTooLong', { max: MAX_EVENT_TEXT })}
          </p>
        )}
        <label className="field">
          {t('eventLink')}
          <input
            ref={linkRef}
            type="text"
            inputMode="url"
            dir="ltr"
            value={link}
            autoComplete="off"
            aria-invalid={problems.link ? true : undefined}
            aria-describedby={err('link')}
            onChange={(e) => setLink(e.currentTarget.value)}
          />
        </label>
        {problems.link && (
          <p id={err('link')} className="sv-field-error">
            {t('eventBadLink')}
          </p>
        )}
        <div>
          <button type="submit" className="button button--small" disabled={busy}>
            {t('addEvent')}
          </button>
        </div>
      </form>
    </div>
  );
}

function ViewItem(props: {
  view: SavedView;
  index: number;
  count: number;
  lang: Lang;
  current: boolean;
  onMessage: (msg: Message) => void;
  onFocusAfter: (target: { id: string; action: string } | null) => void;
  onOpen: (id: string) => void;
}) {
  const { view, index, count, lang, current, onMessage, onFocusAfter, onOpen } = props;
  const t = (key: Key, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const id = useId();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [confirming, setConfirming] = useState(false);
  const [eventsOpen, setEventsOpen] = useState(false);
  const renameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!renaming) return;
    renameRef.current?.focus();
    renameRef.current?.select();
  }, [renaming]);

  const fail = (r: ActionResult) => {
    if (!r.ok) onMessage({ kind: 'error', text: failureText(r.kind, lang) });
    return !r.ok;
  };

  const move = async (delta: number) => {
    const to = index + delta;
    const r = await moveSavedView(view.id, delta);
    if (fail(r)) return;
    onMessage({ kind: 'ok', text: t('moved', { name: view.name, pos: to + 1, n: count }) });
    // Keep the focus on the moved view: on the same button, or the other one when it reached an end.
    onFocusAfter({
      id: view.id,
      action: (delta < 0 && to === 0) || (delta > 0 && to === count - 1) ? 'flip' : delta < 0 ? 'up' : 'down',
    });
  };

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return onMessage({ kind: 'error', text: t('nameEmpty') });
    const r = await renameSavedView(view.id, name);
    if (fail(r)) return;
    setRenaming(false);
    onMessage({ kind: 'ok', text: t('renamed', { name: r.ok && r.view ? r.view.name : name }) });
    onFocusAfter({ id: view.id, action: 'rename' });
  };

  const remove = async () => {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const r = await deleteSavedView(view.id);
    if (fail(r)) return;
    onMessage({ kind: 'ok', text: t('deleted', { name: view.name }) });
    onFocusAfter(null);
  };

  return (
    <li className="sv-item" data-sv-id={view.id} aria-labelledby={`${id}-name`}>
      <div className="sv-item__head">
        <span id={`${id}-name`} className="sv-item__name" dir="auto">
          {view.name}
        </span>
        <span className="sv-item__meta">
          {viewKindText(view.query, lang)} · {t('savedOn', { date: formatDate(view.createdAt.slice(0, 10), lang) })}
          {current ? <span className="sv-item__current"> · {t('current')}</span> : null}
        </span>
        {/* Whether the briefing plays it (helper B's checkbox; announced through this panel's live region). */}
        <BriefingToggle view={view} lang={lang} onMessage={onMessage} />
      </div>
      {renaming ? (
        <form className="sv-rename" onSubmit={(e) => void rename(e)}>
          <label className="field">
            {t('renameLabel', { name: view.name })}
            <input
              ref={renameRef}
              type="text"
              value={name}
              maxLength={MAX_NAME}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Escape leaves the rename, not the whole panel (the dialog's cancel event is prevented).
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  setRenaming(false);
                  onFocusAfter({ id: view.id, action: 'rename' });
                }
              }}
            />
          </label>
          <div className="sv-actions">
            <button type="submit" className="button button--small">
              {t('renameSave')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setRenaming(false);
                onFocusAfter({ id: view.id, action: 'rename' });
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="sv-actions" role="group" aria-label={t('actionsOf', { name: view.name })}>
          <button type="button" className="button button--small" data-action="open" onClick={() => onOpen(view.id)}>
            {t('openShort')}
            <span className="visually-hidden"> {view.name}</span>
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            data-action="rename"
            onClick={() => {
              setName(view.name);
              setRenaming(true);
            }}
          >
            {t('rename')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            data-action="up"
            disabled={index === 0}
            onClick={() => void move(-1)}
          >
            <span aria-hidden="true">↑ </span>
            {t('moveUp')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            data-action="down"
            disabled={index === count - 1}
            onClick={() => void move(1)}
          >
            <span aria-hidden="true">↓ </span>
            {t('moveDown')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            data-action="events"
            aria-expanded={eventsOpen}
            onClick={() => setEventsOpen((o) => !o)}
          >
            {t('eventsToggle', { n: view.events.length })}
          </button>
          <button
            type="button"
            className="button button--small button--quiet sv-danger"
            data-action="delete"
            onClick={() => void remove()}
            onBlur={() => setConfirming(false)}
          >
            {confirming ? t('confirmDelete') : t('delete')}
          </button>
        </div>
      )}
      {eventsOpen && !renaming ? <EventsEditor view={view} lang={lang} onMessage={onMessage} /> : null}
    </li>
  );
}

/** The panel (lazy chunk of SavedViewsEntry). */
export function SavedViewsPanel({ lang, onClose }: { lang: Lang; onClose: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const t = (key: Key, vars?: Record<string, string | number>) => translate(m, lang, key, vars);
  const { status, views, message: loadError } = useSavedViews();
  const currentKey = useViewStore((s) => selectionKeyOfState(selectViewState(s)));
  const [name, setName] = useState(() => defaultName(lang));
  const [announce, setAnnounce] = useState('');
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  // Where the focus goes once the list shows a change (see ViewItem): undefined when nothing is pending.
  const pendingFocus = useRef<{ id: string; action: string } | null | undefined>(undefined);
  const invalid = savedViewsSnapshot().invalid;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  // After a change the list re-renders: put the focus where the user expects it (see ViewItem).
  const applyFocus = useCallback(() => {
    const target = pendingFocus.current;
    const list = listRef.current;
    if (target === undefined || !list) return;
    if (target === null) {
      // Deleted: the first view's open button, or the name field when the list is empty.
      pendingFocus.current = undefined;
      (
        list.querySelector<HTMLElement>('[data-action="open"]') ??
        ref.current?.querySelector<HTMLElement>('[data-autofocus]')
      )?.focus();
      return;
    }
    const item = list.querySelector<HTMLElement>(`[data-sv-id="${CSS.escape(target.id)}"]`);
    const action =
      target.action === 'flip'
        ? item?.querySelector<HTMLButtonElement>('[data-action="up"]:not(:disabled)')
          ? 'up'
          : 'down'
        : target.action;
    const button = item?.querySelector<HTMLElement>(`[data-action="${action}"]:not(:disabled)`);
    if (!button) return;
    pendingFocus.current = undefined;
    button.focus();
  }, []);
  useLayoutEffect(applyFocus, [views, applyFocus]);
  const onFocusAfter = useCallback(
    (target: { id: string; action: string } | null) => {
      pendingFocus.current = target;
      requestAnimationFrame(applyFocus);
    },
    [applyFocus],
  );

  const onMessage = (msg: Message) => {
    if (!msg) return;
    if (msg.kind === 'error') {
      setAnnounce('');
      setAlert(msg.text);
    } else {
      setAlert('');
      setAnnounce(msg.text);
    }
  };

  const fail = (kind: SavedViewsFailure) => onMessage({ kind: 'error', text: failureText(kind, lang) });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return onMessage({ kind: 'error', text: t('nameEmpty') });
    setBusy(true);
    const r = await saveCurrentView(name);
    setBusy(false);
    if (!r.ok) return fail(r.kind);
    onMessage({ kind: 'ok', text: t('saved', { name: r.view?.name ?? name }) });
  };

  const onOpen = (viewId: string) => {
    openSavedView(viewId);
    onClose();
  };

  const exportFile = async () => {
    try {
      const { text, fileName } = await exportSavedViewsFile();
      downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
      onMessage({ kind: 'ok', text: t('exported', { name: fileName }) });
    } catch {
      fail('failed');
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const { file: fileModule } = await ensureLoaded();
      const read = await fileModule.readSavedViewsFile(file);
      if (!read.ok) return onMessage({ kind: 'error', text: importProblemText(read.problem, lang) });
      const r = await importSavedViews(read.views);
      if (!r.ok) return onMessage({ kind: 'error', text: `${failureText(r.kind, lang)}` });
      const plain = read.markupNames + read.formulaNames;
      onMessage({
        kind: 'ok',
        text: [t('imported', { n: read.views.length }), plain > 0 ? t('importedPlainText', { n: plain }) : '']
          .filter(Boolean)
          .join(' '),
      });
    } catch {
      fail('failed');
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <dialog
      ref={ref}
      className="modal-dialog sv-dialog"
      aria-labelledby={`${id}-title`}
      lang={lang}
      dir={DIRECTIONS[lang]}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-saved-views-panel=""
    >
      <div className="modal-dialog__head">
        <h2 id={`${id}-title`} className="modal-dialog__title sv-dialog__title">
          {t('title')}
        </h2>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <div className="sv-dialog__body">
        <p className="sv-intro">{t('intro')}</p>
        <form className="sv-save" onSubmit={(e) => void save(e)}>
          <label className="field">
            {t('nameLabel')}
            <input
              type="text"
              value={name}
              maxLength={MAX_NAME}
              data-autofocus=""
              onChange={(e) => setName(e.currentTarget.value)}
            />
          </label>
          <button type="submit" className="button" disabled={busy || status !== 'ready'}>
            {t('saveCurrent')}
          </button>
        </form>
        <div className="sv-live" role="status" aria-live="polite">
          {announce}
        </div>
        <div className="sv-live sv-alert" role="alert">
          {alert}
        </div>
        {invalid > 0 ? <p className="sv-muted">{t('invalidRecords', { n: invalid })}</p> : null}

        <h3 className="sv-list-title" id={`${id}-list`}>
          {t('listLabel')}
        </h3>
        {status === 'loading' ? (
          <p role="status">{t('loading')}</p>
        ) : status === 'error' ? (
          <p className="sv-alert">{loadError}</p>
        ) : views.length === 0 ? (
          <p className="sv-muted">{t('empty')}</p>
        ) : null}
        <ol ref={listRef} className="sv-list" aria-labelledby={`${id}-list`} hidden={views.length === 0}>
          {views.map((v, i) => (
            <ViewItem
              key={v.id}
              view={v}
              index={i}
              count={views.length}
              lang={lang}
              current={selectionKey(v.query) === currentKey}
              onMessage={onMessage}
              onFocusAfter={onFocusAfter}
              onOpen={onOpen}
            />
          ))}
        </ol>

        {/* The briefing (helper B's part): the saved views in order, played or exported as one deck or document. */}
        <BriefingActions lang={lang} />

        <section className="sv-file" aria-labelledby={`${id}-file`}>
          <h3 id={`${id}-file`}>{t('fileSection')}</h3>
          <div className="sv-actions">
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={views.length === 0}
              onClick={() => void exportFile()}
            >
              {t('exportFile')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={busy}
              onClick={() => fileRef.current?.click()}
            >
              {t('importFile')}
            </button>
            <input
              ref={fileRef}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              data-saved-views-file=""
              onChange={(e) => void importFile(e.currentTarget.files?.[0])}
            />
          </div>
        </section>
      </div>
    </dialog>
  );
}
