import { parentPort } from 'node:worker_threads';
import { createEngine } from '../core/engine/index.ts';
import type { CompiledNetwork, SimInput, SimOptions, SimulationResult } from '../core/engine/types.ts';
import { kernelBytes } from './kernelFile.ts';

/** A run request from wasmThreads.ts; options arrive without signal and callbacks (not cloneable). */
export interface WorkerRequest {
  readonly id: number;
  readonly net: CompiledNetwork;
  readonly input: SimInput;
  readonly options: SimOptions;
}

/** The answer: the result, or the error's code and message. */
export type WorkerReply = { readonly id: number; readonly result: SimulationResult } | { readonly id: number; readonly error: { readonly code: string; readonly message: string } };

const port = parentPort;
if (!port) throw new Error('wasmWorkerMain.ts runs inside a worker thread only');
const engine = await createEngine('wasm', { kernel: await kernelBytes() });
port.on('message', (req: WorkerRequest | { readonly crash: true }) => {
  // wasmThreads.ts's crashForTest: end the thread as an uncaught failure would.
  if ('crash' in req) process.exit(70);
  engine.simulate(req.net, req.input, req.options).then(
    (result) => {
      // Spike trains go back without a copy; the worker never touches them again.
      const buffers = result.layers.flatMap((l) => l.spikes.flatMap((s) => [s.times.buffer, s.ids.buffer])).filter((b) => b instanceof ArrayBuffer);
      port.postMessage({ id: req.id, result } satisfies WorkerReply, buffers);
    },
    (e: unknown) => {
      const code = typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : 'engine_failed';
      port.postMessage({ id: req.id, error: { code, message: e instanceof Error ? e.message : String(e) } } satisfies WorkerReply);
    },
  );
});
port.postMessage({ ready: true });
