/**
 * Explorer controls: indicator picker (grouped by category, with its status badge), measure switch
 * (radio group, only the indicator's measures, denominator stated) and the time range with play.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Indicator, Lang, Measure } from '../../contract/contract.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ErrorState } from '../../ui/panel-states.tsx';
import { defineMessages, translate } from '../../i18n/i18n.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { rangeIsEmpty } from '../../contract/period.ts';
import { groupByCategory } from '../../transforms/selection.ts';
import { explorerMessages } from './messages.ts';

/** What the explorer's skeletons wait for, named when the data is slow (issue 16 item 6). */
const awaitingMessages = defineMessages({
  catalogue: {
    fr: 'le catalogue des indicateurs et les territoires',
    ar: 'فهرس المؤشرات والمجالات الترابية',
    en: 'the indicator catalogue and the territories',
  },
  observations: {
    fr: 'les observations de l’indicateur',
    ar: 'مشاهدات المؤشر',
    en: 'the indicator’s observations',
  },
});

/** "les observations de l'indicateur": what a slow skeleton of the explorer waits for. */
export function awaitingText(what: keyof typeof awaitingMessages, lang: Lang): string {
  return translate(awaitingMessages, lang, what);
}

/**
 * The controls bar when the catalogue (`GET /indicators`) failed: the error naming it, and Retry, like every
 * other panel — not an empty bar (issue 16 item 6).
 */
export function IndicatorsUnavailable(props: {
  message: string;
  detail?: string | undefined;
  onRetry: () => void;
  lang: Lang;
}) {
  return (
    <div className="indicator-picker indicator-picker--error" data-controls-error="true">
      <ErrorState message={props.message} detail={props.detail} onRetry={props.onRetry} lang={props.lang} />
    </div>
  );
}

