/**
 * Export actions: compose (pure serialisers), then one side effect (download or clipboard).
 * Shared by the export menu and by any view that wants an export button (e.g. the overview's
 * "whole overview" deck via `downloadDeck(models)`).
 */
import type { ChartModel } from '../transforms/chart-types.ts';
import type { LongRow } from '../transforms/table.ts';
import { todayIso } from './caption.ts';
import { composeSvg, EXPORT_SIZES, type ExportSizeName } from './compose-svg.ts';
import { buildCsv } from './csv.ts';
import { copyPngToClipboard, downloadBlob, type CopyResult } from './download.ts';
import { exportFileName } from './file-name.ts';
import { hasArabic, loadExportFonts } from './fonts.ts';
import { lastTimings, svgToPng, type ExportScale } from './png.ts';
import { exportDeck } from './pptx.ts';

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

function nameFor(model: ChartModel, ext: 'png' | 'svg' | 'csv' | 'pptx', suffix?: string): string {
  const input = { indicatorId: model.indicatorId, territories: model.series.map((s) => s.key), date: todayIso(), ext };
  return exportFileName(suffix ? { ...input, suffix } : input);
}

/** Name of the performance measure of each PNG render (read by the bench and e2e tests). */
export const PNG_MEASURE = 'mouchir:export-png';

function roundAll(t: Record<string, number> | null): Record<string, number> {
  return Object.fromEntries(Object.entries(t ?? {}).map(([k, v]) => [k, Math.round(v)]));
}

/** Render the PNG blob of a model (no download). Timed as a `performance.measure` named PNG_MEASURE. */
export async function renderPng(model: ChartModel, choice: ImageChoice): Promise<Blob> {
  const start = performance.now();
  const size = imageSize(choice);
  const svg = await composeWithFonts(model, size, choice.background, 1, true);
  const composed = performance.now();
  const png = await svgToPng(svg, size.width, size.height, choice.scale);
  performance.measure(PNG_MEASURE, {
    start,
    end: performance.now(),
    detail: {
      width: size.width * choice.scale,
      height: size.height * choice.scale,
      series: model.series.length,
      phases: { compose: Math.round(composed - start), ...roundAll(lastTimings) },
    },
  });
  return png;
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

/** Download the CSV of the displayed rows or of the full series; returns the file name. */
export function downloadCsv(model: ChartModel, variant: 'displayed' | 'full', rows?: readonly LongRow[]): string {
  const csv = buildCsv(
    rows ? { model, rows, variant, exportDate: todayIso() } : { model, variant, exportDate: todayIso() },
  );
  const name = nameFor(model, 'csv', variant === 'full' ? 'serie-complete' : undefined);
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
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
