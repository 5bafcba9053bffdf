import type { CrashRequest } from '../src/core/engine/split/threadChannel.ts';

// The app's types are the DOM's, not a worker's: the two members used here, declared.
const scope = self as unknown as { onmessage: ((ev: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

/**
 * Runs a thread's request handler in this Web Worker (wasmPart.worker.ts, bpttPart.worker.ts):
 * `make` gets the reply poster and the crash hook, and the worker says it is ready.
 */
export function serveInWorker<M>(make: (post: (reply: unknown, transfer: ArrayBuffer[]) => void, exit: () => void) => (message: M | CrashRequest) => void): void {
  // A crashed worker answers nothing more: the parent only learns of the crash from its error
  // event, and a request already queued behind the crash must not be served meanwhile (it was,
  // when the error was thrown from a timer that ran after the next message).
  let crashed = false;
  const serve = make(
    (reply, transfer) => {
      if (!crashed) scope.postMessage(reply, transfer);
    },
    // The crash test: an uncaught error is what a broken worker shows its parent.
    () => {
      crashed = true;
      throw new Error('thread crashed (test)');
    },
  );
  scope.onmessage = (ev: MessageEvent) => {
    if (!crashed) serve(ev.data);
  };
  scope.postMessage({ ready: true }, []);
}
