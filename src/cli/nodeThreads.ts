import { Worker } from 'node:worker_threads';
import type { MessageThread, ThreadReply } from '../core/engine/split/threadChannel.ts';

/**
 * Starts a Node worker thread running `module` (a URL beside this file, e.g. wasmWorkerMain.ts)
 * and resolves once it posts its first message (ready).
 */
export function startNodeThread<Q, R>(module: URL): Promise<MessageThread<Q, R>> {
  const worker = new Worker(new URL('./threadEntry.mjs', import.meta.url), { workerData: { module: module.href } });
  return new Promise<MessageThread<Q, R>>((resolve, reject) => {
    worker.once('message', () => {
      worker.off('error', reject);
      resolve({
        post: (message, transfer) => worker.postMessage(message, [...transfer]),
        onReply: (handler) => worker.on('message', (m: ThreadReply<R>) => handler(m)),
        onDeath(handler) {
          // 'error' is followed by 'exit'; report the first only.
          let gone = false;
          const die = (why: string) => {
            if (!gone) handler(why);
            gone = true;
          };
          worker.on('error', (e) => die(`failed (${e.message})`));
          worker.on('exit', (code) => die(`exited with code ${code}`));
        },
        terminate: () => void worker.terminate(),
      });
    });
    worker.once('error', reject);
  });
}
