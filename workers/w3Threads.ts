import { createThreadedW3Runner, type ThreadedW3Runner, type W3PartReply, type W3PartRequest } from '../src/core/bench/w3Threads.ts';
import type { W3Net } from '../src/core/bench/w3Net.ts';
import type { StartThread } from '../src/core/engine/split/threadChannel.ts';
import { detectCapabilities } from '../src/core/engine/host/capabilities.ts';
import { browserThreadPlan, startBrowserThread } from './browserThreads.ts';

/** Starts a Web Worker that owns a range of a W3 network's neurons. */
export const startW3PartWorker: StartThread<W3PartRequest, W3PartReply> = () =>
  startBrowserThread<W3PartRequest, W3PartReply>(() => new Worker(new URL('./w3Part.worker.ts', import.meta.url), { type: 'module', name: 'W3 thread' }), 'a W3 thread');

/**
 * Why W3 cannot run on several Web Workers here, or undefined when it can: the threads share the
 * barrier through a SharedArrayBuffer, which needs a cross-origin isolated page. The caller then
 * runs one thread and says why.
 */
export function w3ThreadsWhyNot(): string | undefined {
  // The plan's first reasons are these two (it also spares a core for the page, which a
  // benchmark asking for N threads does not want).
  if (globalThis.crossOriginIsolated !== true || detectCapabilities().sharedArrayBuffer !== true) return browserThreadPlan().reason;
  return undefined;
}

/** One W3 network on `threads` Web Workers, a barrier per step (check w3ThreadsWhyNot first). */
export function createBrowserW3Runner(threads: number, net: W3Net): Promise<ThreadedW3Runner> {
  return createThreadedW3Runner(startW3PartWorker, threads, net, () => performance.now());
}
