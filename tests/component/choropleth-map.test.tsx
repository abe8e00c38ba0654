/**
 * The choropleth map (issue 13) drawn from the real boundary file (public/geo/morocco-provinces.topo.json) and
 * the real census data: 75 province paths and 12 regions, classes and legend with the hatched "no data" class,
 * the inset of the Casablanca–Rabat prefectures, one tab stop with arrow keys that move by direction and
 * announce, Enter/Space/click toggling through the callback, Escape closing an opened region, and geography
 * kept left-to-right in Arabic while the legend follows the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChoroplethMap, nearestInDirection, placeRegionLabels } from '../../src/charts/choropleth-map.tsx';
import { projectMap, INSET_CODES, type MapGeometry } from '../../src/charts/map-geometry.ts';
import { MoroccoTopology } from '../../src/contract/geo.ts';
import type { Indicator, Lang, Observation, Territory } from '../../src/contract/contract.ts';
import { buildMapModel, type MapLevel } from '../../src/transforms/map-model.ts';
import territoriesFile from '../../data/territories.json' with { type: 'json' };
import indicatorsFile from '../../data/indicators.json' with { type: 'json' };
import censusFile from '../../data/observations/census.json' with { type: 'json' };

const topo = MoroccoTopology.parse(
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../public/geo/morocco-provinces.topo.json'), 'utf8')),
);
const territories = territoriesFile.data as unknown as Territory[];
const territoryIndex = new Map(territories.map((t) => [t.code, t]));
const indicator = (indicatorsFile.data as unknown as Indicator[]).find(
  (i) => i.id === 'unemployment-rate',
) as Indicator;
const observations = censusFile.data as unknown as Observation[];
/** Text with the narrow and no-break spaces of French number formats made plain. */
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const codesOf = (level: MapLevel) => territories.filter((t) => t.level === level).map((t) => t.code);

function setup(
  level: MapLevel,
  opts: { lang?: Lang; selected?: string[]; regions?: string[]; obs?: Observation[] } = {},
) {
  const lang = opts.lang ?? 'fr';
  const geometry: MapGeometry = projectMap(topo, {
    level,
    width: 600,
    height: 612,
    ...(opts.regions ? { regions: opts.regions } : {}),
  });
  const model = buildMapModel({
    indicator,
    observations: opts.obs ?? observations,
    territoryIndex,
    territories: opts.regions
      ? territories.filter((t) => t.level === 'province' && opts.regions?.includes(t.parent ?? '')).map((t) => t.code)
      : codesOf(level),
    boundaryCodes: new Set(geometry.shapes.map((s) => s.code)),
    level,
    measure: 'absolute',
    period: '2024',
    lang,
  });
  const onToggle = vi.fn();
  const onOpenRegion = vi.fn();
  const labels = new Map(
    territories.filter((t) => t.level === 'region').map((t) => [t.code, t.name[lang].split('-')[0] as string]),
  );
  const utils = render(
    <div dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <ChoroplethMap
        geometry={geometry}
        model={model}
        selected={new Set(opts.selected ?? [])}
        onToggle={onToggle}
        onOpenRegion={onOpenRegion}
        openRegion={opts.regions?.[0] ?? null}
        regionLabels={opts.regions ? undefined : labels}
        lang={lang}
      />
    </div>,
  );
  const shape = (code: string) =>
    utils.container.querySelector<SVGPathElement>(`path[role="button"][data-code="${code}"]`) as SVGPathElement;
  return { ...utils, geometry, model, onToggle, onOpenRegion, shape };
}

