/**
 * scripts/build/shell-route.mjs is plain JavaScript (serve.mjs and the service worker use it without a TypeScript
 * step), so it keeps its own lists of views and languages. They must be the app's: a view added to VIEWS but not
 * here would get the overview's shell (a flash and a layout shift), a language missing here the French one.
 */
import { describe, expect, it } from 'vitest';
import { SHELL_LANGS, SHELL_VIEWS, shellFile, shellPath } from '../../scripts/build/shell-route.mjs';
import { VIEWS } from '../../src/state/view-state.ts';
import { LANGS } from '../../src/contract/contract.ts';

describe('shell route', () => {
  it('prerenders exactly the views and languages the app knows', () => {
    expect([...SHELL_VIEWS].sort()).toEqual([...VIEWS].sort());
    expect([...SHELL_LANGS].sort()).toEqual([...LANGS].sort());
  });

  it('picks the shell of the query, the defaults for what it does not know', () => {
    expect(shellFile('')).toBe('index.html');
    expect(shellFile('?view=overview&lang=fr')).toBe('index.html');
    expect(shellFile('?view=explorer&lang=ar&indicator=x')).toBe('shells/explorer-ar.html');
    expect(shellFile('lang=en')).toBe('shells/overview-en.html');
    expect(shellFile('?view=nope&lang=xx')).toBe('index.html');
    expect(shellFile('?view=compare&lang=xx')).toBe(shellPath('compare', 'fr'));
  });
});
