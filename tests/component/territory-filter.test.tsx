/**
 * The territory filter's list is one tab stop (issue 16): a roving tabindex over the 88 checkboxes. Tab enters
 * it once, the arrows, Home, End and a letter move, Space toggles (the selection changes), Tab leaves it; the
 * search and the region keep the roving item among the territories shown; the cap still refuses with its message.
 */
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang, Territory } from '../../src/contract/contract.ts';
import { rovingTarget, TerritoryFilter } from '../../src/ui/territory-filter/territory-filter.tsx';
import territoriesFile from '../../data/territories.json' with { type: 'json' };

const territories = territoriesFile.data as Territory[];

function Harness({
  initial = [],
  lang = 'fr',
  cap,
  onChange,
}: {
  initial?: string[];
  lang?: Lang;
  cap?: number;
  onChange?: (codes: string[]) => void;
}) {
  const [selected, setSelected] = useState<string[]>(initial);
  return (
    <>
      <button type="button">before</button>
      <TerritoryFilter
        territories={territories}
        selected={selected}
        lang={lang}
        cap={cap}
        onChange={(codes) => {
          setSelected(codes);
          onChange?.(codes);
        }}
      />
      <button type="button">after</button>
    </>
  );
}

const list = (name = 'Liste des territoires') => screen.getByRole('group', { name });
const boxes = (name?: string) => within(list(name)).getAllByRole('checkbox') as HTMLInputElement[];
const tabbable = (name?: string) => boxes(name).filter((b) => b.tabIndex === 0);
const focusedName = () => document.activeElement?.closest('label')?.textContent ?? '';

describe('TerritoryFilter: the list is one tab stop', () => {
  it('gives one checkbox of 88 the tab stop, in a labelled group with its key hint', () => {
    render(<Harness />);
    expect(boxes()).toHaveLength(88);
    expect(tabbable()).toHaveLength(1);
    expect(tabbable()[0]).toBe(screen.getByRole('checkbox', { name: 'Maroc' }));
    expect(list()).toHaveAccessibleDescription(/Flèches haut et bas/);
  });

  it('Tab enters once, arrows move, Space toggles, Tab leaves', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    screen.getByRole('combobox').focus(); // the region select, the last control before the list
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Maroc' }));
    await user.keyboard('{ArrowDown}');
    expect(focusedName()).toBe(territories[1]?.name.fr);
    expect(tabbable()).toEqual([document.activeElement]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const name = territories[2]?.name.fr ?? '';
    expect(focusedName()).toBe(name);
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith([territories[2]?.code]);
    expect(screen.getByRole('checkbox', { name })).toBeChecked();
    expect(screen.getByRole('button', { name: `Retirer ${name}` })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenLastCalledWith([]);
    expect(screen.getByRole('checkbox', { name })).not.toBeChecked();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'after' }));
    // Shift+Tab comes back to the same territory, not to the first one.
    await user.tab({ shift: true });
    expect(focusedName()).toBe(name);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
  });

  it('Home, End, PageDown and a letter move; the ends do not wrap', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByRole('checkbox', { name: 'Maroc' }).focus();
    await user.keyboard('{ArrowUp}');
    expect(focusedName()).toBe('Maroc');
    await user.keyboard('{End}');
    const last = boxes().at(-1);
    expect(document.activeElement).toBe(last);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(last);
    await user.keyboard('{Home}');
    expect(focusedName()).toBe('Maroc');
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toBe(boxes()[10]);
    await user.keyboard('{Home}m');
    expect(focusedName()).toMatch(/^M/);
    expect(focusedName()).not.toBe('Maroc');
    expect(tabbable()).toEqual([document.activeElement]);
  });

  it('in Arabic, the same keys move the same way', async () => {
    const user = userEvent.setup();
    render(<Harness lang="ar" />);
    const group = list('قائمة المجالات الترابية');
    const all = within(group).getAllByRole('checkbox');
    all[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(all[1]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(all[0]);
  });

  it('keeps the tab stop on a territory shown when the search or the region filters the list', async () => {
    const user = userEvent.setup();
    render(<Harness initial={['MA-07']} />);
    // The first checked territory shown holds the stop at first.
    expect(tabbable()).toEqual([screen.getByRole('checkbox', { name: 'Marrakech-Safi' })]);
    await user.type(screen.getByRole('searchbox'), 'casa');
    expect(tabbable()).toHaveLength(1);
    expect(tabbable()[0]?.closest('label')?.textContent).toMatch(/Casa/i);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(tabbable()[0]);
    await user.keyboard('{End}');
    const focused = document.activeElement;
    await user.clear(screen.getByRole('searchbox'));
    // The territory focused last is still shown: it keeps the stop.
    expect(tabbable()).toEqual([focused]);
    await user.type(screen.getByRole('searchbox'), 'zzzz');
    expect(screen.getByText('Aucun territoire ne correspond.')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.selectOptions(screen.getByRole('combobox'), 'MA-01');
    expect(tabbable()).toHaveLength(1);
    expect(boxes().length).toBeLessThan(88);
  });

  it('at the cap, Space on an unchecked territory says why and changes nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={['MA']} cap={1} onChange={onChange} />);
    screen.getByRole('checkbox', { name: 'Maroc' }).focus();
    await user.keyboard('{ArrowDown} ');
    expect(onChange).not.toHaveBeenCalled();
    expect(document.activeElement).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(/Au plus 1 territoire/);
  });
});

describe('rovingTarget', () => {
  it('moves within the bounds and ignores other keys', () => {
    expect(rovingTarget('ArrowDown', 0, 3)).toBe(1);
    expect(rovingTarget('ArrowDown', 2, 3)).toBe(2);
    expect(rovingTarget('ArrowUp', 0, 3)).toBe(0);
    expect(rovingTarget('Home', 2, 3)).toBe(0);
    expect(rovingTarget('End', 0, 3)).toBe(2);
    expect(rovingTarget('PageDown', 0, 30)).toBe(10);
    expect(rovingTarget('PageUp', 5, 30)).toBe(0);
    expect(rovingTarget('ArrowLeft', 1, 3)).toBe(null);
    expect(rovingTarget('ArrowDown', 0, 0)).toBe(null);
  });
});
