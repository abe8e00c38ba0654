// @vitest-environment node
/**
 * The views' placeholders (src/app/view-skeleton.tsx) keep the views' own loading heights — they are written there
 * rather than imported, so the views' code stays out of the first chunk — and the dark theme before the app runs
 * (src/styles/system-theme.css) carries exactly the tokens of the dark theme the app applies, so a reader whose system
 * is dark sees no colour change when the app sets `data-theme` (issue 16, item 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKELETON_HEIGHTS } from '../../src/app/view-skeleton.tsx';
import { CARD_MIN_HEIGHT } from '../../src/features/overview/kpi-card.tsx';
import { LINE_CHART_HEIGHT } from '../../src/features/explorer/explorer-view.tsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('view skeleton heights', () => {
  it('equal the views’ constants', () => {
    expect(SKELETON_HEIGHTS.kpiCard).toBe(CARD_MIN_HEIGHT);
    expect(SKELETON_HEIGHTS.explorerPanel).toBe(LINE_CHART_HEIGHT + 160);
    expect(SKELETON_HEIGHTS.explorerChart).toBe(LINE_CHART_HEIGHT);
  });

  it('equal the heights the views write in their loading states', () => {
    expect(read('src/ui/territory-select.tsx')).toContain(`const PICKER_HEIGHT = '${SKELETON_HEIGHTS.picker}';`);
    const explorer = read('src/features/explorer/explorer-view.tsx');
    expect(explorer).toContain(`<PanelSkeleton height={${SKELETON_HEIGHTS.explorerFilter}} lang={lang} />`);
    const compare = read('src/features/compare/compare-view.tsx');
    expect(compare).toMatch(
      new RegExp(`<QueryState query=\\{indicatorsQ\\} lang=\\{lang\\} height=\\{${SKELETON_HEIGHTS.compareTable}\\}`),
    );
    const projects = read('src/features/projects/projects-view.tsx');
    expect(projects).toContain(`<PanelSkeleton height={${SKELETON_HEIGHTS.projectsTimeline}} lang={lang} />`);
    expect(projects).toContain(`<PanelSkeleton height={${SKELETON_HEIGHTS.projectsList}} lang={lang} />`);
  });
});

/** The declarations of the first block opened by `selector` in `css` (comments removed), as a map. */
function declarations(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`no ${selector} block`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start)).replace(/\/\*[\s\S]*?\*\//g, '');
  const out = new Map<string, string>();
  for (const decl of body.split(';')) {
    const colon = decl.indexOf(':');
    if (colon !== -1) out.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
  }
  return out;
}

describe('the system dark theme before the app runs', () => {
  const system = read('src/styles/system-theme.css');
  it('applies only under prefers-color-scheme: dark and only while no theme is set', () => {
    expect(system).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme\]\) \{/);
  });
  it("has the tokens of :root[data-theme='dark'] (global.css)", () => {
    const dark = declarations(read('src/styles/global.css'), ":root[data-theme='dark']");
    expect(dark.size).toBeGreaterThan(10);
    expect(declarations(system, '  :root:not([data-theme])')).toEqual(dark);
  });
  it("has the tokens of :root[data-theme='dark'] .mv-view (views.css)", () => {
    const dark = declarations(read('src/styles/views.css'), ":root[data-theme='dark'] .mv-view");
    expect(declarations(system, '  :root:not([data-theme]) .mv-view')).toEqual(dark);
  });
});
