// One thread of the threaded wasm engine (workers/wasmThreads.ts): the kernel, and runs of one
// slice of a batch at a time.
import kernelUrl from '../src/core/engine/kernels/build/spikeKernels.wasm?url';
import { createEngine } from '../src/core/engine/index.ts';
import { servePartRequests } from '../src/core/engine/split/threadEngine.ts';

// The app's types are the DOM's, not a worker's: the two members used here, declared.
const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };
const engine = await createEngine('wasm', { kernel: { url: kernelUrl } });
const serve = servePartRequests(
  engine,
  (reply, transfer) => scope.postMessage(reply, transfer),
  // The crash test: an uncaught error is what a broken worker shows its parent.
  () =>
    setTimeout(() => {
      throw new Error('engine thread crashed (test)');
    }),
);
scope.onmessage = (ev: MessageEvent) => serve(ev.data);
scope.postMessage({ ready: true }, []);
