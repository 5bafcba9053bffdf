import type { Presence } from '../src/core/engine/host/capabilities.ts';

/**
 * Whether the page's workers may start tfjs-backend-wasm's threaded build: never, in a bundle or
 * under `npm start`.
 *
 * In a bundle it cannot start: it starts each pthread from the source text of its factory
 * function, which the production build minifies, so the text names variables the pthread does not
 * have ("e is not defined", measured in Chromium, Firefox and WebKitGTK).
 *
 * Under `npm start` (unminified) it starts, but in Firefox it now and then left the worker waiting
 * forever: a training stayed at "preparing the data" for 120 s with no error (1 of the last 3 CI
 * runs of otherBrowsersDev.e2e, and 1 of 1 run by hand under load), where with the threaded
 * build off the same test trained in 3.0 s. The worker thread itself is blocked (the start guard's
 * timer never fires), so no timeout can recover it. A nested worker does start while its parent
 * waits in Firefox (measured: 13–19 ms), so the cause lies inside the pthread start, not proven.
 * The threaded build only matters where WebGL is missing, and the hosted (bundled) page never had
 * it: `npm start` now runs the engines the way every user's page does.
 */
export const TFJS_THREADED_BUILD: Presence = threadedBuildIn(import.meta.env.SPIKELAB_BUNDLED === true);

/** Why the threaded build is not started, bundled or not (the engine line shows it). */
export function threadedBuildIn(bundled: boolean): Presence {
  return bundled
    ? 'the threaded build cannot start from the minified production bundle (its pthreads run its factory’s source text)'
    : 'the threaded build is not started in the page (in Firefox under npm start its pthread start now and then blocked the worker for good)';
}
