import type { CrashRequest } from '../src/core/engine/split/threadChannel.ts';

// The app's types are the DOM's, not a worker's: the two members used here, declared.
const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

/**
 * Runs a thread's request handler in this Web Worker (wasmPart.worker.ts, bpttPart.worker.ts):
 * `make` gets the reply poster and the crash hook, and the worker says it is ready.
 */
export function serveInWorker<M>(make: (post: (reply: unknown, transfer: ArrayBuffer[]) => void, exit: () => void) => (message: M | CrashRequest) => void): void {
  const serve = make(
    (reply, transfer) => scope.postMessage(reply, transfer),
    // The crash test: an uncaught error is what a broken worker shows its parent.
    () =>
      setTimeout(() => {
        throw new Error('thread crashed (test)');
      }),
  );
  scope.onmessage = (ev: MessageEvent) => serve(ev.data);
  scope.postMessage({ ready: true }, []);
}
