// One gradient thread of data-parallel training (core/train/bptt/parallelBptt.ts): its own
// instance of the kernel computes the gradients of one slice of each batch.
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { loadBpttKernel } from '../src/core/train/bptt/bpttKernel.ts';
import { serveBpttRequests } from '../src/core/train/bptt/parallelBptt.ts';
import { serveInWorker } from './threadWorkerScope.ts';

serveInWorker((post, exit) => serveBpttRequests(() => loadBpttKernel({ url: kernelUrl }), post, exit));
