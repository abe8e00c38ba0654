/**
 * The composed export image of a map (issue 13 item 5): a standalone SVG string with the title and period, the
 * selection (scope, period, measure), the status badge, the filled territories (hatched "no data" as an SVG
 * `<pattern>` defined in the file), the region borders, the Casablanca–Rabat inset, the region labels, the legend
 * (each class's range in the unit, then "no data" with its count), the source line, the boundaries' attribution
 * (ODbL) burned in, the export date, the link and its QR code, with the fonts embedded — the same frame as the
 * chart image (svg-frame.ts).
 *
 * The geometry is projected by the caller (src/charts/map-geometry.ts `projectMap`) at `mapProjectionSize`, so
 * region labels and borders come out at slide size; any other geometry is fitted into the map's box.
 * Arabic mirrors the layout (legend on the left, text right to left); geography is never mirrored. Pure.
 */
import type { MapClass, MapModel } from '../transforms/map-model.ts';
import { MAP_BORDER, NO_DATA_PATTERN } from '../transforms/map-model.ts';
import type { MapGeometry, MapShape } from '../charts/map-geometry.ts';
import { placeRegionLabels } from '../charts/choropleth-map.tsx';
import { mapMessages } from '../charts/map-messages.ts';
import { fitText, textWidth, wrapText } from '../charts/text-layout.ts';
import { DIRECTIONS, translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { statusLabel } from './caption.ts';
import { sourceLines, syntheticStamp, syntheticWatermark } from './provenance-text.ts';
import { qualifiedValue } from '../i18n/provenance.ts';
import { mapAsSeries } from '../transforms/provenance.ts';
import {
  composeFooter,
  composeHeader,
  INK,
  makeFrame,
  MUTED,
  svgDocument,
  syntheticWatermarkSvg,
  type EmbeddedFont,
  type Frame,
} from './svg-frame.ts';
import { escapeXml, num } from './xml.ts';

/** Options of `composeMapSvg` (those of the chart image, plus what a map model does not carry). */
export interface MapComposeOptions {
  width: number;
  height: number;
  background: 'white' | 'transparent';
  /** Export date `YYYY-MM-DD` (fixed in tests). */
  exportDate: string;
  /** Absolute link back to the view (shown and encoded in the QR code). */
  link: string;
  /** The title as the map tab shows it ("Taux de chômage par province, 2024"); by default the indicator and period. */
  title?: string | undefined;
  /** Short region labels (code → "Casablanca"), drawn at each region's centre; none without. */
  regionLabels?: ReadonlyMap<string, string> | undefined;
  fonts?: readonly EmbeddedFont[] | undefined;
  /** Add the font probes the PNG rasteriser waits on (see compose-svg.ts). */
  fontProbes?: boolean | undefined;
  /** Multiplies every font size (presentation mode). */
  typeScale?: number | undefined;
  /** The figures are the synthetic stress catalogue's: the picture is stamped (issue 14 item 4). */
  synthetic?: boolean | undefined;
}

/** Pattern id of the hatching inside the exported file (one map per file, so no clash). */
const HATCH_ID = NO_DATA_PATTERN.id;
/** Widest the map's box gets for its height. */
const MAP_BOX_ASPECT = 1.2;
/** Geometry units are drawn this many px per unit of `fs.tick / LABEL_PX`: labels of 12 units read like the ticks. */
const LABEL_PX = 12;

/** The title by default: "Taux de chômage — 2024". */
export function mapExportTitle(model: MapModel): string {
  return model.period === null ? model.title : `${model.title} — ${formatPeriod(model.period, model.lang)}`;
}

function legendTitle(model: MapModel): string {
  return translate(mapMessages, model.lang, 'legendTitle', { unit: model.unitLabel });
}

function noDataLabel(model: MapModel): string {
  return `${model.noData.label} (${model.noData.count})`;
}

/** "Source : HCP, « RGPH 2024 », 17 déc. 2024, via …" for a map: the main citation, publisher first. */
export function mapSourceLine(model: MapModel, isolate = false): string {
  return mapSourceLines(model, 1, isolate)[0] ?? '';
}

/**
 * The map's sources as lines: one citation each, with the territories it covers when there are several, the first
 * `max` then "+ n autres sources dans le CSV".
 */
export function mapSourceLines(model: MapModel, max: number, isolate = false): string[] {
  const src = sourceLines({ lang: model.lang, source: model.source, series: mapAsSeries(model) }, max, 'csv', {
    isolate,
    maxPoints: 4,
  });
  return src.moreText ? [...src.lines, src.moreText] : src.lines;
}

interface MapLayout {
  frame: Frame;
  header: ReturnType<typeof composeHeader>;
  footer: ReturnType<typeof composeFooter>;
  /** The map's box in the image (left edge already mirrored in Arabic). */
  map: { x: number; y: number; width: number; height: number };
  /** The legend column (layout x, mirrored when drawn). */
  legend: { x: number; y: number; width: number };
  /** Image px per geometry unit for geometry projected at `mapProjectionSize`. */
  unit: number;
}

function layout(model: MapModel, opts: MapComposeOptions): MapLayout {
  const f = makeFrame(opts.width, opts.height, model.lang, DIRECTIONS[model.lang] === 'rtl', opts.typeScale ?? 1);
  const { u, pad, fs, contentW } = f;
  const header = composeHeader(f, {
    title: opts.title ?? mapExportTitle(model),
    subtitle: model.subtitle,
    status: model.status,
    stamp: opts.synthetic ? syntheticStamp(model.lang) : undefined,
  });
  const footer = composeFooter(f, {
    lines: [
      ...mapSourceLines(model, 3, true).map((text) => ({
        text,
        cls: text.startsWith('+') ? 'source-more' : 'source',
        wrap: 2,
      })),
      { text: model.attribution, cls: 'attribution', wrap: 2 },
    ],
    exportDate: opts.exportDate,
    link: opts.link,
  });
  const labels = [legendTitle(model), ...model.classes.map((c) => c.label), noDataLabel(model)];
  const swatch = fs.legend * 1.6;
  const widest = Math.max(...labels.map((l) => textWidth(l, fs.legend))) + swatch + 16 * u;
  const legendW = Math.min(contentW * 0.36, Math.max(contentW * 0.2, widest));
  const gap = 32 * u;
  const top = header.bottom + 8 * u;
  const bottom = footer.top - 28 * u;
  const mapH = Math.max(40, bottom - top);
  // No wider than the map needs (Morocco with its inset is about as wide as tall): the legend sits beside the
  // map, and the pair is centred, instead of a legend stranded at the far edge of a wide slide.
  const mapW = Math.min(contentW - legendW - gap, mapH * MAP_BOX_ASPECT);
  const left = pad + (contentW - (mapW + gap + legendW)) / 2;
  return {
    frame: f,
    header,
    footer,
    map: { x: f.BX(left, mapW), y: top, width: mapW, height: mapH },
    legend: { x: left + mapW + gap, y: top, width: legendW },
    unit: fs.tick / LABEL_PX,
  };
}

/**
 * The box (width × height, in geometry units) to project the map for an export of this size, so its region
 * labels (12 units) and borders read at slide size: `projectMap(topo, { level, ...mapProjectionSize(model, opts) })`.
 */
export function mapProjectionSize(model: MapModel, opts: MapComposeOptions): { width: number; height: number } {
  const l = layout(model, opts);
  return { width: Math.round(l.map.width / l.unit), height: Math.round(l.map.height / l.unit) };
}

/** The fill of a territory: its class's colour (the light ramp: exports are on white), or the hatching. */
function fillOf(model: MapModel, code: string): string {
  const d = model.data.get(code);
  const cls: MapClass | undefined = d && d.classIndex !== null ? model.classes[d.classIndex] : undefined;
  return cls ? cls.color : `url(#${HATCH_ID})`;
}

function shapesSvg(model: MapModel, shapes: readonly MapShape[]): string {
  return shapes
    .map(
      (s) =>
        `<path class="territory" data-code="${escapeXml(s.code)}" d="${s.d}" fill="${fillOf(model, s.code)}"><title>${escapeXml(territoryTitle(model, s.code))}</title></path>`,
    )
    .join('');
}

/** "Benslimane : 12,3 %" (or the reason it has no value), the tooltip of a territory in the SVG. */
function territoryTitle(model: MapModel, code: string): string {
  const d = model.data.get(code);
  const value = d && d.value !== null ? qualifiedValue(d.valueText, d.qualifier, model.lang) : (d?.valueText ?? '');
  return `${d?.name ?? code} : ${value}${d?.note ? ` — ${d.note}` : ''}`;
}

function hatchPattern(): string {
  const { spacing, lineWidth, light } = NO_DATA_PATTERN;
  return (
    `<pattern id="${HATCH_ID}" patternUnits="userSpaceOnUse" width="${spacing}" height="${spacing}" patternTransform="rotate(45)">` +
    `<rect width="${spacing}" height="${spacing}" fill="${light.background}"/>` +
    `<line x1="0" y1="0" x2="0" y2="${spacing}" stroke="${light.line}" stroke-width="${lineWidth * 2}"/></pattern>`
  );
}

/** The geography: never mirrored, fitted into the map's box. */
function mapSvg(model: MapModel, geometry: MapGeometry, box: MapLayout['map'], opts: MapComposeOptions): string {
  const k = Math.min(box.width / (geometry.width || 1), box.height / (geometry.height || 1));
  const tx = box.x + (box.width - geometry.width * k) / 2;
  const ty = box.y + (box.height - geometry.height * k) / 2;
  const border = MAP_BORDER.light;
  const out: string[] = [
    `<g class="map" direction="ltr" transform="translate(${num(tx)} ${num(ty)}) scale(${Number(k.toFixed(4))})">`,
    `<g class="territories" stroke="${border}" stroke-width="0.6" stroke-linejoin="round">${shapesSvg(model, geometry.shapes)}</g>`,
  ];
  if (geometry.level === 'province' && geometry.regionBorders !== '')
    out.push(
      `<path class="region-borders" d="${geometry.regionBorders}" fill="none" stroke="${border}" stroke-width="2.2" stroke-linejoin="round"/>`,
    );
  if (geometry.outline !== '')
    out.push(`<path class="outline" d="${geometry.outline}" fill="none" stroke="${MUTED}" stroke-width="0.8"/>`);
  const labels = opts.regionLabels ? placeRegionLabels(geometry, opts.regionLabels) : [];
  if (labels.length > 0)
    out.push(
      `<g class="region-labels" font-size="${LABEL_PX}" font-weight="600" text-anchor="middle" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">` +
        labels
          .map(
            (l) =>
              `<text x="${num(l.x)}" y="${num(l.y)}" dominant-baseline="middle" data-code="${escapeXml(l.code)}">${escapeXml(l.text)}</text>`,
          )
          .join('') +
        `</g>`,
    );
  const inset = geometry.inset;
  if (inset)
    out.push(
      `<g class="inset">` +
        `<rect x="${num(inset.x)}" y="${num(inset.y)}" width="${num(inset.width)}" height="${num(inset.height)}" fill="#ffffff" stroke="${MUTED}" stroke-width="1"/>` +
        insetTitle(model, inset) +
        `<g stroke="${border}" stroke-width="0.6" stroke-linejoin="round">${shapesSvg(model, inset.shapes)}</g></g>`,
    );
  out.push(`</g>`);
  return out.join('');
}

/** The inset's title inside its frame, from its top corner on the reading side (right in Arabic). */
function insetTitle(model: MapModel, inset: NonNullable<MapGeometry['inset']>): string {
  const rtl = DIRECTIONS[model.lang] === 'rtl';
  const x = rtl ? inset.x + inset.width - 4 : inset.x + 4;
  return `<text class="inset-title" x="${num(x)}" y="${num(inset.y + 13)}" font-size="11" fill="${MUTED}" direction="${rtl ? 'rtl' : 'ltr'}">${escapeXml(fitText(translate(mapMessages, model.lang, 'inset'), inset.width - 8, 11))}</text>`;
}

/** The legend column: its title with the unit, one swatch and range per class, then the hatched "no data". */
function legendSvg(model: MapModel, l: MapLayout): string {
  const { frame: f } = l;
  const { u, fs, text, BX } = f;
  const sw = fs.legend * 1.6;
  const rowH = fs.legend * 2;
  const out: string[] = [`<g class="legend">`];
  let y = l.legend.y + fs.legend;
  for (const line of wrapText(legendTitle(model), l.legend.width, fs.legend, 2, true)) {
    out.push(text(l.legend.x, y, line, fs.legend, ` font-weight="600" fill="${INK}" class="legend-title"`));
    y += fs.legend * 1.35;
  }
  y += 6 * u;
  const item = (fill: string, label: string, cls: string) => {
    out.push(
      `<g class="${cls}"><rect x="${num(BX(l.legend.x, sw))}" y="${num(y)}" width="${num(sw)}" height="${num(fs.legend * 1.2)}" fill="${fill}" stroke="${MUTED}" stroke-width="${num(u)}"/>` +
        text(
          l.legend.x + sw + 12 * u,
          y + fs.legend * 0.95,
          fitText(label, l.legend.width - sw - 12 * u, fs.legend),
          fs.legend,
          ` fill="${INK}"`,
        ) +
        `</g>`,
    );
    y += rowH;
  };
  for (const c of model.classes) item(c.color, c.label, 'legend-class');
  if (model.noData.count > 0 || model.classes.length === 0)
    item(`url(#${HATCH_ID})`, noDataLabel(model), 'legend-no-data');
  out.push(`</g>`);
  return out.join('');
}

/** Compose the map's export SVG. Pure: same model, geometry and options, same string. */
export function composeMapSvg(model: MapModel, geometry: MapGeometry, opts: MapComposeOptions): string {
  const l = layout(model, opts);
  const f = l.frame;
  const title = opts.title ?? mapExportTitle(model);
  return svgDocument({
    width: f.W,
    height: f.H,
    lang: model.lang,
    rtl: f.rtl,
    title,
    desc: [
      ...(opts.synthetic ? [syntheticStamp(model.lang)] : []),
      model.subtitle,
      mapSourceLine(model),
      model.attribution,
      statusLabel(model.status, model.lang),
    ].join(' — '),
    background: opts.background,
    fonts: opts.fonts,
    fontProbes: opts.fontProbes,
    body:
      `<defs>${hatchPattern()}</defs>` +
      l.header.svg +
      mapSvg(model, geometry, l.map, opts) +
      legendSvg(model, l) +
      l.footer.svg +
      (opts.synthetic ? syntheticWatermarkSvg(f, syntheticWatermark(model.lang)) : ''),
  });
}
