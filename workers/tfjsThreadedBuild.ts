import type { Presence } from '../src/core/engine/host/capabilities.ts';

/**
 * Whether tfjs-backend-wasm's threaded build can start in this bundle. It starts each pthread
 * from the source text of its factory function; the production build minifies that function, so
 * its text names variables of the bundle the pthread does not have ("e is not defined", measured
 * in Chromium, Firefox and WebKitGTK). Started anyway, it failed or, now and then in Firefox, left
 * the worker waiting forever on pthreads that never came. Under `npm start` it is not minified.
 */
export const TFJS_THREADED_BUILD: Presence = threadedBuildIn(import.meta.env.SPIKELAB_BUNDLED === true);

/**
 * The threaded build can start only where the code is served unbundled. This was keyed on
 * import.meta.env.DEV, which follows NODE_ENV rather than the bundler: a bundle built under
 * NODE_ENV=test (the e2e tests' build) tried it and, in Firefox, now and then never finished
 * starting an engine or a training: a blocked worker, where even the start guard's timer did not
 * fire (likely the module waiting on a pthread whose worker never loaded; not proven).
 */
export function threadedBuildIn(bundled: boolean): Presence {
  return bundled ? "the threaded build cannot start from the minified production bundle (its pthreads run its factory's source text)" : true;
}
