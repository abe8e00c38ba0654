#!/usr/bin/env node
/**
 * The layers of `src/`, enforced (issue 12). Run by `npm run lint`; `tests/unit/layers.test.ts` proves it fails.
 *
 * Each file of `src/` belongs to one zone (the first whose prefix matches its path). A zone may import
 * only from itself and from the zones it lists in `may`: data flows one way, from the contract up to
 * the app, and nothing low reaches back up. Features never import another feature: what two features
 * share moves down to `src/ui`, `src/charts` or `src/transforms`. Static imports, re-exports and dynamic
 * `import()` all count (a lazy chunk is still a dependency). Static imports must also form no cycle.
 *
 * Usage: node scripts/check-layers.mjs [--root DIR]   (exit 1 and one line per problem when the rules are broken)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Lowest first. `may` lists the zones a zone may import from (besides itself).
 * @type {{ name: string, prefix: string, may: string[], note: string }[]}
 */
export const ZONES = [
  { name: 'lib', prefix: 'lib/', may: [], note: 'generic helpers with no knowledge of Mouchir' },
  { name: 'contract', prefix: 'contract/', may: ['lib'], note: 'zod schemas, periods, OpenAPI: the API contract' },
  { name: 'i18n', prefix: 'i18n/', may: ['lib', 'contract'], note: 'languages and Intl formatters' },
  {
    name: 'import',
    prefix: 'import/',
    may: ['lib', 'contract', 'i18n'],
    note: 'file import (issue 15): pure readers and validation, run in a Web Worker',
  },
  {
    name: 'user-data',
    prefix: 'user-data/',
    may: ['lib', 'contract', 'i18n'],
    note: "the user's imported datasets: IndexedDB store, file export, indicator conversion",
  },
  {
    name: 'api',
    prefix: 'api/',
    may: ['lib', 'contract', 'user-data'],
    note: 'fetch client and react-query factories (official API + user datasets)',
  },
  {
    name: 'transforms',
    prefix: 'transforms/',
    may: ['lib', 'contract', 'i18n'],
    note: 'pure models and maths (no React)',
  },
  { name: 'mocks', prefix: 'mocks/', may: ['lib', 'contract'], note: 'the mock API: depends on the contract alone' },
  {
    name: 'sw',
    prefix: 'sw/',
    may: ['lib', 'contract', 'mocks'],
    note: 'the service worker (offline copy, and the mock API in a mock-mode build), bundled on its own into sw.js',
  },
  { name: 'data-check', prefix: 'data-check/', may: ['lib', 'contract', 'mocks'], note: 'npm run data:check' },
  { name: 'state', prefix: 'state/', may: ['lib', 'contract', 'i18n', 'transforms'], note: 'view selection + URL' },
  {
    name: 'ui',
    prefix: 'ui/',
    may: ['lib', 'contract', 'api', 'i18n', 'transforms'],
    note: 'the UI kit: presentational, reads no store',
  },
  {
    name: 'charts',
    prefix: 'charts/',
    may: ['lib', 'contract', 'i18n', 'transforms', 'ui'],
    note: 'chart components: draw a model given by props',
  },
  {
    name: 'export-ui',
    prefix: 'export/ui/',
    may: ['lib', 'contract', 'api', 'user-data', 'i18n', 'transforms', 'state', 'ui', 'charts', 'export'],
    note: 'export menu and presentation mode',
  },
  {
    name: 'export',
    prefix: 'export/',
    may: ['lib', 'contract', 'i18n', 'transforms', 'charts'],
    note: 'pure serialisers (SVG, PNG, CSV, PPTX) and the download step',
  },
  { name: 'styles', prefix: 'styles/', may: [], note: 'global CSS' },
  {
    name: 'saved-views',
    prefix: 'saved-views/',
    may: [
      'lib',
      'contract',
      'api',
      'user-data',
      'i18n',
      'transforms',
      'state',
      'ui',
      'charts',
      'export',
      'export-ui',
      'styles',
    ],
    note: 'saved views (IndexedDB), their file, user events, and the briefing built from them (issue 17)',
  },
  {
    name: 'features',
    prefix: 'features/',
    may: [
      'lib',
      'contract',
      'api',
      'user-data',
      'i18n',
      'transforms',
      'state',
      'ui',
      'charts',
      'export',
      'export-ui',
      'styles',
      'import',
      'saved-views',
    ],
    note: 'one folder per view; never imports another feature',
  },
  {
    name: 'app',
    prefix: 'app/',
    may: [
      'lib',
      'contract',
      'api',
      'user-data',
      'i18n',
      'transforms',
      'state',
      'ui',
      'charts',
      'export',
      'export-ui',
      'styles',
      'saved-views',
    ],
    note: 'composition: providers, layout, views',
  },
  { name: 'main', prefix: 'main.tsx', may: ['*'], note: 'entry point' },
  {
    name: 'prerender',
    prefix: 'prerender/',
    may: ['*'],
    note: 'the app shell rendered at build time (issue 16): an entry point, like main.tsx',
  },
];
// app composes features (any of them) and may toggle the mock's dataset option.
const APP_EXTRA = ['features', 'mocks'];

