import type { StartThread } from '../core/engine/split/threadChannel.ts';
import type { BpttReply, BpttRequest } from '../core/train/bptt/parallelBptt.ts';
import { startNodeThread } from './nodeThreads.ts';

/** Starts a Node worker thread that computes BPTT gradients of batch slices (parallelBptt.ts). */
export const startNodeBpttThread: StartThread<BpttRequest, BpttReply> = () => startNodeThread<BpttRequest, BpttReply>(new URL('./bpttWorkerMain.ts', import.meta.url));
