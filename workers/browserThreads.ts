import type { MessageThread, ThreadReply } from '../src/core/engine/split/threadChannel.ts';
import { detectCapabilities } from '../src/core/engine/host/capabilities.ts';
import { planBrowserThreads, type ThreadPlan } from '../src/core/engine/split/threadPlan.ts';

/**
 * Starts a Web Worker (`make` holds the literal `new Worker(new URL(…))` that vite bundles) and
 * resolves once it posts its first message (ready). Browsers give a worker no exit event: an
 * uncaught error is how a broken one shows, so the worker is ended then and reported dead
 * (threadChannel.ts starts a fresh one).
 */
export function startBrowserThread<Q, R>(make: () => Worker, what: string): Promise<MessageThread<Q, R>> {
  const worker = make();
  return new Promise<MessageThread<Q, R>>((resolve, reject) => {
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error(`${what} did not start: ${e.message || 'its script failed to load'}`));
    };
    worker.onmessage = () =>
      resolve({
        post: (message, transfer) => worker.postMessage(message, [...transfer]),
        onReply: (handler) => {
          worker.onmessage = (ev: MessageEvent<ThreadReply<R>>) => handler(ev.data);
        },
        onDeath: (handler) => {
          let gone = false;
          const die = (why: string) => {
            if (gone) return;
            gone = true;
            worker.terminate();
            handler(why);
          };
          worker.onerror = (e) => {
            e.preventDefault();
            die(`failed (${e.message || 'uncaught error'})`);
          };
          worker.onmessageerror = () => die('sent a message that could not be read');
        },
        terminate: () => worker.terminate(),
      });
  });
}

/** The thread plan of this worker: isolation, shared memory as probed here, and the cores it reports. */
export function browserThreadPlan(): ThreadPlan {
  const sharedMemory = detectCapabilities().sharedArrayBuffer;
  return planBrowserThreads({ isolated: globalThis.crossOriginIsolated === true, sharedMemory, cores: globalThis.navigator?.hardwareConcurrency });
}
