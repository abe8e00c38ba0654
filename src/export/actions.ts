/**
 * Export actions: compose (pure serialisers), then one side effect (download or clipboard).
 * Shared by the export menu and by any view that wants an export button (e.g. the overview's
 * "whole overview" deck via `downloadDeck(models)`).
 */
import type { MoroccoTopology } from '../contract/geo.ts';
import type { ChartModel } from '../transforms/chart-types.ts';
import type { MapModel } from '../transforms/map-model.ts';
import type { LongRow } from '../transforms/table.ts';
import { projectMap } from '../charts/map-geometry.ts';
import { todayIso } from './caption.ts';
import { composeMapSvg, mapProjectionSize, type MapComposeOptions } from './compose-map-svg.ts';
import { composeSvg, EXPORT_SIZES, type ExportSizeName } from './compose-svg.ts';
import { buildCsv, buildMapCsv, chartExportTable, mapExportTable, type CsvFlavour, type ExportTable } from './csv.ts';
import { copyPngToClipboard, downloadBlob, type CopyResult } from './download.ts';
import { exportFileName, type ExportExtension } from './file-name.ts';
import { hasArabic, loadExportFonts } from './fonts.ts';
import { lastTimings, svgToPng, type ExportScale } from './png.ts';
import { blobToDataUrl, buildMapSlideSpec, exportDeck, MAP_SLIDE_IMAGE, writeMapDeck } from './pptx.ts';

/** Image options chosen in the menu. */
export interface ImageChoice {
  size: ExportSizeName;
  scale: ExportScale;
  background: 'white' | 'transparent';
  /** On-screen chart size, used when `size` is `chart`. */
  chartSize?: { width: number; height: number };
}

/** Fallback when the on-screen chart size is unknown. */
export const DEFAULT_CHART_SIZE = { width: 1200, height: 675 };

/** Pixel size (1×) of an image choice. */
export function imageSize(choice: ImageChoice): { width: number; height: number } {
  if (choice.size === 'chart') {
    const s = choice.chartSize ?? DEFAULT_CHART_SIZE;
    return { width: Math.max(320, Math.round(s.width)), height: Math.max(240, Math.round(s.height)) };
  }
  return EXPORT_SIZES[choice.size];
}

function needsArabic(model: ChartModel): boolean {
  return model.lang === 'ar' || hasArabic(model.title + model.subtitle + model.series.map((s) => s.label).join(''));
}

/** Compose the export SVG of a model with embedded fonts. */
export async function composeWithFonts(
  model: ChartModel,
  size: { width: number; height: number },
  background: 'white' | 'transparent',
  typeScale = 1,
  fontProbes = false,
): Promise<string> {
  const fonts = await loadExportFonts(needsArabic(model));
  return composeSvg(model, { ...size, background, exportDate: todayIso(), fonts, typeScale, fontProbes });
}

function nameFor(model: ChartModel, ext: ExportExtension, suffix?: string): string {
  const input = { indicatorId: model.indicatorId, territories: model.series.map((s) => s.key), date: todayIso(), ext };
  return exportFileName(suffix ? { ...input, suffix } : input);
}

/** Name of the performance measure of each PNG render (read by the bench and e2e tests). */
export const PNG_MEASURE = 'mouchir:export-png';

function roundAll(t: Record<string, number> | null): Record<string, number> {
  return Object.fromEntries(Object.entries(t ?? {}).map(([k, v]) => [k, Math.round(v)]));
}

/**
 * Rasterise a composed image (`compose` gets whether to add the font probes) at the choice's size, timed as a
 * `performance.measure` named PNG_MEASURE with the phases and `detail`.
 */
async function renderTimed(
  compose: (size: { width: number; height: number }) => Promise<string>,
  choice: ImageChoice,
  detail: Record<string, unknown>,
): Promise<Blob> {
  const start = performance.now();
  const size = imageSize(choice);
  const svg = await compose(size);
  const composed = performance.now();
  const png = await svgToPng(svg, size.width, size.height, choice.scale);
  performance.measure(PNG_MEASURE, {
    start,
    end: performance.now(),
    detail: {
      width: size.width * choice.scale,
      height: size.height * choice.scale,
      ...detail,
      phases: { compose: Math.round(composed - start), ...roundAll(lastTimings) },
    },
  });
  return png;
}

