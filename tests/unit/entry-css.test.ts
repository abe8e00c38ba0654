/**
 * Every style sheet of the app's frame is in the HTML's first sheet (issue 16). The entry (src/main.tsx) imports the
 * app (src/app/start.tsx) only after the prerendered shell is painted, so a sheet reached through the app's static
 * imports would be loaded after that paint and move the shell (layout shift); a sheet the entry imports that another
 * module imports too becomes a separate, render-blocking file. Both are caught here, from the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { importsOf } from '../../scripts/check-layers.mjs';

const SRC = path.resolve('src');

interface Found {
  spec: string;
  dynamic: boolean;
  typeOnly: boolean;
}

/** Relative imports of a file, resolved to absolute paths; static value imports only unless `dynamic`. */
function importsFrom(file: string, { dynamic = false } = {}): string[] {
  const found = importsOf(fs.readFileSync(file, 'utf8')) as Found[];
  return found
    .filter((i) => i.spec.startsWith('.') && !i.typeOnly && (dynamic || !i.dynamic))
    .map((i) => path.resolve(path.dirname(file), i.spec));
}

/** The style sheets reached from `entry` through static imports only. */
function staticSheets(entry: string): string[] {
  const seen = new Set<string>();
  const sheets = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of importsFrom(file)) {
      if (dep.endsWith('.css')) sheets.add(path.relative(SRC, dep));
      else if (fs.existsSync(dep)) walk(dep);
    }
  };
  walk(entry);
  return [...sheets].sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe("the entry's style sheets", () => {
  it("the app's static imports reach no style sheet: the entry imports them all", () => {
    const start = path.join(SRC, 'app/start.tsx');
    expect(fs.existsSync(start)).toBe(true);
    expect(staticSheets(start)).toEqual([]);
  });

  it('the entry imports the sheets of the header, notices, placeholders and saved views', () => {
    const entrySheets = staticSheets(path.join(SRC, 'main.tsx'));
    for (const sheet of ['styles/global.css', 'styles/skeleton.css', 'styles/views.css', 'app/offline-notice.css']) {
      expect(entrySheets).toContain(sheet);
    }
  });

  it('no other module imports a sheet the entry imports', () => {
    const main = path.join(SRC, 'main.tsx');
    const entrySheets = new Set(importsFrom(main).filter((p) => p.endsWith('.css')));
    const elsewhere = sourceFiles(SRC)
      .filter((f) => f !== main)
      .flatMap((f) =>
        importsFrom(f, { dynamic: true })
          .filter((dep) => entrySheets.has(dep))
          .map((dep) => `${path.relative(SRC, f)} → ${path.relative(SRC, dep)}`),
      );
    expect(elsewhere).toEqual([]);
  });
});
