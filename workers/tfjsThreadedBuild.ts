import type { Presence } from '../src/core/engine/host/capabilities.ts';

/**
 * Whether tfjs-backend-wasm's threaded build can start in this bundle. It starts each pthread
 * from the source text of its factory function; the production build minifies that function, so
 * its text names variables of the bundle the pthread does not have ("e is not defined", measured
 * in Chromium, Firefox and WebKitGTK). Started anyway, it failed or, now and then in Firefox, left
 * the worker waiting forever on pthreads that never came. Under `npm start` it is not minified.
 */
export const TFJS_THREADED_BUILD: Presence = import.meta.env.DEV
  ? true
  : 'the threaded build cannot start from the minified production bundle (its pthreads run its factory\'s source text)';
