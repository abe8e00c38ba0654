import type { PostBuildContext } from './post-build.mjs';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

export function precacheManifest(outDir: string): PrecacheEntry[];
export function buildId(manifest: PrecacheEntry[]): string;
export function buildServiceWorker(ctx: PostBuildContext): Promise<void>;
