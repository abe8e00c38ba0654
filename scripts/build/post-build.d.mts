import type { Plugin } from 'vite';

export interface PostBuildContext {
  root: string;
  outDir: string;
  base: string;
  mock: boolean;
}

export function postBuild(): Plugin;