const SPEC_RE =
  /(?:^|[^\w.$])(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|(?:^|[^\w.$])import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const TYPE_ONLY_RE = /^\s*(?:import|export)\s+type\s/;

/** Remove comments so an example in a comment is not an import. Strings are kept (specifiers live there). */
function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

/**
 * The relative imports of one source text.
 * @returns {{ spec: string, line: number, dynamic: boolean, typeOnly: boolean }[]}
 */
export function importsOf(source) {
  const text = stripComments(source);
  const out = [];
  for (const m of text.matchAll(SPEC_RE)) {
    const spec = m[1] ?? m[2];
    if (!spec || !spec.startsWith('.')) continue;
    const line = text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0);
    out.push({ spec, line, dynamic: m[2] !== undefined, typeOnly: TYPE_ONLY_RE.test(m[0].replace(/^[^ie]*/, '')) });
  }
  return out;
}

/** The zone of a path relative to `src/` (posix separators), or null outside every zone. */
export function zoneOf(rel) {
  return ZONES.find((z) => (z.prefix.endsWith('/') ? rel.startsWith(z.prefix) : rel === z.prefix)) ?? null;
}

/** Feature folder of a `features/<name>/…` path. */
const featureOf = (rel) => (rel.startsWith('features/') ? rel.split('/')[1] : null);

/** Whether `from` (a path under src/) may import `to` (a path under src/). Returns a reason when not. */
export function ruleBreak(from, to) {
  const a = zoneOf(from);
  const b = zoneOf(to);
  if (!a || !b) return null;
  if (a.name === b.name) {
    if (a.name === 'features' && featureOf(from) !== featureOf(to))
      return `feature "${featureOf(from)}" imports feature "${featureOf(to)}": move what they share down to src/ui, src/charts or src/transforms`;
    return null;
  }
  if (a.may.includes('*') || a.may.includes(b.name)) return null;
  if (a.name === 'app' && APP_EXTRA.includes(b.name)) return null;
  return `${a.name} (${a.note}) may not import ${b.name}: allowed are ${[...a.may, ...(a.name === 'app' ? APP_EXTRA : [])].join(', ') || 'nothing'}`;
}

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Check a tree. `srcDir` is the `src/` folder.
 * @returns {string[]} one line per problem
 */
export function checkLayers(srcDir) {
  const problems = [];
  const files = walk(srcDir);
  /** @type {Map<string, string[]>} static edges for the cycle check */
  const graph = new Map();
  for (const file of files) {
    const rel = path.relative(srcDir, file).split(path.sep).join('/');
    if (!zoneOf(rel)) problems.push(`src/${rel}: in no zone of scripts/check-layers.mjs (add the folder to ZONES)`);
    const edges = [];
    for (const imp of importsOf(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), imp.spec.replace(/\?.*$/, ''));
      const toRel = path.relative(srcDir, target).split(path.sep).join('/');
      if (toRel.startsWith('..')) continue; // data/ files and the like
      const why = ruleBreak(rel, toRel);
      if (why) problems.push(`src/${rel}:${imp.line}: imports ${imp.spec} — ${why}`);
      if (!imp.dynamic && !imp.typeOnly) edges.push(toRel);
    }
    graph.set(rel, edges);
  }
  problems.push(...findCycles(graph).map((c) => `import cycle: ${c.map((f) => `src/${f}`).join(' → ')}`));
  return problems;
}

/** Cycles among static, value imports (Tarjan's strongly connected components; one line per component). */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const cycles = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push([...comp.reverse(), comp[0]]);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--root');
  const root =
    i > 0 ? path.resolve(process.argv[i + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayers(path.join(root, 'src'));
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(
      `\ncheck-layers: ${problems.length} problem(s); the rules are in scripts/check-layers.mjs and docs/architecture.md`,
    );
    process.exit(1);
  }
  console.log('check-layers: every import follows the layers, no cycle');
}
