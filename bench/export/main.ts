/**
 * B4 page of the bench: times the app's own export path — `composeSvg` (src/export/compose-svg.ts)
 * then `svgToPng` (src/export/png.ts) — for a 1920×1080 @2× PNG of a line chart with N lines of 132
 * monthly points (the stress view's shape), with the embedded Latin fonts loaded as the export menu
 * does. The app exposes no export hook, so this page imports the modules directly.
 * scripts/bench.mjs calls `window.__exportBench(lines, reps)`.
 */
import type { ChartModel, ChartSeries } from '../../src/transforms/chart-types.ts';
import { seriesColor } from '../../src/transforms/palette.ts';
import { composeSvg, EXPORT_SIZES } from '../../src/export/compose-svg.ts';
import { loadExportFonts } from '../../src/export/fonts.ts';
import { svgToPng } from '../../src/export/png.ts';
import { STRESS_PERIODS, mulberry32 } from '../../src/mocks/stress.ts';

/** A model like the explorer's on the stress dataset: `lines` series × 132 months, a few gaps. */
function model(lines: number): ChartModel {
  const rand = mulberry32(lines);
  const series: ChartSeries[] = Array.from({ length: lines }, (_, i) => {
    let v = 100 + 50 * rand();
    return {
      key: `MA-S${String(i).padStart(2, '0')}`,
      label: `Province synthétique ${i + 1}`,
      color: seriesColor(i),
      points: STRESS_PERIODS.map((period) => {
        v *= 1 + (rand() - 0.48) * 0.05;
        return rand() < 0.003
          ? { period, value: null, reason: 'not-published' as const, status: 'illustrative' as const }
          : { period, value: Math.round(v * 10) / 10, status: 'illustrative' as const };
      }),
    };
  });
  return {
    kind: 'line',
    lang: 'fr',
    dir: 'ltr',
    indicatorId: 'synthetic-01',
    title: 'Synthétique 01 — Indice d’activité',
    subtitle: `${lines} territoires, 2015-01 – 2025-12, valeurs absolues`,
    unitLabel: 'indice',
    measure: 'absolute',
    denominatorNote: null,
    periods: [...STRESS_PERIODS],
    series,
    source: {
      publisher: 'Mouchir — générateur de données synthétiques',
      title: 'Jeu de données de charge (synthétique, non officiel)',
      url: 'https://github.com/mouchir/mouchir#performance',
      published: null,
      retrieved: '2025-12-31',
    },
    status: 'illustrative',
    method: 'Valeurs inventées (bench).',
    link: 'https://example.org/mouchir/?view=explorer&indicator=synthetic-01',
  };
}

interface ExportBenchResult {
  times: number[];
  composeMs: number;
  fontMs: number;
  width: number;
  height: number;
  bytes: number;
  via: string;
}

let fonts: Awaited<ReturnType<typeof loadExportFonts>> | undefined;

async function exportBench(lines: number, reps: number): Promise<ExportBenchResult> {
  const { width, height } = EXPORT_SIZES['slide-16-9'];
  const t0 = performance.now();
  fonts ??= await loadExportFonts(false);
  const fontMs = performance.now() - t0;
  const m = model(lines);
  const times: number[] = [];
  let composeMs = 0;
  let bytes = 0;
  let px = { width: 0, height: 0 };
  // One untimed warm-up: the first rasterisation also decodes the fonts.
  for (let i = -1; i < reps; i++) {
    const start = performance.now();
    const svg = composeSvg(m, { width, height, background: 'white', exportDate: '2025-12-31', fonts });
    const composed = performance.now();
    const png = await svgToPng(svg, width, height, 2);
    const end = performance.now();
    if (i < 0) continue;
    times.push(end - start);
    composeMs = composed - start;
    bytes = png.size;
    const bmp = await createImageBitmap(png);
    px = { width: bmp.width, height: bmp.height };
    bmp.close();
  }
  return {
    times,
    composeMs,
    fontMs,
    width: px.width,
    height: px.height,
    bytes,
    via: 'composeSvg + svgToPng (app modules)',
  };
}

declare global {
  interface Window {
    __exportBench?: (lines: number, reps: number) => Promise<ExportBenchResult>;
  }
}
window.__exportBench = exportBench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
