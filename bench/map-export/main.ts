/**
 * B7 page of the bench (map PNG): times the app's own map export path for a 1920×1080 @2× PNG of the 75
 * provinces — `projectMap` at the export's projection size (src/charts/map-geometry.ts), `composeMapSvg`
 * (src/export/compose-map-svg.ts), then `svgToPng` (src/export/png.ts) — on the real boundaries and the real
 * 2024 unemployment rates, with the Latin fonts loaded as the export menu does. The app exposes no export hook,
 * so this page imports the modules directly. scripts/bench.mjs calls `window.__mapExportBench(reps)`.
 */
import type { Indicator, Observation, Territory } from '../../src/contract/contract.ts';
import type { MoroccoTopology } from '../../src/contract/geo.ts';
import { projectMap } from '../../src/charts/map-geometry.ts';
import { buildMapModel } from '../../src/transforms/map-model.ts';
import { composeMapSvg, mapProjectionSize, type MapComposeOptions } from '../../src/export/compose-map-svg.ts';
import { EXPORT_SIZES } from '../../src/export/compose-svg.ts';
import { loadExportFonts } from '../../src/export/fonts.ts';
import { svgToPng } from '../../src/export/png.ts';
import topology from '../../public/geo/morocco-provinces.topo.json';
import territoriesFile from '../../data/territories.json';
import indicatorsFile from '../../data/indicators.json';
import censusFile from '../../data/observations/census.json';

const INDICATOR = 'unemployment-rate';

/** The province map model of unemployment in 2024, as the explorer's map tab builds it. */
function model() {
  const territories = territoriesFile.data as unknown as Territory[];
  const indicator = (indicatorsFile.data as unknown as Indicator[]).find((i) => i.id === INDICATOR);
  if (!indicator) throw new Error(`no indicator ${INDICATOR}`);
  const provinces = territories.filter((t) => t.level === 'province').map((t) => t.code);
  return buildMapModel({
    indicator,
    observations: censusFile.data as unknown as Observation[],
    territoryIndex: new Map(territories.map((t) => [t.code, t])),
    territories: provinces,
    boundaryCodes: new Set(provinces),
    level: 'province',
    measure: 'absolute',
    period: '2024',
    lang: 'fr',
  });
}

interface MapExportBenchResult {
  times: number[];
  composeMs: number;
  projectMs: number;
  width: number;
  height: number;
  bytes: number;
  provinces: number;
  via: string;
}

async function mapExportBench(reps: number): Promise<MapExportBenchResult> {
  const { width, height } = EXPORT_SIZES['slide-16-9'];
  const fonts = await loadExportFonts(false);
  const m = model();
  const opts: MapComposeOptions = {
    width,
    height,
    background: 'white',
    exportDate: '2025-12-31',
    link: 'https://example.org/mouchir/?view=explorer&indicator=unemployment-rate&tab=map&level=province',
    fonts,
  };
  const times: number[] = [];
  let composeMs = 0;
  let projectMs = 0;
  let bytes = 0;
  let provinces = 0;
  let px = { width: 0, height: 0 };
  // One untimed warm-up: the first rasterisation also decodes the fonts.
  for (let i = -1; i < reps; i++) {
    const start = performance.now();
    const geometry = projectMap(topology as unknown as MoroccoTopology, {
      level: 'province',
      ...mapProjectionSize(m, opts),
    });
    const projected = performance.now();
    const svg = composeMapSvg(m, geometry, opts);
    const composed = performance.now();
    const png = await svgToPng(svg, width, height, 2);
    const end = performance.now();
    if (i < 0) continue;
    times.push(end - start);
    projectMs = projected - start;
    composeMs = composed - projected;
    bytes = png.size;
    provinces = geometry.shapes.length;
    const bmp = await createImageBitmap(png);
    px = { width: bmp.width, height: bmp.height };
    bmp.close();
  }
  return {
    times,
    composeMs,
    projectMs,
    width: px.width,
    height: px.height,
    bytes,
    provinces,
    via: 'projectMap + composeMapSvg + svgToPng (app modules)',
  };
}

declare global {
  interface Window {
    __mapExportBench?: (reps: number) => Promise<MapExportBenchResult>;
  }
}
window.__mapExportBench = mapExportBench;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
