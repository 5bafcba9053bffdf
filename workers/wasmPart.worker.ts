// One thread of the threaded wasm engine (workers/wasmThreads.ts): the kernel, and runs of one
// slice of a batch at a time.
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { createEngine } from '../src/core/engine/index.ts';
import { servePartRequests } from '../src/core/engine/split/threadEngine.ts';
import { warmUpEngine } from '../src/core/engine/split/warmUp.ts';
import { serveInWorker } from './threadWorkerScope.ts';

const engine = await createEngine('wasm', { kernel: { url: kernelUrl } });
// Compiled before the first run, not beside it (warmUp.ts).
await warmUpEngine(engine);
serveInWorker((post, exit) => servePartRequests(engine, post, exit));
