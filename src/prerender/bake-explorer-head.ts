/**
 * The default explorer chart's head in one language, computed at build time from the build's own data (issue 16;
 * see src/features/explorer/baked-head.ts for why). Runs only in Node, in the prerender step.
 *
 * It follows the browser's path from the data files to the frame, so it cannot say anything the app would not:
 * the mock API's contract logic answers (`answer`, the handlers' own), the client's response schemas parse, then the
 * explorer's own choices — `defaultIndicator`, `defaultTerritories` — and `buildExplorerModel` give the line chart's
 * title, subtitle, status and sources, written by `sourceLine` as the frame writes them. tests/e2e/baked-head.test.ts
 * checks the live chart's head against the shell's in a browser.
 */
import type { z } from 'zod/mini';
import { IndicatorsResponse, ObservationsResponse, TerritoriesResponse, type Lang } from '../contract/contract.ts';
import { defaultDb } from '../mocks/db.ts';
import { answer } from '../mocks/handlers.ts';
import type { MockEndpoint } from '../mocks/faults.ts';
import { buildExplorerModel } from '../transforms/explorer-model.ts';
import { defaultIndicator, defaultTerritories } from '../transforms/selection.ts';
import { sourceLine } from '../charts/chart-frame-head.tsx';
import type { BakedHead } from '../features/explorer/baked-head.ts';

function get<S extends z.ZodMiniType>(endpoint: MockEndpoint, params: Record<string, string>, schema: S): z.infer<S> {
  const reply = answer(defaultDb(), endpoint, new URLSearchParams(params));
  if (!('json' in reply)) throw new Error(`bake: GET /${endpoint} answered ${reply.status}`);
  const parsed = schema.safeParse(reply.json);
  if (!parsed.success) throw new Error(`bake: GET /${endpoint} does not match the contract`);
  return parsed.data;
}

/**
 * The head of the line chart the explorer draws for a bare `?view=explorer&lang=<lang>`, or `null` when that view
 * would not lead with a line (a single period: the ranking leads) or has no indicator.
 */
export function bakeExplorerHead(lang: Lang): BakedHead | null {
  const territories = get('territories', {}, TerritoriesResponse).data;
  const indicator = defaultIndicator(get('indicators', {}, IndicatorsResponse).data);
  if (!indicator) return null;
  const observations = get('observations', { indicator: indicator.id }, ObservationsResponse).data;
  const model = buildExplorerModel(
    { indicator, territories, territoryIndex: new Map(territories.map((t) => [t.code, t])), observations },
    {
      territories: defaultTerritories(indicator, territories, observations),
      measure: 'absolute',
      from: null,
      to: null,
      period: null,
      lang,
      mapLevel: 'region',
      mapRegion: null,
    },
  );
  if (model.lead.chart !== 'line' || !model.line.hasData) return null;
  const line = model.line.model;
  return {
    lang,
    title: line.title,
    subtitle: line.subtitle,
    status: line.status,
    source: sourceLine(
      model.line.sources.map((g) => g.source.publisher),
      line.source.publisher,
      lang,
    ),
    denominatorNote: line.denominatorNote ?? null,
    indicator: indicator.id,
  };
}
