/**
 * Choropleth map of the regions or provinces (issue 13), drawn from a projected `MapGeometry` and a `MapModel`
 * given by props: each territory filled with its class colour (hatched when it has no data), thicker region
 * borders over province borders, short region labels, the inset of the small Casablanca–Rabat prefectures,
 * a legend in the indicator's unit and the boundaries' attribution (ODbL) under it.
 *
 * Interaction: hover or keyboard focus shows name, value, period, status and source; click, Enter or Space
 * toggles the territory through `onToggle`. The map is ONE tab stop (roving tabindex): arrow keys move to the
 * nearest territory in that direction (by drawn centroid), Home/End to the first/last, and the focused one is
 * announced in a polite live region. A region can be opened by double-click (the tooltip says so) through
 * `onOpenRegion`; Escape closes it.
 *
 * Geography is never mirrored: the svg is `dir="ltr"` whatever the language (west stays left, the arrows
 * keep their compass meaning); the legend, tooltip and controls around it follow the page (RTL in Arabic).
 */
import { memo, useCallback, useId, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { statusText } from '../i18n/status-label.ts';
import { qualifiedValue } from '../i18n/provenance.ts';
import { pointCaveat } from '../transforms/value-format.ts';
import { shortCitation } from './point-tip.tsx';
import type { MapGeometry, MapShape } from './map-geometry.ts';
import {
  BOUNDARY_ATTRIBUTION_URL,
  missingReasonText,
  NO_DATA_PATTERN,
  type MapDatum,
  type MapModel,
} from '../transforms/map-model.ts';
import './choropleth-map.css';
import { mapMessages } from './map-messages.ts';
import { textWidth } from './text-layout.ts';

/** Props of `ChoroplethMap`. */
export interface ChoroplethMapProps {
  geometry: MapGeometry;
  model: MapModel;
  /** Codes of the selected territories (outlined). */
  selected: ReadonlySet<string>;
  /** Add or remove a territory from the selection. */
  onToggle: (code: string) => void;
  /** Open a region to show its provinces (`null` closes it). Without it, regions cannot be opened. */
  onOpenRegion?: ((code: string | null) => void) | undefined;
  /** The region opened, if any: Escape closes it. */
  openRegion?: string | null | undefined;
  /** Short labels of the regions (code → "Casablanca"), drawn at their centre. */
  regionLabels?: ReadonlyMap<string, string> | undefined;
  lang: Lang;
}

/** One territory the keyboard can reach: where it is drawn (the inset copy for the small prefectures). */
interface NavItem {
  code: string;
  x: number;
  y: number;
}

const LABEL_SIZE = 12;

/** Nearest item from `from` in an arrow's direction (screen axes: y grows southwards). Pure. */
export function nearestInDirection(
  items: readonly NavItem[],
  from: NavItem,
  direction: 'left' | 'right' | 'up' | 'down',
): NavItem | null {
  let best: NavItem | null = null;
  let bestScore = Infinity;
  for (const item of items) {
    if (item.code === from.code) continue;
    const dx = item.x - from.x;
    const dy = item.y - from.y;
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const across = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
    // Only what lies in that direction, within 60° either side of it; off-axis distance costs double, so a
    // neighbour straight ahead wins over a nearer one far to the side.
    if (along <= 0 || across > along * 1.8) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}

interface LabelBox {
  code: string;
  text: string;
  x: number;
  y: number;
}

function overlaps(a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Region labels at each region's centre (area-weighted centroid of its shapes), nudged up or down when they
 * would cover another label or the inset, and left out when no place is free. Pure.
 */
export function placeRegionLabels(geometry: MapGeometry, labels: ReadonlyMap<string, string>): LabelBox[] {
  const centres = new Map<string, { x: number; y: number; area: number }>();
  for (const s of geometry.shapes) {
    const key = geometry.level === 'region' ? s.code : (s.region ?? s.code);
    const c = centres.get(key) ?? { x: 0, y: 0, area: 0 };
    c.x += s.centroid[0] * s.area;
    c.y += s.centroid[1] * s.area;
    c.area += s.area;
    centres.set(key, c);
  }
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const inset = geometry.inset;
  if (inset)
    taken.push({ x0: inset.x - 4, y0: inset.y - 4, x1: inset.x + inset.width + 4, y1: inset.y + inset.height + 4 });
  const placed: LabelBox[] = [];
  // Biggest regions first: they have the most room, and the small ones move around them.
  const order = [...centres.entries()].filter(([code]) => labels.has(code)).sort((a, b) => b[1].area - a[1].area);
  for (const [code, c] of order) {
    if (c.area <= 0) continue;
    const text = labels.get(code) as string;
    const w = textWidth(text, LABEL_SIZE, true) + 4;
    const h = LABEL_SIZE + 4;
    const cx = c.x / c.area;
    const cy = c.y / c.area;
    for (const dy of [0, h, -h, 2 * h, -2 * h]) {
      const box = { x0: cx - w / 2, y0: cy + dy - h / 2, x1: cx + w / 2, y1: cy + dy + h / 2 };
      const inside = box.x0 >= 0 && box.y0 >= 0 && box.x1 <= geometry.width && box.y1 <= geometry.height;
      if (inside && !taken.some((t) => overlaps(t, box))) {
        taken.push(box);
        placed.push({ code, text, x: cx, y: cy + dy });
        break;
      }
    }
  }
  return placed;
}

/** "12,3 %", "≈ 1 M" (with the point's qualifier), or "pas de données (non publié)". */
function valueText(d: MapDatum | undefined, lang: Lang): string {
  if (d && d.value !== null) return qualifiedValue(d.valueText, d.qualifier, lang);
  return d?.reason
    ? translate(mapMessages, lang, 'noDataReason', { reason: missingReasonText(d.reason, lang) })
    : translate(mapMessages, lang, 'noData');
}

/** The period a territory's value is of: the source's words for an undated point, else the map's period. */
function datumPeriod(d: MapDatum | undefined, lang: Lang, periodText: string): string {
  if (d?.periodLabel) return d.periodLabel;
  return d?.period ? formatPeriod(d.period, lang) : periodText;
}

/** Who published a territory's value: its own source (short citation) when it has one, else the indicator's publisher. */
function datumSource(d: MapDatum | undefined, model: MapModel, lang: Lang): string {
  if (d?.source && d.value !== null) return shortCitation(d.source, lang);
  // A French publisher in an Arabic line is isolated, so its parentheses keep their place.
  return lang === 'ar' ? `\u2068${model.source.publisher}\u2069` : model.source.publisher;
}

interface ShapeProps {
  shape: MapShape;
  fill: string;
  nodata: boolean;
  label: string;
  selected: boolean;
  focusable: boolean;
  tabStop: boolean;
}

/** The selected territories' outlines: a line on a halo of the surface colour, seen on any class colour. */
function SelectionOutline({ shapes, selected }: { shapes: readonly MapShape[]; selected: ReadonlySet<string> }) {
  const chosen = shapes.filter((s) => selected.has(s.code));
  return (
    <g className="choropleth__selection" aria-hidden="true">
      {chosen.map((s) => (
        <path key={`halo-${s.code}`} d={s.d} className="choropleth__selected-halo" />
      ))}
      {chosen.map((s) => (
        <path key={s.code} d={s.d} className="choropleth__selected" />
      ))}
    </g>
  );
}

/**
 * A selected region seen at province level: its provinces stroked with the selection's line and halo, then
 * filled again over it, so only the outer half of the stroke stays — the region's outline, without its inner
 * borders (the geometry has no region shapes at that level, only their borders).
 */
function SelectedRegions({ shapes, selected }: { shapes: readonly ShapeProps[]; selected: ReadonlySet<string> }) {
  const inside = shapes.filter((s) => s.shape.region !== null && selected.has(s.shape.region));
  if (inside.length === 0) return null;
  return (
    <g className="choropleth__selected-regions" aria-hidden="true" data-selected-regions="true">
      {inside.map((s) => (
        <path key={`halo-${s.shape.code}`} d={s.shape.d} className="choropleth__selected-halo choropleth__wide" />
      ))}
      {inside.map((s) => (
        <path key={`line-${s.shape.code}`} d={s.shape.d} className="choropleth__selected choropleth__wide" />
      ))}
      {inside.map((s) => (
        <path
          key={s.shape.code}
          d={s.shape.d}
          className="choropleth__shape choropleth__refill"
          style={{ fill: s.fill }}
        />
      ))}
    </g>
  );
}

/** The territories' fills: memoised, so a hover or a focus move does not redraw 75 paths. */
const Shapes = memo(function Shapes({ items, interactive }: { items: readonly ShapeProps[]; interactive: boolean }) {
  return (
    <>
      {items.map(({ shape, fill, nodata, label, selected, focusable, tabStop }) =>
        interactive && focusable ? (
          <path
            key={shape.code}
            d={shape.d}
            className={`choropleth__shape${nodata ? ' choropleth__shape--nodata' : ''}`}
            style={{ fill }}
            data-code={shape.code}
            role="button"
            tabIndex={tabStop ? 0 : -1}
            aria-pressed={selected}
            aria-label={label}
          />
        ) : (
          // The main map's copy of an inset prefecture: clickable, but the keyboard and screen readers use
          // the inset's, so each territory is met once.
          <path
            key={shape.code}
            d={shape.d}
            className={`choropleth__shape${nodata ? ' choropleth__shape--nodata' : ''}`}
            style={{ fill }}
            data-code={shape.code}
            aria-hidden="true"
          />
        ),
      )}
    </>
  );
});

/**
 * Where the tooltip goes (map coordinates) and on which side of that point: beside the inset for its prefectures
 * (over them it would hide the very shapes it names), below a territory in the top third (above, it would cover
 * the controls over the map), else above it; kept off the map's edges. Pure.
 */
export function tooltipPlace(
  geometry: MapGeometry,
  at: { x: number; y: number } | undefined,
  inInset: boolean,
): { x: number; y: number; side: 'above' | 'below' | 'beside' } {
  if (!at) return { x: 0, y: 0, side: 'above' };
  const inset = geometry.inset;
  if (inInset && inset) return { x: inset.x + inset.width, y: at.y, side: 'beside' };
  const x = Math.min(Math.max(at.x, geometry.width * 0.2), geometry.width * 0.8);
  return { x, y: at.y, side: at.y < geometry.height / 3 ? 'below' : 'above' };
}

/**
 * Both themes' colours of the classes and of the hatching as custom properties (`--map-cN-light/-dark`): the
 * stylesheet picks one set per theme, so the chart never needs to know the theme.
 */
function paletteStyle(model: MapModel): CSSProperties {
  const style: Record<string, string> = {
    '--map-nodata-bg-light': NO_DATA_PATTERN.light.background,
    '--map-nodata-line-light': NO_DATA_PATTERN.light.line,
    '--map-nodata-bg-dark': NO_DATA_PATTERN.dark.background,
    '--map-nodata-line-dark': NO_DATA_PATTERN.dark.line,
  };
  for (const c of model.classes) {
    style[`--map-c${c.index}-light`] = c.color;
    style[`--map-c${c.index}-dark`] = c.colorDark;
  }
  return style as CSSProperties;
}

/** The map with its legend and attribution. */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const { geometry, model, selected, lang, onToggle, onOpenRegion } = props;
  const uid = useId().replace(/:/g, '');
  const hatchId = `${uid}-hatch`;
  const [hover, setHover] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const periodText = model.period ? formatPeriod(model.period, lang) : '';

  const insetCodes = useMemo(() => new Set(geometry.inset?.shapes.map((s) => s.code) ?? []), [geometry]);
  const nav = useMemo<NavItem[]>(() => {
    const items = new Map<string, NavItem>();
    for (const s of geometry.shapes) items.set(s.code, { code: s.code, x: s.centroid[0], y: s.centroid[1] });
    for (const s of geometry.inset?.shapes ?? [])
      items.set(s.code, { code: s.code, x: s.centroid[0], y: s.centroid[1] });
    // Home/End and the first tab stop follow reading order: north to south, then west to east.
    return [...items.values()].sort((a, b) => a.y - b.y || a.x - b.x);
  }, [geometry]);
  const current = nav.find((n) => n.code === active) ?? nav.find((n) => selected.has(n.code)) ?? nav[0] ?? null;

  const nameOf = useCallback((code: string) => model.data.get(code)?.name ?? code, [model]);
  const labelOf = useCallback(
    (code: string) => {
      const d = model.data.get(code);
      const text = translate(mapMessages, lang, 'shapeName', {
        name: nameOf(code),
        value: valueText(d, lang),
        period: datumPeriod(d, lang, periodText),
      });
      return selected.has(code) ? `${text}, ${translate(mapMessages, lang, 'selected')}` : text;
    },
    [model, lang, nameOf, periodText, selected],
  );
  const announce = useCallback(
    (code: string) => {
      const d = model.data.get(code);
      const caveat = d && d.value !== null ? pointCaveat(d, lang) : null;
      const said = translate(mapMessages, lang, 'announce', {
        name: nameOf(code),
        value: valueText(d, lang),
        period: datumPeriod(d, lang, periodText),
        status: statusText(d?.status ?? model.status, lang),
        source: datumSource(d, model, lang),
      });
      setAnnouncement(caveat ? `${said}. ${caveat}` : said);
    },
    [model, lang, nameOf, periodText],
  );

  const shapeProps = useCallback(
    (shapes: readonly MapShape[], inInset: boolean): ShapeProps[] =>
      shapes.map((shape) => {
        const d = model.data.get(shape.code);
        const cls = d && d.classIndex !== null ? model.classes[d.classIndex] : undefined;
        return {
          shape,
          // The class's colour through a custom property the theme picks (light or dark ramp, see the css).
          fill: cls ? `var(--map-c${cls.index}, ${cls.color})` : `url(#${hatchId})`,
          nodata: !cls,
          label: labelOf(shape.code),
          selected: selected.has(shape.code),
          focusable: inInset || !insetCodes.has(shape.code),
          tabStop: current?.code === shape.code,
        };
      }),
    [model, hatchId, labelOf, selected, insetCodes, current],
  );
  const mainShapes = useMemo(() => shapeProps(geometry.shapes, false), [shapeProps, geometry]);
  const insetShapes = useMemo(
    () => (geometry.inset ? shapeProps(geometry.inset.shapes, true) : []),
    [shapeProps, geometry],
  );
  const labels = useMemo(
    () => (props.regionLabels ? placeRegionLabels(geometry, props.regionLabels) : []),
    [geometry, props.regionLabels],
  );

  const focusCode = (code: string) => {
    setActive(code);
    // The element is in the DOM already (every territory is drawn): move the focus to it.
    const el = document.querySelector<SVGPathElement>(`#${uid}-map path[role="button"][data-code="${code}"]`);
    el?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const code = (e.target as Element).getAttribute('data-code');
    if (!code || !current) return;
    const from = nav.find((n) => n.code === code) ?? current;
    const dir = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;
    if (e.key in dir) {
      e.preventDefault();
      const next = nearestInDirection(nav, from, dir[e.key as keyof typeof dir]);
      if (next) focusCode(next.code);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = e.key === 'Home' ? nav[0] : nav.at(-1);
      if (next) focusCode(next.code);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onToggle(code);
    } else if (e.key === 'Escape' && props.openRegion && onOpenRegion) {
      e.preventDefault();
      onOpenRegion(null);
    }
  };

  const codeOf = (target: EventTarget) => (target as Element).getAttribute?.('data-code') ?? null;
  const inset = geometry.inset;
  const shown = hover ?? (focusWithin ? (current?.code ?? null) : null);
  const shownNav = shown ? nav.find((n) => n.code === shown) : undefined;
  const shownDatum = shown ? model.data.get(shown) : undefined;
  // The focused territory's ring, drawn over its neighbours (a stroke on the path itself would be half
  // hidden under the shapes drawn after it).
  const focusRing = focusWithin
    ? (
        (inset?.shapes ?? []).find((s) => s.code === current?.code) ??
        geometry.shapes.find((s) => s.code === current?.code)
      )?.d
    : undefined;
  const tip = tooltipPlace(geometry, shownNav, shown !== null && insetCodes.has(shown));
  const canOpen = geometry.level === 'region' && onOpenRegion !== undefined;

  return (
    <div className="choropleth" style={paletteStyle(model)}>
      <p id={`${uid}-help`} className="choropleth__help muted">
        {translate(mapMessages, lang, 'help')}
      </p>
      <div
        className="choropleth__stage"
        onMouseLeave={() => setHover(null)}
        onFocus={() => setFocusWithin(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusWithin(false);
        }}
      >
        {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- delegated from the role="button" territories inside */}
        <svg
          id={`${uid}-map`}
          // Geography is never mirrored (React's SVG types lack `dir`, which the DOM accepts on any element).
          {...{ dir: 'ltr' }}
          className="choropleth__svg"
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          width={geometry.width}
          height={geometry.height}
          role="group"
          aria-label={translate(mapMessages, lang, 'mapLabel', { title: model.title })}
          aria-describedby={`${uid}-help`}
          onKeyDown={onKeyDown}
          onClick={(e) => {
            const code = codeOf(e.target);
            if (code) {
              setActive(code);
              onToggle(code);
            }
          }}
          onDoubleClick={(e) => {
            const code = codeOf(e.target);
            if (code && canOpen) onOpenRegion(code);
          }}
          onMouseOver={(e) => setHover(codeOf(e.target))}
          onFocus={(e) => {
            const code = codeOf(e.target);
            if (code) {
              setActive(code);
              announce(code);
            }
          }}
        >
          <defs>
            <pattern
              id={hatchId}
              patternUnits="userSpaceOnUse"
              width={NO_DATA_PATTERN.spacing}
              height={NO_DATA_PATTERN.spacing}
              patternTransform="rotate(45)"
            >
              <rect width={NO_DATA_PATTERN.spacing} height={NO_DATA_PATTERN.spacing} className="choropleth__hatch-bg" />
              <line
                x1="0"
                y1="0"
                x2="0"
                y2={NO_DATA_PATTERN.spacing}
                className="choropleth__hatch-line"
                strokeWidth={NO_DATA_PATTERN.lineWidth * 2}
              />
            </pattern>
          </defs>
          <g className="choropleth__shapes">
            <Shapes items={mainShapes} interactive />
          </g>
          <SelectedRegions shapes={mainShapes} selected={selected} />
          {geometry.level === 'province' ? (
            <path className="choropleth__region-borders" d={geometry.regionBorders} />
          ) : null}
          <path className="choropleth__outline" d={geometry.outline} />
          <SelectionOutline shapes={geometry.shapes} selected={selected} />
          <g className="choropleth__labels" aria-hidden="true">
            {labels.map((l) => (
              <text key={l.code} x={l.x} y={l.y} className="choropleth__label" dominantBaseline="middle">
                {l.text}
              </text>
            ))}
          </g>
          {inset ? (
            <g className="choropleth__inset" data-inset="true">
              <rect
                x={inset.x}
                y={inset.y}
                width={inset.width}
                height={inset.height}
                className="choropleth__inset-frame"
              />
              <text x={inset.x + 4} y={inset.y + 13} className="choropleth__inset-title" aria-hidden="true">
                {translate(mapMessages, lang, 'inset')}
              </text>
              <Shapes items={insetShapes} interactive />
              <SelectionOutline shapes={inset.shapes} selected={selected} />
            </g>
          ) : null}
          {focusRing ? <path d={focusRing} className="choropleth__focus-ring" aria-hidden="true" /> : null}
        </svg>
        {shown && shownNav ? (
          <div
            className={`choropleth__tooltip choropleth__tooltip--${tip.side}`}
            style={{ left: `${(tip.x / geometry.width) * 100}%`, top: `${(tip.y / geometry.height) * 100}%` }}
            aria-hidden="true"
          >
            <strong>{nameOf(shown)}</strong>
            <span className="choropleth__tooltip-value">{valueText(shownDatum, lang)}</span>
            <span>
              {datumPeriod(shownDatum, lang, periodText)} · {statusText(shownDatum?.status ?? model.status, lang)} ·{' '}
              {datumSource(shownDatum, model, lang)}
            </span>
            {shownDatum && shownDatum.value !== null && pointCaveat(shownDatum, lang) ? (
              <span className="muted">{pointCaveat(shownDatum, lang)}</span>
            ) : shownDatum?.note ? (
              <span className="muted">{shownDatum.note}</span>
            ) : null}
            {canOpen ? <span className="muted">{translate(mapMessages, lang, 'openHint')}</span> : null}
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite" data-map-announcer="true">
        {announcement}
      </p>
      <MapLegend model={model} hatchClass="choropleth__swatch--nodata" lang={lang} />
      <MapAttribution model={model} lang={lang} />
    </div>
  );
}

/** The legend: each class's range in the unit, then the hatched "no data" class with its count and reason. */
export function MapLegend({ model, lang, hatchClass }: { model: MapModel; lang: Lang; hatchClass: string }) {
  return (
    <div className="map-legend" data-map-legend="true">
      <p className="map-legend__title">{translate(mapMessages, lang, 'legendTitle', { unit: model.unitLabel })}</p>
      <ul className="map-legend__list">
        {model.classes.map((c) => (
          <li key={c.index}>
            <span
              className="map-legend__swatch"
              style={{ background: `var(--map-c${c.index}, ${c.color})` }}
              aria-hidden="true"
            />
            <span dir="auto">{c.label}</span>
          </li>
        ))}
        {model.noData.count > 0 ? (
          <li>
            <span className={`map-legend__swatch ${hatchClass}`} aria-hidden="true" />
            <span dir="auto">{model.noData.label}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** The boundaries' attribution (ODbL 4.3): shown wherever the map is, with the OpenStreetMap copyright link. */
export function MapAttribution({ model, lang }: { model: MapModel; lang: Lang }) {
  return (
    <p className="choropleth__attribution">
      {model.attribution}{' '}
      <a href={BOUNDARY_ATTRIBUTION_URL} rel="noreferrer" target="_blank">
        {translate(mapMessages, lang, 'attributionLink')}
      </a>
    </p>
  );
}
