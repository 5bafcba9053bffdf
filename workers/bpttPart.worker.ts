// One gradient thread of data-parallel training (core/train/bptt/parallelBptt.ts): its own
// instance of the kernel computes the gradients of one slice of each batch.
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { loadBpttKernel } from '../src/core/train/bptt/wasmBptt.ts';
import { serveBpttRequests } from '../src/core/train/bptt/parallelBptt.ts';

// The app's types are the DOM's, not a worker's: the two members used here, declared.
const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };
const serve = serveBpttRequests(
  () => loadBpttKernel({ url: kernelUrl }),
  (reply, transfer) => scope.postMessage(reply, transfer),
  // The crash test: an uncaught error is what a broken worker shows its parent.
  () =>
    setTimeout(() => {
      throw new Error('training thread crashed (test)');
    }),
);
scope.onmessage = (ev: MessageEvent) => serve(ev.data);
scope.postMessage({ ready: true }, []);