/** Indicator `<select>` with one `<optgroup>` per category. */
export function IndicatorPicker(props: {
  indicators: readonly Indicator[];
  value: string;
  onChange: (id: string) => void;
  lang: Lang;
  /** Shown after the status badge: the app passes the import entry ("Mes données") here. */
  extra?: ReactNode;
}) {
  const { lang } = props;
  const current = props.indicators.find((i) => i.id === props.value);
  return (
    <div className="indicator-picker">
      <label className="field">
        <span>{translate(explorerMessages, lang, 'indicator')}</span>
        <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          {current ? null : (
            // No indicator of the catalogue is shown (a link to an imported one this browser lacks): pick one.
            <option value="" disabled>
              —
            </option>
          )}
          {groupByCategory(props.indicators).map(([category, list]) => (
            <optgroup key={category} label={translate(explorerMessages, lang, `cat-${category}`)}>
              {list.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name[lang]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {current ? <StatusBadge status={current.status} lang={lang} /> : null}
      {props.extra}
    </div>
  );
}

/** Measure radio group. */
export function MeasureSwitch(props: {
  measures: readonly Measure[];
  value: Measure;
  onChange: (m: Measure) => void;
  denominatorNote: string | null;
  lang: Lang;
}) {
  const { lang } = props;
  const name = useId();
  if (props.measures.length <= 1) return null;
  return (
    <fieldset className="measure-switch">
      <legend>{translate(explorerMessages, lang, 'measure')}</legend>
      <div className="measure-switch__options">
        {props.measures.map((m) => (
          <label key={m} className="radio">
            <input type="radio" name={name} value={m} checked={props.value === m} onChange={() => props.onChange(m)} />
            <span>{translate(explorerMessages, lang, m)}</span>
          </label>
        ))}
      </div>
      {props.denominatorNote ? <p className="measure-switch__note">{props.denominatorNote}</p> : null}
    </fieldset>
  );
}

/**
 * The "Événements" switch (issue 17): events on the line's time axis shown or hidden, mirrored in the URL (`events=0`
 * when hidden; shown by default). A native checkbox: its state is announced and it takes Space like any other.
 */
export function EventsToggle(props: { checked: boolean; onChange: (checked: boolean) => void; lang: Lang }) {
  const { lang } = props;
  const helpId = useId();
  return (
    <>
      <label className="check events-toggle" title={translate(explorerMessages, lang, 'eventsToggleHelp')}>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={helpId}
          data-events-toggle=""
        />
        <span>{translate(explorerMessages, lang, 'eventsToggle')}</span>
      </label>
      <span id={helpId} className="visually-hidden">
        {translate(explorerMessages, lang, 'eventsToggleHelp')}
      </span>
    </>
  );
}

/**
 * From/to selects over the periods the selection has, and play through the periods (for the ranking and map).
 * `from`/`to` are the bounds applied, as offered periods (`null`: open); a choice sends both, so a bound of the URL
 * that is not on offer is replaced by what the selects show. An option that would empty the range is disabled (the
 * range rule of src/contract/period.ts: a period is in range when it overlaps it).
 */
export function TimeRange(props: {
  /** The periods the selection has, in period order. */
  periods: readonly string[];
  from: string | null;
  to: string | null;
  onRange: (from: string | null, to: string | null) => void;
  /** Periods inside the range, for play. */
  playPeriods: readonly string[];
  period: string | null;
  /** Called on each play step: a rapid change (history replace). */
  onPlayStep: (period: string) => void;
  lang: Lang;
  /**
   * What follows the play button on its row (the "Événements" switch, issue 17): on a phone the selects fill a line
   * and the button starts the next, so the switch shares that line instead of adding one to the controls bar (the
   * chart must stay above the fold at 390 px).
   */
  after?: ReactNode;
}) {
  const { lang, periods } = props;
  const [playing, setPlaying] = useState(false);
  // The interval reads the latest callback, list and period without restarting on every step: refs updated
  // after each render (an effect, declared before the play effect so it runs first), never during render.
  const step = useRef(props.onPlayStep);
  const playList = useRef(props.playPeriods);
  const currentPeriod = useRef(props.period);
  useEffect(() => {
    step.current = props.onPlayStep;
    playList.current = props.playPeriods;
    currentPeriod.current = props.period;
  });

  useEffect(() => {
    if (!playing) return;
    const list = playList.current;
    if (list.length < 2) {
      setPlaying(false);
      return;
    }
    let index = currentPeriod.current ? list.indexOf(currentPeriod.current) : -1;
    if (index < 0 || index >= list.length - 1) index = -1;
    const timer = window.setInterval(() => {
      index += 1;
      const p = playList.current[index];
      if (p === undefined) {
        setPlaying(false);
        return;
      }
      step.current(p);
      if (index >= playList.current.length - 1) setPlaying(false);
    }, 900);
    return () => window.clearInterval(timer);
  }, [playing]);

  const first = periods[0] ?? null;
  const last = periods.at(-1) ?? null;
  return (
    <fieldset className="time-range">
      <legend>{translate(explorerMessages, lang, 'timeRange')}</legend>
      <div className="time-range__row">
        <label className="field field--inline">
          <span>{translate(explorerMessages, lang, 'from')}</span>
          <select
            value={props.from ?? first ?? ''}
            onChange={(e) => props.onRange(e.currentTarget.value === first ? null : e.currentTarget.value, props.to)}
          >
            {periods.map((p) => (
              <option key={p} value={p} disabled={props.to !== null && rangeIsEmpty(p, props.to)}>
                {formatPeriod(p, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{translate(explorerMessages, lang, 'to')}</span>
          <select
            value={props.to ?? last ?? ''}
            onChange={(e) => props.onRange(props.from, e.currentTarget.value === last ? null : e.currentTarget.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p} disabled={props.from !== null && rangeIsEmpty(props.from, p)}>
                {formatPeriod(p, lang)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          aria-pressed={playing}
          disabled={props.playPeriods.length < 2}
          onClick={() => setPlaying((p) => !p)}
        >
          {translate(explorerMessages, lang, playing ? 'pause' : 'play')}
        </button>
        {props.after}
      </div>
    </fieldset>
  );
}

/** Select of the one period shown by the ranking and the map. */
export function PeriodSelect(props: {
  periods: readonly string[];
  value: string | null;
  onChange: (p: string) => void;
  lang: Lang;
}) {
  return (
    <label className="field field--inline">
      <span>{translate(explorerMessages, props.lang, 'period')}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.periods.map((p) => (
          <option key={p} value={p}>
            {formatPeriod(p, props.lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
