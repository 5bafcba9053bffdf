import type { StartThread } from '../src/core/engine/split/threadChannel.ts';
import type { BpttReply, BpttRequest } from '../src/core/train/bptt/parallelBptt.ts';
import type { TrainingThreads } from '../src/core/train/kernelTraining.ts';
import { browserThreadPlan, startBrowserThread } from './browserThreads.ts';

/** Starts a Web Worker that computes BPTT gradients of batch slices. */
export const startBpttPartWorker: StartThread<BpttRequest, BpttReply> = () =>
  startBrowserThread<BpttRequest, BpttReply>(() => new Worker(new URL('./bpttPart.worker.ts', import.meta.url), { type: 'module', name: 'training thread' }), 'a training thread');

/** Gradient threads for this page: as many as browserThreadPlan allows, or why none. */
export function browserTrainingThreads(): { threads?: TrainingThreads; note?: string } {
  const plan = browserThreadPlan();
  return plan.threads > 1 ? { threads: { start: startBpttPartWorker, threads: plan.threads } } : { note: plan.reason };
}
