/** Types for scripts/build/priorities.mjs (issue 16, B9: the shell's stylesheet and fonts before the scripts). */
import type { PostBuildContext } from './post-build.mjs';

/** index.html with `fetchpriority="low"` on its module scripts, modulepreloads and fetch preloads. */
export function lowerScriptPriorities(html: string): string;
/** The post-build step: rewrite the build's index.html. */
export function lowerPriorities(ctx: PostBuildContext): Promise<void>;
