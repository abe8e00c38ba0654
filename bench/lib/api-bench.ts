/**
 * B6 of `npm run bench`: how long the mock API takes to answer observations queries over the stress
 * dataset, in Node, calling the very handlers the browser worker uses (MSW's `getResponse`) and the
 * db directly. Run by scripts/bench.mjs as `tsx bench/lib/api-bench.ts [reps] [--no-eager]`; prints one
 * JSON line.
 *
 * Cases cycle through the 40 indicators, so the first query of each indicator pays for generating it
 * (lazy) — as a user switching indicators would; the p95 therefore includes those cold queries.
 */
import { getResponse } from 'msw';
import { summarize } from './stats.mjs';
import { createDb, defaultDb, queryObservations } from '../../src/mocks/db.ts';
import { createHandlers } from '../../src/mocks/handlers.ts';
import {
  createStressDb,
  generateStressFiles,
  stressIndicatorId,
  STRESS_INDICATOR_COUNT,
} from '../../src/mocks/stress.ts';

interface Case {
  label: string;
  summary: ReturnType<typeof summarize>;
  rows: number;
  budget?: number;
  note?: string;
}

const reps = Number(process.argv[2] ?? 200) || 200;
const notes: string[] = [];
const territories = defaultDb().territories;
const provinces = territories
  .filter((t) => t.level === 'province' && t.kind !== 'prefecture-arrondissements')
  .map((t) => t.code);
const regions = territories.filter((t) => t.level === 'region').map((t) => t.code);
const twelve = provinces.length >= 12 ? provinces.slice(0, 12) : [...regions, ...provinces].slice(0, 12);
if (provinces.length < 75)
  notes.push(`data/territories.json has ${provinces.length} provinces, not 75: figures are for a smaller set`);

const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const timeAsync = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function main(): Promise<void> {
  const cases: Case[] = [];

  // Lazy db (what the browser worker serves): build cost, then queries.
  let lazyDb = createStressDb(territories);
  const lazyBuild = time(() => {
    lazyDb = createStressDb(territories);
  });
  const handlers = createHandlers({ db: () => lazyDb, faults: () => [] });

  const handlerCase = async (label: string, codes: readonly string[], budget?: number): Promise<void> => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < reps; i++) {
      const id = stressIndicatorId(i % STRESS_INDICATOR_COUNT);
      const url = `http://localhost/api/v1/observations?indicator=${id}&territory=${codes.join(',')}`;
      let text = '';
      times.push(
        await timeAsync(async () => {
          const res = await getResponse(handlers, new Request(url));
          if (!res || res.status !== 200) throw new Error(`${url} → ${res?.status ?? 'no handler'}`);
          // The handler's work ends with the body's bytes; parsing them is the client's (apiFetch), not timed here.
          text = await res.text();
        }),
      );
      if (i === reps - 1) rows = (JSON.parse(text) as { data: unknown[] }).data.length;
    }
    const cold = Math.min(reps, STRESS_INDICATOR_COUNT);
    cases.push({
      label,
      summary: summarize(times),
      rows,
      ...(budget !== undefined ? { budget } : {}),
      note: `MSW handler + body text (client parse not included), ${cold} of ${reps} queries first generate their indicator`,
    });
  };
  await handlerCase(`handler, ${codes(provinces.length)} × 132 months`, provinces, 50);
  // Fresh db so the 12-territory case also pays for first generation of each indicator.
  lazyDb = createStressDb(territories);
  await handlerCase(`handler, ${codes(twelve.length)} × 132 months`, twelve);

  // The db's answer alone (every indicator generated): the JSON text the handler sends, without MSW.
  // Cycling 40 indicators through a JSON cache of a few, so this is serialising, not a cache hit.
  const warm: number[] = [];
  let warmBytes = 0;
  for (let i = 0; i < reps; i++) {
    const indicator = stressIndicatorId(i % STRESS_INDICATOR_COUNT);
    warm.push(time(() => (warmBytes = lazyDb.observationsJson({ indicator, territories: provinces }).length)));
  }
  const warmRows = queryObservations(lazyDb, { indicator: stressIndicatorId(0), territories: provinces }).length;
  cases.push({
    label: `db JSON answer only (generated), ${codes(provinces.length)}`,
    summary: summarize(warm),
    rows: warmRows,
    note: `${(warmBytes / 1e6).toFixed(2)} MB of JSON per answer`,
  });

  // The eager alternative: every row up front through createDb (what `createDb(generateStressFiles())` costs).
  // Skipped by the quick smoke (`--no-eager`): it takes seconds and is the same every run.
  if (process.argv.includes('--no-eager')) {
    process.stdout.write(`${JSON.stringify({ reps, provinces: provinces.length, cases, notes })}\n`);
    return;
  }
  let eagerRows = 0;
  const eager = time(() => {
    const files = generateStressFiles(territories);
    eagerRows = files.observations.length;
    createDb(files);
  });
  cases.push({
    label: 'db build, eager createDb of every row (once)',
    summary: summarize([eager]),
    rows: eagerRows,
    note: `lazy createStressDb instead: ${lazyBuild.toFixed(1)} ms`,
  });

  process.stdout.write(`${JSON.stringify({ reps, provinces: provinces.length, cases, notes })}\n`);
}

function codes(n: number): string {
  return `${n} territories`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