/** Render the PNG blob of a model (no download). Timed as a `performance.measure` named PNG_MEASURE. */
export function renderPng(model: ChartModel, choice: ImageChoice): Promise<Blob> {
  return renderTimed((size) => composeWithFonts(model, size, choice.background, 1, true), choice, {
    series: model.series.length,
  });
}

/** Download the PNG; returns the file name. */
export async function downloadPng(model: ChartModel, choice: ImageChoice): Promise<string> {
  const blob = await renderPng(model, choice);
  const size = imageSize(choice);
  const name = nameFor(model, 'png', `${size.width * choice.scale}x${size.height * choice.scale}`);
  downloadBlob(blob, name);
  return name;
}

/** Download the composed SVG; returns the file name. */
export async function downloadSvg(model: ChartModel, choice: ImageChoice): Promise<string> {
  const size = imageSize(choice);
  const svg = await composeWithFonts(model, size, choice.background);
  const name = nameFor(model, 'svg');
  downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
  return name;
}

/** Copy the PNG to the clipboard (the render promise is passed through to keep the user gesture). */
export function copyPng(model: ChartModel, choice: ImageChoice): Promise<CopyResult> {
  return copyPngToClipboard(renderPng(model, choice));
}

/**
 * Download the CSV of the displayed rows or of the full series, in the standard flavour or for French Excel
 * (`excel-fr`: semicolons, decimal comma, months as text, header lines after the table); returns the file name.
 */
export function downloadCsv(
  model: ChartModel,
  variant: 'displayed' | 'full',
  rows?: readonly LongRow[],
  flavour: CsvFlavour = 'standard',
): string {
  const input = { model, variant, exportDate: todayIso(), flavour };
  const csv = buildCsv(rows ? { ...input, rows } : input);
  const suffix = [variant === 'full' ? 'serie-complete' : '', flavour === 'excel-fr' ? 'excel' : ''].filter(Boolean);
  const name = nameFor(model, 'csv', suffix.length > 0 ? suffix.join('-') : undefined);
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
  return name;
}

/** Name of the `performance.mark` set when the XLSX writer's chunk has loaded (e2e: not before the click). */
export const XLSX_LOADED_MARK = 'mouchir:xlsx-writer-loaded';

/** The workbook's bytes: the XLSX writer (its own chunk, with fflate's zip) is loaded on demand, here. */
async function xlsxBlob(table: ExportTable): Promise<Blob> {
  const { buildXlsx, XLSX_MIME } = await import('./xlsx-workbook.ts');
  performance.mark(XLSX_LOADED_MARK);
  const bytes = buildXlsx(table, { exportDate: todayIso() });
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}

/** Download the displayed rows (or `rows`) as an XLSX workbook (data sheet + Sources sheet); returns the file name. */
export async function downloadXlsx(model: ChartModel, rows?: readonly LongRow[]): Promise<string> {
  const input = { model, variant: 'displayed' as const, exportDate: todayIso() };
  const blob = await xlsxBlob(chartExportTable(rows ? { ...input, rows } : input));
  const name = nameFor(model, 'xlsx');
  downloadBlob(blob, name);
  return name;
}

/** Download a deck of one or several charts; returns the file name. */
export async function downloadDeck(models: readonly ChartModel[], withImages = false): Promise<string> {
  const first = models[0];
  if (!first) throw new Error('no chart to export');
  const blob = await exportDeck(models, { withImages });
  const name =
    models.length === 1
      ? nameFor(first, 'pptx')
      : exportFileName({ indicatorId: `${models.length}-graphiques`, territories: [], date: todayIso(), ext: 'pptx' });
  downloadBlob(blob, name);
  return name;
}

/** A map view to export: its model, the boundaries, the region opened (if any), the title as shown, labels, link. */
export interface MapView {
  model: MapModel;
  topo: MoroccoTopology;
  /** Regions opened (their provinces only), or `null` for the whole country. */
  regions: readonly string[] | null;
  /** The title as the map tab shows it (with the period). */
  title: string;
  /** Short region labels drawn on the map (code → "Casablanca"). */
  regionLabels?: ReadonlyMap<string, string> | undefined;
  /** Absolute link back to the view. */
  link: string;
  /** The figures are the synthetic stress catalogue's (the chart model's `synthetic`): every map export is stamped. */
  synthetic?: boolean | undefined;
}

/**
 * Compose the map's export SVG with embedded fonts: the boundaries projected for the export's map box (so
 * labels and borders read at slide size), then the composed image (compose-map-svg.ts).
 */
