/**
 * Post-build step (see post-build.mjs). Placeholder until issue 16's work on it lands.
 *
 * @param {import('./post-build.mjs').PostBuildContext} _ctx
 * @returns {Promise<void>}
 */
export async function buildServiceWorker(_ctx) {}
