import { Worker } from 'node:worker_threads';
import { EngineError, SpikelabError } from '../core/errors.ts';
import { createSplitEngine } from '../core/engine/split/splitEngine.ts';
import type { Engine, EngineInfo, SimOptions, SimulationResult } from '../core/engine/types.ts';
import type { WorkerReply, WorkerRequest } from './wasmWorkerMain.ts';

/** An Engine whose simulate runs the wasm engine in a worker thread of its own. */
async function workerEngine(info: EngineInfo): Promise<Engine> {
  const worker = new Worker(new URL('./wasmWorker.mjs', import.meta.url));
  const pending = new Map<number, { resolve: (r: SimulationResult) => void; reject: (e: Error) => void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (m: WorkerReply) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if ('result' in m) p.resolve(m.result);
    else p.reject(new SpikelabError(m.error.code, m.error.message));
  });
  // A thread that dies (or is disposed) fails its runs instead of leaving them pending forever.
  const failAll = (why: string) => {
    for (const p of pending.values()) p.reject(new EngineError(`a wasm engine thread ${why}; the run was lost, start it again`));
    pending.clear();
  };
  worker.on('error', (e) => failAll(`failed (${e.message})`));
  worker.on('exit', (code) => failAll(`exited with code ${code}`));
  return {
    info: () => info,
    simulate(net, input, options) {
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
    dispose: () => void worker.terminate(),
  };
}

/**
 * The wasm engine on `threads` worker threads, each running a slice of the batch (Node only; the
 * browser will do the same with Web Workers). Cancelling takes effect when the slices finish.
 */
export async function createThreadedWasmEngine(threads: number): Promise<Engine> {
  const info: EngineInfo = {
    name: 'wasm',
    backend: 'wasm-simd',
    reason: `event-driven WebAssembly SIMD kernel on ${threads} worker threads (batch split between them)`,
  };
  const parts = await Promise.all(Array.from({ length: threads }, () => workerEngine(info)));
  return createSplitEngine(parts, info);
}
