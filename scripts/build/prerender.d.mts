/** Types for scripts/build/prerender.mjs (issue 16, item 1: the app shell in each view's HTML). */
import type { PostBuildContext } from './post-build.mjs';

/** One rendered shell, as src/prerender/shell.tsx returns it. */
export interface ShellRender {
  html: string;
  title: string;
  lang: string;
  dir: string;
  /** The page's largest paint is the shell's own: its view preloads are made inert and the app waits for the paint. */
  paintsFirst: boolean;
}
/** The font preloads of a language's pages (Noto Sans Arabic on Arabic pages). */
export function fontPreloads(lang: string, assets: readonly string[]): string[];
/** The page of one shell from the built index.html, with extra tags at the end of its head. */
export function shellDocument(template: string, shell: ShellRender, headTags?: readonly string[]): string;
/** A shell with its view preloads live or inert in a `<template>` (the shells that paint first). */
export function withViewPreloads(html: string, live: boolean): string;
/** Render every (page, language) shell and write it into `outDir`; returns the files written. */
export function writeShells(
  outDir: string,
  template: string,
  render: (view: string, lang: string) => ShellRender,
): Promise<string[]>;
/** src/prerender/shell.tsx loaded in Node through Vite's SSR loader. */
export function loadShellRenderer(
  root: string,
): Promise<{ renderShell: (view: string, lang: string) => ShellRender; close: () => Promise<void> }>;
/** The post-build step. */
export function prerenderShells(ctx: PostBuildContext): Promise<void>;
