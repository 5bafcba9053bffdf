import { Worker } from 'node:worker_threads';
import { EngineError, SpikelabError } from '../core/errors.ts';
import { createSplitEngine } from '../core/engine/split/splitEngine.ts';
import type { Engine, EngineInfo, SimOptions, SimulationResult } from '../core/engine/types.ts';
import type { WorkerReply, WorkerRequest } from './wasmWorkerMain.ts';

/** An Engine whose simulate runs the wasm engine in a worker thread of its own. */
export interface ThreadEngine extends Engine {
  /** Ends the thread as a crash would (tests): its runs fail, and the next run gets a new thread. */
  crashForTest(): void;
}

/** Starts a worker thread with the wasm engine and resolves once its kernel is loaded. */
function startThread(): Promise<Worker> {
  const worker = new Worker(new URL('./wasmWorker.mjs', import.meta.url));
  return new Promise<Worker>((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

/**
 * The wasm engine in a worker thread. A thread that dies (an uncaught error, out of memory, a
 * crash) fails the runs it had, and a fresh thread takes its place for the next run; nothing
 * waits forever. Disposing ends the thread for good.
 */
async function workerEngine(info: EngineInfo): Promise<ThreadEngine> {
  const pending = new Map<number, { resolve: (r: SimulationResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  let disposed = false;
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new EngineError(`a wasm engine thread ${why}; the run was lost, start it again`));
    pending.clear();
  };
  const attach = (worker: Worker): Worker => {
    worker.on('message', (m: WorkerReply) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if ('result' in m) p.resolve(m.result);
      else p.reject(new SpikelabError(m.error.code, m.error.message));
    });
    let gone = false;
    const die = (why: string) => {
      if (gone) return;
      gone = true;
      failAll(why);
      // A replacement starts now, so the next run does not pay for it.
      if (!disposed) thread = startThread().then(attach);
    };
    worker.on('error', (e) => die(`failed (${e.message})`));
    worker.on('exit', (code) => die(`exited with code ${code}`));
    return worker;
  };
  let thread: Promise<Worker> = startThread().then(attach);
  await thread;
  return {
    info: () => info,
    async simulate(net, input, options) {
      const worker = await thread;
      const id = next++;
      // The signal and the progress callback cannot cross a thread: only the data does.
      const opts: SimOptions = {
        dtMs: options.dtMs,
        ...(options.recordSpikes === undefined ? {} : { recordSpikes: options.recordSpikes }),
        ...(options.membrane === undefined ? {} : { membrane: options.membrane }),
      };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // The slice's input is a fresh array (splitEngine.ts), so it moves instead of being copied;
        // this engine is only ever a part of the split engine for that reason.
        const buffer = input.values.buffer;
        worker.postMessage({ id, net, input, options: opts } satisfies WorkerRequest, buffer instanceof ArrayBuffer ? [buffer] : []);
      });
    },
    crashForTest: () => void thread.then((w) => w.postMessage({ crash: true })),
    dispose() {
      disposed = true;
      void thread.then((w) => w.terminate());
    },
  };
}

/**
 * The wasm engine on `threads` worker threads, each running a slice of the batch (Node only; the
 * browser will do the same with Web Workers). Cancelling takes effect when the slices finish.
 */
export async function createThreadedWasmEngine(threads: number): Promise<Engine & { crashThreadForTest(i: number): void }> {
  const info: EngineInfo = {
    name: 'wasm',
    backend: 'wasm-simd',
    reason: `event-driven WebAssembly SIMD kernel on ${threads} worker threads (batch split between them)`,
  };
  const parts = await Promise.all(Array.from({ length: threads }, () => workerEngine(info)));
  return Object.assign(createSplitEngine(parts, info), { crashThreadForTest: (i: number) => parts[i]?.crashForTest() });
}
