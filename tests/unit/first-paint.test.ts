// @vitest-environment jsdom
/**
 * The entry waits for the shell's first paint before loading the app (src/app/first-paint.ts, issue 16), but never
 * longer than it must: a hidden page, a paint already made, a browser without Paint Timing, and at most one second.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, openLocalStorage, paintsFirst } from '../../src/app/first-paint.ts';

interface FakeWindow {
  win: Window;
  /** Deliver a paint entry to the observer, as the browser does once the frame is on screen. */
  paint: () => void;
  /** Run the pending animation frame callbacks. */
  frame: () => void;
  listeners: Set<() => void>;
  observing: () => boolean;
}

function fakeWindow({
  hidden = false,
  painted = false,
  paintTiming = true,
}: { hidden?: boolean; painted?: boolean; paintTiming?: boolean } = {}): FakeWindow {
  let callback: (() => void) | null = null;
  let connected = false;
  const frames: (() => void)[] = [];
  const listeners = new Set<() => void>();
  class Observer {
    static supportedEntryTypes = paintTiming ? ['paint', 'longtask'] : ['longtask'];
    constructor(cb: () => void) {
      callback = cb;
    }
    observe() {
      connected = true;
    }
    disconnect() {
      connected = false;
    }
  }
  const doc = {
    visibilityState: hidden ? 'hidden' : 'visible',
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  const win = {
    document: doc,
    performance: { getEntriesByType: (t: string) => (t === 'paint' && painted ? [{ name: 'first-paint' }] : []) },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    PerformanceObserver: Observer,
  } as unknown as Window;
  return {
    win,
    paint: () => {
      if (connected) callback?.();
    },
    frame: () => {
      for (const f of frames.splice(0)) f();
    },
    listeners,
    observing: () => connected,
  };
}

/** Whether `p` has settled after the pending microtasks. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('waits for the first paint entry, then stops observing and listening', async () => {
    vi.useFakeTimers();
    const f = fakeWindow();
    const p = afterFirstPaint(f.win);
    expect(await settled(p)).toBe(false);
    f.frame();
    // An animation frame is not a paint on screen: still waiting.
    expect(await settled(p)).toBe(false);
    f.paint();
    expect(await settled(p)).toBe(true);
    expect(f.observing()).toBe(false);
    expect(f.listeners.size).toBe(0);
  });

  it('resolves at once in a hidden page and when the page has already painted', async () => {
    expect(await settled(afterFirstPaint(fakeWindow({ hidden: true }).win))).toBe(true);
    expect(await settled(afterFirstPaint(fakeWindow({ painted: true }).win))).toBe(true);
  });

  it('resolves when the page becomes hidden while waiting', async () => {
    vi.useFakeTimers();
    const f = fakeWindow();
    const p = afterFirstPaint(f.win);
    expect(await settled(p)).toBe(false);
    for (const l of f.listeners) l();
    expect(await settled(p)).toBe(true);
  });

  it('without Paint Timing, waits for the second animation frame', async () => {
    vi.useFakeTimers();
    const f = fakeWindow({ paintTiming: false });
    const p = afterFirstPaint(f.win);
    f.frame();
    expect(await settled(p)).toBe(false);
    f.frame();
    expect(await settled(p)).toBe(true);
  });

  it('never waits more than one second', async () => {
    vi.useFakeTimers();
    const f = fakeWindow();
    const p = afterFirstPaint(f.win);
    vi.advanceTimersByTime(999);
    expect(await settled(p)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(p)).toBe(true);
  });
});

describe('paintsFirst', () => {
  const page = (head: string) =>
    new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head></html>`, 'text/html');
  const preloads = '<link rel="modulepreload" href="./assets/start-x.js">';

  it('waits where the build made the view preloads inert (the shells that paint first)', () => {
    expect(paintsFirst(page(`<template data-view-preloads>${preloads}</template>`))).toBe(true);
  });

  it('starts at once on a page the service worker controls: the files come from its cache, not the network', () => {
    const inert = page(`<template data-view-preloads>${preloads}</template>`);
    const controlled = { serviceWorker: { controller: {} } } as unknown as Navigator;
    const uncontrolled = { serviceWorker: { controller: null } } as unknown as Navigator;
    expect(paintsFirst(inert, controlled)).toBe(false);
    expect(paintsFirst(inert, uncontrolled)).toBe(true);
    // A browser without service workers (or a context that forbids them) waits as on a first visit.
    expect(paintsFirst(inert, {} as Navigator)).toBe(true);
  });

  it('starts at once where they are live, and on a page without them (the dev server, the embed)', () => {
    expect(paintsFirst(page(`<!--view-preloads-->${preloads}<!--/view-preloads-->`))).toBe(false);
    expect(paintsFirst(page(''))).toBe(false);
    // Another template is not the build's mark.
    expect(paintsFirst(page(`<template>${preloads}</template>`))).toBe(false);
  });
});

describe('openLocalStorage', () => {
  it('touches the storage once, and survives a browser that refuses it', () => {
    let reads = 0;
    const open = {
      get localStorage() {
        reads += 1;
        return { length: 0 } as Storage;
      },
    };
    openLocalStorage(open);
    expect(reads).toBe(1);
    const refused = {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(() => openLocalStorage(refused)).not.toThrow();
  });
});
