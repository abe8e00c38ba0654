/**
 * Tile-grid cartogram of the 12 regions (no licensed boundary file is available; positions come from
 * `territory.tile`). Each tile is a focusable button whose accessible name carries the value; click or
 * Enter toggles the region in the selection. Sequential colour classes with a legend; "no data" tiles
 * are hatched and labelled in text (never colour alone).
 *
 * The grid is geography, so it is NOT mirrored in Arabic (`dir="ltr"` on the grid only): west stays left.
 */
import { useState } from 'react';
import type { Lang, Measure, Territory, Unit } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { classOf, quantileClasses } from '../transforms/classes.ts';
import { formatMeasured } from '../transforms/value-format.ts';
import type { TileValue } from '../transforms/chart-types.ts';
import { chartMessages } from '../ui/messages.ts';
import { readableTextOn, SEQUENTIAL } from '../transforms/palette.ts';

/** Props of `TileMap`. */
export interface TileMapProps {
  regions: readonly Territory[];
  values: ReadonlyMap<string, TileValue>;
  period: string | null;
  selected: ReadonlySet<string>;
  onToggle: (code: string) => void;
  lang: Lang;
  unitCode: Unit['code'];
  measure: Measure;
}

/** The map. */
export function TileMap(props: TileMapProps) {
  const { lang } = props;
  const [hover, setHover] = useState<string | null>(null);
  const placed = props.regions.filter((r) => r.tile);
  const cols = Math.max(1, ...placed.map((r) => (r.tile?.col ?? 0) + 1));
  const rows = Math.max(1, ...placed.map((r) => (r.tile?.row ?? 0) + 1));
  const classes = quantileClasses(
    placed.map((r) => props.values.get(r.code)?.value ?? null),
    SEQUENTIAL.length,
  );
  const fmt = (v: number | null) => formatMeasured(v, props.unitCode, props.measure, lang);
  const periodText = props.period ? formatPeriod(props.period, lang) : '';
  const hovered = placed.find((r) => r.code === hover);
  const hoveredValue = hovered ? props.values.get(hovered.code) : undefined;

  return (
    <div className="tile-map">
      <div
        className="tile-map__grid"
        dir="ltr"
        style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}
      >
        {placed.map((r) => {
          const v = props.values.get(r.code);
          const cls = classOf(v?.value ?? null, classes);
          const selected = props.selected.has(r.code);
          const name = r.name[lang];
          const label =
            v && v.value !== null
              ? translate(chartMessages, lang, 'tileName', { name, value: fmt(v.value), period: periodText })
              : translate(chartMessages, lang, 'tileNoData', { name, period: periodText });
          return (
            <button
              key={r.code}
              type="button"
              className={`tile${cls === null ? ' tile--nodata' : ''}${selected ? ' tile--selected' : ''}`}
              style={{
                gridColumn: (r.tile?.col ?? 0) + 1,
                gridRow: (r.tile?.row ?? 0) + 1,
                background: cls === null ? undefined : SEQUENTIAL[cls],
                // Text colour computed from the fill (white on dark classes, near-black on light ones), ≥ 4.5:1 each.
                color: cls === null ? '#1a1a1a' : readableTextOn(SEQUENTIAL[cls] ?? '#ffffff'),
              }}
              aria-pressed={selected}
              aria-label={`${label}${selected ? `, ${translate(chartMessages, lang, 'selected')}` : ''}`}
              onClick={() => props.onToggle(r.code)}
              onMouseEnter={() => setHover(r.code)}
              onMouseLeave={() => setHover((h) => (h === r.code ? null : h))}
              onFocus={() => setHover(r.code)}
              onBlur={() => setHover((h) => (h === r.code ? null : h))}
            >
              <span className="tile__short" dir="auto">
                {r.short ?? r.code.replace('MA-', '')}
              </span>
              <span className="tile__value" dir="auto">
                {cls === null ? translate(chartMessages, lang, 'noData') : fmt(v?.value ?? null)}
              </span>
            </button>
          );
        })}
      </div>
      <div className="tile-map__tooltip" aria-hidden="true">
        {hovered ? (
          <>
            <strong>{hovered.name[lang]}</strong> · {periodText} ·{' '}
            {hoveredValue && hoveredValue.value !== null
              ? fmt(hoveredValue.value)
              : `${translate(chartMessages, lang, 'noData')}${hoveredValue?.reason ? ` (${translate(chartMessages, lang, hoveredValue.reason)})` : ''}`}
          </>
        ) : (
          ' '
        )}
      </div>
      <div className="map-legend">
        <p className="map-legend__title">{translate(chartMessages, lang, 'mapLegend')}</p>
        <ul className="map-legend__list">
          {classes
            ? SEQUENTIAL.map((color, i) => {
                const lo = i === 0 ? classes.min : (classes.breaks[i - 1] as number);
                const hi = i === SEQUENTIAL.length - 1 ? classes.max : (classes.breaks[i] as number);
                return (
                  <li key={color}>
                    <span className="map-legend__swatch" style={{ background: color }} aria-hidden="true" />
                    {fmt(lo)} – {fmt(hi)}
                  </li>
                );
              })
            : null}
          <li>
            <span className="map-legend__swatch tile--nodata" aria-hidden="true" />
            {translate(chartMessages, lang, 'noData')}
          </li>
        </ul>
      </div>
    </div>
  );
}
