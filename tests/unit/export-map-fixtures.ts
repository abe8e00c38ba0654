/**
 * A real map to export in the unit tests: the boundary file of the app (public/geo), the catalogue of
 * territories and indicators (data/), and synthetic unemployment rates for the 75 provinces with a few
 * missing values (so the hatched "no data" class and its reasons show), built through `buildMapModel`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Indicator, Lang, Observation, Territory } from '../../src/contract/contract.ts';
import { MoroccoTopology } from '../../src/contract/geo.ts';
import { projectMap, type MapGeometry } from '../../src/charts/map-geometry.ts';
import { composeMapSvg, mapProjectionSize, type MapComposeOptions } from '../../src/export/compose-map-svg.ts';
import { buildMapModel, type MapLevel, type MapModel } from '../../src/transforms/map-model.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = <T>(file: string): T => (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { data: T }).data;

export const topo = MoroccoTopology.parse(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'public/geo/morocco-provinces.topo.json'), 'utf8')),
);
export const territories = read<Territory[]>('data/territories.json');
const indicators = read<Indicator[]>('data/indicators.json');
export const territoryIndex = new Map(territories.map((t) => [t.code, t]));
export const regionCodes = territories.filter((t) => t.level === 'region').map((t) => t.code);
export const provinceCodes = territories.filter((t) => t.level === 'province').map((t) => t.code);
export const unemployment = indicators.find((i) => i.id === 'unemployment-rate') as Indicator;

export const MAP_LINK = 'https://mouchir.example/?view=explorer&indicator=unemployment-rate&tab=map&level=province';

/** Every 13th territory has no published value; the others a rate from 3.0 to 29.0. */
export function observations(codes: readonly string[]): Observation[] {
  return codes.map((territory, i) => ({
    indicator: unemployment.id,
    territory,
    period: '2024',
    value: i % 13 === 5 ? null : 3 + ((i * 7) % 27),
    status: 'official',
  }));
}

/** The map model of a level in a language (all regions, or all provinces). */
export function mapModel(lang: Lang, level: MapLevel = 'province'): MapModel {
  const codes = level === 'province' ? provinceCodes : regionCodes;
  const shapes = projectMap(topo, { level, width: 400, height: 400 }).shapes;
  return buildMapModel({
    indicator: unemployment,
    observations: observations(codes),
    territoryIndex,
    territories: codes,
    boundaryCodes: new Set(shapes.map((s) => s.code)),
    level,
    measure: 'absolute',
    period: null,
    lang,
  });
}

/** Short region labels as the map tab makes them ("Casablanca" for "Casablanca-Settat"). */
export function regionLabels(lang: Lang): Map<string, string> {
  return new Map(
    territories
      .filter((t) => t.level === 'region')
      .map((t) => [t.code, t.name[lang].split('-')[0]?.trim() ?? t.name[lang]] as const),
  );
}

/** Options of a 1920×1080 export with a fixed date and no font data. */
export function mapOptions(lang: Lang, overrides: Partial<MapComposeOptions> = {}): MapComposeOptions {
  return {
    width: 1920,
    height: 1080,
    background: 'white',
    exportDate: '2026-12-04',
    link: MAP_LINK,
    regionLabels: regionLabels(lang),
    ...overrides,
  };
}

/** Compose the map export as the app does: geometry projected for the export's map box. */
export function composeMap(model: MapModel, opts: MapComposeOptions): { svg: string; geometry: MapGeometry } {
  const geometry = projectMap(topo, { level: model.level, ...mapProjectionSize(model, opts) });
  return { svg: composeMapSvg(model, geometry, opts), geometry };
}
