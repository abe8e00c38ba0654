// @vitest-environment node
/**
 * The build's index.html fetches its scripts and the mock's data preloads at low priority (scripts/build/
 * priorities.mjs, issue 16 B9): the shell's stylesheet and fonts keep theirs, so they come first on a slow network.
 */
import { describe, expect, it } from 'vitest';
import { lowerScriptPriorities } from '../../scripts/build/priorities.mjs';

const HEAD = [
  '<script type="module" crossorigin src="./assets/index-Ab12Cd34.js"></script>',
  '<link rel="modulepreload" crossorigin href="./assets/contract-Ab12Cd34.js">',
  '<link rel="stylesheet" crossorigin href="./assets/index-Ab12Cd34.css">',
  '<link rel="preload" as="fetch" crossorigin="anonymous" href="./assets/indicators-Ab12Cd34.json">',
  '<link rel="preload" as="font" type="font/woff2" crossorigin="anonymous" href="./assets/noto.woff2">',
  '<link rel="icon" type="image/svg+xml" href="./favicon.svg" />',
].join('\n');

describe('lowerScriptPriorities', () => {
  const out = lowerScriptPriorities(HEAD).split('\n');

  it('lowers the module script, its modulepreloads and the fetch preloads', () => {
    expect(out[0]).toBe(
      '<script fetchpriority="low" type="module" crossorigin src="./assets/index-Ab12Cd34.js"></script>',
    );
    expect(out[1]).toBe(
      '<link fetchpriority="low" rel="modulepreload" crossorigin href="./assets/contract-Ab12Cd34.js">',
    );
    expect(out[3]).toContain('<link fetchpriority="low" rel="preload" as="fetch"');
  });

  it('leaves the stylesheet, the font preloads and other links alone', () => {
    const lines = HEAD.split('\n');
    expect(out[2]).toBe(lines[2]);
    expect(out[4]).toBe(lines[4]);
    expect(out[5]).toBe(lines[5]);
  });

  it('changes nothing on a second run nor on a tag that already says a priority', () => {
    expect(lowerScriptPriorities(lowerScriptPriorities(HEAD))).toBe(lowerScriptPriorities(HEAD));
    const high = '<link rel="modulepreload" fetchpriority="high" href="./a.js">';
    expect(lowerScriptPriorities(high)).toBe(high);
  });
});