export async function composeMapWithFonts(
  view: MapView,
  size: { width: number; height: number },
  background: 'white' | 'transparent',
  typeScale = 1,
  fontProbes = false,
): Promise<string> {
  const { model } = view;
  const fonts = await loadExportFonts(model.lang === 'ar' || hasArabic(view.title + model.subtitle));
  const opts: MapComposeOptions = {
    ...size,
    background,
    exportDate: todayIso(),
    link: view.link,
    title: view.title,
    regionLabels: view.regions === null ? view.regionLabels : undefined,
    fonts,
    fontProbes,
    typeScale,
    synthetic: view.synthetic,
  };
  const geometry = projectMap(view.topo, {
    level: model.level,
    ...mapProjectionSize(model, opts),
    ...(view.regions !== null && view.regions.length > 0 ? { regions: view.regions } : {}),
  });
  return composeMapSvg(model, geometry, opts);
}

function mapFileName(view: MapView, ext: ExportExtension, suffix?: string): string {
  // "mouchir_unemployment-rate-carte-provinces_tous-territoires_2026-12-05_3840x2160.png": the map and its level
  // name the file with the indicator (the suffix part is kept short, for the size).
  const level = view.model.level === 'province' ? 'carte-provinces' : 'carte-regions';
  const input = {
    indicatorId: `${view.model.indicatorId}-${level}`,
    territories: view.regions ?? [],
    date: todayIso(),
    ext,
  };
  return exportFileName(suffix ? { ...input, suffix } : input);
}

/** Render the map's PNG blob (no download), timed as the chart's under PNG_MEASURE (detail `map: true`). */
export function renderMapPng(view: MapView, choice: ImageChoice): Promise<Blob> {
  return renderTimed((size) => composeMapWithFonts(view, size, choice.background, 1, true), choice, {
    map: true,
    territories: view.model.data.size,
  });
}

/** Download the map's PNG; returns the file name. */
export async function downloadMapPng(view: MapView, choice: ImageChoice): Promise<string> {
  const blob = await renderMapPng(view, choice);
  const size = imageSize(choice);
  const name = mapFileName(view, 'png', `${size.width * choice.scale}x${size.height * choice.scale}`);
  downloadBlob(blob, name);
  return name;
}

/** Download the map's composed SVG; returns the file name. */
export async function downloadMapSvg(view: MapView, choice: ImageChoice): Promise<string> {
  const svg = await composeMapWithFonts(view, imageSize(choice), choice.background);
  const name = mapFileName(view, 'svg');
  downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
  return name;
}

/** Copy the map's PNG to the clipboard. */
export function copyMapPng(view: MapView, choice: ImageChoice): Promise<CopyResult> {
  return copyPngToClipboard(renderMapPng(view, choice));
}

function mapCsvInput(view: MapView) {
  return { model: view.model, exportDate: todayIso(), link: view.link, title: view.title, synthetic: view.synthetic };
}

/** Download the map's table as CSV (standard, or for French Excel); returns the file name. */
export function downloadMapCsv(view: MapView, flavour: CsvFlavour = 'standard'): string {
  const csv = buildMapCsv({ ...mapCsvInput(view), flavour });
  const name = mapFileName(view, 'csv', flavour === 'excel-fr' ? 'excel' : undefined);
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
  return name;
}

/** Download the map's table as an XLSX workbook; returns the file name. */
export async function downloadMapXlsx(view: MapView): Promise<string> {
  const blob = await xlsxBlob(mapExportTable(mapCsvInput(view)));
  const name = mapFileName(view, 'xlsx');
  downloadBlob(blob, name);
  return name;
}

/** The map's one-slide deck: the composed map picture beside the data table, sources in the notes. */
export async function renderMapDeck(view: MapView): Promise<Blob> {
  const svg = await composeMapWithFonts(view, MAP_SLIDE_IMAGE, 'white', 1, true);
  const png = await svgToPng(svg, MAP_SLIDE_IMAGE.width, MAP_SLIDE_IMAGE.height, 2);
  const spec = buildMapSlideSpec(view.model, {
    exportDate: todayIso(),
    link: view.link,
    title: view.title,
    synthetic: view.synthetic,
  });
  return writeMapDeck(spec, await blobToDataUrl(png));
}

/** Download the map's deck; returns the file name. */
export async function downloadMapDeck(view: MapView): Promise<string> {
  const blob = await renderMapDeck(view);
  const name = mapFileName(view, 'pptx');
  downloadBlob(blob, name);
  return name;
}