describe('ChoroplethMap', () => {
  it('draws the 75 provinces from the real boundaries, the region borders over them and the inset', () => {
    const { container, geometry } = setup('province', { selected: ['MA-06'] });
    const svg = container.querySelector('svg.choropleth__svg') as SVGSVGElement;
    // Every province once for the keyboard and screen readers (the inset's copy for the axis prefectures).
    const buttons = svg.querySelectorAll('path[role="button"]');
    expect(buttons).toHaveLength(75);
    expect(new Set([...buttons].map((b) => b.getAttribute('data-code')))).toEqual(new Set(codesOf('province')));
    // 75 fills on the main map, plus the inset's.
    expect(svg.querySelectorAll('.choropleth__shapes path[data-code]')).toHaveLength(75);
    const inset = svg.querySelector('[data-inset="true"]') as SVGGElement;
    expect(inset).not.toBeNull();
    expect([...inset.querySelectorAll('path[role="button"]')].map((p) => p.getAttribute('data-code')).sort()).toEqual(
      [...INSET_CODES].sort(),
    );
    // The main map's copies of the inset prefectures stay clickable but out of the tab order and the a11y tree.
    const mainCopy = svg.querySelector('.choropleth__shapes path[data-code="MA-RAB"]') as SVGPathElement;
    expect(mainCopy.getAttribute('aria-hidden')).toBe('true');
    expect(mainCopy.hasAttribute('tabindex')).toBe(false);
    // Thicker region borders drawn after (over) the provinces.
    const borders = svg.querySelector('.choropleth__region-borders') as SVGPathElement;
    expect(borders.getAttribute('d')).toBe(geometry.regionBorders);
    expect(borders.getAttribute('d')?.length).toBeGreaterThan(100);
    expect(svg.querySelector('.choropleth__shapes')?.compareDocumentPosition(borders)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    // The selected region (Casablanca-Settat) is outlined around its provinces.
    const outlined = svg.querySelector('[data-selected-regions="true"]') as SVGGElement;
    expect(outlined.querySelectorAll('path.choropleth__selected')).toHaveLength(
      territories.filter((t) => t.parent === 'MA-06' && t.level === 'province').length,
    );
    expect(outlined.getAttribute('aria-hidden')).toBe('true');
    // The tooltip of an inset prefecture opens beside the inset, never over the shapes it names.
    fireEvent.mouseOver(inset.querySelector('path[data-code="MA-CAS"]') as SVGPathElement);
    const tip = container.querySelector('.choropleth__tooltip') as HTMLElement;
    expect(tip.className).toContain('choropleth__tooltip--beside');
    expect(tip.textContent).toMatch(/^Casablanca/);
  });

  it('draws the 12 regions with their short labels, none over another', () => {
    const { container, geometry } = setup('region');
    expect(container.querySelectorAll('path[role="button"]')).toHaveLength(12);
    expect(container.querySelector('[data-inset="true"]')).toBeNull();
    const labels = [...container.querySelectorAll('.choropleth__label')].map((l) => l.textContent);
    expect(labels).toContain('Casablanca');
    expect(labels).toContain('Dakhla');
    const placed = placeRegionLabels(
      geometry,
      new Map(territories.filter((t) => t.level === 'region').map((t) => [t.code, t.name.fr])),
    );
    expect(placed.length).toBeGreaterThan(0);
  });

  it('labels never cover the inset', () => {
    const { geometry } = setup('province');
    const inset = geometry.inset as NonNullable<MapGeometry['inset']>;
    const placed = placeRegionLabels(
      geometry,
      new Map(territories.filter((t) => t.level === 'region').map((t) => [t.code, t.name.fr])),
    );
    for (const l of placed) {
      const half = 6 + 2;
      const inside =
        l.x > inset.x - 40 &&
        l.x < inset.x + inset.width + 40 &&
        l.y + half > inset.y &&
        l.y - half < inset.y + inset.height;
      // A label whose box would reach into the inset was moved or left out.
      if (inside) expect(l.x - 60 > inset.x + inset.width || l.y - half > inset.y + inset.height).toBe(true);
    }
  });

  it('fills by class, hatches the territories without data, and says so in the legend with the count', () => {
    const obs = observations.filter((o) => !(o.indicator === 'unemployment-rate' && o.territory === 'MA-BES'));
    const { container, model, shape } = setup('province', { obs });
    expect(model.classes.length).toBe(5);
    const casa = model.data.get('MA-CAS');
    expect(casa?.classIndex).not.toBeNull();
    expect(shape('MA-CAS').style.fill).toContain(`--map-c${casa?.classIndex}`);
    // Benslimane has no row here: hatched, named with its reason.
    expect(shape('MA-BES').style.fill).toMatch(/^url\("?#.*-hatch"?\)$/);
    expect(norm(shape('MA-BES').getAttribute('aria-label'))).toMatch(/^Benslimane : pas de données \(.+\) \(2024\)$/);
    const legend = container.querySelector('[data-map-legend="true"]') as HTMLElement;
    const items = within(legend).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(norm(items[0]?.textContent)).toMatch(/\d.*%.*–.*\d.*%/);
    expect(items[5]?.textContent).toContain(model.noData.label);
    expect(items[5]?.querySelector('.choropleth__swatch--nodata')).not.toBeNull();
    expect(legend.textContent).toContain('Légende (%)');
    // The attribution and its link, under the map.
    const link = screen.getByRole('link', { name: 'openstreetmap.org/copyright' });
    expect(link).toHaveAttribute('href', 'https://www.openstreetmap.org/copyright');
    expect(link.closest('p')?.textContent).toContain("© contributeurs d'OpenStreetMap (ODbL)");
  });

  it('is one tab stop; arrows move to the neighbour in that direction and announce it; Home/End', async () => {
    const { container, shape, geometry } = setup('region', { selected: ['MA-06'] });
    const user = userEvent.setup();
    // The selected region holds the tab stop; the others are reachable by arrows only.
    expect(container.querySelectorAll('path[tabindex="0"]')).toHaveLength(1);
    expect(shape('MA-06')).toHaveAttribute('tabindex', '0');
    expect(shape('MA-06')).toHaveAttribute('aria-pressed', 'true');
    expect(norm(shape('MA-06').getAttribute('aria-label'))).toMatch(
      /^Casablanca-Settat : .+ %.* \(2024\), sélectionné$/,
    );
    await user.tab();
    expect(document.activeElement).toBe(shape('MA-06'));
    const live = container.querySelector('[data-map-announcer="true"]') as HTMLElement;
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(norm(live.textContent)).toMatch(/^Casablanca-Settat, \d+,\d %, 2024, Officiel, .*HCP.*$/);

    // North-east of Casablanca-Settat lies Rabat-Salé-Kénitra.
    const centre = (code: string) => geometry.shapes.find((s) => s.code === code)?.centroid as [number, number];
    await user.keyboard('{ArrowUp}');
    const up = document.activeElement?.getAttribute('data-code') as string;
    expect(centre(up)[1]).toBeLessThan(centre('MA-06')[1]);
    expect(live.textContent).toContain(territoryIndex.get(up)?.name.fr);
    expect(container.querySelectorAll('path[tabindex="0"]')).toHaveLength(1);
    expect(shape(up)).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}');
    expect(centre(document.activeElement?.getAttribute('data-code') as string)[1]).toBeGreaterThan(centre(up)[1]);
    // Dakhla-Oued Ed-Dahab, the southernmost, is End; Tanger-Tétouan-Al Hoceima, the northernmost, is Home.
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(shape('MA-12'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(shape('MA-12'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(shape('MA-01'));
    // Tab leaves the map in one step.
    await user.tab();
    expect(document.activeElement?.closest('svg')).toBeNull();
  });

  it('Enter, Space and click toggle through the callback; double-click opens; the tooltip says it all', async () => {
    const { shape, onToggle, onOpenRegion } = setup('region');
    const user = userEvent.setup();
    shape('MA-07').focus();
    await user.keyboard('{Enter}');
    expect(onToggle).toHaveBeenLastCalledWith('MA-07');
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledTimes(2);
    await user.click(shape('MA-03'));
    expect(onToggle).toHaveBeenLastCalledWith('MA-03');
    fireEvent.doubleClick(shape('MA-06'));
    expect(onOpenRegion).toHaveBeenLastCalledWith('MA-06');
    // The tooltip names the hovered territory with value, period, status and source, and offers to open it.
    fireEvent.mouseOver(shape('MA-06'));
    const tip = document.querySelector('.choropleth__tooltip') as HTMLElement;
    expect(norm(tip.textContent)).toMatch(/Casablanca-Settat.*%.*2024 · Officiel · .*HCP/);
    expect(tip.textContent).toContain('Double-clic : voir ses provinces');
  });

  it('an opened region draws its provinces only; Escape goes back', async () => {
    const { container, shape, onOpenRegion } = setup('province', { regions: ['MA-06'] });
    const codes = [...container.querySelectorAll('path[role="button"]')].map((p) => p.getAttribute('data-code'));
    expect(codes.sort()).toEqual(
      territories
        .filter((t) => t.parent === 'MA-06' && t.level === 'province')
        .map((t) => t.code)
        .sort(),
    );
    expect(container.querySelector('[data-inset="true"]')).toBeNull();
    const user = userEvent.setup();
    shape('MA-BES').focus();
    await user.keyboard('{Escape}');
    expect(onOpenRegion).toHaveBeenLastCalledWith(null);
  });

  it('in Arabic the geography stays left-to-right while the legend follows the page', () => {
    const fr = setup('province');
    const frPaths = [...fr.container.querySelectorAll('.choropleth__shapes path')].map((p) => p.getAttribute('d'));
    fr.unmount();
    const { container } = setup('province', { lang: 'ar' });
    const svg = container.querySelector('svg.choropleth__svg') as SVGSVGElement;
    expect(svg.getAttribute('dir')).toBe('ltr');
    // The very same paths: nothing mirrored.
    expect([...container.querySelectorAll('.choropleth__shapes path')].map((p) => p.getAttribute('d'))).toEqual(
      frPaths,
    );
    const legend = container.querySelector('[data-map-legend="true"]') as HTMLElement;
    expect(legend.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(container.querySelector('path[data-code="MA-BES"][role="button"]')?.getAttribute('aria-label')).toMatch(
      /^بنسليمان/,
    );
    expect(container.textContent).toContain('مساهمو OpenStreetMap');
  });
});

describe('nearestInDirection', () => {
  const items = [
    { code: 'c', x: 0, y: 0 },
    { code: 'e', x: 10, y: 1 },
    { code: 'far-e', x: 30, y: 0 },
    { code: 'ne', x: 5, y: -20 },
    { code: 'w', x: -8, y: 0 },
  ];
  it.each([
    ['right', 'e'],
    ['left', 'w'],
    ['up', 'ne'],
    ['down', null],
  ] as const)('%s → %s', (dir, expected) => {
    expect(nearestInDirection(items, items[0] as (typeof items)[0], dir)?.code ?? null).toBe(expected);
  });
});
