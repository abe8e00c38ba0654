/**
 * `npm run data:check` — validates a data folder (default `data/`, or the folder given as first argument).
 * Prints each problem as `file:row field — message` and exits 1 if there is any; otherwise prints one
 * summary line with counts and exits 0. The rules live in src/data-check/check-data.ts (pure).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkData,
  DATA_FILES,
  formatProblem,
  type DataFiles,
  type DataProblem,
} from '../src/data-check/check-data.ts';
import { SOURCE_TABLES } from '../src/data-check/source-tables.ts';

/** Observation files live in this sub-folder; every `*.json` there is checked. */
export const OBSERVATIONS_DIR = 'observations';

async function readJson(dir: string, file: string, problems: DataProblem[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    problems.push({ file, row: null, field: '', message: 'file not found' });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    problems.push({
      file,
      row: null,
      field: '',
      message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
    });
    return undefined;
  }
}

/**
 * Reads and parses every data file of `dir`. Missing files and invalid JSON are returned as problems
 * rather than thrown, so one run reports everything.
 */
export async function readDataDir(dir: string): Promise<{ files: DataFiles; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const territories = await readJson(dir, DATA_FILES.territories, problems);
  const indicators = await readJson(dir, DATA_FILES.indicators, problems);
  const projects = await readJson(dir, DATA_FILES.projects, problems);
  // Optional (issue 17): a folder without events.json simply has no events; a broken one is reported.
  let events: unknown;
  try {
    await readFile(join(dir, DATA_FILES.events), 'utf8');
    events = await readJson(dir, DATA_FILES.events, problems);
  } catch {
    events = undefined;
  }
  const observations: Record<string, unknown> = {};
  let names: string[] = [];
  try {
    names = (await readdir(join(dir, OBSERVATIONS_DIR))).filter((n) => n.endsWith('.json')).sort();
  } catch {
    problems.push({ file: OBSERVATIONS_DIR, row: null, field: '', message: 'folder not found' });
  }
  for (const name of names) {
    const file = `${OBSERVATIONS_DIR}/${name}`;
    const content = await readJson(dir, file, problems);
    if (content !== undefined) observations[file] = content;
  }
  // Source tables are optional files: checkData reports a missing one only if observations depend on it.
  const sources: Record<string, string> = {};
  for (const { file } of SOURCE_TABLES) {
    try {
      sources[file] = await readFile(join(dir, file), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        problems.push({
          file,
          row: null,
          field: '',
          message: `unreadable: ${e instanceof Error ? e.message : String(e)}`,
        });
    }
  }
  return { files: { territories, indicators, projects, observations, sources, events }, problems };
}

/** Runs the whole check on `dir`; returns the lines to print and the exit code. */
export async function runDataCheck(dir: string): Promise<{ lines: string[]; exitCode: 0 | 1 }> {
  const { files, problems: readProblems } = await readDataDir(dir);
  const { problems, summary } = checkData(files);
  const all = [...readProblems, ...problems];
  if (all.length > 0) {
    return { lines: [...all.map(formatProblem), `data:check failed: ${all.length} problem(s) in ${dir}`], exitCode: 1 };
  }
  return {
    lines: [
      `data:check passed (${dir}): ${summary.territories} territories, ${summary.indicators} indicators, ` +
        `${summary.observations} observations in ${summary.observationFiles} files, ${summary.projects} projects, ` +
        `${summary.events} events, ` +
        `${summary.sourceCells} figures equal to their cell in ${summary.sourceTables} source table(s)`,
    ],
    exitCode: 0,
  };
}

// Run only when executed directly (tests import the functions above).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'data';
  const { lines, exitCode } = await runDataCheck(dir);
  for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
  process.exitCode = exitCode;
}
