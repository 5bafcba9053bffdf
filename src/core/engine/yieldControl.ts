/**
 * Long loops in a worker must give the event loop a turn now and then, or a cancel message (and
 * progress callbacks) cannot be delivered until the run is over.
 */

/** Milliseconds of uninterrupted work after which a loop should yield. */
export const YIELD_EVERY_MS = 50;

/** True when `YIELD_EVERY_MS` have passed since `since` (a Date.now() value). */
export function shouldYield(since: number): boolean {
  return Date.now() - since >= YIELD_EVERY_MS;
}

/** Resolves on the next macrotask, letting queued messages in. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
