/**
 * The layer guard (issue 12): scripts/check-layers.mjs must pass on the real tree and fail on every kind of
 * broken rule — an arrow from a lower layer to a higher one, a feature importing another feature, a file in
 * no zone, a static import cycle.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { checkLayers, findCycles, importsOf, ruleBreak, zoneOf } from '../../scripts/check-layers.mjs';

const tmpDirs: string[] = [];
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A throwaway `src/` tree from a map of path → source. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  tmpDirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, 'src', rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return path.join(root, 'src');
}

describe('check-layers', () => {
  it('finds static, type, re-export and dynamic imports, not those in comments', () => {
    const found = importsOf(
      [
        "import { a } from './a.ts';",
        "import type { B } from '../b/b.ts';",
        "export { c } from './c.ts';",
        "const d = () => import('../d/d.tsx');",
        "// import { e } from '../e/e.ts';",
        '/* import { f } from "../f/f.ts"; */',
        "import 'react';",
      ].join('\n'),
    );
    expect(found.map((i: { spec: string }) => i.spec)).toEqual(['./a.ts', '../b/b.ts', './c.ts', '../d/d.tsx']);
    expect(found.map((i: { typeOnly: boolean }) => i.typeOnly)).toEqual([false, true, false, false]);
    expect(found.map((i: { dynamic: boolean }) => i.dynamic)).toEqual([false, false, false, true]);
  });

  it('places files in zones, export/ui apart from the pure export serialisers', () => {
    expect(zoneOf('export/ui/export-menu.tsx')?.name).toBe('export-ui');
    expect(zoneOf('export/csv.ts')?.name).toBe('export');
    expect(zoneOf('main.tsx')?.name).toBe('main');
    expect(zoneOf('somewhere/else.ts')).toBeNull();
  });

  it.each([
    ['transforms/x.ts', 'charts/line-chart.tsx'],
    ['charts/canvas-lines.ts', 'state/view-store.ts'],
    ['ui/error-boundary.tsx', 'app/messages.ts'],
    ['mocks/handlers.ts', 'api/client.ts'],
    ['export/csv.ts', 'export/ui/export-menu.tsx'],
    ['contract/contract.ts', 'transforms/series.ts'],
    ['features/compare/compare-view.tsx', 'features/overview/messages.ts'],
    ['features/explorer/x.tsx', 'app/app.tsx'],
  ])('refuses %s → %s', (from, to) => {
    expect(ruleBreak(from, to)).toMatch(/may not import|imports feature/);
  });

  it.each([
    ['features/explorer/explorer-view.tsx', 'features/explorer/tabs.tsx'],
    ['features/explorer/explorer-view.tsx', 'ui/panel-states.tsx'],
    ['charts/line-chart.tsx', 'transforms/chart-types.ts'],
    ['mocks/handlers.ts', 'contract/period.ts'],
    ['app/app.tsx', 'features/overview/overview-view.tsx'],
    ['export/ui/export-menu.tsx', 'state/url-sync.ts'],
    ['main.tsx', 'mocks/browser.ts'],
  ])('allows %s → %s', (from, to) => {
    expect(ruleBreak(from, to)).toBeNull();
  });

  it('reports a violating import with its file and line, and a file in no zone', () => {
    const src = tree({
      'transforms/a.ts': "export const a = 1;\nimport { b } from '../charts/b.ts';\n",
      'charts/b.ts': 'export const b = 2;\n',
      'stray/c.ts': 'export const c = 3;\n',
    });
    const problems = [...checkLayers(src)].sort();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^src\/stray\/c\.ts: in no zone/);
    expect(problems[1]).toMatch(/^src\/transforms\/a\.ts:2: imports \.\.\/charts\/b\.ts — transforms/);
  });

  it('reports a static cycle but not one closed only by a dynamic or type import', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    const src = tree({
      'transforms/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'transforms/b.ts':
        "import type { A } from './a.ts';\nexport const b = 1;\nexport const lazy = () => import('./a.ts');\n",
    });
    expect(checkLayers(src)).toEqual([]);
    fs.writeFileSync(path.join(src, 'transforms/b.ts'), "import { a } from './a.ts';\nexport const b = a;\n");
    expect(checkLayers(src)).toEqual([
      expect.stringMatching(/^import cycle: src\/transforms\/a\.ts → src\/transforms\/b\.ts/),
    ]);
  });

  it('passes on the real tree', () => {
    expect(checkLayers(path.resolve('src'))).toEqual([]);
  });
});
