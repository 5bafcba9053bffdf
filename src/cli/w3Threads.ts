import { DEFAULT_PRECISION, type SumPrecision } from '../core/spec/precision.ts';
import type { StartThread } from '../core/engine/split/threadChannel.ts';
import { createThreadedW3Runner, type ThreadedW3Runner, type W3PartReply, type W3PartRequest } from '../core/bench/w3Threads.ts';
import type { W3Net } from '../core/bench/w3Net.ts';
import { startNodeThread } from './nodeThreads.ts';

/** Starts a Node worker thread that owns a range of a W3 network's neurons (core/bench/w3Threads.ts). */
export const startNodeW3Thread: StartThread<W3PartRequest, W3PartReply> = () => startNodeThread<W3PartRequest, W3PartReply>(new URL('./w3WorkerMain.ts', import.meta.url));

/** One W3 network on `threads` Node worker threads, a barrier per step. */
export function createNodeW3Runner(threads: number, net: W3Net, precision: SumPrecision = DEFAULT_PRECISION): Promise<ThreadedW3Runner> {
  return createThreadedW3Runner(startNodeW3Thread, threads, net, () => performance.now(), precision);
}
