// One thread of W3 on several Web Workers (core/bench/w3Threads.ts): a kernel instance of its own
// holding the synapses onto its range of neurons, stepping in lockstep with the others.
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { loadKernel } from '../src/core/engine/kernels/kernelModule.ts';
import { serveW3Part } from '../src/core/bench/w3Threads.ts';
import { serveInWorker } from './threadWorkerScope.ts';

serveInWorker((post, exit) => serveW3Part(async () => (await loadKernel({ url: kernelUrl })).exports, post, exit, () => performance.now()));
